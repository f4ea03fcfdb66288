"""The reports panel of the dashboard: the user's unread notifications and the reports that wait for
this user's own work — only what the user can do (a chuyên viên of the Ban is not sent to other units'
drafts that she would be refused on opening)."""

from danvan.orgs.scope import active_memberships
from danvan.reports.models import Notification, Report, Status
from danvan.reports.queries.scope import visible_reports

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


def dashboard_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    notes = list(Notification.objects.filter(user=user, read_at__isnull=True).select_related("organization")[:5])
    waiting, drafts = _work(user)
    related = ("period", "organization", "form_version__form")
    return {"template": "reports/_panel.html", "order": 10, "notifications": notes,
            "waiting": waiting.count(), "drafts": drafts.count(),
            "draft_reports": list(drafts.select_related(*related).order_by("period__end", "id")[:SHOWN]),
            "waiting_reports": list(waiting.select_related(*related).order_by("submitted_at", "id")[:SHOWN])}
