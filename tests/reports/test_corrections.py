"""Figures calculated from the records that the officer corrects (issues 11 and 12): the derived
figure is pre-filled, a different figure needs a reason, both are kept on the ``ReportValue`` with the
difference shown, the correction survives submission while the records change and the roll-up counts
it; typing the records' figure again goes back to following them. Page and API alike."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from danvan.core.models import AuditEvent
from danvan.reports.domain import reports as actions
from danvan.reports.domain.compilation import start_compilation
from danvan.reports.domain.periods import get_period
from danvan.reports.models import Report, ReportValue
from danvan.reports.queries.rollup import rollup
from tests.conftest import bearer, login
from tests.reports.conftest import HELD

TYPED = {"DV_DON_NHAN": "5", "DV_DON_GQ": "4", "DV_MH_DK": "1"}


def _draft(rep, held=3, month=10):
    report = actions.create_report(actor=rep.cast.commune_a, form=rep.form, period=get_period("month", 2025, month),
                                   organization=rep.cast.front_a)
    HELD[(rep.cast.front_a.pk, report.period.label)] = held
    return report


def _row(report, code="DV_DT_SO"):
    return ReportValue.objects.unscoped("test reads back").filter(report=report, indicator__code=code).first()


def _fresh(report):
    return Report.objects.unscoped("test reads back").get(pk=report.pk)


def _post(report, user, typed, reason="", shown=None, version=None):
    """The form page's POST: ``shown`` is the records' figure the page showed (default: the records' now)."""
    if shown is None:
        shown = str(HELD[(report.organization_id, report.period.label)])
    data = {"version": _fresh(report).version if version is None else version, "v_DV_DT_SO": typed,
            "d_DV_DT_SO": shown, "r_DV_DT_SO": reason, **{f"v_{code}": value for code, value in TYPED.items()}}
    return login(user).post(f"/bao-cao/{report.pk}/sua/", data)


def test_a_correction_without_a_reason_is_refused_and_nothing_changes(rep, source):
    report = _draft(rep)
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version, values=TYPED)
    version, events = _fresh(report).version, AuditEvent.objects.count()
    response = _post(report, rep.cast.commune_a, "5", reason="")
    body = response.content.decode()
    assert response.status_code == 200
    assert ("&quot;Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân&quot; (DV_DT_SO): số "
            "liệu từ hồ sơ là 3, đã nhập 5: hãy ghi lý do điều chỉnh.") in body
    row = _row(report)
    assert (row.value, row.derived, row.correction_note) == (3, 3, "")
    assert _fresh(report).version == version and AuditEvent.objects.count() == events
    with pytest.raises(ValidationError) as caught:
        actions.save_report(report, actor=rep.cast.commune_a, expected_version=_fresh(report).version,
                            values=TYPED, corrections={"DV_DT_SO": {"value": "5", "note": "   "}})
    assert "DV_DT_SO" in caught.value.message_dict
    assert _row(report).value == 3


def test_a_correction_with_its_reason_is_kept_and_shown_with_the_difference(rep, source):
    report = _draft(rep)
    response = _post(report, rep.cast.commune_a, "5", reason="Hai cuộc đối thoại ở thôn chưa ghi vào sổ")
    assert response.status_code == 302
    row = _row(report)
    assert (row.value, row.derived, row.correction_note) == (5, 3, "Hai cuộc đối thoại ở thôn chưa ghi vào sổ")
    line = "Số liệu từ hồ sơ: 3; đã điều chỉnh: 5 (chênh lệch +2) — lý do: Hai cuộc đối thoại ở thôn chưa ghi vào sổ"
    detail = login(rep.cast.commune_a).get(f"/bao-cao/{report.pk}/").content.decode()
    assert line in detail and "đã điều chỉnh</span>" in detail
    assert "1 số liệu tính từ hồ sơ đã được đơn vị điều chỉnh" in detail
    form = login(rep.cast.commune_a).get(f"/bao-cao/{report.pk}/sua/").content.decode()
    assert line in form
    field = form.split('name="v_DV_DT_SO"')[1].split(">")[0]
    assert 'value="5"' in field  # the correction, not the records' figure
    assert 'name="d_DV_DT_SO" value="3"' in form.replace('type="hidden" ', "")
    # the audit trail: who, from, to and why
    event = AuditEvent.objects.filter(object_id=str(report.pk), message__startswith="Điều chỉnh số liệu").get()
    assert event.actor_id == rep.cast.commune_a.pk
    assert event.changes["DV_DT_SO"] == ["3", "5"]
    assert event.changes["DV_DT_SO (lý do)"] == ["", "Hai cuộc đối thoại ở thôn chưa ghi vào sổ"]
    # saved again unchanged: the correction stays, no new correction event
    assert _post(report, rep.cast.commune_a, "5", reason=row.correction_note, shown="3").status_code == 302
    assert _row(report).correction_note == row.correction_note
    assert AuditEvent.objects.filter(object_id=str(report.pk), message__startswith="Điều chỉnh số liệu").count() == 1


