"""Per-user querysets: every one starts from the scope (``danvan.orgs.scope``)."""

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from danvan.core.text import leading_name, search_filter, search_order, search_terms
from danvan.meetings.models import (
    BridgePoint,
    FollowUpTask,
    Meeting,
    Person,
    TaskAssignment,
    TaskStatus,
    overdue_q,
)
from danvan.orgs.models import Organization
from danvan.orgs.scope import active_memberships, get_in_scope, one_or_404, restrict
from danvan.places.models import Area, AreaReach


def bridge_point_q(user) -> Q:
    """Meetings where one of the user's own organizations is a bridge point (the point names it, or
    lies in its area: "every commune" points name the commune). Such a unit sees the meeting, downloads
    its invitation and reports its own attendance; it does not change the meeting."""
    if user.is_superuser:
        return Q()
    memberships = active_memberships(user)
    org_ids = [m.organization_id for m in memberships]
    area_ids = [m.organization.area_id for m in memberships]
    if not org_ids:
        return Q(pk__in=[])
    points = BridgePoint._base_manager.filter(Q(organization_id__in=org_ids) | Q(area_id__in=area_ids))
    return Q(pk__in=points.values("meeting_id"))


def visible_meetings(user, action: str = "view"):
    """Meetings whose organizer or a co-organizer is in the user's scope for ``action`` (the scoped
    manager's ``via``: organization, co_organizers); to view, also those where the user's unit is a
    bridge point (``bridge_point_q``)."""
    return restrict(Meeting.objects.all(), user, action, also=bridge_point_q(user) if action == "view" else None)


def meeting_or_404(user, pk, action: str = "view"):
    """The meeting through the scope (404 outside it); to view, a bridge point's unit sees it too."""
    return one_or_404(visible_meetings(user, action).select_related("organization__area"), pk=pk)


def my_bridge_points(user, meeting) -> list:
    """The bridge points of ``meeting`` whose attendance the user reports as their unit's (a "change"
    membership in the point's organization or in an organization of its area)."""
    memberships = [m for m in active_memberships(user) if "change" in m.actions]
    org_ids = [m.organization_id for m in memberships]
    area_ids = [m.organization.area_id for m in memberships]
    if not org_ids:
        return []
    return list(meeting.bridge_points.filter(Q(organization_id__in=org_ids) | Q(area_id__in=area_ids)))


def _area_ids(area):
    return AreaReach.objects.filter(ancestor=area).values("descendant_id")


