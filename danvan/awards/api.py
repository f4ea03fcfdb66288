"""REST API: /api/v1/nominations, in the user's scope."""

import datetime

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.common import Id, Pagination, Ref, SearchText, Year, answers, choices_enum
from danvan.awards.domain.nominations import record_view
from danvan.awards.interfaces.lists import NOMINATIONS
from danvan.awards.models import NominationStatus
from danvan.awards.queries import nomination_or_404

router = Router(tags=["Awards"])

NominationStatusEnum = choices_enum("NominationStatus", NominationStatus)


class NominationOut(Schema):
    id: int
    award_kind: Ref
    year: int
    nominee_type: str
    nominee_name: str
    nominee_position: str
    organization: Ref
    status: NominationStatusEnum
    decision_number: str
    decision_date: datetime.date | None
    meeting_id: int | None

    @staticmethod
    def resolve_award_kind(obj):
        return {"id": obj.award_kind.id, "code": obj.award_kind.code, "name": obj.award_kind.name}

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "name": obj.organization.name}


class NominationFilters(Schema):
    """The filters of the nomination list page (validated by the same ``NominationFilterForm``)."""

    q: SearchText | None = None
    award_kind: Id | None = None
    status: NominationStatusEnum | None = None
    year: Year | None = None
    area: Id | None = None


@router.get("", response=answers(list[NominationOut]), summary="Nominations in the user's scope")
@paginate(Pagination)
def list_nominations(request, filters: Query[NominationFilters]):
    return NOMINATIONS.api(request)


@router.get("/{nomination_id}", response=answers(NominationOut, 404), summary="One nomination (404 outside the scope)")
def get_nomination(request, nomination_id: Id):
    nomination = nomination_or_404(request.user, nomination_id)
    record_view(actor=request.user, nomination=nomination)
    return nomination
