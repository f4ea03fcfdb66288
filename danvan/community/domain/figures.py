"""The report figures this module supplies (``reports.domain.sources``), counted from the organization's
own records for the period: visits and gifts (DV_TH_LUOT: events; DV_TH_QUA: gifts given, an event with
a value in kind or a Tết/festival gift; DV_TH_TIEN: cash and value in kind, đồng), people of prestige on
the organization's lists at the end of the period (DV_NUT) and hot spots open at the end of the period
(DV_DIEM_NONG). An organization that keeps no such record in the module gets ``None`` (its figure stays
typed in)."""

from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _


def _events(organization):
    from danvan.community.models import SupportEvent

    own = SupportEvent.objects.unscoped("report figure of the report's own organization").filter(
        organization_id=organization.pk)
    return own if own.exists() else None


def visits(organization, period):
    own = _events(organization)
    return None if own is None else own.filter(date__range=(period.start, period.end)).count()


def gifts(organization, period):
    own = _events(organization)
    if own is None:
        return None
    return own.filter(date__range=(period.start, period.end)).filter(Q(in_kind__gt=0) | Q(kind="gift")).count()


def money(organization, period):
    own = _events(organization)
    if own is None:
        return None
    sums = own.filter(date__range=(period.start, period.end)).aggregate(cash=Sum("cash"), goods=Sum("in_kind"))
    return (sums["cash"] or 0) + (sums["goods"] or 0)


def people_of_prestige(organization, period):
    from danvan.community.models import EntryStatus, PrestigeEntry

    own = PrestigeEntry.objects.unscoped("report figure of the report's own organization").filter(
        prestige_list__organization_id=organization.pk)
    if not own.exists():
        return None
    day = period.end
    return own.filter(status__in=[EntryStatus.RECOGNIZED, EntryStatus.REMOVED, EntryStatus.REPLACED],
                      recognized_on__lte=day).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day)).count()


def hot_spots(organization, period):
    """Hot spots recorded by the end of the period and not closed then (a hot spot closed after the
    period's end was still open at it)."""
    from danvan.community.models import HotSpot, HotSpotUpdate

    own = HotSpot.objects.unscoped("report figure of the report's own organization").filter(
        organization_id=organization.pk)
    if not own.exists():
        return None
    recorded = own.filter(created_at__date__lte=period.end)
    closed_by_then = HotSpotUpdate.objects.unscoped("the closing updates of the organization's hot spots").filter(
        hot_spot__organization_id=organization.pk, state_to="closed", on__lte=period.end).values("hot_spot_id")
    still_closed = recorded.filter(state="closed", pk__in=closed_by_then)
    return recorded.count() - still_closed.count()


def register():
    from danvan.reports.domain.sources import register_source

    def events_url(organization, period):
        return f"/cong-dong/tham-hoi/?year={period.start.year}"

    register_source("DV_TH_LUOT", visits, label=_("the visits and gifts recorded"), url=events_url)
    register_source("DV_TH_QUA", gifts, label=_("the gifts recorded"), url=events_url)
    register_source("DV_TH_TIEN", money, label=_("the cash and gifts recorded"), url=events_url)
    register_source("DV_NUT", people_of_prestige, label=_("the lists of people of prestige"),
                    url=lambda organization, period: f"/cong-dong/uy-tin/?year={period.end.year}")
    register_source("DV_DIEM_NONG", hot_spots, label=_("the hot spots recorded"),
                    url=lambda organization, period: "/cong-dong/diem-nong/")
