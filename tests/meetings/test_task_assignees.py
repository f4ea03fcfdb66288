"""A task to every organization of a kind in an area in one action; each assignee has its own status,
progress and updates, shown side by side (issue 10 §5: one reporting 60% made it 60% for all)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from danvan.core.models import Notification
from danvan.meetings.domain.tasks import report_progress
from danvan.meetings.models import FollowUpTask, TaskAssignment
from danvan.orgs.models import Kind
from tests.conftest import login
from tests.meetings.helpers import conclusion, meeting

DUE = "30/09/2026"


def _assign_every_commune_front(cast, client=None):
    m = meeting(cast.commission)
    c = conclusion(m)
    response = (client or login(cast.province)).post(f"/hoi-nghi/{m.pk}/ket-luan/{c.pk}/nhiem-vu/", {
        "title": "Tuyên truyền bầu cử", "due_date": DUE, "every_kind": Kind.FATHERLAND_FRONT,
        "every_level": "commune", "every_area": cast.geo.laocai.pk})
    return m, response


def test_a_task_to_every_commune_front_of_the_province_in_one_action(cast):
    m, response = _assign_every_commune_front(cast)
    assert response.status_code == 302
    t = FollowUpTask.objects.unscoped("test reads back").get()
    # the two commune fronts; not the provincial front (level), not Huế's (area)
    assert sorted(t.assignees.values_list("name", flat=True)) == [
        "Ủy ban MTTQ Việt Nam phường Yên Bái", "Ủy ban MTTQ Việt Nam xã Bảo Ái"]
    told = Notification.objects.filter(kind="meetings.task_assigned")
    assert sorted(told.values_list("user__username", flat=True)) == ["commune_a", "commune_b"]


def test_every_kind_needs_an_area_and_finds_someone(cast):
    m = meeting(cast.commission)
    c = conclusion(m)
    url = f"/hoi-nghi/{m.pk}/ket-luan/{c.pk}/nhiem-vu/"
    page = login(cast.province).post(url, {"title": "X", "due_date": DUE, "every_kind": Kind.FATHERLAND_FRONT},
                                     follow=True).content.decode()
    assert "Chọn địa bàn có các tổ chức loại này nhận nhiệm vụ." in page
    page = login(cast.province).post(url, {"title": "X", "due_date": DUE, "every_kind": Kind.VETERANS,
                                           "every_area": cast.geo.laocai.pk}, follow=True).content.decode()
    assert "Không có tổ chức nào thuộc loại này ở Tỉnh Lào Cai." in page
    assert not FollowUpTask.objects.unscoped("test reads back").exists()
    page = login(cast.province).post(url, {"title": "X", "due_date": DUE, "every_kind": Kind.FATHERLAND_FRONT,
                                           "every_area": cast.geo.hue.pk}, follow=True).content.decode()
    assert not FollowUpTask.objects.unscoped("test reads back").exists()  # Huế is not the Ban's area


def test_each_assignee_reports_its_own_progress(cast):
    _assign_every_commune_front(cast)
    t = FollowUpTask.objects.unscoped("test reads back").get()
    client = login(cast.commune_a)
    response = client.post(f"/hoi-nghi/nhiem-vu/{t.pk}/cap-nhat/", {
        "version": t.version, "on": "01/07/2026", "status": "in_progress", "progress": "60",
        "note": "Đã họp 3 thôn"})
    assert response.status_code == 302
    rows = dict(TaskAssignment.objects.unscoped("test reads back").filter(task=t)
                .values_list("organization__name", "progress"))
    assert rows == {"Ủy ban MTTQ Việt Nam xã Bảo Ái": 60, "Ủy ban MTTQ Việt Nam phường Yên Bái": 0}
    t.refresh_from_db()
    assert (t.status, t.progress) == ("in_progress", 30)  # the mean, not 60% for all
    page = login(cast.province).get(f"/hoi-nghi/nhiem-vu/{t.pk}/").content.decode()
    table = page[page.index("dv-assignments"):]
    table = table[:table.index("</table>")]
    assert "Ủy ban MTTQ Việt Nam xã Bảo Ái</td><td>Đang thực hiện</td>" in table
    assert "Ủy ban MTTQ Việt Nam phường Yên Bái</td><td>Chưa thực hiện</td>" in table
    assert "60%" in table and "0%" in table and "01/07/2026" in table
    # the other commune finishes: the task stays in progress until every assignee is done
    report_progress(actor=cast.commune_b, task=t, status="done", progress=100, note="Xong",
                    on=datetime.date(2026, 7, 5), organization=cast.front_b)
    t.refresh_from_db()
    assert (t.status, t.progress) == ("in_progress", 80)
    report_progress(actor=cast.commune_a, task=t, status="done", progress=100, note="Xong",
                    on=datetime.date(2026, 7, 9), organization=cast.front_a)
    t.refresh_from_db()
    assert (t.status, t.progress, t.completed_on) == ("done", 100, datetime.date(2026, 7, 9))


def test_the_organizer_names_the_assignee_it_reports_for(cast):
    _assign_every_commune_front(cast)
    t = FollowUpTask.objects.unscoped("test reads back").get()
    with pytest.raises(ValidationError) as refused:
        report_progress(actor=cast.province, task=t, status="in_progress", progress=10, note="Đôn đốc",
                        on=datetime.date(2026, 7, 1))
    assert "organization" in refused.value.message_dict
    with pytest.raises(ValidationError):  # not an assignee
        report_progress(actor=cast.province, task=t, status="in_progress", progress=10, note="Đôn đốc",
                        on=datetime.date(2026, 7, 1), organization=cast.front)
    page = login(cast.province).get(f"/hoi-nghi/nhiem-vu/{t.pk}/").content.decode()
    assert 'name="organization"' in page  # the organizer chooses
    assert 'name="organization"' not in login(cast.commune_a).get(f"/hoi-nghi/nhiem-vu/{t.pk}/").content.decode()
    assert TaskAssignment.objects.unscoped("test reads back").filter(task=t, progress=0).count() == 2


def _page_rows(page):
    """The task page's assignment table as (organization, status, progress, last update) rows."""
    import re
    table = page[page.index("dv-assignments"):]
    table = table[:table.index("</table>")]
    rows = []
    for row in re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td>\s*<td[^>]*>.*?</progress> (\d+)%</td><td>(.*?)</td></tr>",
                          table, re.S):
        rows.append((row[0], row[1], int(row[2]), row[3]))
    return rows


