"""Bulk intake of petitions from a spreadsheet (the registers provinces keep today), as a background job
(``voice.petition_import``) with progress, like the models import (``practices/interfaces/importer.py``):

- the first sheet is read as a stream (openpyxl ``read_only``), at most ``DANVAN_IMPORT_MAX_ROWS`` rows;
- every row is checked first — the cells (dates, numbers, choices, the area and the handling organization
  in the user's scope), the domain's intake rules (``petitions.intake_errors``), the tracking code unique in
  the file and in the register — and every fault is reported by row and column, in Vietnamese; nothing is
  written unless every row is right;
- then every row is received through the domain (``receive_petition``: its first step, due date, tally
  and audit) in one transaction: the file is imported entirely or not at all.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from danvan.core.domain.jobs import JobFailed, runner
from danvan.core.interfaces.xlsx import safe_row
from danvan.core.text import clean_text, fold
from danvan.orgs.models import Organization
from danvan.orgs.scope import active_memberships, pickable_areas
from danvan.voice.domain.petitions import intake_errors, receive_petition
from danvan.voice.models import CaseKind, Channel, Complexity, Field, Petition

MAX_ERRORS = 500
# key, column title (the template's, in Vietnamese), required
COLUMNS = [
    ("code", "Mã đơn", True), ("received_on", "Ngày nhận", True), ("kind", "Loại đơn", True),
    ("subject", "Nội dung", True), ("area", "Địa bàn", True), ("organization", "Cơ quan xử lý", False),
    ("channel", "Nguồn đơn", False), ("field", "Lĩnh vực", False), ("sender_name", "Người gửi", False),
    ("sender_address", "Địa chỉ người gửi", False), ("signatories", "Số người ký", False),
    ("anonymous", "Nặc danh", False), ("instance", "Lần giải quyết", False), ("remote", "Vùng khó khăn", False),
    ("complexity", "Độ phức tạp", False), ("repeat", "Gửi lần thứ", False),
]
TITLES = {key: title for key, title, _r in COLUMNS}
YES = {"co", "x", "1", "true", "yes"}
NO = {"", "khong", "0", "false", "no"}


def _choices(choices) -> dict:
    """{folded label or value: value}, the labels as a Vietnamese reader writes them."""
    found = {}
    with translation.override("vi"):
        for value, label in choices.choices:
            found[fold(str(value))] = value
            found[fold(str(label))] = value
            found[fold(str(label).split(" (")[0])] = value
    return found


def template_workbook() -> bytes:
    import io

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Don thu"
    sheet.append([title for _key, title, _r in COLUMNS])
    sheet.append(safe_row(["KN-2026-001", "05/01/2026", "Khiếu nại", "Khiếu nại quyết định thu hồi đất",
                           "Xã Bảo Ái", "", "Trực tiếp", "Đất đai, bồi thường", "Nguyễn Văn A", "Thôn 1", 1, "",
                           1, "", "Bình thường", 1]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _error(number, key, message):
    column = TITLES[key]
    return {"row": number, "column": column,
            "message": _("Row %(row)s, column '%(column)s': %(error)s") % {"row": number, "column": column,
                                                                           "error": message}}


class Reader:
    """Parses the rows for ``user``: the scope's areas and organizations, the choices by their labels."""

    def __init__(self, user):
        self.user = user
        self.kinds, self.channels = _choices(CaseKind), _choices(Channel)
        self.fields, self.complexities = _choices(Field), _choices(Complexity)
        self.areas: dict[str, list] = {}
        for area in pickable_areas(user).only("id", "name", "kind_name", "valid_to"):
            self.areas.setdefault(fold(area.name), []).append(area)
            self.areas.setdefault(fold(area.full_name), []).append(area)  # "Xã Bảo Ái" as well as "Bảo Ái"
        orgs = list(Organization.objects.for_user(user, "change").filter(valid_to__isnull=True))
        self.orgs = {fold(o.name): o for o in orgs}
        own = {m.organization_id for m in active_memberships(user) if "change" in m.actions}
        mine = [o for o in orgs if o.pk in own]
        self.only_org = mine[0] if len(mine) == 1 else None  # the column may stay empty for one's own register

    def row(self, number: int, cells: dict, errors: list) -> dict | None:
        values, faults = {}, []

        def text(key):
            value = cells.get(key)
            return "" if value is None else clean_text(str(value)).strip()

        def fault(key, message):
            faults.append(_error(number, key, message))

        values["code"] = text("code")
        raw = cells.get("received_on")
        if isinstance(raw, datetime.datetime):
            values["received_on"] = raw.date()
        elif isinstance(raw, datetime.date):
            values["received_on"] = raw
        elif text("received_on"):
            try:
                values["received_on"] = datetime.datetime.strptime(text("received_on"), "%d/%m/%Y").date()
            except ValueError:
                fault("received_on", _("write the date as dd/mm/yyyy"))
        else:
            values["received_on"] = None
        values["subject"] = text("subject")
        values["sender_name"], values["sender_address"] = text("sender_name"), text("sender_address")
        for key, table, default in (("kind", self.kinds, None), ("channel", self.channels, Channel.IN_PERSON),
                                    ("field", self.fields, Field.OTHER),
                                    ("complexity", self.complexities, Complexity.NORMAL)):
            word = fold(text(key))
            if not word:
                values[key] = default
                if default is None:
                    fault(key, _("this column is required"))
            elif word in table:
                values[key] = table[word]
            else:
                fault(key, _("“%(v)s” is not one of the values of the list") % {"v": text(key)})
        for key, default, low in (("signatories", 1, 1), ("instance", 1, 1), ("repeat", 1, 1)):
            raw = cells.get(key)
            if raw in (None, ""):
                values[key] = default
            elif isinstance(raw, int | float) and float(raw).is_integer() and raw >= low:
                values[key] = int(raw)
            elif isinstance(raw, str) and raw.strip().isdigit() and int(raw.strip()) >= low:
                values[key] = int(raw.strip())
            else:
                fault(key, _("write a whole number from %(n)s") % {"n": low})
        for key in ("anonymous", "remote"):
            word = fold(text(key))
            if word in YES:
                values[key] = True
            elif word in NO:
                values[key] = False
            else:
                fault(key, _("write “có” or leave it empty"))
        word = fold(text("area"))
        matches = self.areas.get(word, [])
        matches = [a for a in matches if a.valid_to is None] or matches  # today's unit before a legacy one
        if not word:
            fault("area", _("this column is required"))
        elif not matches:
            fault("area", _("“%(v)s” is not an area in your scope") % {"v": text("area")})
        elif len({a.pk for a in matches}) > 1:
            fault("area", _("several areas in your scope are called “%(v)s”") % {"v": text("area")})
        else:
            values["area"] = matches[0]
        word = fold(text("organization"))
        if word:
            values["organization"] = self.orgs.get(word)
            if values["organization"] is None:
                fault("organization", _("“%(v)s” is not an organization you may record for") % {
                    "v": text("organization")})
        elif self.only_org is not None:
            values["organization"] = self.only_org
        else:
            fault("organization", _("write the handling organization (you record for several)"))
        if not faults:
            rules = intake_errors(code=values["code"], received_on=values["received_on"], kind=values["kind"],
                                  subject=values["subject"], area=values.get("area"), channel=values["channel"],
                                  field=values["field"], complexity=values["complexity"],
                                  instance=values["instance"], signatories=values["signatories"])
            for key, message in rules.items():
                fault(key if key in TITLES else "code", message)
        errors.extend(faults)
        return None if faults else values


