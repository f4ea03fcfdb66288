"""REST API of the reports module: forms, periods, reports and their transitions, roll-up, completeness."""

import datetime
from decimal import Decimal
from typing import Annotated

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status as Reply

from danvan.api.common import (
    Id,
    Pagination,
    Reason,
    Ref,
    SearchText,
    Year,
    answers,
    choices_enum,
    example_body,
    text,
)
from danvan.orgs.models import Organization
from danvan.orgs.scope import get_in_scope
from danvan.reports.domain import actions as report_actions
from danvan.reports.domain import reports as actions
from danvan.reports.domain.access import allowed_actions
from danvan.reports.interfaces.lists import REPORTS
from danvan.reports.models import Form, Period, PeriodKind, Report, Status
from danvan.reports.queries.completeness import completeness
from danvan.reports.queries.reports import report_content
from danvan.reports.queries.rollup import rollup
from danvan.reports.queries.scope import areas_for

router = Router(tags=["Reports"])

ReportStatus = choices_enum("ReportStatus", Status)
PeriodKindEnum = choices_enum("PeriodKind", PeriodKind)


class SectionOut(Schema):
    code: str
    title: str
    order: int


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    value_type: str
    aggregation: str
    min_value: Decimal | None
    max_value: Decimal | None
    required: bool
    section: str

    @staticmethod
    def resolve_section(obj):
        return obj.section.code


class RuleOut(Schema):
    left_code: str
    operator: str
    right_code: str
    message: str


class FormOut(Schema):
    id: int
    code: str
    name: str
    period_kinds: list[str]
    applies_to_kinds: list[str]
    deadline_days: int
    grace_days: int


class FormDetailOut(FormOut):
    version: int
    sections: list[SectionOut]
    indicators: list[IndicatorOut]
    rules: list[RuleOut]


class PeriodOut(Schema):
    id: int
    kind: PeriodKindEnum
    start: datetime.date
    end: datetime.date
    label: str


class ReportOut(Schema):
    id: int
    form: Ref
    period: PeriodOut
    organization: Ref
    status: ReportStatus
    status_name: str
    is_compiled: bool
    submitted_at: datetime.datetime | None
    approved_at: datetime.datetime | None
    returned_reason: str
    version: int

    @staticmethod
    def resolve_form(obj):
        return {"id": obj.form.id, "code": obj.form.code, "name": obj.form.name}

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "name": obj.organization.name}

    @staticmethod
    def resolve_status_name(obj):
        return str(obj.get_status_display())


class FromRecordsOut(Schema):
    """A figure with a source (calculated from a module's records): ``derived`` is the figure from the
    records at the last save or submission, ``value`` the figure reported (the one in ``values``, which
    the roll-up counts), ``note`` the reason when the organization corrected it (``corrected``), and
    ``difference`` = value − derived."""

    derived: Decimal | None
    value: Decimal | None
    note: str
    corrected: bool
    difference: Decimal | None


class ReportDetailOut(ReportOut):
    values: dict[str, Decimal | str | None]
    from_records: dict[str, FromRecordsOut] = Field(
        description="The figures calculated from the records (indicator code → derived, reported, reason)")
    narratives: dict[str, str]
    allowed_actions: list[str]


class ReportFilters(Schema):
    """The filters of the report list page (validated by the same ``ReportFilterForm``)."""

    form: Id | None = None
    period: Id | None = None
    status: ReportStatus | None = None
    q: SearchText | None = None


class ReportCreateIn(Schema):
    form: Id
    organization: Id
    period: Id


IndicatorCode = text(40, min_length=1)


Figure = Annotated[Decimal, Field(ge=-10**15, le=10**15)]


class CorrectionIn(Schema):
    """The figure reported instead of the one calculated from the records, and why."""

    value: Figure
    note: text(2000) = Field("", description="The reason; required when the value differs from the figure "
                                               "of the records")


