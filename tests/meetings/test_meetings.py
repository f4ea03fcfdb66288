import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.models import AuditEvent
from danvan.meetings.domain.meetings import add_role, update_meeting
from danvan.meetings.models import Meeting, MeetingRole
from tests.conftest import login
from tests.meetings.helpers import conclusion, meeting, person


def test_meeting_list_shows_only_meetings_in_scope(cast):
    meeting(cast.commission, title="Giao ban quý I tỉnh Lào Cai")
    meeting(cast.hue_commission, title="Giao ban quý I thành phố Huế")
    body = login(cast.province).get("/hoi-nghi/").content.decode()
    assert "Giao ban quý I tỉnh Lào Cai" in body
    assert "Huế" not in body.split("<main")[1]


def test_meeting_list_search_ignores_diacritics(cast):
    meeting(cast.commission, title="Tổng kết công tác dân vận năm 2023", kind="tong_ket")
    meeting(cast.commission, title="Giao ban 9 tháng")
    body = login(cast.province).get("/hoi-nghi/?q=tong+ket").content.decode()
    assert "Tổng kết công tác dân vận năm 2023" in body
    assert "Giao ban 9 tháng" not in body


def test_other_unit_meeting_is_404(cast):
    m = meeting(cast.hue_commission, title="Giao ban Thành ủy Huế")
    client, owner = login(cast.province), login(cast.hue)
    assert client.get(f"/hoi-nghi/{m.pk}/").status_code == 404
    assert client.get(f"/hoi-nghi/{m.pk}/sua/").status_code == 404
    assert client.post(f"/hoi-nghi/{m.pk}/ket-luan/", {"text": "Kết luận từ tỉnh khác"}).status_code == 404
    assert list(m.conclusions.values_list("text", flat=True)) == []
    # positive control: the same requests by Huế's officer work
    assert "Giao ban Thành ủy Huế" in owner.get(f"/hoi-nghi/{m.pk}/").content.decode()
    assert "Giao ban Thành ủy Huế" in owner.get(f"/hoi-nghi/{m.pk}/sua/").content.decode()
    assert owner.post(f"/hoi-nghi/{m.pk}/ket-luan/", {"text": "Kết luận của Huế"}).status_code == 302
    assert list(m.conclusions.values_list("text", flat=True)) == ["Kết luận của Huế"]


def test_commune_officer_cannot_see_province_meeting(cast):
    m = meeting(cast.commission, title="Giao ban Ban Tuyên giáo và Dân vận tỉnh quý I")
    own = login(cast.province).get(f"/hoi-nghi/{m.pk}/")
    assert own.status_code == 200 and "Giao ban Ban Tuyên giáo và Dân vận tỉnh quý I" in own.content.decode()
    refused = login(cast.commune_a).get(f"/hoi-nghi/{m.pk}/")
    assert refused.status_code == 404
    assert "Giao ban Ban Tuyên giáo và Dân vận tỉnh quý I" not in refused.content.decode()


def _list_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/hoi-nghi/").status_code == 200
    return len(ctx)


def test_meeting_list_query_count_does_not_grow(cast):
    client = login(cast.province)
    meeting(cast.commission, title="Một")
    one = _list_queries(client)
    meeting(cast.commission, title="Hai")
    meeting(cast.commission, title="Ba")
    assert _list_queries(client) == one


def test_create_meeting_through_the_form(cast):
    response = login(cast.province).post("/hoi-nghi/them/", {
        "kind": "so_ket", "title": "Sơ kết 6 tháng đầu năm 2026", "organization": cast.commission.pk,
        "period_label": "6 tháng năm 2026", "period_start": "01/01/2026", "period_end": "30/06/2026",
        "starts_at": "10/07/2026 08:00", "venue": "Hội trường Tỉnh ủy", "mode": "hybrid"})
    m = Meeting.objects.unscoped("test reads back").get()
    assert response.status_code == 302
    assert (m.title, m.period_label, m.period_end, m.mode) == (
        "Sơ kết 6 tháng đầu năm 2026", "6 tháng năm 2026", datetime.date(2026, 6, 30), "hybrid")
    assert AuditEvent.objects.filter(action="create", object_id=str(m.pk), object_repr=m.title).count() == 1