def read_rows(fileobj, limit: int):
    """The data rows of the first sheet: [(row number, {key: value})]; the missing columns."""
    try:
        workbook = load_workbook(fileobj, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None) or ()
        by_title = {fold(title): key for key, title, _r in COLUMNS}
        positions = {}
        for index, title in enumerate(header):
            key = by_title.get(fold(str(title or "")))
            if key:
                positions.setdefault(key, index)
        missing = [title for key, title, required in COLUMNS if required and key not in positions]
        data = []
        for number, row in enumerate(rows, start=2):
            cells = {key: (row[i] if i < len(row) else None) for key, i in positions.items()}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
                continue
            data.append((number, cells))
            if len(data) > limit:
                raise JobFailed(_("The file has more than %(n)s data rows, the most one import takes. "
                                  "Split it into several files.") % {"n": f"{limit:,}".replace(",", ".")})
        workbook.close()
    except JobFailed:
        raise
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the user's to fix
        raise JobFailed(_("The file could not be read as an Excel (.xlsx) file.")) from exc
    return data, missing


def import_petitions(user, fileobj, *, progress=None, limit: int | None = None) -> int:
    """Check every row, then receive them all in one transaction. Returns how many were received;
    raises ``JobFailed`` with every fault by row and column (nothing written then)."""
    rows, missing = read_rows(fileobj, limit or settings.DANVAN_IMPORT_MAX_ROWS)
    if missing:
        raise JobFailed(_("The first row must hold the template's column titles."), errors=[
            {"row": 1, "column": title, "message": _("Row 1: the column '%(column)s' is missing") % {"column": title}}
            for title in missing])
    if not rows:
        raise JobFailed(_("The file has no data rows."))
    if progress:
        progress.set_total(len(rows) * 2)
    reader, errors, parsed, codes = Reader(user), [], [], {}
    for number, cells in rows:
        values = reader.row(number, cells, errors)
        if values is not None:
            key = (values["organization"].pk, values["code"])
            if key in codes:
                errors.append(_error(number, "code", _("repeats row %(n)s") % {"n": codes[key]}))
            else:
                codes[key] = number
                parsed.append((number, values))
        if progress:
            progress.advance()
    taken = set()
    for org_id in {org for org, _code in codes}:
        taken |= {(org_id, c) for c in Petition.objects.unscoped("the codes of a register the user records for")
                  .filter(organization_id=org_id, code__in=[c for o, c in codes if o == org_id])
                  .values_list("code", flat=True)}
    errors.extend(_error(number, "code", _("the register already has a petition with this code"))
                  for key, number in codes.items() if key in taken)
    if errors:
        errors.sort(key=lambda e: e["row"])
        raise JobFailed(_("Nothing was imported: %(n)s errors found. Correct them and import the file again.")
                        % {"n": len(errors)}, errors=errors[:MAX_ERRORS])
    with transaction.atomic():
        for _number, values in parsed:
            receive_petition(actor=user, **values)
            if progress:
                progress.advance()
    return len(parsed)


@runner("voice.petition_import")
def run_import(job, progress):
    with job.input_file.open("rb") as handle:
        received = import_petitions(job.created_by, handle, progress=progress)
    job.message = _("%(n)s petitions received.") % {"n": f"{received:,}".replace(",", ".")}
    job.save(update_fields=["message"])
