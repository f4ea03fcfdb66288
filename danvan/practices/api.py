"""REST API of practices: list (the same filter as the HTML list), statistics, detail, create,
update, life-cycle actions. Everything in the user's scope; out of scope answers 404."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.responses import Status as Reply

from danvan.api.common import Message, Pagination, Ref
from danvan.orgs.models import Organization
from danvan.orgs.scope import get_in_scope
from danvan.practices.domain import lifecycle
from danvan.practices.domain.evaluation import record_evaluation
from danvan.practices.domain.practices import create_practice, update_practice
from danvan.practices.interfaces.filters import PracticeFilterForm
from danvan.practices.models import (
    Holder,
    Practice,
    PracticeField,
    PracticeKind,
    RecognitionLevel,
    Status,
)
from danvan.practices.queries import stats
from danvan.practices.queries.practices import (
    areas_for,
    campaigns_for,
    filter_practices,
    list_queryset,
    practices_for,
)

router = Router(tags=["Mô hình Dân vận khéo"])


class ApiError(Schema):
    detail: str
    errors: list[dict] = []


class PracticeOut(Schema):
    id: int
    name: str
    kind: PracticeKind
    holder: Holder
    person_name: str
    field: PracticeField
    status: Status
    level: RecognitionLevel | None = None
    is_outstanding: bool
    year: int
    organization: Ref
    area: Ref
    campaign: Ref | None = None

    @staticmethod
    def resolve_level(obj):
        return obj.level or None

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "name": obj.organization.name}

    @staticmethod
    def resolve_area(obj):
        return {"id": obj.area.id, "name": obj.area.full_name}

    @staticmethod
    def resolve_campaign(obj):
        return {"id": obj.campaign.id, "name": obj.campaign.name} if obj.campaign_id else None


class PracticeDetailOut(PracticeOut):
    situation: str
    goals: str
    content: str
    beneficiaries_scope: str
    forces: str
    resources: str
    outputs: str
    sustainability: str
    beneficiaries: int | None
    decision_number: str
    decision_date: datetime.date | None
    registered_on: datetime.date | None
    replicates: int | None
    version: int

    @staticmethod
    def resolve_replicates(obj):
        return obj.replicates_id


class PracticeFilters(Schema):
    """The filters of the HTML list (validated by the same ``PracticeFilterForm``)."""

    q: str | None = None
    field: PracticeField | None = None
    status: Status | None = None
    level: RecognitionLevel | None = None
    holder: Holder | None = None
    kind: PracticeKind | None = None
    campaign: int | None = None
    year: int | None = None
    area: int | None = None
    organization: int | None = None
    outstanding: bool | None = None
    sort: str | None = None


class PracticeIn(Schema):
    name: str
    kind: PracticeKind = PracticeKind.MODEL
    holder: Holder = Holder.COLLECTIVE
    person_name: str = ""
    field: PracticeField
    organization: int
    area: int
    campaign: int | None = None
    year: int
    situation: str = ""
    goals: str = ""
    content: str = ""
    beneficiaries_scope: str = ""
    forces: str = ""
    resources: str = ""
    outputs: str = ""
    sustainability: str = ""
    beneficiaries: int | None = None
    replicates: int | None = None


class PracticePatch(Schema):
    version: int
    name: str | None = None
    kind: PracticeKind | None = None
    holder: Holder | None = None
    person_name: str | None = None
    field: PracticeField | None = None
    organization: int | None = None
    area: int | None = None
    campaign: int | None = None
    year: int | None = None
    situation: str | None = None
    goals: str | None = None
    content: str | None = None
    beneficiaries_scope: str | None = None
    forces: str | None = None
    resources: str | None = None
    outputs: str | None = None
    sustainability: str | None = None
    beneficiaries: int | None = None
    replicates: int | None = None


class ActionIn(Schema):
    reason: str = ""
    level: RecognitionLevel | None = None
    decision_number: str = ""
    decision_date: datetime.date | None = None
    scores: dict[int, int] = {}
    comments: dict[int, str] = {}
    comment: str = ""


class ByField(Schema):
    economy: int
    culture_society: int
    defense_security: int
    political_system: int


class ByStatus(Schema):
    draft: int
    registered: int
    in_progress: int
    evaluated: int
    recognized: int
    not_recognized: int


class ByLevel(Schema):
    commune: int
    district: int
    province: int
    central: int


class StatsOut(Schema):
    total: int
    by_field: ByField
    by_status: ByStatus
    by_level: ByLevel
    registered: int
    carried_out: int
    recognized: int
    outstanding: int


def _validation_errors(exc: ValidationError) -> list[dict]:
    if hasattr(exc, "error_dict"):
        return [{"field": f, "message": m} for f, messages in exc.message_dict.items() for m in messages]
    return [{"field": "-", "message": m} for m in exc.messages]


def _resolve(user, data: dict, *, action="change") -> dict:
    """Turn ids into objects within the user's scope; an id outside scope is a field error."""
    errors = {}
    lookups = {
        "organization": Organization.objects.for_user(user, action),
        "area": areas_for(user),
        "campaign": campaigns_for(user),
        "replicates": practices_for(user),
    }
    for key, qs in lookups.items():
        if key in data and data[key] is not None:
            obj = qs.filter(pk=data[key]).first()
            if obj is None:
                errors[key] = [_("Number %(n)s is outside your scope.") % {"n": data[key]}]
            data[key] = obj
    if errors:
        raise ValidationError(errors)
    return data


