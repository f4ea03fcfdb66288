"""Reminding every unit that has not submitted is a background job (issue 10): it reminds exactly the
missing units, once a day, records its progress, and costs the same queries for 3 units or 30."""

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.models import Job, Notification, User
from danvan.orgs.models import Kind
from danvan.reports.domain.notifications import remind_missing, start_remind_missing
from tests.conftest import login
from tests.factories import OrganizationFactory, member
from tests.reports.conftest import REFORM


def _fronts(rep, n, start=0):
    """``n`` commune fronts of new Lào Cai that existed in 9/2025 and did not report, two officers each."""
    made = []
    for i in range(start, start + n):
        org = OrganizationFactory(name=f"Ủy ban MTTQ thử {i:02d}", kind=Kind.FATHERLAND_FRONT,
                                  area=rep.cast.geo.commune_a, parent=rep.cast.front, valid_from=REFORM)
        member(org, username=f"front{i:02d}a")
        member(org, username=f"front{i:02d}b")
        made.append(org)
    return made


def _run(rep, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job, started = start_remind_missing(actor=user, form=rep.form, period=rep.m2025, area=rep.cast.geo.laocai)
    job.refresh_from_db()
    return job, started


def test_the_job_reminds_exactly_the_missing_once_a_day(rep, django_capture_on_commit_callbacks):
    c = rep.cast
    Notification.objects.all().delete()
    fronts = _fronts(rep, 3)
    mail.outbox.clear()
    job, started = _run(rep, c.province, django_capture_on_commit_callbacks)
    assert started and (job.kind, job.status, job.created_by) == ("reports.remind", "succeeded", c.province)
    # the three new fronts and the provincial front (mttq) had not submitted 9/2025; the two communes had
    assert (job.total, job.done) == (4, 4)
    assert job.message == "Đã nhắc 4 đơn vị chưa gửi báo cáo (7 thông báo)."
    told = Notification.objects.filter(kind="reports.reminder")
    assert sorted(told.values_list("user__username", flat=True)) == [
        "front00a", "front00b", "front01a", "front01b", "front02a", "front02b", "mttq"]
    assert not told.filter(user__in=[c.commune_a, c.commune_b]).exists()
    note = told.get(user__username="front01a")
    assert note.message.startswith("Quá hạn: báo cáo") and fronts[1].name in note.message
    assert note.url == f"/bao-cao/?period={rep.m2025.pk}"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(n.user.email for n in told)  # e-mail too, each to its user
    # pressed again the same day: a new job, which reminds nobody
    again, started = _run(rep, c.province, django_capture_on_commit_callbacks)
    assert started and again.pk != job.pk and again.status == "succeeded"
    assert (again.total, again.done, again.message) == (4, 4, "Các đơn vị này đã được nhắc hôm nay.")
    assert told.count() == 7 and len(mail.outbox) == 7


def test_a_second_press_while_the_job_waits_joins_it(rep, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        first, started = start_remind_missing(actor=rep.cast.province, form=rep.form, period=rep.m2025,
                                              area=rep.cast.geo.laocai)
        second, started_again = start_remind_missing(actor=rep.cast.province, form=rep.form, period=rep.m2025,
                                                     area=rep.cast.geo.laocai)
    assert started and not started_again and first.pk == second.pk
    assert Job.objects.filter(kind="reports.remind").count() == 1 and not Notification.objects.filter(
        kind="reports.reminder").exists()
    body = login(rep.cast.province).get("/bao-cao/tien-do/", {
        "form": rep.form.pk, "period": "month:2025:9", "area": rep.cast.geo.laocai.pk}).content.decode()
    assert "dv-remind-job" in body and "Đang chờ" in body and f'hx-get="/cong-viec/{first.pk}/"' in body


def test_queries_do_not_grow_with_the_units(rep):
    Notification.objects.all().delete()
    _fronts(rep, 3)
    with CaptureQueriesContext(connection) as few:
        assert remind_missing(actor=User.objects.get(pk=rep.cast.province.pk), form=rep.form, period=rep.m2025,
                              area=rep.cast.geo.laocai) == (4, 7)
    Notification.objects.all().delete()
    _fronts(rep, 27, start=3)
    with CaptureQueriesContext(connection) as many:
        assert remind_missing(actor=User.objects.get(pk=rep.cast.province.pk), form=rep.form, period=rep.m2025,
                              area=rep.cast.geo.laocai) == (31, 61)
    assert len(many.captured_queries) == len(few.captured_queries) <= 12
