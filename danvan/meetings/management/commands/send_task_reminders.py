import datetime

from django.core.management.base import BaseCommand

from danvan.meetings.domain.reminders import send_reminders
from danvan.meetings.tasks import send_task_reminders_task


class Command(BaseCommand):
    help = "Send reminders about follow-up tasks before and after their due date (run daily from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD).")
        parser.add_argument("--enqueue", action="store_true", help="Enqueue the background task instead.")

    def handle(self, *args, **options):
        if options["enqueue"]:
            send_task_reminders_task.enqueue()
            self.stdout.write("enqueued")
            return
        today = datetime.date.fromisoformat(options["date"]) if options["date"] else None
        counts = send_reminders(today=today)
        self.stdout.write(f"before: {counts['before']}, after: {counts['after']}")
