"""Per-user queries of visits and gifts: the events list, a campaign's progress per commune, the totals
that feed the periodic reports."""

import datetime

from django.db.models import Count, Q, Sum

from danvan.community.models import Dignitary, EntryStatus, PrestigeEntry, SupportCampaign, SupportEvent
from danvan.community.queries.prestige import active_on, in_area
from danvan.core.text import search_filter, search_order
from danvan.orgs.scope import one_or_404, restrict
from danvan.places.models import Area


def events_for(user, action: str = "view"):
    return restrict(SupportEvent.objects.all(), user, action)


def event_or_404(user, pk) -> SupportEvent:
    return one_or_404(events_for(user).select_related("organization", "area", "policy", "campaign",
                                               "exception_approver"), pk=pk)


def campaigns_for(user, action: str = "view"):
    return restrict(SupportCampaign.objects.all(), user, action)


def campaign_or_404(user, pk) -> SupportCampaign:
    return one_or_404(campaigns_for(user).select_related("organization", "area"), pk=pk)


def filter_events(user, *, kind=None, beneficiary_kind=None, area=None, year=None, campaign=None, exception=None,
                  q=None, **_ignored):
    """The events ``user`` may see; the page and the API call this with ``SupportFilterForm``'s data.
    ``q``: every word a word prefix of the beneficiary's name, without diacritics. The list shows that
    name unmasked to everyone who sees the event, so searching it tells nothing more."""
    qs = events_for(user)
    if kind:
        qs = qs.filter(kind=kind)
    if beneficiary_kind:
        qs = qs.filter(beneficiary_kind=beneficiary_kind)
    if area:
        qs = in_area(qs, area)
    if year:
        qs = qs.filter(date__year=year)
    if campaign:
        qs = qs.filter(campaign_id=getattr(campaign, "pk", campaign))
    if exception:
        qs = qs.filter(is_exception=True)
    qs = search_filter(qs, q or "", "beneficiary_folded")
    # what the user meant first: the beneficiary named as typed, then the phrase in the name, accents as
    # typed; then the latest (``core.text.search_order``)
    return qs.select_related("organization", "area").order_by(
        *search_order(q or "", names=["beneficiary_folded"], accented=["beneficiary_name"]), "-date", "-id")


def totals(user, *, area=None, date_from: datetime.date, date_to: datetime.date) -> dict:
    """Visits and gifts of a period in ``user``'s scope (``area``: its subtree, legacy units included):
    events, beneficiaries, cash and value in kind, in all and by kind of beneficiary."""
    qs = events_for(user).filter(date__gte=date_from, date__lte=date_to)
    if area:
        qs = in_area(qs, area)
    sums = dict(events=Count("id"), people=Count("beneficiary_key", distinct=True), cash=Sum("cash"),
                in_kind=Sum("in_kind"))
    total = qs.aggregate(**sums)
    by_kind = list(qs.values("beneficiary_kind").annotate(**sums).order_by("beneficiary_kind"))
    clean = lambda d: {k: (v or 0) if k != "beneficiary_kind" else v for k, v in d.items()}  # noqa: E731
    return {"total": clean(total), "by_beneficiary": [clean(r) for r in by_kind]}


def campaign_progress(campaign: SupportCampaign) -> list[dict]:
    """Per commune of the campaign's area: people of prestige on the list and dignitaries in office at the
    start of the campaign, and how many of them the campaign's events reached (counts only)."""
    day = campaign.date_from
    entries = in_area(PrestigeEntry.objects.unscoped("counts of a campaign's area (no personal data)").filter(
        status__in=[EntryStatus.RECOGNIZED, EntryStatus.REMOVED, EntryStatus.REPLACED]).filter(active_on(day)),
        campaign.area)
    dignitaries = in_area(Dignitary.objects.unscoped("counts of a campaign's area (no personal data)").filter(
        Q(since__lte=campaign.date_to) & (Q(until__isnull=True) | Q(until__gte=day))), campaign.area)
    rows: dict[int, dict] = {}
    for area_id, n in entries.values_list("area_id").annotate(n=Count("id")):
        rows.setdefault(area_id, {"targets": 0, "reached": 0, "cash": 0, "in_kind": 0})["targets"] += n
    for area_id, n in dignitaries.values_list("area_id").annotate(n=Count("id")):
        rows.setdefault(area_id, {"targets": 0, "reached": 0, "cash": 0, "in_kind": 0})["targets"] += n
    events = SupportEvent.objects.unscoped("counts of a campaign in hand").filter(campaign=campaign)
    for area_id, n, cash, goods in events.values_list("area_id").annotate(
            n=Count("beneficiary_key", distinct=True), cash=Sum("cash"), goods=Sum("in_kind")):
        row = rows.setdefault(area_id, {"targets": 0, "reached": 0, "cash": 0, "in_kind": 0})
        row.update(reached=n, cash=cash or 0, in_kind=goods or 0)
    names = {a.pk: a for a in Area.objects.filter(pk__in=rows)}
    result = [{"area": names[pk], **row, "percent": round(100 * row["reached"] / row["targets"], 2)
               if row["targets"] else None} for pk, row in rows.items()]
    return sorted(result, key=lambda r: (r["area"].name_sort, r["area"].pk))
