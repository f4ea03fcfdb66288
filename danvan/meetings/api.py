"""REST API: /api/v1/meetings and /api/v1/tasks, in the user's scope, lists as {"count", "items"}."""

import datetime
import enum

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.common import Id, Pagination, Ref, SearchText, answers, choices_enum, example_body, text
from danvan.meetings.domain.actions import perform
from danvan.meetings.domain.bridge import totals
from danvan.meetings.domain.people import record_meeting_people_view
from danvan.meetings.interfaces.lists import MEETINGS, TASKS, task_rows
from danvan.meetings.models import MeetingKind, TaskStatus
from danvan.meetings.queries import filter_tasks, meeting_or_404, task_or_404
from danvan.orgs.models import Organization

router = Router(tags=["Meetings"])
task_router = Router(tags=["Follow-up tasks"])
POINTS_IN_DETAIL = 500
MeetingKindEnum = choices_enum("MeetingKind", MeetingKind)
TaskStatusEnum = choices_enum("TaskStatus", TaskStatus)
# The list's status filter: a stored status, or "overdue" (derived), as on the page.
TaskStatusFilter = enum.StrEnum("TaskStatusFilter", {**{m.name: m.value for m in TaskStatus}, "OVERDUE": "overdue"})


class MeetingOut(Schema):
    id: int
    kind: MeetingKindEnum
    title: str
    organization: Ref
    period_label: str
    period_start: datetime.date | None
    period_end: datetime.date | None
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    venue: str
    mode: str
    bridge_points_count: int

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "name": obj.organization.name}

    @staticmethod
    def resolve_bridge_points_count(obj):
        return getattr(obj, "n_points", 0)


class BridgePointOut(Schema):
    id: int
    name: str
    area_id: int | None
    organization_id: int | None
    host_name: str
    expected: int
    present: int | None


class AttendanceIn(Schema):
    """The page's inline attendance form: ``expected`` is the organizer's (ignored for the point's own
    unit); ``version`` the point's version read (a stale one is refused with 409)."""

    present: int | None = None
    expected: int | None = None
    host_name: text(200) | None = None
    version: int | None = None


class PersonRoleOut(Schema):
    person_id: int
    full_name: str
    role: str
    position: str
    organization: str


class ConclusionOut(Schema):
    number: int
    text: str


class PeriodRef(Schema):
    id: int
    label: str


class MeetingDetailOut(MeetingOut):
    period: PeriodRef | None
    agenda: str
    summary: str
    totals: dict
    bridge_points: list[BridgePointOut]
    people: dict[str, list[PersonRoleOut]]
    conclusions: list[ConclusionOut]

    @staticmethod
    def resolve_period(obj):
        return {"id": obj.period.id, "label": obj.period.label} if obj.period_id else None

    @staticmethod
    def resolve_bridge_points(obj):
        return obj.points_shown

    @staticmethod
    def resolve_people(obj):
        return obj.people_by_role

    @staticmethod
    def resolve_conclusions(obj):
        return list(obj.conclusions.all())


class MeetingFilters(Schema):
    """The filters of the meeting list page (validated by the same ``MeetingFilterForm``)."""

    kind: MeetingKindEnum | None = None
    area: Id | None = None
    period: Id | None = None
    period_label: text(100) | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    q: SearchText | None = None


@router.get("", response=answers(list[MeetingOut]), summary="Meetings in the user's scope")
@paginate(Pagination)
def list_meetings(request, filters: Query[MeetingFilters]):
    """``period``: id of a reporting period linked to the meeting (an unknown id is refused with 422);
    ``period_label``: words of the period label, diacritics ignored."""
    return MEETINGS.api(request)


@router.get("/{meeting_id}", response=answers(MeetingDetailOut, 404), summary="One meeting (404 outside the scope)")
def get_meeting(request, meeting_id: Id):
    """The meeting with its first 500 bridge points (``totals`` counts them all), people by role
    and conclusions."""
    meeting = meeting_or_404(request.user, meeting_id)
    meeting.totals = totals(meeting)
    meeting.n_points = meeting.totals["points"]
    meeting.points_shown = list(meeting.bridge_points.all()[:POINTS_IN_DETAIL])
    people: dict[str, list] = {}
    for r in meeting.roles.select_related("person"):
        people.setdefault(r.role, []).append({"person_id": r.person_id, "full_name": r.person.full_name,
                                              "role": r.role, "position": r.position_text,
                                              "organization": r.organization_name})
    meeting.people_by_role = people
    record_meeting_people_view(actor=request.user, meeting=meeting, shown=sum(len(v) for v in people.values()))
    return meeting


