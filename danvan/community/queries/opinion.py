"""Per-user queries of opinion reports: everything starts from ``restrict``."""

from django.http import Http404

from danvan.community.models import OpinionReport
from danvan.orgs.scope import restrict


def reports_for(user, action: str = "view"):
    return restrict(OpinionReport.objects.all(), user, action)


def report_or_404(user, pk, action: str = "view") -> OpinionReport:
    try:
        return reports_for(user, action).select_related("organization", "area", "topic").get(pk=pk)
    except (OpinionReport.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def urgent_waiting(user):
    """Urgent reports not yet acknowledged that ``user`` may acknowledge (a leader's dashboard)."""
    return reports_for(user, "approve").filter(urgent=True, acknowledged_at__isnull=True).select_related(
        "organization", "area").order_by("-date", "-id")
