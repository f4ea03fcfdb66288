"""Pages of the people of prestige: the list (filter, htmx paging, XLSX export), a list of a commune and
term (nominate, the recognition decision, the Party document), an entry (its steps), the counts.
Thin: parse, call the domain or a query, render. Every read of personal data goes through
``privacy.record_read``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.community.domain import actions, prestige
from danvan.community.domain.privacy import categories_for, record_read
from danvan.community.interfaces.documents import list_document
from danvan.community.interfaces.filters import PrestigeFilterForm
from danvan.community.interfaces.forms import DecisionForm, ListForm, NominateForm, StepForm
from danvan.community.interfaces.lists import PRESTIGE
from danvan.community.interfaces.present import present
from danvan.community.queries.prestige import counts, entry_or_404, list_or_404, lists_for
from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.views.helpers import audit_context, form_errors_message, run_action
from danvan.core.views.helpers import refusal_to_form as _errors
from danvan.documents.rendering import render_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def crumbs(*extra):
    return [(_("People of prestige"), reverse("prestige_list")), *extra]


@login_required
def entry_list(request):
    return PRESTIGE.page(request, "community/prestige/list.html", {
        "lists": lists_for(request.user).select_related("area")[:50], "nav_active": "community",
        "breadcrumbs": [(_("People of prestige"), None)]})


@login_required
def entry_export(request):
    return PRESTIGE.export(request)


@login_required
def entry_detail(request, pk: int):
    entry = entry_or_404(request.user, pk)
    record_read(actor=request.user, objects=[entry], where=_("entry page"))
    return render(request, "community/prestige/detail.html", {
        "entry": entry, "row": present(entry, request.user), "allowed": actions.allowed_actions(request.user, entry),
        "step_form": StepForm(initial={"version": entry.version}), "nominate_form": NominateForm(prefix="n"),
        "nav_active": "community", "breadcrumbs": crumbs((entry.person.full_name, None)), **audit_context(entry)})


@login_required
@require_POST
def entry_action(request, pk: int, action: str):
    if action not in actions.ACTIONS:
        raise Http404
    entry = entry_or_404(request.user, pk)
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors_message(form))
        return redirect("prestige_entry", pk=entry.pk)
    data = form.cleaned_data
    nominee = None
    if action == "replace":
        nform = NominateForm(request.POST, prefix="n")
        if not nform.is_valid():
            messages.error(request, "; ".join(f"{nform.fields[f].label}: {' '.join(e)}"
                                              for f, e in nform.errors.items() if f in nform.fields))
            return redirect("prestige_entry", pk=entry.pk)
        nominee = {k: v for k, v in nform.cleaned_data.items() if k != "kind"}
    ok, result = run_action(request, lambda: actions.perform(
        entry, action, actor=request.user, on=data["on"], decision_number=data["decision_number"],
        reason=data["reason"], decision=data["decision"], note=data["note"], expected_version=data["version"],
        nominee=nominee), success=_("Saved."))
    if ok and action == "replace":
        return redirect("prestige_entry", pk=result.pk)
    return redirect("prestige_entry", pk=entry.pk)


@login_required
def list_create(request):
    form = ListForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            plist = prestige.create_list(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        except REFUSALS as exc:
            form.add_error(None, message_of(exc))
        else:
            messages.success(request, _("List opened."))
            return redirect("prestige_list_detail", pk=plist.pk)
    return render(request, "community/prestige/list_form.html", {
        "form": form, "nav_active": "community", "breadcrumbs": crumbs((_("New list"), None))})


@login_required
def list_detail(request, pk: int):
    plist = list_or_404(request.user, pk)
    entries = list(plist.entries.select_related("person", "area", "prestige_list").order_by("village", "id"))
    record_read(actor=request.user, objects=entries, where=_("list of a commune"))
    return render(request, "community/prestige/list_detail.html", {
        "plist": plist, "rows": [present(e, request.user) for e in entries],
        "calendar": prestige.calendar_status(plist, timezone.localdate()),
        "nominate_form": NominateForm(), "decision_form": DecisionForm(initial={
            "decision_number": plist.decision_number, "decision_date": plist.decision_date,
            "authority": plist.authority, "version": plist.version}),
        "nav_active": "community", "breadcrumbs": crumbs((str(plist), None)), **audit_context(plist)})


@login_required
@require_POST
def list_nominate(request, pk: int):
    plist = list_or_404(request.user, pk)
    form = NominateForm(request.POST)
    if form.is_valid():
        run_action(request, lambda: prestige.nominate(actor=request.user, prestige_list=plist, **form.cleaned_data),
                   success=_("Nomination recorded."))
    else:
        messages.error(request, form_errors_message(form))
    return redirect("prestige_list_detail", pk=plist.pk)


@login_required
@require_POST
def list_decision(request, pk: int):
    plist = list_or_404(request.user, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        run_action(request, lambda: prestige.record_decision(
            actor=request.user, prestige_list=plist, decision_number=data["decision_number"],
            decision_date=data["decision_date"], authority=data["authority"], expected_version=data["version"]),
            success=lambda n: _("Decision recorded; %(n)s people recognized.") % {"n": n})
    else:
        messages.error(request, form_errors_message(form))
    return redirect("prestige_list_detail", pk=plist.pk)


@login_required
def list_docx(request, pk: int):
    plist = list_or_404(request.user, pk)
    entries = list(plist.entries.select_related("person", "area").filter(
        status=prestige.EntryStatus.RECOGNIZED).order_by("village", "id"))
    record_read(actor=request.user, objects=entries, where=_("Party document"))
    response = HttpResponse(render_docx(list_document(plist, entries, request.user)), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="danh-sach-nguoi-co-uy-tin-{plist.pk}.docx"'
    return response


@login_required
def statistics(request):
    form = PrestigeFilterForm(request.GET or None, user=request.user)
    area = form.cleaned_data.get("area") if form.is_valid() else None
    this_year = timezone.localdate().year
    last = form.cleaned_data.get("year") if form.is_valid() and form.cleaned_data.get("year") else this_year
    data = counts(request.user, area=area, years=list(range(last - 5, last + 1)))
    return render(request, "community/prestige/stats.html", {
        "form": form, "data": data, "year": last, "show_ethnicity": "ethnicity" in categories_for(request.user),
        "roles": dict(prestige_roles()), "nav_active": "community", "breadcrumbs": crumbs((_("Statistics"), None))})


def prestige_roles():
    from danvan.community.models import CommunityRole
    return CommunityRole.choices
