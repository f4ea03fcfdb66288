"""One vocabulary in ``orgs/scope.py``: which areas a user may pick, and what a commission covers."""

import pytest

from danvan.orgs.scope import active_memberships, covers_area, membership_covers, pickable_areas


def _names(qs):
    return sorted(f"{a.kind_name} {a.name}" + (" (cũ)" if a.valid_to else "") for a in qs)


def test_a_province_commission_filters_by_its_subtree_history_included(cast):
    g = cast.geo
    picked = set(pickable_areas(cast.province).values_list("id", flat=True))
    assert {g.laocai.pk, g.commune_a.pk, g.commune_b.pk, g.old_yenbai.pk, g.old_commune_b.pk} <= picked
    assert g.hue.pk not in picked and g.commune_h.pk not in picked


def test_placing_an_organization_offers_current_units_only(cast):
    g = cast.geo
    placed = set(pickable_areas(cast.province, purpose="place").values_list("id", flat=True))
    assert {g.laocai.pk, g.commune_a.pk, g.commune_b.pk} <= placed
    assert not placed & {g.old_yenbai.pk, g.old_district.pk, g.old_commune_b.pk, g.hue.pk}


def test_a_commune_officer_picks_only_its_commune(cast):
    g = cast.geo
    assert set(pickable_areas(cast.commune_a).values_list("id", flat=True)) >= {g.commune_a.pk}
    assert g.laocai.pk not in set(pickable_areas(cast.commune_a).values_list("id", flat=True))


def test_an_unknown_purpose_is_a_programming_error(cast):
    with pytest.raises(ValueError):
        pickable_areas(cast.province, purpose="everything")


def test_a_commission_covers_its_area_subtree_and_a_front_only_itself(cast):
    g = cast.geo
    assert covers_area(cast.province, g.commune_b) and covers_area(cast.province, g.old_commune_b)
    assert not covers_area(cast.province, g.hue)
    assert not covers_area(cast.commune_a, g.commune_a)  # an MTTQ committee is not area-scoped
    commission = active_memberships(cast.province)[0]
    assert membership_covers(commission, cast.front_b) and not membership_covers(commission, cast.hue_commission)
    front = active_memberships(cast.commune_a)[0]
    assert membership_covers(front, cast.front_a) and not membership_covers(front, cast.front_b)