def test_the_correction_is_kept_at_submission_and_the_province_counts_it(rep, source):
    report = _draft(rep, held=3)
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version, values=TYPED,
                        corrections={"DV_DT_SO": {"value": 5, "note": "Thiếu hai cuộc"}})
    HELD[(rep.cast.front_a.pk, report.period.label)] = 4  # one more dialogue recorded since
    actions.submit_report(report, actor=rep.cast.commune_a)
    row = _row(report)
    assert (row.value, row.derived, row.correction_note, row.difference) == (5, 4, "Thiếu hai cuộc", 1)
    submitted = AuditEvent.objects.filter(object_id=str(report.pk), message__contains="Gửi kèm").get()
    assert submitted.changes["DV_DT_SO"] == ["4", "5"] and submitted.changes["DV_DT_SO (lý do)"] == ["", "Thiếu hai cuộc"]
    detail = login(rep.cast.leader).get(f"/bao-cao/{report.pk}/").content.decode()
    assert "Số liệu từ hồ sơ: 4; đã điều chỉnh: 5 (chênh lệch +1) — lý do: Thiếu hai cuộc" in detail
    # the roll-up of the province (from the aggregates, and over the raw values) counts the reported figure
    for raw in (False, True):
        result = rollup(rep.root, form=rep.form, period=report.period, area=rep.cast.geo.laocai, raw=raw)
        assert result.values["DV_DT_SO"] == Decimal(5)
    out = io.StringIO()
    call_command("check_rollups", "--form", rep.form.code, stdout=out)  # the aggregates hold
    # the leader's queue marks the report
    queue = login(rep.cast.leader).get("/bao-cao/cho-duyet/").content.decode()
    assert "1 điều chỉnh" in queue
    # the roll-up page lists the correction, for the month and for the quarter derived from it
    for period in ("month:2025:10", "quarter:2025:4"):
        page = login(rep.cast.leader).get("/bao-cao/tong-hop/", {
            "form": rep.form.pk, "period": period, "area": rep.cast.geo.laocai.pk}).content.decode()
        listed = page.split('id="corrections-h"')[1]
        assert rep.cast.front_a.name in listed and "Thiếu hai cuộc" in listed and "+1" in listed
    september = login(rep.cast.leader).get("/bao-cao/tong-hop/", {
        "form": rep.form.pk, "period": "month:2025:9", "area": rep.cast.geo.laocai.pk}).content.decode()
    assert "Không có: mọi số liệu tính từ hồ sơ" in september and "Thiếu hai cuộc" not in september
    actions.approve_report(report, actor=rep.cast.leader)
    assert _row(report).value == 5


def test_typing_the_records_figure_again_follows_the_records(rep, source):
    report = _draft(rep, held=3)
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version, values=TYPED,
                        corrections={"DV_DT_SO": {"value": 5, "note": "Thiếu hai cuộc"}})
    assert _post(report, rep.cast.commune_a, "3", reason="Thiếu hai cuộc").status_code == 302
    row = _row(report)
    assert (row.value, row.derived, row.correction_note) == (3, 3, "")
    removed = AuditEvent.objects.filter(object_id=str(report.pk), message__startswith="Điều chỉnh số liệu").order_by("-id")[0]
    assert removed.changes["DV_DT_SO"] == ["5", "3"] and removed.changes["DV_DT_SO (lý do)"] == ["Thiếu hai cuộc", ""]
    HELD[(rep.cast.front_a.pk, report.period.label)] = 6
    actions.submit_report(report, actor=rep.cast.commune_a)
    assert (_row(report).value, _row(report).derived) == (6, 6)
    assert "chênh lệch" not in login(rep.cast.commune_a).get(f"/bao-cao/{report.pk}/").content.decode()


