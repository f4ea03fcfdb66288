"""Absurd dates and figures of meetings and tasks are refused with a Vietnamese message naming the
field, and nothing is changed (issue 10 §2). Dates are relative to ``timezone.localdate()``."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from danvan.documents.models import IssuedDocument
from danvan.meetings.domain.documents import issue_meeting_document
from danvan.meetings.domain.tasks import report_progress
from danvan.meetings.interfaces.forms import MeetingForm
from danvan.meetings.models import FollowUpTask, Meeting, TaskUpdate
from tests.meetings.helpers import conclusion, meeting, task

D = datetime.date


def _tasks():
    return FollowUpTask.objects.unscoped("test reads back")


def test_task_due_before_its_meeting_is_refused(cast):
    m = meeting(cast.commission, day=timezone.localdate())
    c = conclusion(m)
    day_before = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        task(c, [cast.front_a], due=day_before)
    assert set(exc.value.message_dict) == {"due_date"}
    message = exc.value.message_dict["due_date"][0]
    assert "trước ngày hội nghị" in message and day_before.strftime("%d/%m/%Y") in message
    assert _tasks().count() == 0
    task(c, [cast.front_a], due=timezone.localdate())  # the day of the meeting is fine
    assert _tasks().count() == 1


def test_task_due_2020_on_a_meeting_of_2026_is_refused(cast):
    c = conclusion(meeting(cast.commission, day=D(2026, 3, 30)))
    with pytest.raises(ValidationError) as exc:
        task(c, [cast.front_a], due=D(2020, 1, 1))
    assert "01/01/2020" in exc.value.message_dict["due_date"][0]
    assert _tasks().count() == 0


@pytest.fixture
def open_task(cast):
    return task(conclusion(meeting(cast.commission, day=D(2026, 3, 30))), [cast.front_a], due=D(2026, 6, 30))


def test_progress_update_dated_in_the_future_is_refused(open_task):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        report_progress(actor=None, task=open_task, status="in_progress", progress=40, note="Đã làm", on=tomorrow)
    assert set(exc.value.message_dict) == {"on"}
    assert "tương lai" in exc.value.message_dict["on"][0] and tomorrow.strftime("%d/%m/%Y") in exc.value.message_dict["on"][0]
    open_task.refresh_from_db()
    assert (open_task.status, open_task.progress, open_task.version) == ("not_started", 0, 1)
    assert TaskUpdate.objects.unscoped("test reads back").count() == 0


def test_done_at_30_percent_is_refused_not_stored_as_100(open_task):
    with pytest.raises(ValidationError) as exc:
        report_progress(actor=None, task=open_task, status="done", progress=30, note="Xong",
                        on=timezone.localdate())
    assert set(exc.value.message_dict) == {"progress"}
    assert "100%" in exc.value.message_dict["progress"][0] and "30%" in exc.value.message_dict["progress"][0]
    open_task.refresh_from_db()
    assert (open_task.status, open_task.progress) == ("not_started", 0)
    report_progress(actor=None, task=open_task, status="done", progress=100, note="Xong", on=timezone.localdate())
    open_task.refresh_from_db()
    assert (open_task.status, open_task.progress) == ("done", 100)


def test_done_at_30_percent_through_the_page_keeps_the_task(cast, open_task):
    from tests.conftest import login

    response = login(cast.province).post(f"/hoi-nghi/nhiem-vu/{open_task.pk}/cap-nhat/", {
        "on": timezone.localdate().strftime("%d/%m/%Y"), "status": "done", "progress": "30", "note": "Xong",
        "version": open_task.version}, follow=True)
    assert "100%" in response.content.decode()
    open_task.refresh_from_db()
    assert (open_task.status, open_task.progress) == ("not_started", 0)


def test_meeting_of_a_dissolved_organization_is_refused(cast):
    # The old Ban of Yên Bái ended on 30/06/2025: it cannot organize a meeting in 2026.
    with pytest.raises(ValidationError) as exc:
        meeting(cast.old_commission, day=D(2026, 3, 30))
    assert set(exc.value.message_dict) == {"organization"}
    message = exc.value.message_dict["organization"][0]
    assert cast.old_commission.name in message and "30/06/2025" in message and "30/03/2026" in message
    assert Meeting.objects.unscoped("test reads back").count() == 0
    meeting(cast.old_commission, day=D(2025, 3, 30))  # before it ended: a record of its past work
    assert Meeting.objects.unscoped("test reads back").count() == 1


def test_meeting_form_offers_current_organizations_first_and_marks_the_dissolved(cast):
    root = type(cast.province).objects.create(username="root_choice", is_superuser=True)
    form = MeetingForm(user=root)
    labels = [label for value, label in form.fields["organization"].choices if value]
    old = "Ban Dân vận Tỉnh ủy Yên Bái (trước 01/07/2025)"
    assert old in labels
    assert labels.index(old) > labels.index(cast.commission.name)
    assert labels[-1] == old  # the only dissolved one, after every current one
    assert "Ban Dân vận Tỉnh ủy Yên Bái" not in labels  # never unmarked


def test_notice_of_conclusions_numbered_before_the_meeting_is_refused(cast, term_covering_today):
    m = meeting(cast.commission, day=timezone.localdate() + datetime.timedelta(days=14))
    with pytest.raises(ValidationError) as exc:
        issue_meeting_document(actor=None, meeting=m, kind="conclusions")
    assert set(exc.value.message_dict) == {"issued_on"}
    assert "thông báo kết luận" in exc.value.message_dict["issued_on"][0]
    with pytest.raises(ValidationError):
        issue_meeting_document(actor=None, meeting=m, kind="minutes")
    assert IssuedDocument.objects.unscoped("test reads back").count() == 0
    invitation = issue_meeting_document(actor=None, meeting=m, kind="invitation")  # an invitation comes first
    assert invitation.symbol.endswith("-GM/BTGDVTU")


def test_area_choices_put_current_units_first_and_mark_former_ones(cast):
    from danvan.meetings.interfaces.forms import BulkPointsForm

    labels = [label for value, label in BulkPointsForm(user=cast.province).fields["parent"].choices if value]
    assert labels[0] == "Tỉnh Lào Cai"
    assert "Tỉnh Yên Bái (trước 01/07/2025)" in labels and "Tỉnh Yên Bái" not in labels
    assert labels.index("Tỉnh Yên Bái (trước 01/07/2025)") > labels.index("Tỉnh Lào Cai")
    assert len(labels) == len(set(labels))  # no two units read the same
