"""One dispatcher for the meetings app (issue 8 §3): the meeting pages and the API both call
``meetings.domain.actions.perform``, and a refusal reads the same way through both (403 not allowed,
409 conflict, 422 invalid naming the field); nothing is changed then."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from danvan.core.models import AuditEvent
from danvan.meetings.domain import actions
from danvan.meetings.models import FollowUpTask
from tests.conftest import bearer, login
from tests.meetings.helpers import conclusion, meeting, online_meeting, point_of, task


@pytest.fixture
def online(cast):
    return online_meeting(cast)


_point = point_of


def _api(user, method, url, payload):
    return getattr(Client(), method)(url, json.dumps(payload), content_type="application/json", **bearer(user))


@pytest.fixture
def calls(monkeypatch):
    """Every action the dispatcher runs, by name (the real function still runs)."""
    seen = []
    for name, function in list(actions.ACTIONS.items()):
        def spy(*args, _name=name, _function=function, **kwargs):
            seen.append(_name)
            return _function(*args, **kwargs)
        monkeypatch.setitem(actions.ACTIONS, name, spy)
    return seen


def test_the_page_and_the_api_record_attendance_through_the_dispatcher(cast, online, calls):
    a = _point(online, cast.geo.commune_a)
    response = login(cast.province).post(f"/hoi-nghi/{online.pk}/diem-cau/{a.pk}/",
                                         {"present": "18", "expected": "25", "version": a.version},
                                         HTTP_HX_REQUEST="true")
    assert "18" in response.content.decode()
    assert calls == ["set_attendance"]
    answer = _api(cast.province, "put", f"/api/v1/meetings/{online.pk}/bridge-points/{a.pk}/attendance",
                  {"present": 19, "host_name": "Lò Văn A", "version": 2})
    assert answer.status_code == 200, answer.content
    assert (answer.json()["present"], answer.json()["expected"], answer.json()["host_name"]) == (19, 25, "Lò Văn A")
    assert calls == ["set_attendance", "set_attendance"]
    a.refresh_from_db()
    assert (a.present, a.expected, a.host_name, a.version) == (19, 25, "Lò Văn A", 3)
    # the audit lines: the meeting's "Attendance at …" and the point's changed fields (editing.edit)
    lines = list(AuditEvent.objects.filter(object_id=str(online.pk), action="action")
                 .values_list("message", flat=True).order_by("id"))
    assert lines[-2:] == [f"Điểm danh tại {a.name}: 18", f"Điểm danh tại {a.name}: 19"]
    changes = AuditEvent.objects.filter(object_id=str(a.pk), action="update").order_by("id").last().changes
    assert set(changes) >= {"present", "host_name"}


def test_a_stale_attendance_is_a_409_in_the_api_and_the_same_message_on_the_page(cast, online):
    a = _point(online, cast.geo.commune_a)
    url = f"/api/v1/meetings/{online.pk}/bridge-points/{a.pk}/attendance"
    assert _api(cast.province, "put", url, {"present": 11, "version": 1}).status_code == 200
    stale = _api(cast.leader, "put", url, {"present": 22, "version": 1})
    assert stale.status_code == 409
    body = stale.json()
    assert body["errors"][0]["field"] == "version"
    assert "vừa được người khác sửa (hiện là 11)" in body["detail"]
    page = login(cast.leader).post(f"/hoi-nghi/{online.pk}/diem-cau/{a.pk}/", {"present": "22", "version": "1"},
                                   HTTP_HX_REQUEST="true").content.decode()
    assert body["detail"] in page  # the same sentence on the page
    a.refresh_from_db()
    assert (a.present, a.version) == (11, 2)  # nothing changed by either stale save
    # positive control: with the version read again, the save goes in
    assert _api(cast.leader, "put", url, {"present": 22, "version": 2}).json()["present"] == 22


def test_bad_attendance_is_a_422_naming_the_field_and_changes_nothing(cast, online):
    a = _point(online, cast.geo.commune_a)
    answer = _api(cast.province, "put", f"/api/v1/meetings/{online.pk}/bridge-points/{a.pk}/attendance",
                  {"present": -3, "version": 1})
    assert answer.status_code == 422
    assert answer.json()["errors"] == [{"field": "present",
                                        "message": "Số đại biểu phải từ 0 đến 1.000.000."}]
    a.refresh_from_db()
    assert (a.present, a.version) == (None, 1)


def test_another_units_point_is_403_in_the_api_and_404_on_the_page(cast, online):
    """Commune A sees the meeting (its own point) but may not report commune B's point."""
    a, b = _point(online, cast.geo.commune_a), _point(online, cast.geo.commune_b)
    refused = _api(cast.commune_a, "put", f"/api/v1/meetings/{online.pk}/bridge-points/{b.pk}/attendance",
                   {"present": 7})
    assert refused.status_code == 403
    assert refused.json()["detail"] == ("Chỉ đơn vị tổ chức hoặc đơn vị của điểm cầu này mới được báo cáo số đại "
                                        "biểu dự.")
    assert login(cast.commune_a).post(f"/hoi-nghi/{online.pk}/diem-cau/{b.pk}/", {"present": "7"}).status_code == 404
    b.refresh_from_db()
    assert (b.present, b.version) == (None, 1)
    # outside the scope altogether (Huế does not see the meeting): 404
    assert _api(cast.hue, "put", f"/api/v1/meetings/{online.pk}/bridge-points/{a.pk}/attendance",
                {"present": 7}).status_code == 404
    # positive control: commune A reports its own point (the organizer's expected stays)
    own = _api(cast.commune_a, "put", f"/api/v1/meetings/{online.pk}/bridge-points/{a.pk}/attendance",
               {"present": 7, "expected": 99, "version": 1})
    assert (own.status_code, own.json()["present"], own.json()["expected"]) == (200, 7, 20)


