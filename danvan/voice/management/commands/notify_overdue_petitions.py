from django.core.management.base import BaseCommand

from danvan.voice.domain.dialogues import sync_portal
from danvan.voice.domain.petitions import notify_overdue


class Command(BaseCommand):
    help = ("Daily: notify the handler and the leaders above of every overdue petition (once per petition and due "
            "date), and copy the public dialogues' promises and their state to the portal again.")

    def handle(self, *args, **options):
        self.stdout.write(f"{notify_overdue()} notifications")
        self.stdout.write(f"{sync_portal()} notices on the portal")
