"""The record's history ("Lịch sử thao tác") reads like the page (issue 10 §6): labels, choice labels,
dates dd/mm/yyyy HH:MM in local time, numbers 215.000.000, related records and indicators by name; reads
of personal data are not lines of the history."""

from types import SimpleNamespace

from danvan.core.domain import audit
from danvan.core.interfaces.history import describe
from danvan.core.models import AuditEvent
from danvan.core.views.helpers import audit_context
from danvan.meetings.models import Meeting
from danvan.orgs.models import Kind
from tests.conftest import login


def test_changes_read_as_the_page_shows_them(cast):
    meeting = Meeting(organization=cast.commission)
    event = SimpleNamespace(changes={
        "kind": ["", "tong_ket"],
        "starts_at": ["", "2026-12-15 01:00:00+00:00"],  # stored in UTC: 08:00 in Hà Nội
        "organization": ["", str(cast.commission.pk)],
        "id": ["", "27"],
        "DV_TH_TIEN": ["", "215000000"],
    })
    describe(meeting, [event])
    assert event.lines == [
        ("Loại hội nghị", "—", "Tổng kết"),
        ("Thời gian bắt đầu", "—", "15/12/2026 08:00"),
        ("Cơ quan tổ chức", "—", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai"),
        ("DV_TH_TIEN", "—", "215.000.000"),
    ]


def test_organization_page_history_has_labels_and_no_reads(cast):
    before = audit.snapshot(cast.front_a)
    cast.front_a.kind, cast.front_a.parent = Kind.MOBILIZATION_COMMISSION, cast.commission
    audit.record(cast.province, "update", cast.front_a, changes=audit.diff(before, audit.snapshot(cast.front_a)))
    audit.record(cast.province, "view", cast.front_a, message="Đọc hồ sơ")
    body = login(cast.commune_a).get(f"/to-chuc/{cast.front_a.pk}/").content.decode()
    history = body[body.index('id="audit-h"'):]
    assert f"Loại tổ chức: {Kind.FATHERLAND_FRONT.label} → {Kind.MOBILIZATION_COMMISSION.label}" in history
    assert f"Tổ chức cấp trên: {cast.front.name} → {cast.commission.name}" in history
    assert "kind:" not in history and "parent:" not in history
    # the read is logged, shown apart from the history's lines
    reads = history[history.index("dv-reads"):]
    assert "Đọc hồ sơ" in reads and "Đọc hồ sơ" not in history[:history.index("dv-reads")]
    assert AuditEvent.objects.filter(object_id=str(cast.front_a.pk), action="view").count() == 1


def test_audit_context_leaves_out_reads(cast):
    audit.record(cast.province, "update", cast.front_a, changes={"phone": ["", "0912"]})
    for _ in range(12):
        audit.record(cast.province, "view", cast.front_a)
    context = audit_context(cast.front_a)
    assert [e.action for e in context["audit_events"]] == ["update", "create"]
    assert context["audit_events"][0].lines == [("Điện thoại", "—", "0912")]
    assert len(context["audit_reads"]) == 10 and context["audit_reads_more"]
