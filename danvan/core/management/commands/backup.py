from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from danvan.core.backup import BackupError, backup


class Command(BaseCommand):
    help = ("Write one consistent archive of the database and the uploaded files to PATH (a .tar file, or a "
            "folder where a dated danvan-YYYYMMDD-HHMMSS.tar is made). Safe while the application runs.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive to write, or a folder for a dated archive")
        parser.add_argument("--keep", type=int, default=None,
                            help="with a folder: keep only this many dated archives (the newest)")

    def handle(self, *args, path, keep, **options):
        try:
            target, manifest = backup(Path(path), now=timezone.localtime(), keep=keep)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        size = sum(meta["size"] for meta in manifest.files.values())
        self.stdout.write(f"{target}: {len(manifest.tables)} tables, {manifest.rows:,} rows "
                          f"({manifest.vendor}, {manifest.tool_version}), {len(manifest.files):,} files "
                          f"({size:,} bytes)")
