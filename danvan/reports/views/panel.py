"""The reports panel of the dashboard: the reports that wait for
this user's own work — only what the user can do (a chuyên viên of the Ban is not sent to other units'
drafts that she would be refused on opening)."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from danvan.core.templatetags.dv import num
from danvan.orgs.scope import active_memberships
from danvan.reports.models import Form, Report, Status
from danvan.reports.queries.scope import visible_reports
from danvan.reports.rules.periods import period_for

SHOWN = 5


def _work(user):
    """(reports waiting for this user's review, the user's own organizations' drafts and returned reports)."""
    if user.is_superuser:
        return (visible_reports(user).filter(status=Status.SUBMITTED),
                Report.objects.none())
    memberships = active_memberships(user)
    # A leader reviews the units below; its own organization's reports only at the top (a province).
    own_not_top = [m.organization_id for m in memberships if m.organization.area.parent_id is not None]
    waiting = visible_reports(user, "approve").filter(status=Status.SUBMITTED).exclude(organization_id__in=own_not_top)
    editable_orgs = [m.organization_id for m in memberships if "change" in m.actions]
    drafts = visible_reports(user, "change").filter(status__in=[Status.DRAFT, Status.RETURNED],
                                                    organization_id__in=editable_orgs)
    return waiting, drafts


def reports_due(user, today=None):
    """The monthly report each of the user's own organizations owes now (the last month ended), with
    its deadline and its report (None: "chưa tạo"). Reads only: the period is not created here."""
    today = today or timezone.localdate()
    last_month_end = today.replace(day=1) - datetime.timedelta(days=1)
    period = period_for("month", last_month_end.year, last_month_end.month)
    memberships = [m for m in active_memberships(user) if "change" in m.actions]
    due = []
    for form in Form.objects.filter(is_active=True).order_by("name"):
        if "month" not in (form.period_kinds or []):
            continue
        for m in memberships:
            org = m.organization
            if form.applies_to_kinds and org.kind not in form.applies_to_kinds:
                continue
            report = None
            if period.pk:
                report = visible_reports(user, "change").filter(form=form, period=period, organization=org,
                                                                 is_compiled=False).first()
            due.append({"form": form, "organization": org, "period": period, "report": report,
                        "deadline": period.deadline(form), "overdue": report is None and period.deadline(form) < today
                        or (report is not None and report.status in (Status.DRAFT, Status.RETURNED)
                            and period.deadline(form) < today),
                        "year": last_month_end.year, "index": last_month_end.month})
    return due


def _once(request, key, compute):
    """What the panel and "Việc của tôi" both show, read once per request (the dashboard asks both)."""
    memo = request.__dict__.setdefault("_danvan_reports_panel", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def dashboard_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    waiting, drafts = _work(user)
    related = ("period", "organization", "form_version__form")
    return {"template": "reports/_panel.html", "order": 10, "due": _once(request, "due", lambda: reports_due(user)),
            "waiting": _once(request, "waiting", waiting.count), "drafts": drafts.count(),
            "draft_reports": list(drafts.select_related(*related).order_by("period__end", "id")[:SHOWN]),
            "waiting_reports": list(waiting.select_related(*related).order_by("submitted_at", "id")[:SHOWN])}


def my_work(request) -> list[dict]:
    """The reports' lines of "Việc của tôi": the reports waiting for this user's approval, each of the
    user's units' reports due (its deadline; "chưa tạo" when not started) and the returned ones."""
    user = request.user
    today = timezone.localdate()
    waiting, drafts = _work(user)
    items = []
    n = _once(request, "waiting", waiting.count)
    if n:
        items.append({"label": ngettext("%(n)s report waiting for your approval",
                                        "%(n)s reports waiting for your approval", n) % {"n": num(n)},
                      "url": reverse("report_review_queue"), "order": 10})
    for d in _once(request, "due", lambda: reports_due(user, today)):
        report = d["report"]
        if report is not None and report.status not in (Status.DRAFT, Status.RETURNED):
            continue
        if report is None:
            url = (reverse("report_create") + f"?form={d['form'].pk}&organization={d['organization'].pk}"
                   f"&kind=month&year={d['year']}&index={d['index']}")
            note = _("not started")
        else:
            url, note = reverse("report_detail", args=[report.pk]), report.get_status_display()
        state = "overdue" if d["deadline"] < today else "soon" if (d["deadline"] - today).days <= 7 else "todo"
        items.append({"label": _("Report %(period)s of %(org)s") % {"period": d["period"].label,
                                                                    "org": d["organization"].name},
                      "url": url, "date": d["deadline"], "note": note, "state": state, "order": 11})
    returned = drafts.filter(status=Status.RETURNED).count()
    if returned:
        items.append({"label": ngettext("%(n)s report returned to your unit", "%(n)s reports returned to your unit",
                                        returned) % {"n": num(returned)},
                      "url": reverse("report_list") + "?status=returned", "order": 12})
    return items
