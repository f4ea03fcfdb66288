"""Roll-up and completeness against hand-computed figures, across the 2025 succession."""

from decimal import Decimal

from danvan.reports.domain.periods import get_period
from danvan.reports.queries import rollup as rollup_module
from danvan.reports.queries.completeness import completeness, missing_organizations
from danvan.reports.queries.rollup import comparison, rollup
from tests.reports.conftest import make_report


def test_rollup_new_province_counts_legacy_yenbai_reports(rep):
    result = rollup(rep.cast.province, form=rep.form, period=rep.m2023, area=rep.cast.geo.laocai)
    assert result.reports == 3
    assert result.values["DV_DON_NHAN"] == Decimal(33)
    assert result.values["DV_DON_GQ"] == Decimal(26)
    assert result.values["DV_NUT"] == Decimal(12)


def test_rollup_old_province_counts_its_own_units_only(rep):
    old = rollup(rep.cast.province, form=rep.form, period=rep.m2023, area=rep.cast.geo.old_yenbai)
    assert (old.reports, old.values["DV_DON_NHAN"]) == (3, Decimal(33))
    after = rollup(rep.cast.province, form=rep.form, period=rep.m2025, area=rep.cast.geo.old_yenbai)
    assert (after.reports, after.values) == (0, {})
    new = rollup(rep.cast.province, form=rep.form, period=rep.m2025, area=rep.cast.geo.laocai)
    assert (new.reports, new.values["DV_DON_NHAN"], new.values["DV_DON_GQ"]) == (3, Decimal(11), Decimal(7))


def test_rollup_new_commune_counts_its_legacy_commune(rep):
    a = rollup(rep.cast.province, form=rep.form, period=rep.m2023, area=rep.cast.geo.commune_a)
    assert (a.reports, a.values["DV_DON_NHAN"]) == (1, Decimal(10))
    b = rollup(rep.cast.province, form=rep.form, period=rep.m2023, area=rep.cast.geo.commune_b)
    assert (b.reports, b.values["DV_DON_NHAN"]) == (1, Decimal(20))  # the draft of old_front_c is not counted


def test_rollup_never_counts_what_the_user_may_not_see(rep):
    assert rollup(rep.cast.hue, form=rep.form, period=rep.m2023, area=rep.cast.geo.laocai).values == {}
    mine = rollup(rep.cast.commune_a, form=rep.form, period=rep.m2025, area=rep.cast.geo.laocai)
    assert (mine.reports, mine.values["DV_DON_NHAN"]) == (1, Decimal(4))


def test_rollup_by_organization_kind(rep):
    fronts = rollup(rep.cast.province, form=rep.form, period=rep.m2023, area=rep.cast.geo.laocai,
                    kinds=["fatherland_front"])
    assert (fronts.reports, fronts.values["DV_DON_NHAN"]) == (2, Decimal(30))


def test_longer_period_is_derived_from_months(rep):
    make_report(rep.root, rep.old_front_a, get_period("month", 2023, 1), {"DV_DON_NHAN": 7, "DV_DON_GQ": 1,
                                                                            "DV_NUT": 4, "DV_MH_DK": 1},
                submitted_on=get_period("month", 2023, 1).end)
    quarter = get_period("quarter", 2023, 1)
    result = rollup(rep.cast.province, form=rep.form, period=quarter, area=rep.cast.geo.laocai)
    assert result.derived is True
    assert result.values["DV_DON_NHAN"] == Decimal(40)  # 7 (January) + 33 (March)
    assert result.values["DV_NUT"] == Decimal(12)  # "latest": the last month's figures only


def test_comparison_with_previous_period_and_last_year(rep):
    make_report(rep.root, rep.old_front_a, get_period("month", 2022, 3), {"DV_DON_NHAN": 9, "DV_MH_DK": 1,
                                                                            "DV_DON_GQ": 0},
                submitted_on=get_period("month", 2022, 3).end)
    get_period("month", 2023, 2)
    result = comparison(rep.cast.province, form=rep.form, period=rep.m2023, area=rep.cast.geo.laocai)
    assert result["last_year"].values["DV_DON_NHAN"] == Decimal(9)
    assert result["previous"].reports == 0


def test_completeness_across_the_succession(rep):
    c = completeness(rep.cast.province, form=rep.form, period=rep.m2023, area=rep.cast.geo.laocai, by_child=True)
    # expected on 31/03/2023: old commission, old fronts A and B, old commission of Tân Hương (draft)
    assert (c.expected, c.received, c.on_time, c.late, c.missing) == (4, 3, 2, 1, 1)
    assert [(ch.area.name, ch.expected, ch.received) for ch in c.children] == [("Yên Bái", 4, 3)]
    missing = list(missing_organizations(rep.cast.province, form=rep.form, period=rep.m2023,
                                         area=rep.cast.geo.laocai))
    assert missing == [rep.old_front_c]


def test_completeness_old_province_by_child_and_after_the_reform(rep):
    c = completeness(rep.cast.province, form=rep.form, period=rep.m2023, area=rep.cast.geo.old_yenbai,
                     by_child=True)
    assert [(ch.area.name, ch.expected, ch.received, ch.late) for ch in c.children] == [
        ("Yên Bái", 1, 1, 0), ("Yên Bình", 3, 2, 1)]
    new = completeness(rep.cast.province, form=rep.form, period=rep.m2025, area=rep.cast.geo.laocai, by_child=True)
    # commission, province front, fronts A and B exist on 30/09/2025; the province front did not report
    assert (new.expected, new.received, new.on_time, new.missing) == (4, 3, 3, 1)
    assert [(ch.area.name, ch.expected) for ch in new.children] == [("Lào Cai", 2), ("Bảo Ái", 1), ("Yên Bái", 1)]


