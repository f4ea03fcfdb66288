"""REST API: /api/v1/prestige-people, in the user's scope and masked like the pages (every read logged
through ``privacy.record_read``); the steps go through the one dispatcher."""

import datetime
import enum

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.common import Id, Pagination, Ref, SearchText, Year, answers, choices_enum, example_body, text
from danvan.community.domain import actions
from danvan.community.domain.privacy import record_identity_read, record_read
from danvan.community.interfaces.lists import (
    COLLABORATORS,
    DIGNITARIES,
    HOT_SPOTS,
    OPINION_REPORTS,
    PRESTIGE,
    SUPPORT_EVENTS,
)
from danvan.community.interfaces.present import (
    present_collaborator,
    present_dignitary,
    present_opinion,
    present_prestige_api,
)
from danvan.community.models import (
    BeneficiaryKind,
    CollaboratorLevel,
    CommunityRole,
    Dignitary,
    EndReason,
    EntryStatus,
    HotSpotState,
    OpinionReport,
    Risk,
    SocialGroup,
    SupportKind,
)
from danvan.community.queries.hotspots import hot_spot_or_404
from danvan.community.queries.opinion import collaborator_or_404, report_or_404
from danvan.community.queries.prestige import entry_or_404
from danvan.community.queries.religion import dignitary_or_404
from danvan.community.queries.support import event_or_404

router = Router(tags=["People of prestige"])
StatusEnum = choices_enum("PrestigeStatus", EntryStatus)
RoleEnum = choices_enum("CommunityRole", CommunityRole)
EndReasonEnum = choices_enum("PrestigeEndReason", EndReason)
ActionEnum = enum.StrEnum("PrestigeAction", {a.upper(): a for a in actions.ACTIONS})


class PrestigeOut(Schema):
    id: int
    full_name: str
    gender: str
    birth_year: int | None
    ethnicity: str = ""
    religion: str = ""
    village: str
    commune: str
    area_id: int
    list_id: int
    role: RoleEnum
    status: StatusEnum
    recognized_on: datetime.date | None
    decision_number: str
    allowed_actions: list[str] = []


class PrestigeFilters(Schema):
    q: SearchText | None = None
    status: StatusEnum | None = None
    role: RoleEnum | None = None
    area: Id | None = None
    prestige_list: Id | None = None
    year: Year | None = None
    sort: text(10) | None = None


_out = present_prestige_api


@router.get("", response=answers(list[PrestigeOut]), summary="People of prestige in the user's scope (masked)")
@paginate(Pagination)
def list_people(request, filters: Query[PrestigeFilters]):
    """The same filter as the page and the export (``PrestigeFilterForm``, one list definition);
    ethnicity and religion are masked (•••) for roles that do not need them; each person returned is
    logged as read."""
    return PRESTIGE.api(request)


@router.get("/{entry_id}", response=answers(PrestigeOut, 404), summary="One person of prestige (404 outside the scope)")
def get_person(request, entry_id: Id):
    entry = entry_or_404(request.user, entry_id)
    record_read(actor=request.user, objects=[entry], where="API")
    return _out(entry, request.user, actions.allowed_actions(request.user, entry))


class StepIn(Schema):
    on: datetime.date
    version: int | None = None
    decision_number: text(60) = ""
    reason: EndReasonEnum | None = None
    decision: text(60) = ""
    note: text(300) = ""


@router.post("/{entry_id}/actions/{action}", response=answers(PrestigeOut, 400, 403, 404, 409),
             summary="Take a step (select, propose, recognize, remove)",
             openapi_extra=example_body({"on": "2026-11-20", "version": 2, "decision_number": "125/QĐ-UBND"}))
def take_step(request, entry_id: Id, action: ActionEnum, body: StepIn):
    """Replacing a person needs the successor's nomination: use the page."""
    entry = entry_or_404(request.user, entry_id)
    if action.value == "replace":
        raise ValidationError({"action": "Thay thế người có uy tín cần hồ sơ người kế nhiệm: dùng trang web."})
    result = actions.perform(entry, action.value, actor=request.user, on=body.on, decision_number=body.decision_number,
                             reason=body.reason.value if body.reason else "", decision=body.decision, note=body.note,
                             expected_version=body.version)
    result = entry_or_404(request.user, result.pk)
    return _out(result, request.user, actions.allowed_actions(request.user, result))



dignitary_router = Router(tags=["Religious registry"])
DignitaryKindEnum = choices_enum("DignitaryKind", Dignitary.Kind)


class DignitaryOut(Schema):
    id: int
    person_id: int
    full_name: str
    kind: DignitaryKindEnum
    title: str
    religion: str
    religious_organization: str
    place: str
    area: str
    area_id: int
    since: datetime.date
    until: datetime.date | None
    end_note: str
    version: int


