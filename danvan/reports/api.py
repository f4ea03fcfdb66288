"""REST API of the reports module: forms, periods, reports and their transitions, roll-up, completeness."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status as Reply

from danvan.api.common import Pagination, Ref
from danvan.orgs.models import Organization
from danvan.orgs.scope import get_in_scope
from danvan.reports.domain import reports as actions
from danvan.reports.domain.access import allowed_actions
from danvan.reports.models import Form, Period, PeriodKind, Report, Status
from danvan.reports.queries.completeness import completeness
from danvan.reports.queries.reports import filter_reports, report_content
from danvan.reports.queries.rollup import rollup
from danvan.reports.queries.scope import areas_for

router = Router(tags=["Báo cáo định kỳ"])


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
    kind: str
    start: datetime.date
    end: datetime.date
    label: str


class ReportOut(Schema):
    id: int
    form: Ref
    period: PeriodOut
    organization: Ref
    status: str
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


class ReportDetailOut(ReportOut):
    values: dict[str, Decimal | str | None]
    narratives: dict[str, str]
    allowed_actions: list[str]


class ReportFilters(Schema):
    form: int | None = None
    period: int | None = None
    status: Status | None = None
    q: str | None = None


class ReportCreateIn(Schema):
    form: int
    organization: int
    period: int


class ReportValuesIn(Schema):
    version: int
    values: dict[str, Decimal | str | None]
    narratives: dict[str, str] | None = None


class ReasonIn(Schema):
    reason: str


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


class ErrorOut(Schema):
    detail: str
    errors: list[dict] = []


def _detail(report: Report, user) -> Report:
    values, narratives = {}, {}
    for section, rows, html in report_content(report):
        for ind, value in rows:
            values[ind.code] = value
        if html:
            narratives[section.code] = html
    report.values_map, report.narratives_map = values, narratives
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
    def resolve_allowed_actions(obj):
        return obj.allowed


def _errors(exc: ValidationError) -> dict:
    if hasattr(exc, "error_dict"):
        errors = [{"field": field, "message": str(m)} for field, msgs in exc.message_dict.items() for m in msgs]
    else:
        errors = [{"field": "-", "message": m} for m in exc.messages]
    return {"detail": " ".join(e["message"] for e in errors), "errors": errors}


def _run(request, report, call):
    try:
        with transaction.atomic():
            call()
    except actions.ReportConflict as exc:
        return Reply(409, {"detail": exc.messages[0], "errors": []})
    except actions.NotAllowed as exc:
        return Reply(403, {"detail": exc.message, "errors": []})
    except ValidationError as exc:
        return Reply(422, _errors(exc))
    return Reply(200, _detail(_get(request, report.pk), request.user))


def _get(request, report_id, action="view") -> Report:
    qs = Report.objects.select_related("organization__area", "period", "form", "form_version__form")
    return get_in_scope(qs, request.user, action, pk=report_id)


@router.get("/forms", response=list[FormOut], summary="Các biểu mẫu báo cáo")
@paginate(Pagination)
def list_forms(request):
    return Form.objects.filter(is_active=True)


@router.get("/forms/{form_id}", response=FormDetailOut, summary="Một biểu mẫu: phiên bản hiện hành, mục, chỉ tiêu")
def get_form(request, form_id: int):
    form = get_object_or_404(Form, pk=form_id, is_active=True)
    version = form.current_version()
    form.version = version.number
    form.sections = list(version.sections.all())
    form.indicators = list(version.indicators.select_related("section"))
    form.rules = list(version.rules.all())
    return form


@router.get("/periods", response=list[PeriodOut], summary="Các kỳ báo cáo")
@paginate(Pagination)
def list_periods(request, kind: PeriodKind | None = None, year: int | None = None):
    qs = Period.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(start__year=year)
    return qs


def _scope_args(request, form: int, period: int, area: int):
    form_obj = get_object_or_404(Form, pk=form)
    period_obj = get_object_or_404(Period, pk=period)
    try:
        area_obj = areas_for(request.user).get(pk=area)
    except Exception as exc:
        raise Http404 from exc
    return form_obj, period_obj, area_obj


@router.get("/rollup", response=RollupOut, summary="Số liệu tổng hợp của một địa bàn (kể cả đơn vị cũ)")
def get_rollup(request, form: int, period: int, area: int):
    form_obj, period_obj, area_obj = _scope_args(request, form, period, area)
    result = rollup(request.user, form=form_obj, period=period_obj, area=area_obj)
    return {"values": {k: float(v) for k, v in result.values.items()}, "reports": result.reports,
            "derived": result.derived}


@router.get("/completeness", response=CompletenessOut, summary="Tiến độ nộp báo cáo của một địa bàn")
def get_completeness(request, form: int, period: int, area: int):
    form_obj, period_obj, area_obj = _scope_args(request, form, period, area)
    c = completeness(request.user, form=form_obj, period=period_obj, area=area_obj)
    return {"expected": c.expected, "received": c.received, "on_time": c.on_time, "late": c.late,
            "missing": c.missing}


@router.get("", response=list[ReportOut], summary="Các báo cáo trong phạm vi của người dùng")
@paginate(Pagination)
def list_reports(request, filters: Query[ReportFilters]):
    return filter_reports(request.user, **filters.dict())


@router.post("", response={201: _DetailOut, 403: ErrorOut, 422: ErrorOut}, summary="Tạo báo cáo (nháp)")
def create(request, payload: ReportCreateIn):
    org = get_in_scope(Organization.objects.all(), request.user, via="self", pk=payload.organization)
    form = get_object_or_404(Form, pk=payload.form)
    period = get_object_or_404(Period, pk=payload.period)
    try:
        with transaction.atomic():
            report = actions.create_report(actor=request.user, form=form, period=period, organization=org)
    except actions.NotAllowed as exc:
        return Reply(403, {"detail": exc.message, "errors": []})
    except ValidationError as exc:
        return Reply(422, _errors(exc))
    return Reply(201, _detail(_get(request, report.pk), request.user))


@router.get("/{report_id}", response=_DetailOut, summary="Một báo cáo (404 nếu ngoài phạm vi)")
def get_report(request, report_id: int):
    return _detail(_get(request, report_id), request.user)


@router.put("/{report_id}/values", response={200: _DetailOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
            summary="Lưu số liệu và nội dung (kèm version để phát hiện sửa đồng thời)")
def save_values(request, report_id: int, payload: ReportValuesIn):
    report = _get(request, report_id)
    return _run(request, report, lambda: actions.save_report(
        report, actor=request.user, expected_version=payload.version, values=payload.values,
        narratives=payload.narratives))


@router.post("/{report_id}/submit", response={200: _DetailOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
             summary="Gửi báo cáo")
def submit(request, report_id: int):
    report = _get(request, report_id)
    return _run(request, report, lambda: actions.submit_report(report, actor=request.user))


@router.post("/{report_id}/return", response={200: _DetailOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
             summary="Trả lại báo cáo (kèm lý do)")
def return_(request, report_id: int, payload: ReasonIn):
    report = _get(request, report_id)
    return _run(request, report, lambda: actions.return_report(report, actor=request.user, reason=payload.reason))


@router.post("/{report_id}/approve", response={200: _DetailOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
             summary="Duyệt báo cáo")
def approve(request, report_id: int):
    report = _get(request, report_id)
    return _run(request, report, lambda: actions.approve_report(report, actor=request.user))


@router.post("/{report_id}/reopen", response={200: _DetailOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
             summary="Mở lại báo cáo đã duyệt (kèm lý do)")
def reopen(request, report_id: int, payload: ReasonIn):
    report = _get(request, report_id)
    return _run(request, report, lambda: actions.reopen_report(report, actor=request.user, reason=payload.reason))
