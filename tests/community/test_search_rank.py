"""Search in the people of prestige and the religious registry ranks what the user meant first (issue 10
§6): the name as typed, then the phrase in the name, then the words apart; the list's own order breaks
ties, and an explicit sort of the prestige list is kept."""

import datetime

import pytest

from danvan.community.domain import religion
from danvan.community.models import Religion
from danvan.community.queries.prestige import filter_entries
from danvan.community.queries.religion import filter_dignitaries, filter_registry, places_for
from tests.community.helpers import make_list, nominee

pytestmark = pytest.mark.django_db


def test_the_person_of_prestige_named_as_typed_comes_first(cast):
    plist = make_list(cast.front_a)
    nominee(plist, "Lý Seo Pồ", village="Thôn Cốc Ly")
    nominee(plist, "Vàng Seo Páo", village="Thôn Sả Phìn")
    nominee(plist, "Vàng Seo Chứ Páo", village="Thôn Lả Dì")
    names = lambda **kw: [e.person.full_name for e in filter_entries(cast.commune_a, **kw)]  # noqa: E731
    assert names(q="vang seo pao") == ["Vàng Seo Páo", "Vàng Seo Chứ Páo"]
    assert names(q="vang seo pao", sort="village") == ["Vàng Seo Chứ Páo", "Vàng Seo Páo"]
    assert names() == ["Lý Seo Pồ", "Vàng Seo Chứ Páo", "Vàng Seo Páo"]


def test_the_dignitary_and_the_place_named_as_typed_come_first(cast):
    protestant = Religion.objects.get(name="Tin Lành")
    for name in ("Chi hội điểm nhóm Nậm Lúc Trên", "Điểm nhóm Nậm Lúc", "Điểm nhóm Bản Phố"):
        place = religion.add_place(actor=cast.commune_a, name=name, religion=protestant, organization=cast.front_a,
                                   area=cast.geo.commune_a)
    for full_name in ("Dình Thào A", "Thào A Dình", "Giàng Seo Lử"):
        religion.appoint(actor=cast.commune_a, organization=cast.front_a, kind="post", title="Trưởng điểm nhóm",
                         religion=protestant, full_name=full_name, since=datetime.date(2020, 5, 1), place=place)
    people = [d.person.full_name for d in filter_dignitaries(cast.commune_a, q="thao a dinh")]
    assert people == ["Thào A Dình", "Dình Thào A"]
    places = [p.name for p in filter_registry(places_for(cast.commune_a), q="diem nhom nam luc")]
    assert places == ["Điểm nhóm Nậm Lúc", "Chi hội điểm nhóm Nậm Lúc Trên"]
    assert [p.name for p in filter_registry(places_for(cast.commune_a))][0] == "Chi hội điểm nhóm Nậm Lúc Trên"
