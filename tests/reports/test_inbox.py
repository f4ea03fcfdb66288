"""One inbox (issue 10 §4): a submitted report reaches the leaders who review it, the bell counts it,
the page lists it, reading it is a POST; "Việc của tôi" shows each role its work."""

import datetime

from django.core import mail
from django.utils import timezone

from danvan.core.domain.notifications import notify
from danvan.core.models import Job, Notification
from danvan.reports.domain import reports as actions
from danvan.reports.domain.periods import get_period
from tests.conftest import login


def _draft(rep, month=10):
    report = actions.create_report(actor=rep.cast.commune_a, form=rep.form, period=get_period("month", 2025, month),
                                   organization=rep.cast.front_a)
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version,
                        values={"DV_DON_NHAN": "12", "DV_DON_GQ": "10", "DV_MH_DK": "3"})
    return report


def test_a_submitted_report_reaches_its_reviewers_and_the_bell(rep):
    c = rep.cast
    Notification.objects.all().delete()
    report = _draft(rep)
    before = login(c.leader).get("/thong-bao/").content.decode()
    assert "dv-bell-count" not in before
    actions.submit_report(report, actor=c.commune_a)
    told = Notification.objects.filter(kind="reports.submitted")
    assert list(told.values_list("user__username", flat=True)) == ["leader"]  # the commission's leader only
    note = told.get()
    assert note.message == "Ủy ban MTTQ Việt Nam xã Bảo Ái đã gửi báo cáo Tháng 10 năm 2025, chờ đồng chí duyệt."
    client = login(c.leader)
    page = client.get("/").content.decode()
    assert '<span class="badge rounded-pill text-bg-danger dv-bell-count">1</span>' in page
    assert "Thông báo: 1 chưa đọc" in page
    inbox = client.get("/thong-bao/").content.decode()
    assert note.message in inbox and "1 chưa đọc" in inbox
    assert Notification.objects.get(pk=note.pk).read_at is None  # reading the page writes nothing
    # another user cannot open (nor mark) it
    login(c.province).post("/thong-bao/", {"open": note.pk})
    assert Notification.objects.get(pk=note.pk).read_at is None
    response = client.post("/thong-bao/", {"open": note.pk})
    assert response["Location"] == f"/bao-cao/{report.pk}/"
    assert Notification.objects.get(pk=note.pk).read_at is not None
    assert "dv-bell-count" not in client.get("/thong-bao/").content.decode()
    # no one else is told: the commune's own staff, the provincial front, Huế
    for other in (c.commune_a, c.mttq, c.hue, c.province):
        assert "dv-bell-count" not in login(other).get("/thong-bao/").content.decode()


def test_a_returned_report_tells_who_submitted_it(rep):
    c = rep.cast
    report = _draft(rep)
    actions.submit_report(report, actor=c.commune_a)
    actions.return_report(report, actor=c.leader, reason="Thiếu số liệu")
    note = Notification.objects.get(user=c.commune_a, kind="reports.returned")
    assert note.message == "Báo cáo Tháng 10 năm 2025 của đơn vị bị trả lại: Thiếu số liệu"
    assert note.url == f"/bao-cao/{report.pk}/"


