import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.models import AuditEvent
from danvan.meetings.domain.bridge import add_bridge_points
from danvan.meetings.domain.meetings import add_role
from danvan.meetings.models import Person
from tests.conftest import bearer, login
from tests.meetings.helpers import conclusion, meeting, person, task


def test_api_meetings_in_scope_with_filters(client, cast):
    m = meeting(cast.commission, title="Tổng kết năm 2023", kind="tong_ket", day=datetime.date(2024, 1, 5),
                period_label="Năm 2023")
    meeting(cast.commission, title="Giao ban 9 tháng", kind="giao_ban", day=datetime.date(2021, 10, 8))
    meeting(cast.hue_commission, title="Tổng kết năm 2023 Huế", kind="tong_ket", day=datetime.date(2024, 1, 5))
    h = bearer(cast.province)
    data = client.get("/api/v1/meetings?kind=tong_ket", **h).json()
    assert (data["count"], [i["title"] for i in data["items"]]) == (1, ["Tổng kết năm 2023"])
    assert client.get("/api/v1/meetings?q=giao+ban&date_from=2021-01-01&date_to=2021-12-31", **h).json()["count"] == 1
    # An area outside the scope is refused naming the field, as on the page (one filter form).
    outside = client.get(f"/api/v1/meetings?area={cast.geo.hue.pk}", **h)
    assert (outside.status_code, outside.json()["errors"][0]["field"]) == (422, "area")
    assert client.get(f"/api/v1/meetings?area={cast.geo.laocai.pk}&period_label=nam+2023", **h).json()["items"][0]["id"] == m.pk


def test_api_meeting_detail_and_404(client, cast):
    m = meeting(cast.commission)
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.laocai, expected=20)
    add_role(actor=None, meeting=m, person=person(cast.party, name="Hà Đức Minh", title="Phó Bí thư"), role="chi_dao")
    conclusion(m, "Kết luận thứ nhất")
    data = client.get(f"/api/v1/meetings/{m.pk}", **bearer(cast.province)).json()
    assert data["totals"] == {"points": 2, "expected": 40, "present": 0, "reported": 0}
    assert [p["name"] for p in data["bridge_points"]] == ["Xã Bảo Ái", "Phường Yên Bái"] or len(data["bridge_points"]) == 2
    assert data["people"]["chi_dao"][0]["full_name"] == "Hà Đức Minh"
    assert data["conclusions"] == [{"number": 1, "text": "Kết luận thứ nhất"}]
    assert client.get(f"/api/v1/meetings/{m.pk}", **bearer(cast.hue)).status_code == 404


def test_api_bad_filter_is_422(client, cast):
    response = client.get("/api/v1/meetings?kind=hop_kin", **bearer(cast.province))
    assert response.status_code == 422 and "không hợp lệ" in response.json()["detail"]


def test_api_tasks_filters_and_scope(client, cast):
    m = meeting(cast.commission)
    c = conclusion(m)
    late = task(c, [cast.front_a], title="Quá hạn", due=datetime.date(2026, 4, 30))
    task(c, [cast.front_b], title="Còn hạn", due=datetime.date(2099, 1, 1))
    h = bearer(cast.province)
    assert [t["title"] for t in client.get("/api/v1/tasks?overdue=true", **h).json()["items"]] == ["Quá hạn"]
    assert [t["title"] for t in client.get(f"/api/v1/tasks?assignee={cast.front_b.pk}", **h).json()["items"]] == [
        "Còn hạn"]
    assert client.get(f"/api/v1/tasks?meeting={m.pk}&status=not_started", **h).json()["count"] == 2
    mine = client.get("/api/v1/tasks", **bearer(cast.commune_a)).json()
    assert (mine["count"], mine["items"][0]["overdue"]) == (1, True)
    assert client.get(f"/api/v1/tasks/{late.pk}", **bearer(cast.commune_b)).status_code == 404
    assert client.get(f"/api/v1/tasks/{late.pk}", **bearer(cast.hue)).status_code == 404


def test_api_task_list_query_count(client, cast):
    m = meeting(cast.commission)
    c = conclusion(m)
    h = bearer(cast.province)
    task(c, [cast.front_a])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get("/api/v1/tasks", **h)
        return len(ctx)
    count()  # the first call stamps the token's last use
    one = count()
    task(c, [cast.front_a, cast.front_b])
    task(c, [cast.front_b])
    assert count() == one


