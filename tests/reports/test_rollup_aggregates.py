"""Roll-up aggregates: kept by every change that alters what a roll-up counts, equal to the raw values
(``manage.py check_rollups`` after each kind of change), read where the user covers the area, and safe
under concurrent submissions on PostgreSQL."""

import datetime
import io
import threading
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections

from danvan.orgs.domain.organizations import record_succession, update_organization
from danvan.orgs.models import Kind
from danvan.reports.domain import access, rollups
from danvan.reports.domain import reports as actions
from danvan.reports.domain.compilation import start_compilation
from danvan.reports.domain.periods import get_period
from danvan.reports.models import NATION, Indicator, RollupCell, RollupCount, Status
from danvan.reports.queries.rollup import comparison, covered_cells, rollup, uses_aggregates
from danvan.reports.rules.periods import period_for, previous_period, same_period_last_year
from tests.factories import MembershipFactory, OrganizationFactory, member
from tests.reports.conftest import make_report


def checked(form) -> str:
    """Run the verification command; it fails (CommandError) on any difference."""
    out = io.StringIO()
    call_command("check_rollups", "--form", form.code, stdout=out)
    text = out.getvalue()
    assert ", 0 khác biệt" in text, text
    return text


def both(user, form, period, area=None, kinds=None):
    """The roll-up from the aggregates and from the raw values, which must agree."""
    fast = rollup(user, form=form, period=period, area=area, kinds=kinds)
    slow = rollup(user, form=form, period=period, area=area, kinds=kinds, raw=True)
    assert (fast.reports, fast.values, fast.derived) == (slow.reports, slow.values, slow.derived)
    return fast


@pytest.fixture
def year(rep):
    """Monthly reports of 2023 (Jan, Feb, Mar, Nov) and 2022 (Mar) on top of the fixture's, so that
    quarters, halves, 9 months, years and the 12 months to date have several months to derive from."""
    for (y, m), org, values in [
        ((2023, 1), rep.old_front_a, {"DV_DON_NHAN": 7, "DV_DON_GQ": 1, "DV_NUT": 4, "DV_MH_DK": 1,
                                      "DV_HN_DTTS": "12.5"}),
        ((2023, 1), rep.old_front_b, {"DV_DON_NHAN": 2, "DV_DON_GQ": 1, "DV_MH_DK": 0, "DV_HN_DTTS": "3.25"}),
        ((2023, 2), rep.old_front_b, {"DV_DON_NHAN": 5, "DV_DON_GQ": 5, "DV_NUT": 9, "DV_MH_DK": 4}),
        ((2023, 11), rep.old_front_a, {"DV_DON_NHAN": 1, "DV_DON_GQ": 0, "DV_MH_DK": 6}),
        ((2022, 3), rep.old_front_a, {"DV_DON_NHAN": 9, "DV_DON_GQ": 0, "DV_MH_DK": 1}),
    ]:
        period = get_period("month", y, m)
        make_report(rep.root, org, period, values, submitted_on=period.end)
    return rep


def test_aggregates_hold_the_fixture_and_agree_with_the_raw_values(year):
    rep, g = year, year.cast.geo
    checked(rep.form)
    periods = [rep.m2023, rep.m2025, get_period("quarter", 2023, 1), get_period("half", 2023, 1),
               get_period("nine_months", 2023), get_period("year", 2023), get_period("rolling_12", 2023, 11),
               period_for("rolling_12", 2024, 2)]
    for period in periods:
        for area in (g.laocai, g.old_yenbai, g.old_district, g.hue, None):
            for kinds in (None, ["fatherland_front"], ["mobilization_commission", "fatherland_front"]):
                assert uses_aggregates(rep.root, area)
                both(rep.root, rep.form, period, area, kinds)
        both(rep.cast.province, rep.form, period, g.laocai)
    year_2023 = both(rep.root, rep.form, get_period("year", 2023), g.laocai)
    # Jan 7+2, Feb 5, Mar 33, Nov 1; "latest" DV_NUT: November has none -> the last month with reports
    assert (year_2023.derived, year_2023.reports, year_2023.values["DV_DON_NHAN"]) == (True, 7, Decimal(48))
    assert "DV_NUT" not in year_2023.values  # November's report has no DV_NUT
    quarter = both(rep.root, rep.form, get_period("quarter", 2023, 1), g.laocai)
    assert (quarter.reports, quarter.values["DV_DON_NHAN"], quarter.values["DV_NUT"]) == (6, Decimal(47), Decimal(12))
    assert quarter.values["DV_HN_DTTS"] == Decimal("7.88")  # mean of 12.5 and 3.25 (March has none)
    rolling = both(rep.root, rep.form, get_period("rolling_12", 2023, 3), None)
    # April 2022 - March 2023: Jan, Feb, Mar 2023 (Huế's 100 included for the nation); 2022's March is out
    assert (rolling.reports, rolling.values["DV_DON_NHAN"]) == (7, Decimal(147))


