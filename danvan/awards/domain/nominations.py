"""Domain actions on nominations: the flow nháp → đề nghị → thẩm định → quyết định / không đồng ý.

Every step is a domain action recorded as a ``NominationStep`` (who, when, why) and an audit event.
Rights are checked here, whoever calls (page, API, import): a nomination is written by a user who may
change the nominating organization, and names only people, collectives and meetings in that user's
scope; the steps after submission belong to a leader of the level above. Refusals of a right raise
``NotAllowed`` (``danvan.core.domain.refusals``), bad values and wrong states ``ValidationError``;
``actor`` None is the system (demo)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.awards.domain.eligibility import evaluate
from danvan.awards.models import Nomination, NominationFile, NominationStatus, NominationStep, NomineeType
from danvan.core import files
from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.refusals import NotAllowed
from danvan.orgs.scope import active_memberships, can, require

S = NominationStatus
EDITABLE_FIELDS = ["award_kind", "year", "nominee_type", "person", "collective", "nominee_position", "organization",
                   "justification", "years_in_work", "last_discipline_year", "established_year", "meeting"]
DOSSIER_TYPES = (files.PDF, files.DOCX, files.DOC, files.JPEG, files.PNG)


def _check(n: Nomination) -> None:
    errors = {}
    if n.nominee_type == NomineeType.INDIVIDUAL:
        if not n.person_id:
            errors["person"] = _("Choose the person nominated.")
        if not n.award_kind.for_individuals:
            errors["award_kind"] = _("This award is not given to individuals.")
        n.collective = None
    elif n.nominee_type == NomineeType.COLLECTIVE:
        if not n.collective_id:
            errors["collective"] = _("Choose the collective nominated.")
        if not n.award_kind.for_collectives:
            errors["award_kind"] = _("This award is not given to collectives.")
        n.person = None
    if not (n.justification or "").strip():
        errors["justification"] = _("Enter the justification.")
    if n.year and not 2000 <= n.year <= 2100:
        errors["year"] = _("Enter a year between 2000 and 2100.")
    if errors:
        raise ValidationError(errors)


def _require_rights(actor, values: dict, *, organization) -> None:
    """The nominating organization must be one ``actor`` may change; the people, collective and meeting
    named must be in the actor's scope."""
    if organization is None:
        raise ValidationError({"organization": _("Choose the nominating organization.")})
    require(actor, "change", organization, _("You may not nominate on behalf of %(org)s.") % {
        "org": organization.name}, field="organization")
    if values.get("person") is not None:
        require(actor, "view", values["person"], _("This person is not in your scope."), field="person")
    if values.get("collective") is not None:
        require(actor, "view", values["collective"], _("This collective is not in your scope."), field="collective")
    if values.get("meeting") is not None:
        require(actor, "view", values["meeting"], _("This meeting is not in your scope."), field="meeting")


@transaction.atomic
def create_nomination(*, actor, **values) -> Nomination:
    """Create a draft nomination.

    Effects: inserts the ``Nomination`` (status draft) with the nominee's name as a snapshot;
    "create" audit event. Raises ``NotAllowed`` unless ``actor`` may change the nominating
    organization and sees the nominee and the meeting, ``ValidationError`` when the nominee does not
    match the award kind or a required field is missing (nothing saved)."""
    _require_rights(actor, values, organization=values.get("organization"))
    n = Nomination(created_by=actor if getattr(actor, "pk", None) else None, **values)
    _check(n)
    n.save()
    audit.record(actor, "create", n, changes=audit.diff({}, audit.snapshot(n)))
    return n


@transaction.atomic
def update_nomination(n: Nomination, *, actor, expected_version=None, **values) -> Nomination:
    """Change a draft nomination.

    Effects: updates the row, bumps ``version``, "update" audit event. Raises ``NotAllowed`` unless
    ``actor`` may change the nominating organization (the current one and a new one) and sees what
    the change names, ``StaleVersion`` on a concurrent edit, ``ValidationError`` when it is no longer a
    draft or on bad values (nothing changed)."""
    require(actor, "change", n.organization, _("You may not change this nomination."))
    _require_rights(actor, values, organization=values.get("organization", n.organization))
    stale = _("This nomination was just changed by someone else. Reload the page and edit again.")
    with edit(n, actor=actor, expected_version=expected_version, stale=stale) as locked:
        if locked.status != S.DRAFT:
            raise ValidationError(_("Only a draft nomination can be edited."))
        for key, value in values.items():
            setattr(locked, key, value)
        _check(locked)
    return locked


