"""REST API of grassroots democracy: disclosure obligations with their records and derived state (the same
filter as the page), community decisions, oversight findings, consultations on drafts. Everything in the user's scope; out of
scope answers 404. The portal's feeds are public pages (``/cong-khai/feed/…``), not API operations."""

import datetime
import enum
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.common import Id, Pagination, Ref, SearchText, Year, answers, choices_enum, example_body, text
from danvan.democracy.domain import actions
from danvan.democracy.domain import findings as finding_rules
from danvan.democracy.interfaces.forms import DisclosureFilterForm
from danvan.democracy.interfaces.lists import CONSULTATIONS, DECISIONS, FINDINGS, annotate_decisions
from danvan.democracy.models import Channel, DecisionForm, Matter
from danvan.democracy.queries import disclosures as q
from danvan.democracy.queries.consultations import consultations_for
from danvan.democracy.rules.state import State

router = Router(tags=["Grassroots democracy (dân chủ ở cơ sở)"])
decision_router = Router(tags=["Grassroots democracy (dân chủ ở cơ sở)"])
finding_router = Router(tags=["Grassroots democracy (dân chủ ở cơ sở)"])

DisclosureState = choices_enum("DisclosureState", State)
ChannelEnum = choices_enum("DisclosureChannel", Channel)
MatterEnum = choices_enum("DecisionMatter", Matter)
DecisionFormEnum = choices_enum("DecisionForm", DecisionForm)


def _validated(form):
    if not form.is_valid():
        raise ValidationError({name: [str(m) for m in msgs] for name, msgs in form.errors.items()})
    return form.filters()


class RecordOut(Schema):
    id: int
    channel: ChannelEnum
    posted_on: datetime.date
    taken_down_on: datetime.date | None
    radio_days: int | None
    village_heads_informed: int | None
    village_heads_total: int | None
    source_number: str
    source_date: datetime.date | None
    source_issuer: str
    link: str
    evidence_count: int


class ObligationOut(Schema):
    id: int
    item_number: int
    item_name: str
    area: Ref
    organization: Ref
    year: int
    period_key: str
    period: str
    due_on: datetime.date
    state: DisclosureState
    missing_channels: list[ChannelEnum]
    not_applicable_reason: str
    document_number: str
    version: int


class ObligationDetailOut(ObligationOut):
    records: list[RecordOut]
    allowed_actions: list[str]


class DisclosureFilters(Schema):
    area: Id | None = None
    item: Id | None = None
    state: DisclosureState | None = None
    year: Year | None = None
    quarter: Annotated[int, Field(ge=1, le=4)] | None = None


def _obligation_out(o, state, missing) -> dict:
    return {"id": o.pk, "item_number": o.item.number, "item_name": o.item.name,
            "area": {"id": o.area_id, "code": o.area.code, "name": o.area.full_name},
            "organization": {"id": o.organization_id, "name": o.organization.name}, "year": o.year,
            "period_key": o.period_key, "period": str(o.period_label), "due_on": o.due_on, "state": state,
            "missing_channels": missing, "not_applicable_reason": o.not_applicable_reason,
            "document_number": o.document_number, "version": o.version}


@router.get("", response=answers(list[ObligationOut]),
            summary="Nghĩa vụ công khai trong phạm vi (lọc theo địa bàn kể cả đơn vị cũ, nội dung, trạng thái, kỳ)")
@paginate(Pagination)
def list_disclosures(request, filters: Query[DisclosureFilters]):
    params = {k: v.value if hasattr(v, "value") else v for k, v in filters.dict().items() if v is not None}
    cleaned = _validated(DisclosureFilterForm(params, user=request.user))
    return _Rows(q.list_queryset(q.filter_obligations(request.user, today=timezone.localdate(), **cleaned)))


class _Rows:
    """A queryset whose page is turned into dicts with the derived state (computed for the page only)."""

    def __init__(self, qs):
        self.qs = qs

    def count(self):
        return self.qs.count()

    def __getitem__(self, s):
        rows = q.with_states(self.qs[s], today=timezone.localdate())
        return [_obligation_out(o, o.state, o.missing) for o in rows]


@router.get("/{obligation_id}", response=answers(ObligationDetailOut, 404),
            summary="Một nghĩa vụ công khai, các lần công khai và trạng thái suy ra")
