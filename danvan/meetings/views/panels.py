"""The dashboard panel: open and overdue tasks assigned to the user's organizations."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from danvan.core.templatetags.dv import num
from danvan.meetings.models import FollowUpTask, TaskAssignment, overdue_q
from danvan.orgs.scope import active_memberships, restrict


def task_panel(request):
    org_ids = [m.organization_id for m in active_memberships(request.user)]
    if not org_ids:
        return None
    today = timezone.localdate()
    mine = restrict(FollowUpTask.objects.open(), request.user).filter(
        id__in=TaskAssignment.objects.filter(organization_id__in=org_ids).values("task_id"))
    tasks = list(mine.order_by("due_date", "id")[:8])
    return {
        "template": "meetings/_panel_tasks.html", "order": 20, "panel_tasks": tasks, "today": today,
        "panel_open": mine.count(), "panel_overdue": mine.filter(overdue_q(today)).count(),
    }


SOON_DAYS = 7
LISTED = 5


def my_work(request) -> list[dict]:
    """The tasks' lines of "Việc của tôi": open tasks assigned to the user's organizations that are
    overdue or due within a week (each with its due date), and how many more are open."""
    org_ids = [m.organization_id for m in active_memberships(request.user) if "change" in m.actions]
    if not org_ids:
        return []
    today = timezone.localdate()
    mine = restrict(FollowUpTask.objects.open(), request.user).filter(
        id__in=TaskAssignment.objects.filter(organization_id__in=org_ids).values("task_id"))
    urgent = list(mine.filter(due_date__lte=today + datetime.timedelta(days=SOON_DAYS)).order_by("due_date", "id")
                  .only("id", "title", "due_date")[:LISTED])
    items = [{"label": _("Task: %(title)s") % {"title": t.title}, "url": reverse("task_detail", args=[t.pk]),
              "date": t.due_date, "state": "overdue" if t.due_date < today else "soon", "order": 20} for t in urgent]
    rest = mine.count() - len(urgent)
    if rest > 0:
        items.append({"label": ngettext("%(n)s other open task of your organization",
                                        "%(n)s other open tasks of your organization", rest) % {"n": num(rest)},
                      "url": reverse("task_list"), "order": 21})
    return items