def test_notify_once_per_key_and_email_when_configured(cast, settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    cast.commune_a.email = "a@example.org"
    cast.commune_a.save()
    cast.commune_b.email = ""  # no address: told in the inbox only
    cast.commune_b.save()
    assert notify(users=[cast.commune_a, cast.commune_b, cast.commune_a], key="k1", message="Xin chào") == 2
    assert notify(users=[cast.commune_a, cast.commune_b], key="k1", message="Xin chào") == 0
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert list(Notification.objects.filter(key="k1", emailed=True).values_list("user__username", flat=True)) == [
        "commune_a"]
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    assert notify(users=[cast.commune_a], key="k2", message="Không gửi thư") == 1
    assert len(mail.outbox) == 1


def test_mark_all_read_touches_only_mine(cast):
    notify(users=[cast.commune_a, cast.commune_b], key="x", message="Một")
    notify(users=[cast.commune_a], key="y", message="Hai")
    login(cast.commune_a).post("/thong-bao/", {"all": "1"})
    assert Notification.objects.filter(read_at__isnull=True).count() == 1
    assert Notification.objects.get(read_at__isnull=True).user == cast.commune_b
    assert login(cast.commune_a).get("/bao-cao/thong-bao/")["Location"] == "/thong-bao/"


def test_my_work_shows_the_commune_its_report_due_not_started(rep):
    c = rep.cast
    page = login(c.commune_a).get("/").content.decode()
    assert "Việc của tôi" in page
    now = timezone.localdate()
    last = now.replace(day=1) - datetime.timedelta(days=1)
    label = f"Báo cáo Tháng {last.month} năm {last.year} của Ủy ban MTTQ Việt Nam xã Bảo Ái"
    block = page[page.index("dv-my-work"):]
    block = block[:block.index("</div></div>")]
    assert label in block and "chưa tạo" in block and "hạn " in block
    # the leader sees what waits for his approval, with the count
    leader = login(c.leader).get("/").content.decode()
    block = leader[leader.index("dv-my-work"):]
    assert "5 báo cáo chờ đồng chí duyệt" in block[:block.index("</div></div>")]


def test_my_work_lists_a_task_due_soon(cast):
    from tests.meetings.helpers import conclusion, meeting, task

    due = timezone.localdate() + datetime.timedelta(days=2)
    t = task(conclusion(meeting(cast.commission)), [cast.front_a], title="Họp dân thôn 3", due=due)
    page = login(cast.commune_a).get("/").content.decode()
    block = page[page.index("dv-my-work"):]
    block = block[:block.index("</div></div>")]
    assert f'href="/hoi-nghi/nhiem-vu/{t.pk}/">Nhiệm vụ: Họp dân thôn 3</a>' in block
    assert f"hạn {due:%d/%m/%Y}" in block and "Sắp đến hạn" in block
    assert "Họp dân thôn 3" not in login(cast.commune_b).get("/").content.decode()


def test_remind_the_missing_from_the_completeness_page(rep, django_capture_on_commit_callbacks):
    c = rep.cast
    Notification.objects.all().delete()
    data = {"form": rep.form.pk, "period": "month:2025:9", "area": c.geo.laocai.pk}
    client = login(c.province)
    page = client.get("/bao-cao/tien-do/", data).content.decode()
    assert "Nhắc 1 đơn vị chưa gửi báo cáo" in page and 'action="/bao-cao/tien-do/nhac/"' in page
    assert "dv-remind-job" not in page  # no reminder job yet
    assert login(c.province).get("/bao-cao/tien-do/nhac/").status_code == 405  # a GET never reminds
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post("/bao-cao/tien-do/nhac/", data, follow=True)
    body = response.content.decode()
    # the page answers at once and shows the queued job; nobody is told before the job runs
    assert "Đang gửi lời nhắc; tiến độ hiện bên dưới." in body
    assert "dv-remind-job" in body and "Đang chờ" in body and not Notification.objects.exists()
    queued[0]()  # the worker runs the job
    body = client.get("/bao-cao/tien-do/", data).content.decode()
    assert "dv-remind-job" in body and "Đã nhắc 1 đơn vị chưa gửi báo cáo (1 thông báo)." in body
    job = Job.objects.get(kind="reports.remind")
    assert (job.status, job.done, job.total, job.created_by) == ("succeeded", 1, 1, c.province)
    # the provincial front did not report for 9/2025: its officer is told, nobody else
    told = Notification.objects.filter(kind="reports.reminder")
    assert list(told.values_list("user__username", flat=True)) == ["mttq"]
    assert "Ủy ban MTTQ Việt Nam tỉnh Lào Cai" in told.get().message and "05/10/2025 nhưng chưa được gửi" in told.get().message
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/bao-cao/tien-do/nhac/", data)
    again = client.get("/bao-cao/tien-do/", data).content.decode()
    assert "Các đơn vị này đã được nhắc hôm nay." in again and told.count() == 1
    # a commune officer reminds only what it sees (its own front reported): nobody
    with django_capture_on_commit_callbacks(execute=True):
        login(c.commune_a).post("/bao-cao/tien-do/nhac/", data)
    assert told.count() == 1
    assert not Job.objects.filter(created_by=c.commune_a).exists()  # Lào Cai is not a commune's area to pick
    # an administrator (users only) may not remind; nothing is written, no job
    jobs = Job.objects.count()
    refused = login(c.admin).post("/bao-cao/tien-do/nhac/", data, follow=True).content.decode()
    assert "Chỉ chuyên viên hoặc lãnh đạo mới có thể nhắc các đơn vị." in refused and told.count() == 1
    bad = login(c.province).post("/bao-cao/tien-do/nhac/", {**data, "area": "x"}, follow=True).content.decode()
    assert "Địa bàn" in bad and told.count() == 1 and Job.objects.count() == jobs
