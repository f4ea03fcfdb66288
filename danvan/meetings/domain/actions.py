"""What comes next on a meeting's follow-up task and who does it (the task page's "Bước tiếp theo").
A task's one step, reporting progress, is ``tasks.report_progress``; there is no other transition."""

from django.utils.translation import gettext as _

from danvan.core.domain.next_step import NextStep
from danvan.meetings.models import FollowUpTask, TaskStatus


def next_step(task: FollowUpTask) -> NextStep:
    """What comes next for ``task`` and who does it."""
    if task.status == TaskStatus.DONE:
        return NextStep(done=_("The task was done on %(date)s.") % {
            "date": task.completed_on.strftime("%d/%m/%Y") if task.completed_on else "—"})
    names = "; ".join(a.organization.name for a in task.assignments.select_related("organization"))
    return NextStep(_("carry out the task and report its progress by %(date)s") % {
        "date": task.due_date.strftime("%d/%m/%Y")}, names or task.organization.name)
