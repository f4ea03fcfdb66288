"""Domain actions on the lists of people of prestige and their entries.

Rights are checked here whoever calls (``require``: the actor may change the list's organization);
refusals are the typed ones (``NotAllowed``, ``WrongState``, ``StaleVersion``, ``ValidationError`` naming
the field); ``actor`` None is the system (the demo). The rules (QĐ 12/2018/QĐ-TTg, QĐ 28/2023/QĐ-TTg):

- the village meeting that nominates needs at least two thirds of the village's households;
- the five-yearly selection runs in the fourth quarter of the selection year and is finished by 15/12
  (``selection_window``): the village meeting and the joint meeting of a selection entry fall inside it;
- people added or replaced during the term are nominated the same way at any date of the term.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.community.models import EntryKind, EntryStatus, PrestigeEntry, PrestigeList
from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.refusals import WrongState
from danvan.meetings.domain.people import create_person
from danvan.orgs.scope import require

TERM_YEARS = 5


def selection_window(year: int) -> tuple[datetime.date, datetime.date]:
    """The five-yearly selection's calendar: the fourth quarter of ``year``, finished by 15/12."""
    return datetime.date(year, 10, 1), datetime.date(year, 12, 15)


def _d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def check_households(present, total) -> None:
    """Refuse (``ValidationError`` on the field at fault) a village meeting without two thirds of the
    households, or with impossible figures."""
    if total is None or total < 1:
        raise ValidationError({"households_total": _("Enter the number of households in the village (at least 1).")})
    if present is None or present < 0:
        raise ValidationError({"households_present": _("Enter the number of households present.")})
    if present > total:
        raise ValidationError({"households_present": _(
            "The households present (%(p)s) cannot exceed the households of the village (%(t)s).") % {
            "p": present, "t": total}})
    if present * 3 < total * 2:
        raise ValidationError({"households_present": _(
            "The village meeting needs at least two thirds of the households: %(p)s of %(t)s were present.") % {
            "p": present, "t": total}})


def _check_in_window(year: int, day, field: str, what: str) -> None:
    start, end = selection_window(year)
    if day is None:
        raise ValidationError({field: _("Enter the date of the %(what)s.") % {"what": what}})
    if not start <= day <= end:
        raise ValidationError({field: _(
            "The five-yearly selection of %(y)s runs from %(s)s to %(e)s: the %(what)s on %(d)s is outside it.") % {
            "y": year, "s": _d(start), "e": _d(end), "what": what, "d": _d(day)}})


def _check_in_term(plist: PrestigeList, day, field: str) -> None:
    start, end = datetime.date(plist.selection_year, 10, 1), datetime.date(plist.term_end, 12, 31)
    if day is None:
        raise ValidationError({field: _("Enter the date.")})
    if not start <= day <= end:
        raise ValidationError({field: _("The date %(d)s is outside the list's term (%(s)s to %(e)s).") % {
            "d": _d(day), "s": _d(start), "e": _d(end)}})


def _require_list(actor, plist: PrestigeList) -> None:
    require(actor, "change", plist.organization, _("You may not change the lists of %(org)s.") % {
        "org": plist.organization.name}, field="organization")


def _stale():
    return _("This entry was just changed by someone else. Reload the page and try again.")


@transaction.atomic
def create_list(*, actor, organization, area, selection_year: int, legal_basis: str = "qd28_2023",
                authority: str = "") -> PrestigeList:
    """Open the list of a commune for the term following ``selection_year``.

    Effects: inserts a ``PrestigeList`` (term: the five years after the selection year); "create" audit
    event. Raises ``NotAllowed`` unless ``actor`` may change ``organization``; ``ValidationError`` when the
    area is not a commune, the year is out of range, or another list of the commune covers the same years."""
    require(actor, "change", organization, _("You may not keep lists for %(org)s.") % {"org": organization.name},
            field="organization")
    if area is None or area.level != "commune":
        raise ValidationError({"area": _("Choose the commune of the list.")})
    if not isinstance(selection_year, int) or not 2000 <= selection_year <= 2100:
        raise ValidationError({"selection_year": _("The selection year must be between 2000 and 2100.")})
    start, end = selection_year + 1, selection_year + TERM_YEARS
    overlapping = PrestigeList.objects.unscoped("uniqueness of a commune's term").filter(
        area=area, term_start__lte=end, term_end__gte=start).first()
    if overlapping:
        raise ValidationError({"selection_year": _(
            "The commune already has a list for %(a)s–%(b)s.") % {"a": overlapping.term_start, "b": overlapping.term_end}})
    plist = PrestigeList.objects.create(organization=organization, area=area, selection_year=selection_year,
                                        term_start=start, term_end=end, legal_basis=legal_basis,
                                        authority=authority.strip())
    audit.record(actor, "create", plist)
    return plist


