"""Every transition, allowed and refused, by role and scope; validation; the concurrent-edit conflict."""

import pytest
from django.core.exceptions import ValidationError

from danvan.orgs.models import Role
from danvan.reports.domain import reports as actions
from danvan.reports.models import Report, ReportEvent, Status
from tests.factories import member


@pytest.fixture
def draft(rep):
    """A draft of MTTQ xã Bảo Ái for October 2025, filled in by its own officer."""
    from danvan.reports.domain.periods import get_period

    report = actions.create_report(actor=rep.cast.commune_a, form=rep.form, period=get_period("month", 2025, 10),
                                   organization=rep.cast.front_a)
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version,
                        values={"DV_DON_NHAN": "12", "DV_DON_GQ": "10", "DV_MH_DK": "3", "DV_HN_DTTS": "36,24"})
    return report


def _status(report):
    return Report.objects.unscoped("test reads back").get(pk=report.pk).status


def test_officer_of_the_organization_submits(rep, draft):
    actions.submit_report(draft, actor=rep.cast.commune_a)
    stored = Report.objects.unscoped("test reads back").get(pk=draft.pk)
    assert (stored.status, stored.submitted_by) == (Status.SUBMITTED, rep.cast.commune_a)
    assert list(stored.events.values_list("action", flat=True)) == ["submit", "create"]


@pytest.mark.parametrize("who", ["province", "leader", "commune_b", "mttq"])
def test_others_cannot_submit_or_edit(rep, draft, who):
    actor = getattr(rep.cast, who)
    with pytest.raises(actions.NotAllowed):
        actions.submit_report(draft, actor=actor)
    with pytest.raises(actions.NotAllowed):
        actions.save_report(draft, actor=actor, expected_version=None, values={"DV_DON_NHAN": "1"})
    assert _status(draft) == Status.DRAFT
    assert Report.objects.unscoped("test reads back").get(pk=draft.pk).values.get(indicator__code="DV_DON_NHAN").value == 12


def test_cannot_create_a_report_for_another_organization(rep):
    from danvan.reports.domain.periods import get_period

    with pytest.raises(actions.NotAllowed):
        actions.create_report(actor=rep.cast.commune_a, form=rep.form, period=get_period("month", 2025, 11),
                              organization=rep.cast.front_b)


def test_leader_above_approves_and_report_is_locked(rep, draft):
    actions.submit_report(draft, actor=rep.cast.commune_a)
    actions.approve_report(draft, actor=rep.cast.leader)
    stored = Report.objects.unscoped("test reads back").get(pk=draft.pk)
    assert (stored.status, stored.approved_by) == (Status.APPROVED, rep.cast.leader)
    with pytest.raises(actions.WrongState, match="không thể sửa|can no longer"):
        actions.save_report(draft, actor=rep.cast.commune_a, expected_version=None, values={"DV_DON_NHAN": "1"})
    assert stored.values.get(indicator__code="DV_DON_NHAN").value == 12


@pytest.mark.parametrize("who", ["province", "commune_a", "commune_b", "mttq", "hue"])
def test_not_a_leader_above_cannot_approve_or_return(rep, draft, who):
    actions.submit_report(draft, actor=rep.cast.commune_a)
    with pytest.raises(actions.NotAllowed):
        actions.approve_report(draft, actor=getattr(rep.cast, who))
    with pytest.raises(actions.NotAllowed):
        actions.return_report(draft, actor=getattr(rep.cast, who), reason="Thiếu số liệu")
    assert _status(draft) == Status.SUBMITTED


def test_leader_of_an_organization_above_in_the_tree_approves(rep, draft):
    mttq_leader = member(rep.cast.front, Role.LEADER, username="mttq_leader")
    actions.submit_report(draft, actor=rep.cast.commune_a)
    actions.approve_report(draft, actor=mttq_leader)
    assert _status(draft) == Status.APPROVED


