from decimal import Decimal

from django.utils import translation

from danvan.core.templatetags.dv import num
from danvan.meetings.templatetags.meetings_numbers import count


def test_count_prints_like_num_in_both_languages():
    values = [0, 7, 999, 1000, 12500, 1234567, -4321, 50000]
    for lang, expected in (("vi", "1.234.567"), ("en", "1,234,567")):
        with translation.override(lang):
            assert [count(v) for v in values] == [num(v) for v in values]
            assert count(1234567) == expected


def test_count_hands_other_values_to_num():
    with translation.override("vi"):
        assert count(None) == "—"
        assert count(Decimal("1234.4")) == num(Decimal("1234.4")) == "1.234"
        assert count(True) == num(True)
