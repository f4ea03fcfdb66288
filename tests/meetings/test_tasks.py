import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.models import Notification
from danvan.meetings.domain.reminders import send_reminders
from danvan.meetings.domain.tasks import report_progress
from danvan.meetings.models import FollowUpTask, TaskAssignment
from danvan.meetings.queries import filter_tasks, task_overview
from tests.conftest import login
from tests.meetings.helpers import conclusion, meeting, person, task

TODAY = datetime.date(2026, 7, 15)


@pytest.fixture
def world(cast):
    m = meeting(cast.commission, title="Tổng kết công tác dân vận năm 2025", kind="tong_ket")
    c1 = conclusion(m, "Kết luận về mô hình dân vận khéo")
    c2 = conclusion(m, "Kết luận bí mật chỉ ban tổ chức biết")
    t1 = task(c1, [cast.front_a], title="Nhân rộng mô hình ở xã Bảo Ái", due=datetime.date(2026, 6, 30))
    t2 = task(c2, [cast.front_b], title="Nhiệm vụ riêng của phường Yên Bái", due=datetime.date(2026, 12, 31))
    p = person(cast.commission, name="Lý Thị Hoa")
    return m, c1, c2, t1, t2, p


def _progress(t, status, progress=50, on=TODAY, **kw):
    return report_progress(actor=None, task=t, status=status, progress=progress, note="Đã triển khai", on=on, **kw)


@pytest.mark.parametrize("start,target", [
    ("not_started", "in_progress"), ("not_started", "done"), ("in_progress", "done"), ("done", "in_progress")])
def test_allowed_transitions(world, start, target):
    t = world[3]
    FollowUpTask.objects.unscoped("test reads back").filter(pk=t.pk).update(status=start)
    TaskAssignment.objects.unscoped("test sets up").filter(task=t).update(status=start)  # its one assignee
    t.refresh_from_db()
    _progress(t, target, progress=100 if target == "done" else 40)
    t.refresh_from_db()
    assert t.status == target
    assert t.progress == (100 if target == "done" else 40)
    assert (t.completed_on == TODAY) == (target == "done")


@pytest.mark.parametrize("start,target", [("in_progress", "not_started"), ("done", "not_started")])
def test_refused_transitions(world, start, target):
    t = world[3]
    FollowUpTask.objects.unscoped("test reads back").filter(pk=t.pk).update(status=start)
    TaskAssignment.objects.unscoped("test sets up").filter(task=t).update(status=start)  # its one assignee
    t.refresh_from_db()
    with pytest.raises(ValidationError):
        _progress(t, target)
    t.refresh_from_db()
    assert t.status == start and t.updates.count() == 0


def test_overdue_is_derived_from_date_and_status(cast, world):
    t1 = world[3]
    assert t1.is_overdue(TODAY) is True
    assert t1.is_overdue(datetime.date(2026, 6, 30)) is False
    assert list(filter_tasks(cast.province, status="overdue", today=TODAY)) == [t1]
    assert list(filter_tasks(cast.province, overdue=False, today=TODAY)) == [world[4]]
    _progress(t1, "done", progress=100, on=datetime.date(2026, 7, 10))
    t1.refresh_from_db()
    assert t1.is_overdue(TODAY) is False and t1.late is True


def test_overview_counts_per_meeting_and_area(cast, world):
    t1 = world[3]
    _progress(t1, "in_progress", progress=30)
    data = task_overview(cast.province, today=TODAY)
    assert {k: data["overall"][k] for k in ("total", "done", "in_progress", "not_started", "overdue", "late")} == {
        "total": 2, "done": 0, "in_progress": 1, "not_started": 1, "overdue": 1, "late": 0}
    assert [(r["meeting__title"], r["total"], r["overdue"]) for r in data["by_meeting"]] == [
        ("Tổng kết công tác dân vận năm 2025", 2, 1)]
    assert sorted((r["organization__area__name"], r["total"], r["overdue"]) for r in data["by_area"]) == [
        ("Bảo Ái", 1, 1), ("Yên Bái", 1, 0)]


def test_assignee_sees_task_but_not_organizer_data(cast, world):
    m, c1, c2, t1, t2, p = world
    client = login(cast.commune_a)
    body = client.get(f"/hoi-nghi/nhiem-vu/{t1.pk}/").content.decode()
    assert "Nhân rộng mô hình ở xã Bảo Ái" in body and "Kết luận về mô hình dân vận khéo" in body
    assert "Kết luận bí mật chỉ ban tổ chức biết" not in body
    assert client.get(f"/hoi-nghi/nhiem-vu/{t2.pk}/").status_code == 404
    assert client.get(f"/hoi-nghi/{m.pk}/").status_code == 404
    assert client.get(f"/hoi-nghi/nguoi/{p.pk}/").status_code == 404
    listing = client.get("/hoi-nghi/nhiem-vu/").content.decode()
    assert "Nhân rộng mô hình ở xã Bảo Ái" in listing and "Nhiệm vụ riêng của phường Yên Bái" not in listing
    assert "Tổng kết công tác dân vận năm 2025" not in client.get("/hoi-nghi/").content.decode()


def test_assignee_reports_progress_with_evidence(cast, world):
    t1 = world[3]
    evidence = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 minh chung", content_type="application/pdf")
    response = login(cast.commune_a).post(f"/hoi-nghi/nhiem-vu/{t1.pk}/cap-nhat/", {
        "on": "10/07/2026", "status": "in_progress", "progress": "60", "note": "Đã họp dân 3 thôn",
        "version": t1.version, "evidence": evidence})
    assert response.status_code == 302
    t1.refresh_from_db()
    update = t1.updates.get()
    assert (t1.status, t1.progress, update.organization, update.evidence.read()) == (
        "in_progress", 60, cast.front_a, b"%PDF-1.4 minh chung")


