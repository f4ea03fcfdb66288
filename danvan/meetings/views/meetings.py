"""Meeting pages: list, calendar, detail, create/edit, and the parts added on the detail page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.core.domain.refusals import REFUSALS
from danvan.core.views.helpers import audit_context, form_errors_message, paginate
from danvan.meetings.domain.actions import perform
from danvan.meetings.domain.bridge import totals
from danvan.meetings.domain.people import record_meeting_people_view
from danvan.meetings.interfaces.forms import (
    BridgePointForm,
    BulkPointsForm,
    ConclusionForm,
    ContributionForm,
    DocumentForm,
    MeetingForm,
    RoleForm,
    TaskForm,
)
from danvan.meetings.interfaces.lists import MEETINGS
from danvan.meetings.models import Role
from danvan.meetings.queries import filter_meetings, meeting_or_404, my_bridge_points
from danvan.meetings.views.documents import papers
from danvan.meetings.views.sections import sections_for
from danvan.orgs.models import Organization
from danvan.orgs.scope import can, restrict
from danvan.reports.interfaces.forms import area_choices
from danvan.reports.models import Form

LIST_CRUMB = (gettext_lazy("Meetings"), "/hoi-nghi/")
EXPORT_KINDS = [("invitation", gettext_lazy("Invitation")), ("minutes", gettext_lazy("Minutes")),
                ("conclusions", gettext_lazy("Notice of conclusions"))]


def period_report_links(user, meeting) -> dict | None:
    """Links to the roll-up and completeness pages of the meeting's period for the organizer's area,
    when a period is linked, a report form is active and the user may pick that area in the roll-up."""
    if not meeting.period_id:
        return None
    form = Form.objects.filter(is_active=True).first()  # the one the roll-up page defaults to
    area_id = meeting.organization.area_id
    if form is None or not area_id or not area_choices(user).filter(pk=area_id).exists():
        return None
    query = urlencode({"form": form.pk, "period": meeting.period_id, "area": area_id})
    return {"rollup": f"{reverse('report_rollup')}?{query}",
            "completeness": f"{reverse('report_completeness')}?{query}"}


def can_create(user) -> bool:
    return user.is_superuser or Organization.objects.for_user(user, "change").exists()


@login_required
def meeting_list(request):
    return MEETINGS.page(request, "meetings/list.html", {
        "nav_active": "meetings", "can_create": can_create(request.user), "breadcrumbs": [(_("Meetings"), None)]})


@login_required
@require_POST
def meeting_export(request):
    return MEETINGS.export(request)


@login_required
def meeting_calendar(request):
    """Coming meetings in the user's scope, by month."""
    qs = filter_meetings(request.user, upcoming=True).select_related("organization")[:200]
    return render(request, "meetings/calendar.html", {
        "meetings": qs, "nav_active": "meetings", "breadcrumbs": [LIST_CRUMB, (_("Calendar"), None)],
    })


@login_required
def meeting_detail(request, pk: int):
    meeting = meeting_or_404(request.user, pk)
    can_change = can(request.user, "change", meeting)
    roles = list(meeting.roles.select_related("person", "organization"))
    record_meeting_people_view(actor=request.user, meeting=meeting, shown=len(roles))
    points = meeting.bridge_points.select_related("organization")
    conclusions = meeting.conclusions.annotate(n_tasks=Count("tasks")).order_by("number")
    context = {
        "meeting": meeting, "can_change": can_change, "totals": totals(meeting),
        "points_page": paginate(request, points),
        "roles": roles,
        "conclusions": conclusions,
        "contributions": meeting.contributions.select_related("organization"),
        "documents": meeting.documents.all(),
        "co_organizers": meeting.co_organizers.all(),
        "nominations": restrict(meeting.nominations.select_related("award_kind"), request.user),
        "export_kinds": EXPORT_KINDS, "meeting_papers": papers(meeting, can_change=can_change),
        "period_reports": period_report_links(request.user, meeting),
        "nav_active": "meetings", "breadcrumbs": [LIST_CRUMB, (meeting.title, None)],
        "my_points": [] if can_change else my_bridge_points(request.user, meeting),
        "extra_sections": sections_for(request, meeting),
        **audit_context(meeting),
    }
    # The forms (with long choice lists) only in edit mode, so that the page itself stays fast.
    context["edit"] = can_change and request.GET.get("sua") == "1"
    if context["edit"]:
        context.update({
            "role_form": RoleForm(user=request.user), "conclusion_form": ConclusionForm(),
            "contribution_form": ContributionForm(user=request.user), "document_form": DocumentForm(),
            "bulk_form": BulkPointsForm(user=request.user), "point_form": BridgePointForm(user=request.user),
            "task_form": TaskForm(user=request.user),
        })
    if request.htmx and request.GET.get("part") == "points":
        return render(request, "meetings/_points.html", context)
    return render(request, "meetings/detail.html", context)


