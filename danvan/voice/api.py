"""REST API of the voice module: /api/v1/receptions (and, as they are built, dialogues, commitments,
petitions). Lists validate their filters with the page's filter form; identities are masked as on the
pages and every read of them is logged by the same domain function."""

import datetime

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.common import Id, Pagination, Ref, SearchText, answers, choices_enum
from danvan.orgs.scope import get_in_scope
from danvan.voice.domain.receptions import cases_for_reader
from danvan.voice.interfaces.filters import ReceptionFilterForm
from danvan.voice.models import CaseKind, Field, ReceptionSession, Rule, SessionKind
from danvan.voice.queries.receptions import filter_sessions

reception_router = Router(tags=["Receptions"])
RuleEnum = choices_enum("ReceptionRule", Rule)
SessionKindEnum = choices_enum("ReceptionKind", SessionKind)
CaseKindEnum = choices_enum("CaseKind", CaseKind)
FieldEnum = choices_enum("VoiceField", Field)


def _validated(form):
    if not form.is_valid():
        raise ValidationError({f: [str(m) for m in ms] for f, ms in form.errors.items()})
    return form.filters()


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
    return filter_sessions(request.user, **_validated(ReceptionFilterForm(request.GET, user=request.user)))


@reception_router.get("/{reception_id}", response=answers(ReceptionDetailOut, 404),
                      summary="One reception with its cases (citizens masked unless the user follows them up)")
def get_reception(request, reception_id: Id):
    session = get_in_scope(ReceptionSession.objects.select_related("organization", "receiver"), request.user,
                           pk=reception_id)
    session.shown_cases, session.names_shown = cases_for_reader(actor=request.user, session=session)
    session.n_cases = len(session.shown_cases)
    return session
