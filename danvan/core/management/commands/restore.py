from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from danvan.core.backup import BackupError, restore


class Command(BaseCommand):
    help = ("Restore an archive written by `manage.py backup` into this installation, which must be empty "
            "(a new database with no table, an empty media folder); then check every table's row count and "
            "every file's checksum against the archive.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive written by manage.py backup")

    def handle(self, *args, path, **options):
        if not Path(path).is_file():
            raise CommandError(f"no archive at {path}")
        try:
            manifest = restore(Path(path))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"restored {len(manifest.tables)} tables ({manifest.rows:,} rows) and "
                          f"{len(manifest.files):,} files from {manifest.created}; every row count and "
                          "checksum matches the archive")
