"""Statistics against a hand-counted fixture.

Province Lào Cai (new) ─ A (Bảo Ái), B (Yên Bái); legacy Yên Bái ─ Yên Bình district ─ old Bảo Ái (→ A),
old Tân Hương (→ B). Models, all 2023 unless stated:

  #  organization      area             field             status          level     outstanding holder
  1  MTTQ xã A         A                economy           recognized      commune   yes         collective
  2  MTTQ xã A         A                economy           registered      -         -           individual
  3  MTTQ phường B     B                culture_society   in_progress     -         -           collective
  4  BDV Yên Bái (old) old Bảo Ái       economy           recognized      district  -           collective
  5  BDV Yên Bái (old) old Tân Hương    political_system  not_recognized  -         -           collective
  6  BDV Yên Bái (old) Yên Bình dist.   defense_security  evaluated       -         -           individual
  7  MTTQ xã A         A                economy           draft           -         -           collective
  8  MTTQ xã A         A   (2022)       economy           recognized      province  -           collective
  9  BTGDV Huế         Thuận Hóa        economy           recognized      province  -           collective

Hand counts for Lào Cai 2023 as the province officer: total 7 (#1–#7); by field economy 4 (#1 #2 #4 #7),
culture 1, defence 1, political 1; registered (not draft) 6; carried out 5 (#1 #3 #4 #5 #6: in_progress,
recognized ×2, not_recognized, evaluated); recognized 2 (commune 1, district 1); outstanding 1.
By child: A = #1 #2 #4 #7 = 4; B = #3 #5 = 2; former units above commune = #6 = 1.
"""

import pytest

from danvan.practices.models import Status
from danvan.practices.queries import stats
from tests.practices.conftest import make_practice


@pytest.fixture
def fixture(cast):
    g = cast.geo
    rows = [
        (cast.front_a, g.commune_a, "economy", Status.RECOGNIZED, "commune", True, "collective", 2023),
        (cast.front_a, g.commune_a, "economy", Status.REGISTERED, "", False, "individual", 2023),
        (cast.front_b, g.commune_b, "culture_society", Status.IN_PROGRESS, "", False, "collective", 2023),
        (cast.old_commission, g.old_commune_a, "economy", Status.RECOGNIZED, "district", False, "collective", 2023),
        (cast.old_commission, g.old_commune_b, "political_system", Status.NOT_RECOGNIZED, "", False, "collective", 2023),
        (cast.old_commission, g.old_district, "defense_security", Status.EVALUATED, "", False, "individual", 2023),
        (cast.front_a, g.commune_a, "economy", Status.DRAFT, "", False, "collective", 2023),
        (cast.front_a, g.commune_a, "economy", Status.RECOGNIZED, "province", False, "collective", 2022),
        (cast.hue_commission, g.commune_h, "economy", Status.RECOGNIZED, "province", False, "collective", 2023),
    ]
    for org, area, field, status, level, outstanding, holder, year in rows:
        make_practice(org, area, field=field, status=status, level=level, is_outstanding=outstanding, holder=holder,
                      year=year, person_name="Nguyễn Văn X" if holder == "individual" else "")
    return cast


def test_province_summary_counts_legacy_units_under_their_successor(fixture):
    data = stats.summary(fixture.province, area=fixture.geo.laocai, year=2023)
    assert data["total"] == 7
    assert data["by_field"] == {"economy": 4, "culture_society": 1, "defense_security": 1, "political_system": 1}
    assert data["by_status"] == {"draft": 1, "registered": 1, "in_progress": 1, "evaluated": 1, "recognized": 2,
                                 "not_recognized": 1}
    assert data["by_level"] == {"commune": 1, "district": 1, "province": 0, "central": 0}
    assert (data["registered"], data["carried_out"], data["recognized"], data["outstanding"]) == (6, 5, 2, 1)
    assert data["by_holder"] == {"collective": 5, "individual": 2}
    assert data["grid"]["economy"] == {"draft": 1, "registered": 1, "in_progress": 0, "evaluated": 0,
                                       "recognized": 2, "not_recognized": 0}


def test_by_child_area_puts_legacy_communes_under_new_ones(fixture):
    rows = stats.by_child_area(fixture.province, fixture.geo.laocai, year=2023)
    assert [(r["area"].name if r["area"] else None, r["n"]) for r in rows] == [
        ("Bảo Ái", 4), ("Yên Bái", 2), (None, 1)]


def test_commune_a_area_includes_its_legacy_commune(fixture):
    data = stats.summary(fixture.province, area=fixture.geo.commune_a, year=2023)
    assert data["total"] == 4  # #1 #2 #4 #7


def test_by_year(fixture):
    assert stats.by_year(fixture.province, area=fixture.geo.laocai) == [
        {"year": 2022, "total": 1, "recognized": 1}, {"year": 2023, "total": 7, "recognized": 2}]


def test_statistics_never_count_what_the_user_may_not_see(fixture):
    mine = stats.summary(fixture.commune_a, area=fixture.geo.laocai, year=2023)
    assert mine["total"] == 3  # #1 #2 #7: not B's, not the legacy commission's
    assert stats.summary(fixture.hue)["total"] == 1
    assert stats.summary(fixture.nobody)["total"] == 0
    assert stats.summary(fixture.hue, area=fixture.geo.laocai)["total"] == 0


def _practice_scans(queries) -> int:
    return sum('FROM "practices_practice"' in q["sql"] for q in queries)


def test_summary_is_one_grouped_query_over_the_practices(fixture, django_assert_num_queries):
    fixture.province.__dict__.pop("_danvan_scope", None)
    from danvan.orgs.scope import active_memberships

    active_memberships(fixture.province)
    with django_assert_num_queries(2) as queries:  # the subtree's ids, then the practices once
        stats.summary(fixture.province, area=fixture.geo.laocai, year=2023)
    assert _practice_scans(queries.captured_queries) == 1


@pytest.mark.parametrize("year", [2023, 2022, None])
def test_the_page_figures_equal_the_separate_functions_from_one_scan(fixture, year, django_assert_max_num_queries):
    from danvan.orgs.scope import active_memberships

    active_memberships(fixture.province)
    laocai = fixture.geo.laocai
    with django_assert_max_num_queries(5) as queries:
        data, children, years = stats.page(fixture.province, area=laocai, year=year)
    assert _practice_scans(queries.captured_queries) == 1
    assert data == stats.summary(fixture.province, area=laocai, year=year)
    assert children == stats.by_child_area(fixture.province, laocai, year=year)
    assert years == stats.by_year(fixture.province, area=laocai)
    expected = {2023: (7, [("Bảo Ái", 4), ("Yên Bái", 2), (None, 1)]),
                2022: (1, [("Bảo Ái", 1), ("Yên Bái", 0)]),
                None: (8, [("Bảo Ái", 5), ("Yên Bái", 2), (None, 1)])}[year]
    assert (data["total"], [(r["area"].name if r["area"] else None, r["n"]) for r in children]) == expected


def test_the_page_without_an_area_has_no_child_rows(fixture):
    data, children, years = stats.page(fixture.hue)
    assert (data["total"], children, [y["year"] for y in years]) == (1, [], [2023])
