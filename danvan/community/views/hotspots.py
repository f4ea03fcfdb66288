"""Pages of hot spots: the list with the counts per commune, a hot spot with its updates and steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.community.domain import actions
from danvan.community.domain.hotspots import add_update, create_hot_spot
from danvan.community.interfaces import hotspot_map
from danvan.community.interfaces.hotspot_forms import HotSpotForm, UpdateForm
from danvan.community.interfaces.lists import HOT_SPOTS
from danvan.community.queries.hotspots import by_area, filter_hot_spots, hot_spot_or_404
from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.views.helpers import audit_context, form_errors_message, run_action
from danvan.orgs.scope import restrict


def crumbs(*extra):
    return [(_("Hot spots"), reverse("hot_spot_list")), *extra]


@login_required
def hot_spot_list(request):
    """The list and the map by area share the filters: both are drawn from the same filtered queryset."""
    def above(filters):
        qs = filter_hot_spots(request.user, **filters)
        return {"areas": by_area(qs), "map": hotspot_map.svg(qs.select_related("area"))}

    return HOT_SPOTS.page(request, "community/list.html", lambda filters: {
        "title": _("Hot spots"), "create_url": reverse("hot_spot_create"), "create_label": _("New hot spot"),
        "above": "community/hotspots/_map.html", "nav_active": "community",
        "breadcrumbs": [(_("Hot spots"), None)], **above(filters)})


@login_required
def hot_spot_export(request):
    return HOT_SPOTS.export(request)


@login_required
def hot_spot_create(request):
    form = HotSpotForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            spot = create_hot_spot(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in getattr(exc, "error_dict", {None: getattr(exc, "error_list", [exc])}).items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        except REFUSALS as exc:
            form.add_error(None, message_of(exc))
        else:
            return redirect("hot_spot_detail", pk=spot.pk)
    return render(request, "community/support/form.html", {
        "form": form, "title": _("New hot spot"), "nav_active": "community",
        "breadcrumbs": crumbs((_("New hot spot"), None))})


@login_required
def hot_spot_detail(request, pk: int):
    spot = hot_spot_or_404(request.user, pk)
    return render(request, "community/hotspots/detail.html", {
        "spot": spot, "updates": spot.updates.select_related("actor"), "today": timezone.localdate(),
        "petitions": restrict(spot.petitions.all(), request.user).order_by("-received_on"),
        "tasks": restrict(spot.tasks.all(), request.user), "meetings": restrict(spot.meetings.all(), request.user),
        "allowed": actions.hot_spot_allowed_actions(request.user, spot),
        "update_form": UpdateForm(initial={"version": spot.version, "on": timezone.localdate()}),
        "nav_active": "community", "breadcrumbs": crumbs((spot.title, None)), **audit_context(spot)})


@login_required
@require_POST
def hot_spot_update(request, pk: int, action: str):
    if action != "note" and action not in actions.HOT_SPOT_ACTIONS:
        raise Http404
    spot = hot_spot_or_404(request.user, pk)
    form = UpdateForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors_message(form))
        return redirect("hot_spot_detail", pk=spot.pk)
    data = form.cleaned_data
    if action == "note":
        call = lambda: add_update(actor=request.user, hot_spot=spot, on=data["on"], text=data["text"],  # noqa: E731
                                  review_date=data["review_date"], expected_version=data["version"])
    else:
        call = lambda: actions.perform_hot_spot(spot, action, actor=request.user, on=data["on"],  # noqa: E731
                                                text=data["text"], review_date=data["review_date"],
                                                expected_version=data["version"])
    run_action(request, call, success=_("Saved."))
    return redirect("hot_spot_detail", pk=spot.pk)
