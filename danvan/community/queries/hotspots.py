"""Per-user queries of hot spots: everything starts from ``restrict``."""

from django.db.models import Count, Q
from django.utils import timezone

from danvan.community.models import HotSpot, HotSpotState
from danvan.community.queries.prestige import in_area
from danvan.core.text import leading_name, search_filter, search_order
from danvan.orgs.scope import one_or_404, restrict


def overdue_q(today) -> Q:
    return Q(review_date__lt=today) & ~Q(state=HotSpotState.CLOSED)


def hot_spots_for(user, action: str = "view"):
    return restrict(HotSpot.objects.all(), user, action)


def hot_spot_or_404(user, pk) -> HotSpot:
    return one_or_404(hot_spots_for(user).select_related("organization", "field", "area"), pk=pk)


def filter_hot_spots(user, *, q=None, field=None, state=None, risk=None, area=None, overdue=None, **_ignored):
    """The hot spots ``user`` may see; the page and the API call this with ``HotSpotFilterForm``'s data.
    ``q``: every word a word prefix of the title or the village, without diacritics."""
    qs = hot_spots_for(user)
    if field:
        qs = qs.filter(field_id=getattr(field, "pk", field))
    if state:
        qs = qs.filter(state=state)
    if risk:
        qs = qs.filter(risk=risk)
    if area:
        qs = in_area(qs, area)
    if overdue:
        qs = qs.filter(overdue_q(timezone.localdate()))
    qs = search_filter(qs, q or "", "search_folded")
    # what the user meant first: the hot spot titled as typed, then the phrase in the title or village
    # (one folded key), accents as typed; then the next review first (``core.text.search_order``)
    return qs.select_related("field", "area", "organization").order_by(
        *leading_name(q or "", "search_folded", "title"),
        *search_order(q or "", words=["search_folded"], accented=["title", "village"]), "review_date", "id")


def by_area(qs) -> list[dict]:
    """The "map by area": hot spots per commune, with how many are high or very high risk (no tiles)."""
    rows = qs.order_by().values("area_id", "area__kind_name", "area__name").annotate(
        n=Count("id"), high=Count("id", filter=Q(risk__in=["high", "very_high"])))
    return sorted(rows, key=lambda r: (-r["n"], r["area__name"]))