def test_max_keeps_its_meaning_and_survives_the_largest_value_leaving(year):
    rep = year
    Indicator.objects.filter(code="DV_MH_DK").update(aggregation="max")
    quarter = get_period("quarter", 2023, 1)
    assert both(rep.root, rep.form, quarter, rep.cast.geo.laocai).values["DV_MH_DK"] == Decimal(4)  # February
    february = rep.old_front_b.reports.get(period__start=datetime.date(2023, 2, 1))
    actions.return_report(february, actor=rep.root, reason="Sai số liệu")
    cell = RollupCell.objects.get(area=rep.cast.geo.laocai.pk, period=february.period, code="DV_MH_DK",
                                  kind="fatherland_front")
    assert (cell.n, cell.top) == (0, None)
    nation = RollupCell.objects.get(area=NATION, period=rep.m2023, code="DV_MH_DK", kind="fatherland_front")
    assert nation.top == 3
    # b23 is approved in the fixture: reopen it, which takes out the March maximum (3) of the fronts
    actions.reopen_report(rep.b23, actor=rep.root, reason="Sửa số liệu")
    nation.refresh_from_db()
    assert (nation.n, nation.top) == (1, 2)  # recomputed from the raw values: only Bảo Ái's 2 is left
    assert both(rep.root, rep.form, quarter, rep.cast.geo.laocai).values["DV_MH_DK"] == Decimal(2)
    checked(rep.form)


def test_submit_adds_approve_keeps_return_and_reopen_take_out(rep):
    g, october = rep.cast.geo, get_period("month", 2025, 10)
    before = rollup(rep.cast.leader, form=rep.form, period=october, area=g.laocai)
    assert (before.reports, before.values) == (0, {})
    report = actions.create_report(actor=rep.cast.commune_a, form=rep.form, period=october,
                                   organization=rep.cast.front_a)
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version,
                        values={"DV_DON_NHAN": "12", "DV_DON_GQ": "10", "DV_MH_DK": "3"})
    assert rollup(rep.cast.leader, form=rep.form, period=october, area=g.laocai).reports == 0  # a draft
    checked(rep.form)
    actions.submit_report(report, actor=rep.cast.commune_a)
    after = both(rep.cast.leader, rep.form, october, g.laocai)
    assert (after.reports, after.values["DV_DON_NHAN"]) == (1, Decimal(12))
    checked(rep.form)
    actions.approve_report(report, actor=rep.cast.leader)
    assert both(rep.cast.leader, rep.form, october, g.laocai).values["DV_DON_NHAN"] == Decimal(12)
    checked(rep.form)
    actions.reopen_report(report, actor=rep.cast.leader, reason="Bổ sung")
    assert both(rep.cast.leader, rep.form, october, g.laocai).reports == 0
    checked(rep.form)
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=None, values={
        "DV_DON_NHAN": "20", "DV_DON_GQ": "10", "DV_MH_DK": "3"})
    actions.submit_report(report, actor=rep.cast.commune_a)
    assert both(rep.cast.leader, rep.form, october, g.laocai).values["DV_DON_NHAN"] == Decimal(20)
    checked(rep.form)
    actions.return_report(report, actor=rep.cast.leader, reason="Thiếu")
    returned = both(rep.cast.leader, rep.form, october, g.laocai)
    assert (returned.reports, returned.values) == (0, {})
    checked(rep.form)


def test_a_value_edited_on_a_counted_report_moves_the_aggregates(rep, monkeypatch):
    """No page edits a received report today; if a rule ever allows it, the aggregates follow."""
    monkeypatch.setattr(access, "may_edit", lambda user, report: True)
    actions.save_report(rep.a23, actor=rep.root, expected_version=None,
                        values={"DV_DON_NHAN": "110", "DV_DON_GQ": "8", "DV_NUT": "5", "DV_MH_DK": "2"})
    result = both(rep.cast.province, rep.form, rep.m2023, rep.cast.geo.laocai)
    assert result.values["DV_DON_NHAN"] == Decimal(133)  # 110 + 20 + 3
    checked(rep.form)


