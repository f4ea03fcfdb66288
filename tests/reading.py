"""Read generated documents back as text: tests check the contents of DOCX and PDF files with these
(pypdf is a dev-only dependency, so this lives with the tests, not in the app)."""

import io
import unicodedata

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from pypdf import PdfReader


def _walk(container, lines: list[str]) -> None:
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(DocxParagraph(child, None).text)
        elif child.tag == qn("w:tbl"):
            for row in DocxTable(child, None).rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell appears once
                        continue
                    seen.add(id(cell._tc))
                    _walk(cell._tc, lines)


def docx_text(data: bytes) -> str:
    """All paragraphs and table cells of a DOCX in document order, one paragraph per line."""
    document = Document(io.BytesIO(data))
    lines: list[str] = []
    _walk(document.element.body, lines)
    return "\n".join(lines)


def pdf_text(data: bytes) -> str:
    """The text of every page of a PDF (pypdf), pages separated by a line break, in NFC form."""
    reader = PdfReader(io.BytesIO(data))
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() or "" for page in reader.pages))
