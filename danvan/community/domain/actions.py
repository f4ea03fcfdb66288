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


def allowed_actions(user, entry: PrestigeEntry) -> set[str]:
    """The steps ``user`` may take on ``entry`` now (its status and the right to change the list's
    organization)."""
    if not can(user, "change", entry.prestige_list.organization):
        return set()
    return {action for action, status in _FROM.items() if entry.status == status}


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
