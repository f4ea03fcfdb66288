import pytest

from danvan.documents.domain.symbols import derive_symbol, registry_symbol
from danvan.documents.formatting import format_cell, format_number, format_percent
from danvan.orgs.models import Organization


@pytest.mark.parametrize(("name", "symbol"), [
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai", "BTGDVTU"),
    ("Ban Dân vận Tỉnh ủy Yên Bái", "BDVTU"),
    ("Tỉnh ủy Lào Cai", "TU"),
    ("Thành ủy Huế", "TU"),
    ("Đảng ủy xã Bảo Ái", "ĐU"),
    ("Ủy ban MTTQ Việt Nam tỉnh Lào Cai", "UBMTTQVN"),
    ("Liên đoàn Lao động tỉnh Lào Cai", "LĐLĐ"),
    ("Hội Nông dân tỉnh Lào Cai", "HND"),
    ("Bộ Chỉ huy Quân sự tỉnh Lào Cai", "BCHQS"),
    ("Ủy ban nhân dân phường Yên Bái", "UBND"),
])
def test_derive_symbol(name, symbol):
    assert derive_symbol(name) == symbol


def test_registry_symbol_prefers_short_name():
    assert registry_symbol(Organization(name="Ban Dân vận Tỉnh ủy Yên Bái", short_name=" BDV ")) == "BDV"
    assert registry_symbol(Organization(name="Ban Dân vận Tỉnh ủy Yên Bái")) == "BDVTU"


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (1134, 0, "1.134"), (1234567, 0, "1.234.567"), (36.24, 2, "36,24"), (0, 0, "0"), (-1500, 0, "-1.500"),
    (999.995, 2, "1.000,00"), (None, 0, "—"),
])
def test_format_number(value, decimals, text):
    assert format_number(value, decimals) == text


def test_format_percent_and_cells():
    from decimal import Decimal

    assert format_percent(36.24) == "36,24%"
    assert [format_cell(v) for v in (1134, 36.2, Decimal("12.5"), "Xã Bảo Ái", None)] == [
        "1.134", "36,20", "12,5", "Xã Bảo Ái", ""]
