"""The one dispatcher of a disclosure obligation's life cycle, used by the page and the API
(after ``reports/domain/actions.py``): ``ACTIONS``, ``perform``, ``allowed_actions``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.democracy.domain import obligations
from danvan.orgs.scope import can

ACTIONS = ("not_applicable", "reapply")


def allowed_actions(user, obligation) -> set[str]:
    """The steps ``user`` may take on ``obligation`` now (drives the page's buttons and the API's field)."""
    if not can(user, "change", obligation):
        return set()
    return {"reapply"} if obligation.not_applicable else {"not_applicable"}


def perform(obligation, action: str, *, actor, reason: str = "", expected_version=None):
    """Run one step in one transaction; an unknown step is a ``ValidationError`` on ``action`` (422)."""
    if action not in ACTIONS:
        raise ValidationError({"action": [_("Unknown action.")]})
    with transaction.atomic():
        if action == "not_applicable":
            return obligations.mark_not_applicable(actor=actor, obligation=obligation, reason=reason,
                                                   expected_version=expected_version)
        return obligations.reapply(actor=actor, obligation=obligation, expected_version=expected_version)
