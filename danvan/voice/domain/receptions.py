"""Domain actions on receptions: who owes receptions (duties), the sessions held and the citizens and
cases received. Rights are checked here, whoever calls (page, API, demo): recording needs "change" on
the receiving organization; the person named must be in scope. ``actor`` None is the system (demo)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.text import folded_key
from danvan.orgs.scope import active_memberships, require
from danvan.voice.models import (
    MASK,
    CaseKind,
    CitizenCase,
    Field,
    HolderPosition,
    ReceptionDuty,
    ReceptionSession,
    Rule,
)
from danvan.voice.models.receptions import SessionKind


def _require_org(actor, organization):
    if organization is None:
        raise ValidationError({"organization": _("Choose the organization.")})
    require(actor, "change", organization, _("You may not record receptions for %(org)s.") % {
        "org": organization.name}, field="organization")


def _choice(errors, name, value, choices, message):
    if value not in choices.values:
        errors[name] = message


@transaction.atomic
def create_duty(*, actor, person, organization, position: str, valid_from: datetime.date,
                valid_to: datetime.date | None = None) -> ReceptionDuty:
    """Record that ``person`` holds ``position`` in ``organization`` from ``valid_from`` (and owes the
    receptions the obligations of that position say).

    Effects: inserts a ``ReceptionDuty``; "create" audit event. Raises ``NotAllowed`` unless ``actor``
    may change ``organization`` and sees ``person``; ``ValidationError`` for an unknown position or
    inconsistent dates."""
    _require_org(actor, organization)
    require(actor, "view", person, _("This person is not in your scope."), field="person")
    errors = {}
    _choice(errors, "position", position, HolderPosition, _("Choose the position from the list."))
    if not valid_from:
        errors["valid_from"] = _("Enter the date the position was taken.")
    elif valid_to and valid_to < valid_from:
        errors["valid_to"] = _("The end date must not be before the start date.")
    if errors:
        raise ValidationError(errors)
    duty = ReceptionDuty.objects.create(person=person, organization=organization, position=position,
                                        valid_from=valid_from, valid_to=valid_to)
    audit.record(actor, "create", duty)
    return duty


@transaction.atomic
def create_session(*, actor, organization, receiver, held_on: datetime.date, rule: str = Rule.QD11,
                   kind: str = SessionKind.REGULAR, place: str = "", note: str = "", position: str = "",
                   position_text: str = "") -> ReceptionSession:
    """Record a reception session held by ``receiver`` for ``organization`` on ``held_on``.

    When ``position`` is empty it is taken from the receiver's duty in the organization on that day (so
    the session counts towards that duty's obligation). Effects: inserts a ``ReceptionSession``;
    "create" audit event. Raises ``NotAllowed`` unless ``actor`` may change ``organization`` and sees
    ``receiver``; ``ValidationError`` when the date is missing or in the future, or the rule, kind or
    position is unknown (nothing saved)."""
    _require_org(actor, organization)
    if receiver is None:
        raise ValidationError({"receiver": _("Choose the person who received the citizens.")})
    require(actor, "view", receiver, _("This person is not in your scope."), field="receiver")
    errors = {}
    if not held_on:
        errors["held_on"] = _("Enter the date of the reception.")
    elif held_on > timezone.localdate():
        errors["held_on"] = _("A reception cannot be recorded before it is held (the date is in the future).")
    _choice(errors, "rule", rule, Rule, _("Choose the rule from the list."))
    _choice(errors, "kind", kind, SessionKind, _("Choose regular or ad hoc."))
    if position:
        _choice(errors, "position", position, HolderPosition, _("Choose the position from the list."))
    if errors:
        raise ValidationError(errors)
    if not position:
        duty = (ReceptionDuty.objects.unscoped("the receiver's duty, organization checked above")
                .filter(person=receiver, organization=organization, valid_from__lte=held_on)
                .exclude(valid_to__lt=held_on).order_by("-valid_from").first())
        position = duty.position if duty else ""
    if position and not position_text:
        position_text = str(HolderPosition(position).label)
    session = ReceptionSession.objects.create(
        organization=organization, receiver=receiver, held_on=held_on, rule=rule, kind=kind, place=place.strip(),
        note=note.strip(), position=position, position_text=position_text,
        created_by=actor if getattr(actor, "pk", None) else None,
        search_folded=folded_key(receiver.full_name, place, note)[:600])
    audit.record(actor, "create", session)
    return session


@transaction.atomic
def add_case(*, actor, session: ReceptionSession, subject: str, citizen_name: str = "", people: int = 1,
             kind: str = CaseKind.RECOMMENDATION, field: str = Field.OTHER, outcome: str = "") -> CitizenCase:
    """Record a citizen (or a group of ``people``) received at ``session`` and the case they brought.

    Effects: inserts a ``CitizenCase``; refreshes the session's search text; "action" audit event on the
    session (without the citizen's name). Raises ``NotAllowed`` unless ``actor`` may change the session;
    ``ValidationError`` when the subject is empty, the number of people is below 1, or the kind or the
    field is unknown."""
    require(actor, "change", session, _("You may not change this reception."))
    errors = {}
    if not (subject or "").strip():
        errors["subject"] = _("Enter what the citizen raised.")
    if people is None or int(people) < 1:
        errors["people"] = _("The number of people must be at least 1.")
    _choice(errors, "kind", kind, CaseKind, _("Choose the kind from the list."))
    _choice(errors, "field", field, Field, _("Choose the field from the list."))
    if errors:
        raise ValidationError(errors)
    case = CitizenCase.objects.create(session=session, subject=subject.strip(), citizen_name=citizen_name.strip(),
                                      people=int(people), kind=kind, field=field, outcome=outcome.strip())
    subjects = CitizenCase.objects.unscoped("the session's own cases").filter(session=session).values_list(
        "subject", flat=True)
    ReceptionSession.objects.unscoped("derived search text, session checked above").filter(pk=session.pk).update(
        search_folded=folded_key(session.receiver.full_name, session.place, session.note, *subjects)[:600])
    audit.record(actor, "action", session, message=_("Case received: %(s)s") % {"s": case.subject[:200]})
    return case


def may_see_citizens(user, session: ReceptionSession) -> bool:
    """Citizens' names are for the staff of the receiving organization itself (who follow the cases up:
    an active membership there with the "change" right); everyone else who sees the session, the
    organizations above included, sees them masked."""
    return staff_of(user, session.organization_id)


def staff_of(user, organization_id: int) -> bool:
    """Whether ``user`` is a chuyên viên or lãnh đạo of that very organization (not of one above)."""
    return any(m.organization_id == organization_id and "change" in m.actions for m in active_memberships(user))


def record_cases_view(*, actor, session: ReceptionSession, shown: int) -> None:
    """Log that ``actor`` read the names of ``shown`` citizens of ``session`` (page or API alike).
    Effects: one "view" audit event on the session when names were shown; nothing otherwise."""
    if shown:
        audit.record(actor, "view", session, message=_("Read the citizens' names (%(n)s)") % {"n": shown})


def cases_for_reader(*, actor, session: ReceptionSession):
    """The session's cases as ``actor`` may read them: the citizens' names masked unless ``actor``
    follows the cases up (``may_see_citizens``). Page and API both call this. Effects: the read of the
    names is logged (``record_cases_view``). Returns (cases, names shown)."""
    cases = list(CitizenCase.objects.unscoped("cases of a session fetched through the scope").filter(
        session=session))
    see = may_see_citizens(actor, session)
    for case in cases:
        if not see and case.citizen_name:
            case.citizen_name = MASK
    record_cases_view(actor=actor, session=session, shown=sum(1 for c in cases if c.citizen_name) if see else 0)
    return cases, see
