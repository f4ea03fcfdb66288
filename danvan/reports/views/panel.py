"""The reports panel of the dashboard: the reports that wait for
this user's own work — only what the user can do (a chuyên viên of the Ban is not sent to other units'
drafts that she would be refused on opening)."""

import datetime

from django.utils import timezone

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


def dashboard_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    waiting, drafts = _work(user)
    related = ("period", "organization", "form_version__form")
    return {"template": "reports/_panel.html", "order": 10, "due": reports_due(user),
            "waiting": waiting.count(), "drafts": drafts.count(),
            "draft_reports": list(drafts.select_related(*related).order_by("period__end", "id")[:SHOWN]),
            "waiting_reports": list(waiting.select_related(*related).order_by("submitted_at", "id")[:SHOWN])}
