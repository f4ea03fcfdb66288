"""Petition pages: the register (days left and overdue per row), one petition with its steps and the
next steps (through the dispatcher), and the export; senders masked as the law requires."""

import datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from danvan.core.views.helpers import audit_context, paginate, render_list, run_action
from danvan.orgs.scope import get_in_scope
from danvan.voice import clocks
from danvan.voice.domain import actions
from danvan.voice.domain.petitions import for_reader
from danvan.voice.interfaces.filters import PetitionFilterForm
from danvan.voice.models import Petition
from danvan.voice.queries.petitions import ByKeys, filter_petitions

LIST_CRUMB = (gettext_lazy("Petitions"), "/don-thu/")


def _annotate(petitions, today):
    table = clocks.clocks(today)
    for p in petitions:
        p.days_left = clocks.days_left(p, today, table)
    return petitions


@login_required
def petition_create(request):
    """A new petition in a register (the page of the intake; the domain checks every rule)."""
    from django.contrib import messages
    from django.db import transaction

    from danvan.core.domain.refusals import REFUSALS
    from danvan.voice.domain.petitions import receive_petition
    from danvan.voice.interfaces.forms import PetitionForm
    from danvan.voice.views.receptions import _add_errors

    form = PetitionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                petition = receive_petition(actor=request.user, **form.cleaned_data)
        except REFUSALS as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The petition %(code)s was received.") % {"code": petition.code})
            return redirect("petition_detail", pk=petition.pk)
    return render(request, "voice/form.html", {"form": form, "title": _("New petition"), "nav_active": "voice",
                                               "breadcrumbs": [LIST_CRUMB, (_("New petition"), None)]})


@login_required
def petition_import(request):
    """Upload a register (XLSX): a background job checks every row, then receives them all or none."""
    from django.urls import reverse

    from danvan.core.domain.jobs import start_job
    from danvan.practices.interfaces.forms import ImportForm

    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start_job(kind="voice.petition_import", title=_("Import of petitions"), user=request.user,
                        input_file=form.cleaned_data["file"])
        return redirect("job_detail", pk=job.pk)
    return render(request, "voice/import.html", {
        "form": form, "nav_active": "voice",
        "breadcrumbs": [LIST_CRUMB, (_("Import from Excel"), reverse("petition_import"))]})


@login_required
@require_safe
def petition_import_template(request):
    from danvan.voice.interfaces.importer import template_workbook

    response = HttpResponse(template_workbook(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-don-thu.xlsx"'
    return response


@login_required
def petition_list(request):
    form = PetitionFilterForm(request.GET or None, user=request.user)
    filters = form.filters() if form.is_valid() else {}
    page = paginate(request, ByKeys(filter_petitions(request.user, **filters)))
    today = timezone.localdate()
    page.object_list = _annotate(for_reader(actor=request.user, petitions=page.object_list), today)
    return render_list(request, "voice/petition_list.html", "voice/_petition_results.html", {
        "form": form, "page_obj": page, "nav_active": "voice", "breadcrumbs": [(_("Petitions"), None)]})


@login_required
@require_safe
def petition_detail(request, pk: int):
    petition = get_in_scope(Petition.objects.select_related("organization", "area", "handler"), request.user, pk=pk)
    petition = for_reader(actor=request.user, petitions=[petition])[0]
    today = timezone.localdate()
    _annotate([petition], today)
    return render(request, "voice/petition_detail.html", {
        "petition": petition, "steps": petition.steps.select_related("actor"), "deadline": clocks.deadline(petition),
        "allowed": [(a, actions.LABELS[a]) for a in actions.allowed_actions(request.user, petition)],
        "nav_active": "voice", "breadcrumbs": [LIST_CRUMB, (petition.code, None)], **audit_context(petition)})


@login_required
@require_POST
def petition_step(request, pk: int, action: str):
    petition = get_in_scope(Petition.objects.all(), request.user, pk=pk)
    raw = (request.POST.get("on") or "").strip()
    try:
        on = datetime.datetime.strptime(raw, "%d/%m/%Y").date() if raw else None
    except ValueError:
        from django.contrib import messages

        messages.error(request, _("Date: enter a date as dd/mm/yyyy."))
        return redirect("petition_detail", pk=petition.pk)
    run_action(request, lambda: actions.perform(petition, action, actor=request.user, on=on,
                                                number=request.POST.get("number", ""),
                                                note=request.POST.get("note", "")),
               success=lambda p: _("Recorded: the petition is now “%(s)s”.") % {"s": p.get_state_display()})
    return redirect("petition_detail", pk=petition.pk)


@login_required
@require_POST
def petition_export(request):
    """The register as XLSX with the list's filters (senders masked as on the page)."""
    from openpyxl import Workbook

    form = PetitionFilterForm(request.POST, user=request.user)
    if not form.is_valid():
        return redirect("petition_list")
    today = timezone.localdate()
    rows = _annotate(for_reader(actor=request.user, petitions=filter_petitions(request.user, **form.filters())[:2000]),
                     today)
    book = Workbook()
    sheet = book.active
    sheet.append([_("Tracking code"), _("Received on"), _("Kind"), _("Subject"), _("Sender"), _("State"),
                  _("Days left")])
    for p in rows:
        sheet.append([p.code, p.received_on.strftime("%d/%m/%Y"), p.get_kind_display(), p.subject, p.sender_name,
                      p.get_state_display(), p.days_left])
    from io import BytesIO

    out = BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="so-don-thu.xlsx"'
    return response
