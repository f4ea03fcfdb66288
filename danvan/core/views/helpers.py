"""Small helpers shared by the views of every app (thin views: parse, call, render)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render

from danvan.core.domain.audit import history_for


def paginate(request, queryset, per_page: int | None = None):
    paginator = Paginator(queryset, per_page or settings.DANVAN["PAGE_SIZE"])
    return paginator.get_page(request.GET.get("page"))


def render_list(request, template: str, partial: str, context: dict):
    """Render the whole page, or only the results fragment for an htmx request (filters, paging)."""
    if getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, partial, context)
    return render(request, template, context)


def audit_context(obj, limit: int = 50) -> dict:
    return {"audit_events": list(history_for(obj)[:limit])}
