"""REST API of practices: list (the same filter as the HTML list), statistics, detail, create,
update, life-cycle actions. Everything in the user's scope; out of scope answers 404."""

import datetime
import enum
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status as Reply

from danvan.api.common import (
    Count,
    Id,
    IdKey,
    LongText,
    Pagination,
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
from danvan.practices.domain import actions
from danvan.practices.domain.practices import create_practice, update_practice
from danvan.practices.interfaces.filters import SORT_CHOICES
from danvan.practices.interfaces.lists import PRACTICES
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
    practices_for,
)

router = Router(tags=["Practices (Dân vận khéo)"])


def _not_null(schema: dict) -> None:
    """Optional in a PATCH but never null: drop pydantic's default ``null`` from the document."""
    schema.pop("default", None)


NOT_NULL = ("name", "kind", "holder", "person_name", "field", "organization", "area", "year", "situation",
            "goals", "content", "beneficiaries_scope", "forces", "resources", "outputs", "sustainability")


PracticeStatus = choices_enum("PracticeStatus", Status)
PracticeKindEnum = choices_enum("PracticeKind", PracticeKind)
HolderEnum = choices_enum("PracticeHolder", Holder)
FieldEnum = choices_enum("PracticeField", PracticeField)
LevelEnum = choices_enum("RecognitionLevel", RecognitionLevel)
Action = enum.StrEnum("PracticeAction", {a: a for a in actions.ACTIONS})
PracticeSort = Literal[tuple(value for value, _label in SORT_CHOICES)]


class PracticeOut(Schema):
    id: int
    name: str
    kind: PracticeKindEnum
    holder: HolderEnum
    person_name: str
    field: FieldEnum
    status: PracticeStatus
    level: LevelEnum | None = None
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
    allowed_actions: list[str] = Field(description="What the caller may do now: edit and the life-cycle steps")

    @staticmethod
    def resolve_replicates(obj):
        return obj.replicates_id

    @staticmethod
    def resolve_allowed_actions(obj):
        return getattr(obj, "allowed", [])




YearOfPractice = Annotated[int, Field(ge=1990, le=2100)]


class PracticeFilters(Schema):
    """The filters of the HTML list (validated by the same ``PracticeFilterForm``)."""

    q: SearchText | None = None
    field: FieldEnum | None = None
    status: PracticeStatus | None = None
    level: LevelEnum | None = None
    holder: HolderEnum | None = None
    kind: PracticeKindEnum | None = None
    campaign: Id | None = None
    year: YearOfPractice | None = None
    area: Id | None = None
    organization: Id | None = None
    outstanding: bool | None = None
    sort: PracticeSort | None = None



class PracticeIn(Schema):
    """A new practice: the limits are those of the registration form."""

    name: text(300, min_length=1) = Field(examples=["Dân vận khéo trong xây dựng nông thôn mới"])
    kind: PracticeKindEnum = PracticeKindEnum(PracticeKind.MODEL)
    holder: HolderEnum = HolderEnum(Holder.COLLECTIVE)
    person_name: text(150) = ""
    field: FieldEnum
    organization: Id
    area: Id
    campaign: Id | None = None
    year: YearOfPractice = Field(examples=[2025])
    situation: LongText = ""
    goals: LongText = ""
    content: LongText = ""
    beneficiaries_scope: LongText = ""
    forces: LongText = ""
    resources: LongText = ""
    outputs: LongText = ""
    sustainability: LongText = ""
    beneficiaries: Count | None = None
    replicates: Id | None = None


class PracticePatch(Schema):
    """Only the fields sent change; ``version`` is the one read (a stale one answers 409). Only
    ``campaign``, ``beneficiaries`` and ``replicates`` may be null (to clear them)."""

    version: Count = Field(examples=[1])
    name: text(300, min_length=1) = Field(None, json_schema_extra=_not_null)
    kind: PracticeKindEnum = Field(None, json_schema_extra=_not_null)
    holder: HolderEnum = Field(None, json_schema_extra=_not_null)
    person_name: text(150) = Field(None, json_schema_extra=_not_null)
    field: FieldEnum = Field(None, json_schema_extra=_not_null)
    organization: Id = Field(None, json_schema_extra=_not_null)
    area: Id = Field(None, json_schema_extra=_not_null)
    campaign: Id | None = None
    year: YearOfPractice = Field(None, json_schema_extra=_not_null)
    situation: LongText = Field(None, json_schema_extra=_not_null)
    goals: LongText = Field(None, json_schema_extra=_not_null)
    content: LongText = Field(None, json_schema_extra=_not_null)
    beneficiaries_scope: LongText = Field(None, json_schema_extra=_not_null)
    forces: LongText = Field(None, json_schema_extra=_not_null)
    resources: LongText = Field(None, json_schema_extra=_not_null)
    outputs: LongText = Field(None, json_schema_extra=_not_null)
    sustainability: LongText = Field(None, json_schema_extra=_not_null)
    beneficiaries: Count | None = None
    replicates: Id | None = None


