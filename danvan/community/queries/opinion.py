"""Per-user queries of opinion reports: everything starts from ``restrict``."""


from danvan.community.models import OpinionReport
from danvan.orgs.scope import one_or_404, restrict


def reports_for(user, action: str = "view"):
    return restrict(OpinionReport.objects.all(), user, action)


def report_or_404(user, pk, action: str = "view") -> OpinionReport:
    return one_or_404(reports_for(user, action).select_related("organization", "area", "topic"), pk=pk)


def urgent_waiting(user):
    """Urgent reports not yet acknowledged that ``user`` may acknowledge (a leader's dashboard)."""
    return reports_for(user, "approve").filter(urgent=True, acknowledged_at__isnull=True).select_related(
        "organization", "area").order_by("-date", "-id")