def is_top(organization) -> bool:
    """An organization of a province (its area has no parent): nobody in the system is above it, so its
    own leaders take the steps after submission (as for a province's own report)."""
    return organization.area.parent_id is None


def is_level_above(user, n: Nomination) -> bool:
    """The level above: may approve on the nominating organization without working in it; for an
    organization at the top (a province's Ban), its own leaders (lãnh đạo) decide."""
    if user.is_superuser:
        return True
    memberships = active_memberships(user)
    if is_top(n.organization) and any(m.organization_id == n.organization_id and "approve" in m.actions
                                      for m in memberships):
        return True
    own = {m.organization_id for m in memberships}
    return n.organization_id not in own and can(user, "approve", n.organization)


def _move(n: Nomination, *, actor, allowed_from: set, to: str, reason: str = "", **fields) -> Nomination:
    locked = Nomination.objects.unscoped("domain lock by primary key").select_for_update().get(pk=n.pk)
    if locked.status not in allowed_from:
        raise ValidationError(_("A nomination cannot go from “%(old)s” to “%(new)s”.") % {
            "old": locked.get_status_display(), "new": S(to).label})
    old = locked.status
    locked.status = to
    for key, value in fields.items():
        setattr(locked, key, value)
    locked.version += 1
    locked.save()
    memberships = active_memberships(actor)
    NominationStep.objects.create(nomination=locked, from_status=old, to_status=to,
                                  actor=actor if getattr(actor, "pk", None) else None,
                                  organization=memberships[0].organization if memberships else None, reason=reason)
    audit.record(actor, "action", locked, message=f"{S(old).label} → {S(to).label}" + (f": {reason}" if reason else ""))
    n.__dict__.update(locked.__dict__)
    return locked


@transaction.atomic
def submit(*, actor, nomination: Nomination, reason: str = "") -> Nomination:
    """Nháp → đề nghị: the nominating organization sends the nomination to the level above.

    Effects: status "proposed"; a ``NominationStep``; audit event; a notification to the leaders of the
    level above (``_notify_level_above``). Refused (``ValidationError``,
    nothing changed) when an eligibility rule fails (the message lists them); ``NotAllowed`` when the
    user may not change the nominating organization."""
    if actor is not None and not can(actor, "change", nomination.organization):
        raise NotAllowed(_("Only the nominating organization can submit this nomination."))
    failed = [r for r in evaluate(nomination) if not r.passed]
    if failed:
        raise ValidationError(_("The nomination does not meet: %(rules)s.") % {
            "rules": "; ".join(f"{r.label} ({r.detail})" for r in failed)})
    moved = _move(nomination, actor=actor, allowed_from={S.DRAFT}, to=S.PROPOSED, reason=reason)
    _notify_level_above(moved, _("%(org)s proposed a nomination for your appraisal: %(name)s"))
    return moved


def _notify_level_above(n: Nomination, template: str) -> int:
    """Tell the leaders who take the next step (the level above; at the top, the organization's own
    leaders) that ``n`` waits for them. Effects: ``notify`` once per nomination and step."""
    from django.db.models import Q
    from django.urls import reverse

    from danvan.core.domain.notifications import notify
    from danvan.orgs.models import Organization
    from danvan.orgs.models.organization import AREA_SCOPED_KINDS
    from danvan.orgs.queries.members import members_of

    org = n.organization
    area_ids = [a for a in (org.area_id, org.area.parent_id) if a]
    candidates = Organization.objects.filter(Q(pk=org.parent_id) | Q(pk=org.pk)
                                             | Q(area_id__in=area_ids, kind__in=AREA_SCOPED_KINDS))
    users = [u for u in members_of(candidates.values_list("id", flat=True), roles=("leader",))
             if is_level_above(u, n)]
    return notify(users=users, kind=f"awards.{n.status}", key=f"nomination:{n.pk}:{n.status}:{n.version}",
                  url=reverse("nomination_detail", args=[n.pk]),
                  message=template % {"org": org.name, "name": str(n)})