def test_completeness_only_what_the_user_sees(rep):
    c = completeness(rep.cast.commune_a, form=rep.form, period=rep.m2025, area=rep.cast.geo.laocai)
    assert (c.expected, c.received) == (1, 1)
    h = completeness(rep.cast.hue, form=rep.form, period=rep.m2023, area=rep.cast.geo.laocai)
    assert h.expected == 0


def _both_ways(monkeypatch, **kwargs):
    """The roll-up read by report ids (the default) and through the join (more reports than the id list
    allows), side by side."""
    by_ids = rollup(**kwargs)
    monkeypatch.setattr(rollup_module, "ID_LIST_LIMIT", 1)
    joined = rollup(**kwargs)
    monkeypatch.setattr(rollup_module, "ID_LIST_LIMIT", 5000)
    return by_ids, joined


def test_rollup_by_report_ids_and_by_join_agree(rep, monkeypatch):
    make_report(rep.root, rep.old_front_a, get_period("month", 2023, 1), {"DV_DON_NHAN": 7, "DV_DON_GQ": 1,
                                                                            "DV_NUT": 4, "DV_MH_DK": 1,
                                                                            "DV_HN_DTTS": "12.5"},
                submitted_on=get_period("month", 2023, 1).end)
    make_report(rep.root, rep.old_front_b, get_period("month", 2023, 1), {"DV_DON_NHAN": 2, "DV_DON_GQ": 1, "DV_MH_DK": 0,
                                                                            "DV_HN_DTTS": "3.25"},
                submitted_on=get_period("month", 2023, 1).end)
    quarter = get_period("quarter", 2023, 1)
    g = rep.cast.geo
    cases = [
        {"user": rep.cast.province, "period": rep.m2023, "area": g.laocai},
        {"user": rep.cast.province, "period": rep.m2023, "area": g.commune_b},
        {"user": rep.cast.province, "period": rep.m2023, "area": g.laocai, "kinds": ["fatherland_front"]},
        {"user": rep.cast.commune_a, "period": rep.m2025, "area": g.laocai},  # scope narrower than the area
        {"user": rep.root, "period": rep.m2023, "area": None},  # the nation
        {"user": rep.cast.province, "period": get_period("month", 2023, 1), "area": g.laocai},
        {"user": rep.cast.province, "period": quarter, "area": g.laocai},  # derived from the months
    ]
    for case in cases:
        by_ids, joined = _both_ways(monkeypatch, form=rep.form, **case)
        assert (by_ids.reports, by_ids.values, by_ids.derived) == (joined.reports, joined.values, joined.derived)
    nation = rollup(rep.root, form=rep.form, period=rep.m2023)
    assert (nation.reports, nation.values["DV_DON_NHAN"]) == (4, Decimal(133))  # Huế's 100 included
    january = rollup(rep.cast.province, form=rep.form, period=get_period("month", 2023, 1), area=g.laocai)
    assert (january.reports, january.values["DV_HN_DTTS"]) == (2, Decimal("7.88"))  # avg 7.875, half to even
    derived = rollup(rep.cast.province, form=rep.form, period=quarter, area=g.laocai)
    assert (derived.reports, derived.values["DV_DON_NHAN"], derived.values["DV_NUT"]) == (5, Decimal(42), Decimal(12))


def _new_version(form):
    """Version 2 of ``form``: the same sections, indicators (same codes) and rules, now current."""
    from danvan.reports.models import FormVersion

    old = form.current_version()
    new = FormVersion.objects.create(form=form, number=old.number + 1, is_current=True)
    FormVersion.objects.filter(pk=old.pk).update(is_current=False)
    sections = {}
    for section in old.sections.all():
        sections[section.pk] = section
        section.pk, section.version = None, new
        section.save()
    for indicator in old.indicators.all():
        indicator.pk, indicator.version, indicator.section = None, new, sections[indicator.section_id]
        indicator.save()
    for rule in old.rules.all():
        rule.pk, rule.version = None, new
        rule.save()
    return new


def test_rollup_combines_a_code_across_form_versions(rep):
    january = get_period("month", 2023, 1)
    make_report(rep.root, rep.old_front_a, january, {"DV_DON_NHAN": 7, "DV_DON_GQ": 1, "DV_MH_DK": 1,
                                                     "DV_HN_DTTS": "12.5"}, submitted_on=january.end)
    new = _new_version(rep.form)
    b = make_report(rep.root, rep.old_front_b, january, {"DV_DON_NHAN": 2, "DV_DON_GQ": 1, "DV_MH_DK": 0,
                                                         "DV_HN_DTTS": "3.25"}, submitted_on=january.end)
    y = make_report(rep.root, rep.cast.old_commission, january, {"DV_DON_NHAN": 5, "DV_DON_GQ": 1, "DV_MH_DK": 0,
                                                                 "DV_HN_DTTS": "4"}, submitted_on=january.end)
    assert b.form_version_id == y.form_version_id == new.pk
    result = rollup(rep.cast.province, form=rep.form, period=january, area=rep.cast.geo.laocai)
    assert result.reports == 3
    assert result.values["DV_DON_NHAN"] == Decimal(14)
    assert result.values["DV_HN_DTTS"] == Decimal("6.58")  # (12.5 + 3.25 + 4) / 3 = 6.5833…, one average
