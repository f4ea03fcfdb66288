"""REST API of the voice module: /api/v1/receptions (and, as they are built, dialogues, commitments,
petitions). Lists validate their filters with the page's filter form; identities are masked as on the
pages and every read of them is logged by the same domain function."""

import datetime
import enum

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.common import Id, Pagination, Ref, SearchText, answers, choices_enum, example_body, text
from danvan.orgs.scope import get_in_scope
from danvan.voice import clocks
from danvan.voice.domain import actions
from danvan.voice.domain.actions import ACTIONS
from danvan.voice.domain.dialogues import opinions_for_reader
from danvan.voice.domain.petitions import for_reader
from danvan.voice.domain.receptions import cases_for_reader
from danvan.voice.interfaces.lists import COMMITMENTS, DIALOGUES, PETITIONS, RECEPTIONS
from danvan.voice.models import (
    CaseKind,
    Channel,
    Complexity,
    Dialogue,
    DialogueRule,
    Field,
    Outcome,
    Petition,
    PetitionState,
    ReceptionSession,
    Rule,
    SessionKind,
)
from danvan.voice.queries.dialogues import (
    COMMITMENT_STATES,
    commitment_state,
)

reception_router = Router(tags=["Receptions"])
RuleEnum = choices_enum("ReceptionRule", Rule)
SessionKindEnum = choices_enum("ReceptionKind", SessionKind)
CaseKindEnum = choices_enum("CaseKind", CaseKind)
FieldEnum = choices_enum("VoiceField", Field)


class ReceptionOut(Schema):
    id: int
    held_on: datetime.date
    organization: Ref
    receiver: Ref
    position: str
    position_text: str
    rule: RuleEnum
    kind: SessionKindEnum
    place: str
    cases_count: int

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "name": obj.organization.name}

    @staticmethod
    def resolve_receiver(obj):
        return {"id": obj.receiver.id, "name": obj.receiver.full_name}

    @staticmethod
    def resolve_cases_count(obj):
        return getattr(obj, "n_cases", 0)


class CaseOut(Schema):
    id: int
    citizen_name: str
    people: int
    is_group: bool
    kind: CaseKindEnum
    field: FieldEnum
    subject: str
    outcome: str


class ReceptionDetailOut(ReceptionOut):
    note: str
    names_shown: bool
    cases: list[CaseOut]

    @staticmethod
    def resolve_cases(obj):
        return obj.shown_cases


class ReceptionFilters(Schema):
    """The filters of the HTML list (validated by the same ``ReceptionFilterForm``)."""

    q: SearchText | None = None
    area: Id | None = None
    organization: Id | None = None
    kind: SessionKindEnum | None = None
    rule: RuleEnum | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


@reception_router.get("", response=answers(list[ReceptionOut]), summary="Receptions in the user's scope")
@paginate(Pagination)
def list_receptions(request, filters: Query[ReceptionFilters]):
    return RECEPTIONS.api(request)


@reception_router.get("/{reception_id}", response=answers(ReceptionDetailOut, 404),
                      summary="One reception with its cases (citizens masked unless the user follows them up)")
def get_reception(request, reception_id: Id):
    session = get_in_scope(ReceptionSession.objects.select_related("organization", "receiver"), request.user,
                           pk=reception_id)
    session.shown_cases, session.names_shown = cases_for_reader(actor=request.user, session=session)
    session.n_cases = len(session.shown_cases)
    return session


dialogue_router = Router(tags=["Dialogues"])
commitment_router = Router(tags=["Commitments"])
DialogueRuleEnum = choices_enum("DialogueRule", DialogueRule)
OutcomeEnum = choices_enum("OpinionOutcome", Outcome)
CommitmentStateEnum = enum.StrEnum("CommitmentState", {s.upper(): s for s in COMMITMENT_STATES})


class DialogueOut(Schema):
    id: int
    meeting_id: int
    title: str
    organization: Ref
    rule: DialogueRuleEnum
    held_on: datetime.date
    notice_published_on: datetime.date | None
    notice_late: bool
    notice_late_reason: str
    result_notice_on: datetime.date | None
    result_due: datetime.date
    opinions_count: int

    @staticmethod
    def resolve_title(obj):
        return obj.meeting.title

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "name": obj.organization.name}

    @staticmethod
    def resolve_opinions_count(obj):
        return getattr(obj, "n_opinions", 0)


class OpinionOut(Schema):
    id: int
    text: str
    field: FieldEnum
    citizen_name: str
    addressed_to: Ref | None
    outcome: OutcomeEnum
    answer: str
    leader: Ref | None
    due_date: datetime.date | None
    task_id: int | None
    supervision_note: str

    @staticmethod
    def resolve_addressed_to(obj):
        return {"id": obj.addressed_to.id, "name": obj.addressed_to.name} if obj.addressed_to_id else None

    @staticmethod
    def resolve_leader(obj):
        return {"id": obj.leader.id, "name": obj.leader.full_name} if obj.leader_id else None


class DialogueDetailOut(DialogueOut):
    front_opinions: str
    result_posted_on: datetime.date | None
    result_sent_on: datetime.date | None
    names_shown: bool
    opinions: list[OpinionOut]

    @staticmethod
    def resolve_opinions(obj):
        return obj.shown_opinions


class DialogueFilters(Schema):
    """The filters of the HTML list (validated by the same ``DialogueFilterForm``)."""

    q: SearchText | None = None
    area: Id | None = None
    organization: Id | None = None
    rule: DialogueRuleEnum | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


@dialogue_router.get("", response=answers(list[DialogueOut]), summary="Dialogues in the user's scope")
@paginate(Pagination)
def list_dialogues(request, filters: Query[DialogueFilters]):
    return DIALOGUES.api(request)