def test_compiled_reports_never_count(rep):
    g = rep.cast.geo
    before = rollup(rep.cast.province, form=rep.form, period=rep.m2025, area=g.laocai)
    compiled = start_compilation(actor=rep.cast.province, form=rep.form, period=rep.m2025,
                                 organization=rep.cast.commission)
    actions.submit_report(compiled, actor=rep.cast.province)
    after = both(rep.cast.province, rep.form, rep.m2025, g.laocai)
    assert (after.reports, after.values) == (before.reports, before.values)
    checked(rep.form)


def test_an_organization_moved_or_changing_kind_moves_its_reports(rep):
    g = rep.cast.geo
    commune_h_org = rep.cast.front_a
    update_organization(commune_h_org, actor=rep.root, area=g.commune_h)
    laocai = both(rep.root, rep.form, rep.m2025, g.laocai)
    hue = both(rep.root, rep.form, rep.m2025, g.hue)
    assert (laocai.reports, laocai.values["DV_DON_NHAN"]) == (2, Decimal(7))  # 6 + 1, without Bảo Ái's 4
    assert (hue.reports, hue.values["DV_DON_NHAN"]) == (1, Decimal(4))
    checked(rep.form)
    update_organization(rep.old_front_b, actor=rep.root, kind=Kind.WOMEN)
    fronts = both(rep.root, rep.form, rep.m2023, g.laocai, ["fatherland_front"])
    women = both(rep.root, rep.form, rep.m2023, g.laocai, [Kind.WOMEN])
    assert (fronts.values["DV_DON_NHAN"], women.values["DV_DON_NHAN"]) == (Decimal(10), Decimal(20))
    checked(rep.form)


def test_succession_of_organizations_keeps_the_counts(rep):
    g = rep.cast.geo
    successor = OrganizationFactory(name="Ủy ban MTTQ xã Bảo Ái (mới)", kind=Kind.FATHERLAND_FRONT,
                                    area=g.commune_a)
    record_succession([rep.old_front_a, rep.old_front_b], successor, kind="merge",
                      effective=datetime.date(2025, 7, 1), actor=rep.root)
    assert both(rep.root, rep.form, rep.m2023, g.laocai).values["DV_DON_NHAN"] == Decimal(33)
    assert both(rep.root, rep.form, rep.m2023, g.old_yenbai).values["DV_DON_NHAN"] == Decimal(33)
    checked(rep.form)


def test_reads_come_from_the_aggregates_only_where_the_user_covers_the_area(rep):
    """A corrupted aggregate shows in the covering user's roll-up (proof it is read) and not in the
    roll-up of a user who sees only part of the area (read from the raw values)."""
    g = rep.cast.geo
    RollupCell.objects.filter(area=g.laocai.pk, period=rep.m2025, code="DV_DON_NHAN",
                              kind="fatherland_front").update(total=1000)
    assert rollup(rep.cast.province, form=rep.form, period=rep.m2025, area=g.laocai).values["DV_DON_NHAN"] == 1001
    mine = rollup(rep.cast.commune_a, form=rep.form, period=rep.m2025, area=g.laocai)
    assert (uses_aggregates(rep.cast.commune_a, g.laocai), mine.values["DV_DON_NHAN"]) == (False, Decimal(4))
    assert not uses_aggregates(rep.cast.province, g.commune_a)  # a commune reads its few raw values
    assert rollup(rep.cast.province, form=rep.form, period=rep.m2025, area=g.commune_a).values["DV_DON_NHAN"] == 4


def test_command_lists_differences_and_repairs_them(rep):
    g = rep.cast.geo
    RollupCell.objects.filter(area=g.laocai.pk, period=rep.m2025, code="DV_DON_NHAN",
                              kind="fatherland_front").update(total=1000)
    RollupCount.objects.filter(area=NATION, period=rep.m2023).delete()
    out = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("check_rollups", "--form", rep.form.code, stdout=out)
    assert "chạy lại với --repair" in str(exc.value)
    text = out.getvalue()
    assert f"cell ({g.laocai.pk}, {rep.m2025.pk}, 'fatherland_front', 'DV_DON_NHAN'): đã lưu (Decimal('1000.0000')" \
           in text
    assert f"count (0, {rep.m2023.pk}, 'fatherland_front'): đã lưu None, theo báo cáo 2" in text
    out = io.StringIO()
    call_command("check_rollups", "--form", rep.form.code, "--period", "month:2025:9", "--repair", stdout=out)
    assert "đã dựng lại" in out.getvalue()
    assert rollup(rep.cast.province, form=rep.form, period=rep.m2025, area=g.laocai).values["DV_DON_NHAN"] == 11
    with pytest.raises(CommandError):  # March 2023 is still wrong: the repair touched September 2025 only
        checked(rep.form)
    call_command("check_rollups", "--repair", stdout=io.StringIO())
    checked(rep.form)


