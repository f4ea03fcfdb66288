"""XLSX import as a background job (``practices.import``): every row is checked first, every fault is
reported by row and column in Vietnamese, and nothing is saved unless every row is right."""

import datetime
import io

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from danvan.core.domain import audit
from danvan.core.domain.jobs import JobFailed, runner
from danvan.core.interfaces.xlsx import safe_row
from danvan.core.text import fold
from danvan.orgs.models import Organization
from danvan.places.models.area import LEGACY_END
from danvan.practices.interfaces.columns import IMPORT_COLUMNS, choice_key, choice_lookup
from danvan.practices.models import (
    Holder,
    Practice,
    PracticeEvent,
    PracticeKind,
    RecognitionLevel,
    Status,
)
from danvan.practices.queries.practices import areas_for, campaigns_for, practices_for

MAX_ERRORS = 500
TEXT_LIMITS = {"name": 300, "person_name": 150, "decision_number": 60}


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
        self.area_ids = set(areas_for(user).values_list("id", flat=True))
        self.campaigns = {c.id: c for c in campaigns_for(user)}
        self.yes = {fold(_("yes")), "co", "yes", "x", "1", "true"}
        self.no = {"", fold(_("no")), "khong", "no", "0", "false"}

    def _text(self, key, value):
        text = "" if value is None else str(value).strip()
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
        if value in (None, ""):
            return None
        try:
            number = int(float(str(value).replace(".", "").replace(",", "."))) if isinstance(value, str) else int(value)
        except (TypeError, ValueError) as exc:
            raise RowError(_("'%(value)s' is not a whole number") % {"value": value}) from exc
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
        values, before = {}, len(errors)

        def take(column, func):
            try:
                values[column.key] = func(cells.get(column.key))
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
        if number is not None and number not in self.area_ids:
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
        def fail(key, message):
            errors.append({"row": row_number, "column": str(cols[key].label),
                           "message": _("Row %(row)s, column '%(column)s': %(error)s")
                           % {"row": row_number, "column": cols[key].label, "error": message}})

        if values["holder"] == Holder.INDIVIDUAL and not values["person_name"]:
            fail("person_name", _("an individual model needs the person's name"))
        recognized = values["status"] == Status.RECOGNIZED
        if recognized and not values["level"]:
            fail("level", _("a recognized model needs its recognition level"))
        if not recognized and (values["level"] or values["decision_number"]):
            fail("level", _("only a recognized model has a recognition level and decision"))
        if values["is_outstanding"] and not recognized:
            fail("is_outstanding", _("only a recognized model can be outstanding"))
        if (values["level"] == RecognitionLevel.DISTRICT and values["decision_date"]
                and values["decision_date"] > LEGACY_END):
            fail("level", _("the district level existed only until 30/06/2025"))
        campaign = self.campaigns.get(values["campaign"])
        if campaign and not campaign.start_year <= values["year"] <= campaign.end_year:
            fail("year", _("%(year)s is outside the campaign's period %(start)s–%(end)s")
                 % {"year": values["year"], "start": campaign.start_year, "end": campaign.end_year})


def _raise(message):
    raise RowError(message)


def read_rows(fileobj):
    """(header error or None, [(row number, {key: value})]) from the first sheet."""
    workbook = load_workbook(fileobj, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    by_label = {fold(str(c.label)): c.key for c in IMPORT_COLUMNS}
    positions = {}
    for index, title in enumerate(header):
        key = by_label.get(fold(str(title or "")))
        if key:
            positions[key] = index
    missing = [str(c.label) for c in IMPORT_COLUMNS if c.required and c.key not in positions]
    result = []
    for number, row in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in row):
            continue
        result.append((number, {key: row[i] if i < len(row) else None for key, i in positions.items()}))
    workbook.close()
    return missing, result


def import_rows(user, rows, progress=None) -> list[Practice]:
    """Check every row, then save them all in one transaction; ``JobFailed`` with every fault otherwise."""
    importer = Importer(user)
    errors: list[dict] = []
    practices = []
    for number, cells in rows:
        practice = importer.parse_row(cells, errors, number)
        if practice is not None:
            practices.append((number, practice))
        if progress:
            progress.advance()
    wanted = {p.replicates_id for _n, p in practices if p.replicates_id}
    visible = set(practices_for(user).filter(pk__in=wanted).values_list("id", flat=True)) if wanted else set()
    for number, practice in practices:
        if practice.replicates_id and practice.replicates_id not in visible:
            errors.append({"row": number, "column": str(_("Replicates model number")),
                           "message": _("Row %(row)s, column '%(column)s': %(error)s") % {
                               "row": number, "column": _("Replicates model number"),
                               "error": _("model number %(n)s is not in your scope") % {"n": practice.replicates_id}}})
    if not rows:
        raise JobFailed(_("The file has no data rows."))
    if errors:
        errors.sort(key=lambda e: e["row"])
        raise JobFailed(_("Nothing was imported: %(n)s errors found. Correct them and import the file again.")
                        % {"n": len(errors)}, errors=errors[:MAX_ERRORS])
    objects = [p for _n, p in practices]
    for practice in objects:
        practice.fill_derived()
    with transaction.atomic():
        Practice.objects.bulk_create(objects, batch_size=1000)
        PracticeEvent.objects.bulk_create([
            PracticeEvent(practice=p, actor=user, action="import", to_status=p.status,
                          reason=_("Imported from a spreadsheet")) for p in objects
        ], batch_size=2000)
        for practice in objects:
            audit.record(user, "create", practice, message=_("Imported from a spreadsheet"))
    return objects


@runner("practices.import")
def run_import(job, progress):
    with job.input_file.open("rb") as handle:
        try:
            missing, rows = read_rows(io.BytesIO(handle.read()))
        except Exception as exc:  # noqa: BLE001 - any unreadable file is the user's problem to fix
            raise JobFailed(_("The file could not be read as an Excel (.xlsx) file.")) from exc
    if missing:
        raise JobFailed(_("The first row must hold the template's column titles."), errors=[
            {"row": 1, "column": label, "message": _("Row 1: the column '%(column)s' is missing") % {"column": label}}
            for label in missing])
    progress.set_total(len(rows))
    saved = import_rows(job.created_by, rows, progress)
    job.message = _("%(n)s models imported.") % {"n": f"{len(saved):,}".replace(",", ".")}
    job.save(update_fields=["message"])

