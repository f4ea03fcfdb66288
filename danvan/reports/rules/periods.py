"""Periods: their bounds, Vietnamese labels, and the periods around them (read, never written:
``domain.periods.get_period`` creates one).

Reported periods are the month, quarter, 6 months, 9 months and year; a roll-up of a longer period
with no report of its own is derived from its months, and so is the "12 months to date" (a rolling
year ending with a month), which no form is reported for."""

import calendar
import datetime

from django.utils import translation
from django.utils.translation import gettext as _

from danvan.reports.models import Period, PeriodKind
from danvan.reports.models.periods import ROMAN

MONTHS = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.HALF: 6, PeriodKind.NINE_MONTHS: 9,
          PeriodKind.YEAR: 12, PeriodKind.ROLLING_12: 12}
COUNT_IN_YEAR = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2, PeriodKind.ROLLING_12: 12}


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def bounds(kind: str, year: int, index: int = 1) -> tuple[datetime.date, datetime.date]:
    """Start and end of the ``index``-th period of ``kind`` in ``year`` (month 1-12, quarter 1-4, half 1-2;
    9 months and year: 1; 12 months to date: the month it ends with, 1-12). "6 tháng" is the first half
    unless index is 2; 9 months run from January."""
    if kind == PeriodKind.ROLLING_12:
        start = datetime.date(year, 1, 1) if index == 12 else datetime.date(year - 1, index + 1, 1)
        return start, _month_end(year, index)
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
    "9 tháng năm 2021", "Năm 2023", "12 tháng tính đến hết tháng 6 năm 2026"."""
    year = start.year
    if kind == PeriodKind.ROLLING_12:
        return _("12 months to the end of month %(month)s of %(year)s") % {"month": end.month, "year": end.year}
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


def check_kind(kind: str, index: int) -> None:
    """Raise ValueError for an unknown kind or an index out of its range."""
    if kind not in MONTHS:
        raise ValueError(f"unknown period kind {kind!r}")
    if kind in COUNT_IN_YEAR and not 1 <= index <= COUNT_IN_YEAR[kind]:
        raise ValueError(f"period index {index} out of range for {kind!r}")


def period_for(kind: str, year: int, index: int = 1) -> Period:
    """The period as ``get_period`` gives it, without writing: the stored row when it exists, else an
    unsaved ``Period`` (no id) with its bounds and label, which a roll-up derives from its months."""
    check_kind(kind, index)
    start, end = bounds(kind, year, index)
    found = Period.objects.filter(kind=kind, start=start).first()
    if found is not None:
        return found
    with translation.override("vi"):
        return Period(kind=kind, start=start, end=end, label=label_for(kind, start, end))


def index_of(period: Period) -> int:
    return {PeriodKind.MONTH: period.start.month, PeriodKind.QUARTER: (period.start.month - 1) // 3 + 1,
            PeriodKind.HALF: 1 if period.start.month == 1 else 2,
            PeriodKind.ROLLING_12: period.end.month}.get(period.kind, 1)


def year_of(period: Period) -> int:
    """The year the period is named after (a rolling 12 months: the year it ends in)."""
    return period.end.year if period.kind == PeriodKind.ROLLING_12 else period.start.year


def previous_period(period: Period) -> Period:
    """The period of the same kind just before (for year-long kinds and the 12 months to date: the 12
    months before). An unsaved ``Period`` when it has no row yet (see ``period_for``)."""
    index, year = index_of(period), year_of(period)
    if period.kind == PeriodKind.ROLLING_12:
        return period_for(period.kind, year - 1, index)
    index, year = (index - 1, year) if index > 1 else (COUNT_IN_YEAR.get(period.kind, 1), year - 1)
    return period_for(period.kind, year, index)


def same_period_last_year(period: Period) -> Period:
    """The period of the same kind a year before (an unsaved ``Period`` when it has no row yet)."""
    return period_for(period.kind, year_of(period) - 1, index_of(period))


def months_of(period: Period):
    """The month periods inside ``period`` (those that exist)."""
    return Period.objects.filter(kind=PeriodKind.MONTH, start__gte=period.start, end__lte=period.end)
