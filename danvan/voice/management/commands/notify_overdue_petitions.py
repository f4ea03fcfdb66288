from django.core.management.base import BaseCommand

from danvan.voice.domain.petitions import notify_overdue


class Command(BaseCommand):
    help = "Notify the handler and the leaders above of every overdue petition (once per petition and due date)."

    def handle(self, *args, **options):
        self.stdout.write(f"{notify_overdue()} notifications")
