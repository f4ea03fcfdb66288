import datetime

from danvan.places.domain.units import compute_reach
from danvan.places.models import Area
from danvan.places.queries.areas import filter_areas


def test_compute_reach_follows_parents_and_successions():
    # 1 new province <- 2 new commune; 3 old province -> 1; 4 old district under 3; 5 old commune under 4 -> 2
    parents = {1: None, 2: 1, 3: None, 4: 3, 5: 4}
    successors = {3: [1], 5: [2]}
    reach = compute_reach(parents, successors)
    assert reach[5] == {5: False, 4: False, 3: False, 1: True, 2: True}
    assert reach[2] == {2: False, 1: False}
    assert reach[4] == {4: False, 3: False, 1: True}


def test_subtree_with_history_includes_legacy_units_that_became_part(geo):
    under = set(Area.objects.under(geo.laocai).values_list("id", flat=True))
    assert under == {geo.laocai.id, geo.commune_a.id, geo.commune_b.id, geo.old_yenbai.id, geo.old_district.id,
                     geo.old_commune_a.id, geo.old_commune_b.id}
    assert set(Area.objects.under(geo.laocai, history=False).values_list("id", flat=True)) == {
        geo.laocai.id, geo.commune_a.id, geo.commune_b.id}
    assert set(Area.objects.under(geo.commune_a).values_list("id", flat=True)) == {geo.commune_a.id, geo.old_commune_a.id}
    # Asked by the old unit, the legacy subtree only: the new province is not part of old Yên Bái.
    assert set(Area.objects.under(geo.old_yenbai).values_list("id", flat=True)) == {
        geo.old_yenbai.id, geo.old_district.id, geo.old_commune_a.id, geo.old_commune_b.id}


def test_filter_areas_by_date_level_and_name(geo):
    provinces_2026 = filter_areas(level="province", at=datetime.date(2026, 1, 1))
    assert [a.name for a in provinces_2026] == ["Huế", "Lào Cai"]
    assert [a.name for a in filter_areas(level="province", at=datetime.date(2024, 1, 1))] == ["Yên Bái"]
    assert [a.full_name for a in filter_areas(q="yen bai")] == ["Tỉnh Yên Bái", "Phường Yên Bái"]  # province first
    assert [a.full_name for a in filter_areas(q="BAO AI", at=datetime.date(2024, 5, 1))] == ["Xã Bảo Ái"]
    assert list(filter_areas(q="ai bao thai")) == []