class DignitaryFilters(Schema):
    q: SearchText | None = None
    religion: Id | None = None
    kind: DignitaryKindEnum | None = None
    area: Id | None = None
    on: datetime.date | None = None
    current: bool | None = None


@dignitary_router.get("", response=answers(list[DignitaryOut]), summary="Dignitaries in the user's scope (masked)")
@paginate(Pagination)
def list_dignitaries(request, filters: Query[DignitaryFilters]):
    """The same filter as the registry page and its export (``DignitaryFilterForm``, one list
    definition); the religion is masked (•••) for roles that do not need it; each row returned is
    logged as read."""
    return DIGNITARIES.api(request)


@dignitary_router.get("/{dignitary_id}", response=answers(DignitaryOut, 404),
                      summary="One rank or post of a dignitary (404 outside the scope)")
def get_dignitary(request, dignitary_id: Id):
    d = dignitary_or_404(request.user, dignitary_id)
    record_read(actor=request.user, objects=[d], where="API")
    return present_dignitary(d, request.user)


support_router = Router(tags=["Visits and gifts"])
SupportKindEnum = choices_enum("SupportKind", SupportKind)
BeneficiaryKindEnum = choices_enum("BeneficiaryKind", BeneficiaryKind)


class SupportEventOut(Schema):
    id: int
    organization: Ref
    beneficiary_kind: BeneficiaryKindEnum
    beneficiary_name: str
    area_id: int
    date: datetime.date
    occasion: str
    kind: SupportKindEnum
    hospital_level: str
    cash: int
    in_kind: int
    policy_id: int | None
    campaign_id: int | None
    is_exception: bool
    exception_reason: str

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "name": obj.organization.name}


class SupportFilters(Schema):
    q: SearchText | None = None
    kind: SupportKindEnum | None = None
    beneficiary_kind: BeneficiaryKindEnum | None = None
    area: Id | None = None
    year: Year | None = None
    campaign: Id | None = None
    exception: bool | None = None


@support_router.get("", response=answers(list[SupportEventOut]), summary="Visits and gifts in the user's scope")
@paginate(Pagination)
def list_support_events(request, filters: Query[SupportFilters]):
    """The same filter as the page and the export (``SupportFilterForm``, one list definition)."""
    return SUPPORT_EVENTS.api(request)


@support_router.get("/{event_id}", response=answers(SupportEventOut, 404),
                    summary="One visit or gift (404 outside the scope)")
def get_support_event(request, event_id: Id):
    return event_or_404(request.user, event_id)


hot_spot_router = Router(tags=["Hot spots"])
HotSpotStateEnum = choices_enum("HotSpotState", HotSpotState)
RiskEnum = choices_enum("HotSpotRisk", Risk)


class _HotSpotFields(Schema):
    id: int
    title: str
    field: str
    organization: Ref
    area_id: int
    village: str
    people_involved: int
    risk: RiskEnum
    state: HotSpotStateEnum
    review_date: datetime.date
    overdue: bool


class HotSpotOut(_HotSpotFields):

    @staticmethod
    def resolve_field(obj):
        return obj.field.name

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "name": obj.organization.name}

    @staticmethod
    def resolve_overdue(obj):
        from django.utils import timezone
        return obj.review_date < timezone.localdate() and obj.state != HotSpotState.CLOSED


class HotSpotFilters(Schema):
    q: SearchText | None = None
    field: Id | None = None
    state: HotSpotStateEnum | None = None
    risk: RiskEnum | None = None
    area: Id | None = None
    overdue: bool | None = None


class HotSpotDetailOut(_HotSpotFields):
    petition_ids: list[int] = []
    task_ids: list[int] = []
    meeting_ids: list[int] = []
    version: int
    allowed_actions: list[str] = []


def _hot_spot_out(spot, user) -> dict:
    from danvan.orgs.scope import restrict

    return {**{f: getattr(spot, f) for f in ("id", "title", "village", "people_involved", "risk", "state",
                                              "review_date", "area_id", "version")},
            "field": spot.field.name, "organization": {"id": spot.organization_id, "name": spot.organization.name},
            "overdue": HotSpotOut.resolve_overdue(spot),
            "petition_ids": list(restrict(spot.petitions.all(), user).values_list("id", flat=True)),
            "task_ids": list(restrict(spot.tasks.all(), user).values_list("id", flat=True)),
            "meeting_ids": list(restrict(spot.meetings.all(), user).values_list("id", flat=True)),
            "allowed_actions": sorted(actions.hot_spot_allowed_actions(user, spot))}


@hot_spot_router.get("", response=answers(list[HotSpotOut]), summary="Hot spots in the user's scope")
@paginate(Pagination)
def list_hot_spots(request, filters: Query[HotSpotFilters]):
    """The same filter as the page and the map (``HotSpotFilterForm``, one list definition)."""
    return HOT_SPOTS.api(request)


