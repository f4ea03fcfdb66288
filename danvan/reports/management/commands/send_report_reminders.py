from django.core.management.base import BaseCommand

from danvan.reports.tasks import send_report_reminders


class Command(BaseCommand):
    help = "Queue the report reminders task (run it from cron once a day)."

    def handle(self, *args, **options):
        result = send_report_reminders.enqueue()
        self.stdout.write(f"reminders task: {result.status}")
