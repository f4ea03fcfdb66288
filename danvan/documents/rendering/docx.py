"""A ``PartyDocument`` as a Word file (python-docx), laid out per ``layout.json``."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from danvan.documents.layout import get_layout
from danvan.documents.rendering.blocks import Heading, Paragraph, PartyDocument, Table

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _set_font(style, name: str) -> None:
    """Use ``name`` for every script of ``style`` (Vietnamese letters included)."""
    style.font.name = name
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def _text(paragraph, text: str, *, size=None, bold=False, italic=False, underline=False, align=None,
          space_after=0, space_before=0):
    """Add a run of ``text`` to ``paragraph`` and set the paragraph's alignment and spacing."""
    run = paragraph.add_run(text)
    # Only what differs from the Normal style is written: each property costs an XML lookup.
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if underline:
        run.underline = True
    if size:
        run.font.size = Pt(size)
    if align:
        paragraph.alignment = ALIGN[align]
    if space_after:
        paragraph.paragraph_format.space_after = Pt(space_after)
    if space_before:
        paragraph.paragraph_format.space_before = Pt(space_before)
    return run


def _cell_paragraph(cell, first: list):
    """The cell's empty first paragraph the first time, a new paragraph afterwards."""
    if first:
        first.pop()
        return cell.paragraphs[0]
    return cell.add_paragraph()


def _fixed_widths(table, widths_mm: list[float]) -> None:
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)


def _header(doc, pdoc: PartyDocument, layout: dict, text_width: float) -> None:
    head = layout["header"]
    left_w = head["left_width_mm"]
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, [left_w, text_width - left_w])
    left, right = table.rows[0].cells
    first = [True]
    sup, iss = head["superior_body"], head["issuing_body"]
    _text(_cell_paragraph(left, first), pdoc.superior_body.upper() if sup["caps"] else pdoc.superior_body,
          size=sup["size"], bold=sup["bold"], align="center")
    _text(_cell_paragraph(left, first), pdoc.issuing_body.upper() if iss["caps"] else pdoc.issuing_body,
          size=iss["size"], bold=iss["bold"], align="center")
    _text(_cell_paragraph(left, first), head["star"], size=iss["size"], align="center")
    party = head["party_name"]
    _text(right.paragraphs[0], party["text"], size=party["size"], bold=party["bold"], underline=party["underline"],
          align="center")
    number_cell, date_cell = table.rows[1].cells
    _text(number_cell.paragraphs[0], pdoc.number_line, size=head["number_line"]["size"], align="center")
    place = head["place_date"]
    _text(date_cell.paragraphs[0], pdoc.place_date, size=place["size"], italic=place["italic"], align=place["align"])


def _title(doc, pdoc: PartyDocument, layout: dict) -> None:
    title, summary = layout["title"], layout["summary"]
    _text(doc.add_paragraph(), pdoc.doc_type_title, size=title["size"], bold=title["bold"], align="center",
          space_before=title["space_before_pt"])
    if pdoc.summary:
        _text(doc.add_paragraph(), pdoc.summary, size=summary["size"], bold=summary["bold"], align="center")
    if summary.get("rule"):
        _text(doc.add_paragraph(), summary["rule"], size=summary["size"], align="center", space_after=6)


def _body_paragraph(doc, text: str, layout: dict, *, bold=False, italic=False, size=None):
    body = layout["body"]
    paragraph = doc.add_paragraph()
    size = size if size and size != body["size"] else None  # the Normal style has the body size
    _text(paragraph, text, size=size, bold=bold, italic=italic,
          align="justify" if body["justify"] else "left", space_after=body["space_after_pt"])
    paragraph.paragraph_format.first_line_indent = Mm(body["first_line_indent_mm"])
    paragraph.paragraph_format.line_spacing = body["line_spacing"]
    return paragraph


