"""Background tasks (Django's task framework) of the meetings module."""

from django.tasks import task

from danvan.meetings.domain.reminders import send_reminders


@task()
def send_task_reminders_task() -> dict:
    """Send the daily reminders about follow-up tasks (see ``domain.reminders.send_reminders``)."""
    return send_reminders()