def test_leader_cannot_approve_own_organization_unless_top(rep):
    from danvan.reports.domain.periods import get_period

    own_leader = member(rep.cast.front_a, Role.LEADER, username="a_leader")
    report = actions.create_report(actor=own_leader, form=rep.form, period=get_period("month", 2025, 11),
                                   organization=rep.cast.front_a)
    actions.save_report(report, actor=own_leader, expected_version=None,
                        values={"DV_DON_NHAN": "1", "DV_DON_GQ": "1", "DV_MH_DK": "1"})
    actions.submit_report(report, actor=own_leader)
    with pytest.raises(actions.NotAllowed):
        actions.approve_report(report, actor=own_leader)
    # the provincial commission is at the top: its leader approves its own report
    top = actions.create_report(actor=rep.cast.leader, form=rep.form, period=get_period("month", 2025, 11),
                                organization=rep.cast.commission)
    actions.save_report(top, actor=rep.cast.leader, expected_version=None,
                        values={"DV_DON_NHAN": "1", "DV_DON_GQ": "1", "DV_MH_DK": "1"})
    actions.submit_report(top, actor=rep.cast.leader)
    actions.approve_report(top, actor=rep.cast.leader)
    assert _status(top) == Status.APPROVED


def test_return_needs_a_reason_then_notifies_and_allows_resubmission(rep, draft):
    actions.submit_report(draft, actor=rep.cast.commune_a)
    with pytest.raises(ValidationError):
        actions.return_report(draft, actor=rep.cast.leader, reason="  ")
    assert _status(draft) == Status.SUBMITTED
    actions.return_report(draft, actor=rep.cast.leader, reason="Bổ sung số liệu đơn thư")
    stored = Report.objects.unscoped("test reads back").get(pk=draft.pk)
    assert (stored.status, stored.returned_reason) == (Status.RETURNED, "Bổ sung số liệu đơn thư")
    assert rep.cast.commune_a.notifications.get(kind="reports.returned").message.endswith("Bổ sung số liệu đơn thư")
    actions.save_report(draft, actor=rep.cast.commune_a, expected_version=None,
                        values={"DV_DON_NHAN": "13", "DV_DON_GQ": "10", "DV_MH_DK": "3"})
    actions.submit_report(draft, actor=rep.cast.commune_a)
    assert _status(draft) == Status.SUBMITTED


def test_reopen_is_recorded_and_only_by_a_reviewer(rep, draft):
    actions.submit_report(draft, actor=rep.cast.commune_a)
    with pytest.raises(actions.WrongState):
        actions.reopen_report(draft, actor=rep.cast.leader, reason="Sửa số liệu")  # not approved yet
    actions.approve_report(draft, actor=rep.cast.leader)
    with pytest.raises(actions.NotAllowed):
        actions.reopen_report(draft, actor=rep.cast.commune_a, reason="Sửa số liệu")
    actions.reopen_report(draft, actor=rep.cast.leader, reason="Sửa số liệu")
    stored = Report.objects.unscoped("test reads back").get(pk=draft.pk)
    assert (stored.status, stored.approved_at) == (Status.DRAFT, None)
    assert ReportEvent.objects.unscoped("test reads back").filter(report=draft, action="reopen", note="Sửa số liệu").count() == 1


def test_wrong_status_transitions_are_refused(rep, draft):
    with pytest.raises(actions.WrongState):
        actions.approve_report(draft, actor=rep.cast.leader)
    with pytest.raises(actions.WrongState):
        actions.return_report(draft, actor=rep.cast.leader, reason="x")
    actions.submit_report(draft, actor=rep.cast.commune_a)
    with pytest.raises(actions.WrongState):
        actions.submit_report(draft, actor=rep.cast.commune_a)


def test_validation_messages_name_the_indicator_and_change_nothing(rep, draft):
    with pytest.raises(ValidationError) as exc:
        actions.save_report(draft, actor=rep.cast.commune_a, expected_version=None,
                            values={"DV_DON_NHAN": "5", "DV_DON_GQ": "9", "DV_MH_DK": "abc", "DV_HN_DTTS": "120",
                                    "DV_TAO_HON": "1,5"})
    errors = exc.value.message_dict
    assert set(errors) == {"DV_DON_GQ", "DV_MH_DK", "DV_HN_DTTS", "DV_TAO_HON"}
    assert "Đơn thư đã giải quyết" in errors["DV_DON_GQ"][0]
    assert "không được lớn hơn số đơn thư tiếp nhận" in errors["DV_DON_GQ"][0]
    assert "Mô hình \"Dân vận khéo\" đăng ký" in errors["DV_MH_DK"][0]
    assert "Tỷ lệ hộ nghèo" in errors["DV_HN_DTTS"][0] and "100" in errors["DV_HN_DTTS"][0]
    assert "Số vụ tảo hôn" in errors["DV_TAO_HON"][0]
    stored = Report.objects.unscoped("test reads back").get(pk=draft.pk)
    assert stored.values.get(indicator__code="DV_DON_NHAN").value == 12
    assert str(stored.values.get(indicator__code="DV_HN_DTTS").value.normalize()) == "36.24"