@hot_spot_router.get("/{hot_spot_id}", response=answers(HotSpotDetailOut, 404),
                     summary="One hot spot with its links and the steps allowed (404 outside the scope)")
def get_hot_spot(request, hot_spot_id: Id):
    return _hot_spot_out(hot_spot_or_404(request.user, hot_spot_id), request.user)


HotSpotActionEnum = enum.StrEnum("HotSpotAction", {a.upper(): a for a in actions.HOT_SPOT_ACTIONS})


class HotSpotStepIn(Schema):
    on: datetime.date
    text: text(4000)
    version: int | None = None
    review_date: datetime.date | None = None


@hot_spot_router.post("/{hot_spot_id}/actions/{action}", response=answers(HotSpotDetailOut, 400, 403, 404, 409),
                      summary="Take a step on a hot spot (watch, handle, stabilize, close, reopen) with its update",
                      openapi_extra=example_body({"on": "2026-11-20", "text": "Đã đối thoại với các hộ",
                                                  "version": 1}))
def hot_spot_step(request, hot_spot_id: Id, action: HotSpotActionEnum, body: HotSpotStepIn):
    """The same dispatcher as the page's buttons (``actions.perform_hot_spot``)."""
    spot = hot_spot_or_404(request.user, hot_spot_id)
    actions.perform_hot_spot(spot, action.value, actor=request.user, on=body.on, text=body.text,
                             expected_version=body.version, review_date=body.review_date)
    return _hot_spot_out(hot_spot_or_404(request.user, hot_spot_id), request.user)


opinion_router = Router(tags=["Public opinion"])
SocialGroupEnum = choices_enum("SocialGroup", SocialGroup)
StanceEnum = choices_enum("OpinionStance", OpinionReport.Stance)


class OpinionReportOut(Schema):
    id: int
    organization: str
    area_id: int
    date: datetime.date
    topic: str
    social_groups: str
    statement: str
    stance: str
    strength: int
    spread: int
    source: str
    recommendation: str
    urgent: bool
    acknowledged: bool
    social_group: str = ""
    collaborator: str = ""
    topic_id: int | None = None


class OpinionFilters(Schema):
    topic: Id | None = None
    social_group: SocialGroupEnum | None = None
    stance: StanceEnum | None = None
    area: Id | None = None
    month: text(7) | None = None
    urgent: bool | None = None
    waiting: bool | None = None


@opinion_router.get("", response=answers(list[OpinionReportOut]),
                    summary="Opinion reports in the user's scope (statements masked for roles without the grant)")
@paginate(Pagination)
def list_opinion_reports(request, filters: Query[OpinionFilters]):
    """The same filter as the page and the export (``OpinionFilterForm``; ``month`` as yyyy-mm); each report
    returned is logged as read."""
    return OPINION_REPORTS.api(request)


@opinion_router.get("/{report_id}", response=answers(OpinionReportOut, 404),
                    summary="One opinion report (404 outside the scope)")
def get_opinion_report(request, report_id: Id):
    report = report_or_404(request.user, report_id)
    record_read(actor=request.user, objects=[report], where="API")
    return present_opinion(report, request.user)


collaborator_router = Router(tags=["Public opinion"])
LevelEnum = choices_enum("CollaboratorLevel", CollaboratorLevel)


class CollaboratorOut(Schema):
    id: int
    code: str
    full_name: str
    identity_shown: bool
    gender: str
    birth_year: int | None
    occupation: str
    phone: str
    organization: str
    organization_id: int
    level: LevelEnum
    social_group: SocialGroupEnum
    area: str
    area_id: int
    decision_number: str
    decision_date: datetime.date | None
    term_from: datetime.date
    term_to: datetime.date | None
    confidential: bool
    version: int


class CollaboratorFilters(Schema):
    q: text(40) | None = None
    social_group: SocialGroupEnum | None = None
    level: LevelEnum | None = None
    area: Id | None = None
    confidential: bool | None = None
    current: bool | None = None


@collaborator_router.get("", response=answers(list[CollaboratorOut]),
                         summary="Opinion collaborators in the user's scope (a confidential one: its code only)")
@paginate(Pagination)
def list_collaborators(request, filters: Query[CollaboratorFilters]):
    """The same filter as the page and the export (``CollaboratorFilterForm``); a confidential
    collaborator's identity is shown only to the leaders of the managing organization; each row returned
    is logged as read."""
    return COLLABORATORS.api(request)


@collaborator_router.get("/{collaborator_id}", response=answers(CollaboratorOut, 404),
                         summary="One opinion collaborator (404 outside the scope)")
def get_collaborator(request, collaborator_id: Id):
    c = collaborator_or_404(request.user, collaborator_id)
    record_identity_read(actor=request.user, collaborators=[c], where="API")
    return present_collaborator(c, request.user)
