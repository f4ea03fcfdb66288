from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand

from danvan.places.models import Area


class Command(BaseCommand):
    help = ("Load the demo data: organizations and users of Lào Cai and Huế, then each module's demo "
            "(every app's demo.py with load(stdout)). Running it again creates no duplicates.")

    def handle(self, *args, **options):
        if not Area.objects.filter(source_key="2025:p15").exists():
            self.stderr.write("No areas yet: run 'manage.py load_units' first.")
            raise SystemExit(1)
        for config in apps.get_app_configs():
            if not config.name.startswith("danvan."):
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            module.load(self.stdout)
