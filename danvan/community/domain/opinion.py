"""Opinion topics and reports. Rights inside (``require``); typed refusals. An urgent report appears at
once on the dashboard of the leaders (lãnh đạo) whose scope covers the reporting organization, until one
of them acknowledges it (``acknowledge``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.community.models import OpinionReport, OpinionTopic
from danvan.core.domain import audit
from danvan.core.domain.refusals import WrongState
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
                spread: int, source: str, topic=None, recommendation: str = "", urgent: bool = False) -> OpinionReport:
    """An opinion report (never naming the people quoted). Effects: inserts it; "create" audit event (an
    urgent one is then on the leaders' dashboards until acknowledged). Raises ``NotAllowed`` unless
    ``actor`` may change ``organization`` and ``topic`` was asked by an organization whose area covers it; ``ValidationError`` for a missing statement
    or social group, a stance or source not in the list, strength or spread outside 1–5."""
    require(actor, "change", organization, _("You may not report for %(org)s.") % {"org": organization.name},
            field="organization")
    if topic is not None and not AreaReach.objects.filter(ancestor_id=topic.organization.area_id,
                                                           descendant_id=organization.area_id).exists():
        raise ValidationError({"topic": _("This topic was not asked in the area of %(org)s.") % {
            "org": organization.name}})
    errors = {}
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
        organization=organization, topic=topic, area=area, date=date, social_groups=social_groups.strip(),
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