def test_a_figure_left_as_shown_follows_records_changed_meanwhile(rep, source):
    report = _draft(rep, held=3)
    HELD[(rep.cast.front_a.pk, report.period.label)] = 4  # recorded after the officer opened the page
    assert _post(report, rep.cast.commune_a, "3", shown="3").status_code == 302
    assert (_row(report).value, _row(report).correction_note) == (4, "")


def test_a_stale_page_is_refused_with_its_correction(rep, source):
    report = _draft(rep)
    stale = report.version
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version, values=TYPED)
    body = _post(report, rep.cast.commune_a, "7", reason="Lý do", version=stale).content.decode()
    assert "Someone else saved" in body or "đã lưu" in body
    assert (_row(report).value, _row(report).correction_note) == (3, "")
    with pytest.raises(actions.ReportConflict):
        actions.save_report(report, actor=rep.cast.commune_a, expected_version=stale, values=TYPED,
                            corrections={"DV_DT_SO": {"value": 7, "note": "Lý do"}})


def test_bad_corrections_name_the_field(rep, source):
    report = _draft(rep)
    for correction in ({"value": "năm", "note": "x"}, {"value": "2,5", "note": "x"},
                       {"value": "5", "note": "x" * 2001}):
        with pytest.raises(ValidationError) as caught:
            actions.save_report(report, actor=rep.cast.commune_a, expected_version=_fresh(report).version,
                                values=TYPED, corrections={"DV_DT_SO": correction})
        assert list(caught.value.message_dict) == ["DV_DT_SO"]
    assert _row(report) is None
    # a correction of a figure without a source is its typed value
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=_fresh(report).version, values=TYPED,
                        corrections={"DV_DON_NHAN": {"value": 9, "note": ""}})
    assert (_row(report, "DV_DON_NHAN").value, _row(report, "DV_DON_NHAN").derived) == (9, None)


def test_the_api_takes_and_shows_a_correction(rep, source):
    report = _draft(rep, held=6)
    client, headers = Client(), bearer(rep.cast.commune_a)

    def put(body):
        return client.put(f"/api/v1/reports/{report.pk}/values", {"version": _fresh(report).version,
                          "values": {"DV_DT_SO": 1, "DV_DON_NHAN": 3, "DV_DON_GQ": 2, "DV_MH_DK": 1}, **body},
                          content_type="application/json", **headers)

    refused = put({"corrections": {"DV_DT_SO": {"value": 8}}})
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["DV_DT_SO"]
    assert "lý do điều chỉnh" in refused.json()["errors"][0]["message"] and _row(report) is None
    saved = put({"corrections": {"DV_DT_SO": {"value": 8, "note": "Hai cuộc chưa nhập"}}})
    assert saved.status_code == 200
    assert saved.json()["values"]["DV_DT_SO"] == "8.0000"
    assert saved.json()["from_records"]["DV_DT_SO"] == {"derived": "6.0000", "value": "8.0000",
                                                        "note": "Hai cuộc chưa nhập", "corrected": True,
                                                        "difference": "2.0000"}
    kept = put({})  # corrections omitted: the stored one is kept
    assert kept.json()["from_records"]["DV_DT_SO"]["value"] == "8.0000"
    assert client.get(f"/api/v1/reports/{report.pk}", **headers).json()["from_records"]["DV_DT_SO"]["corrected"]
    cleared = put({"corrections": {}})  # none: the figure follows the records
    assert cleared.json()["from_records"]["DV_DT_SO"] == {"derived": "6.0000", "value": "6.0000", "note": "",
                                                          "corrected": False, "difference": "0.0000"}
    stale = client.put(f"/api/v1/reports/{report.pk}/values", {"version": 1, "values": {}, "corrections": {
        "DV_DT_SO": {"value": 9, "note": "x"}}}, content_type="application/json", **headers)
    assert stale.status_code == 409 and _row(report).value == 6


def test_a_compiled_report_takes_the_roll_up_not_a_source(rep, source):
    report = _draft(rep, held=2)
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version, values=TYPED)
    actions.submit_report(report, actor=rep.cast.commune_a)
    HELD[(rep.cast.commission.pk, report.period.label)] = 40  # the commission's own dialogues
    compiled = start_compilation(actor=rep.cast.province, form=rep.form, period=report.period,
                                 organization=rep.cast.commission)
    row = _row(compiled)
    assert (row.value, row.derived, row.correction_note) == (2, None, "")
    assert "sổ đối thoại" not in login(rep.cast.province).get(f"/bao-cao/{compiled.pk}/sua/").content.decode()
