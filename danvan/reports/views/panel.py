"""The reports panel of the dashboard: the user's unread notifications and reports waiting for them."""

from danvan.reports.models import Notification, Status
from danvan.reports.queries.scope import visible_reports


def dashboard_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    notes = list(Notification.objects.filter(user=user, read_at__isnull=True).select_related("organization")[:5])
    waiting = visible_reports(user, "approve").filter(status=Status.SUBMITTED).count() if not user.is_superuser \
        else visible_reports(user).filter(status=Status.SUBMITTED).count()
    drafts = visible_reports(user, "change").filter(status__in=[Status.DRAFT, Status.RETURNED]).count()
    return {"template": "reports/_panel.html", "order": 10, "notifications": notes, "waiting": waiting,
            "drafts": drafts}
