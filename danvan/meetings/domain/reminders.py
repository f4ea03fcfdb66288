"""Reminders about follow-up tasks, before and after the due date.

Run daily by ``manage.py send_task_reminders`` (from cron) or the background task
``danvan.meetings.tasks.send_task_reminders_task``."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.meetings.models import FollowUpTask, Notification, TaskStatus
from danvan.orgs.models import Membership

DAYS_BEFORE = 3  # the reminder before the due date goes out this many days ahead
REPEAT_AFTER = 7  # after the due date, a reminder every this many days


def email_configured() -> bool:
    """Email goes out only when a real mail backend is configured (not the console one)."""
    mailers = getattr(settings, "MAILERS", None) or {}
    backend = mailers.get("default", {}).get("BACKEND", getattr(settings, "EMAIL_BACKEND", ""))
    return "console" not in backend and "dummy" not in backend


def _recipients(task: FollowUpTask, *, include_organizer: bool) -> list:
    org_ids = [a.organization_id for a in task.assignments.all()]
    if include_organizer:
        org_ids.append(task.organization_id)
    memberships = Membership.objects.filter(organization_id__in=org_ids, is_active=True,
                                            user__is_active=True).select_related("user")
    return list({m.user_id: m.user for m in memberships}.values())


def _notify(user, task, key: str, message: str) -> bool:
    try:
        with transaction.atomic():
            Notification.objects.create(user=user, task=task, key=key, message=message[:500],
                                        url=reverse("task_detail", args=[task.pk]))
    except IntegrityError:
        return False
    return True


def send_reminders(*, today: datetime.date | None = None) -> dict:
    """Remind the assignees of open tasks due in ``DAYS_BEFORE`` days or less, and (with the
    organizer) of overdue tasks, once per task and period.

    Effects: inserts ``Notification`` rows (one per user and reminder; a reminder already sent is
    not repeated) and, when a mail backend is configured, sends one email per new notification to
    users with an address. Returns {"before": n, "after": n, "emails": n}."""
    today = today or datetime.date.today()
    counts = {"before": 0, "after": 0, "emails": 0}
    soon = FollowUpTask.objects.unscoped("system job: reminders").exclude(status=TaskStatus.DONE).filter(
        due_date__gte=today, due_date__lte=today + datetime.timedelta(days=DAYS_BEFORE))
    late = FollowUpTask.objects.unscoped("system job: reminders").exclude(status=TaskStatus.DONE).filter(due_date__lt=today)
    mail = email_configured()
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
            for user in _recipients(task, include_organizer=kind == "after"):
                if not _notify(user, task, key, message):
                    continue
                counts[kind] += 1
                if mail and user.email:
                    try:
                        send_mail(_("Reminder: follow-up task"), message, settings.DEFAULT_FROM_EMAIL, [user.email])
                    except OSError:  # a mail server down must not stop the reminders
                        continue
                    counts["emails"] += 1
    return counts
