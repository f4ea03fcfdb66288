"""Pages of the religious registry: the registry (dignitaries, places, organizations; one filter), a
dignitary's page (reads logged), adding each kind of record, ending a rank or post."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.community.domain import religion as actions
from danvan.community.domain.privacy import record_read
from danvan.community.interfaces.lists import DIGNITARIES
from danvan.community.interfaces.present import present_dignitary
from danvan.community.interfaces.religion_forms import (
    DignitaryForm,
    EndForm,
    PlaceForm,
    ReligiousOrganizationForm,
)
from danvan.community.queries.religion import (
    dignitaries_for,
    dignitary_or_404,
    filter_registry,
    places_for,
    religious_organizations_for,
)
from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.views.helpers import audit_context, form_errors_message, run_action

FORMS = {"chuc-sac": (DignitaryForm, actions.appoint, gettext_lazy("New dignitary")),
         "co-so": (PlaceForm, actions.add_place, gettext_lazy("New place of worship")),
         "to-chuc": (ReligiousOrganizationForm, actions.add_religious_organization, gettext_lazy("New religious organization"))}


def crumbs(*extra):
    return [(_("Religious registry"), reverse("religion_registry")), *extra]


@login_required
def registry(request):
    """The dignitaries (one list definition, with the page, the export and the API); the places and
    organizations below them follow the same filters."""
    return DIGNITARIES.page(request, "community/religion/registry.html", lambda filters: {
        "places": filter_registry(places_for(request.user), **filters)[:50],
        "organizations": filter_registry(religious_organizations_for(request.user), **filters)[:50],
        "nav_active": "community", "breadcrumbs": [(_("Religious registry"), None)]})


@login_required
def dignitary_export(request):
    return DIGNITARIES.export(request)


@login_required
def dignitary_detail(request, pk: int):
    d = dignitary_or_404(request.user, pk)
    history = list(dignitaries_for(request.user).filter(person=d.person).select_related(
        "person", "religion", "place", "area", "religious_organization").order_by("-since", "id"))
    record_read(actor=request.user, objects=history, where=_("entry page"))
    return render(request, "community/religion/detail.html", {
        "d": d, "row": present_dignitary(d, request.user),
        "history": [present_dignitary(h, request.user) for h in history],
        "end_form": EndForm(initial={"version": d.version}) if d.until is None else None,
        "nav_active": "community", "breadcrumbs": crumbs((d.person.full_name, None)), **audit_context(d)})


@login_required
@require_POST
def dignitary_end(request, pk: int):
    d = dignitary_or_404(request.user, pk)
    form = EndForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        run_action(request, lambda: actions.end_title(actor=request.user, dignitary=d, until=data["until"],
                                                      note=data["note"], expected_version=data["version"]),
                   success=_("Saved."))
    else:
        messages.error(request, form_errors_message(form))
    return redirect("dignitary_detail", pk=d.pk)


@login_required
def add(request, what: str):
    if what not in FORMS:
        raise Http404
    form_class, action, title = FORMS[what]
    form = form_class(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            obj = action(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in getattr(exc, "error_dict", {None: exc.error_list}).items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        except REFUSALS as exc:
            form.add_error(None, message_of(exc))
        else:
            messages.success(request, _("Saved."))
            if what == "chuc-sac":
                return redirect("dignitary_detail", pk=obj.pk)
            return redirect("religion_registry")
    return render(request, "community/religion/form.html", {
        "form": form, "title": title, "nav_active": "community", "breadcrumbs": crumbs((title, None))})