@pytest.mark.parametrize(("args", "field"), [(["--period", "tháng:2025"], "--period"),
                                             (["--period", "month:2025:13"], "--period"),
                                             (["--form", "khong-co"], "--form")])
def test_command_bad_input_names_the_option(rep, args, field):
    with pytest.raises(CommandError) as exc:
        call_command("check_rollups", *args, stdout=io.StringIO())
    assert str(exc.value).startswith(field)


def test_derived_periods_are_first_class(rep):
    rolling = get_period("rolling_12", 2026, 6)
    assert (rolling.start, rolling.end, rolling.label) == (
        datetime.date(2025, 7, 1), datetime.date(2026, 6, 30), "12 tháng tính đến hết tháng 6 năm 2026")
    december = get_period("rolling_12", 2025, 12)
    assert (december.start, december.end) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert previous_period(rolling).start == datetime.date(2024, 7, 1)
    assert same_period_last_year(rolling).label == "12 tháng tính đến hết tháng 6 năm 2025"
    nine = get_period("nine_months", 2023)
    assert (nine.label, previous_period(nine).label, previous_period(nine).pk) == (
        "9 tháng năm 2023", "9 tháng năm 2022", None)  # not stored, and not created by asking
    q1 = get_period("quarter", 2023, 1)
    assert (previous_period(q1).label, same_period_last_year(q1).label) == ("Quý IV năm 2022", "Quý I năm 2022")
    half = get_period("half", 2023, 2)
    assert (half.label, previous_period(half).label) == ("6 tháng cuối năm 2023", "6 tháng đầu năm 2023")
    with pytest.raises(ValueError):
        get_period("quarter", 2023, 5)


def test_comparison_of_a_derived_period(year):
    rep = year
    make_report(rep.root, rep.old_front_a, get_period("month", 2022, 1), {"DV_DON_NHAN": 4, "DV_DON_GQ": 0,
                                                                            "DV_MH_DK": 1},
                submitted_on=get_period("month", 2022, 1).end)
    result = comparison(rep.cast.province, form=rep.form, period=get_period("quarter", 2023, 1),
                        area=rep.cast.geo.laocai)
    assert result["current"].values["DV_DON_NHAN"] == Decimal(47)
    assert (result["last_year"].derived, result["last_year"].values["DV_DON_NHAN"]) == (True, Decimal(13))  # 4 + 9
    assert (result["previous"].reports, result["previous"].values) == (0, {})


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_and_returns_lose_no_update(rep):
    """Threads on PostgreSQL submit and return reports of the same province and month at once: every
    delta lands (row-locked upserts in key order, no deadlock)."""
    if connection.vendor == "sqlite":
        pytest.skip("in-memory SQLite cannot be shared between connections (SQLite serializes writers)")
    g, month = rep.cast.geo, get_period("month", 2025, 11)
    drafts = []
    for i in range(24):
        org = OrganizationFactory(name=f"Chi hội {i}", kind=[Kind.FATHERLAND_FRONT, Kind.PARTY_BUILDING_COMMISSION][i % 2],
                                  area=[g.commune_a, g.commune_b][i % 3 == 0])
        drafts.append(make_report(rep.root, org, month, {"DV_DON_NHAN": i + 1, "DV_DON_GQ": 0, "DV_MH_DK": i},
                                  submitted_on=month.end if i < 8 else None))
    errors = []

    def work(chunk):
        try:
            for report in chunk:
                if report.status == Status.SUBMITTED:
                    actions.return_report(report, actor=rep.root, reason="Kiểm tra lại")
                else:
                    actions.submit_report(report, actor=rep.root)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=work, args=(drafts[i::6],)) for i in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    result = both(rep.root, rep.form, month, g.laocai)
    assert (result.reports, result.values["DV_DON_NHAN"]) == (16, Decimal(sum(range(9, 25))))
    assert result.values["DV_MH_DK"] == Decimal(sum(range(8, 24)))
    assert rollups.check(rep.form).differences == []


