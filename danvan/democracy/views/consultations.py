"""Pages of consultations on drafts: the list (core list mechanism, with its export), recording a draft put
to the people, its page, and recording its result (which creates the obligation to make it public)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.views.helpers import audit_context
from danvan.democracy.domain import consultations as actions
from danvan.democracy.interfaces.forms import ConsultationForm, ConsultationResultForm
from danvan.democracy.interfaces.lists import CONSULTATIONS
from danvan.democracy.models import Channel
from danvan.democracy.queries.consultations import consultations_for
from danvan.democracy.views.disclosures import add_errors, crumbs
from danvan.orgs.models import Organization
from danvan.orgs.scope import can, get_in_scope


@login_required
@require_GET
def consultation_list(request):
    return CONSULTATIONS.page(request, "democracy/consultations.html", {
        "nav_active": "democracy", "breadcrumbs": crumbs((_("Consultations on drafts"), None)),
        "can_create": Organization.objects.for_user(request.user, "change").filter(area__level="commune").exists()})


@login_required
@require_http_methods(["GET", "POST"])
def consultation_export(request):
    return CONSULTATIONS.export(request)


@login_required
@require_http_methods(["GET", "POST"])
def consultation_create(request):
    form = ConsultationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        try:
            consultation = actions.record_consultation(actor=request.user, **values)
        except ValidationError as exc:
            add_errors(form, exc)
        except REFUSALS as exc:
            form.add_error(None, message_of(exc))
        else:
            messages.success(request, _("Consultation recorded."))
            return redirect("consultation_detail", pk=consultation.pk)
    return render(request, "democracy/consultation_form.html", {
        "form": form, "nav_active": "democracy",
        "breadcrumbs": crumbs((_("Consultations on drafts"), reverse("consultation_list")),
                              (_("Put a draft to the people"), None))})


def _detail(request, consultation, result_form=None, status=200):
    may_change = can(request.user, "change", consultation) and not consultation.result_number
    if may_change and result_form is None:
        result_form = ConsultationResultForm(initial={
            "version": consultation.version, "opinions_received": consultation.opinions_received,
            "opinions_taken_in": consultation.opinions_taken_in, "how_taken_in": consultation.how_taken_in})
    return render(request, "democracy/consultation.html", {
        "c": consultation, "channels": [Channel(x).label for x in consultation.channels if x in Channel.values],
        "result_form": result_form if may_change else None, "nav_active": "democracy",
        "breadcrumbs": crumbs((_("Consultations on drafts"), reverse("consultation_list")),
                              (consultation.draft[:60], None)), **audit_context(consultation)}, status=status)


def _in_scope(request, pk):
    return get_in_scope(consultations_for(request.user).select_related("area", "organization", "obligation"),
                        request.user, pk=pk)


@login_required
@require_GET
def consultation_detail(request, pk: int):
    return _detail(request, _in_scope(request, pk))


@login_required
@require_POST
def consultation_result(request, pk: int):
    consultation = _in_scope(request, pk)
    form = ConsultationResultForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            actions.record_result(actor=request.user, consultation=consultation, opinions_received=d["opinions_received"],
                                  opinions_taken_in=d["opinions_taken_in"], how_taken_in=d["how_taken_in"],
                                  result_number=d["result_number"], result_date=d["result_date"],
                                  expected_version=d["version"])
        except ValidationError as exc:
            add_errors(form, exc)
        except REFUSALS as exc:
            form.add_error(None, message_of(exc))
        else:
            messages.success(request, _("Result recorded; its disclosure is now an obligation of the commune."))
            return redirect("consultation_detail", pk=consultation.pk)
    return _detail(request, _in_scope(request, pk), form)
