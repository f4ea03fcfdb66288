from django.core.management.base import BaseCommand

from danvan.places.domain.units import load_units
from danvan.places.models import Area


class Command(BaseCommand):
    help = "Load the administrative units (current, and those before 01/07/2025) from vietnamadminunits."

    def add_arguments(self, parser):
        parser.add_argument("--if-needed", action="store_true",
                            help="Skip when the 34 provinces and 3,321 current communes are already there.")

    def handle(self, *args, **options):
        current = Area.objects.current()
        if options["if_needed"] and current.filter(level="province").count() == 34 \
                and current.filter(level="commune").count() == 3321:
            self.stdout.write("load_units: every unit is already loaded; skipped.")
            return
        result = load_units()
        current = Area.objects.current()
        self.stdout.write(
            f"load_units: {result.created} created, {result.updated} updated, {result.successions} successions "
            f"written, {result.reach_rows} reach rows in {result.seconds:.1f} s; "
            f"now {current.filter(level='province').count()} provinces, "
            f"{current.filter(level='commune').count()} communes current; {Area.objects.count()} units in all"
        )
