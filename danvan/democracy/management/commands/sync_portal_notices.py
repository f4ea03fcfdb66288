"""Bring the portal's notices in line with the registered sources (the citizens' voice module's dialogue
calendar and result notices): run from a timer, e.g. every 15 minutes."""

from django.core.management.base import BaseCommand

from danvan.democracy.domain import portal


class Command(BaseCommand):
    help = "Copy the public notices of the registered sources onto the portal (and take off withdrawn ones)."

    def handle(self, *args, **options):
        n = portal.sync_notices()
        self.stdout.write(f"{n} notices on the portal ({len(portal._NOTICE_SOURCES)} sources registered).")
