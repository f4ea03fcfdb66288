"""Domain actions on dialogues and the ledger of promises.

A dialogue is a meeting of kind đối thoại (``meetings``) plus a ``Dialogue`` row: the rule, the notice
before (at least 7 days: a later notice needs its reason), the Front's opinions gathered beforehand and
the result notice after (due within 10 days; late is derived). Each citizen's opinion gets an outcome; a
commitment becomes a conclusion of the meeting and a follow-up task (``meetings.domain.tasks``) assigned
to the organization that promised, with its due date; the task's progress and evidence are the
keeping of the promise. Rights: "change" on the organizing organization (``NotAllowed``); ``actor``
None is the system (demo)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.meetings.domain.meetings import add_conclusion, create_meeting
from danvan.meetings.domain.tasks import create_task
from danvan.meetings.models import MeetingKind
from danvan.orgs.scope import require
from danvan.voice.domain.receptions import staff_of
from danvan.voice.models import MASK, Dialogue, DialogueRule, Field, Opinion, Outcome
from danvan.voice.models.dialogues import NOTICE_DAYS_BEFORE


def _at(day: datetime.date, hour=8):
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, 0))


@transaction.atomic
def create_dialogue(*, actor, organization, title: str, held_on: datetime.date, rule: str = DialogueRule.COMMUNE_YEARLY,
                    venue: str = "", notice_published_on: datetime.date | None = None, notice_late_reason: str = "",
                    front_opinions: str = "", co_organizers=()) -> Dialogue:
    """Create a dialogue: a meeting of kind đối thoại and its ``Dialogue`` row.

    Effects: inserts the ``Meeting`` (through ``meetings.create_meeting``, with its audit event), the
    ``Dialogue`` and a "create" audit event. Raises ``NotAllowed`` unless ``actor`` may change
    ``organization``; ``ValidationError`` when the title or date is missing, the rule is unknown, or
    the notice was published less than 7 days before without a reason (nothing saved)."""
    require(actor, "change", organization, _("You may not organize dialogues for %(org)s.") % {
        "org": organization.name}, field="organization")
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Enter the title of the dialogue.")
    if not held_on:
        errors["held_on"] = _("Enter the date of the dialogue.")
    if rule not in DialogueRule.values:
        errors["rule"] = _("Choose the rule from the list.")
    if held_on and notice_published_on and notice_published_on > held_on - datetime.timedelta(
            days=NOTICE_DAYS_BEFORE) and not (notice_late_reason or "").strip():
        errors["notice_late_reason"] = _(
            "The notice was published less than %(n)s days before the dialogue: record the reason.") % {
            "n": NOTICE_DAYS_BEFORE}
    if errors:
        raise ValidationError(errors)
    meeting = create_meeting(actor=actor, kind=MeetingKind.DIALOGUE, title=title.strip(), organization=organization,
                             starts_at=_at(held_on), venue=venue, co_organizers=co_organizers)
    dialogue = Dialogue.objects.create(meeting=meeting, organization=organization, rule=rule, held_on=held_on,
                                       notice_published_on=notice_published_on,
                                       notice_late_reason=(notice_late_reason or "").strip(),
                                       front_opinions=(front_opinions or "").strip())
    audit.record(actor, "create", dialogue)
    return dialogue


@transaction.atomic
def record_result_notice(*, actor, dialogue: Dialogue, issued_on: datetime.date, posted_on=None, sent_on=None,
                         document=None) -> Dialogue:
    """Record the result notice of a dialogue (issued, posted at the commune office, sent to the village
    heads; the register's TB document when issued through it).

    Effects: updates the dates and the document link, bumps ``version``; "action" audit event. Raises
    ``NotAllowed`` unless ``actor`` may change the dialogue; ``ValidationError`` when a date is before
    the dialogue."""
    require(actor, "change", dialogue, _("You may not change this dialogue."))
    errors = {}
    for name, day in (("issued_on", issued_on), ("posted_on", posted_on), ("sent_on", sent_on)):
        if day and day < dialogue.held_on:
            errors[name] = _("The result notice cannot come before the dialogue.")
    if not issued_on:
        errors["issued_on"] = _("Enter the date the result notice was issued.")
    if errors:
        raise ValidationError(errors)
    Dialogue.objects.unscoped("checked above").filter(pk=dialogue.pk).update(
        result_notice_on=issued_on, result_posted_on=posted_on, result_sent_on=sent_on,
        result_document=document, version=dialogue.version + 1)
    dialogue.refresh_from_db()
    audit.record(actor, "action", dialogue, message=_("Result notice issued on %(d)s") % {
        "d": issued_on.strftime("%d/%m/%Y")})
    return dialogue


RESULT_DOC_TYPE = "TB"


@transaction.atomic
def issue_result_notice(*, actor, dialogue: Dialogue, issued_on: datetime.date, posted_on=None, sent_on=None,
                        expected_version: int | None = None) -> Dialogue:
    """Issue the dialogue's result notice as a Party/State document of the register: the next TB number
    of the organizing organization (``documents.issue_number``, linked to the dialogue), then the dates
    (``record_result_notice``). Its content (``interfaces.documents.result_notice``) lists the opinions
    and their answers, never a citizen's name.

    Effects: an ``IssuedDocument`` (TB) with its counter and audit event; the dialogue's result dates and
    document link, ``version`` bumped; "action" audit event; a public dialogue's portal entry copied
    again after the commit (``sync_portal``). Raises ``NotAllowed`` unless ``actor`` may
    change the dialogue; ``ValidationError`` when the notice was already issued (``issued_on``), a date is
    before the dialogue or no Party term covers it, or ``expected_version`` is stale (nothing changed)."""
    from danvan.documents.domain.register import issue_number

    require(actor, "change", dialogue, _("You may not change this dialogue."))
    locked = Dialogue.objects.unscoped("domain lock by primary key").select_for_update().get(pk=dialogue.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(_("This dialogue was just changed by someone else. Reload the page and try again."),
                              code="conflict")
    if locked.result_document_id:
        raise ValidationError({"issued_on": _("The result notice of this dialogue was already issued.")})
    if issued_on and issued_on < locked.held_on:
        raise ValidationError({"issued_on": _("The result notice cannot come before the dialogue.")})
    if not issued_on:
        raise ValidationError({"issued_on": _("Enter the date the result notice was issued.")})
    document = issue_number(organization=locked.organization, doc_type=RESULT_DOC_TYPE, issued_on=issued_on,
                            title=_("Results of the dialogue: %(t)s") % {"t": locked.meeting.title}, actor=actor,
                            target=locked)
    dialogue = record_result_notice(actor=actor, dialogue=dialogue, issued_on=issued_on, posted_on=posted_on,
                                    sent_on=sent_on, document=document)
    if dialogue.public:
        _notices_changed()
    return dialogue


@transaction.atomic
def set_public(*, actor, dialogue: Dialogue, public: bool) -> Dialogue:
    """Mark the dialogue public (its calendar entry and, once issued, its result notice with the promises
    and their state go to the public portal) or withdraw it.

    Effects: updates ``public``, bumps ``version``; "publish" or "action" audit event; after the commit
    the portal's notices are copied again (``democracy.domain.portal.sync_notices``; a withdrawn
    dialogue's entry is removed). Raises ``NotAllowed`` unless ``actor`` may change the dialogue."""
    require(actor, "change", dialogue, _("You may not change this dialogue."))
    Dialogue.objects.unscoped("checked above").filter(pk=dialogue.pk).update(public=bool(public),
                                                                         version=dialogue.version + 1)
    dialogue.public, dialogue.version = bool(public), dialogue.version + 1
    audit.record(actor, "publish" if public else "action", dialogue,
                 message=_("Published on the public portal") if public else _("Withdrawn from the public portal"))
    _notices_changed()
    return dialogue


def sync_portal() -> int:
    """Bring the portal's notices in line with the public dialogues now (democracy's ``sync_notices``:
    upserts the offered notices, takes off the ones no longer offered). Returns how many are published."""
    from django.apps import apps

    if not apps.is_installed("danvan.democracy"):
        return 0
    from danvan.democracy.domain.portal import sync_notices

    return sync_notices()


def _notices_changed() -> None:
    """After the commit, the portal follows (democracy's ``notices_changed``)."""
    from django.apps import apps

    if apps.is_installed("danvan.democracy"):
        from danvan.democracy.domain.portal import notices_changed

        notices_changed()


def _record_opinion(*, actor, host, refusal, text, field, addressed_to, citizen_name, **where) -> Opinion:
    """The one way an opinion is recorded, at a dialogue or a reception (``host``; ``where`` names which)."""
    require(actor, "change", host, refusal)
    if addressed_to is not None:
        require(actor, "view", addressed_to, _("This organization is not in your scope."), field="addressed_to")
    errors = {}
    if not (text or "").strip():
        errors["text"] = _("Enter the opinion.")
    if field not in Field.values:
        errors["field"] = _("Choose the field from the list.")
    if errors:
        raise ValidationError(errors)
    opinion = Opinion.objects.create(organization_id=host.organization_id, text=text.strip(), field=field,
                                     addressed_to=addressed_to, citizen_name=(citizen_name or "").strip(), **where)
    audit.record(actor, "action", host, message=_("Opinion recorded: %(t)s") % {"t": opinion.text[:200]})
    return opinion


@transaction.atomic
def add_opinion(*, actor, dialogue: Dialogue, text: str, field: str = Field.OTHER, addressed_to=None,
                citizen_name: str = "") -> Opinion:
    """Record a citizen's opinion raised at ``dialogue`` (the name only if the citizen gave it).

    Effects: inserts an ``Opinion`` (outcome "not answered yet"); "action" audit event on the dialogue.
    Raises ``NotAllowed`` unless ``actor`` may change the dialogue and sees ``addressed_to``;
    ``ValidationError`` for an empty text or an unknown field."""
    return _record_opinion(actor=actor, host=dialogue, refusal=_("You may not change this dialogue."), text=text,
                           field=field, addressed_to=addressed_to, citizen_name=citizen_name, dialogue=dialogue)


@transaction.atomic
def add_reception_opinion(*, actor, session, text: str, field: str = Field.OTHER, addressed_to=None,
                          citizen_name: str = "") -> Opinion:
    """Record a citizen's opinion raised at a reception ``session`` (the name only if the citizen gave it);
    it is answered like a dialogue's (``answer_opinion``).

    Effects: inserts an ``Opinion`` of the session (outcome "not answered yet"); "action" audit event on
    the session. Raises ``NotAllowed`` unless ``actor`` may change the session and sees ``addressed_to``;
    ``ValidationError`` for an empty text or an unknown field."""
    return _record_opinion(actor=actor, host=session, refusal=_("You may not change this reception."), text=text,
                           field=field, addressed_to=addressed_to, citizen_name=citizen_name, session=session)


def _session_meeting(actor, session):
    """The meeting a reception's commitments hang on, created with the first one (kind "other", the
    reception's organization, date and place) and kept on the session."""
    from danvan.voice.models import ReceptionSession

    locked = ReceptionSession.objects.unscoped("domain lock by primary key").select_for_update().select_related(
        "receiver", "organization").get(pk=session.pk)
    if locked.meeting_id:
        return locked.meeting
    meeting = create_meeting(actor=actor, kind=MeetingKind.OTHER, organization=locked.organization,
                             title=(_("Citizens' reception of %(d)s — %(who)s") % {
                                 "d": locked.held_on.strftime("%d/%m/%Y"), "who": locked.receiver.full_name})[:300],
                             starts_at=_at(locked.held_on), venue=locked.place)
    ReceptionSession.objects.unscoped("domain lock by primary key").filter(pk=locked.pk).update(meeting=meeting)
    return meeting


@transaction.atomic
def answer_opinion(*, actor, opinion: Opinion, outcome: str, answer: str = "", leader=None, due_date=None,
                   owner=None, expected_version: int | None = None) -> Opinion:
    """Give an opinion its outcome: answered on the spot, a commitment, transferred, not within competence.

    A commitment needs a due date and the organization that promised (``owner``, defaulting to the
    opinion's addressee): it becomes a numbered conclusion of the dialogue's meeting (for a reception's
    opinion, of the meeting the session keeps for its commitments, created with the first) and a follow-up task
    assigned to ``owner`` due on ``due_date`` (its progress, evidence and completion keep the promise).
    Effects: updates the opinion (outcome, answer, leader, due date, task), bumps ``version``; for a
    commitment inserts a ``Conclusion``, a ``FollowUpTask`` and its ``TaskAssignment``; audit events.
    Raises ``NotAllowed`` unless ``actor`` may change the opinion's dialogue and sees ``owner`` and
    ``leader``; ``ValidationError`` for an unknown outcome, a commitment without due date or owner, or a
    commitment already made; ``StaleVersion`` (409) for a stale ``expected_version`` (nothing changed).
    The lock, version, save and audit are ``core.domain.editing.edit``'s."""
    require(actor, "change", opinion, _("You may not answer this opinion."))
    stale = _("This opinion was just changed by someone else. Reload the page and try again.")
    with edit(opinion, actor=actor, expected_version=expected_version, stale=stale, action="action") as locked:
        _give_outcome(actor, locked, outcome=outcome, answer=answer, leader=leader, due_date=due_date, owner=owner)
    audit.record(actor, "action", locked, message=Outcome(outcome).label)
    return locked


def _give_outcome(actor, locked: Opinion, *, outcome, answer, leader, due_date, owner) -> None:
    """Check and give the outcome to the locked opinion (not saved); a commitment's task is created."""
    owner = owner or locked.addressed_to
    errors = {}
    if outcome not in Outcome.values or outcome == Outcome.PENDING:
        errors["outcome"] = _("Choose the outcome from the list.")
    if outcome == Outcome.COMMITMENT:
        if not due_date:
            errors["due_date"] = _("A commitment needs the date by which it will be kept.")
        if owner is None:
            errors["owner"] = _("Choose the organization that promised.")
        if locked.task_id:
            errors["outcome"] = _("This opinion already has a commitment.")
    if errors:
        raise ValidationError(errors)
    if leader is not None:
        require(actor, "view", leader, _("This person is not in your scope."), field="leader")
    if outcome == Outcome.COMMITMENT:
        require(actor, "view", owner, _("This organization is not in your scope."), field="owner")
        meeting = locked.dialogue.meeting if locked.dialogue_id else _session_meeting(actor, locked.session)
        conclusion = add_conclusion(actor=actor, meeting=meeting, text=_("Commitment: %(t)s") % {"t": locked.text})
        locked.task = create_task(actor=actor, conclusion=conclusion, title=locked.text[:300], assignees=[owner],
                                  due_date=due_date, description=(answer or "").strip())
        locked.due_date = due_date
    locked.outcome, locked.answer, locked.leader = outcome, (answer or "").strip(), leader


@transaction.atomic
def supervise(*, actor, opinion: Opinion, note: str) -> Opinion:
    """Record the Front's supervision note on how a promise is kept.

    Effects: updates ``supervision_note``; "action" audit event. Raises ``NotAllowed`` unless ``actor``
    sees the opinion (the Front above supervises), ``ValidationError`` for an empty note."""
    require(actor, "view", opinion, _("You may not supervise this opinion."))
    if not (note or "").strip():
        raise ValidationError({"note": _("Write the supervision note.")})
    Opinion.objects.unscoped("checked above").filter(pk=opinion.pk).update(supervision_note=note.strip())
    opinion.supervision_note = note.strip()
    audit.record(actor, "action", opinion, message=_("Supervision: %(n)s") % {"n": note.strip()[:200]})
    return opinion


def opinions_for_reader(*, actor, dialogue: Dialogue | None = None, session=None):
    """The opinions of a dialogue (or a reception ``session``) as ``actor`` may read them: citizens' names
    masked unless ``actor`` is staff of the organizing organization. Page and API both call this.
    Effects: one "view" audit event when names were shown. Returns (opinions, names shown)."""
    owner = dialogue if dialogue is not None else session
    opinions = list(Opinion.objects.unscoped("opinions of a record fetched through the scope").filter(
        **({"dialogue": dialogue} if dialogue is not None else {"session": session})).select_related(
        "addressed_to", "leader", "task"))
    see = staff_of(actor, owner.organization_id)
    for o in opinions:
        if not see and o.citizen_name:
            o.citizen_name = MASK
    shown = sum(1 for o in opinions if o.citizen_name) if see else 0
    if shown:
        audit.record(actor, "view", owner, message=_("Read the citizens' names (%(n)s)") % {"n": shown})
    return opinions, see