class TaskAssignmentOut(Schema):
    """One assigned organization's own status, progress and last update (the task page's table row)."""

    organization: Ref
    status: TaskStatusEnum
    progress: int = Field(description="This organization's progress, 0–100 (%).")
    updated_on: datetime.date | None = Field(description="The date of this organization's last update.")
    completed_on: datetime.date | None

    @staticmethod
    def resolve_organization(obj):
        return {"id": obj.organization.id, "name": obj.organization.name}


class TaskOut(Schema):
    id: int
    title: str
    meeting: Ref
    conclusion_number: int
    assignees: list[Ref] = Field(description="The assigned organizations (their figures: ``assignments``).")
    assignments: list[TaskAssignmentOut] = Field(
        description="Each assigned organization with its own status, progress and last update, in the task "
                    "page's order (by name).")
    due_date: datetime.date
    status: TaskStatusEnum = Field(description="Derived from the assignments: done when every assignee is done, "
                                               "in progress once one has started.")
    overdue: bool
    progress: int = Field(description="The task's figure on its page: the mean of the assignments' progress "
                                      "(rounded; 100 only when every assignee is done).")
    completed_on: datetime.date | None

    @staticmethod
    def resolve_meeting(obj):
        return {"id": obj.meeting.id, "name": obj.meeting.title}

    @staticmethod
    def resolve_conclusion_number(obj):
        return obj.conclusion.number

    @staticmethod
    def resolve_assignees(obj):
        return [{"id": a.organization.id, "name": a.organization.name} for a in obj.assignments.all()]

    @staticmethod
    def resolve_assignments(obj):
        return list(obj.assignments.all())


class ProgressIn(Schema):
    """The task page's progress form (without the evidence file): ``organization`` is the assignee the
    update is about (may be omitted when the user reports for one); ``version`` the task's version read."""

    on: datetime.date
    status: TaskStatusEnum
    progress: int
    note: text(2000)
    organization: Id | None = None
    version: int | None = None


class TaskFilters(Schema):
    """The filters of the task list page (validated by the same ``TaskFilterForm``)."""

    q: SearchText | None = None
    status: TaskStatusFilter | None = None
    overdue: bool | None = None
    assignee: Id | None = None
    meeting: Id | None = None


@router.put("/{meeting_id}/bridge-points/{point_id}/attendance", response=answers(BridgePointOut, 400, 403, 404, 409),
           summary="Record the delegates present at one bridge point (the page's dispatcher)",
           openapi_extra=example_body({"present": 27, "expected": 30, "host_name": "", "version": 1}))
def set_point_attendance(request, meeting_id: Id, point_id: Id, payload: AttendanceIn):
    """As the meeting page's inline form: the organizer, or the point's own unit (who reports only the
    present count and the host). 403 for a user who sees the meeting but may not report this point, 409
    when the point was saved by someone else since ``version``, 422 naming the field for a bad count."""
    meeting = meeting_or_404(request.user, meeting_id)
    point = meeting.bridge_points.filter(pk=point_id).first()
    if point is None:
        raise Http404
    point.meeting = meeting
    return perform("set_attendance", actor=request.user, point=point, present=payload.present,
                   expected=payload.expected, host_name=payload.host_name, expected_version=payload.version)


@task_router.get("", response=answers(list[TaskOut]), summary="Follow-up tasks in the user's scope")
@paginate(Pagination)
def list_tasks(request, filters: Query[TaskFilters]):
    return TASKS.api(request)


@task_router.get("/{task_id}", response=answers(TaskOut, 404), summary="One task (404 outside the scope)")
def get_task(request, task_id: Id):
    task_or_404(request.user, task_id)
    return task_rows(filter_tasks(request.user)).get(pk=task_id)


@task_router.post("/{task_id}/progress", response=answers(TaskOut, 400, 403, 404, 409),
                  summary="Report progress on a task (the page's dispatcher)",
                  openapi_extra=example_body({"on": "2026-06-10", "status": "in_progress", "progress": 40,
                                              "note": "Đã họp dân", "organization": None, "version": 1}))
def report_task_progress(request, task_id: Id, payload: ProgressIn):
    """As the task page's form: 403 for a user who sees the task but may not report on it, 409 when the
    task was updated by someone else since ``version``, 422 naming the field (a refused step, a progress
    outside 0–100, a date in the future, an organization that is not an assignee)."""
    task = task_or_404(request.user, task_id)
    organization = None
    if payload.organization is not None:
        organization = Organization.objects.filter(pk=payload.organization).first()
        if organization is None:
            raise ValidationError({"organization": _("This organization is not in your scope.")})
    perform("report_progress", actor=request.user, task=task, status=payload.status.value,
            progress=payload.progress, note=payload.note, on=payload.on, organization=organization,
            expected_version=payload.version)
    return task_rows(filter_tasks(request.user)).get(pk=task_id)