def test_person_page_logs_the_read_and_is_scoped(cast):
    p = person(cast.front_a, name="Giàng A Páo", title="Phó Chủ tịch")
    body = login(cast.province).get(f"/hoi-nghi/nguoi/{p.pk}/").content.decode()
    assert "Giàng A Páo" in body and "Ủy ban MTTQ Việt Nam xã Bảo Ái" in body
    assert AuditEvent.objects.filter(action="view", object_id=str(p.pk), actor=cast.province).count() == 1
    assert login(cast.commune_b).get(f"/hoi-nghi/nguoi/{p.pk}/").status_code == 404
    assert login(cast.hue).get(f"/hoi-nghi/nguoi/{p.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action="view", object_id=str(p.pk)).count() == 1


def test_person_search_and_list_query_count(cast):
    client = login(cast.province)
    person(cast.commission, name="Nguyễn Thị Đào")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            body = client.get("/hoi-nghi/nguoi/").content.decode()
        return len(ctx), body
    one, _ = count()
    person(cast.front_a, name="Lò Văn Minh")
    person(cast.front_b, name="Vàng Thị Sua")
    three, body = count()
    assert one == three and "Lò Văn Minh" in body
    found = client.get("/hoi-nghi/nguoi/?q=dao").content.decode()
    assert "Nguyễn Thị Đào" in found and "Lò Văn Minh" not in found


def test_create_person_with_position_and_bad_input(cast):
    client = login(cast.province)
    client.post("/hoi-nghi/nguoi/them/", {"full_name": "Sần Thị Mai", "pos-title": "Chủ tịch Hội",
                                          "pos-organization": cast.front_a.pk, "pos-valid_from": "01/07/2025"})
    p = Person.objects.unscoped("test reads back").get()
    assert [(x.title, x.organization) for x in p.positions.all()] == [("Chủ tịch Hội", cast.front_a)]
    bad = client.post("/hoi-nghi/nguoi/them/", {"full_name": "Người Ngoài", "pos-title": "Trưởng ban",
                                                "pos-organization": cast.hue_commission.pk})
    assert "Lựa chọn này không có trong phạm vi của bạn." in bad.content.decode()
    assert Person.objects.unscoped("test reads back").count() == 1


def _api_count(client, url, h):
    client.get(url, **h)  # stamps the token's last use
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, **h).status_code == 200
    return len(ctx)


def test_api_meeting_list_query_count(client, cast):
    h = bearer(cast.province)
    meeting(cast.commission, title="Một")
    one = _api_count(client, "/api/v1/meetings", h)
    meeting(cast.commission, title="Hai")
    meeting(cast.commission, title="Ba")
    assert _api_count(client, "/api/v1/meetings", h) == one


def test_overview_page_shows_only_own_figures(cast):
    m = meeting(cast.commission, title="Tổng kết Lào Cai")
    task(conclusion(m), [cast.front_a], due=datetime.date(2026, 4, 30))
    body = login(cast.province).get("/hoi-nghi/nhiem-vu/tong-hop/").content.decode()
    assert "Tổng kết Lào Cai" in body and "1 nhiệm vụ: 0 hoàn thành" in body
    hue = login(cast.hue).get("/hoi-nghi/nhiem-vu/tong-hop/?theo=dia-ban").content.decode()
    assert "Tổng kết Lào Cai" not in hue and "0 nhiệm vụ" in hue and "Bảo Ái" not in hue


def test_notifications_are_personal(cast):
    from danvan.meetings.domain.reminders import send_reminders
    m = meeting(cast.commission)
    task(conclusion(m), [cast.front_a], title="Nhiệm vụ nhắc việc", due=datetime.date(2026, 7, 1))
    send_reminders(today=datetime.date(2026, 6, 29))
    assert login(cast.commune_a).get("/hoi-nghi/thong-bao/")["Location"] == "/thong-bao/"  # the old inbox
    assert "Nhiệm vụ nhắc việc" in login(cast.commune_a).get("/thong-bao/").content.decode()
    assert "Nhiệm vụ nhắc việc" not in login(cast.commune_b).get("/thong-bao/").content.decode()
    login(cast.commune_a).post("/thong-bao/", {"all": "1"})
    from danvan.core.models import Notification
    assert Notification.objects.filter(user=cast.commune_a, read_at__isnull=True).count() == 0