@pytest.fixture
def assigned(cast):
    m = meeting(cast.commission, title="Tổng kết công tác dân vận năm 2025", kind="tong_ket")
    return task(conclusion(m, "Kết luận về mô hình dân vận khéo"), [cast.front_a],
                title="Nhân rộng mô hình ở xã Bảo Ái", due=datetime.date(2026, 6, 30))


def _progress(**values):
    return {"on": timezone.localdate().isoformat(), "status": "in_progress", "progress": 40,
            "note": "Đã họp dân ở 3 thôn", **values}


def test_task_progress_goes_through_the_dispatcher_from_the_page_and_the_api(cast, assigned, calls):
    on = timezone.localdate()
    response = login(cast.commune_a).post(f"/hoi-nghi/nhiem-vu/{assigned.pk}/cap-nhat/", {
        "on": on.strftime("%d/%m/%Y"), "status": "in_progress", "progress": "30", "note": "Đã khảo sát",
        "version": assigned.version})
    assert response.status_code == 302
    answer = _api(cast.commune_a, "post", f"/api/v1/tasks/{assigned.pk}/progress", _progress(version=2))
    assert answer.status_code == 200, answer.content
    assert (answer.json()["status"], answer.json()["progress"]) == ("in_progress", 40)
    assert calls == ["report_progress", "report_progress"]
    stored = FollowUpTask.objects.unscoped("test reads back").get(pk=assigned.pk)
    assert (stored.progress, stored.version, stored.updates.count()) == (40, 3, 2)


def test_task_progress_refusals_read_the_same_in_the_api_and_on_the_page(cast, assigned):
    url = f"/api/v1/tasks/{assigned.pk}/progress"
    stale = _api(cast.commune_a, "post", url, _progress(version=7))
    assert stale.status_code == 409
    assert stale.json()["errors"][0]["field"] == "version"
    page = login(cast.commune_a).post(f"/hoi-nghi/nhiem-vu/{assigned.pk}/cap-nhat/", {
        "on": timezone.localdate().strftime("%d/%m/%Y"), "status": "in_progress", "progress": "30",
        "note": "x", "version": 7}).content.decode()
    assert stale.json()["detail"] in page
    bad = _api(cast.commune_a, "post", url, _progress(progress=150, version=1))
    assert bad.status_code == 422
    assert [e["field"] for e in bad.json()["errors"]] == ["progress"]
    assert _api(cast.hue, "post", url, _progress(version=1)).status_code == 404
    stored = FollowUpTask.objects.unscoped("test reads back").get(pk=assigned.pk)
    assert (stored.status, stored.version, stored.updates.count()) == ("not_started", 1, 0)


def test_an_unknown_action_is_refused_on_the_action_field(cast):
    with pytest.raises(ValidationError) as refused:
        actions.perform("delete_everything", actor=cast.province)
    assert list(refused.value.message_dict) == ["action"]
