"""Roll-up, completeness (and reminding the missing), compilation pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.views.helpers import paginate, run_action
from danvan.orgs.scope import active_memberships, restrict
from danvan.reports.domain.compilation import start_compilation
from danvan.reports.domain.notifications import reminder_job, start_remind_missing
from danvan.reports.domain.periods import get_period
from danvan.reports.domain.reports import NotAllowed
from danvan.reports.interfaces.forms import AnalysisForm, default_area, period_token
from danvan.reports.models import Form, Indicator, Period, Report
from danvan.reports.queries.completeness import completeness, missing_organizations
from danvan.reports.queries.rollup import comparison
from danvan.reports.rules.periods import index_of, year_of
from danvan.reports.views.reports import error_text


def _analysis_form(request, *, derived: bool = True):
    data = request.GET.copy()
    if "form" not in data:
        form = Form.objects.filter(is_active=True).first()
        period = Period.objects.filter(reports__isnull=False).order_by("-end").first()
        area = default_area(request.user)
        data.update({"form": form.pk if form else "", "period": period_token(period) if period else "",
                     "area": area.pk if area else ""})
    return AnalysisForm(data, user=request.user, derived=derived)


@login_required
def rollup_page(request):
    form = _analysis_form(request)
    context = {"form": form, "nav_active": "report_rollup", "breadcrumbs": [(_("Roll-up"), None)]}
    if form.is_valid():
        data = form.cleaned_data
        result = comparison(request.user, form=data["form"], period=data["period"], area=data["area"])
        version = data["form"].current_version()
        rows = []
        for ind in Indicator.objects.filter(version=version).select_related("section").exclude(value_type="text"):
            cur = result["current"].values.get(ind.code)
            prev = result["previous"].values.get(ind.code) if result["previous"] else None
            last = result["last_year"].values.get(ind.code) if result["last_year"] else None
            rows.append({"indicator": ind, "current": cur, "previous": prev, "last_year": last,
                         "change": (cur - last) / last if cur is not None and last else None})
        own_commission = next((m.organization for m in active_memberships(request.user)
                               if m.organization.is_area_scoped and m.organization.area_id == data["area"].id
                               and "change" in m.actions), None)
        # the area's compiled report and the commission's own report are two reports: one may exist
        # without the other, and the compiled one can be started for any period
        existing = own_report = None
        if own_commission and data["period"].pk is not None:  # a derived period has no report yet
            of_period = restrict(Report.objects.filter(form=data["form"], period=data["period"],
                                                       organization=own_commission), request.user)
            existing = of_period.filter(is_compiled=True).first()
            own_report = of_period.filter(is_compiled=False).first()
        context.update({"result": result, "rows": rows, "own_commission": own_commission, "existing": existing,
                        "own_report": own_report})
    return render(request, "reports/rollup.html", context)


@login_required
def completeness_page(request):
    form = _analysis_form(request, derived=False)
    context = {"form": form, "nav_active": "report_completeness", "breadcrumbs": [(_("Completeness"), None)]}
    if form.is_valid() and form.cleaned_data["period"].pk is None:
        form.add_error("period", _("Nobody has reported for this period yet: choose one from the list."))
    if form.is_valid():
        data = form.cleaned_data
        counts = completeness(request.user, form=data["form"], period=data["period"], area=data["area"],
                              by_child=True)
        missing = missing_organizations(request.user, form=data["form"], period=data["period"], area=data["area"])
        missing = missing.select_related("area").order_by("name_sort", "id")
        context.update({"counts": counts, "missing_page": paginate(request, missing),
                        "deadline": data["period"].deadline(data["form"]),
                        "remind_job": reminder_job(actor=request.user, form=data["form"], period=data["period"],
                                                   area=data["area"])})
    return render(request, "reports/completeness.html", context)


@login_required
@require_POST
def completeness_remind(request):
    """Remind every missing organization of the completeness page's form, period and area (one POST)."""
    form = AnalysisForm(request.POST, user=request.user, derived=False)
    if not form.is_valid() or form.cleaned_data["period"].pk is None:
        for field, errors in form.errors.items():
            messages.error(request, f"{form.fields[field].label if field in form.fields else ''}: {' '.join(errors)}")
        if form.is_valid():
            messages.error(request, _("Nobody has reported for this period yet: choose one from the list."))
        return redirect("report_completeness")
    data = form.cleaned_data
    ok, result = run_action(request, lambda: start_remind_missing(actor=request.user, form=data["form"],
                                                                    period=data["period"], area=data["area"]))
    if ok:
        job, started = result
        messages.info(request, _("The reminders are being sent; their progress is shown below.") if started
                      else _("These reminders are already being sent; their progress is shown below."))
    query = urlencode({"form": data["form"].pk, "period": request.POST.get("period", ""), "area": data["area"].pk})
    return redirect(reverse("report_completeness") + "?" + query)


@login_required
@require_POST
def compile_start(request):
    form = AnalysisForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose a form, a period and an area."))
        return redirect("report_rollup")
    data = form.cleaned_data
    org = next((m.organization for m in active_memberships(request.user)
                if m.organization.is_area_scoped and m.organization.area_id == data["area"].id
                and "change" in m.actions), None)
    if org is None:
        messages.error(request, _("Only the staff of the area's commission can compile its report."))
        return redirect("report_rollup")
    try:
        with transaction.atomic():  # a derived period gets its row here (a POST), undone if refused
            period = data["period"]
            if period.pk is None:
                period = get_period(period.kind, year_of(period), index_of(period))
            report = start_compilation(actor=request.user, form=data["form"], period=period, organization=org)
    except NotAllowed as exc:
        messages.error(request, exc.message)
        return redirect("report_rollup")
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("report_rollup")
    messages.success(request, _("The compiled report was started from the units' reports: check and edit it."))
    return redirect("report_edit", pk=report.pk)