class ReportValuesIn(Schema):
    """``values``: {indicator code: a number or, for text indicators, text (≤ 40 characters), or
    null to clear} — a figure calculated from the records (``from_records``) ignores its entry here and
    follows the records unless corrected; ``corrections``: {indicator code: {value, note}} for those
    figures (omitted: the corrections stored are kept; ``{}``: none, every such figure follows the
    records; a value equal to the records' figure is no correction); ``narratives``: {section code:
    HTML (sanitized)}."""

    version: Annotated[int, Field(ge=0, le=2**31 - 1)]
    values: dict[IndicatorCode, Figure | text(40) | None]
    corrections: dict[IndicatorCode, CorrectionIn] | None = None
    narratives: dict[IndicatorCode, text(100_000)] | None = None


class ReasonIn(Schema):
    reason: Reason = Field(examples=["Số liệu mục 2 chưa khớp với báo cáo tháng trước"])


class RollupOut(Schema):
    values: dict[str, float]
    reports: int
    derived: bool


class CompletenessOut(Schema):
    expected: int
    received: int
    on_time: int
    late: int
    missing: int


def _detail(report: Report, user) -> Report:
    values, narratives = {}, {}
    for section, rows, html in report_content(report):
        for ind, value in rows:
            values[ind.code] = value
        if html:
            narratives[section.code] = html
    report.values_map, report.narratives_map = values, narratives
    report.from_records_map = {
        row.indicator.code: {"derived": row.derived, "value": row.value, "note": row.correction_note,
                             "corrected": row.is_corrected, "difference": row.difference}
        for row in report.values.filter(derived__isnull=False).select_related("indicator").order_by("indicator__order",
                                                                                                    "id")}
    report.allowed = sorted(allowed_actions(user, report))
    return report


class _DetailOut(ReportDetailOut):
    @staticmethod
    def resolve_values(obj):
        return obj.values_map

    @staticmethod
    def resolve_narratives(obj):
        return obj.narratives_map

    @staticmethod
    def resolve_from_records(obj):
        return obj.from_records_map

    @staticmethod
    def resolve_allowed_actions(obj):
        return obj.allowed


def _run(request, report, action: str, reason: str = ""):
    """One transition through the dispatcher shared with the page; refusals reach the API's one
    mapping (403, 409, 422) as exceptions."""
    report_actions.perform(report, action, actor=request.user, reason=reason)
    return Reply(200, _detail(_get(request, report.pk), request.user))


def _get(request, report_id, action="view") -> Report:
    qs = Report.objects.select_related("organization__area", "period", "form", "form_version__form")
    return get_in_scope(qs, request.user, action, pk=report_id)


@router.get("/forms", response=answers(list[FormOut]), summary="Các biểu mẫu báo cáo")
@paginate(Pagination)
def list_forms(request):
    return Form.objects.filter(is_active=True)


@router.get("/forms/{form_id}", response=answers(FormDetailOut, 404),
            summary="Một biểu mẫu: phiên bản hiện hành, mục, chỉ tiêu")
def get_form(request, form_id: Id):
    form = get_object_or_404(Form, pk=form_id, is_active=True)
    version = form.current_version()
    if version is None:
        raise Http404
    form.version = version.number
    form.sections = list(version.sections.all())
    form.indicators = list(version.indicators.select_related("section"))
    form.rules = list(version.rules.all())
    return form


@router.get("/periods", response=answers(list[PeriodOut]), summary="Các kỳ báo cáo")
@paginate(Pagination)
def list_periods(request, kind: PeriodKindEnum | None = None, year: Year | None = None):
    qs = Period.objects.all()
    if kind is not None:
        qs = qs.filter(kind=kind)
    if year is not None:
        qs = qs.filter(start__year=year)
    return qs


def _scope_args(request, form: int, period: int, area: int):
    form_obj = get_object_or_404(Form, pk=form)
    period_obj = get_object_or_404(Period, pk=period)
    area_obj = areas_for(request.user).filter(pk=area).first()
    if area_obj is None:
        raise Http404
    return form_obj, period_obj, area_obj


