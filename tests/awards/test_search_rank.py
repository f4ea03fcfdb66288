"""Search in the nominations ranks what the user meant first (issue 10 §6): the nominee named as typed,
then the phrase in the name, then the words apart; then the list's order (year, name)."""

from danvan.awards.queries import filter_nominations
from tests.awards.test_nominations import medal, nominate  # noqa: F401 - fixture


def test_the_nominee_named_as_typed_comes_first(cast, medal):  # noqa: F811
    for name in ("Giàng A Sùng Mùa", "Lầu Mùa A Sùng Chứ", "Mùa A Sùng", "Sùng Thị Dợ"):
        nominate(cast, medal, name=name)
    expected = ["Mùa A Sùng", "Lầu Mùa A Sùng Chứ", "Giàng A Sùng Mùa"]
    for q in ("mua a sung", "Mùa A Sùng"):
        assert [n.nominee_name for n in filter_nominations(cast.province, q=q)] == expected
    assert [n.nominee_name for n in filter_nominations(cast.province)] == [
        "Giàng A Sùng Mùa", "Lầu Mùa A Sùng Chứ", "Mùa A Sùng", "Sùng Thị Dợ"]
