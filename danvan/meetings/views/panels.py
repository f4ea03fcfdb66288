"""The dashboard panel: open and overdue tasks assigned to the user's organizations."""

import datetime

from danvan.meetings.models import FollowUpTask, TaskAssignment, overdue_q
from danvan.orgs.scope import active_memberships, restrict


def task_panel(request):
    org_ids = [m.organization_id for m in active_memberships(request.user)]
    if not org_ids:
        return None
    today = datetime.date.today()
    mine = restrict(FollowUpTask.objects.open(), request.user).filter(
        id__in=TaskAssignment.objects.filter(organization_id__in=org_ids).values("task_id"))
    tasks = list(mine.order_by("due_date", "id")[:8])
    return {
        "template": "meetings/_panel_tasks.html", "order": 20, "panel_tasks": tasks, "today": today,
        "panel_open": mine.count(), "panel_overdue": mine.filter(overdue_q(today)).count(),
    }
