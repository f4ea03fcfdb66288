"""Update (or check) the Vietnamese catalogues: the foundation's in ``locale/`` and each app's own
in ``danvan/<app>/locale/``."""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

MSGID = re.compile(r'^msgid ((?:".*"\n)+)', re.M)


def msgids(po: Path) -> set[str]:
    text = po.read_text(encoding="utf-8")
    return {"".join(re.findall(r'"(.*)"', m)) for m in MSGID.findall(text)} - {""}


def plural_count(text: str) -> int:
    match = re.search(r"nplurals=(\d+)", text)
    return int(match.group(1)) if match else 2


def drop_extra_plurals(po: Path) -> None:
    """Vietnamese has one plural form; makemessages may still write an empty ``msgstr[1]``."""
    text = po.read_text(encoding="utf-8")
    if plural_count(text) == 1:
        po.write_text(re.sub(r'\nmsgstr\[[1-9]\] ""(?=\n|$)', "", text), encoding="utf-8")


def untranslated(po: Path) -> list[str]:
    """Entries of ``po`` with an empty msgstr (for each plural form the language has) or marked fuzzy."""
    bad = []
    text = po.read_text(encoding="utf-8")
    forms = plural_count(text)
    for block in text.split("\n\n"):
        ids = MSGID.search(block + "\n")
        if not ids or "".join(re.findall(r'"(.*)"', ids.group(1))) == "":
            continue
        strs = [m for index, m in re.findall(r'^msgstr(?:\[(\d)\])? ((?:".*"\n?)+)', block, re.M)
                if not index or int(index) < forms]
        if "#, fuzzy" in block or not strs or any("".join(re.findall(r'"(.*)"', s)) == "" for s in strs):
            bad.append("".join(re.findall(r'"(.*)"', ids.group(1))))
    return bad


def catalogue_roots(base: Path) -> list[Path]:
    """The foundation root, then every app that keeps its own locale/ directory."""
    return [base] + sorted(p.parent for p in (base / "danvan").glob("*/locale") if p.is_dir())


def make(base: Path) -> None:
    python = sys.executable
    apps = catalogue_roots(base)[1:]
    ignores = ["-i", ".venv/*", "-i", "node_modules/*", "-i", "tests/*", "-i", "bench/*", "-i", "staticfiles/*"]
    for app in apps:
        ignores += ["-i", f"{app.relative_to(base)}/*"]
    common = ["makemessages", "-l", "vi", "--no-location", "--no-obsolete", "-v0"]
    subprocess.run([python, str(base / "manage.py"), *common, *ignores], cwd=base, check=True)
    for app in apps:
        subprocess.run([python, str(base / "manage.py"), *common], cwd=app, check=True)
    for root in [base, *apps]:
        drop_extra_plurals(root / "locale" / "vi" / "LC_MESSAGES" / "django.po")


class Command(BaseCommand):
    help = "Update the Vietnamese catalogues from the source (or, with --check, report what is missing)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only report; change no file.")

    def handle(self, *args, check=False, **options):
        base = Path(settings.BASE_DIR)
        if not check:
            make(base)
            for root in catalogue_roots(base):
                subprocess.run([sys.executable, str(base / "manage.py"), "compilemessages", "-v0"], cwd=root, check=True)
            self.stdout.write("catalogues updated; now translate every empty msgstr and run this again")
            return
        problems = []
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp)
            shutil.copytree(base / "danvan", copy / "danvan", ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
            shutil.copytree(base / "locale", copy / "locale")
            shutil.copy(base / "manage.py", copy / "manage.py")
            make(copy)
            for root in catalogue_roots(base):
                po = root.relative_to(base) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
                missing = msgids(copy / po) - msgids(base / po)
                problems += [f"{po}: not in the catalogue: {m!r}" for m in sorted(missing)]
                problems += [f"{po}: untranslated: {m!r}" for m in untranslated(base / po)]
        if problems:
            raise CommandError("\n".join(problems))
        self.stdout.write("catalogues complete")
