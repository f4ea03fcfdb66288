"""Public holidays in the 5-working-day rule: the holidays are rows of a table (seeded 2025–2027, edited
by an administrator), and the deadline of a decision's minutes skips them."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from danvan.core.templatetags.dv import num, pct
from danvan.democracy.domain.decisions import is_sent_late, send_deadline
from danvan.democracy.models import CommunityDecision, PublicHoliday
from danvan.democracy.queries.calendar import holidays
from danvan.democracy.rules.calendar import add_working_days, is_working_day

D = datetime.date


def test_working_days_skip_weekends_and_the_given_holidays():
    assert add_working_days(D(2026, 3, 6), 5) == D(2026, 3, 13)
    assert add_working_days(D(2026, 3, 6), 5, {D(2026, 3, 10)}) == D(2026, 3, 16)
    assert not is_working_day(D(2026, 3, 7)) and not is_working_day(D(2026, 3, 10), {D(2026, 3, 10)})
    assert is_working_day(D(2026, 3, 10))


@pytest.mark.django_db
def test_the_seeded_table_holds_each_year_s_holidays():
    days = holidays(D(2025, 1, 1), D(2027, 12, 31))
    for year in (2025, 2026, 2027):
        assert D(year, 1, 1) in days and D(year, 4, 30) in days and D(year, 9, 2) in days
        assert sum(1 for d in days if d.year == year) >= 10
    assert {D(2026, 2, d) for d in range(16, 21)} <= days  # Tết Bính Ngọ: Monday to Friday off
    assert D(2025, 4, 7) in days  # 10/3 Ất Tỵ
    assert PublicHoliday.objects.get(day=D(2027, 4, 16)).unconfirmed is True  # a forecast, to confirm
    assert PublicHoliday.objects.get(day=D(2025, 4, 30)).unconfirmed is False


@pytest.mark.django_db
def test_the_minutes_deadline_skips_tet_and_the_april_holidays():
    # decided on Friday 13/02/2026, the last working day before Tết: 16–20/02 are days off
    tet = CommunityDecision(decided_on=D(2026, 2, 13))
    assert send_deadline(tet) == D(2026, 2, 27)  # 23, 24, 25, 26, 27 February
    tet.sent_on = D(2026, 2, 26)
    assert not is_sent_late(tet, today=D(2026, 3, 31))
    # Tuesday 28/04/2026: 30/04 and 01/05 are holidays
    april = CommunityDecision(decided_on=D(2026, 4, 28))
    assert send_deadline(april) == D(2026, 5, 7)  # 29 April, 4, 5, 6, 7 May
    assert not is_sent_late(april, today=D(2026, 5, 7)) and is_sent_late(april, today=D(2026, 5, 8))


@pytest.mark.django_db
def test_an_administrator_s_new_holiday_moves_the_deadline():
    d = CommunityDecision(decided_on=D(2026, 3, 6))
    assert send_deadline(d) == D(2026, 3, 13)
    PublicHoliday.objects.create(day=D(2026, 3, 9), name="Ngày nghỉ do Chính phủ quyết định")
    assert send_deadline(d) == D(2026, 3, 16)
    PublicHoliday.objects.filter(day=D(2026, 3, 9)).delete()
    assert send_deadline(d) == D(2026, 3, 13)


def test_num_rounds_half_up_instead_of_cutting():
    with translation.override("vi"):
        assert num(Decimal("36.246"), 2) == "36,25"
        assert num(Decimal("0.999"), 1) == "1,0"
        assert num(66.666) == "67" and num(Decimal("12.5")) == "13" and num(Decimal("12.49")) == "12"
        assert num(1234567.891, 2) == "1.234.567,89" and num(1134) == "1.134"
        assert pct(Decimal("0.36245")) == "36,25%"
        assert num(None) == "—" and num("không rõ") == "không rõ"
