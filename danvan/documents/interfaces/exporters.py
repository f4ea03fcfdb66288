"""The register as an Excel workbook (openpyxl, write-only so long registers stay light)."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from danvan.core.interfaces.xlsx import safe_row


def register_xlsx(queryset) -> bytes:
    """One row per register entry of ``queryset`` (already scoped and filtered), in its order."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Document register"))
    for column, width in zip("ABCDEFGHI", (16, 9, 16, 13, 60, 40, 12, 24, 18), strict=True):
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)
    headers = [_("Number and symbol"), _("Number"), _("Document type"), _("Date issued"), pgettext("document register", "Summary"),
               _("Issuing organization"), _("Term"), _("Numbered by"), _("Numbered at")]
    header_cells = []
    for label in headers:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    for doc in queryset.iterator(chunk_size=2000):
        issued = WriteOnlyCell(sheet, value=doc.issued_on)
        issued.number_format = "DD/MM/YYYY"
        created = WriteOnlyCell(sheet, value=timezone.localtime(doc.created_at).replace(tzinfo=None))
        created.number_format = "DD/MM/YYYY HH:MM"
        sheet.append(safe_row([doc.symbol, doc.number, doc.get_doc_type_display(), issued, doc.title,
                               doc.organization.name, doc.term.name,
                               doc.created_by.get_full_name() if doc.created_by else "", created], sheet))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
