"""Export time of a 10-page Party-format report (many paragraphs and a 30-row table) to DOCX and PDF.

Rendering needs no database; the report is built from ``danvan.documents.sample``."""

import os
import time


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()


def _best_of(func, runs: int = 3) -> tuple[float, bytes]:
    best, result = float("inf"), b""
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best, result


def main() -> None:
    _setup()
    from io import BytesIO

    from pypdf import PdfReader

    from danvan.documents.rendering import render_docx, render_pdf
    from danvan.documents.sample import sample_report

    report = sample_report(pages=27, table_rows=30)
    docx_ms, _docx = _best_of(lambda: render_docx(report))
    pdf_ms, pdf = _best_of(lambda: render_pdf(report))
    pages = len(PdfReader(BytesIO(pdf)).pages)
    print(f"report: {pages} pages A4, {len(report.blocks)} blocks, table of 30 rows")
    print(f"render_docx: {docx_ms:.1f} ms (target < 2000 ms; ratio {docx_ms / 2000:.2f})")
    print(f"render_pdf: {pdf_ms:.1f} ms (no target set; ratio to 10 s {pdf_ms / 10000:.2f})")


if __name__ == "__main__":
    main()
