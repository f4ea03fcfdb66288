"""Per-user queries of the religious registry: everything starts from ``restrict``."""

import datetime

from django.db.models import Q

from danvan.community.models import Dignitary, PlaceOfWorship, ReligiousOrganization
from danvan.community.queries.prestige import in_area
from danvan.core.text import search_order, search_terms
from danvan.orgs.scope import one_or_404, restrict


def dignitaries_for(user, action: str = "view"):
    return restrict(Dignitary.objects.all(), user, action)


def dignitary_or_404(user, pk, action: str = "view") -> Dignitary:
    return one_or_404(dignitaries_for(user, action).select_related(
            "person", "religion", "religious_organization", "place", "area", "organization"), pk=pk)


def places_for(user, action: str = "view"):
    return restrict(PlaceOfWorship.objects.all(), user, action)


def religious_organizations_for(user, action: str = "view"):
    return restrict(ReligiousOrganization.objects.all(), user, action)


def filter_dignitaries(user, *, q=None, religion=None, kind=None, area=None, on=None, current=None, **_ignored):
    """The dignitaries ``user`` may see; the page and the API call this with the cleaned data of
    ``DignitaryFilterForm``. ``on``: holding the rank or post on that date; ``current``: today's."""
    qs = dignitaries_for(user)
    if religion:
        qs = qs.filter(religion_id=getattr(religion, "pk", religion))
    if kind:
        qs = qs.filter(kind=kind)
    if area:
        qs = in_area(qs, area)
    day = on or (current if isinstance(current, datetime.date) else None)
    if day:
        qs = qs.filter(Q(since__lte=day) & (Q(until__isnull=True) | Q(until__gte=day)))
    elif current:
        qs = qs.filter(until__isnull=True)
    for word in search_terms(q or ""):
        qs = qs.filter(Q(person__name_folded__contains=word) | Q(title__icontains=word))
    # what the user meant first: the person named as typed, then the phrase in the name, accents as typed
    return qs.select_related("person", "religion", "place", "area", "religious_organization").order_by(
        *search_order(q or "", names=["person__name_folded"], accented=["person__full_name"]),
        "person__name_sort", "-since", "id")


def filter_registry(qs, *, q=None, religion=None, area=None, **_ignored):
    """Religious organizations or places of worship, filtered like the dignitaries."""
    if religion:
        qs = qs.filter(religion_id=getattr(religion, "pk", religion))
    if area:
        qs = in_area(qs, area)
    for word in search_terms(q or ""):
        qs = qs.filter(name_folded__contains=word)
    # what the user meant first: the name as typed, then the phrase in it, accents as typed; then by name
    return qs.select_related("religion", "area").order_by(
        *search_order(q or "", names=["name_folded"], accented=["name"]), "name_sort", "id")
