"""Rich text (a report's narrative, ``danvan.core.rich_text``) as document blocks, so that what the
editor allows reaches the DOCX and the PDF: paragraphs (a line break inside one starts a new line),
headings and bold paragraphs as bold paragraphs, block quotes in italics, list items as the Party format
writes them ("- " for a bullet, "+ " one level down, "1. " for a numbered item), and tables as bordered
tables (a first row of header cells becomes the header; ``colspan``/``rowspan`` cells are followed by
empty cells so that no column shifts). Nothing of the text is dropped."""

import re

from danvan.core.rich_text import sanitize
from danvan.documents.rendering.blocks import Paragraph, Table

_SPACES = re.compile(r"[ \t\r\n\xa0]+")
_BLOCK_TAGS = {"p", "h3", "h4", "h5", "blockquote", "ul", "ol", "table"}


_LINES = {"p", "h3", "h4", "h5", "blockquote", "li", "tr", "ul", "ol", "table"}


def _text(element, *, nested=False) -> str:
    """The text of ``element``: spaces collapsed, ``<br>`` and inner blocks kept as line breaks; lists and
    tables inside it are left out (read as blocks of their own), or read too when ``nested``."""
    parts = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "br":
                parts.append("\n")
            elif child.tag in ("ul", "ol", "table") and not nested:
                pass
            else:
                parts.append("\n" if child.tag in _LINES else " " if child.tag in ("td", "th") else "")
                walk(child)
                parts.append("\n" if child.tag in _LINES else "")
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _all_bold(element) -> bool:
    """Is every letter of ``element`` inside ``<strong>``/``<b>``?"""
    text = _SPACES.sub("", element.text_content())
    bold = "".join(_SPACES.sub("", b.text_content()) for b in element.iter("strong", "b")
                   if not any(a.tag in ("strong", "b") for a in b.iterancestors()))
    return bool(text) and text == bold


def _list_blocks(element, depth: int) -> list:
    blocks = []
    for number, item in enumerate((li for li in element if li.tag == "li"), start=1):
        mark = f"{number}. " if element.tag == "ol" else ("- " if depth == 0 else "+ ")
        text = _text(item)
        if text:
            blocks.append(Paragraph(mark + text))
        for child in item:
            if child.tag in ("ul", "ol"):
                blocks += _list_blocks(child, depth + 1)
            elif child.tag == "table":
                blocks.append(_table(child))
    return blocks


def _table(element) -> Table:
    rows, carried = [], {}  # carried: column -> rows still covered by a rowspan above
    header = None
    for tr in element.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        row, column = [], 0
        cells = [c for c in tr if c.tag in ("td", "th")]
        for cell in cells:
            while carried.get(column):
                carried[column] -= 1
                row.append("")
                column += 1
            span = int(cell.get("colspan") or 1)
            down = int(cell.get("rowspan") or 1)
            row.append(_text(cell, nested=True))
            for offset in range(span):
                if down > 1:
                    carried[column + offset] = down - 1
                if offset:
                    row.append("")
            column += span
        while carried.get(column):
            carried[column] -= 1
            row.append("")
            column += 1
        if header is None and not rows and cells and all(c.tag == "th" for c in cells):
            header = row
        else:
            rows.append(row)
    width = max([len(r) for r in rows] + [len(header or [])] + [1])
    rows = [r + [""] * (width - len(r)) for r in rows]
    columns = (header + [""] * (width - len(header))) if header else []
    return Table(columns=columns, rows=rows)


def blocks_from_html(html: str) -> list:
    """The document blocks of a rich-text value (sanitized first: plain text keeps its paragraphs)."""
    from lxml import html as lxml_html

    clean = sanitize(html)
    if not clean:
        return []
    root = lxml_html.fragment_fromstring(clean, create_parent="div")
    blocks = []
    loose = [root.text or ""]

    def flush():
        text = _SPACES.sub(" ", "".join(loose)).strip()
        if text:
            blocks.append(Paragraph(text))
        loose.clear()

    for child in root:
        if child.tag not in _BLOCK_TAGS:
            loose.append("\n" if child.tag == "br" else child.text_content())
            loose.append(child.tail or "")
            continue
        flush()
        if child.tag in ("ul", "ol"):
            blocks += _list_blocks(child, 0)
        elif child.tag == "table":
            blocks.append(_table(child))
        else:
            text = _text(child)
            if text:
                blocks.append(Paragraph(text, bold=child.tag.startswith("h") or _all_bold(child),
                                        italic=child.tag == "blockquote"))
            for nested in child.iter("ul", "ol", "table"):
                if nested.getparent() is child:
                    blocks += _list_blocks(nested, 0) if nested.tag != "table" else [_table(nested)]
        loose.append(child.tail or "")
    flush()
    return blocks