@dialogue_router.get("/{dialogue_id}", response=answers(DialogueDetailOut, 404),
                     summary="One dialogue with its opinions and outcomes (citizens masked outside the organizer)")
def get_dialogue(request, dialogue_id: Id):
    dialogue = get_in_scope(Dialogue.objects.select_related("meeting", "organization"), request.user, pk=dialogue_id)
    dialogue.shown_opinions, dialogue.names_shown = opinions_for_reader(actor=request.user, dialogue=dialogue)
    dialogue.n_opinions = len(dialogue.shown_opinions)
    return dialogue


class CommitmentOut(Schema):
    id: int
    text: str
    dialogue_id: int | None
    organization: Ref
    leader: Ref | None
    due_date: datetime.date | None
    task_id: int
    state: CommitmentStateEnum
    supervision_note: str

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization_id, "name": obj.organization.name}

    @staticmethod
    def resolve_leader(obj):
        return {"id": obj.leader.id, "name": obj.leader.full_name} if obj.leader_id else None

    @staticmethod
    def resolve_state(obj):
        return commitment_state(obj)


class CommitmentFilters(Schema):
    """The filters of the ledger page (validated by the same ``CommitmentFilterForm``)."""

    state: CommitmentStateEnum | None = None
    overdue: bool | None = None
    leader: Id | None = None
    organization: Id | None = None
    area: Id | None = None


@commitment_router.get("", response=answers(list[CommitmentOut]),
                       summary="Commitments (promises) in the user's scope, with their derived state")
@paginate(Pagination)
def list_commitments(request, filters: Query[CommitmentFilters]):
    return COMMITMENTS.api(request)


petition_router = Router(tags=["Petitions"])
PetitionStateEnum = choices_enum("PetitionState", PetitionState)
PetitionStateFilter = enum.StrEnum("PetitionStateFilter", {"RESOLVED": "resolved"} | {
    m.name: m.value for m in PetitionState})
ChannelEnum = choices_enum("PetitionChannel", Channel)
ComplexityEnum = choices_enum("PetitionComplexity", Complexity)
PetitionAction = enum.StrEnum("PetitionAction", {a.upper(): a for a in ACTIONS})


class PetitionOut(Schema):
    id: int
    code: str
    organization: Ref
    received_on: datetime.date
    channel: ChannelEnum
    kind: CaseKindEnum
    subject: str
    field: FieldEnum
    sender_name: str
    anonymous: bool
    signatories: int
    instance: int
    remote: bool
    complexity: ComplexityEnum
    state: PetitionStateEnum
    accepted_on: datetime.date | None
    resolved_on: datetime.date | None
    extensions: int
    due: datetime.date | None
    days_left: int | None
    overdue: bool
    version: int

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "name": obj.organization.name}

    @staticmethod
    def resolve_due(obj):
        return obj.due[1] if obj.due else None

    @staticmethod
    def resolve_overdue(obj):
        return obj.days_left is not None and obj.days_left < 0


class StepOut(Schema):
    action: str
    on: datetime.date
    from_state: str
    to_state: str
    number: str
    note: str


class PetitionDetailOut(PetitionOut):
    sender_address: str
    area: Ref
    steps: list[StepOut]
    allowed_actions: list[str]

    @staticmethod
    def resolve_area(obj):
        return {"id": obj.area.id, "name": obj.area.full_name}

    @staticmethod
    def resolve_steps(obj):
        return list(obj.steps.all())


class PetitionFilters(Schema):
    """The filters of the register page (validated by the same ``PetitionFilterForm``)."""

    q: SearchText | None = None
    kind: CaseKindEnum | None = None
    state: PetitionStateFilter | None = None
    overdue: bool | None = None
    area: Id | None = None
    organization: Id | None = None
    handler: Id | None = None
    received_from: datetime.date | None = None
    received_to: datetime.date | None = None


class StepIn(Schema):
    on: datetime.date | None = None
    number: text(60) = ""
    note: text(2000) = ""
    version: int | None = None


def _with_clocks(petitions):
    table = clocks.clocks()
    for p in petitions:
        p.due = clocks.deadline(p, table)
        p.days_left = clocks.days_left(p, table=table)
    return petitions


@petition_router.get("", response=answers(list[PetitionOut]),
                     summary="Petitions in the user's scope, with days left and overdue (senders masked by law)")
@paginate(Pagination)
def list_petitions(request, filters: Query[PetitionFilters]):
    return PETITIONS.api(request)


def _petition(request, petition_id):
    return get_in_scope(Petition.objects.select_related("organization", "area"), request.user, pk=petition_id)


def _detail(request, petition):
    petition = _with_clocks(for_reader(actor=request.user, petitions=[petition]))[0]
    petition.allowed_actions = actions.allowed_actions(request.user, petition)
    return petition


@petition_router.get("/{petition_id}", response=answers(PetitionDetailOut, 404),
                     summary="One petition with its steps and clock (404 outside the scope)")
def get_petition(request, petition_id: Id):
    return _detail(request, _petition(request, petition_id))


@petition_router.post("/{petition_id}/{action}", response=answers(PetitionDetailOut, 400, 403, 404, 409),
                      summary="Record one step of the petition (the page's dispatcher)",
                      openapi_extra=example_body({"on": "2026-01-09", "number": "01/QĐ-TL", "note": "", "version": 1}))
def petition_step(request, petition_id: Id, action: PetitionAction, payload: StepIn):
    petition = _petition(request, petition_id)
    actions.perform(petition, action.value, actor=request.user, on=payload.on, number=payload.number,
                    note=payload.note, expected_version=payload.version)
    return _detail(request, _petition(request, petition_id))
