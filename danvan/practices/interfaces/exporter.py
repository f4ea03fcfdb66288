"""XLSX export of a filtered list, as a background job (``practices.export``)."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from danvan.core.domain.jobs import runner, save_result
from danvan.core.interfaces.xlsx import safe_row
from danvan.practices.interfaces.columns import COLUMNS
from danvan.practices.queries.practices import filter_practices


def _cell(practice, key):
    if key == "organization":
        return practice.organization.name
    if key == "area":
        return practice.area_id
    if key == "area_name":
        return practice.area.full_name
    if key == "campaign":
        return practice.campaign_id
    if key == "replicates":
        return practice.replicates_id
    if key == "is_outstanding":
        return _("yes") if practice.is_outstanding else ""
    if key == "decision_date":
        return practice.decision_date.strftime("%d/%m/%Y") if practice.decision_date else ""
    if key in {"kind", "holder", "field", "status", "level"}:
        return getattr(practice, f"get_{key}_display")() if getattr(practice, key) else ""
    return getattr(practice, key)


def write_workbook(rows, progress=None) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Models"))
    for index, column in enumerate(COLUMNS):
        sheet.column_dimensions[get_column_letter(index + 1)].width = column.width
    sheet.append(safe_row([str(column.label) for column in COLUMNS], sheet))
    for practice in rows:
        sheet.append(safe_row([_cell(practice, c.key) for c in COLUMNS], sheet))
        if progress:
            progress.advance()
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@runner("practices.export")
def run_export(job, progress):
    """Write the practices matching ``job.params`` (the list's filters), as seen by the job's owner."""
    qs = filter_practices(job.created_by, **job.params).select_related("organization", "area")
    progress.set_total(qs.count())
    content = write_workbook(qs.iterator(chunk_size=2000), progress)
    name = f"mo-hinh-dan-van-kheo-{timezone.localtime():%Y%m%d-%H%M}.xlsx"
    save_result(job, name=name, content=content)
    job.message = _("%(n)s models exported.") % {"n": f"{job.total:,}".replace(",", ".")}
    job.save(update_fields=["message"])