@transaction.atomic
def nominate(*, actor, prestige_list: PrestigeList, village: str, role: str, village_meeting_on: datetime.date,
             households_present: int, households_total: int, person=None, full_name: str = "", gender: str = "",
             birth_year=None, ethnicity: str = "", religion: str = "", kind: str = EntryKind.SELECTION,
             replaces=None) -> PrestigeEntry:
    """Record a person nominated by a village meeting.

    Effects: adds the person to the people registry when ``person`` is None (``create_person``: a
    ``Person`` with a position "Người có uy tín" in the list's organization), inserts the
    ``PrestigeEntry`` (status nominated); "create" audit event. Raises ``NotAllowed`` unless ``actor``
    may change the list's organization (and sees ``person``); ``ValidationError`` when the meeting had
    fewer than two thirds of the households, when a selection's village meeting is outside the fourth
    quarter (01/10–15/12) of the selection year, when an addition's is outside the term, or when the
    village, role or name is missing, or the person is already active on the list."""
    _require_list(actor, prestige_list)
    village = (village or "").strip()
    if not village:
        raise ValidationError({"village": _("Enter the village (thôn, bản).")})
    from danvan.community.models import CommunityRole
    if role not in CommunityRole.values:
        raise ValidationError({"role": _("Choose what the person is in the community.")})
    check_households(households_present, households_total)
    if kind == EntryKind.SELECTION:
        _check_in_window(prestige_list.selection_year, village_meeting_on, "village_meeting_on", _("village meeting"))
    elif kind == EntryKind.ADDITION:
        _check_in_term(prestige_list, village_meeting_on, "village_meeting_on")
    else:
        raise ValidationError({"kind": _("Unknown kind of entry.")})
    if person is None:
        if not (full_name or "").strip():
            raise ValidationError({"full_name": _("Enter the person's full name.")})
        person = create_person(actor=actor, full_name=full_name.strip(), gender=gender or "", birth_year=birth_year,
                               ethnicity=(ethnicity or "").strip(), title=_("Person of prestige"),
                               organization=prestige_list.organization, valid_from=village_meeting_on)
    else:
        require(actor, "view", person, _("This person is not in your scope."), field="person")
        if PrestigeEntry.objects.unscoped("duplicate check on a list in hand").filter(
                prestige_list=prestige_list, person=person, ended_on__isnull=True).exists():
            raise ValidationError({"person": _("This person is already on the list.")})
    entry = PrestigeEntry.objects.create(
        prestige_list=prestige_list, person=person, area=prestige_list.area, village=village, role=role,
        religion=(religion or "").strip(), kind=kind, village_meeting_on=village_meeting_on,
        households_present=households_present, households_total=households_total, replaces=replaces)
    audit.record(actor, "create", entry)
    return entry


def _step(entry, *, actor, expected_version, message):
    """Check the right, lock the entry, check the version, let the block check the state (``_state``) and
    change it, then bump the version, save and audit with ``message`` (``core.domain.editing.edit``)."""
    _require_list(actor, entry.prestige_list)
    return edit(entry, actor=actor, expected_version=expected_version, stale=_stale(), message=message)


def _state(locked, frm: set, to: str) -> None:
    if locked.status not in frm:
        raise WrongState(_("This step is not possible now: the entry is “%(s)s”.") % {
            "s": locked.get_status_display()})
    locked.status = to


