"""The roll-up page offers every derived period (quarter, half, 9 months, year, 12 months to date) and
shows its figures derived from the months, without writing; compiling for such a period creates it."""

from danvan.reports.models import Period, Report
from danvan.reports.queries.rollup import rollup
from danvan.reports.rules.periods import period_for
from tests.conftest import login


def query(rep, period):
    return f"?form={rep.form.pk}&period={period}&area={rep.cast.geo.laocai.pk}"


def test_a_quarter_nobody_reported_for_is_offered_and_derived_from_its_months(rep):
    assert not Period.objects.filter(kind="quarter", start__year=2025, start__month=7).exists()
    periods = Period.objects.count()
    expected = rollup(rep.cast.province, form=rep.form, period=period_for("quarter", 2025, 3),
                      area=rep.cast.geo.laocai)
    assert expected.derived and expected.values["DV_DON_NHAN"] > 0
    body = login(rep.cast.province).get("/bao-cao/tong-hop/" + query(rep, "quarter:2025:3")).content.decode()
    assert '<option value="quarter:2025:3" selected>Quý III năm 2025</option>' in body
    assert '<option value="nine_months:2025:1">9 tháng năm 2025</option>' in body
    assert "12 tháng tính đến hết tháng" in body  # the 12 months to date are offered too
    assert "số liệu được cộng từ các tháng trong kỳ" in body
    assert f">{int(expected.values['DV_DON_NHAN'])}<" in body
    assert Period.objects.count() == periods  # the GET wrote nothing


def test_an_old_link_with_a_period_number_still_works(rep):
    body = login(rep.cast.province).get("/bao-cao/tong-hop/" + query(rep, rep.m2025.pk)).content.decode()
    assert '<option value="month:2025:9" selected>Tháng 9 năm 2025</option>' in body


def test_a_bad_period_is_named_and_nothing_is_shown(rep):
    for bad in ("quarter:2025:7", "week:2025:1", "quarter:1800:1", "abc", "999999"):
        body = login(rep.cast.province).get("/bao-cao/tong-hop/" + query(rep, bad)).content.decode()
        assert "Kỳ báo cáo: Hãy chọn một kỳ trong danh sách." in body, bad
        assert "Đơn thư tiếp nhận" not in body


def test_completeness_asks_for_a_period_someone_reported_for(rep):
    body = login(rep.cast.province).get("/bao-cao/tien-do/" + query(rep, "quarter:2025:3")).content.decode()
    assert "Chưa có ai báo cáo cho kỳ này" in body
    body = login(rep.cast.province).get("/bao-cao/tien-do/" + query(rep, "month:2025:9")).content.decode()
    assert "Chưa có ai báo cáo cho kỳ này" not in body and "Tháng 9 năm 2025" in body


def test_the_leader_compiles_the_areas_report_for_a_derived_quarter(rep):
    client = login(rep.cast.leader)
    body = client.get("/bao-cao/tong-hop/" + query(rep, "quarter:2025:3")).content.decode()
    assert '<input type="hidden" name="period" value="quarter:2025:3">' in body
    response = client.post("/bao-cao/tong-hop/lap-bao-cao/", {"form": rep.form.pk, "period": "quarter:2025:3",
                                                              "area": rep.cast.geo.laocai.pk})
    quarter = Period.objects.get(kind="quarter", start__year=2025, start__month=7)
    compiled = Report._base_manager.get(organization=rep.cast.commission, period=quarter, is_compiled=True)
    assert response["Location"] == f"/bao-cao/{compiled.pk}/sua/"
