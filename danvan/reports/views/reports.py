"""Report pages: list, create, read, fill in, transitions, exports. Thin: parse, call the domain, render."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.core.domain.refusals import NotAllowed, message_of
from danvan.core.views.helpers import audit_context, run_action
from danvan.orgs.scope import can, get_in_scope
from danvan.reports.domain import actions as report_actions
from danvan.reports.domain import reports as actions
from danvan.reports.domain import sources
from danvan.reports.domain.access import allowed_actions
from danvan.reports.domain.documents import issue_report_number
from danvan.reports.domain.periods import get_period
from danvan.reports.interfaces.forms import ReasonForm, ReportCreateForm, corrections_from, values_form_class
from danvan.reports.interfaces.lists import REPORTS
from danvan.reports.models import Report, Status
from danvan.reports.queries.reports import report_content
from danvan.reports.rules.corrections import Correction
from danvan.reports.rules.validation import indicators_for

LIST_CRUMB = (gettext_lazy("Reports"), "/bao-cao/")


def _report(request, pk, action="view"):
    qs = Report.objects.select_related("organization__area", "period", "form_version__form", "submitted_by",
                                       "approved_by")
    return get_in_scope(qs, request.user, action, pk=pk)


def error_text(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return " ".join(str(m) for msgs in exc.message_dict.values() for m in msgs)
    return " ".join(exc.messages)


@login_required
def report_list(request):
    return REPORTS.page(request, "reports/list.html", {
        "nav_active": "reports", "breadcrumbs": [(_("Reports"), None)]})


@login_required
@require_POST
def report_list_export(request):
    return REPORTS.export(request)


@login_required
def report_create(request):
    # the dashboard's "report due" link opens this page with the form, organization and period chosen
    initial = {key: request.GET[key] for key in ("form", "organization", "kind", "year", "index") if key in request.GET}
    form = ReportCreateForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                period = get_period(data["kind"], data["year"], data["index"])
                report = actions.create_report(actor=request.user, form=data["form"], period=period,
                                               organization=data["organization"])
        except (ValidationError, actions.NotAllowed) as exc:
            form.add_error(None, message_of(exc))
        else:
            messages.success(request, _("The draft report was created: fill in the figures."))
            return redirect("report_edit", pk=report.pk)
    return render(request, "reports/create.html", {
        "form": form, "nav_active": "reports", "breadcrumbs": [LIST_CRUMB, (_("New report"), None)]})


@login_required
def report_detail(request, pk: int):
    report = _report(request, pk)
    content = report_content(report, corrections=True)
    context = {
        "report": report, "content": content,
        "corrected": sum(1 for _s, rows, _h in content for row in rows if row[2] is not None), "events": report.events.select_related("actor"),
        "allowed": allowed_actions(request.user, report), "reason_form": ReasonForm(),
        "next_step": report_actions.next_step(report),
        "can_number": report.status == Status.APPROVED and not report.number_line
        and can(request.user, "change", report.organization),
        "nav_active": "reports", "breadcrumbs": [LIST_CRUMB, (str(report.period), None)], **audit_context(report),
    }
    if context["can_number"]:
        from danvan.documents.interfaces.forms import SignerForm, initial_signer

        typed = {"signer_title": report.signer_title, "signer_name": report.signer_name} if report.signer_name else {}
        context["signer_form"] = SignerForm(initial=typed or initial_signer(report.organization, "BC"),
                                            auto_id="signer_%s")
    return render(request, "reports/detail.html", context)


@login_required
def report_edit(request, pk: int):
    report = _report(request, pk, "change")
    if "edit" not in allowed_actions(request.user, report):
        messages.error(request, _("You cannot change this report (it is sent, approved, or not your "
                                  "organization's)."))
        return redirect("report_detail", pk=report.pk)
    indicators = indicators_for(report.form_version, report.organization)
    sections = list(report.form_version.sections.all())
    derived = sources.derived_for(report, indicators)
    form_class = values_form_class(indicators, sections, derived)
    stored = {row.indicator_id: row for row in report.values.all()}
    initial = _initial(report, indicators, stored, derived)
    if request.method == "POST":
        form = form_class(request.POST, initial=initial)
        if form.is_valid():
            values = {ind.code: form.cleaned_data[f"v_{ind.code}"] for ind in indicators}
            narratives = {s.code: form.cleaned_data[f"n_{s.code}"] for s in sections if s.has_narrative}
            try:
                actions.save_report(report, actor=request.user, expected_version=form.cleaned_data["version"],
                                    values=values, narratives=narratives,
                                    corrections=corrections_from(form.cleaned_data, indicators, derived))
            except actions.ReportConflict as exc:
                form.add_error(None, message_of(exc))
            except (actions.NotAllowed, actions.WrongState) as exc:
                messages.error(request, message_of(exc))
                return redirect("report_detail", pk=report.pk)
            except ValidationError as exc:
                for code, msgs in exc.message_dict.items():
                    form.add_error(f"v_{code}" if f"v_{code}" in form.fields else None, msgs)
            else:
                messages.success(request, _("The report was saved."))
                return redirect("report_detail", pk=report.pk)
    else:
        form = form_class(initial=initial)
    fields = {}
    for ind in indicators:
        extra = None
        if ind.code in derived:
            figure, source = derived[ind.code]
            row = stored.get(ind.id)
            line = ""
            if row is not None and row.correction_note:
                line = Correction(derived=figure, value=row.value, note=row.correction_note,
                                  decimals=ind.decimals).line()
            extra = {"link": source.link(report.organization, report.period), "reason": form[f"r_{ind.code}"],
                     "shown": form[f"d_{ind.code}"], "line": line}
        fields[ind.code] = (form[f"v_{ind.code}"], extra)
    groups = [(s, [fields[i.code] for i in indicators if i.section_id == s.id],
               form[f"n_{s.code}"] if s.has_narrative else None) for s in sections]
    return render(request, "reports/edit.html", {
        "report": report, "form": form, "groups": groups, "nav_active": "reports",
        "breadcrumbs": [LIST_CRUMB, (str(report.period), reverse("report_detail", args=[report.pk])),
                        (_("Fill in"), None)]})


def _initial(report, indicators, stored, derived):
    """The form's values: the stored figures and narratives; a figure with a source shows the figure
    from the records (``d_``) and, in its field, that figure or the correction stored (with its reason)."""
    from danvan.core.templatetags.dv import num

    initial = {"version": report.version}
    for section, rows, html in report_content(report, indicators):
        for ind, value in rows:
            if value not in (None, ""):
                initial[f"v_{ind.code}"] = value if ind.value_type == "text" else num(value, ind.decimals)
        initial[f"n_{section.code}"] = html
    for ind in indicators:
        if ind.code not in derived:
            continue
        shown = num(derived[ind.code][0], ind.decimals)
        initial[f"d_{ind.code}"] = shown
        row = stored.get(ind.id)
        if row is not None and row.correction_note:
            initial[f"r_{ind.code}"] = row.correction_note
        else:
            initial[f"v_{ind.code}"] = shown
    return initial


@login_required
@require_POST
def report_transition(request, pk: int, action: str):
    """One transition through the dispatcher; a refusal shows its Vietnamese reason, nothing changes."""
    report = _report(request, pk)
    run_action(request, lambda: report_actions.perform(report, action, actor=request.user,
                                                       reason=request.POST.get("reason", "")),
               success=lambda r: _("Done: the report is now %(status)s.") % {"status": r.get_status_display().lower()})
    return redirect("report_detail", pk=report.pk)


@login_required
@require_POST
def report_number(request, pk: int):
    """Reserve the register number of an approved report (the exports only print it)."""
    report = _report(request, pk)
    raw = (request.POST.get("issued_on") or "").strip()
    try:
        day = datetime.datetime.strptime(raw, "%d/%m/%Y").date() if raw else timezone.localdate()
    except ValueError:
        messages.error(request, _("Date issued: enter a date as dd/mm/yyyy."))
        return redirect("report_detail", pk=report.pk)
    try:
        from danvan.documents.interfaces.forms import signer_from

        number_line = issue_report_number(report, actor=request.user, issued_on=day,
                                          signer=signer_from(request.POST, report.organization, "BC"))
    except (actions.NotAllowed, NotAllowed) as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The report's number: %(n)s.") % {"n": number_line})
    return redirect("report_detail", pk=report.pk)


@login_required
def report_export(request, pk: int, fmt: str):
    from danvan.reports.interfaces import exporters

    report = _report(request, pk)
    makers = {"docx": exporters.report_docx, "pdf": exporters.report_pdf, "xlsx": exporters.report_xlsx}
    if fmt not in makers:
        return redirect("report_detail", pk=report.pk)
    content, filename, mime = makers[fmt](report, actor=request.user)
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
