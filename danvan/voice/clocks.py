"""The legal clocks of petitions, derived from the clock rows (``PetitionClock``) and the petition's
recorded facts (kind, instance, complexity, remote area, extensions, dates of receipt and acceptance);
the rule itself is not stored. ``deadline`` and ``days_left`` answer for one petition; the domain caches
``deadline`` on the petition (``due_on``) at every step so that a list filtered by overdue reads one
indexed column (``manage.py check_petitions`` verifies the cache). Pure rules: the queries and the
domain both use them (this module imports no domain code)."""

import datetime

from django.db.models import Q
from django.utils import timezone

from danvan.voice.models import Complexity, PetitionClock, PetitionState
from danvan.voice.models.petitions import FINAL_STATES, RESOLVED_STATES

WAITING = [PetitionState.RECEIVED, PetitionState.CLASSIFIED]  # the acceptance clock runs
HANDLING = [PetitionState.ACCEPTED, PetitionState.VERIFICATION, PetitionState.DIALOGUE]  # resolution clock runs


def clocks(on: datetime.date | None = None) -> dict:
    """{(kind, instance, stage): PetitionClock} in force on ``on`` (the latest row of each)."""
    on = on or timezone.localdate()
    rows = PetitionClock.objects.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    result = {}
    for row in rows.order_by("valid_from", "id"):
        result[(row.kind, row.instance, row.stage)] = row
    return result


def _clock(table, kind, instance, stage):
    return table.get((kind, instance, stage)) or table.get((kind, 1, stage))


def resolve_days(clock: PetitionClock, *, complexity: str, remote: bool, extensions: int) -> int:
    """Days to resolve: the base by remote area and complexity, plus the extensions granted."""
    hard = complexity in (Complexity.COMPLEX, Complexity.VERY_COMPLEX)
    if remote and hard:
        base = clock.remote_complex_days or clock.remote_days or clock.complex_days or clock.days
    elif remote:
        base = clock.remote_days or clock.days
    elif hard:
        base = clock.complex_days or clock.days
    else:
        base = clock.days
    return base + extensions * clock.extension_days


def extensions_allowed(clock: PetitionClock, complexity: str) -> int:
    return {Complexity.COMPLEX: clock.extensions_complex,
            Complexity.VERY_COMPLEX: clock.extensions_very_complex}.get(complexity, 0)


def deadline(petition, table=None) -> tuple[str, datetime.date] | None:
    """("accept" or "resolve", the due date) of the clock that runs now, or None when none runs."""
    table = table if table is not None else clocks()
    if petition.state in WAITING:
        clock = _clock(table, petition.kind, petition.instance, "accept")
        return ("accept", petition.received_on + datetime.timedelta(days=clock.days)) if clock else None
    if petition.state in HANDLING and petition.accepted_on:
        clock = _clock(table, petition.kind, petition.instance, "resolve")
        if clock is None:
            return None
        days = resolve_days(clock, complexity=petition.complexity, remote=petition.remote,
                            extensions=petition.extensions)
        return "resolve", petition.accepted_on + datetime.timedelta(days=days)
    return None


def days_left(petition, today=None, table=None) -> int | None:
    """Days until the running clock's due date (negative: overdue), or None when no clock runs."""
    due = deadline(petition, table)
    if due is None:
        return None
    return (due[1] - (today or timezone.localdate())).days


__all__ = ["FINAL_STATES", "RESOLVED_STATES", "clocks", "days_left", "deadline", "extensions_allowed",
           "resolve_days"]
