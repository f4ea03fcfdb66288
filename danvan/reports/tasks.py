"""Background tasks of the reports module (Django's task framework)."""

from django.tasks import task


@task()
def send_report_reminders() -> int:
    """Send the report reminders due today (see ``domain.notifications.send_reminders``)."""
    from danvan.reports.domain.notifications import send_reminders

    return send_reminders()