def _save(request, form, meeting=None):
    data = dict(form.cleaned_data)
    co = data.pop("co_organizers", None)
    version = data.pop("version", None)
    if meeting is None:
        return perform("create_meeting", actor=request.user, co_organizers=co or (), **data)
    return perform("update_meeting", meeting, actor=request.user, expected_version=version, co_organizers=co, **data)


@login_required
def meeting_create(request):
    if not can_create(request.user):
        return redirect("meeting_list")
    form = MeetingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = _save(request, form)
        except REFUSALS as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Meeting created."))
            return redirect("meeting_detail", pk=meeting.pk)
    return render(request, "meetings/form.html", {
        "form": form, "nav_active": "meetings", "breadcrumbs": [LIST_CRUMB, (_("New meeting"), None)]})


@login_required
def meeting_edit(request, pk: int):
    meeting = meeting_or_404(request.user, pk, "change")
    form = MeetingForm(request.POST or None, instance=meeting, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            _save(request, form, meeting)
        except REFUSALS as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("meeting_detail", pk=meeting.pk)
    return render(request, "meetings/form.html", {
        "form": form, "meeting": meeting, "nav_active": "meetings",
        "breadcrumbs": [LIST_CRUMB, (meeting.title, f"/hoi-nghi/{meeting.pk}/"), (_("Edit"), None)]})


def _part(request, pk, form_class, action, success, anchor, needs_user=True, files=False):
    """Handle one of the small forms on the meeting page: validate, call the action, go back."""
    meeting = meeting_or_404(request.user, pk, "change")
    kwargs = {"user": request.user} if needs_user else {}
    form = form_class(request.POST, request.FILES if files else None, **kwargs)
    if form.is_valid():
        try:
            action(meeting, form.cleaned_data)
        except REFUSALS as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, success)
            return redirect(f"/hoi-nghi/{meeting.pk}/#{anchor}")
    messages.error(request, form_errors_message(form))
    return redirect(f"/hoi-nghi/{meeting.pk}/#{anchor}")


@login_required
@require_POST
def role_add(request, pk: int):
    return _part(request, pk, RoleForm, lambda m, d: perform("add_role", actor=request.user, meeting=m, **d),
                 _("Person added."), "people")


@login_required
@require_POST
def role_remove(request, pk: int, role_id: int):
    meeting = meeting_or_404(request.user, pk, "change")
    entry = meeting.roles.filter(pk=role_id).select_related("person").first()
    if entry:
        perform("remove_role", actor=request.user, entry=entry)
    return redirect(f"/hoi-nghi/{meeting.pk}/#people")


@login_required
@require_POST
def conclusion_add(request, pk: int):
    return _part(request, pk, ConclusionForm, lambda m, d: perform("add_conclusion", actor=request.user, meeting=m, **d),
                 _("Conclusion added."), "conclusions", needs_user=False)


@login_required
@require_POST
def contribution_add(request, pk: int):
    return _part(request, pk, ContributionForm,
                 lambda m, d: perform("add_contribution", actor=request.user, meeting=m, **d),
                 _("Contribution added."), "contributions")


@login_required
@require_POST
def document_add(request, pk: int):
    return _part(request, pk, DocumentForm, lambda m, d: perform("add_document", actor=request.user, meeting=m, **d),
                 _("Document attached."), "documents", needs_user=False, files=True)


@login_required
@require_POST
def task_add(request, pk: int, conclusion_id: int):
    def action(meeting, data):
        conclusion = meeting.conclusions.filter(pk=conclusion_id).first()
        if conclusion is None:
            raise ValidationError(_("This conclusion does not belong to the meeting."))
        perform("create_task", actor=request.user, conclusion=conclusion, **data)

    return _part(request, pk, TaskForm, action, _("Task assigned."), "conclusions")


def roles_by_kind(meeting):
    """People of a meeting grouped by role, in role order (for the documents)."""
    entries = list(meeting.roles.select_related("person"))
    return [(label, [e for e in entries if e.role == value]) for value, label in Role.choices
            if any(e.role == value for e in entries)]

