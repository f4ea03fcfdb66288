"""The people registry: list, a person's page (reads are logged), create, add a position."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.text import search_filter
from danvan.core.views.helpers import audit_context, paginate, render_list
from danvan.meetings.domain import people as actions
from danvan.meetings.interfaces.forms import PersonFilterForm, PersonForm, PositionForm
from danvan.meetings.models import Position
from danvan.meetings.queries import person_or_404, visible_people
from danvan.orgs.models import Organization
from danvan.orgs.scope import restrict

CRUMB = (gettext_lazy("People"), "/hoi-nghi/nguoi/")


@login_required
def person_list(request):
    form = PersonFilterForm(request.GET or None)
    qs = visible_people(request.user).prefetch_related(
        Prefetch("positions", queryset=restrict(Position.objects.select_related("organization"), request.user)))
    if form.is_valid():
        qs = search_filter(qs, form.cleaned_data.get("q") or "")
    return render_list(request, "meetings/people/list.html", "meetings/people/_results.html", {
        "form": form, "page_obj": paginate(request, qs.order_by("name_sort", "id")), "nav_active": "meetings",
        "breadcrumbs": [(_("Meetings"), "/hoi-nghi/"), (_("People"), None)],
    })


@login_required
def person_detail(request, pk: int):
    person = person_or_404(request.user, pk)
    actions.record_view(actor=request.user, person=person)
    visible = Organization.objects.for_user(request.user).values("id")
    return render(request, "meetings/people/detail.html", {
        "person": person, "positions": person.positions.select_related("organization"),
        "roles": person.meeting_roles.filter(meeting__organization__in=visible).select_related("meeting"),
        "position_form": PositionForm(user=request.user), "nav_active": "meetings",
        "breadcrumbs": [CRUMB, (person.full_name, None)], **audit_context(person),
    })


@login_required
def person_create(request):
    form = PersonForm(request.POST or None)
    position_form = PositionForm(request.POST or None, user=request.user, prefix="pos")
    if request.method == "POST" and form.is_valid() and position_form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            person = actions.create_person(actor=request.user, **position_form.cleaned_data, **values)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Person added to the registry."))
            return redirect("person_detail", pk=person.pk)
    return render(request, "meetings/people/form.html", {
        "form": form, "position_form": position_form, "nav_active": "meetings",
        "breadcrumbs": [CRUMB, (_("New person"), None)]})


@login_required
def position_add(request, pk: int):
    person = person_or_404(request.user, pk)
    form = PositionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_position(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Position added."))
    elif request.method == "POST":
        messages.error(request, "; ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()
                                          if f in form.fields))
    return redirect("person_detail", pk=person.pk)