def test_create_meeting_bad_input_changes_nothing(cast):
    response = login(cast.province).post("/hoi-nghi/them/", {
        "kind": "so_ket", "title": "Sơ kết", "organization": cast.hue_commission.pk,
        "starts_at": "31/02/2026 08:00", "mode": "online"})
    body = response.content.decode()
    assert response.status_code == 200
    assert Meeting.objects.unscoped("test reads back").count() == 0
    assert "Lựa chọn này không có trong phạm vi của bạn." in body
    assert "Nhập một ngày/thời gian hợp lệ." in body


def test_period_end_before_start_is_refused(cast):
    response = login(cast.province).post("/hoi-nghi/them/", {
        "kind": "so_ket", "title": "Sơ kết", "organization": cast.commission.pk, "starts_at": "10/07/2026 08:00",
        "period_start": "30/06/2026", "period_end": "01/01/2026", "mode": "online"})
    assert "Ngày kết thúc của kỳ được đánh giá phải sau ngày bắt đầu." in response.content.decode()
    assert Meeting.objects.unscoped("test reads back").count() == 0


def test_concurrent_edit_is_detected(cast):
    m = meeting(cast.commission)
    update_meeting(m, actor=cast.province, expected_version=1, venue="Hội trường A")
    from danvan.core.domain.refusals import StaleVersion
    with pytest.raises(StaleVersion, match="vừa được người khác sửa"):
        update_meeting(Meeting.objects.unscoped("test reads back").get(pk=m.pk), actor=cast.leader, expected_version=1, venue="Hội trường B")
    assert Meeting.objects.unscoped("test reads back").get(pk=m.pk).venue == "Hội trường A"


def test_role_snapshots_position_held_on_meeting_day(cast):
    from danvan.meetings.domain.people import add_position
    p = person(cast.commission, name="Sùng A Chử", title="Phó Trưởng ban", since=datetime.date(2020, 1, 1))
    first = p.positions.get()
    first.valid_to = datetime.date(2025, 6, 30)
    first.save()
    add_position(actor=None, person=p, title="Trưởng ban", organization=cast.commission,
                 valid_from=datetime.date(2025, 7, 1))
    old = meeting(cast.commission, day=datetime.date(2024, 1, 5))
    new = meeting(cast.commission, day=datetime.date(2026, 1, 5))
    assert add_role(actor=None, meeting=old, person=p, role="chu_tri").position_text == "Phó Trưởng ban"
    assert add_role(actor=None, meeting=new, person=p, role="chu_tri").position_text == "Trưởng ban"


def test_add_role_and_conclusion_through_views(cast):
    m = meeting(cast.commission)
    p = person(cast.party, name="Hà Đức Minh", title="Phó Bí thư Tỉnh ủy")
    client = login(cast.province)
    client.post(f"/hoi-nghi/{m.pk}/nguoi/", {"person": p.pk, "role": "chi_dao"})
    client.post(f"/hoi-nghi/{m.pk}/ket-luan/", {"text": "Đẩy mạnh phong trào Dân vận khéo"})
    client.post(f"/hoi-nghi/{m.pk}/ket-luan/", {"text": "Nắm chắc tình hình Nhân dân"})
    role = MeetingRole.objects.unscoped("test reads back").get(meeting=m)
    assert (role.person, role.position_text, role.organization_name) == (p, "Phó Bí thư Tỉnh ủy", "Tỉnh ủy Lào Cai")
    assert list(m.conclusions.values_list("number", "text")) == [
        (1, "Đẩy mạnh phong trào Dân vận khéo"), (2, "Nắm chắc tình hình Nhân dân")]
    body = client.get(f"/hoi-nghi/{m.pk}/").content.decode()
    assert "Hà Đức Minh" in body and "Nắm chắc tình hình Nhân dân" in body


def test_empty_conclusion_is_refused(cast):
    m = meeting(cast.commission)
    response = login(cast.province).post(f"/hoi-nghi/{m.pk}/ket-luan/", {"text": "  "}, follow=True)
    assert "Kết luận" in response.content.decode()
    assert m.conclusions.count() == 0


def test_calendar_lists_coming_meetings_only(cast):
    meeting(cast.commission, title="Hội nghị đã qua", day=datetime.date(2020, 1, 1))
    meeting(cast.commission, title="Hội nghị sắp tới", day=datetime.date(2099, 1, 1))
    body = login(cast.province).get("/hoi-nghi/lich/").content.decode()
    assert "Hội nghị sắp tới" in body and "Hội nghị đã qua" not in body


def test_conclusion_numbering_continues(cast):
    m = meeting(cast.commission)
    assert [conclusion(m, f"Kết luận {i}").number for i in range(3)] == [1, 2, 3]
