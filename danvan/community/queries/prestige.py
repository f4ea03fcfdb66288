"""Per-user queries of the people of prestige: everything starts from ``restrict``."""

import datetime

from django.db.models import Count, Q

from danvan.community.models import EntryStatus, PrestigeEntry, PrestigeList
from danvan.core.text import search_order, search_terms
from danvan.orgs.scope import one_or_404, restrict
from danvan.places.models import AreaReach

SORTS = {"village": ("village", "person__name_sort", "id"), "name": ("person__name_sort", "id"),
         "-date": ("-village_meeting_on", "-id"), "status": ("status", "village", "id")}


def lists_for(user, action: str = "view"):
    return restrict(PrestigeList.objects.all(), user, action)


def list_or_404(user, pk, action: str = "view") -> PrestigeList:
    return one_or_404(lists_for(user, action).select_related("organization", "area"), pk=pk)


def entries_for(user, action: str = "view"):
    return restrict(PrestigeEntry.objects.all(), user, action)


def entry_or_404(user, pk, action: str = "view") -> PrestigeEntry:
    return one_or_404(entries_for(user, action).select_related(
            "person", "area", "prestige_list__organization", "prestige_list__area", "replaces__person"), pk=pk)


def in_area(qs, area):
    """Entries recorded in ``area``'s subtree, the legacy communes that became part of it included."""
    area_id = getattr(area, "pk", area)
    return qs.filter(area_id__in=AreaReach.objects.filter(ancestor_id=area_id).values("descendant_id"))


def active_on(day: datetime.date) -> Q:
    """Recognized on or before ``day`` and not gone by then."""
    return Q(recognized_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))


def filter_entries(user, *, q=None, status=None, role=None, area=None, prestige_list=None, year=None, sort=None,
                   **_ignored):
    """The entries ``user`` may see, filtered and sorted; the page, the export and the API all call this
    with the cleaned data of ``PrestigeFilterForm``. ``year``: on the list on 31/12 of that year."""
    qs = entries_for(user)
    if status:
        qs = qs.filter(status=status)
    if role:
        qs = qs.filter(role=role)
    if area:
        qs = in_area(qs, area)
    if prestige_list:
        qs = qs.filter(prestige_list_id=getattr(prestige_list, "pk", prestige_list))
    if year:
        qs = qs.filter(active_on(datetime.date(year, 12, 31)))
    for word in search_terms(q or ""):
        qs = qs.filter(Q(person__name_folded__contains=word) | Q(village__icontains=word))
    qs = qs.select_related("person", "area", "prestige_list")
    if search_terms(q or "") and not sort:
        # what the user meant first: the person named as typed, then the phrase in the name, accents as
        # typed; then the list's order (``core.text.search_order``); an explicit sort is kept
        return qs.order_by(*search_order(q, names=["person__name_folded"], accented=["person__full_name"]),
                           *SORTS["village"])
    return qs.order_by(*SORTS.get(sort or "village", SORTS["village"]))


def counts(user, *, area=None, years: list[int]) -> dict:
    """People of prestige on the list on 31/12 of each of ``years`` (history), and on the last of them
    by ethnicity and by role, in ``user``'s scope (``area``: its subtree, legacy communes included)."""
    qs = entries_for(user).filter(status__in=[EntryStatus.RECOGNIZED, EntryStatus.REMOVED, EntryStatus.REPLACED])
    if area:
        qs = in_area(qs, area)
    history = [(year, qs.filter(active_on(datetime.date(year, 12, 31))).count()) for year in years]
    last = qs.filter(active_on(datetime.date(years[-1], 12, 31))) if years else qs.none()
    by_ethnicity = list(last.values("person__ethnicity").annotate(n=Count("id")).order_by("-n", "person__ethnicity"))
    by_role = list(last.values("role").annotate(n=Count("id")).order_by("-n", "role"))
    return {"history": history, "by_ethnicity": [(r["person__ethnicity"] or "—", r["n"]) for r in by_ethnicity],
            "by_role": [(r["role"], r["n"]) for r in by_role]}
