"""Check the petition register's caches (due dates, tallies) against the clocks and the petitions."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from danvan.voice.domain.petitions import check_register, refresh_deadlines


class Command(BaseCommand):
    help = _("Compare every petition's cached due date with its legal clocks and the counts by kind and state "
             "with the register; --repair recomputes them.")

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help=_("recompute the due dates and the counts"))

    def handle(self, *args, **options):
        with translation.override("vi"):
            found = check_register()
            self.stdout.write(_("%(d)s due dates and %(t)s counts differ.") % {
                "d": len(found["due"]), "t": len(found["tally"])})
            for row in found["tally"][:20]:
                self.stdout.write("  " + " ".join(str(x) for x in row))
            if options["repair"]:
                changed = refresh_deadlines(rebuild_tallies=True)
                self.stdout.write(_("%(n)s due dates recomputed; counts rebuilt.") % {"n": changed})
            elif found["due"] or found["tally"]:
                raise CommandError(_("Run with --repair to recompute them."))