def select(*, actor, entry: PrestigeEntry, on: datetime.date, expected_version=None) -> PrestigeEntry:
    """The joint meeting (chaired by the village's Ban Công tác Mặt trận) selects the nominee.

    Effects: status selected, ``selected_on``; version bumped; "update" audit event. Raises
    ``WrongState`` unless nominated, ``ValidationError`` when the date is before the village meeting or,
    for a five-yearly selection, after 15/12 of the selection year."""
    with _step(entry, actor=actor, expected_version=expected_version, message=_("Selected at the joint meeting")) as locked:
        _state(locked, {EntryStatus.NOMINATED}, EntryStatus.SELECTED)
        if on is None or on < locked.village_meeting_on:
            raise ValidationError({"on": _("The joint meeting comes after the village meeting (%(d)s).") % {
                "d": _d(locked.village_meeting_on)}})
        if locked.kind == EntryKind.SELECTION:
            _check_in_window(locked.prestige_list.selection_year, on, "on", _("joint meeting"))
        locked.selected_on = on
    return entry


def propose(*, actor, entry: PrestigeEntry, on: datetime.date, expected_version=None) -> PrestigeEntry:
    """The commune checks and proposes the selected person for recognition.

    Effects: status proposed, ``proposed_on``; version bumped; "update" audit event. Raises ``WrongState``
    unless selected, ``ValidationError`` when the date is before the selection."""
    with _step(entry, actor=actor, expected_version=expected_version, message=_("Proposed by the commune")) as locked:
        _state(locked, {EntryStatus.SELECTED}, EntryStatus.PROPOSED)
        if on is None or on < locked.selected_on:
            raise ValidationError({"on": _("The proposal comes after the selection (%(d)s).") % {
                "d": _d(locked.selected_on)}})
        locked.proposed_on = on
    return entry


def recognize(*, actor, entry: PrestigeEntry, on: datetime.date, decision_number: str = "",
              expected_version=None) -> PrestigeEntry:
    """Recognize one proposed person (an addition during the term, or one entry of the selection).

    Effects: status recognized, ``recognized_on``, ``decision_number`` (the list's decision when empty);
    version bumped; "update" audit event. Raises ``WrongState`` unless proposed, ``ValidationError``
    without a decision number, or with a date before the proposal."""
    with _step(entry, actor=actor, expected_version=expected_version, message=_("Recognized")) as locked:
        _state(locked, {EntryStatus.PROPOSED}, EntryStatus.RECOGNIZED)
        number = (decision_number or "").strip() or locked.prestige_list.decision_number
        if not number:
            raise ValidationError({"decision_number": _("Enter the number of the recognition decision.")})
        if on is None or on < locked.proposed_on:
            raise ValidationError({"on": _("The recognition comes after the proposal (%(d)s).") % {
                "d": _d(locked.proposed_on)}})
        locked.recognized_on, locked.decision_number = on, number
    return entry


def _end(entry, *, actor, on, reason, decision, note, expected_version, to, message):
    from danvan.community.models import EndReason
    with _step(entry, actor=actor, expected_version=expected_version, message=message) as locked:
        _state(locked, {EntryStatus.RECOGNIZED}, to)
        if reason not in EndReason.values:
            raise ValidationError({"reason": _("Choose the reason.")})
        if not (decision or "").strip():
            raise ValidationError({"decision": _("Enter the number of the decision.")})
        if on is None or on < locked.recognized_on:
            raise ValidationError({"on": _("The date comes after the recognition (%(d)s).") % {
                "d": _d(locked.recognized_on)}})
        locked.ended_on, locked.end_reason, locked.end_decision = on, reason, decision.strip()
        locked.end_note = (note or "").strip()[:300]
    return entry


def remove(*, actor, entry: PrestigeEntry, on: datetime.date, reason: str, decision: str, note: str = "",
           expected_version=None) -> PrestigeEntry:
    """Remove a recognized person from the list during the term.

    Effects: status removed, ``ended_on``, ``end_reason``, ``end_decision``, ``end_note``; version bumped;
    "update" audit event. Raises ``WrongState`` unless recognized, ``ValidationError`` without a reason
    or a decision, or with a date before the recognition."""
    return _end(entry, actor=actor, on=on, reason=reason, decision=decision, note=note,
                expected_version=expected_version, to=EntryStatus.REMOVED, message=_("Removed from the list"))


