"""REST API: /api/v1/prestige-people, in the user's scope and masked like the pages (every read logged
through ``privacy.record_read``); the steps go through the one dispatcher."""

import datetime
import enum

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.common import Id, Pagination, SearchText, Year, answers, choices_enum, example_body, text
from danvan.community.domain import actions
from danvan.community.domain.privacy import record_read
from danvan.community.interfaces.filters import PrestigeFilterForm
from danvan.community.interfaces.present import present
from danvan.community.models import CommunityRole, EndReason, EntryStatus
from danvan.community.queries.prestige import entry_or_404, filter_entries

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


def _out(entry, user, allowed=None) -> dict:
    row = present(entry, user)
    row.update(role=row["role_code"], status=row["status_code"], allowed_actions=sorted(allowed or []))
    return row


@router.get("", response=answers(list[PrestigeOut]), summary="People of prestige in the user's scope (masked)")
@paginate(Pagination)
def list_people(request, filters: Query[PrestigeFilters]):
    """The same filter as the page and the export (``PrestigeFilterForm``); ethnicity and religion are
    masked (•••) for roles that do not need them; each person returned is logged as read."""
    form = PrestigeFilterForm({k: (v.value if hasattr(v, "value") else v) for k, v in filters.dict().items()
                               if v is not None}, user=request.user)
    if not form.is_valid():
        raise ValidationError({e["field"]: e["message"] for e in form.error_list()})
    return _LoggedRows(filter_entries(request.user, **form.filters()), request.user)


class _LoggedRows:
    """A lazily sliced queryset that presents (masked) and logs only the page actually returned."""

    def __init__(self, qs, user):
        self.qs, self.user = qs, user

    def count(self):
        return self.qs.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        entries = list(self.qs[item])
        record_read(actor=self.user, objects=entries, where="API")
        return [_out(e, self.user) for e in entries]


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

