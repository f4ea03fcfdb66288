"""The one dispatcher of the meetings app (issue 8 §3): the meeting pages (``views/``) and the API
(``api.py``) both call ``perform``. Refusals are the typed ones of ``danvan.core.domain.refusals``
(``NotAllowed`` 403, ``Conflict``/``StaleVersion`` 409, ``ValidationError`` 422 naming the field), mapped
in one place (``run_action`` for pages, the API's handlers).

Also what comes next on a meeting's follow-up task and who does it (the task page's "Bước tiếp theo").
A task's one step, reporting progress, is ``tasks.report_progress``; there is no other transition."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain.next_step import NextStep
from danvan.meetings.domain import bridge, documents, meetings, people, tasks
from danvan.meetings.models import FollowUpTask, TaskStatus

ACTIONS = {
    # meetings and what hangs on them
    "create_meeting": meetings.create_meeting,
    "update_meeting": meetings.update_meeting,
    "add_role": meetings.add_role,
    "remove_role": meetings.remove_role,
    "add_conclusion": meetings.add_conclusion,
    "add_contribution": meetings.add_contribution,
    "add_document": meetings.add_document,
    "issue_document": documents.issue_meeting_document,
    # follow-up tasks
    "create_task": tasks.create_task,
    "report_progress": tasks.report_progress,
    # bridge points
    "add_bridge_point": bridge.add_bridge_point,
    "add_bridge_points": bridge.add_bridge_points,
    "add_listed_points": bridge.add_listed_points,
    "set_attendance": bridge.set_attendance,
    "bulk_attendance": bridge.bulk_attendance,
    "remove_bridge_point": bridge.remove_bridge_point,
    # people
    "create_person": people.create_person,
    "add_position": people.add_position,
}
"""Action name → domain function; each function's docstring names its effects and refusals."""


def perform(action: str, *args, actor, **kwargs):
    """Run the meetings app's ``action`` as ``actor`` in one transaction.

    Effects: those of the domain function ``ACTIONS[action]`` (called with ``args``, ``actor`` and
    ``kwargs``). Returns what it returns. Raises ``ValidationError`` ({"action": ...}, 422) for an unknown
    action, and whatever refusal the action raises (403, 409, 422); nothing is changed then."""
    if action not in ACTIONS:
        raise ValidationError({"action": _("Unknown action.")})
    with transaction.atomic():
        return ACTIONS[action](*args, actor=actor, **kwargs)


def next_step(task: FollowUpTask) -> NextStep:
    """What comes next for ``task`` and who does it."""
    if task.status == TaskStatus.DONE:
        return NextStep(done=_("The task was done on %(date)s.") % {
            "date": task.completed_on.strftime("%d/%m/%Y") if task.completed_on else "—"})
    names = "; ".join(a.organization.name for a in task.assignments.select_related("organization"))
    return NextStep(_("carry out the task and report its progress by %(date)s") % {
        "date": task.due_date.strftime("%d/%m/%Y")}, names or task.organization.name)