def _require_level_above(actor, nomination):
    if not is_level_above(actor, nomination):
        raise NotAllowed(_("Only a leader of the level above the nominating organization can do this."))


@transaction.atomic
def appraise(*, actor, nomination: Nomination, reason: str = "") -> Nomination:
    """Đề nghị → thẩm định, by the level above. Effects: status "appraised"; step; audit event; a
    notification to the leaders who decide.
    Refused unless the actor is a leader of the level above."""
    _require_level_above(actor, nomination)
    moved = _move(nomination, actor=actor, allowed_from={S.PROPOSED}, to=S.APPRAISED, reason=reason)
    _notify_level_above(moved, _("A nomination of %(org)s was appraised and waits for the decision: %(name)s"))
    return moved


@transaction.atomic
def return_to_draft(*, actor, nomination: Nomination, reason: str) -> Nomination:
    """Đề nghị → nháp: the level above sends it back for completion (a reason is required).
    Effects: status "draft"; step; audit event."""
    _require_level_above(actor, nomination)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Enter the reason for returning the nomination.")})
    return _move(nomination, actor=actor, allowed_from={S.PROPOSED}, to=S.DRAFT, reason=reason)


@transaction.atomic
def decide(*, actor, nomination: Nomination, decision_number: str, decision_date: datetime.date,
           reason: str = "") -> Nomination:
    """Thẩm định → quyết định: record the award decision's number and date.
    Effects: status "decided", decision number and date set; step; audit event. Refused without
    a number or date, a date in the future, or unless the actor is a leader of the level above."""
    _require_level_above(actor, nomination)
    errors = {}
    if not (decision_number or "").strip():
        errors["decision_number"] = _("Enter the decision number.")
    if not decision_date:
        errors["decision_date"] = _("Enter the decision date.")
    elif decision_date > timezone.localdate():
        errors["decision_date"] = _("The decision date %(d)s is in the future (today is %(today)s).") % {
            "d": decision_date.strftime("%d/%m/%Y"), "today": timezone.localdate().strftime("%d/%m/%Y")}
    if errors:
        raise ValidationError(errors)
    return _move(nomination, actor=actor, allowed_from={S.APPRAISED}, to=S.DECIDED, reason=reason,
                 decision_number=decision_number.strip(), decision_date=decision_date)


@transaction.atomic
def reject(*, actor, nomination: Nomination, reason: str) -> Nomination:
    """Đề nghị or thẩm định → không đồng ý (a reason is required).
    Effects: status "rejected"; step; audit event."""
    _require_level_above(actor, nomination)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Enter the reason for not agreeing.")})
    return _move(nomination, actor=actor, allowed_from={S.PROPOSED, S.APPRAISED}, to=S.REJECTED, reason=reason)


@transaction.atomic
def add_file(*, actor, nomination: Nomination, file, kind: str = NominationFile.Kind.OTHER) -> NominationFile:
    """Attach a dossier file to a draft nomination.

    Effects: stores the file under a random name (its own name kept as ``original_name``) and inserts
    a ``NominationFile``; audit event. Refused when the nomination is no longer a draft, or the file's
    type or size is not accepted (``ValidationError``), or unless ``actor`` may change the nominating
    organization (``NotAllowed``)."""
    require(actor, "change", nomination.organization, _("You may not change this nomination."))
    if nomination.status != S.DRAFT:
        raise ValidationError(_("Files can only be added to a draft nomination."))
    files.check_upload(file, allowed=DOSSIER_TYPES, field="file")
    item = NominationFile(nomination=nomination, kind=kind, size=getattr(file, "size", 0) or 0,
                          original_name=files.original_name(file),
                          uploaded_by=actor if getattr(actor, "pk", None) else None)
    files.store(item.file, file)
    item.save()
    audit.record(actor, "action", nomination, message=_("Added dossier file %(name)s") % {"name": item.original_name})
    return item


def record_view(*, actor, nomination: Nomination) -> None:
    """Log that ``actor`` read a nominee's personal data (an individual's nomination), on the page or
    through the API alike. Effects: one "view" audit event; nothing for a collective's nomination."""
    if nomination.person_id:
        audit.record(actor, "view", nomination, message=_("Read a nominee's data"))