def test_progress_bad_input_changes_nothing(cast, world):
    t1 = world[3]
    evidence = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    response = login(cast.commune_a).post(f"/hoi-nghi/nhiem-vu/{t1.pk}/cap-nhat/", {
        "on": "10/07/2026", "status": "in_progress", "progress": "60", "note": "x", "evidence": evidence})
    assert response.status_code == 422
    assert "Loại tệp không được chấp nhận" in response.content.decode()
    t1.refresh_from_db()
    assert (t1.status, t1.updates.count()) == ("not_started", 0)


def test_other_unit_cannot_update_task(cast, world):
    t1 = world[3]
    response = login(cast.hue).post(f"/hoi-nghi/nhiem-vu/{t1.pk}/cap-nhat/", {
        "on": "10/07/2026", "status": "done", "progress": "100", "note": "x"})
    assert response.status_code == 404
    t1.refresh_from_db()
    assert t1.status == "not_started"
    # positive control: the assignee (commune A) records the same progress
    response = login(cast.commune_a).post(f"/hoi-nghi/nhiem-vu/{t1.pk}/cap-nhat/", {
        "on": "10/07/2026", "status": "done", "progress": "100", "note": "x", "version": t1.version})
    assert response.status_code == 302
    t1.refresh_from_db()
    assert t1.status == "done"


def _task_list_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/hoi-nghi/nhiem-vu/").status_code == 200
    return len(ctx)


def test_task_list_query_count_does_not_grow(cast):
    m = meeting(cast.commission)
    c = conclusion(m)
    client = login(cast.province)
    task(c, [cast.front_a])
    one = _task_list_queries(client)
    task(c, [cast.front_a, cast.front_b])
    task(c, [cast.front_b])
    assert _task_list_queries(client) == one


def test_reminders_before_and_after_due_date_once(cast, world):
    t2 = world[4]
    counts = send_reminders(today=datetime.date(2026, 6, 28))
    assert counts["before"] == 1  # commune_a, assignee of t1 (due 30/06)
    reminders = Notification.objects.filter(kind__startswith="meetings.task_b")
    assert list(reminders.values_list("user__username", flat=True)) == ["commune_a"]
    assert send_reminders(today=datetime.date(2026, 6, 29))["before"] == 0  # already reminded
    after = send_reminders(today=datetime.date(2026, 7, 2))
    users = set(Notification.objects.filter(key__contains=":after:").values_list("user__username", flat=True))
    assert after["after"] == 4 and users == {"commune_a", "province", "leader", "admin_ban"}
    emailed = Notification.objects.filter(kind__in=["meetings.task_before", "meetings.task_after"], emailed=True)
    assert sorted(m.to[0] for m in mail.outbox if "nhắc" in m.subject.lower()) == sorted(
        n.user.email for n in emailed.select_related("user")) and emailed.count() == 5
    assert not Notification.objects.filter(url=f"/hoi-nghi/nhiem-vu/{t2.pk}/",
                                           kind__in=["meetings.task_before", "meetings.task_after"])


def test_a_new_task_notifies_each_assignee_once(cast, world):
    t1, t2 = world[3], world[4]
    told = Notification.objects.filter(kind="meetings.task_assigned")
    assert sorted(told.values_list("user__username", "url")) == [
        ("commune_a", f"/hoi-nghi/nhiem-vu/{t1.pk}/"), ("commune_b", f"/hoi-nghi/nhiem-vu/{t2.pk}/")]
    assert "30/06/2026" in told.get(user=cast.commune_a).message
    assert "Nhân rộng mô hình ở xã Bảo Ái" in told.get(user=cast.commune_a).message


def test_reminder_command_and_background_task(cast, world):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("send_task_reminders", "--date", "2026-07-02", stdout=out)
    assert out.getvalue().startswith("before: 0, after: 4")
    from danvan.meetings.tasks import send_task_reminders_task
    before = Notification.objects.count()
    result = send_task_reminders_task.enqueue()  # immediate backend in tests: runs inline
    assert Notification.objects.count() - before == result.return_value["before"] + result.return_value["after"]


def test_create_task_from_conclusion_needs_assignee(cast):
    m = meeting(cast.commission)
    c = conclusion(m)
    response = login(cast.province).post(f"/hoi-nghi/{m.pk}/ket-luan/{c.pk}/nhiem-vu/", {
        "title": "Nhiệm vụ", "due_date": "30/09/2026"}, follow=True)
    assert "Tổ chức thực hiện" in response.content.decode()
    assert FollowUpTask.objects.unscoped("test reads back").count() == 0
    login(cast.province).post(f"/hoi-nghi/{m.pk}/ket-luan/{c.pk}/nhiem-vu/", {
        "title": "Nhiệm vụ", "due_date": "30/09/2026", "assignees": [cast.front_a.pk, cast.front_b.pk]})
    t = FollowUpTask.objects.unscoped("test reads back").get()
    assert (t.organization, sorted(t.assignees.values_list("name", flat=True))) == (
        cast.commission, ["Ủy ban MTTQ Việt Nam phường Yên Bái", "Ủy ban MTTQ Việt Nam xã Bảo Ái"])


def test_dashboard_panel_lists_my_organization_tasks(cast, world):
    body = login(cast.commune_a).get("/").content.decode()
    assert "Nhân rộng mô hình ở xã Bảo Ái" in body and "Nhiệm vụ riêng của phường Yên Bái" not in body
