"""Follow-up task pages: the list, the organizer's overview, a task with its updates."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.views.helpers import audit_context
from danvan.meetings.domain.actions import next_step as task_next_step
from danvan.meetings.domain.actions import perform
from danvan.meetings.interfaces.forms import TaskUpdateForm
from danvan.meetings.interfaces.lists import TASKS
from danvan.meetings.models import TaskAssignment
from danvan.meetings.queries import task_or_404, task_overview, visible_meetings, visible_tasks
from danvan.orgs.scope import active_memberships

CRUMB = (gettext_lazy("Follow-up tasks"), "/hoi-nghi/nhiem-vu/")


def with_assignees(qs):
    return qs.select_related("meeting").prefetch_related(
        Prefetch("assignments", queryset=TaskAssignment.objects.select_related("organization")))


@login_required
def task_list(request):
    return TASKS.page(request, "meetings/tasks/list.html", {
        "nav_active": "tasks", "breadcrumbs": [(_("Follow-up tasks"), None)]})


@login_required
@require_POST
def task_export(request):
    return TASKS.export(request)


@login_required
def task_overview_page(request):
    by_area = request.GET.get("theo") == "dia-ban"
    return render(request, "meetings/tasks/overview.html", {
        "overview": task_overview(request.user, by_area=by_area), "by_area": by_area, "nav_active": "tasks",
        "breadcrumbs": [CRUMB, (_("Overview by meeting and area"), None)],
    })


def _reporting_for(user, task, assignments) -> list:
    """The assignees ``user`` reports for: its own organizations among them; for the organizer's staff
    (or a superuser), every assignee."""
    mine = {m.organization_id for m in active_memberships(user)}
    own = [a.organization for a in assignments if a.organization_id in mine]
    return own or [a.organization for a in assignments]


def _may_update(user, task) -> bool:
    return visible_tasks(user, "change").filter(pk=task.pk).exists()


@login_required
def task_detail(request, pk: int):
    task = task_or_404(request.user, pk)
    # An assignee sees its task and the conclusion it comes from, not the organizer's other records.
    sees_meeting = visible_meetings(request.user).filter(pk=task.meeting_id).exists()
    assignments = list(task.assignments.select_related("organization").order_by("organization__name_sort"))
    choices = _reporting_for(request.user, task, assignments)
    own = next((a for a in assignments if len(choices) == 1 and a.organization_id == choices[0].pk), None)
    form = TaskUpdateForm(choices=choices, initial={"status": (own or task).status, "progress": (own or task).progress,
                                                    "version": task.version})
    return render(request, "meetings/tasks/detail.html", {
        "task": task, "sees_meeting": sees_meeting, "form": form, "can_update": _may_update(request.user, task),
        "next_step": task_next_step(task),
        "assignments": assignments,
        "updates": task.updates.select_related("author", "organization"),
        "nav_active": "tasks", "breadcrumbs": [CRUMB, (task.title, None)], **audit_context(task),
    })


@login_required
@require_POST
def task_update(request, pk: int):
    task = task_or_404(request.user, pk, "change")
    assignments = list(task.assignments.select_related("organization").order_by("organization__name_sort"))
    form = TaskUpdateForm(request.POST, request.FILES, choices=_reporting_for(request.user, task, assignments))
    if form.is_valid():
        d = form.cleaned_data
        org = d.get("organization") or getattr(form, "only", None)
        try:
            perform("report_progress", actor=request.user, task=task, status=d["status"], progress=d["progress"], note=d["note"],
                            on=d["on"], organization=org, evidence=d.get("evidence"),
                            expected_version=d.get("version"))
        except REFUSALS as exc:
            form.add_error(None, exc if isinstance(exc, ValidationError) else message_of(exc))
        else:
            messages.success(request, _("Progress recorded."))
            return redirect("task_detail", pk=task.pk)
    return render(request, "meetings/tasks/detail.html", {
        "task": task, "form": form, "can_update": True,
        "sees_meeting": visible_meetings(request.user).filter(pk=task.meeting_id).exists(),
        "assignments": assignments,
        "updates": task.updates.select_related("author", "organization"),
        "nav_active": "tasks", "breadcrumbs": [CRUMB, (task.title, None)], **audit_context(task),
    }, status=422)
