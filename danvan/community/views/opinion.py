"""Opinion reports on the pages: the leaders' dashboard panel of urgent reports and their acknowledgement."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.community.domain.opinion import acknowledge
from danvan.community.queries.opinion import report_or_404, urgent_waiting
from danvan.core.views.helpers import run_action


def urgent_panel(request):
    """Dashboard panel: urgent opinion reports waiting for this leader's acknowledgement."""
    if not getattr(request.user, "is_authenticated", False):
        return None
    reports = list(urgent_waiting(request.user)[:10])
    if not reports:
        return None
    return {"template": "community/opinion/_urgent_panel.html", "order": 5, "reports": reports}


@login_required
@require_POST
def report_acknowledge(request, pk: int):
    report = report_or_404(request.user, pk)
    run_action(request, lambda: acknowledge(actor=request.user, report=report), success=_("Acknowledged."))
    return redirect("dashboard")
