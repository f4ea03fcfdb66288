"""The dashboard sends each user only to report work they can do, and the report page says what comes
next and who does it (issue 10 §1)."""

from danvan.reports.domain.reports import return_report
from danvan.reports.models import Report
from tests.conftest import login
from tests.reports.conftest import make_report


def test_dashboard_sends_the_ban_officer_only_to_her_units_drafts(rep):
    c = rep.cast
    mine = make_report(rep.root, c.commission, rep.m2023, {"DV_DON_NHAN": 1})
    # a draft of a commune (in her view and change scope, but not hers to fill)
    other = make_report(rep.root, c.front_b, rep.m2023, {"DV_DON_NHAN": 2})
    body = login(c.province).get("/").content.decode()
    assert f'href="/bao-cao/{mine.pk}/"' in body
    assert f'href="/bao-cao/{other.pk}/"' not in body
    assert "1 báo cáo của đơn vị bạn cần hoàn thiện và gửi" in body
    # she reviews nothing: no "waiting for review" line at all
    assert "chờ xem xét" not in body
    # positive control: the commune's own officer is sent to its draft
    body_b = login(c.commune_b).get("/").content.decode()
    assert f'href="/bao-cao/{other.pk}/"' in body_b


def test_dashboard_sends_the_leader_to_the_reports_waiting_for_review(rep):
    c = rep.cast
    body = login(c.leader).get("/").content.decode()
    # submitted in Lào Cai's subtree (history included): a23, y23, a25, b25 and the Ban's own p25 (top)
    assert "5 báo cáo đã gửi đang chờ xem xét" in body
    assert f'href="/bao-cao/{rep.a25.pk}/"' in body
    assert f'href="/bao-cao/{rep.h23.pk}/"' not in body  # Huế's is not his to review
    body_a = login(c.commune_a).get("/").content.decode()
    assert "chờ xem xét" not in body_a and "Không có báo cáo nào đang chờ bạn." in body_a


def test_report_page_says_what_comes_next_and_who(rep):
    c = rep.cast
    page = login(c.commune_a).get(f"/bao-cao/{rep.a25.pk}/").content.decode()
    assert "Bước tiếp theo:" in page
    assert "xem xét báo cáo: duyệt hoặc trả lại kèm lý do — do lãnh đạo cấp trên (Ủy ban MTTQ Việt Nam tỉnh Lào Cai) thực hiện." in page
    report = Report._base_manager.get(pk=rep.a25.pk)
    return_report(report, actor=c.leader, reason="Thiếu số liệu đơn thư")
    page = login(c.commune_a).get(f"/bao-cao/{rep.a25.pk}/").content.decode()
    assert "sửa báo cáo theo yêu cầu và gửi lại — do cán bộ của Ủy ban MTTQ Việt Nam xã Bảo Ái thực hiện." in page
    page = login(c.province).get(f"/bao-cao/{rep.p25.pk}/").content.decode()
    assert "do lãnh đạo Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai thực hiện" in page


def test_leader_compiles_the_area_report_for_a_month_in_which_the_ban_has_its_own(rep):
    c = rep.cast
    client = login(c.leader)
    query = f"?form={rep.form.pk}&period={rep.m2025.pk}&area={c.geo.laocai.pk}"
    body = client.get("/bao-cao/tong-hop/" + query).content.decode()
    # before: only "open the area's report" pointing at the Ban's own report p25
    assert f'href="/bao-cao/{rep.p25.pk}/"' in body and "Mở báo cáo riêng của" in body
    assert 'action="/bao-cao/tong-hop/lap-bao-cao/"' in body
    response = client.post("/bao-cao/tong-hop/lap-bao-cao/", {"form": rep.form.pk, "period": rep.m2025.pk,
                                                              "area": c.geo.laocai.pk})
    compiled = Report._base_manager.get(organization=c.commission, period=rep.m2025, is_compiled=True)
    assert response.status_code == 302 and response["Location"] == f"/bao-cao/{compiled.pk}/sua/"
    assert Report._base_manager.get(pk=rep.p25.pk).is_compiled is False  # the Ban's own report untouched
    body = client.get("/bao-cao/tong-hop/" + query).content.decode()
    assert f'href="/bao-cao/{compiled.pk}/"' in body and 'action="/bao-cao/tong-hop/lap-bao-cao/"' not in body
