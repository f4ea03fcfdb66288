"""The nomination list (danh sách đề nghị) as XLSX (openpyxl) and as a Party-format DOCX."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from danvan.core.interfaces.xlsx import safe_row

COLUMNS = [gettext_noop("No."), gettext_noop("Nominee"), gettext_noop("Position, unit"), gettext_noop("Award kind"),
           gettext_noop("Nominating organization"), gettext_noop("Year"), gettext_noop("Status"),
           gettext_noop("Decision")]


def rows(nominations) -> list[list]:
    result = []
    for i, n in enumerate(nominations, start=1):
        decision = f"{n.decision_number} ({n.decision_date:%d/%m/%Y})" if n.decision_number and n.decision_date else ""
        result.append([i, n.nominee_name, n.nominee_position, n.award_kind.name, n.organization.name, n.year,
                       n.get_status_display(), decision])
    return result


def headers() -> list[str]:
    return [_(c) for c in COLUMNS]


def to_xlsx(nominations, *, title: str) -> bytes:
    """One sheet: a title row, the header row, one row per nomination."""
    wb = Workbook()
    ws = wb.active
    ws.title = _("Nominations")[:31]
    ws.append(safe_row([title]))
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(safe_row(headers()))
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows(nominations):
        ws.append(safe_row(row))
    for col, width in zip("ABCDEFGH", (6, 28, 36, 30, 36, 8, 14, 26), strict=True):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def to_party_document(nominations, *, organization, title: str, signer_name: str = ""):
    """A ``PartyDocument`` (danvan.documents) listing the nominations in a table."""
    from danvan.documents.rendering import Paragraph, PartyDocument, Table

    parent = organization.parent
    return PartyDocument(
        superior_body=(parent.name if parent else "").upper(), issuing_body=organization.name.upper(),
        number_line="", place=organization.area.name, date=timezone.localdate(),
        doc_type_title=_("LIST").upper(), summary=title,
        blocks=[Paragraph(_("Proposed for awards:")),
                Table(columns=headers(), rows=[[str(v) for v in r] for r in rows(nominations)], numeric_columns={0, 5})],
        signer_authority="", signer_title="", signer_name=signer_name, recipients=[_("Filed.")],
    )
