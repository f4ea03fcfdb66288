"""A report's page reads like Vietnamese (issue 10 §6): the deadline as a date, a rate with one "%",
the history naming the indicators with Vietnamese numbers."""

from danvan.reports.domain.reports import save_report
from danvan.reports.models import Report
from tests.conftest import login


def test_report_page_shows_the_computed_deadline_one_percent_and_named_figures(rep):
    report = Report.objects.unscoped("test").get(pk=rep.a25.pk)
    Report.objects.unscoped("test").filter(pk=report.pk).update(status="draft")
    report.refresh_from_db()
    save_report(report, actor=rep.cast.commune_a, expected_version=report.version,
                values={"DV_DON_NHAN": "1.250", "DV_DON_GQ": 4, "DV_MH_DK": 1, "DV_HN_DTTS": "36,24"})
    body = login(rep.cast.commune_a).get(f"/bao-cao/{report.pk}/").content.decode()
    assert "05/10/2025" in body and "+ 5 ngày" not in body  # 30/09/2025 + 5 days
    assert "36,24%" in body and "36,24% %" not in body.replace("</td><td class=\"text-muted\">", " ")
    history = body[body.index('id="audit-h"'):]
    assert "Đơn thư tiếp nhận: 4 → 1.250" in history
    assert "Tỷ lệ hộ nghèo đồng bào dân tộc thiểu số: — → 36,24" in history
    assert "DV_DON_NHAN" not in history
