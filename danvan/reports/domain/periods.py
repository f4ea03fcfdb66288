"""Periods: creating them on demand, their Vietnamese labels, and the periods around them."""

import calendar
import datetime

from django.utils import translation
from django.utils.translation import gettext as _

from danvan.reports.models import Period, PeriodKind
from danvan.reports.models.periods import ROMAN

MONTHS = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.HALF: 6, PeriodKind.NINE_MONTHS: 9,
          PeriodKind.YEAR: 12}


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def bounds(kind: str, year: int, index: int = 1) -> tuple[datetime.date, datetime.date]:
    """Start and end of the ``index``-th period of ``kind`` in ``year`` (month 1-12, quarter 1-4, half 1-2;
    9 months and year: 1). "6 tháng" is the first half unless index is 2; 9 months run from January."""
    if kind == PeriodKind.MONTH:
        first = index
    elif kind == PeriodKind.QUARTER:
        first = 3 * (index - 1) + 1
    elif kind == PeriodKind.HALF:
        first = 6 * (index - 1) + 1
    else:
        first = 1
    last = first + MONTHS[kind] - 1
    return datetime.date(year, first, 1), _month_end(year, last)


def label_for(kind: str, start: datetime.date, end: datetime.date) -> str:
    """The Vietnamese label: "Tháng 10 năm 2023", "Quý III năm 2022", "6 tháng đầu năm 2022",
    "9 tháng năm 2021", "Năm 2023"."""
    year = start.year
    if kind == PeriodKind.MONTH:
        return _("Month %(month)s of %(year)s") % {"month": start.month, "year": year}
    if kind == PeriodKind.QUARTER:
        return _("Quarter %(q)s of %(year)s") % {"q": ROMAN[(start.month - 1) // 3 + 1], "year": year}
    if kind == PeriodKind.HALF:
        if start.month == 1:
            return _("First 6 months of %(year)s") % {"year": year}
        return _("Last 6 months of %(year)s") % {"year": year}
    if kind == PeriodKind.NINE_MONTHS:
        return _("9 months of %(year)s") % {"year": year}
    return _("Year %(year)s") % {"year": year}


def get_period(kind: str, year: int, index: int = 1) -> Period:
    """The period, created when first asked for (its stored label in Vietnamese).

    Effects: may insert one ``Period`` row.
    """
    start, end = bounds(kind, year, index)
    with translation.override("vi"):  # the stored label is the official Vietnamese one
        label = label_for(kind, start, end)
    period, _created = Period.objects.get_or_create(kind=kind, start=start, defaults={"end": end, "label": label})
    return period


def index_of(period: Period) -> int:
    return {PeriodKind.MONTH: period.start.month, PeriodKind.QUARTER: (period.start.month - 1) // 3 + 1,
            PeriodKind.HALF: 1 if period.start.month == 1 else 2}.get(period.kind, 1)


def previous_period(period: Period) -> Period | None:
    """The period of the same kind just before (for year-long kinds: the year before)."""
    index, year = index_of(period), period.start.year
    count = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2}.get(period.kind, 1)
    index, year = (index - 1, year) if index > 1 else (count, year - 1)
    start, _end = bounds(period.kind, year, index)
    return Period.objects.filter(kind=period.kind, start=start).first()


def same_period_last_year(period: Period) -> Period | None:
    start, _end = bounds(period.kind, period.start.year - 1, index_of(period))
    return Period.objects.filter(kind=period.kind, start=start).first()


def months_of(period: Period):
    """The month periods inside ``period`` (those that exist)."""
    return Period.objects.filter(kind=PeriodKind.MONTH, start__gte=period.start, end__lte=period.end)