@router.get("/rollup", response=answers(RollupOut, 404), summary="Số liệu tổng hợp của một địa bàn (kể cả đơn vị cũ)")
def get_rollup(request, form: Id, period: Id, area: Id):
    form_obj, period_obj, area_obj = _scope_args(request, form, period, area)
    result = rollup(request.user, form=form_obj, period=period_obj, area=area_obj)
    return {"values": {k: float(v) for k, v in result.values.items()}, "reports": result.reports,
            "derived": result.derived}


@router.get("/completeness", response=answers(CompletenessOut, 404), summary="Tiến độ nộp báo cáo của một địa bàn")
def get_completeness(request, form: Id, period: Id, area: Id):
    form_obj, period_obj, area_obj = _scope_args(request, form, period, area)
    c = completeness(request.user, form=form_obj, period=period_obj, area=area_obj)
    return {"expected": c.expected, "received": c.received, "on_time": c.on_time, "late": c.late,
            "missing": c.missing}


@router.get("", response=answers(list[ReportOut]), summary="Các báo cáo trong phạm vi của người dùng")
@paginate(Pagination)
def list_reports(request, filters: Query[ReportFilters]):
    return REPORTS.api(request)


@router.post("", response=answers(_DetailOut, 400, 403, 404, status=201), summary="Tạo báo cáo (nháp)",
             openapi_extra=example_body({"form": 1, "organization": 12, "period": 40}))
def create(request, payload: ReportCreateIn):
    org = get_in_scope(Organization.objects.all(), request.user, via="self", pk=payload.organization)
    form = get_object_or_404(Form, pk=payload.form)
    period = get_object_or_404(Period, pk=payload.period)
    with transaction.atomic():
        report = actions.create_report(actor=request.user, form=form, period=period, organization=org)
    return Reply(201, _detail(_get(request, report.pk), request.user))


@router.get("/{report_id}", response=answers(_DetailOut, 404), summary="Một báo cáo (404 nếu ngoài phạm vi)")
def get_report(request, report_id: Id):
    return _detail(_get(request, report_id), request.user)


@router.put("/{report_id}/values", response=answers(_DetailOut, 400, 403, 404, 409),
            summary="Lưu số liệu và nội dung (kèm version để phát hiện sửa đồng thời)",
            openapi_extra=example_body({"version": 2, "values": {"DV_DON_NHAN": 10, "DV_DON_GQ": 8},
                                        "corrections": {"DV_DT_SO": {
                                            "value": 3, "note": "Một cuộc đối thoại chưa nhập vào sổ"}},
                                        "narratives": {"KQ": "<p>Kết quả nổi bật</p>"}}))
def save_values(request, report_id: Id, payload: ReportValuesIn):
    report = _get(request, report_id)
    corrections = None if payload.corrections is None else {
        code: {"value": c.value, "note": c.note} for code, c in payload.corrections.items()}
    with transaction.atomic():
        actions.save_report(report, actor=request.user, expected_version=payload.version, values=payload.values,
                            narratives=payload.narratives, corrections=corrections)
    return Reply(200, _detail(_get(request, report.pk), request.user))


@router.post("/{report_id}/submit", response=answers(_DetailOut, 403, 404, 409), summary="Gửi báo cáo")
def submit(request, report_id: Id):
    return _run(request, _get(request, report_id), "submit")


@router.post("/{report_id}/return", response=answers(_DetailOut, 400, 403, 404, 409),
             summary="Trả lại báo cáo (kèm lý do)", openapi_extra=example_body({"reason": "Số liệu chưa khớp"}))
def return_(request, report_id: Id, payload: ReasonIn):
    return _run(request, _get(request, report_id), "return", payload.reason)


@router.post("/{report_id}/approve", response=answers(_DetailOut, 403, 404, 409), summary="Duyệt báo cáo")
def approve(request, report_id: Id):
    return _run(request, _get(request, report_id), "approve")


@router.post("/{report_id}/reopen", response=answers(_DetailOut, 400, 403, 404, 409),
             summary="Mở lại báo cáo đã duyệt (kèm lý do)",
             openapi_extra=example_body({"reason": "Đơn vị cần sửa số liệu"}))
def reopen(request, report_id: Id, payload: ReasonIn):
    return _run(request, _get(request, report_id), "reopen", payload.reason)
