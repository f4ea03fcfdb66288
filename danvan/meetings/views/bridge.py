"""Bridge point pages: add in bulk or one by one, attendance inline (htmx) and in bulk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.views.helpers import paginate
from danvan.meetings.domain import bridge as actions
from danvan.meetings.domain.actions import perform
from danvan.meetings.interfaces.forms import BridgePointForm, BulkPointsForm
from danvan.meetings.queries import meeting_or_404
from danvan.orgs.scope import can


def _errors(form):
    return "; ".join(f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}".lstrip(": ")
                     for f, e in form.errors.items())


@login_required
@require_POST
def points_bulk_add(request, pk: int):
    meeting = meeting_or_404(request.user, pk, "change")
    form = BulkPointsForm(request.POST, user=request.user)
    if form.is_valid():
        d = form.cleaned_data
        try:
            n = perform("add_bridge_points", actor=request.user, meeting=meeting, level=d["level"], parent=d["parent"],
                                          expected=d.get("expected") or 0)
        except REFUSALS as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(n)s bridge points added.") % {"n": n})
    else:
        messages.error(request, _errors(form))
    return redirect(f"/hoi-nghi/{meeting.pk}/#points")


@login_required
@require_POST
def point_add(request, pk: int):
    meeting = meeting_or_404(request.user, pk, "change")
    form = BridgePointForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            perform("add_bridge_point", actor=request.user, meeting=meeting, **form.cleaned_data)
        except REFUSALS as exc:
            messages.error(request, message_of(exc))
        else:
            messages.success(request, _("Bridge point added."))
    else:
        messages.error(request, _errors(form))
    return redirect(f"/hoi-nghi/{meeting.pk}/#points")


def _point(request, pk, point_id, action="change"):
    meeting = meeting_or_404(request.user, pk, action)
    point = meeting.bridge_points.filter(pk=point_id).first()
    if point is None:
        raise Http404
    point.meeting = meeting
    return point


@login_required
def point_edit(request, pk: int, point_id: int):
    """htmx inline edit of one point's attendance: GET gives the form row, POST saves and gives the row."""
    point = _point(request, pk, point_id, "view")
    if not actions.may_report_attendance(request.user, point):
        raise Http404
    error = None
    if request.method == "POST" and not can(request.user, "change", point.meeting):
        # the bridge point's own unit, from the meeting page (it does not change the organizer's figures)
        try:
            perform("set_attendance", actor=request.user, point=point, present=request.POST.get("present"),
                                   host_name=request.POST.get("host_name"),
                                   expected_version=request.POST.get("version", ""))
        except REFUSALS as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Attendance at %(name)s recorded.") % {"name": point.name})
        return redirect(f"/hoi-nghi/{pk}/#my-points")
    if request.method == "POST":
        try:
            perform("set_attendance", actor=request.user, point=point, present=request.POST.get("present"),
                                   expected=request.POST.get("expected"), host_name=request.POST.get("host_name"),
                                   expected_version=request.POST.get("version", ""))
        except REFUSALS as exc:
            error = " ".join(exc.messages)
            point.refresh_from_db()
        else:
            return render(request, "meetings/_point_row.html", {"p": point, "meeting": point.meeting,
                                                                  "can_change": True})
    return render(request, "meetings/_point_form.html", {"p": point, "meeting": point.meeting, "error": error,
                                                           "values": request.POST if error else None})


@login_required
@require_POST
def point_remove(request, pk: int, point_id: int):
    point = _point(request, pk, point_id)
    try:
        perform("remove_bridge_point", actor=request.user, point=point)
    except REFUSALS as exc:
        messages.error(request, message_of(exc))
    else:
        messages.success(request, _("Bridge point removed."))
    return redirect(f"/hoi-nghi/{pk}/#points")


@login_required
def attendance(request, pk: int):
    """The bulk attendance form: one page of bridge points, a count per point."""
    meeting = meeting_or_404(request.user, pk, "change")
    page = paginate(request, meeting.bridge_points.all(), per_page=100)
    errors = []
    if request.method == "POST":
        values = {key.removeprefix("present_"): value for key, value in request.POST.items()
                  if key.startswith("present_") and key.removeprefix("present_").isdigit()}
        try:
            versions = {key.removeprefix("version_"): value for key, value in request.POST.items()
                        if key.startswith("version_")}
            n = perform("bulk_attendance", actor=request.user, meeting=meeting, values=values, versions=versions)
        except REFUSALS as exc:
            errors = exc.messages
        else:
            messages.success(request, _("Attendance saved at %(n)s bridge points.") % {"n": n})
            return redirect(f"/hoi-nghi/{meeting.pk}/diem-cau/diem-danh/?page={page.number}")
    return render(request, "meetings/attendance.html", {
        "meeting": meeting, "page_obj": page, "errors": errors, "posted": request.POST if errors else {},
        "totals": actions.totals(meeting), "nav_active": "meetings",
        "breadcrumbs": [(_("Meetings"), "/hoi-nghi/"), (meeting.title, f"/hoi-nghi/{meeting.pk}/"),
                        (_("Attendance"), None)],
    })