@router.get("", response=list[PracticeOut], summary="Mô hình trong phạm vi, với bộ lọc như trang danh sách")
@paginate(Pagination)
def list_practices(request, filters: Query[PracticeFilters]):
    form = PracticeFilterForm(request.GET, user=request.user)
    if not form.is_valid():
        raise HttpError(422, " ".join(e["message"] for e in form.error_list()))
    return list_queryset(filter_practices(request.user, **form.filters()))


@router.get("/stats", response={200: StatsOut, 404: Message},
            summary="Thống kê mô hình của một địa bàn (kể cả đơn vị cũ đã nhập vào) theo năm hoặc đợt")
def practice_stats(request, area: int | None = None, year: int | None = None, campaign: int | None = None):
    root = None
    if area is not None:
        root = areas_for(request.user).filter(pk=area).first()
        if root is None:
            raise Http404
    if campaign is not None and not campaigns_for(request.user).filter(pk=campaign).exists():
        raise Http404
    return stats.summary(request.user, area=root, year=year, campaign=campaign)


@router.get("/{practice_id}", response={200: PracticeDetailOut, 404: Message}, summary="Một mô hình")
def get_practice(request, practice_id: int):
    return get_in_scope(Practice.objects.select_related("organization", "area", "campaign"), request.user,
                        pk=practice_id)


@router.post("", response={201: PracticeDetailOut, 422: ApiError}, summary="Tạo mô hình (nháp)")
def create(request, payload: PracticeIn):
    try:
        with transaction.atomic():
            practice = create_practice(actor=request.user, **_resolve(request.user, payload.dict()))
    except ValidationError as exc:
        return Reply(422, {"detail": _("The data sent is not valid."), "errors": _validation_errors(exc)})
    return Reply(201, get_practice(request, practice.pk))


@router.patch("/{practice_id}", response={200: PracticeDetailOut, 404: Message, 422: ApiError},
              summary="Sửa mô hình (gửi kèm version để phát hiện sửa đồng thời)")
def update(request, practice_id: int, payload: PracticePatch):
    practice = get_in_scope(Practice.objects.all(), request.user, "change", pk=practice_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    try:
        with transaction.atomic():
            update_practice(practice=practice, actor=request.user, expected_version=version,
                            **_resolve(request.user, data))
    except ValidationError as exc:
        return Reply(422, {"detail": _("The data sent is not valid."), "errors": _validation_errors(exc)})
    return Reply(200, get_practice(request, practice.pk))


ACTIONS = ["register", "start", "evaluate", "recognize", "reject", "outstanding", "not_outstanding"]


@router.post("/{practice_id}/{action}", response={200: PracticeDetailOut, 400: ApiError, 404: Message},
             summary="Bước vòng đời: register, start, evaluate, recognize, reject, outstanding, not_outstanding")
def act(request, practice_id: int, action: str, payload: ActionIn):
    practice = get_in_scope(Practice.objects.select_related("organization"), request.user, pk=practice_id)
    if action not in ACTIONS:
        raise Http404
    actor = request.user
    try:
        if action == "register":
            lifecycle.register_practice(practice=practice, actor=actor)
        elif action == "start":
            lifecycle.start_practice(practice=practice, actor=actor, reason=payload.reason)
        elif action == "evaluate":
            record_evaluation(practice=practice, actor=actor, scores=payload.scores, comments=payload.comments,
                              comment=payload.comment)
        elif action == "recognize":
            lifecycle.recognize_practice(practice=practice, actor=actor, level=payload.level or "",
                                         decision_number=payload.decision_number, decision_date=payload.decision_date,
                                         reason=payload.reason)
        elif action == "reject":
            lifecycle.reject_practice(practice=practice, actor=actor, reason=payload.reason)
        else:
            lifecycle.set_outstanding(practice=practice, actor=actor, outstanding=action == "outstanding",
                                      reason=payload.reason)
    except ValidationError as exc:
        return Reply(400, {"detail": " ".join(exc.messages), "errors": _validation_errors(exc)})
    return Reply(200, get_practice(request, practice.pk))
