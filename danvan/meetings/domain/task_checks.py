"""Dates and figures of a follow-up task that cannot be true, refused before anything is written
(small functions of their own so that the task actions call them in one line each)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.meetings.models import TaskStatus


def check_due_date(meeting, due_date: datetime.date | None) -> None:
    """A task's due date may not fall before the meeting whose conclusion it carries out.

    Raises ``ValidationError`` on ``due_date`` (in Vietnamese, with both dates)."""
    if not due_date or not meeting.starts_at:
        return
    held_on = timezone.localdate(meeting.starts_at)
    if due_date < held_on:
        raise ValidationError({"due_date": _(
            "The due date %(due)s is before the meeting (%(held)s) whose conclusion the task carries out.") % {
            "due": due_date.strftime("%d/%m/%Y"), "held": held_on.strftime("%d/%m/%Y")}})


def check_update(*, status: str, progress, on: datetime.date | None) -> None:
    """A progress update is dated today or earlier, and "done" means 100%: a done task reported at
    30% is refused, never stored as 100%.

    Raises ``ValidationError`` on ``on`` or ``progress``."""
    today = timezone.localdate()
    if on and on > today:
        raise ValidationError({"on": _("The update date %(on)s is in the future (today is %(today)s).") % {
            "on": on.strftime("%d/%m/%Y"), "today": today.strftime("%d/%m/%Y")}})
    if status == TaskStatus.DONE and progress is not None and str(progress).strip() != "" and int(progress) != 100:
        raise ValidationError({"progress": _(
            "A completed task is at 100%%; the progress entered is %(p)s%%. Enter 100 or choose “in progress”.") % {
            "p": int(progress)}})
