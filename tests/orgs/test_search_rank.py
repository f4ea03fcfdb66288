"""Search in the user list ranks what the user meant first (issue 10 §6): the full name as typed, then
the phrase, then word starts, then the words apart; by username within each rank, as before."""

from danvan.orgs.queries.users import user_list
from tests.factories import member


def test_the_user_named_as_typed_comes_first(cast):
    for username, full_name in [("a_hoang", "Hoàng Văn An"), ("aa_van", "Văn Thị Hoàng Anh"),
                                ("b_hoang", "Hoàng Văn A Páo"), ("c_hoang", "Hoàng Văn A")]:
        member(cast.commission, username=username, full_name=full_name)
    found = [u.username for u in user_list(cast.admin, q="hoang van a")]
    # the cast's "Hoàng Văn A" (commune_a) is managed too
    assert found == ["c_hoang", "commune_a", "b_hoang", "a_hoang", "aa_van"]
    assert [u.username for u in user_list(cast.admin, q="Hoàng Văn A")] == found
    assert [u.username for u in user_list(cast.admin, q="hoang van")] == ["a_hoang", "b_hoang", "c_hoang", "commune_a",
                                                                            "aa_van"]
