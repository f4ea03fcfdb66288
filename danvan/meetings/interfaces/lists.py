"""The meetings module's lists (``danvan.core.lists``): one definition each drives the page, the API
list and the export of follow-up tasks (``TASKS``)."""

from django import forms
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import Column, ListDefinition, ListFilterForm, YesNoField, register
from danvan.meetings.models import TaskAssignment, TaskStatus
from danvan.meetings.queries import filter_tasks, visible_meetings
from danvan.orgs.models import Organization


class TaskFilterForm(ListFilterForm):
    """Tasks: the page, ``GET /api/v1/tasks`` and the export accept the same filters."""

    STATUSES = [("", _("All statuses")), *TaskStatus.choices, ("overdue", _("Overdue"))]
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUSES)
    overdue = YesNoField(label=_("Overdue"), any_label=_("Overdue or not"), yes=_("Overdue"), no=_("Not overdue"))
    assignee = forms.ModelChoiceField(label=_("Assigned organization"), required=False, queryset=None,
                                      empty_label=_("All organizations in scope"))
    meeting = forms.ModelChoiceField(label=_("Meeting"), required=False, queryset=None,
                                     empty_label=_("All meetings"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.scope_choices(assignee=Organization.objects.for_user(user).order_by("name_sort"),
                           meeting=visible_meetings(user).order_by("-starts_at", "id"))
        self.fields["meeting"].label_from_instance = lambda m: m.title


def tasks_in_order(user, **filters):
    return filter_tasks(user, **filters).order_by("due_date", "id")


def task_rows(qs):
    return qs.select_related("meeting", "conclusion").prefetch_related(
        Prefetch("assignments", queryset=TaskAssignment.objects.select_related("organization")))


def _assignees(task):
    return "; ".join(a.organization.name for a in task.assignments.all())


def _title(task):
    return format_html('<a href="{}">{}</a><div class="small text-muted">{}</div>',
                       reverse("task_detail", args=[task.pk]), task.title, task.meeting.title)


def _status(task):
    if task.overdue:
        return format_html('<span class="badge text-bg-danger">{}</span>', _("Overdue"))
    if task.late:
        return format_html('<span class="badge text-bg-warning">{}</span>', _("Done late"))
    return task.get_status_display()


def _status_text(task):
    return str(_("Overdue")) if task.overdue else str(_("Done late")) if task.late else task.get_status_display()


def _progress(task):
    return format_html('<progress max="100" value="{}" aria-label="{}"></progress> {}%', task.progress,
                       _("Progress"), task.progress)


TASKS = register(ListDefinition(
    key="tasks", form=TaskFilterForm, query=tasks_in_order, rows=task_rows,
    columns=[
        Column("title", _("Task"), display=_title, width=50),
        Column("meeting", _("Meeting"), value="meeting.title", table=False, width=40),
        Column("assignees", _("Assigned organizations"), value=_assignees, css="small", width=40),
        Column("due_date", _("Due date"), format="date", width=12),
        Column("status", _("Status"), value=_status_text, display=_status, width=14),
        Column("progress", _("Progress (%)"), format="number", display=_progress, width=10),
        Column("completed_on", _("Completed on"), format="date", table=False, width=12),
    ],
    title=_("Follow-up tasks"), filename="nhiem-vu-sau-hoi-nghi", list_url="task_list", export_url="task_export",
    empty=_("No task in your scope matches the filters."),
))
