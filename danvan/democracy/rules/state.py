"""The state of a disclosure obligation, derived on every read from the item's rules, the due date and
the records; never stored (so a correction to a record or to an item's rules shows at once).

The states, checked in this order:
- ``not_applicable``: an officer marked it so, with a reason;
- ``not_due``: nothing complete yet and the due date has not passed;
- ``overdue``: the due date has passed and nothing was made public;
- ``channel_missing``: the due date has passed, something was made public, but a required channel has no record;
- ``too_brief``: a posting was taken down before the item's minimum posting period, or the radio broadcast
  was shorter than its minimum days;
- ``late``: every required channel was used, but the first of them after the due date;
- ``on_time``: every required channel used by the due date, for long enough.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.democracy.models import POSTING_CHANNELS, Channel


class State(models.TextChoices):
    NOT_DUE = "not_due", _("not due yet")
    OVERDUE = "overdue", _("overdue")
    ON_TIME = "on_time", _("made public on time")
    LATE = "late", _("made public late")
    TOO_BRIEF = "too_brief", _("posted too briefly")
    CHANNEL_MISSING = "channel_missing", _("a required channel missing")
    NOT_APPLICABLE = "not_applicable", _("not applicable")


# green / amber / red on the boards
COLOUR = {
    State.ON_TIME: "success", State.NOT_APPLICABLE: "secondary", State.NOT_DUE: "light",
    State.LATE: "warning", State.TOO_BRIEF: "warning", State.CHANNEL_MISSING: "warning", State.OVERDUE: "danger",
}
COMPLIANT = frozenset({State.ON_TIME, State.NOT_APPLICABLE})
DUE_STATES = frozenset(State) - {State.NOT_DUE, State.NOT_APPLICABLE}


@dataclass(frozen=True)
class Rules:
    """What the state needs of an item."""
    channels: tuple[str, ...]
    min_posting_days: int
    min_radio_days: int


@dataclass(frozen=True)
class Posting:
    """What the state needs of a record."""
    channel: str
    posted_on: datetime.date
    taken_down_on: datetime.date | None = None
    radio_days: int | None = None


def rules_of(item) -> Rules:
    return Rules(tuple(item.channels or ()), item.min_posting_days, item.min_radio_days)


def derive(*, rules: Rules, due_on: datetime.date, not_applicable: bool, postings, today: datetime.date) -> State:
    """The state of one obligation (see the module docstring). Pure: no database."""
    if not_applicable:
        return State.NOT_APPLICABLE
    postings = list(postings)
    used = {p.channel for p in postings}
    missing = [c for c in rules.channels if c not in used]
    if not postings:
        return State.OVERDUE if today > due_on else State.NOT_DUE
    if missing:
        return State.CHANNEL_MISSING if today > due_on else State.NOT_DUE
    for p in postings:
        if p.channel in POSTING_CHANNELS and p.taken_down_on is not None and rules.min_posting_days:
            if (p.taken_down_on - p.posted_on).days + 1 < rules.min_posting_days:
                return State.TOO_BRIEF
        if p.channel == Channel.RADIO and rules.min_radio_days and (p.radio_days or 0) < rules.min_radio_days:
            return State.TOO_BRIEF
    required = [p.posted_on for p in postings if p.channel in rules.channels] or [p.posted_on for p in postings]
    # each required channel counts from its first use; the last of those firsts decides on time or late
    firsts = {}
    for p in postings:
        if p.channel not in firsts or p.posted_on < firsts[p.channel]:
            firsts[p.channel] = p.posted_on
    decisive = max(firsts[c] for c in rules.channels) if rules.channels else min(required)
    return State.LATE if decisive > due_on else State.ON_TIME


def missing_channels(rules: Rules, postings) -> list[str]:
    used = {p.channel for p in postings}
    return [c for c in rules.channels if c not in used]


def state_of(obligation, *, today: datetime.date, records=None) -> State:
    """The state of an obligation row (its records fetched unless given)."""
    records = obligation.records.all() if records is None else records
    return derive(rules=rules_of(obligation.item), due_on=obligation.due_on,
                  not_applicable=obligation.not_applicable, today=today,
                  postings=[Posting(r.channel, r.posted_on, r.taken_down_on, r.radio_days) for r in records])


def next_step(state: State, missing: list[str]) -> str:
    """What the commune should do next, in words."""
    if state == State.OVERDUE:
        return str(_("Make it public now and record it."))
    if state == State.CHANNEL_MISSING:
        return str(_("Also make it public through: %(channels)s.")) % {
            "channels": ", ".join(str(Channel(c).label) for c in missing)}
    if state == State.TOO_BRIEF:
        return str(_("Post it again for the whole minimum period."))
    if state == State.NOT_DUE:
        return str(_("Prepare it before the due date."))
    return ""
