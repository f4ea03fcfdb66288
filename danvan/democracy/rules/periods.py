"""Periods of disclosure obligations: keys, labels, end dates."""

import datetime

from django.utils.translation import gettext as _

from danvan.democracy.models import Recurrence


def periods_of(recurrence: str, year: int) -> list[tuple[str, datetime.date]]:
    """(period_key, last day) of each period of ``year`` for a periodic recurrence; [] for the others."""
    if recurrence == Recurrence.YEARLY:
        return [(f"{year}", datetime.date(year, 12, 31))]
    if recurrence == Recurrence.HALF_YEARLY:
        return [(f"{year}-H1", datetime.date(year, 6, 30)), (f"{year}-H2", datetime.date(year, 12, 31))]
    if recurrence == Recurrence.QUARTERLY:
        ends = [(3, 31), (6, 30), (9, 30), (12, 31)]
        return [(f"{year}-Q{i + 1}", datetime.date(year, m, d)) for i, (m, d) in enumerate(ends)]
    return []


def quarter_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    start = datetime.date(year, 3 * quarter - 2, 1)
    end = datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - datetime.timedelta(days=1)
    return start, end


def document_key(number: str, issued_on: datetime.date) -> str:
    return f"vb:{number}:{issued_on:%Y-%m-%d}"[:120]


def period_label(key: str) -> str:
    if key.startswith("vb:"):
        _vb, number, day = key.split(":", 2)
        return _("document %(number)s of %(date)s") % {
            "number": number, "date": datetime.date.fromisoformat(day).strftime("%d/%m/%Y")}
    if "-Q" in key:
        year, q = key.split("-Q")
        return _("quarter %(q)s/%(year)s") % {"q": q, "year": year}
    if "-H" in key:
        year, h = key.split("-H")
        return _("first half of %(year)s") % {"year": year} if h == "1" else _("second half of %(year)s") % {
            "year": year}
    return _("year %(year)s") % {"year": key}
