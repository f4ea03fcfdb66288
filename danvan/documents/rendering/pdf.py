"""A ``PartyDocument`` as PDF: the Django template ``documents/party_document.html`` through WeasyPrint."""

from django.template.loader import render_to_string

from danvan.documents.layout import get_layout
from danvan.documents.rendering.blocks import Heading, Paragraph, PartyDocument, Table
from danvan.documents.rendering.fonts import FAMILY, font_faces


def _block_kind(block) -> str:
    for kind, cls in (("heading", Heading), ("paragraph", Paragraph), ("table", Table)):
        if isinstance(block, cls):
            return kind
    raise TypeError(f"unknown block {type(block).__name__}")


def render_html(pdoc: PartyDocument) -> str:
    """The HTML the PDF is made from (A4 ``@page`` margins from ``layout.json``; the font is Tinos,
    embedded through ``@font-face`` from the installed package, see ``fonts.py``)."""
    layout = get_layout()
    page = layout["page"]
    blocks = []
    for block in pdoc.blocks:
        kind = _block_kind(block)
        item = {"kind": kind, "block": block}
        if kind == "table":
            item["rows"] = [
                [{"text": text, "numeric": index in block.numeric_columns} for index, text in enumerate(row)]
                for row in block.cells()
            ]
        blocks.append(item)
    context = {
        "doc": pdoc,
        "layout": layout,
        "blocks": blocks,
        "font_family": FAMILY,
        "font_faces": font_faces(),
        "text_width_mm": page["width_mm"] - page["margin_left_mm"] - page["margin_right_mm"],
        "blank_lines": range(int(layout["signature"]["blank_lines"])),
    }
    return render_to_string("documents/party_document.html", context)


def render_pdf(pdoc: PartyDocument) -> bytes:
    """The document as PDF bytes (WeasyPrint), with the same parts and layout values as the DOCX."""
    from weasyprint import HTML

    return HTML(string=render_html(pdoc)).write_pdf()
