"""Domain actions on nominations: the flow nháp → đề nghị → thẩm định → quyết định / không đồng ý.

Every step is a domain action recorded as a ``NominationStep`` (who, when, why) and an audit event."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.awards.domain.eligibility import evaluate
from danvan.awards.models import Nomination, NominationFile, NominationStatus, NominationStep, NomineeType
from danvan.core.domain import audit
from danvan.meetings.domain.tasks import check_file
from danvan.orgs.scope import active_memberships, can

S = NominationStatus
EDITABLE_FIELDS = ["award_kind", "year", "nominee_type", "person", "collective", "nominee_position", "organization",
                   "justification", "years_in_work", "last_discipline_year", "established_year", "meeting"]
DOSSIER_TYPES = {"pdf", "docx", "doc", "jpg", "jpeg", "png"}
DOSSIER_MAX_BYTES = 10 * 1024 * 1024


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


@transaction.atomic
def create_nomination(*, actor, **values) -> Nomination:
    """Create a draft nomination.

    Effects: inserts the ``Nomination`` (status draft) with the nominee's name as a snapshot;
    "create" audit event. Raises ``ValidationError`` when the nominee does not match the award
    kind or a required field is missing (nothing saved)."""
    n = Nomination(created_by=actor if getattr(actor, "pk", None) else None, **values)
    _check(n)
    n.save()
    audit.record(actor, "create", n, changes=audit.diff({}, audit.snapshot(n)))
    return n


@transaction.atomic
def update_nomination(n: Nomination, *, actor, expected_version=None, **values) -> Nomination:
    """Change a draft nomination.

    Effects: updates the row, bumps ``version``, "update" audit event. Raises ``ValidationError``
    when it is no longer a draft, on a concurrent edit, or on bad values (nothing changed)."""
    locked = Nomination.objects.unscoped("domain lock by primary key").select_for_update().get(pk=n.pk)
    if locked.status != S.DRAFT:
        raise ValidationError(_("Only a draft nomination can be edited."))
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(_("This nomination was just changed by someone else. Reload the page and edit again."),
                              code="conflict")
    before = audit.snapshot(locked)
    for key, value in values.items():
        setattr(locked, key, value)
    _check(locked)
    locked.version += 1
    locked.save()
    audit.record(actor, "update", locked, changes=audit.diff(before, audit.snapshot(locked)))
    n.__dict__.update(locked.__dict__)
    return locked


def is_level_above(user, n: Nomination) -> bool:
    """The level above: may approve on the nominating organization without working in it."""
    if user.is_superuser:
        return True
    own = {m.organization_id for m in active_memberships(user)}
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

    Effects: status "proposed"; a ``NominationStep``; audit event. Refused (``ValidationError``,
    nothing changed) when the user may not change the nominating organization, or when an
    eligibility rule fails (the message lists them)."""
    if not can(actor, "change", nomination.organization):
        raise ValidationError(_("Only the nominating organization can submit this nomination."))
    failed = [r for r in evaluate(nomination) if not r.passed]
    if failed:
        raise ValidationError(_("The nomination does not meet: %(rules)s.") % {
            "rules": "; ".join(f"{r.label} ({r.detail})" for r in failed)})
    return _move(nomination, actor=actor, allowed_from={S.DRAFT}, to=S.PROPOSED, reason=reason)


def _require_level_above(actor, nomination):
    if not is_level_above(actor, nomination):
        raise ValidationError(_("Only a leader of the level above the nominating organization can do this."))


@transaction.atomic
def appraise(*, actor, nomination: Nomination, reason: str = "") -> Nomination:
    """Đề nghị → thẩm định, by the level above. Effects: status "appraised"; step; audit event.
    Refused unless the actor is a leader of the level above."""
    _require_level_above(actor, nomination)
    return _move(nomination, actor=actor, allowed_from={S.PROPOSED}, to=S.APPRAISED, reason=reason)


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
    a number or date, or unless the actor is a leader of the level above."""
    _require_level_above(actor, nomination)
    errors = {}
    if not (decision_number or "").strip():
        errors["decision_number"] = _("Enter the decision number.")
    if not decision_date:
        errors["decision_date"] = _("Enter the decision date.")
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

    Effects: stores the file and inserts a ``NominationFile``; audit event. Refused when the
    nomination is no longer a draft, or the file's type or size is not accepted."""
    if nomination.status != S.DRAFT:
        raise ValidationError(_("Files can only be added to a draft nomination."))
    check_file(file, field="file", allowed=DOSSIER_TYPES, max_bytes=DOSSIER_MAX_BYTES)
    item = NominationFile(nomination=nomination, kind=kind, size=getattr(file, "size", 0) or 0,
                          uploaded_by=actor if getattr(actor, "pk", None) else None)
    item.file.save(getattr(file, "name", "ho-so"), file, save=False)
    item.save()
    audit.record(actor, "action", nomination, message=_("Added dossier file %(name)s") % {"name": file.name})
    return item
