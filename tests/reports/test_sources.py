"""Indicator sources (``reports.domain.sources``): a module supplies a figure from its records."""

from django.test import Client

from danvan.reports.domain import reports as actions
from danvan.reports.domain.periods import get_period
from danvan.reports.domain.sources import derived_values
from tests.conftest import bearer, login
from tests.reports.conftest import HELD


def _draft(rep, month=10):
    report = actions.create_report(actor=rep.cast.commune_a, form=rep.form, period=get_period("month", 2025, month),
                                   organization=rep.cast.front_a)
    return report


def _value(report, code):
    row = report.values.filter(indicator__code=code).first()
    return None if row is None else row.value


def test_saving_takes_the_derived_figure_not_the_typed_one(rep, source):
    report = _draft(rep)
    HELD[(rep.cast.front_a.pk, report.period.label)] = 3
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version,
                        values={"DV_DT_SO": "99", "DV_DON_NHAN": "5", "DV_DON_GQ": "4", "DV_MH_DK": "1"})
    assert _value(report, "DV_DT_SO") == 3
    assert _value(report, "DV_DON_NHAN") == 5  # no source: typed as before


def test_submitting_recomputes_from_the_records_of_that_day(rep, source):
    report = _draft(rep)
    HELD[(rep.cast.front_a.pk, report.period.label)] = 2
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version,
                        values={"DV_DON_NHAN": "5", "DV_DON_GQ": "4", "DV_MH_DK": "1"})
    assert _value(report, "DV_DT_SO") == 2
    HELD[(rep.cast.front_a.pk, report.period.label)] = 4  # one more dialogue recorded since
    actions.submit_report(report, actor=rep.cast.commune_a)
    assert _value(report, "DV_DT_SO") == 4


def test_a_source_answering_none_leaves_the_value_typed(rep, source):
    report = _draft(rep)
    actions.save_report(report, actor=rep.cast.commune_a, expected_version=report.version,
                        values={"DV_DT_SO": "7", "DV_DON_NHAN": "5", "DV_DON_GQ": "4", "DV_MH_DK": "1"})
    assert _value(report, "DV_DT_SO") == 7
    assert derived_values(list(report.form_version.indicators.all()), rep.cast.front_a, report.period) == {}


def test_form_page_prefills_the_figure_with_its_source(rep, source):
    report = _draft(rep)
    HELD[(rep.cast.front_a.pk, report.period.label)] = 1134
    body = login(rep.cast.commune_a).get(f"/bao-cao/{report.pk}/sua/").content.decode()
    field = body.split('name="v_DV_DT_SO"')[1].split(">")[0]
    assert "disabled" not in field and 'value="1.134"' in field  # pre-filled, editable
    assert "tính từ sổ đối thoại" in body and f'href="/doi-thoai/?org={rep.cast.front_a.pk}"' in body
    assert 'name="r_DV_DT_SO"' in body and "Lý do điều chỉnh" in body
    # saved as shown: the figure follows the records
    login(rep.cast.commune_a).post(f"/bao-cao/{report.pk}/sua/", {
        "version": report.version, "v_DV_DT_SO": "1.134", "d_DV_DT_SO": "1.134", "v_DV_DON_NHAN": "5",
        "v_DV_DON_GQ": "4", "v_DV_MH_DK": "1"})
    row = report.values.get(indicator__code="DV_DT_SO")
    assert (row.value, row.derived, row.correction_note) == (1134, 1134, "")
    assert _value(report, "DV_DON_NHAN") == 5


def test_api_save_takes_the_derived_figure(rep, source):
    report = _draft(rep)
    HELD[(rep.cast.front_a.pk, report.period.label)] = 6
    response = Client().put(f"/api/v1/reports/{report.pk}/values", {"version": report.version, "values": {
        "DV_DT_SO": 1, "DV_DON_NHAN": 3, "DV_DON_GQ": 2, "DV_MH_DK": 1}}, content_type="application/json",
        **bearer(rep.cast.commune_a))
    assert response.status_code == 200 and response.json()["values"]["DV_DT_SO"] == "6.0000"
