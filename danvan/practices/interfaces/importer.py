"""XLSX import as a background job (``practices.import``).

- The file is read as a stream (openpyxl ``read_only``: memory does not grow with the file) twice:
  first every row is checked (types, scope, and the domain's rules: ``domain.imports.refusals``, so an
  import creates only what the same user could create by hand) and every fault is reported by row and
  column in Vietnamese; nothing is written unless every row is right.
- Then the rows are written in batches of ``BATCH`` rows, each in its own short transaction (other
  writers are never held up by one long write lock). All batches form one unit: every row carries the
  job (``import_job``); if writing fails, or the worker dies and the job is found stale, what was written
  is deleted (``undo_import``), so a file is imported entirely or not at all.
- Each row's content hash (``import_key``, unique) makes a second import of the same file add nothing.
- At most ``DANVAN_IMPORT_MAX_ROWS`` data rows; more is refused with a message.
"""

import datetime
import hashlib
import io
import json
import math
import re

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from danvan.core.domain.jobs import JobFailed, runner
from danvan.core.interfaces.xlsx import safe_row
from danvan.core.text import clean_text, fold
from danvan.orgs.models import Organization
from danvan.practices.domain.imports import ImportRights, refusals, save_batch, undo_import
from danvan.practices.interfaces.columns import IMPORT_COLUMNS, choice_key, choice_lookup
from danvan.practices.models import Holder, Practice, PracticeKind, Status
from danvan.practices.queries.practices import areas_for, campaigns_for, practices_for

MAX_ERRORS = 500
BATCH = 500
TEXT_LIMITS = {"name": 300, "person_name": 150, "decision_number": 60}
MULTILINE = {"situation", "goals", "content", "beneficiaries_scope", "forces", "resources", "outputs",
             "sustainability"}
WHOLE = re.compile(r"-?\d+")
GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+")  # 1.250 (Vietnamese thousands)


class RowError(Exception):
    pass


