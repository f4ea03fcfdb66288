"""Writing cells of XLSX exports safely.

``safe_cell(value, sheet)`` is what every exporter passes to ``sheet.append``: text is written as
text, never as a live formula (a name typed as ``=HYPERLINK(...)`` or ``+1`` stays that text, stored as
a string with Excel's quote prefix so that editing the cell does not turn it into a formula either),
and characters XML forbids (control characters such as ``\\x0b``) are dropped instead of making the
whole export fail.
"""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

# A text starting with one of these is a formula (or a DDE payload) to Excel and LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_xml_text(text: str) -> str:
    """``text`` without the characters an XLSX (XML 1.0) cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def safe_cell(value, sheet=None):
    """The value to append for ``value``: unchanged unless it is text; text loses illegal XML
    characters, and text that Excel would read as a formula becomes a string cell with a quote
    prefix. ``sheet`` is required for a write-only worksheet (``Workbook(write_only=True)``)."""
    if not isinstance(value, str):
        return value
    text = clean_xml_text(value)
    if not text.startswith(FORMULA_START) and not (text.startswith("#") and text.isupper()):
        return text
    cell = Cell(sheet, row=1, column=1)  # placed by append; a coordinate keeps its repr working
    cell._value = text  # noqa: SLF001 - set the text without openpyxl's formula detection
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def safe_row(values, sheet=None) -> list:
    """``[safe_cell(v, sheet) for v in values]``: what an exporter appends."""
    return [safe_cell(value, sheet) for value in values]
