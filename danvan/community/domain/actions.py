"""The one dispatcher of a person of prestige's steps on a list: the entry's page and the API both
call ``perform``; ``allowed_actions`` drives the page's buttons and the API's ``allowed_actions``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.community.domain import prestige
from danvan.community.models import EntryStatus, PrestigeEntry
from danvan.orgs.scope import can

ACTIONS = ("select", "propose", "recognize", "remove", "replace")
"""The steps, in order."""

_FROM = {"select": EntryStatus.NOMINATED, "propose": EntryStatus.SELECTED, "recognize": EntryStatus.PROPOSED,
         "remove": EntryStatus.RECOGNIZED, "replace": EntryStatus.RECOGNIZED}


def allowed_actions(user, entry: PrestigeEntry) -> list[str]:
    """The steps ``user`` may take on ``entry`` now (its status and the right to change the list's
    organization), in the order the steps are declared: the page shows its forms in that order (a set
    showed them in an order that changed from one server process to the next)."""
    if not can(user, "change", entry.prestige_list.organization):
        return []
    return [action for action, status in _FROM.items() if entry.status == status]


def perform(entry: PrestigeEntry, action: str, *, actor, on=None, decision_number: str = "", reason: str = "",
            decision: str = "", note: str = "", expected_version=None, nominee: dict | None = None):
    """Run the step ``action`` on ``entry`` as ``actor`` in one transaction.

    Effects: those of ``prestige.select``, ``propose``, ``recognize`` (``decision_number``), ``remove``
    (``reason``, ``decision``, ``note``) or ``replace`` (the same, and ``nominee``: the successor's
    nomination). Returns the entry (the successor's entry for "replace"). Raises ``ValidationError``
    ({"action": ...}) for an unknown step, and whatever refusal the step raises; nothing changes then."""
    common = {"actor": actor, "entry": entry, "on": on, "expected_version": expected_version}
    calls = {
        "select": lambda: prestige.select(**common),
        "propose": lambda: prestige.propose(**common),
        "recognize": lambda: prestige.recognize(**common, decision_number=decision_number),
        "remove": lambda: prestige.remove(**common, reason=reason, decision=decision, note=note),
        "replace": lambda: prestige.replace(**common, reason=reason, decision=decision, note=note, **(nominee or {})),
    }
    if action not in calls:
        raise ValidationError({"action": _("Unknown action.")})
    with transaction.atomic():
        return calls[action]()


HOT_SPOT_ACTIONS = ("watch", "handle", "stabilize", "close", "reopen")
"""The steps of a hot spot (``domain/hotspots.STEPS``)."""


def hot_spot_allowed_actions(user, hot_spot) -> list[str]:
    """The steps ``user`` may take on ``hot_spot`` now (for the page's buttons and the API), in the order
    the steps are declared (``STEPS``)."""
    from danvan.community.domain.hotspots import STEPS, may_change

    if not may_change(user, hot_spot):
        return []
    return [action for action, (frm, _to) in STEPS.items() if hot_spot.state in frm]


def perform_hot_spot(hot_spot, action: str, *, actor, on, text: str, expected_version=None, review_date=None):
    """Run the step ``action`` on ``hot_spot`` with its dated update, in one transaction (effects and
    refusals of ``hotspots.add_update``); an unknown step is a ``ValidationError`` on ``action``."""
    from danvan.community.domain.hotspots import add_update

    if action not in HOT_SPOT_ACTIONS:
        raise ValidationError({"action": _("Unknown action.")})
    with transaction.atomic():
        return add_update(actor=actor, hot_spot=hot_spot, on=on, text=text, action=action,
                          expected_version=expected_version, review_date=review_date)
