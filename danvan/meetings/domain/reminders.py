"""Reminders about follow-up tasks, before and after the due date.

Run daily by ``manage.py send_task_reminders`` (from cron) or the background task
``danvan.meetings.tasks.send_task_reminders_task``."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain.notifications import Message, notify_each
from danvan.meetings.models import FollowUpTask, TaskStatus
from danvan.orgs.queries.members import members_by_organization

DAYS_BEFORE = 3  # the reminder before the due date goes out this many days ahead
REPEAT_AFTER = 7  # after the due date, a reminder every this many days


ROLES = ("officer", "leader", "admin")


def send_reminders(*, today: datetime.date | None = None) -> dict:
    """Remind the assignees of open tasks due in ``DAYS_BEFORE`` days or less, and (with the
    organizer) of overdue tasks, once per task and period.

    Effects: ``notify_each`` (the same mechanism as the pages' "remind all" jobs: the members of every
    organization concerned read in one query, the notifications checked and inserted a batch at a time)
    to the members of the assignees (and of the organizer when overdue): one notification per user and
    reminder (a reminder already sent is not repeated), e-mail when a mail server is configured.
    Returns {"before": n, "after": n}."""
    today = today or timezone.localdate()
    counts = {"before": 0, "after": 0}
    soon = FollowUpTask.objects.unscoped("system job: reminders").exclude(status=TaskStatus.DONE).filter(
        due_date__gte=today, due_date__lte=today + datetime.timedelta(days=DAYS_BEFORE))
    late = FollowUpTask.objects.unscoped("system job: reminders").exclude(status=TaskStatus.DONE).filter(due_date__lt=today)
    subject = _("Reminder: follow-up task")
    for kind, qs in (("before", soon), ("after", late)):
        tasks = list(qs.prefetch_related("assignments"))
        org_ids = {a.organization_id for t in tasks for a in t.assignments.all()}
        if kind == "after":
            org_ids |= {t.organization_id for t in tasks}
        members = members_by_organization(org_ids, roles=ROLES)
        messages = []
        for task in tasks:
            ids = [a.organization_id for a in task.assignments.all()] + (
                [task.organization_id] if kind == "after" else [])
            users = list({u.pk: u for oid in ids for u in members.get(oid, [])}.values())
            if kind == "before":
                key = f"task:{task.pk}:before:{task.due_date:%Y%m%d}"
                message = _("Task “%(title)s” is due on %(date)s.") % {
                    "title": task.title, "date": task.due_date.strftime("%d/%m/%Y")}
            else:
                period = (today - task.due_date).days // REPEAT_AFTER
                key = f"task:{task.pk}:after:{task.due_date:%Y%m%d}:{period}"
                message = _("Task “%(title)s” is overdue since %(date)s.") % {
                    "title": task.title, "date": task.due_date.strftime("%d/%m/%Y")}
            messages.append(Message(users=users, kind=f"meetings.task_{kind}", key=key, message=message,
                                    url=reverse("task_detail", args=[task.pk]), subject=subject))
        counts[kind] = notify_each(messages)["notifications"]
    return counts