def template_workbook(user) -> bytes:
    """The import template: the header row, then a sheet of valid values and the organizations,
    areas and campaigns in the user's scope (with the numbers to use)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Models")
    for index, column in enumerate(IMPORT_COLUMNS, start=1):
        sheet.cell(row=1, column=index, value=str(column.label))
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    guide = workbook.create_sheet(_("Guide"))
    guide.append(safe_row([_("Column"), _("Required"), _("Valid values")]))
    for column in IMPORT_COLUMNS:
        values = ", ".join(str(label) for _v, label in column.choices.choices) if column.choices else ""
        guide.append(safe_row([str(column.label), _("yes") if column.required else "", values]))
    guide.append(safe_row([]))
    guide.append(safe_row([_("Organizations you may register for (write the name exactly)")]))
    for org in Organization.objects.for_user(user, "change").order_by("name_sort")[:5000]:
        guide.append(safe_row([org.name, org.id]))
    guide.append(safe_row([]))
    guide.append(safe_row([_("Areas (write the number; empty: the organization's area)")]))
    for area in areas_for(user)[:20000]:
        guide.append(safe_row([area.full_name + (" (" + _("former") + ")" if area.valid_to else ""), area.id]))
    guide.append(safe_row([]))
    guide.append(safe_row([_("Campaigns (write the number)")]))
    for campaign in campaigns_for(user):
        guide.append(safe_row([campaign.name, campaign.id]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class Importer:
    def __init__(self, user):
        self.user = user
        self.lookups = {c.key: choice_lookup(c.choices) for c in IMPORT_COLUMNS if c.choices}
        self.orgs_by_id, self.orgs_by_name = {}, {}
        for org in Organization.objects.for_user(user, "change").select_related("area"):
            self.orgs_by_id[org.id] = org
            self.orgs_by_name.setdefault(fold(org.name), []).append(org)
        self.area_levels = dict(areas_for(user).values_list("id", "level"))
        self.rights = ImportRights(user)
        self.today = timezone.localdate()
        self.campaigns = {c.id: c for c in campaigns_for(user)}
        self.yes = {fold(_("yes")), "co", "yes", "x", "1", "true"}
        self.no = {"", fold(_("no")), "khong", "no", "0", "false"}

    def _text(self, key, value):
        if isinstance(value, float):
            _finite(value)
        text = "" if value is None else clean_text(str(value), multiline=key in MULTILINE).strip()
        limit = TEXT_LIMITS.get(key)
        if limit and len(text) > limit:
            raise RowError(_("longer than %(n)s characters") % {"n": limit})
        return text

    def _choice(self, key, value, default, noun):
        text = self._text(key, value)
        if not text:
            if default is None:
                raise RowError(_("is empty; enter a %(noun)s") % {"noun": noun})
            return default
        found = self.lookups[key].get(choice_key(text))
        if found is None:
            raise RowError(_("'%(value)s' is not a valid %(noun)s") % {"value": text, "noun": noun})
        return found

    def _int(self, value, *, minimum=0, maximum=10**9):
        """A whole number: an integer cell, a number cell without a fraction, or text such as "1250" or
        "1.250"; 2026.7, "2026,7", ∞ and anything else are refused (never rounded)."""
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            raise RowError(_("'%(value)s' is not a whole number") % {"value": value})
        if isinstance(value, float):
            _finite(value)
            if not value.is_integer():
                raise RowError(_("'%(value)s' is not a whole number") % {"value": _decimal(value)})
            number = int(value)
        elif isinstance(value, int):
            number = value
        else:
            text = clean_text(str(value)).strip().replace(" ", "")
            if WHOLE.fullmatch(text):
                number = int(text)
            elif GROUPED.fullmatch(text):
                number = int(text.replace(".", ""))
            else:
                raise RowError(_("'%(value)s' is not a whole number") % {"value": value})
        if not minimum <= number <= maximum:
            raise RowError(_("must be between %(min)s and %(max)s") % {"min": minimum, "max": maximum})
        return number

    def _date(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, float):
            _finite(value)
        try:
            return datetime.datetime.strptime(str(value).strip(), "%d/%m/%Y").date()
        except ValueError as exc:
            raise RowError(_("'%(value)s' is not a date in the form dd/mm/yyyy") % {"value": value}) from exc

    def _organization(self, value):
        text = self._text("organization", value)
        if not text:
            raise RowError(_("is empty; enter the registering organization"))
        if text.isdigit() and int(text) in self.orgs_by_id:
            return self.orgs_by_id[int(text)]
        found = self.orgs_by_name.get(fold(text), [])
        if len(found) > 1:
            raise RowError(_("'%(value)s' matches several organizations; write its number instead") % {"value": text})
        if not found:
            raise RowError(_("'%(value)s' is not an organization in your scope") % {"value": text})
        return found[0]

    def parse_row(self, cells: dict, errors: list, row_number: int) -> Practice | None:
        """The unsaved ``Practice`` of one row, or None after appending its faults to ``errors``."""
        values, before = {}, len(errors)

        def take(column, func):
            try:
                value = cells.get(column.key)
                if isinstance(value, Formula):
                    raise RowError(_("holds a formula (%(formula)s); type the value itself")
                                   % {"formula": str(value)[:60]})
                values[column.key] = func(value)
            except RowError as exc:
                errors.append({"row": row_number, "column": str(column.label),
                               "message": _("Row %(row)s, column '%(column)s': %(error)s")
                               % {"row": row_number, "column": column.label, "error": exc}})

        cols = {c.key: c for c in IMPORT_COLUMNS}
        take(cols["name"], lambda v: self._text("name", v) or _raise(_("is empty; enter the model's name")))
        take(cols["kind"], lambda v: self._choice("kind", v, PracticeKind.MODEL, _("kind")))
        take(cols["holder"], lambda v: self._choice("holder", v, Holder.COLLECTIVE, _("holder")))
        take(cols["person_name"], lambda v: self._text("person_name", v))
        take(cols["field"], lambda v: self._choice("field", v, None, _("field")))
        take(cols["organization"], self._organization)
        take(cols["area"], lambda v: self._area(v))
        take(cols["year"], lambda v: self._int(v, minimum=1990, maximum=2100) or _raise(_("is empty; enter the year")))
        take(cols["campaign"], lambda v: self._campaign(v))
        for key in ("situation", "goals", "content", "beneficiaries_scope", "forces", "resources", "outputs",
                    "sustainability", "decision_number"):
            take(cols[key], lambda v, key=key: self._text(key, v))
        take(cols["beneficiaries"], lambda v: self._int(v))
        take(cols["status"], lambda v: self._choice("status", v, Status.REGISTERED, _("status")))
        take(cols["level"], lambda v: self._choice("level", v, "", _("recognition level")))
        take(cols["decision_date"], self._date)
        take(cols["is_outstanding"], self._flag)
        take(cols["replicates"], lambda v: self._int(v, minimum=1))
        if len(errors) > before:
            return None
        self._cross_checks(values, cols, errors, row_number)
        if len(errors) > before:
            return None
        org = values["organization"]
        return Practice(
            name=values["name"], kind=values["kind"], holder=values["holder"], person_name=values["person_name"],
            field=values["field"], organization=org, area_id=values["area"] or org.area_id,
            campaign_id=values["campaign"], year=values["year"],
            **{k: values[k] for k in ("situation", "goals", "content", "beneficiaries_scope", "forces", "resources",
                                      "outputs", "sustainability", "beneficiaries", "status", "level",
                                      "decision_number", "decision_date", "is_outstanding")},
            replicates_id=values["replicates"], created_by=self.user,
            registered_on=timezone.localdate() if values["status"] != Status.DRAFT else None,
        )

    def _area(self, value):
        number = self._int(value, minimum=1)
        if number is not None and number not in self.area_levels:
            raise RowError(_("area number %(n)s is not in your scope") % {"n": number})
        return number

    def _campaign(self, value):
        number = self._int(value, minimum=1)
        if number is not None and number not in self.campaigns:
            raise RowError(_("campaign number %(n)s does not exist in your scope") % {"n": number})
        return number

    def _flag(self, value):
        text = fold(str(value)) if value is not None else ""
        if text in self.yes:
            return True
        if text in self.no:
            return False
        raise RowError(_("'%(value)s' is not “có” or “không”") % {"value": value})

    def _cross_checks(self, values, cols, errors, row_number):
        """The rules of the domain (``refusals``): what the user could not have done by hand."""
        org = values["organization"]
        practice = Practice(
            name=values["name"], holder=values["holder"], person_name=values["person_name"], organization=org,
            status=values["status"], level=values["level"], decision_number=values["decision_number"],
            decision_date=values["decision_date"], is_outstanding=values["is_outstanding"],
            situation=values["situation"], goals=values["goals"], content=values["content"],
        )
        campaign = self.campaigns.get(values["campaign"])
        area_level = self.area_levels.get(values["area"]) if values["area"] else None
        found = refusals(rights=self.rights, practice=practice, today=self.today, area_level=area_level,
                         campaign=campaign)
        if campaign and not campaign.start_year <= values["year"] <= campaign.end_year:
            found.append(("year", _("%(year)s is outside the campaign's period %(start)s–%(end)s")
                          % {"year": values["year"], "start": campaign.start_year, "end": campaign.end_year}))
        for key, message in found:
            errors.append({"row": row_number, "column": str(cols[key].label),
                           "message": _("Row %(row)s, column '%(column)s': %(error)s")
                           % {"row": row_number, "column": cols[key].label, "error": message}})


def _raise(message):
    raise RowError(message)


class Formula(str):
    """The text of a cell that holds a formula: never taken as a value (a row-and-column message)."""


def _finite(number) -> None:
    if isinstance(number, float) and not math.isfinite(number):
        raise RowError(_("'%(value)s' is not a finite number") % {"value": "∞" if number > 0 else "-∞"
                                                                   if math.isinf(number) else number})


def _decimal(number: float) -> str:
    return f"{number:f}".rstrip("0").rstrip(".").replace(".", ",")


class RowStream:
    """The data rows of the first sheet as ``(row number, {column key: value})``, read as a stream
    (openpyxl ``read_only``: bounded memory whatever the file's size). Formula cells come as ``Formula``;
    empty rows are skipped; more than ``limit`` data rows stops the stream with ``JobFailed``."""

    def __init__(self, fileobj, *, limit: int):
        self.fileobj, self.limit = fileobj, limit
        try:
            workbook = load_workbook(fileobj, read_only=True, data_only=False)
            sheet = workbook.worksheets[0]
            header = next(sheet.iter_rows(max_row=1, values_only=True), None) or ()
            # the sheet's declared size (its <dimension>): the progress bar's total while checking, not a limit
            self.estimated = max((sheet.max_row or 1) - 1, 0)
            workbook.close()
        except Exception as exc:  # noqa: BLE001 - any unreadable file is the user's problem to fix
            raise JobFailed(_("The file could not be read as an Excel (.xlsx) file.")) from exc
        by_label = {fold(str(c.label)): c.key for c in IMPORT_COLUMNS}
        self.positions = {}
        for index, title in enumerate(header):
            key = by_label.get(fold(str(title or "")))
            if key:
                self.positions.setdefault(key, index)
        self.missing = [str(c.label) for c in IMPORT_COLUMNS if c.required and c.key not in self.positions]

    def __iter__(self):
        self.fileobj.seek(0)
        workbook = load_workbook(self.fileobj, read_only=True, data_only=False)
        try:
            count = 0
            for number, row in enumerate(workbook.worksheets[0].iter_rows(min_row=2), start=2):
                values = {}
                for key, index in self.positions.items():
                    cell = row[index] if index < len(row) else None
                    value = getattr(cell, "value", None)
                    if getattr(cell, "data_type", None) == "f":
                        value = Formula(value)
                    values[key] = value
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
                    continue
                count += 1
                if count > self.limit:
                    raise JobFailed(_("The file has more than %(n)s data rows, the most one import takes. "
                                      "Split it into several files.") % {"n": _number(self.limit)})
                yield number, values
        except (JobFailed, GeneratorExit):
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged file fails the job with a clear message
            raise JobFailed(_("The file could not be read as an Excel (.xlsx) file.")) from exc
        finally:
            workbook.close()


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


KEY_FIELDS = ("name", "kind", "holder", "person_name", "field", "organization_id", "area_id", "year", "campaign_id",
              "situation", "goals", "content", "beneficiaries_scope", "forces", "resources", "outputs",
              "sustainability", "beneficiaries", "status", "level", "decision_number", "decision_date",
              "is_outstanding", "replicates_id")


def row_key(practice: Practice) -> str:
    """The content hash of an imported row (its registering organization and every imported value)."""
    values = [getattr(practice, f) for f in KEY_FIELDS]
    payload = json.dumps([v.isoformat() if isinstance(v, datetime.date) else v for v in values], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _error(number, column, message):
    return {"row": number, "column": str(column),
            "message": _("Row %(row)s, column '%(column)s': %(error)s") % {"row": number, "column": column,
                                                                           "error": message}}


def _chunks(items, size=900):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def check_stream(importer: Importer, stream: RowStream, progress=None) -> tuple[int, set]:
    """First pass: parse and check every row, write nothing. Returns (rows to save, keys already
    imported); raises ``JobFailed`` with every fault (by row and column) otherwise."""
    errors: list[dict] = []
    seen: dict[str, int] = {}
    wanted: dict[int, list[int]] = {}
    rows = 0
    for number, cells in stream:
        rows += 1
        practice = importer.parse_row(cells, errors, number)
        if practice is not None:
            key = row_key(practice)
            if key in seen:
                errors.append(_error(number, _("Model name"), _("repeats row %(n)s") % {"n": seen[key]}))
            else:
                seen[key] = number
            if practice.replicates_id:
                wanted.setdefault(practice.replicates_id, []).append(number)
        if progress:
            progress.advance()
    if not rows:
        raise JobFailed(_("The file has no data rows."))
    visible = set()
    for chunk in _chunks(wanted):
        visible |= set(practices_for(importer.user).filter(pk__in=chunk).values_list("id", flat=True))
    for practice_id, numbers in wanted.items():
        if practice_id not in visible:
            errors.extend(_error(n, _("Replicates model number"), _("model number %(n)s is not in your scope")
                                 % {"n": practice_id}) for n in numbers)
    if errors:
        errors.sort(key=lambda e: e["row"])
        raise JobFailed(_("Nothing was imported: %(n)s errors found. Correct them and import the file again.")
                        % {"n": len(errors)}, errors=errors[:MAX_ERRORS])
    existing = set()
    for chunk in _chunks(seen):
        existing |= set(Practice.objects.unscoped("dedupe by content hash: the key includes the organization")
                        .filter(import_key__in=chunk).values_list("import_key", flat=True))
    return len(seen) - len(existing), existing


def write_stream(importer: Importer, stream: RowStream, *, job, existing: set, progress=None) -> int:
    """Second pass: save the rows in batches of ``BATCH``, each in a short transaction, skipping rows
    imported before. On any failure what this job wrote is removed (``undo_import``) and the job fails."""
    saved, batch, errors = 0, [], []
    try:
        for number, cells in stream:
            practice = importer.parse_row(cells, errors, number)
            if practice is None:  # the file was checked just before: cannot happen unless the scope changed
                raise JobFailed(_("Nothing was imported: %(n)s errors found. Correct them and import the file "
                                  "again.") % {"n": len(errors)}, errors=errors[:MAX_ERRORS])
            practice.import_key = row_key(practice)
            if practice.import_key in existing:
                continue
            batch.append(practice)
            if len(batch) >= BATCH:
                saved += len(save_batch(actor=importer.user, job=job, practices=batch))
                if progress:
                    progress.advance(len(batch), force=True)
                batch = []
        if batch:
            saved += len(save_batch(actor=importer.user, job=job, practices=batch))
            if progress:
                progress.advance(len(batch), force=True)
    except BaseException:
        if job is not None:
            undo_import(job=job)
        raise
    return saved


def import_file(user, fileobj, *, job=None, progress=None, limit: int | None = None) -> tuple[int, int]:
    """Import an XLSX file for ``user``: (models saved, rows skipped as imported before).
    Raises ``JobFailed`` with every fault; nothing is kept then."""
    stream = RowStream(fileobj, limit=limit or settings.DANVAN_IMPORT_MAX_ROWS)
    if stream.missing:
        raise JobFailed(_("The first row must hold the template's column titles."), errors=[
            {"row": 1, "column": label, "message": _("Row 1: the column '%(column)s' is missing") % {"column": label}}
            for label in stream.missing])
    importer = Importer(user)
    if progress:
        progress.set_total(min(stream.estimated, stream.limit))
    to_save, existing = check_stream(importer, stream, progress)
    if progress:
        progress.restart(to_save)
    saved = write_stream(importer, stream, job=job, existing=existing, progress=progress)
    return saved, len(existing)


@runner("practices.import", undo=lambda job: undo_import(job=job))
def run_import(job, progress):
    with job.input_file.open("rb") as handle:
        saved, skipped = import_file(job.created_by, handle, job=job, progress=progress)
    job.message = _("%(n)s models imported.") % {"n": _number(saved)}
    if skipped:
        job.message += " " + _("%(n)s rows had been imported before and were skipped.") % {"n": _number(skipped)}
    job.save(update_fields=["message"])
