"""Supervision: findings and recommendations of the oversight boards and of the commune's Front, with
the answer due from the organization they are addressed to (late when unanswered after it: derived)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.refusals import WrongState
from danvan.democracy.models import BoardKind, OversightBoard, OversightFinding
from danvan.orgs.models import Kind
from danvan.orgs.scope import require

MIN_INSPECTION_MEMBERS = 5
ANSWER_DAYS = 30  # default time to answer a recommendation (unconfirmed; the form may set another date)


def is_late(finding, *, today: datetime.date) -> bool:
    return finding.answered_on is None and today > finding.answer_due or (
        finding.answered_on is not None and finding.answered_on > finding.answer_due)


@transaction.atomic
def create_board(*, actor, organization, kind: str, term_start: datetime.date, members: list[dict],
                 project: str = "", term_end=None) -> OversightBoard:
    """Effects: checks the right on ``organization`` and the board (an inspection board has at least 5
    members; an investment board names its project); inserts one ``OversightBoard`` and one audit event."""
    require(actor, "change", organization, _("You may not record boards for this organization."),
            field="organization")
    members = [{"name": str(m.get("name", "")).strip()[:120], "role": str(m.get("role", "")).strip()[:60]}
               for m in members if str(m.get("name", "")).strip()]
    errors = {}
    if kind not in BoardKind.values:
        errors["kind"] = [_("Choose a kind of board.")]
    if kind == BoardKind.INSPECTION and len(members) < MIN_INSPECTION_MEMBERS:
        errors["members"] = [_("A people's inspection board has at least %(n)s members.") % {
            "n": MIN_INSPECTION_MEMBERS}]
    if kind == BoardKind.INVESTMENT and not project.strip():
        errors["project"] = [_("Name the project the board supervises.")]
    if term_end and term_end < term_start:
        errors["term_end"] = [_("The term cannot end before it starts.")]
    if errors:
        raise ValidationError(errors)
    board = OversightBoard.objects.create(organization=organization, area=organization.area, kind=kind,
                                          project=project[:300], term_start=term_start, term_end=term_end,
                                          members=members)
    audit.record(actor, "create", board)
    return board


@transaction.atomic
def record_finding(*, actor, organization, addressed_to, finding: str, found_on: datetime.date,
                   recommendation: str = "", answer_due=None, board=None, record=None) -> OversightFinding:
    """A board or the commune's Front records a finding (on a disclosure record: supervision, the record
    itself is not touched).

    Effects: checks that ``actor`` may change ``organization`` (the recorder); that a board belongs to it;
    that a supervised record is of the same commune and the recorder is a Front organization or hosts a
    board; inserts one ``OversightFinding`` (answer due ``ANSWER_DAYS`` after ``found_on`` unless given)
    and one audit event."""
    require(actor, "change", organization, _("You may not record findings for this organization."),
            field="organization")
    errors = {}
    if not (finding or "").strip():
        errors["finding"] = [_("Write the finding.")]
    if board is not None and board.organization_id != organization.pk:
        errors["board"] = [_("The board belongs to another organization.")]
    if record is not None:
        if record.obligation.area_id != organization.area_id:
            errors["record"] = [_("A finding on a disclosure is recorded by the same commune's Front or boards.")]
        elif organization.kind != Kind.FATHERLAND_FRONT and board is None:
            errors["organization"] = [_("Only the commune's Front or an oversight board supervises disclosures.")]
    answer_due = answer_due or found_on + datetime.timedelta(days=ANSWER_DAYS)
    if answer_due < found_on:
        errors["answer_due"] = [_("The answer cannot be due before the finding.")]
    if errors:
        raise ValidationError(errors)
    row = OversightFinding.objects.create(
        organization=organization, addressed_to=addressed_to, board=board, record=record, found_on=found_on,
        finding=finding.strip(), recommendation=(recommendation or "").strip(), answer_due=answer_due,
        created_by=actor if getattr(actor, "pk", None) else None)
    audit.record(actor, "create", row)
    return row


@transaction.atomic
def answer_finding(*, actor, finding, answer: str, answered_on: datetime.date) -> OversightFinding:
    """The organization addressed answers. Effects: sets ``answer`` and ``answered_on``; one audit event.
    Refused when already answered or when ``actor`` may not change the organization addressed."""
    require(actor, "change", finding.addressed_to, _("Only the organization addressed may answer."),
            field="answer")
    if not (answer or "").strip():
        raise ValidationError({"answer": [_("Write the answer.")]})
    if answered_on < finding.found_on:
        raise ValidationError({"answered_on": [_("The answer cannot be dated before the finding.")]})
    locked = OversightFinding.objects.unscoped("lock by primary key of a finding fetched in scope"
                                               ).select_for_update().get(pk=finding.pk)
    if locked.answered_on is not None:
        raise WrongState(_("This finding has been answered already."))
    locked.answer, locked.answered_on = answer.strip(), answered_on
    locked.save(update_fields=["answer", "answered_on"])
    audit.record(actor, "answer", locked)
    return locked