def get_disclosure(request, obligation_id: Id):
    obligation = q.obligations_for(request.user).select_related("item", "area", "organization").filter(
        pk=obligation_id).first()
    if obligation is None:
        raise Http404
    from danvan.democracy.rules.state import missing_channels, rules_of, state_of

    records = list(obligation.records.prefetch_related("evidence"))
    out = _obligation_out(obligation, state_of(obligation, today=timezone.localdate(), records=records),
                          missing_channels(rules_of(obligation.item), records))
    out["records"] = [{**{f: getattr(r, f) for f in RecordOut.model_fields if f != "evidence_count"},
                       "evidence_count": len(r.evidence.all())} for r in records]
    out["allowed_actions"] = sorted(actions.allowed_actions(request.user, obligation))
    return out


ObligationAction = enum.StrEnum("ObligationAction", {a: a for a in actions.ACTIONS})


class ActionIn(Schema):
    reason: text(500) = ""
    version: Annotated[int, Field(ge=1, le=2**31 - 1)] | None = None


@router.post("/{obligation_id}/{action}", response=answers(ObligationDetailOut, 400, 403, 404, 409),
             summary="Đánh dấu không áp dụng (kèm lý do) hoặc áp dụng lại",
             openapi_extra=example_body({"reason": "Xã không thay đổi địa giới trong năm", "version": 1}))
def obligation_action(request, obligation_id: Id, action: ObligationAction, payload: ActionIn):
    obligation = q.obligations_for(request.user).filter(pk=obligation_id).first()
    if obligation is None:
        raise Http404
    with transaction.atomic():
        actions.perform(obligation, action.value, actor=request.user, reason=payload.reason,
                        expected_version=payload.version)
    return get_disclosure(request, obligation_id)


class DecisionOut(Schema):
    id: int
    area: Ref
    organization: Ref
    village: str
    matter: MatterEnum
    subject: str
    form: DecisionFormEnum
    households_total: int
    participating: int
    votes_for: int
    votes_against: int
    votes_blank: int
    decided_on: datetime.date
    sent_on: datetime.date | None
    send_deadline: datetime.date
    sent_late: bool
    approved: bool
    percent_for: Decimal
    recognized_on: datetime.date | None
    recognition_decision: str


class DecisionFilters(Schema):
    q: SearchText | None = None
    area: Id | None = None
    matter: MatterEnum | None = None
    year: Year | None = None


class _DecisionRows(_Rows):
    def __getitem__(self, s):
        out = []
        for d in annotate_decisions(list(self.qs[s])):
            result = d.outcome
            out.append({**{f: getattr(d, f) for f in (
                "id", "village", "matter", "subject", "form", "households_total", "participating", "votes_for",
                "votes_against", "votes_blank", "decided_on", "sent_on", "recognized_on", "recognition_decision")},
                "area": {"id": d.area_id, "code": d.area.code, "name": d.area.full_name},
                "organization": {"id": d.organization_id, "name": d.organization.name},
                "send_deadline": d.deadline, "sent_late": d.late,
                "approved": result["approved"], "percent_for": result["percent_for"]})
        return out


@decision_router.get("", response=answers(list[DecisionOut]), summary="Quyết định của cộng đồng dân cư trong phạm vi")
@paginate(Pagination)
def list_decisions(request, filters: Query[DecisionFilters]):
    params = {k: v.value if hasattr(v, "value") else v for k, v in filters.dict().items() if v is not None}
    cleaned = _validated(DECISIONS.form(params, user=request.user))
    return _DecisionRows(DECISIONS.queryset(request.user, cleaned))


class FindingOut(Schema):
    id: int
    recorded_by: Ref
    addressed_to: Ref
    board_id: int | None
    record_id: int | None
    found_on: datetime.date
    finding: str
    recommendation: str
    answer_due: datetime.date
    answered_on: datetime.date | None
    answer: str
    late: bool


class FindingFilters(Schema):
    area: Id | None = None
    unanswered: bool | None = None
    year: Year | None = None


class _FindingRows(_Rows):
    def __getitem__(self, s):
        today = timezone.localdate()
        return [{"id": f.pk, "recorded_by": {"id": f.organization_id, "name": f.organization.name},
                 "addressed_to": {"id": f.addressed_to_id, "name": f.addressed_to.name}, "board_id": f.board_id,
                 "record_id": f.record_id, "found_on": f.found_on, "finding": f.finding,
                 "recommendation": f.recommendation, "answer_due": f.answer_due, "answered_on": f.answered_on,
                 "answer": f.answer, "late": finding_rules.is_late(f, today=today)} for f in self.qs[s]]


