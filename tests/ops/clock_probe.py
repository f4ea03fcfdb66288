"""Run by test_clock.py under DANVAN_TEST_NOW=2031-01-01T03:00+07:00 (not collected by the suite)."""

import datetime

from django.utils import timezone


def test_the_clock_is_moved():
    assert timezone.localdate() == datetime.date(2031, 1, 1)
    assert datetime.date.today() == datetime.date(2031, 1, 1)  # Django sets the process TZ to TIME_ZONE
    assert timezone.now().date() == datetime.date(2030, 12, 31)  # UTC: the day before
    assert isinstance(datetime.date(2020, 1, 1), datetime.date)
    assert datetime.date(2020, 1, 1) < timezone.localdate()
