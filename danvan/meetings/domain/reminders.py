"""Reminders about follow-up tasks, before and after the due date.

Run daily by ``manage.py send_task_reminders`` (from cron) or the background task
``danvan.meetings.tasks.send_task_reminders_task``."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain.notifications import notify
from danvan.meetings.models import FollowUpTask, TaskStatus
from danvan.orgs.queries.members import members_of

DAYS_BEFORE = 3  # the reminder before the due date goes out this many days ahead
REPEAT_AFTER = 7  # after the due date, a reminder every this many days


def _recipients(task: FollowUpTask, *, include_organizer: bool) -> list:
    org_ids = [a.organization_id for a in task.assignments.all()]
    if include_organizer:
        org_ids.append(task.organization_id)
    return members_of(org_ids, roles=("officer", "leader", "admin"))


def send_reminders(*, today: datetime.date | None = None) -> dict:
    """Remind the assignees of open tasks due in ``DAYS_BEFORE`` days or less, and (with the
    organizer) of overdue tasks, once per task and period.

    Effects: ``notify`` to the members of the assignees (and of the organizer when overdue): one
    notification per user and reminder (a reminder already sent is not repeated), e-mail when a mail
    server is configured. Returns {"before": n, "after": n}."""
    today = today or timezone.localdate()
    counts = {"before": 0, "after": 0}
    soon = FollowUpTask.objects.unscoped("system job: reminders").exclude(status=TaskStatus.DONE).filter(
        due_date__gte=today, due_date__lte=today + datetime.timedelta(days=DAYS_BEFORE))
    late = FollowUpTask.objects.unscoped("system job: reminders").exclude(status=TaskStatus.DONE).filter(due_date__lt=today)
    for kind, qs in (("before", soon), ("after", late)):
        for task in qs.prefetch_related("assignments").iterator(chunk_size=500):
            if kind == "before":
                key = f"task:{task.pk}:before:{task.due_date:%Y%m%d}"
                message = _("Task “%(title)s” is due on %(date)s.") % {
                    "title": task.title, "date": task.due_date.strftime("%d/%m/%Y")}
            else:
                period = (today - task.due_date).days // REPEAT_AFTER
                key = f"task:{task.pk}:after:{task.due_date:%Y%m%d}:{period}"
                message = _("Task “%(title)s” is overdue since %(date)s.") % {
                    "title": task.title, "date": task.due_date.strftime("%d/%m/%Y")}
            counts[kind] += notify(users=_recipients(task, include_organizer=kind == "after"),
                                   kind=f"meetings.task_{kind}", key=key, message=message,
                                   url=reverse("task_detail", args=[task.pk]),
                                   subject=_("Reminder: follow-up task"))
    return counts
