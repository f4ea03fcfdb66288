"""Exports of a report: DOCX and PDF in the Party's format (through ``danvan.documents``), XLSX figures."""

import io

from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from danvan.core.interfaces.xlsx import safe_row
from danvan.core.text import fold
from danvan.reports.domain.documents import summary_of
from danvan.reports.queries.reports import report_content

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _province(area):
    while area.parent_id is not None:
        area = area.parent
    return area


def _value(ind, value):
    if value in (None, ""):
        return "—"
    if ind.value_type == "text":
        return value
    if ind.value_type == "percent":
        return f"{value:.2f}".replace(".", ",") + "%"
    return int(value) if ind.decimals == 0 else value


def party_document(report, *, actor):
    """The report in the Party's format. Read-only: it prints the report's register entry (number, date
    and signer stored with it), or a draft marked "DỰ THẢO" with the blank number line and the
    organization's default signer when the report has none yet (numbers are issued by
    ``issue_report_number``, a POST action)."""
    from danvan.documents.compose import compose
    from danvan.documents.domain.register import documents_for
    from danvan.documents.domain.signers import Signer
    from danvan.documents.rendering import Heading, Table
    from danvan.documents.rendering.rich_text import blocks_from_html

    entry = documents_for(report).filter(doc_type="BC").order_by("id").first() if report.number_line else None
    blocks = []
    for section, rows, html in report_content(report):
        if not rows and not html:
            continue
        blocks.append(Heading(section.title))
        if rows:
            blocks.append(Table(columns=[_("No."), _("Indicator"), _("Unit"), _("Figure")],
                                rows=[[i, ind.name, ind.unit, _value(ind, value)]
                                      for i, (ind, value) in enumerate(rows, start=1)],
                                numeric_columns={0, 3}))
        blocks += blocks_from_html(html)
    signer = None
    if entry is None and report.signer_name:
        # A draft whose signer was typed on the report itself (older reports) prints that signer.
        signer = Signer(title=(report.signer_title or "").upper(), name=report.signer_name)
    parent = report.organization.parent
    return compose(
        organization=report.organization, doc_type="BC", entry=entry,
        place=_province(report.organization.area).name, doc_type_title=_("REPORT"), summary=summary_of(report),
        blocks=blocks, signer=signer,
        recipients=[f"{parent.name} (b/c)," if parent else "", _("Archive: Office.")][0 if parent else 1:],
    )


def _filename(report, ext: str) -> str:
    return f"bao-cao-{slugify(fold(report.period.label))}-{slugify(fold(report.organization.name))}.{ext}"


def report_docx(report, *, actor):
    from danvan.documents.rendering import render_docx

    return render_docx(party_document(report, actor=actor)), _filename(report, "docx"), DOCX_MIME


def report_pdf(report, *, actor):
    from danvan.documents.rendering import render_pdf

    return render_pdf(party_document(report, actor=actor)), _filename(report, "pdf"), "application/pdf"


def report_xlsx(report, *, actor):
    """The figures as a spreadsheet: one row per indicator, numbers as numbers."""
    wb = Workbook()
    ws = wb.active
    ws.title = _("Figures")
    ws.append(safe_row([report.form_version.form.name]))
    ws.append(safe_row([report.organization.name, report.period.label]))
    ws.append(safe_row([_("Section"), _("Code"), _("Indicator"), _("Unit"), _("Figure")]))
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for section, rows, _html in report_content(report):
        for ind, value in rows:
            ws.append(safe_row([section.title, ind.code, ind.name, ind.unit,
                                value if ind.value_type == "text" else (float(value) if value is not None else None)]))
    for col, width in zip("ABCDE", (40, 14, 60, 12, 16), strict=True):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue(), _filename(report, "xlsx"), XLSX_MIME
