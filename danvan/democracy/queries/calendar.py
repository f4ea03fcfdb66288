"""The public holidays (reference data, not organization-owned: no scope)."""

import datetime

from danvan.democracy.models import PublicHoliday


def holidays(start: datetime.date | None = None, end: datetime.date | None = None) -> frozenset[datetime.date]:
    """The days off between ``start`` and ``end`` (every one when not given), in one query."""
    qs = PublicHoliday.objects.all()
    if start:
        qs = qs.filter(day__gte=start)
    if end:
        qs = qs.filter(day__lte=end)
    return frozenset(qs.values_list("day", flat=True))
