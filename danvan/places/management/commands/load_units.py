from django.core.management.base import BaseCommand

from danvan.places.domain.units import load_units
from danvan.places.models import Area


class Command(BaseCommand):
    help = "Nạp các đơn vị hành chính (hiện hành và trước 01/07/2025) từ gói vietnamadminunits."

    def handle(self, *args, **options):
        result = load_units()
        current = Area.objects.current()
        self.stdout.write(
            f"load_units: {result.created} created, {result.updated} updated, {result.successions} successions "
            f"written, {result.reach_rows} reach rows in {result.seconds:.1f} s; "
            f"now {current.filter(level='province').count()} provinces, "
            f"{current.filter(level='commune').count()} communes current; {Area.objects.count()} units in all"
        )