@finding_router.get("", response=answers(list[FindingOut]),
                    summary="Kiến nghị của Ban Thanh tra nhân dân, Ban Giám sát đầu tư cộng đồng và Mặt trận")
@paginate(Pagination)
def list_findings(request, filters: Query[FindingFilters]):
    params = {k: v for k, v in filters.dict().items() if v is not None}
    cleaned = _validated(FINDINGS.form(params, user=request.user))
    return _FindingRows(FINDINGS.queryset(request.user, cleaned))


consultation_router = Router(tags=["Grassroots democracy (dân chủ ở cơ sở)"])


class ConsultationOut(Schema):
    id: int
    area: Ref
    organization: Ref
    draft: str
    summary: str
    opens_on: datetime.date
    closes_on: datetime.date
    channels: list[ChannelEnum]
    opinions_received: int
    opinions_taken_in: int
    how_taken_in: str
    result_number: str
    result_date: datetime.date | None
    obligation_id: int | None
    version: int


class ConsultationFilters(Schema):
    q: SearchText | None = None
    area: Id | None = None
    year: Year | None = None
    has_result: bool | None = None


def _consultation_out(c) -> dict:
    return {**{f: getattr(c, f) for f in (
        "id", "draft", "summary", "opens_on", "closes_on", "opinions_received", "opinions_taken_in", "how_taken_in",
        "result_number", "result_date", "obligation_id", "version")},
        "channels": [x for x in c.channels if x in Channel.values],
        "area": {"id": c.area_id, "code": c.area.code, "name": c.area.full_name},
        "organization": {"id": c.organization_id, "name": c.organization.name}}


class _ConsultationRows(_Rows):
    def __getitem__(self, s):
        return [_consultation_out(c) for c in self.qs[s]]


@consultation_router.get("", response=answers(list[ConsultationOut]),
                         summary="Lấy ý kiến nhân dân về dự thảo trong phạm vi (lọc như trang danh sách)")
@paginate(Pagination)
def list_consultations(request, filters: Query[ConsultationFilters]):
    params = {k: v for k, v in filters.dict().items() if v is not None}
    if "has_result" in params:
        params["has_result"] = "true" if params["has_result"] else "false"
    cleaned = _validated(CONSULTATIONS.form(params, user=request.user))
    return _ConsultationRows(CONSULTATIONS.queryset(request.user, cleaned))


def _consultation_or_404(request, consultation_id):
    c = consultations_for(request.user).select_related("area", "organization").filter(pk=consultation_id).first()
    if c is None:
        raise Http404
    return c


@consultation_router.get("/{consultation_id}", response=answers(ConsultationOut, 404),
                         summary="Một lần lấy ý kiến nhân dân")
def get_consultation(request, consultation_id: Id):
    return _consultation_out(_consultation_or_404(request, consultation_id))


class ResultIn(Schema):
    opinions_received: Annotated[int, Field(ge=0, le=10**6)]
    opinions_taken_in: Annotated[int, Field(ge=0, le=10**6)]
    how_taken_in: text(4000)
    result_number: text(60)
    result_date: datetime.date
    version: Annotated[int, Field(ge=1, le=2**31 - 1)] | None = None


@consultation_router.post("/{consultation_id}/result", response=answers(ConsultationOut, 400, 403, 404, 409),
                          summary="Ghi kết quả lấy ý kiến (tạo nghĩa vụ công khai kết quả, nội dung 11)",
                          openapi_extra=example_body({
                              "opinions_received": 112, "opinions_taken_in": 37,
                              "how_taken_in": "Bổ sung điểm thu gom rác ở thôn Khe Mạ", "result_number": "45/BC-UBND",
                              "result_date": "2026-05-20", "version": 1}))
def consultation_result(request, consultation_id: Id, payload: ResultIn):
    from danvan.democracy.domain.consultations import record_result

    c = _consultation_or_404(request, consultation_id)
    values = payload.dict()
    record_result(actor=request.user, consultation=c, expected_version=values.pop("version"), **values)
    return _consultation_out(_consultation_or_404(request, consultation_id))
