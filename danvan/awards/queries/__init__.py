"""Per-user nomination queries (scope: the nominating organization)."""

from django.db.models import Count, Q

from danvan.awards.models import Nomination, NominationStatus
from danvan.core.text import search_filter, search_order
from danvan.orgs.scope import get_in_scope, restrict
from danvan.places.models import Area, AreaReach


def visible_nominations(user, action: str = "view"):
    return restrict(Nomination.objects.all(), user, action)


def nomination_or_404(user, pk, action: str = "view"):
    """The nomination through ``get_in_scope`` (404 outside the scope)."""
    return get_in_scope(Nomination.objects.select_related(
        "award_kind", "person", "collective", "organization__area", "meeting"), user, action, pk=pk)


def filter_nominations(user, *, award_kind=None, status=None, year=None, area=None, q=None, **_ignored):
    """Nominations in scope, filtered; ``area`` covers the nominating organization's area subtree. With
    ``q``, the nominee named as typed first, then the phrase in the name, accents as typed
    (``core.text.search_order``); then the newest year and the name."""
    qs = visible_nominations(user)
    if award_kind:
        qs = qs.filter(award_kind_id=getattr(award_kind, "pk", award_kind))
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(year=year)
    if area:
        root = area if isinstance(area, Area) else Area.objects.filter(pk=area).first()
        qs = qs.filter(organization__area_id__in=AreaReach.objects.filter(ancestor=root).values("descendant_id")) \
            if root else qs.none()
    if q:
        qs = search_filter(qs, q)
    return qs.order_by(*search_order(q or "", names=["name_folded"], accented=["nominee_name"]),
                       "-year", "nominee_name", "id")


def recipients_summary(user, *, year=None, area=None):
    """Recipients (decided nominations) counted by year and award kind, in scope."""
    qs = filter_nominations(user, status=NominationStatus.DECIDED, year=year, area=area)
    return list(qs.values("year", "award_kind__name").annotate(
        individuals=Count("id", filter=Q(nominee_type="individual")),
        collectives=Count("id", filter=Q(nominee_type="collective")),
    ).order_by("-year", "award_kind__name"))
