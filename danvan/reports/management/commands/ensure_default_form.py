from django.core.management.base import BaseCommand

from danvan.reports.domain.default_form import ensure_default_form


class Command(BaseCommand):
    help = "Create the default form \"Báo cáo công tác dân vận\" when it is missing (idempotent)."

    def handle(self, *args, **options):
        form = ensure_default_form()
        self.stdout.write(f"{form.name}: {form.versions.count()} version(s)")
