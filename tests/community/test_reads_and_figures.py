"""The administrator's log of reads of sensitive data (who read what, when; in scope; administrators
only), and the periodic report's figures pre-filled from visits, gifts, people of prestige and hot
spots ("tính từ …")."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from danvan.community.domain import hotspots, support
from danvan.community.models import HotSpotField
from danvan.orgs.models import Role
from danvan.reports.domain.sources import source_for
from tests.community.helpers import SEL, make_list, recognized
from tests.conftest import login
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def read(cast):
    entry = recognized(make_list(cast.front_a), "Vàng Seo Páo", ethnicity="Mông")
    other = recognized(make_list(cast.front_b), "Hà Văn Bình")
    login(cast.commune_a).get(f"/cong-dong/uy-tin/{entry.pk}/")
    login(cast.province).get("/api/v1/prestige-people")
    return entry, other


def test_the_log_shows_who_read_what_in_scope(cast, read):
    entry, other = read
    cast.admin_a = member(cast.front_a, Role.ADMIN, username="admin_a_log")
    page = login(cast.admin_a).get("/cong-dong/nhat-ky-truy-cap/").content.decode()
    assert "Hoàng Văn A" in page and "Trần Thị Tỉnh" in page  # the commune's officer and the province's
    assert "trang người có uy tín" in page or "API" in page
    assert "Hà Văn Bình" not in page  # read by the province, but kept by another commune's Front
    whole = login(cast.admin).get("/cong-dong/nhat-ky-truy-cap/").content.decode()
    assert "Hà Văn Bình" in whole and "Vàng Seo Páo" in whole  # the commission's administrator: the province
    only = login(cast.admin).get("/cong-dong/nhat-ky-truy-cap/", {"q": "Hoàng"}).content.decode()
    assert "Hoàng Văn A" in only and "Trần Thị Tỉnh" not in only
    assert "Vàng Seo Páo" not in login(cast.admin).get("/cong-dong/nhat-ky-truy-cap/", {
        "kind": "opinion"}).content.decode()
    sheet = list(load_workbook(io.BytesIO(login(cast.admin).post("/cong-dong/nhat-ky-truy-cap/xuat.xlsx", {
        "q": "Hoàng"}).content)).active.iter_rows(values_only=True))
    assert sheet[0][:2] == ("Thời gian", "Người xem") and sheet[1][1] == "Hoàng Văn A"
    bad = login(cast.admin).get("/cong-dong/nhat-ky-truy-cap/", {"date_from": "31/02/2026"}).content.decode()
    assert "Từ" in bad and "Hoàng Văn A" not in bad


def test_only_administrators(cast, read):
    for user in (cast.commune_a, cast.leader, cast.province):
        assert login(user).get("/cong-dong/nhat-ky-truy-cap/").status_code == 403
        assert login(user).post("/cong-dong/nhat-ky-truy-cap/xuat.xlsx").status_code == 403
    assert "nhat-ky-truy-cap" not in login(cast.leader).get("/").content.decode()
    assert "nhat-ky-truy-cap" in login(cast.admin).get("/").content.decode()


class Period:
    def __init__(self, start, end):
        self.start, self.end = start, end


JAN = Period(datetime.date(2027, 1, 1), datetime.date(2027, 1, 31))


def test_report_figures_from_the_records(cast):
    plist = make_list(cast.front_a)
    entry = recognized(plist, "Vàng Seo Páo")
    recognized(plist, "Lù Thị Mai", village="Bản Phố")
    support.record_event(actor=cast.commune_a, organization=cast.front_a, beneficiary_kind="prestige",
                         prestige_entry=entry, date=datetime.date(2027, 1, 25), occasion="tet", kind="gift",
                         cash=300_000, in_kind=200_000)
    support.record_event(actor=cast.commune_a, organization=cast.front_a, beneficiary_kind="poor_household",
                         beneficiary_name="Hộ bà Sua", area=cast.geo.commune_a, date=datetime.date(2027, 1, 26),
                         occasion="illness", kind="hardship", cash=1_000_000)
    support.record_event(actor=cast.commune_a, organization=cast.front_a, beneficiary_kind="poor_household",
                         beneficiary_name="Hộ ông Páo", area=cast.geo.commune_a, date=datetime.date(2027, 2, 2),
                         occasion="tet", kind="gift", cash=500_000)
    figures = {code: source_for(code).value(cast.front_a, JAN) for code in ("DV_TH_LUOT", "DV_TH_QUA", "DV_TH_TIEN",
                                                                            "DV_NUT")}
    assert figures == {"DV_TH_LUOT": 2, "DV_TH_QUA": 1, "DV_TH_TIEN": 1_500_000, "DV_NUT": 2}
    december = Period(datetime.date(SEL, 12, 1), datetime.date(SEL, 12, 31))
    assert source_for("DV_NUT").value(cast.front_a, december) == 2  # recognized on 20/12
    assert source_for("DV_NUT").value(cast.front_a, Period(datetime.date(SEL, 11, 1), datetime.date(SEL, 11, 30))) == 0
    # an organization without such records keeps typing its figures
    assert all(source_for(code).value(cast.front_b, JAN) is None
               for code in ("DV_TH_LUOT", "DV_TH_QUA", "DV_TH_TIEN", "DV_NUT", "DV_DIEM_NONG"))
    assert str(source_for("DV_TH_TIEN").label) == "tiền và quà đã ghi nhận"


def test_hot_spots_open_at_the_end_of_the_period(cast):
    from django.utils import timezone

    today = timezone.localdate()  # hot spots are counted from the day they were recorded (created_at)
    this_month = Period(today.replace(day=1), (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
                        - datetime.timedelta(days=1))
    field = HotSpotField.objects.first()
    spots = [hotspots.create_hot_spot(actor=cast.commune_a, organization=cast.front_a, title=title, field=field,
                                      area=cast.geo.commune_a, review_date=today) for title in ("A", "B", "C")]
    for spot, close_on in ((spots[0], this_month.start), (spots[1], this_month.end + datetime.timedelta(days=1))):
        for step in ("handle", "stabilize", "close"):
            hotspots.add_update(actor=cast.commune_a, hot_spot=spot, on=close_on, text="x", action=step)
    # A closed within the month; B closed after its end (still open at it); C open
    assert source_for("DV_DIEM_NONG").value(cast.front_a, this_month) == 2
    before = Period(this_month.start - datetime.timedelta(days=40), this_month.start - datetime.timedelta(days=1))
    assert source_for("DV_DIEM_NONG").value(cast.front_a, before) == 0  # none recorded yet then
    assert source_for("DV_DIEM_NONG").value(cast.front_b, this_month) is None


def test_the_report_form_is_prefilled(cast):
    from django.utils import timezone

    from danvan.reports.domain.default_form import ensure_default_form
    from danvan.reports.domain.periods import get_period
    from danvan.reports.domain.reports import create_report, save_report

    # last month, whatever day the suite runs: a report is made only for a period that has begun
    last = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    entry = recognized(make_list(cast.front_a), "Vàng Seo Páo")
    support.record_event(actor=cast.commune_a, organization=cast.front_a, beneficiary_kind="poor_household",
                         beneficiary_name="Hộ bà Sua", area=cast.geo.commune_a, date=last + datetime.timedelta(days=4),
                         occasion="tet", kind="gift", cash=300_000)
    form = ensure_default_form()
    report = create_report(actor=cast.commune_a, form=form, period=get_period("month", last.year, last.month),
                           organization=cast.front_a)
    on_the_list = 1 if report.period.end >= entry.recognized_on else 0
    save_report(report, actor=cast.commune_a, expected_version=report.version,
                values={"DV_TH_LUOT": "9", "DV_TH_TIEN": "1", "DV_NUT": "70", "DV_MH_DK": "0", "DV_DON_NHAN": "0",
                        "DV_DON_GQ": "0"})
    saved = {v.indicator.code: v.value for v in report.values.select_related("indicator")}
    assert (saved["DV_TH_LUOT"], saved["DV_TH_TIEN"], saved["DV_NUT"]) == (1, 300_000, on_the_list)  # not typed
    page = login(cast.commune_a).get(f"/bao-cao/{report.pk}/sua/").content.decode()
    assert "tính từ các lượt thăm hỏi, tặng quà đã ghi nhận" in page
    assert "tính từ danh sách người có uy tín" in page


def test_money_spent_corrected_in_the_report_with_its_reason(cast):
    """Issue 12: the money spent is pre-filled from the visits and gifts recorded; the officer corrects
    it through the API with a reason; the figure reported is kept at submission while the records
    grow, the people of prestige (not corrected) follow the records, and the province counts the
    corrected figure."""
    from django.test import Client

    from danvan.reports.domain.default_form import ensure_default_form
    from danvan.reports.domain.periods import get_period
    from danvan.reports.domain.reports import create_report, submit_report
    from danvan.reports.queries.rollup import rollup
    from tests.conftest import bearer
    from tests.factories import UserFactory

    october = datetime.date(2025, 10, 1)
    for day, cash, in_kind in ((5, 300_000, 200_000), (9, 1_000_000, 0)):
        support.record_event(actor=cast.commune_a, organization=cast.front_a, beneficiary_kind="poor_household",
                             beneficiary_name="Hộ bà Sua", area=cast.geo.commune_a, date=october.replace(day=day),
                             occasion="tet", kind="gift", cash=cash, in_kind=in_kind)
    report = create_report(actor=cast.commune_a, form=ensure_default_form(), period=get_period("month", 2025, 10),
                           organization=cast.front_a)
    page = login(cast.commune_a).get(f"/bao-cao/{report.pk}/sua/").content.decode()
    assert 'value="1.500.000"' in page.split('name="v_DV_TH_TIEN"')[1].split(">")[0]
    assert "tính từ tiền và quà đã ghi nhận" in page
    answer = Client().put(f"/api/v1/reports/{report.pk}/values", {
        "version": report.version, "values": {"DV_MH_DK": 0, "DV_DON_NHAN": 0, "DV_DON_GQ": 0},
        "corrections": {"DV_TH_TIEN": {"value": 1_700_000, "note": "Quà của doanh nghiệp tài trợ chưa ghi nhận"}}},
        content_type="application/json", **bearer(cast.commune_a))
    assert answer.status_code == 200, answer.content
    assert answer.json()["from_records"]["DV_TH_TIEN"]["difference"] == "200000.0000"
    assert answer.json()["from_records"]["DV_TH_LUOT"]["corrected"] is False
    detail = login(cast.commune_a).get(f"/bao-cao/{report.pk}/").content.decode()
    assert ("Số liệu từ hồ sơ: 1.500.000; đã điều chỉnh: 1.700.000 (chênh lệch +200.000) — lý do: Quà của doanh "
            "nghiệp tài trợ chưa ghi nhận") in detail
    support.record_event(actor=cast.commune_a, organization=cast.front_a, beneficiary_kind="poor_household",
                         beneficiary_name="Hộ ông Páo", area=cast.geo.commune_a, date=october.replace(day=20),
                         occasion="tet", kind="gift", cash=500_000)
    submit_report(report, actor=cast.commune_a)
    values = {v.indicator.code: v for v in report.values.select_related("indicator")}
    assert (values["DV_TH_TIEN"].value, values["DV_TH_TIEN"].derived) == (1_700_000, 2_000_000)
    assert (values["DV_TH_LUOT"].value, values["DV_TH_LUOT"].derived) == (3, 3)  # not corrected: follows
    root = UserFactory(username="root_money", is_superuser=True, is_staff=True)
    assert rollup(root, form=report.form, period=report.period, area=cast.geo.laocai).values["DV_TH_TIEN"] == 1_700_000
