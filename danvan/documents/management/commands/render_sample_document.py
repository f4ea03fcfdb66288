from pathlib import Path

from django.core.management.base import BaseCommand

from danvan.documents.rendering import render_docx, render_pdf
from danvan.documents.sample import sample_report


class Command(BaseCommand):
    help = ("Write a sample Báo cáo in the Party's format as DOCX and PDF (PATH.docx, PATH.pdf), to check "
            "the layout values of danvan/documents/layout.json by eye.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="output path without extension, e.g. /tmp/bao-cao")
        parser.add_argument("--pages", type=int, default=1, help="repeat the body to make a longer report")

    def handle(self, *args, path, pages, **options):
        base = Path(path)
        if base.suffix in {".docx", ".pdf"}:
            base = base.with_suffix("")
        base.parent.mkdir(parents=True, exist_ok=True)
        pdoc = sample_report(pages=pages)
        for suffix, render in ((".docx", render_docx), (".pdf", render_pdf)):
            target = base.with_suffix(suffix)
            target.write_bytes(render(pdoc))
            self.stdout.write(f"{target}")