def _figures(doc, block: Table, layout: dict, text_width: float) -> None:
    cfg = layout["table"]
    if block.caption:
        _text(doc.add_paragraph(), block.caption, size=cfg["caption_size"], italic=cfg["caption_italic"],
              align="center", space_after=3)
    heading = 1 if block.columns else 0  # a table without column labels (a narrative's) has no header row
    width = len(block.columns) or max((len(row) for row in block.rows), default=1)
    table = doc.add_table(rows=heading + len(block.rows), cols=width)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if heading:
        header = table.rows[0]
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(repeat)
        for cell, label in zip(header.cells, block.columns, strict=False):
            _text(cell.paragraphs[0], label, size=cfg["size"], bold=cfg["header_bold"], align="center")
    for row, values in zip(table.rows[heading:], block.cells(), strict=False):
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=False)):
            _text(cell.paragraphs[0], value, size=cfg["size"],
                  align="right" if index in block.numeric_columns else "left")
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _closing(doc, pdoc: PartyDocument, layout: dict, text_width: float) -> None:
    sig, rec = layout["signature"], layout["recipients"]
    table = doc.add_table(rows=1, cols=2)
    _fixed_widths(table, [text_width - sig["width_mm"], sig["width_mm"]])
    left, right = table.rows[0].cells
    first = [True]
    if pdoc.recipients:
        _text(_cell_paragraph(left, first), rec["label"], size=rec["label_size"], bold=rec["label_bold"],
              italic=rec["label_italic"], underline=rec["label_underline"], align="left")
        for item in pdoc.recipients:
            _text(_cell_paragraph(left, first), f"{rec['item_prefix']}{item}", size=rec["size"], align="left")
    first = [True]
    if pdoc.signer_authority:
        _text(_cell_paragraph(right, first), pdoc.signer_authority, size=sig["size"], bold=sig["authority_bold"],
              align="center")
    if pdoc.signer_title:
        _text(_cell_paragraph(right, first), pdoc.signer_title, size=sig["size"], bold=sig["title_bold"],
              align="center")
    for _ in range(int(sig["blank_lines"])):
        _text(_cell_paragraph(right, first), "", size=sig["size"])
    if pdoc.signer_name:
        _text(_cell_paragraph(right, first), pdoc.signer_name, size=sig["size"], bold=sig["name_bold"],
              align="center")


def render_docx(pdoc: PartyDocument) -> bytes:
    """The document as DOCX bytes: A4, the guide's margins, Times New Roman, header table, title and
    summary, body blocks, then recipients (left) and signature (right)."""
    layout = get_layout()
    page = layout["page"]
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(page["width_mm"]), Mm(page["height_mm"])
    section.top_margin, section.bottom_margin = Mm(page["margin_top_mm"]), Mm(page["margin_bottom_mm"])
    section.left_margin, section.right_margin = Mm(page["margin_left_mm"]), Mm(page["margin_right_mm"])
    text_width = page["width_mm"] - page["margin_left_mm"] - page["margin_right_mm"]
    normal = doc.styles["Normal"]
    _set_font(normal, layout["fonts"]["docx"])
    normal.font.size = Pt(layout["body"]["size"])
    normal.paragraph_format.space_after = Pt(0)
    if pdoc.draft:
        mark = layout["draft"]
        _text(doc.add_paragraph(), mark["text"], size=mark["size"], bold=mark["bold"], align=mark["align"])
    _header(doc, pdoc, layout, text_width)
    _title(doc, pdoc, layout)
    for block in pdoc.blocks:
        if isinstance(block, Heading):
            _body_paragraph(doc, block.text, layout, bold=layout["heading"]["bold"], size=layout["heading"]["size"])
        elif isinstance(block, Paragraph):
            _body_paragraph(doc, block.text, layout, bold=block.bold, italic=block.italic)
        elif isinstance(block, Table):
            _figures(doc, block, layout, text_width)
        else:
            raise TypeError(f"unknown block {type(block).__name__}")
    _closing(doc, pdoc, layout, text_width)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
