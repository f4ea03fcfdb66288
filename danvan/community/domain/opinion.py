"""Opinion topics and reports. Rights inside (``require``); typed refusals. An urgent report appears at
once on the dashboard of the leaders (lãnh đạo) whose scope covers the reporting organization, until one
of them acknowledges it (``acknowledge``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.community.domain.privacy import sees_identity
from danvan.community.models import (
    CollaboratorLevel,
    OpinionCollaborator,
    OpinionReport,
    OpinionTopic,
    SocialGroup,
)
from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.refusals import NotAllowed, WrongState
from danvan.orgs.scope import require
from danvan.places.models import AreaReach


@transaction.atomic
def create_topic(*, actor, organization, title: str, due_date, guidance: str = "") -> OpinionTopic:
    """A topic the Ban asks about. Effects: inserts it; "create" audit event. Raises ``NotAllowed`` unless
    ``actor`` may change ``organization``; ``ValidationError`` without a title or due date."""
    require(actor, "change", organization, _("You may not ask topics for %(org)s.") % {"org": organization.name},
            field="organization")
    if not (title or "").strip():
        raise ValidationError({"title": _("Enter the title.")})
    if due_date is None:
        raise ValidationError({"due_date": _("Enter the due date.")})
    topic = OpinionTopic.objects.create(organization=organization, title=title.strip(), due_date=due_date,
                                        guidance=(guidance or "").strip())
    audit.record(actor, "create", topic)
    return topic


@transaction.atomic
def file_report(*, actor, organization, area, date, social_groups: str, statement: str, stance: str, strength: int,
                spread: int, source: str, topic=None, recommendation: str = "", urgent: bool = False,
                social_group: str = SocialGroup.OTHER, collaborator=None) -> OpinionReport:
    """An opinion report (never naming the people quoted). Effects: inserts it; "create" audit event (an
    urgent one is then on the leaders' dashboards until acknowledged). Raises ``NotAllowed`` unless
    ``actor`` may change ``organization``; ``ValidationError`` when ``topic`` was not asked by an
    organization whose area covers it, when ``collaborator`` is not managed by ``organization`` or
    above it, for a missing statement or social group, a stance, group or source not in the list,
    strength or spread outside 1–5."""
    require(actor, "change", organization, _("You may not report for %(org)s.") % {"org": organization.name},
            field="organization")
    if topic is not None and not AreaReach.objects.filter(ancestor_id=topic.organization.area_id,
                                                           descendant_id=organization.area_id).exists():
        raise ValidationError({"topic": _("This topic was not asked in the area of %(org)s.") % {
            "org": organization.name}})
    errors = {}
    if collaborator is not None and not AreaReach.objects.filter(
            ancestor_id=collaborator.organization.area_id, descendant_id=organization.area_id).exists():
        errors["collaborator"] = _("This collaborator is not managed for the area of %(org)s.") % {
            "org": organization.name}
    if social_group not in SocialGroup.values:
        errors["social_group"] = _("Choose the social group.")
    if not (statement or "").strip():
        errors["statement"] = _("Enter the current of opinion.")
    if not (social_groups or "").strip():
        errors["social_groups"] = _("Enter the social groups.")
    if stance not in OpinionReport.Stance.values:
        errors["stance"] = _("Choose the stance.")
    if source not in OpinionReport.Source.values:
        errors["source"] = _("Choose the source.")
    for name, value in (("strength", strength), ("spread", spread)):
        if not isinstance(value, int) or not 1 <= value <= 5:
            errors[name] = _("Choose a value from 1 to 5.")
    if area is None:
        errors["area"] = _("Choose the area.")
    if date is None:
        errors["date"] = _("Enter the date.")
    if errors:
        raise ValidationError(errors)
    report = OpinionReport.objects.create(
        organization=organization, topic=topic, collaborator=collaborator, social_group=social_group,
        area=area, date=date, social_groups=social_groups.strip(),
        statement=statement.strip(), stance=stance, strength=strength, spread=spread, source=source,
        recommendation=(recommendation or "").strip(), urgent=bool(urgent))
    audit.record(actor, "create", report)
    return report


@transaction.atomic
def acknowledge(*, actor, report: OpinionReport) -> OpinionReport:
    """A leader acknowledges an urgent report (it leaves the dashboards). Effects: sets ``acknowledged_at``
    and ``acknowledged_by``; "action" audit event. Raises ``NotAllowed`` unless ``actor`` may approve for
    the reporting organization, ``WrongState`` when not urgent or already acknowledged."""
    require(actor, "approve", report, _("Only a leader above the reporting organization acknowledges it."))
    locked = OpinionReport.objects.unscoped("domain lock by primary key").select_for_update().get(pk=report.pk)
    if not locked.urgent or locked.acknowledged_at is not None:
        raise WrongState(_("This report is not waiting for acknowledgement."))
    locked.acknowledged_at, locked.acknowledged_by = timezone.now(), actor
    locked.save(update_fields=["acknowledged_at", "acknowledged_by"])
    audit.record(actor, "action", locked, message=_("Urgent report acknowledged"))
    report.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return locked


def _collaborator_errors(*, full_name, level, social_group, area, term_from, term_to, birth_year) -> dict:
    errors = {}
    if not (full_name or "").strip():
        errors["full_name"] = _("Enter the full name.")
    if level not in CollaboratorLevel.values:
        errors["level"] = _("Choose the level.")
    if social_group not in SocialGroup.values:
        errors["social_group"] = _("Choose the social group.")
    if area is None:
        errors["area"] = _("Choose the area.")
    if term_from is None:
        errors["term_from"] = _("Enter the start of the term.")
    elif term_to is not None and term_to < term_from:
        errors["term_to"] = _("The end of the term must be after its start.")
    if birth_year is not None and not 1900 <= birth_year <= 2100:
        errors["birth_year"] = _("The year of birth must be between 1900 and 2100.")
    return errors


@transaction.atomic
def appoint_collaborator(*, actor, organization, full_name: str, level: str, social_group: str, area, term_from,
                         term_to=None, confidential: bool = False, gender: str = "", birth_year=None,
                         occupation: str = "", phone: str = "", decision_number: str = "",
                         decision_date=None) -> OpinionCollaborator:
    """Appoint an opinion collaborator managed by ``organization``. Effects: inserts it with the next
    code of the organization (``CTV-<organization>-<n>``); "create" audit event (named by the code only).
    Raises ``NotAllowed`` unless ``actor`` may change ``organization`` and the area is in its area;
    ``ValidationError`` for a missing name, level, social group, area or start, or dates out of order."""
    require(actor, "change", organization, _("You may not appoint collaborators for %(org)s.") % {
        "org": organization.name}, field="organization")
    errors = _collaborator_errors(full_name=full_name, level=level, social_group=social_group, area=area,
                                  term_from=term_from, term_to=term_to, birth_year=birth_year)
    if errors:
        raise ValidationError(errors)
    if not AreaReach.objects.filter(ancestor_id=organization.area_id, descendant_id=area.pk).exists():
        raise ValidationError({"area": _("The area is outside the area of %(org)s.") % {"org": organization.name}})
    prefix = f"CTV-{organization.pk}-"
    Organization = type(organization)
    Organization._base_manager.select_for_update().filter(pk=organization.pk).first()  # one code at a time
    taken = OpinionCollaborator.objects.unscoped("the next code of an organization (codes only)").filter(
        code__startswith=prefix).values_list("code", flat=True)
    number = max((int(c[len(prefix):]) for c in taken if c[len(prefix):].isdigit()), default=0) + 1
    collaborator = OpinionCollaborator.objects.create(
        organization=organization, code=f"{prefix}{number:03d}", full_name=full_name.strip(),
        gender=gender or "", birth_year=birth_year, occupation=(occupation or "").strip(),
        phone=(phone or "").strip(), level=level, social_group=social_group, area=area,
        decision_number=(decision_number or "").strip(), decision_date=decision_date, term_from=term_from,
        term_to=term_to, confidential=bool(confidential))
    audit.record(actor, "create", collaborator)
    return collaborator


@transaction.atomic
def update_collaborator(*, actor, collaborator: OpinionCollaborator, expected_version=None, **values):
    """Change a collaborator's term, decision, level, group, area or confidentiality (and, for who may see
    the identity, the identity). Effects: saves the fields given, bumps ``version``; "update" audit event
    with the changed fields (``edit``). Raises ``NotAllowed`` unless ``actor`` may change the managing
    organization, and for a confidential collaborator's identity unless ``actor`` leads that organization;
    ``StaleVersion`` on a stale version; ``ValidationError`` as ``appoint_collaborator``."""
    require(actor, "change", collaborator, _("You may not change this collaborator."))
    identity = {"full_name", "gender", "birth_year", "occupation", "phone"}
    allowed = identity | {"level", "social_group", "area", "decision_number", "decision_date", "term_from",
                          "term_to", "confidential"}
    unknown = set(values) - allowed
    if unknown:
        raise ValidationError({sorted(unknown)[0]: _("This field cannot be changed here.")})
    if identity & set(values) and actor is not None and not sees_identity(actor, collaborator):
        raise NotAllowed(_("Only a leader of the managing organization may change a confidential collaborator's "
                           "identity."), field="full_name")
    if "confidential" in values and not values["confidential"] and collaborator.confidential and actor is not None \
            and not sees_identity(actor, collaborator):
        raise NotAllowed(_("Only a leader of the managing organization may lift the confidentiality."),
                         field="confidential")
    with edit(collaborator, actor=actor, expected_version=expected_version,
              stale=_("This collaborator was just changed by someone else. Reload the page and try again.")) as row:
        for name, value in values.items():
            setattr(row, name, value.strip() if isinstance(value, str) else value)
        errors = _collaborator_errors(full_name=row.full_name, level=row.level, social_group=row.social_group,
                                      area=row.area, term_from=row.term_from, term_to=row.term_to,
                                      birth_year=row.birth_year)
        if errors:
            raise ValidationError(errors)
    return collaborator
