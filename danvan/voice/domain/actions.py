"""The one dispatcher of petition steps, used by the page and the API (as in reports and practices)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.orgs.scope import can
from danvan.voice.domain import petitions
from danvan.voice.domain.petitions import STEP_LABELS, STEPS

ACTIONS = tuple(STEPS)


def perform(petition, action: str, *, actor, on=None, number: str = "", note: str = "", expected_version=None):
    """Run one step in one transaction (``petitions.step``); an unknown step is a 422 on ``action``."""
    if action not in ACTIONS:
        raise ValidationError({"action": _("Unknown step “%(a)s”.") % {"a": action}})
    with transaction.atomic():
        return petitions.step(petition, actor=actor, action=action, on=on, number=number, note=note,
                              expected_version=expected_version)


def allowed_actions(user, petition) -> list[str]:
    """The steps ``user`` may take now (what drives the page's buttons and the API's field)."""
    if not can(user, "change", petition):
        return []
    result = []
    for action, (allowed_from, _to, _number) in STEPS.items():
        if petition.state not in allowed_from:
            continue
        if action == "dialogue" and petition.kind not in ("complaint", "mixed"):
            continue
        if action == "extend" and petition.kind != "denunciation":
            continue
        if action == "accept" and not petition.within_competence:
            continue
        result.append(action)
    return result


LABELS = STEP_LABELS
