"""The meetings module's lists (``danvan.core.lists``): one definition each drives the page, the API
list and the export of follow-up tasks (``TASKS``)."""

from django import forms
from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import Column, DateFilter, ListDefinition, ListFilterForm, YesNoField, register
from danvan.meetings.models import MeetingKind, Position, TaskAssignment, TaskStatus
from danvan.meetings.queries import filter_meetings, filter_people, filter_tasks, visible_meetings
from danvan.orgs.models import Organization
from danvan.orgs.scope import pickable_areas, restrict
from danvan.reports.models import Period


class MeetingFilterForm(ListFilterForm):
    """Meetings: the page, ``GET /api/v1/meetings`` and the export accept the same filters."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. giao ban 9 thang")}))
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *MeetingKind.choices])
    area = forms.ModelChoiceField(label=_("Area"), required=False, queryset=None, empty_label=_("All areas in scope"))
    period = forms.ModelChoiceField(label=_("Period reviewed"), required=False, queryset=Period.objects.all(),
                                    empty_label=_("All periods"),
                                    error_messages={"invalid_choice": _("The chosen period reviewed does not exist.")})
    period_label = forms.CharField(label=_("Period (words of its label)"), required=False, max_length=100)
    date_from = DateFilter(label=_("From"))
    date_to = DateFilter(label=_("To"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.scope_choices(area=pickable_areas(user).order_by("level", "name_sort"))


def meetings_in_order(user, **filters):
    return filter_meetings(user, **filters)


def meeting_rows(qs):
    return qs.select_related("organization").annotate(n_points=Count("bridge_points", distinct=True))


def _day(m):
    return timezone.localtime(m.starts_at).date()


MEETINGS_COLUMNS = [
    Column("starts_at", _("Date"), value=_day, format="date", width=12),
    Column("title", _("Meeting"), link=lambda m: reverse("meeting_detail", args=[m.pk]), width=50),
    Column("kind", _("Kind"), format="choice", width=18),
    Column("organization", _("Organizing organization"), value="organization.name", width=40),
    Column("period_label", _("Period reviewed"), width=20),
    Column("mode", _("Mode"), format="choice", width=14),
    Column("n_points", _("Bridge points"), format="number", width=10),
]


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
    return filter_tasks(user, **filters)


def task_rows(qs):
    """What a task row shows on the page, in the export and through the API: its meeting, conclusion and
    assignments (each with its organization, in the task page's order: by name)."""
    return qs.select_related("meeting", "conclusion").prefetch_related(
        Prefetch("assignments", queryset=TaskAssignment.objects.select_related("organization")
                 .order_by("organization__name_sort", "organization_id")))


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


MEETINGS = register(ListDefinition(
    key="meetings", form=MeetingFilterForm, query=meetings_in_order, rows=meeting_rows, columns=MEETINGS_COLUMNS,
    title=_("Meetings"), filename="hoi-nghi", list_url="meeting_list", export_url="meeting_export",
    empty=_("No meeting in your scope matches the filters."),
))

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


class PersonFilterForm(ListFilterForm):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))


def people_in_order(user, *, q=None, **_ignored):
    return filter_people(user, q=q)


def _positions(person):
    parts = []
    for pos in person.positions.all():
        text = f"{pos.title}, {pos.organization.name}"
        if pos.valid_to:
            text += f" ({_('until')} {pos.valid_to:%d/%m/%Y})"
        parts.append(text)
    return "; ".join(parts)


def people_for_list(user, **filters):
    """People in scope with only the positions held in organizations the user may see."""
    return people_in_order(user, **filters).prefetch_related(
        Prefetch("positions", queryset=restrict(Position.objects.select_related("organization"), user)))


# The registry holds personal data: it has no export, and a person's page logs each read.
PEOPLE = register(ListDefinition(
    key="people", form=PersonFilterForm, query=people_for_list,
    columns=[
        Column("full_name", _("Full name"), link=lambda p: reverse("person_detail", args=[p.pk]), width=30),
        Column("positions", _("Positions"), value=_positions, css="small", width=60),
    ],
    title=_("People"), filename="nguoi", list_url="person_list",
    empty=_("No person in your scope matches."),
))