def replace(*, actor, entry: PrestigeEntry, on: datetime.date, reason: str, decision: str, note: str = "",
            expected_version=None, **nominee) -> PrestigeEntry:
    """Replace a recognized person: the entry ends (status replaced) and the successor nominated by the
    village (``nominee``: the arguments of ``nominate``) enters as an addition that ``replaces`` it.

    Effects: those of ``remove`` (status replaced) and of ``nominate``. Returns the new entry. Raises
    what they raise; nothing is changed then."""
    _end(entry, actor=actor, on=on, reason=reason, decision=decision, note=note,
         expected_version=expected_version, to=EntryStatus.REPLACED, message=_("Replaced"))
    return nominate(actor=actor, prestige_list=entry.prestige_list, kind=EntryKind.ADDITION, replaces=entry,
                    **nominee)


@transaction.atomic
def record_decision(*, actor, prestige_list: PrestigeList, decision_number: str, decision_date: datetime.date,
                    authority: str, expected_version=None) -> int:
    """Record the list's recognition decision and recognize every proposed entry of the selection.

    Effects: sets ``decision_number``, ``decision_date``, ``authority`` on the list (version bumped,
    "update" audit event); each proposed selection entry becomes recognized on that date (one "update"
    audit event each). Returns how many were recognized. Raises ``NotAllowed`` unless ``actor`` may change
    the list's organization, ``StaleVersion`` on a stale ``expected_version``, ``ValidationError`` when the
    number, date or authority is missing or the date is before the selection year's 1 October."""
    _require_list(actor, prestige_list)
    with edit(prestige_list, actor=actor, expected_version=expected_version,
              stale=_("This list was just changed by someone else. Reload the page and try again.")) as locked:
        errors = {}
        if not (decision_number or "").strip():
            errors["decision_number"] = _("Enter the number of the recognition decision.")
        if not (authority or "").strip():
            errors["authority"] = _("Enter the authority that recognized the list.")
        if decision_date is None:
            errors["decision_date"] = _("Enter the date of the decision.")
        elif decision_date < selection_window(locked.selection_year)[0]:
            errors["decision_date"] = _("The decision comes after the selection (from %(d)s).") % {
                "d": _d(selection_window(locked.selection_year)[0])}
        if errors:
            raise ValidationError(errors)
        locked.decision_number, locked.decision_date = decision_number.strip(), decision_date
        locked.authority = authority.strip()
    done = 0
    for entry in PrestigeEntry.objects.unscoped("entries of a list in hand").filter(
            prestige_list=prestige_list, status=EntryStatus.PROPOSED, kind=EntryKind.SELECTION):
        e_before = audit.snapshot(entry)
        entry.status, entry.recognized_on = EntryStatus.RECOGNIZED, decision_date
        entry.decision_number = prestige_list.decision_number
        entry.version += 1
        entry.save()
        audit.record(actor, "update", entry, changes=audit.diff(e_before, audit.snapshot(entry)),
                     message=_("Recognized"))
        done += 1
    return done


def calendar_status(prestige_list: PrestigeList, today: datetime.date) -> dict:
    """Where the five-yearly selection stands on ``today``: "before" the fourth quarter, "open" (with the
    days left until 15/12), "late" (past 15/12 with entries not yet selected) or "done"."""
    start, end = selection_window(prestige_list.selection_year)
    pending = PrestigeEntry.objects.unscoped("counts of a list in hand").filter(
        prestige_list=prestige_list, kind=EntryKind.SELECTION, status=EntryStatus.NOMINATED).count()
    if today < start:
        return {"state": "before", "start": start, "end": end, "pending": pending}
    if today <= end:
        return {"state": "open", "start": start, "end": end, "pending": pending, "days_left": (end - today).days}
    return {"state": "late" if pending else "done", "start": start, "end": end, "pending": pending}