def test_bulk_approval_approves_all_or_nothing(rep):
    october = get_period("month", 2025, 10)
    reports = [make_report(rep.root, org, october, {"DV_DON_NHAN": n, "DV_DON_GQ": 0, "DV_MH_DK": 1},
                           submitted_on=october.end) for n, org in ((5, rep.cast.front_a), (7, rep.cast.front_b))]
    before = both(rep.cast.leader, rep.form, october, rep.cast.geo.laocai)
    approved = actions.approve_reports(reports, actor=rep.cast.leader)
    assert [r.status for r in approved] == [Status.APPROVED, Status.APPROVED]
    assert both(rep.cast.leader, rep.form, october, rep.cast.geo.laocai).values == before.values
    third = make_report(rep.root, rep.cast.front, october, {"DV_DON_NHAN": 1, "DV_DON_GQ": 0, "DV_MH_DK": 1},
                        submitted_on=october.end)
    draft = make_report(rep.root, rep.old_front_c, october, {"DV_DON_NHAN": 1})
    with pytest.raises(actions.WrongState):
        actions.approve_reports([third, draft], actor=rep.cast.leader)
    third.refresh_from_db()
    assert third.status == Status.SUBMITTED
    checked(rep.form)


@pytest.fixture
def partial(year):
    """Reports across the 2025 succession for the partial users below: the old fronts in the first half
    of 2025, the new communes' fronts and Huế after, with "latest" (DV_NUT) and "avg" (DV_HN_DTTS)
    figures; DV_MH_DK combined as max."""
    rep, g = year, year.cast.geo
    Indicator.objects.filter(code="DV_MH_DK").update(aggregation="max")
    for (y, m), org, values in [
        ((2025, 3), rep.old_front_a, {"DV_DON_NHAN": 11, "DV_NUT": 6, "DV_MH_DK": 5, "DV_HN_DTTS": "20.5"}),
        ((2025, 5), rep.old_front_b, {"DV_DON_NHAN": 13, "DV_NUT": 8, "DV_MH_DK": 2, "DV_HN_DTTS": "1.25"}),
        ((2025, 5), rep.old_front_a, {"DV_DON_NHAN": 3, "DV_NUT": 2, "DV_MH_DK": 1}),
        ((2025, 10), rep.cast.front_a, {"DV_DON_NHAN": 21, "DV_NUT": 3, "DV_MH_DK": 9, "DV_HN_DTTS": "4"}),
        ((2025, 10), rep.cast.front_b, {"DV_DON_NHAN": 8, "DV_NUT": 4, "DV_MH_DK": 7, "DV_HN_DTTS": "30"}),
        ((2025, 11), rep.cast.front_b, {"DV_DON_NHAN": 2, "DV_NUT": 5, "DV_MH_DK": 1}),
        ((2025, 10), rep.cast.hue_commission, {"DV_DON_NHAN": 40, "DV_NUT": 10, "DV_MH_DK": 12, "DV_HN_DTTS": "9"}),
        ((2023, 2), rep.cast.hue_commission, {"DV_DON_NHAN": 17, "DV_NUT": 1, "DV_MH_DK": 3}),
    ]:
        period = get_period("month", y, m)
        make_report(rep.root, org, period, {"DV_DON_GQ": 0, **values}, submitted_on=period.end)
    # a district commission that still exists over the legacy Yên Bình district (sees its old units)
    rep.district_commission = OrganizationFactory(name="Ban Dân vận Huyện ủy Yên Bình", area=g.old_district,
                                                  kind=Kind.MOBILIZATION_COMMISSION)
    rep.district_and_b = member(rep.district_commission, username="district_and_b")
    MembershipFactory(user=rep.district_and_b, organization=rep.cast.front_b)
    rep.hue_and_a = member(rep.cast.hue_commission, username="hue_and_a")
    MembershipFactory(user=rep.hue_and_a, organization=rep.cast.front_a)
    return rep


PARTIAL_PERIODS = [("month", 2023, 3), ("month", 2025, 10), ("quarter", 2023, 1), ("quarter", 2025, 4),
                   ("half", 2025, 1), ("half", 2025, 2), ("nine_months", 2025, 1), ("year", 2025, 1),
                   ("year", 2023, 1), ("rolling_12", 2025, 10), ("rolling_12", 2026, 3), ("rolling_12", 2024, 2)]