def test_submit_requires_the_required_figures(rep):
    from danvan.reports.domain.periods import get_period

    report = actions.create_report(actor=rep.cast.commune_a, form=rep.form, period=get_period("month", 2025, 12),
                                   organization=rep.cast.front_a)
    with pytest.raises(ValidationError) as exc:
        actions.submit_report(report, actor=rep.cast.commune_a)
    assert "Đơn thư tiếp nhận" in " ".join(exc.value.message_dict["DV_DON_NHAN"])
    assert _status(report) == Status.DRAFT


def test_concurrent_edit_second_saver_is_told_and_nothing_changes(rep, draft):
    opened = draft.version
    actions.save_report(draft, actor=rep.cast.commune_a, expected_version=opened,
                        values={"DV_DON_NHAN": "20", "DV_DON_GQ": "10", "DV_MH_DK": "3"})
    with pytest.raises(actions.ReportConflict) as exc:
        actions.save_report(draft, actor=rep.cast.commune_a, expected_version=opened,
                            values={"DV_DON_NHAN": "30", "DV_DON_GQ": "10", "DV_MH_DK": "3"})
    assert "người khác" in exc.value.messages[0] or "Someone else" in exc.value.messages[0]
    assert Report.objects.unscoped("test reads back").get(pk=draft.pk).values.get(indicator__code="DV_DON_NHAN").value == 20


def test_narratives_are_sanitized(rep, draft):
    actions.save_report(draft, actor=rep.cast.commune_a, expected_version=None,
                        values={"DV_DON_NHAN": "12"},
                        narratives={"DANG": '<p onclick="x()">Tốt <script>alert(1)</script><b>lắm</b></p>'})
    assert draft.narratives.get(section__code="DANG").html == "<p>Tốt <b>lắm</b></p>"


def test_compilation_prefills_figures_and_narratives(rep):
    from danvan.reports.domain.compilation import start_compilation
    from danvan.reports.models import ReportNarrative

    ReportNarrative.objects.create(report=rep.a25, section=rep.form.current_version().sections.get(code="MTDT"),
                                   html="<p>Xã Bảo Ái tặng 40 suất quà.</p>")
    report = start_compilation(actor=rep.cast.province, form=rep.form, period=rep.m2025,
                               organization=rep.cast.commission)
    assert report.is_compiled and report.status == Status.DRAFT
    assert report.values.get(indicator__code="DV_DON_NHAN").value == 11  # 4 + 6 + the commission's own 1
    html = report.narratives.get(section__code="MTDT").html
    assert "<h4>Ủy ban MTTQ Việt Nam xã Bảo Ái</h4><p>Xã Bảo Ái tặng 40 suất quà.</p>" == html
    with pytest.raises(actions.NotAllowed):
        start_compilation(actor=rep.cast.commune_a, form=rep.form, period=rep.m2025, organization=rep.cast.front_a)


def test_report_for_a_period_that_has_not_begun_is_refused(cast):
    from django.utils import timezone

    from danvan.reports.domain.default_form import ensure_default_form
    from danvan.reports.domain.periods import get_period
    from danvan.reports.domain.reports import create_report
    from danvan.reports.models import Report

    today = timezone.localdate()
    nxt = get_period("month", today.year + (today.month == 12), today.month % 12 + 1)
    with pytest.raises(ValidationError) as exc:
        create_report(actor=cast.commune_a, form=ensure_default_form(), period=nxt, organization=cast.front_a)
    assert set(exc.value.message_dict) == {"period"}
    assert "chưa bắt đầu" in exc.value.message_dict["period"][0] and nxt.start.strftime("%d/%m/%Y") in \
        exc.value.message_dict["period"][0]
    assert Report.objects.unscoped("test reads back").count() == 0
    current = get_period("month", today.year, today.month)
    create_report(actor=cast.commune_a, form=ensure_default_form(), period=current, organization=cast.front_a)
    assert Report.objects.unscoped("test reads back").count() == 1