class ActionIn(Schema):
    """The data of a step: ``reason`` (start, reject — required there —, outstanding, recognize),
    ``level``/``decision_number``/``decision_date`` (recognize), ``scores``/``comments``/``comment``
    (evaluate: {criterion id: score})."""

    reason: text(2000) = ""
    level: LevelEnum | None = None
    decision_number: text(60) = ""
    decision_date: datetime.date | None = None
    scores: dict[IdKey, Count] = {}
    comments: dict[IdKey, text(500)] = {}
    comment: text(2000) = ""


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


@router.get("", response=answers(list[PracticeOut]), summary="Mô hình trong phạm vi, với bộ lọc như trang danh sách")
@paginate(Pagination)
def list_practices(request, filters: Query[PracticeFilters]):
    return PRACTICES.api(request)


@router.get("/stats", response=answers(StatsOut, 404),
            summary="Thống kê mô hình của một địa bàn (kể cả đơn vị cũ đã nhập vào) theo năm hoặc đợt")
def practice_stats(request, area: Id | None = None, year: Year | None = None, campaign: Id | None = None):
    root = None
    if area is not None:
        root = areas_for(request.user).filter(pk=area).first()
        if root is None:
            raise Http404
    if campaign is not None and not campaigns_for(request.user).filter(pk=campaign).exists():
        raise Http404
    return stats.summary(request.user, area=root, year=year, campaign=campaign)


def _detail(request, practice_id: int) -> Practice:
    practice = get_in_scope(Practice.objects.select_related("organization", "area", "campaign"), request.user,
                            pk=practice_id)
    practice.allowed = sorted(actions.allowed_actions(request.user, practice))
    return practice


@router.get("/{practice_id}", response=answers(PracticeDetailOut, 404), summary="Một mô hình")
def get_practice(request, practice_id: Id):
    return _detail(request, practice_id)


@router.post("", response=answers(PracticeDetailOut, 400, 403, status=201), summary="Tạo mô hình (nháp)",
             openapi_extra=example_body({"name": "Dân vận khéo trong xây dựng nông thôn mới", "field": "economy",
                                         "organization": 12, "area": 34, "year": 2025}))
def create(request, payload: PracticeIn):
    with transaction.atomic():
        practice = create_practice(actor=request.user, **_resolve(request.user, payload.dict()))
    return Reply(201, _detail(request, practice.pk))


@router.patch("/{practice_id}", response=answers(PracticeDetailOut, 400, 403, 404, 409),
              summary="Sửa mô hình (gửi kèm version để phát hiện sửa đồng thời)",
              openapi_extra=example_body({"version": 3, "goals": "Bê tông hóa 2 km đường thôn"}))
def update(request, practice_id: Id, payload: PracticePatch):
    practice = get_in_scope(Practice.objects.all(), request.user, "change", pk=practice_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    for key in NOT_NULL:
        if key in data and data[key] is None:
            raise ValidationError({key: _("This field cannot be empty (null).")})
    with transaction.atomic():
        update_practice(practice=practice, actor=request.user, expected_version=version,
                        **_resolve(request.user, data))
    return Reply(200, _detail(request, practice.pk))


@router.post("/{practice_id}/{action}", response=answers(PracticeDetailOut, 400, 403, 404, 409),
             summary="Bước vòng đời: register, start, evaluate, recognize, reject, outstanding, not_outstanding",
             openapi_extra=example_body({"reason": "Đã đủ hồ sơ"}))
def act(request, practice_id: Id, action: Action, payload: ActionIn):
    """One step through the same dispatcher as the page (``practices.domain.actions.perform``);
    ``allowed_actions`` of the practice lists the steps the caller may take now."""
    practice = get_in_scope(Practice.objects.select_related("organization"), request.user, pk=practice_id)
    data = payload.dict()
    actions.perform(practice, action.value, actor=request.user, reason=data["reason"], level=data["level"] or "",
                    decision_number=data["decision_number"], decision_date=data["decision_date"],
                    scores={int(k): v for k, v in data["scores"].items()},
                    comments={int(k): v for k, v in data["comments"].items()}, comment=data["comment"])
    return Reply(200, _detail(request, practice.pk))