def filter_meetings(user, *, kind=None, area=None, period=None, period_label=None, date_from=None, date_to=None,
                    q=None, upcoming=False, **_ignored):
    """The meetings ``user`` may see, filtered; ``area`` includes its subtree and the legacy units
    that became part of it; ``period`` is a ``reports.Period`` (or its id) linked to the meeting;
    ``period_label`` matches the period label without diacritics. Newest first; with ``q``, what the
    user meant first; ``upcoming``: the next ones first."""
    qs = visible_meetings(user)
    if kind:
        qs = qs.filter(kind=kind)
    if area:
        root = area if isinstance(area, Area) else Area.objects.filter(pk=area).first()
        qs = qs.filter(organization__area_id__in=_area_ids(root)) if root else qs.none()
    if period:
        qs = qs.filter(period_id=getattr(period, "pk", period))
    if period_label:
        qs = search_filter(qs, period_label, "title_folded")
    if date_from:
        qs = qs.filter(starts_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(starts_at__date__lte=date_to)
    if q:
        qs = search_filter(qs, q, "title_folded")
    if upcoming:
        return qs.filter(starts_at__gte=timezone.now()).order_by("starts_at", "id")
    # what the user meant first: the title itself, then the phrase in the title, venue or period label
    # (one folded key), accents as typed; then the newest (``core.text.search_order``)
    return qs.order_by(*leading_name(q or "", "title_folded", "title"),
                       *search_order(q or "", words=["title_folded"], accented=["title"]), "-starts_at", "-id")


def visible_tasks(user, action: str = "view"):
    """Tasks whose organizer is in scope, or that are assigned to an organization in scope.

    An assignee sees its tasks (and their conclusion), not the organizer's other records (the scoped
    manager's ``via``: organization, assignments__organization)."""
    return restrict(FollowUpTask.objects.all(), user, action)


def task_or_404(user, pk, action: str = "view"):
    """The task through ``get_in_scope`` (404 outside the scope)."""
    return get_in_scope(FollowUpTask.objects.select_related("conclusion", "meeting", "organization"), user, action,
                        pk=pk)


def filter_tasks(user, *, status=None, overdue=None, assignee=None, meeting=None, area=None, q=None, today=None,
                 **_ignored):
    """Tasks in scope, filtered. ``status`` may be "overdue" (derived); ``area`` is the assignee's area."""
    today = today or timezone.localdate()
    qs = visible_tasks(user)
    if status == "overdue":
        qs = qs.filter(overdue_q(today))
    elif status:
        qs = qs.filter(status=status)
    if overdue is True:
        qs = qs.filter(overdue_q(today))
    elif overdue is False:
        qs = qs.exclude(overdue_q(today))
    if assignee:
        qs = qs.filter(Exists(TaskAssignment.objects.filter(task_id=OuterRef("pk"), organization_id=getattr(
            assignee, "pk", assignee))))
    if meeting:
        qs = qs.filter(meeting_id=getattr(meeting, "pk", meeting))
    if area:
        qs = qs.filter(Exists(TaskAssignment.objects.filter(
            task_id=OuterRef("pk"), organization__area_id__in=_area_ids(area))))
    for word in search_terms(q or ""):
        qs = qs.filter(Q(meeting__title_folded__contains=f" {word}") | Q(title_folded__contains=f" {word}"))
    # what the user meant first: the task's title, then its meeting's; then the nearest due date
    return qs.order_by(*search_order(q or "", names=["title_folded"], words=["meeting__title_folded"],
                                     accented=["title", "meeting__title"]), "due_date", "id")


def _fold(rows, key) -> dict:
    """Rows grouped by (key, status) with n, od (past due) and lt (completed after due) -> figures per key."""
    result: dict = {}
    for row in rows:
        fig = result.setdefault(row[key], {"total": 0, "done": 0, "in_progress": 0, "not_started": 0,
                                           "overdue": 0, "late": 0})
        status = row["status"]
        fig["total"] += row["n"]
        fig[status] += row["n"]
        if status == TaskStatus.DONE:
            fig["late"] += row["lt"]
        else:
            fig["overdue"] += row["od"]
    return result


def task_overview(user, *, today=None, meeting_limit: int = 50, by_area: bool = True) -> dict:
    """For the organizer: per meeting and per assignee area, how many of the tasks it gave (its
    organization in the user's scope) are done, in progress, not started, overdue (open past the due
    date) and late (done after it). One grouped query over the tasks (and, with ``by_area``, one over
    the assignments), and small lookups for the names."""
    today = today or timezone.localdate()
    tasks = restrict(FollowUpTask.objects.all(), user, via="organization")
    per_meeting = _fold(tasks.values("meeting_id", "status").annotate(
        n=Count("id"), od=Count("id", filter=Q(due_date__lt=today)),
        lt=Count("id", filter=Q(completed_on__gt=F("due_date")))).order_by(), "meeting_id")
    overall = {k: sum(f[k] for f in per_meeting.values()) for k in
               ("total", "done", "in_progress", "not_started", "overdue", "late")}
    meetings = Meeting.objects.unscoped("the meetings of the tasks given in scope").filter(id__in=list(per_meeting)).order_by("-starts_at", "-id").values(
        "id", "title", "starts_at")[:meeting_limit]
    by_meeting = [{"meeting_id": m["id"], "meeting__title": m["title"], "meeting__starts_at": m["starts_at"],
                   **per_meeting[m["id"]]} for m in meetings]
    if not by_area:
        return {"overall": overall, "by_meeting": by_meeting, "by_area": None}
    # Grouped by the assigned organization (no join to organizations over every assignment); the few
    # organizations are then added up per area.
    assignments = restrict(TaskAssignment.objects.all(), user, via="task__organization")
    # each assignee counts with its own status (its own progress since issue 10 §5)
    per_org = _fold(assignments.values("organization_id", "status").annotate(
        n=Count("id"), od=Count("id", filter=Q(task__due_date__lt=today)),
        lt=Count("id", filter=Q(completed_on__gt=F("task__due_date")))).order_by(), "organization_id")
    per_area: dict = {}
    for org_id, area_id in Organization.objects.filter(id__in=list(per_org)).values_list("id", "area_id"):
        fig = per_area.setdefault(area_id, dict.fromkeys(per_org[org_id], 0))
        for key, value in per_org[org_id].items():
            fig[key] += value
    areas = Area.objects.filter(id__in=list(per_area)).order_by("name_sort", "id").values("id", "kind_name", "name")
    by_area = [{"organization__area_id": a["id"], "organization__area__kind_name": a["kind_name"],
                "organization__area__name": a["name"], **per_area[a["id"]]} for a in areas]
    return {"overall": overall, "by_meeting": by_meeting, "by_area": by_area}


def visible_people(user):
    """People holding (or having held) a position in an organization in the user's scope."""
    return restrict(Person.objects.all(), user)


def filter_people(user, *, q=None):
    """People in scope whose name has the words of ``q``: the name itself first, then the phrase in
    the name, accents as typed; then by given name (``core.text.search_order``)."""
    return search_filter(visible_people(user), q or "").order_by(
        *search_order(q or "", names=["name_folded"], accented=["full_name"]), "name_sort", "id")


def person_or_404(user, pk):
    """The person through ``get_in_scope`` (404 outside the scope)."""
    return get_in_scope(Person.objects.all(), user, pk=pk)
