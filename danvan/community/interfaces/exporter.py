"""XLSX export of the filtered list of people of prestige (masked as for the page)."""

import io

from openpyxl import Workbook

from danvan.community.interfaces.present import COLUMNS, present
from danvan.core.interfaces.xlsx import safe_row

MAX_ROWS = 50_000


def write_workbook(entries, user) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Nguoi co uy tin")
    sheet.append(safe_row([str(label) for _key, label in COLUMNS], sheet))
    for entry in entries:
        row = present(entry, user)
        day = row["recognized_on"]
        row["recognized_on"] = day.strftime("%d/%m/%Y") if day else ""
        sheet.append(safe_row([row[key] if row[key] is not None else "" for key, _label in COLUMNS], sheet))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
