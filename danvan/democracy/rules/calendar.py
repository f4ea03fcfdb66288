"""Working days: Monday to Friday, except the public holidays of the ``PublicHoliday`` table. Pure: the
holidays are passed in (``holidays()`` of ``queries.calendar`` reads them)."""

import datetime
from collections.abc import Collection


def is_working_day(day: datetime.date, holidays: Collection[datetime.date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(day: datetime.date, n: int, holidays: Collection[datetime.date] = ()) -> datetime.date:
    """``n`` working days after ``day`` (weekends and ``holidays`` are not counted)."""
    while n > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, holidays):
            n -= 1
    return day
