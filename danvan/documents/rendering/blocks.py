"""What a Party document says, independent of the file format it is rendered to."""

import datetime
from dataclasses import dataclass, field

from danvan.documents.formatting import format_cell
from danvan.documents.layout import format_place_date


@dataclass
class Heading:
    """A section heading, e.g. "I. KẾT QUẢ THỰC HIỆN" (bold)."""

    text: str


@dataclass
class Paragraph:
    """A paragraph of body text (justified, first line indented)."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Table:
    """A table of figures with borders. Cells may be numbers: ints print as "1.134", floats with two
    decimals ("36,24"), Decimals with their own decimals; give text ("36,24%") to print it as is.
    ``numeric_columns`` holds the indexes of the columns aligned right. Without ``columns`` the table
    has no header row (a table of a narrative whose first row is not made of header cells)."""

    columns: list[str]
    rows: list[list]
    numeric_columns: set[int] = field(default_factory=set)
    caption: str = ""

    def cells(self) -> list[list[str]]:
        return [[format_cell(value) for value in row] for row in self.rows]


@dataclass
class PartyDocument:
    """A document of a Party body: header, title and summary, body blocks, signature, recipients."""

    superior_body: str
    issuing_body: str
    number_line: str
    place: str
    date: datetime.date
    doc_type_title: str
    summary: str = ""
    blocks: list = field(default_factory=list)
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    draft: bool = False
    """Not numbered yet: rendered with the layout's "DỰ THẢO" mark above the header."""

    @property
    def place_date(self) -> str:
        """ "Lào Cai, ngày 05 tháng 01 năm 2024"."""
        return format_place_date(self.place, self.date)
