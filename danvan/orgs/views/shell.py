"""The dashboard shell: the user's scope in figures and the panels other modules register
(``danvan.core.dashboard``). It lives in ``orgs`` because the figures need the scope; ``core`` only keeps
the panel registry (core imports nothing from orgs/places)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.template.loader import render_to_string

from danvan.core.dashboard import panels_for
from danvan.orgs.queries.organizations import scope_summary


@login_required
def dashboard(request):
    panels = [render_to_string(panel["template"], {**panel, "panel": panel}, request=request)
              for panel in panels_for(request)]
    context = {"nav_active": "dashboard", "summary": scope_summary(request.user), "panels": panels}
    return render(request, "core/dashboard.html", context)