def test_the_api_shows_each_assignee_as_the_page_does(cast, client):
    """Two assignees at 60% and 0%: GET /api/v1/tasks/{id} and the list read back the page's table
    (organization, status, progress, last update) and its overall figure (the mean, 30%)."""
    _assign_every_commune_front(cast)
    t = FollowUpTask.objects.unscoped("test reads back").get()
    report_progress(actor=cast.commune_a, task=t, status="in_progress", progress=60, note="Đã họp 3 thôn",
                    on=datetime.date(2026, 7, 1), organization=cast.front_a)
    page = login(cast.province).get(f"/hoi-nghi/nhiem-vu/{t.pk}/").content.decode()
    shown = _page_rows(page)
    assert shown == [("Ủy ban MTTQ Việt Nam phường Yên Bái", "Chưa thực hiện", 0, "—"),
                     ("Ủy ban MTTQ Việt Nam xã Bảo Ái", "Đang thực hiện", 60, "01/07/2026")]
    assert "30%" in page and "trung bình" in page.lower()

    from tests.conftest import bearer
    one = client.get(f"/api/v1/tasks/{t.pk}", **bearer(cast.province)).json()
    labels = {"not_started": "Chưa thực hiện", "in_progress": "Đang thực hiện", "done": "Hoàn thành"}
    read = [(a["organization"]["name"], labels[a["status"]], a["progress"],
             datetime.date.fromisoformat(a["updated_on"]).strftime("%d/%m/%Y") if a["updated_on"] else "—")
            for a in one["assignments"]]
    assert read == shown
    assert [a["organization"]["id"] for a in one["assignments"]] == [cast.front_b.pk, cast.front_a.pk]
    assert (one["status"], one["progress"]) == ("in_progress", 30)
    assert [a["name"] for a in one["assignees"]] == [r[0] for r in shown]
    listed = client.get("/api/v1/tasks", **bearer(cast.province)).json()["items"]
    assert [x["assignments"] for x in listed if x["id"] == t.pk] == [one["assignments"]]
    # an assignee reads the same figures for the task (it sees the other assignee's row too, as on its page)
    mine = client.get(f"/api/v1/tasks/{t.pk}", **bearer(cast.commune_a)).json()
    assert mine["assignments"] == one["assignments"]
