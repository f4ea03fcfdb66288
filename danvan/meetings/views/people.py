"""The people registry: list, a person's page (reads are logged), create, add a position."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.domain.refusals import REFUSALS
from danvan.core.views.helpers import audit_context, form_errors_message
from danvan.meetings.domain import people as actions
from danvan.meetings.domain.actions import perform
from danvan.meetings.interfaces.forms import PersonForm, PositionForm
from danvan.meetings.interfaces.lists import PEOPLE
from danvan.meetings.queries import person_or_404
from danvan.orgs.scope import restrict

CRUMB = (gettext_lazy("People"), "/hoi-nghi/nguoi/")


@login_required
def person_list(request):
    return PEOPLE.page(request, "meetings/people/list.html", {
        "nav_active": "meetings", "breadcrumbs": [(_("Meetings"), "/hoi-nghi/"), (_("People"), None)]})


def _ethnicity_shown(user, value):
    """Ethnicity is sensitive personal data: shown only to the roles the sensitive-data grants name
    (``community.domain.privacy``, when that module is installed), masked for everyone else."""
    from django.apps import apps

    if not value or not apps.is_installed("danvan.community"):
        return value
    from danvan.community.domain.privacy import shown

    return shown(user, "ethnicity", value)


@login_required
def person_detail(request, pk: int):
    person = person_or_404(request.user, pk)
    actions.record_view(actor=request.user, person=person)
    ethnicity = _ethnicity_shown(request.user, person.ethnicity)
    hidden = {"ethnicity": ethnicity} if ethnicity != person.ethnicity else None
    return render(request, "meetings/people/detail.html", {
        "person": person, "ethnicity": ethnicity, "positions": restrict(person.positions.select_related("organization"), request.user),
        "roles": restrict(person.meeting_roles.select_related("meeting"), request.user),
        "position_form": PositionForm(user=request.user), "nav_active": "meetings",
        "breadcrumbs": [CRUMB, (person.full_name, None)], **audit_context(person, masked=hidden),
    })


@login_required
def person_create(request):
    form = PersonForm(request.POST or None)
    position_form = PositionForm(request.POST or None, user=request.user, prefix="pos")
    if request.method == "POST" and form.is_valid() and position_form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            person = perform("create_person", actor=request.user, **position_form.cleaned_data, **values)
        except REFUSALS as exc:
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
            perform("add_position", actor=request.user, person=person, **form.cleaned_data)
        except REFUSALS as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Position added."))
    elif request.method == "POST":
        messages.error(request, form_errors_message(form))
    return redirect("person_detail", pk=person.pk)