def test_a_partial_user_reads_the_aggregates_where_they_see_all_and_the_raw_values_elsewhere(partial):
    """Users who see part of an area: the (area, kind) cells they see entirely come from the
    aggregates, the rest of what they see from the raw values; for every aggregation (sum, avg as the
    mean over the values, max, latest) and period, the figures equal the raw path's."""
    rep, g = partial, partial.cast.geo
    users = [rep.district_and_b, rep.hue_and_a, rep.cast.mttq, rep.cast.commune_b]
    # what each user sees entirely: the fronts of legacy Yên Bái (all inside Yên Bình) and Yên Bình's
    # commissions for the first (Yên Bình's fronts are inside Yên Bái's: not taken twice); Huế for the second
    assert covered_cells(rep.district_and_b, g.laocai) == {g.old_yenbai.pk: ["fatherland_front"],
                                                           g.old_district.pk: ["mobilization_commission"]}
    assert covered_cells(rep.district_and_b, g.laocai, ["fatherland_front"]) == {g.old_yenbai.pk: ["fatherland_front"]}
    assert sorted(covered_cells(rep.hue_and_a, None)[g.hue.pk]) == ["mobilization_commission"]
    assert covered_cells(rep.hue_and_a, g.laocai) == {}
    assert covered_cells(rep.cast.mttq, g.laocai) == {}  # the old communes' fronts are not below it
    mixed = 0
    for kind, y, index in PARTIAL_PERIODS:
        period = period_for(kind, y, index)
        for user in users:
            for area in (g.laocai, g.old_yenbai, g.old_district, None):
                for kinds in (None, ["fatherland_front"], ["mobilization_commission", "fatherland_front"]):
                    both(user, rep.form, period, area, kinds)
                    mixed += not uses_aggregates(user, area) and bool(covered_cells(user, area, kinds))
    assert mixed >= 100
    # figures by hand: the year 2025 of Lào Cai for the district commission + front B user
    year_2025 = both(rep.district_and_b, rep.form, period_for("year", 2025), g.laocai)
    # old fronts (aggregates): 11 + 13 + 3 in March and May; front B (raw): 6 + 8 + 2 in Sep, Oct, Nov
    assert (year_2025.reports, year_2025.values["DV_DON_NHAN"]) == (6, Decimal(43))
    assert year_2025.values["DV_NUT"] == Decimal(5)  # latest: November, front B's only (raw part)
    assert year_2025.values["DV_MH_DK"] == Decimal(7)  # max: front B's October (raw) over 5 (aggregates)
    assert year_2025.values["DV_HN_DTTS"] == Decimal("17.25")  # mean of 20.5, 1.25 (aggregates) and 30 (raw)
    half = both(rep.district_and_b, rep.form, period_for("half", 2025, 1), g.laocai)
    assert (half.values["DV_NUT"], half.values["DV_MH_DK"]) == (Decimal(10), Decimal(5))  # May: 8 + 2; max 5
    nation = both(rep.hue_and_a, rep.form, period_for("month", 2025, 10), None)
    assert (nation.reports, nation.values["DV_DON_NHAN"], nation.values["DV_HN_DTTS"]) == (2, Decimal(61),
                                                                                           Decimal("6.5"))


def test_the_mixed_roll_up_reads_the_aggregates_of_what_is_covered(partial):
    """Proof that each part is read where it should be: a corrupted cell of the covered area shows in the
    partial user's roll-up, a corrupted cell of the uncovered rest does not."""
    rep, g = partial, partial.cast.geo
    october = get_period("month", 2025, 10)
    RollupCell.objects.filter(area=g.hue.pk, period=october, code="DV_DON_NHAN").update(total=1040)
    RollupCell.objects.filter(area=g.laocai.pk, period=october, code="DV_DON_NHAN").update(total=5000)
    RollupCell.objects.filter(area=NATION, period=october, code="DV_DON_NHAN").update(total=9000)
    nation = rollup(rep.hue_and_a, form=rep.form, period=october)
    raw = rollup(rep.hue_and_a, form=rep.form, period=october, raw=True)
    assert (nation.values["DV_DON_NHAN"], raw.values["DV_DON_NHAN"]) == (Decimal(1061), Decimal(61))
    rollups.repair(rep.form)
    checked(rep.form)
