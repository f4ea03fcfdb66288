import datetime

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.views.helpers import paginate, render_list
from danvan.orgs.queries.organizations import filter_organizations, mobilization_block
from danvan.places.interfaces.lists import AREAS
from danvan.places.models import Area


def _day(form) -> datetime.date:
    return (form.cleaned_data.get("at") if form.is_valid() else None) or timezone.localdate()


@login_required
def area_browser(request):
    """The area browser: the tree of units valid on a chosen day, or, when a search filter is given,
    the results of the one area list (``AREAS``: the same filters and columns as the API and the export)."""
    form = AREAS.bind(request.GET, request.user)
    context = {"day": _day(form), "nav_active": "areas", "breadcrumbs": [(_("Areas"), None)]}
    if form.searching():
        return AREAS.page(request, "places/browser.html", {**context, "searching": True},
                          partial="places/_results.html")
    context.update({
        "form": form, "list_action": reverse("area_browser"),
        "roots": Area.objects.filter(level="province").valid_on(context["day"]).order_by("name_sort"),
    })
    return render_list(request, "places/browser.html", "places/_results.html", context)


@login_required
@require_POST
def area_export(request):
    return AREAS.export(request)


@login_required
def area_children(request, pk: int):
    """The children of one area valid on ``at`` (an htmx fragment of the tree)."""
    area = get_object_or_404(Area, pk=pk)
    day = _day(AREAS.bind(request.GET, request.user))
    children = area.children.valid_on(day).order_by("name_sort")
    return render(request, "places/_children.html", {"area": area, "children": children, "day": day})


@login_required
def area_detail(request, pk: int):
    area = get_object_or_404(Area.objects.select_related("parent__parent"), pk=pk)
    chain, node = [], area.parent
    while node is not None:
        chain.insert(0, node)
        node = node.parent
    orgs = filter_organizations(request.user, area=area, include_former=True).select_related("area")
    context = {
        "area": area,
        "chain": chain,
        "predecessors": area.predecessor_links.select_related("predecessor__parent").order_by("predecessor__name_sort"),
        "successors": area.successor_links.select_related("successor__parent").order_by("successor__name_sort"),
        "children": area.children.order_by("valid_to", "name_sort")[:500],
        "children_count": area.children.count(),
        "org_page": paginate(request, orgs, 20),
        "bloc": mobilization_block(request.user, area),
        "nav_active": "areas",
        "breadcrumbs": [(_("Areas"), "/dia-ban/"), *[(a.full_name, f"/dia-ban/{a.pk}/") for a in chain],
                        (area.full_name, None)],
    }
    return render(request, "places/detail.html", context)
