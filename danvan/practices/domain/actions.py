"""The one dispatcher of a practice's life-cycle steps: the practice page (``views/actions.py``) and
the API (``api.py``) both call ``perform``; ``allowed_actions`` drives the page's buttons and the API's
``allowed_actions`` field. Refusals are the typed ones of ``danvan.core.domain.refusals`` (mapped to a
message or an HTTP status in one place)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.practices.domain import lifecycle
from danvan.practices.domain.evaluation import record_evaluation
from danvan.practices.domain.permissions import may_approve, may_edit, may_evaluate
from danvan.practices.models import FINAL, Practice, Status

ACTIONS = ("register", "start", "evaluate", "recognize", "reject", "outstanding", "not_outstanding")
"""The life-cycle steps, in order."""


def allowed_actions(user, practice: Practice) -> set[str]:
    """What ``user`` may do to ``practice`` now: "edit" and the steps of ``ACTIONS`` that its status
    and the user's rights allow (for the buttons and the API)."""
    status = practice.status
    allowed = set()
    if may_edit(user, practice):
        if status not in FINAL:
            allowed.add("edit")
        if status == Status.DRAFT:
            allowed.add("register")
        if status == Status.REGISTERED:
            allowed.add("start")
    if status in {Status.IN_PROGRESS, Status.EVALUATED} and practice.campaign_id and may_evaluate(user, practice):
        allowed.add("evaluate")
    if may_approve(user, practice):
        if status == Status.EVALUATED:
            allowed |= {"recognize", "reject"}
        if status == Status.RECOGNIZED:
            allowed.add("not_outstanding" if practice.is_outstanding else "outstanding")
    return allowed


def perform(practice: Practice, action: str, *, actor, reason: str = "", level: str = "",
            decision_number: str = "", decision_date: datetime.date | None = None, scores: dict | None = None,
            comments: dict | None = None, comment: str = ""):
    """Run the life-cycle step ``action`` on ``practice`` as ``actor`` in one transaction.

    Effects: those of ``lifecycle.register_practice``, ``start_practice``, ``recognize_practice``
    (``level``, ``decision_number``, ``decision_date``, ``reason``), ``reject_practice`` (``reason``),
    ``set_outstanding`` or ``evaluation.record_evaluation`` (``scores``, ``comments``, ``comment``).
    Returns the practice (the evaluation for "evaluate"). Raises ``ValidationError`` ({"action": ...})
    for an unknown step, and whatever refusal the step raises; nothing changes then.
    """
    calls = {
        "register": lambda: lifecycle.register_practice(practice=practice, actor=actor),
        "start": lambda: lifecycle.start_practice(practice=practice, actor=actor, reason=reason),
        "evaluate": lambda: record_evaluation(practice=practice, actor=actor, scores=scores or {},
                                              comments=comments or {}, comment=comment),
        "recognize": lambda: lifecycle.recognize_practice(
            practice=practice, actor=actor, level=level or "", decision_number=decision_number or "",
            decision_date=decision_date, reason=reason),
        "reject": lambda: lifecycle.reject_practice(practice=practice, actor=actor, reason=reason),
        "outstanding": lambda: lifecycle.set_outstanding(practice=practice, actor=actor, outstanding=True,
                                                         reason=reason),
        "not_outstanding": lambda: lifecycle.set_outstanding(practice=practice, actor=actor, outstanding=False,
                                                             reason=reason),
    }
    if action not in calls:
        raise ValidationError({"action": _("Unknown action.")})
    with transaction.atomic():
        return calls[action]()


def next_step(practice: Practice):
    """What comes next for ``practice`` and who does it (shown on the page)."""
    from danvan.core.domain.next_step import NextStep

    officers = _("the officers of %(org)s") % {"org": practice.organization.name}
    commission = _("the mass mobilization commission responsible for %(area)s") % {
        "area": practice.area.full_name if practice.area_id else practice.organization.area.full_name}
    if practice.status == Status.DRAFT:
        return NextStep(_("register the model"), officers)
    if practice.status == Status.REGISTERED:
        return NextStep(_("start carrying out the model"), officers)
    if practice.status == Status.IN_PROGRESS:
        if not practice.campaign_id:
            return NextStep(_("attach the model to a campaign so that it can be evaluated"), officers)
        return NextStep(_("evaluate the model against the campaign's criteria"), commission)
    if practice.status == Status.EVALUATED:
        return NextStep(_("recognize the model at a level, or not"), _("the leaders of %(who)s") % {"who": commission})
    if practice.status == Status.RECOGNIZED:
        return NextStep(done=_("The model was recognized (%(level)s, decision %(number)s).") % {
            "level": practice.get_level_display() or "—", "number": practice.decision_number or "—"})
    return NextStep(done=_("The model was not recognized; its record is kept."))
