"""Pages of disclosures: the province's table, the commune's board, the obligation list and the overdue
list, an obligation's page and its steps. Thin: parse, call the domain or a query, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from danvan.core import files
from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.views.helpers import audit_context, form_errors_message, paginate, render_list, run_action
from danvan.core.views.helpers import refusal_to_form as add_errors
from danvan.democracy.domain import actions, obligations, records
from danvan.democracy.domain import findings as finding_actions
from danvan.democracy.interfaces import reminders as reminder_jobs
from danvan.democracy.interfaces.forms import (
    DisclosureFilterForm,
    DocumentForm,
    EvidenceForm,
    FindingForm,
    GenerateForm,
    ReasonForm,
    RecordForm,
    TableForm,
    provinces_for,
    today,
)
from danvan.democracy.queries import disclosures as q
from danvan.democracy.rules.periods import quarter_of
from danvan.democracy.rules.state import COLOUR, State, next_step
from danvan.orgs.models import Organization
from danvan.orgs.scope import one_or_404
from danvan.places.models import Area, AreaReach

OVERDUE_STATES = [State.OVERDUE, State.CHANNEL_MISSING]


def crumbs(*extra):
    return [(_("Grassroots democracy"), reverse("democracy_table")), *extra]


@login_required
@require_GET
def province_table(request):
    form = TableForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_valid() else {}
    day = today()
    year = data.get("year") or day.year
    province = data.get("province") or provinces_for(request.user).first()
    rows = q.province_table(request.user, province, year=year, today=day) if province else []
    return render(request, "democracy/table.html", {
        "form": form, "rows": rows, "province": province, "year": year, "nav_active": "democracy",
        "quarter": quarter_of(day) if year == day.year else 4, "generate_form": GenerateForm(
            user=request.user, initial={"province": province, "year": year}),
        "breadcrumbs": [(_("Grassroots democracy"), None)]})


@login_required
@require_POST
def generate(request):
    form = GenerateForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, form_errors_message(form))
        return redirect("democracy_table")
    ok, job = run_action(request, lambda: obligations.start_generation(
        actor=request.user, province=form.cleaned_data["province"], year=form.cleaned_data["year"]),
        success=_("The obligations are being generated; follow the progress on the job's page."))
    if ok:
        return redirect("job_detail", pk=job.pk)
    return redirect("democracy_table")


def _commune_in_scope(user, area_id) -> Area:
    """The commune, if the user sees an organization in it (or above it, area-wide); else 404."""
    area = Area.objects.filter(pk=area_id, level="commune").first()
    if area is None:
        raise Http404
    below = AreaReach.objects.filter(ancestor_id=area.pk).values("descendant_id")
    if not (q.obligations_for(user).filter(area_id__in=below).exists()
            or Organization.objects.for_user(user).filter(area_id__in=below).exists()):
        raise Http404
    return area


@login_required
@require_GET
def commune_board(request, area_id: int):
    area = _commune_in_scope(request.user, area_id)
    day = today()
    try:
        year = int(request.GET.get("nam") or day.year)
        quarter = int(request.GET.get("quy") or (quarter_of(day) if year == day.year else 4))
        if not (2000 <= year <= 2100 and 1 <= quarter <= 4):
            raise ValueError
    except ValueError:
        messages.error(request, _("Year: between 2000 and 2100; quarter: 1 to 4."))
        year, quarter = day.year, quarter_of(day)
    rows = q.board(request.user, area, year=year, quarter=quarter, today=day)
    return render(request, "democracy/board.html", {
        "area": area, "rows": rows, "year": year, "quarter": quarter, "nav_active": "democracy",
        "quarters": [1, 2, 3, 4], "breadcrumbs": crumbs((f"{area.kind_name} {area.name}", None))})


def _list(request, *, overdue: bool):
    day = today()
    # The first load (no filter chosen) shows this year: the whole history of every commune in scope would
    # be counted, sorted and (for the overdue list) given a derived state before the first row shows.
    form = DisclosureFilterForm(request.GET or None, user=request.user, initial={"year": day.year})
    filters = form.filters() if form.is_valid() else {}
    if not form.is_bound:
        filters["year"] = day.year
    if overdue:
        filters["state"] = OVERDUE_STATES if not filters.get("state") else filters["state"]
    qs = q.list_queryset(q.filter_obligations(request.user, today=day, **filters))
    page = paginate(request, qs)
    page.object_list = q.with_states(page.object_list, today=day)
    for o in page.object_list:
        o.next_step = next_step(o.state, o.missing)
    return render_list(request, "democracy/list.html", "democracy/_results.html", {
        "form": form, "page_obj": page, "overdue": overdue, "nav_active": "democracy",
        "document_form": None if overdue else DocumentForm(user=request.user),
        "remind_job": reminder_jobs.todays_job(request.user) if overdue and not request.htmx else None,
        "breadcrumbs": crumbs((_("Overdue disclosures") if overdue else _("Obligations"), None))})


@login_required
@require_GET
def obligation_list(request):
    return _list(request, overdue=False)


@login_required
@require_GET
def overdue_list(request):
    return _list(request, overdue=True)


@login_required
@require_POST
def remind(request):
    """Remind the communes of the overdue obligations the list's filters select: a background job whose
    progress the overdue list shows (``interfaces/reminders.py``)."""
    form = DisclosureFilterForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, " ".join(e["message"] for e in form.error_list()))
        return redirect("democracy_overdue")
    job, started = reminder_jobs.start(actor=request.user, form=form)
    messages.info(request, _("The reminders are being sent; their progress is shown below.") if started
                  else _("These reminders are already being sent; their progress is shown below."))
    return redirect("democracy_overdue")


@login_required
@require_POST
def document_obligation(request):
    form = DocumentForm(request.POST, user=request.user)
    if form.is_valid():
        d = form.cleaned_data
        try:
            ob = obligations.trigger_by_document(actor=request.user, organization=d["organization"], item=d["item"],
                                                 number=d["number"], issued_on=d["issued_on"], title=d["title"],
                                                 issuer=d["issuer"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Obligation created, due on %(date)s.") % {"date": ob.due_on.strftime(
                "%d/%m/%Y")})
            return redirect("obligation_detail", pk=ob.pk)
    for name, errs in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errs)}" if label else " ".join(errs))
    return redirect("obligation_list")


def _obligation(request, pk, action="view"):
    qs = q.obligations_for(request.user, action).select_related("item", "area", "organization")
    return one_or_404(qs, pk=pk)


@login_required
@require_GET
def obligation_detail(request, pk: int, record_form=None, evidence_form=None, finding_form=None):
    ob = _obligation(request, pk)
    day = today()
    recs = list(ob.records.prefetch_related("evidence", "findings"))
    from danvan.democracy.rules.state import missing_channels, rules_of, state_of

    state = state_of(ob, today=day, records=recs)
    missing = missing_channels(rules_of(ob.item), recs)
    allowed = actions.allowed_actions(request.user, ob)
    may_change = bool(allowed)
    front_orgs = FindingForm(user=request.user).fields["organization"].queryset.filter(area_id=ob.area_id)
    return render(request, "democracy/obligation.html", {
        "ob": ob, "records": recs, "state": state, "colour": COLOUR[state], "missing": missing,
        "next_step": next_step(state, missing), "allowed": allowed, "nav_active": "democracy",
        "record_form": (record_form or RecordForm()) if may_change else None,
        "evidence_form": (evidence_form or EvidenceForm()) if may_change else None,
        "finding_form": (finding_form or FindingForm(user=request.user)) if front_orgs.exists() else None,
        "reason_form": ReasonForm(initial={"version": ob.version}),
        "breadcrumbs": crumbs((f"{ob.area.kind_name} {ob.area.name}", reverse("commune_board", args=[ob.area_id])),
                              (f"{ob.item.number}. {ob.period_label}", None)),
        **audit_context(ob)})


@login_required
@require_POST
def obligation_record(request, pk: int):
    ob = _obligation(request, pk)
    form = RecordForm(request.POST)
    if form.is_valid():
        try:
            records.add_record(actor=request.user, obligation=ob, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        except REFUSALS as exc:
            form.add_error(None, message_of(exc))
        else:
            messages.success(request, _("Disclosure recorded."))
            return redirect("obligation_detail", pk=ob.pk)
    request.method = "GET"
    return obligation_detail(request, pk, record_form=form)


@login_required
@require_POST
def obligation_action(request, pk: int, action: str):
    ob = _obligation(request, pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    run_action(request, lambda: actions.perform(ob, action, actor=request.user,
                                                reason=form.cleaned_data.get("reason") or "",
                                                expected_version=form.cleaned_data.get("version")),
               success=_("Saved."))
    return redirect("obligation_detail", pk=ob.pk)


def _record(request, pk):
    qs = q.records_for(request.user).select_related("obligation", "obligation__item")
    return one_or_404(qs, pk=pk)


@login_required
@require_POST
def evidence_upload(request, pk: int):
    record = _record(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        ok, _e = run_action(request, lambda: records.add_evidence(
            actor=request.user, record=record, upload=form.cleaned_data["file"], kind=form.cleaned_data["kind"],
            taken_on=form.cleaned_data["taken_on"]), success=_("Evidence attached."))
        if ok:
            return redirect("obligation_detail", pk=record.obligation_id)
    else:
        messages.error(request, form_errors_message(form))
    return redirect("obligation_detail", pk=record.obligation_id)


@login_required
@require_GET
def evidence_download(request, pk: int):
    evidence = one_or_404(q.evidence_for(request.user), pk=pk)
    return files.serve(evidence.file, filename=evidence.original_name,
                       content_type=files.content_type_for(evidence.original_name))


@login_required
@require_POST
def record_finding(request, pk: int):
    record = _record(request, pk)
    form = FindingForm(request.POST, user=request.user)
    if form.is_valid():
        d = form.cleaned_data
        ok, _f = run_action(request, lambda: finding_actions.record_finding(
            actor=request.user, organization=d["organization"], addressed_to=record.obligation.organization,
            record=record, finding=d["finding"], recommendation=d["recommendation"], found_on=d["found_on"],
            answer_due=d["answer_due"]), success=_("Finding recorded; the commune must answer it."))
    else:
        messages.error(request, form_errors_message(form))
    return redirect("obligation_detail", pk=record.obligation_id)


@login_required
@require_GET
def yearly_review(request, fmt: str = "html"):
    from django.http import HttpResponse

    from danvan.democracy.domain import review

    form = TableForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_valid() else {}
    day = today()
    year = data.get("year") or day.year - 1
    province = data.get("province") or provinces_for(request.user).first()
    if province is None:
        raise Http404
    figures = review.figures(request.user, province, year=year, today=day)
    if fmt == "docx":
        from django.utils.http import content_disposition_header

        from danvan.documents.rendering import render_docx

        content = render_docx(review.document(figures, date=day))
        response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument."
                                                      "wordprocessingml.document")
        response["Content-Disposition"] = content_disposition_header(True, f"tong-ket-qcdc-{year}.docx")
        return response
    return render(request, "democracy/review.html", {
        "form": form, "f": figures, "lines": review.read_out(figures), "nav_active": "democracy",
        "breadcrumbs": crumbs((_("Yearly review"), None))})


@login_required
@require_POST
def obligation_export(request):
    from danvan.democracy.interfaces.lists import OBLIGATIONS

    return OBLIGATIONS.export(request)
