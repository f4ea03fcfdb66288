"""Pages and API: what each user sees, 404 for another unit, bad input, query counts."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from danvan.reports.domain.periods import get_period
from danvan.reports.models import Report, Status
from tests.conftest import bearer, login
from tests.reports.conftest import make_report


def test_list_shows_only_reports_in_scope(rep):
    body = login(rep.cast.commune_a).get("/bao-cao/").content.decode()
    assert "Ủy ban MTTQ Việt Nam xã Bảo Ái" in body
    assert "Ủy ban MTTQ Việt Nam phường Yên Bái" not in body and "Huế" not in body


def test_list_query_count_is_flat(rep, django_assert_max_num_queries):
    client = login(rep.cast.commune_b)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/bao-cao/").status_code == 200
        return len(ctx.captured_queries)

    one = count()
    for month in (10, 11):
        period = get_period("month", 2025, month)
        make_report(rep.root, rep.cast.front_b, period, {"DV_DON_NHAN": 1})
    assert Report.objects.unscoped("test reads back").filter(organization=rep.cast.front_b).count() == 3
    assert count() == one


@pytest.mark.parametrize("path", ["/bao-cao/{id}/", "/bao-cao/{id}/sua/", "/bao-cao/{id}/xuat/xlsx/"])
def test_other_unit_gets_404_on_pages(rep, path):
    draft = make_report(rep.root, rep.cast.front_a, get_period("month", 2025, 10), {"DV_DON_NHAN": 2})
    url = path.format(id=draft.pk)
    for user in (rep.cast.hue, rep.cast.commune_b):
        refused = login(user).get(url)
        assert refused.status_code == 404 and "xã Bảo Ái" not in refused.content.decode()
    # positive control: commune A's officer gets the page, the form or the file of its own draft
    own = login(rep.cast.commune_a).get(url)
    assert own.status_code == 200
    if path.endswith("xlsx/"):
        assert own.content[:2] == b"PK"
    else:
        assert "Ủy ban MTTQ Việt Nam xã Bảo Ái" in own.content.decode()


def test_other_unit_gets_404_on_transitions(rep):
    response = login(rep.cast.commune_b).post(f"/bao-cao/{rep.a25.pk}/chuyen/approve/")
    assert response.status_code == 404
    assert Report.objects.unscoped("test reads back").get(pk=rep.a25.pk).status == Status.SUBMITTED
    # positive control: the province's leader approves with the same request
    assert login(rep.cast.leader).post(f"/bao-cao/{rep.a25.pk}/chuyen/approve/").status_code == 302
    assert Report.objects.unscoped("test reads back").get(pk=rep.a25.pk).status == Status.APPROVED


def test_detail_shows_figures_and_leader_approves_through_the_page(rep):
    client = login(rep.cast.leader)
    body = client.get(f"/bao-cao/{rep.a25.pk}/").content.decode()
    assert "Đơn thư tiếp nhận" in body and "Duyệt" in body
    client.post(f"/bao-cao/{rep.a25.pk}/chuyen/approve/")
    assert Report.objects.unscoped("test reads back").get(pk=rep.a25.pk).status == Status.APPROVED


def test_edit_page_bad_input_shows_vietnamese_message_and_keeps_values(rep):
    report = make_report(rep.cast.commune_a, rep.cast.front_a, get_period("month", 2025, 10), {"DV_DON_NHAN": 5})
    client = login(rep.cast.commune_a)
    response = client.post(f"/bao-cao/{report.pk}/sua/", {"version": report.version, "v_DV_DON_NHAN": "5",
                                                         "v_DV_DON_GQ": "7", "v_DV_TAO_HON": "hai"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "không được lớn hơn số đơn thư tiếp nhận" in body and "Số vụ tảo hôn" in body
    assert 'value="hai"' in body
    assert report.values.get(indicator__code="DV_DON_NHAN").value == 5
    assert not report.values.filter(indicator__code="DV_DON_GQ").exists()


def test_edit_page_conflict_keeps_the_second_savers_values(rep):
    report = make_report(rep.cast.commune_a, rep.cast.front_a, get_period("month", 2025, 10), {"DV_DON_NHAN": 5})
    stale = report.version
    client = login(rep.cast.commune_a)
    client.post(f"/bao-cao/{report.pk}/sua/", {"version": stale, "v_DV_DON_NHAN": "6"})
    response = client.post(f"/bao-cao/{report.pk}/sua/", {"version": stale, "v_DV_DON_NHAN": "77"})
    body = response.content.decode()
    assert "người khác" in body and 'value="77"' in body
    assert report.values.get(indicator__code="DV_DON_NHAN").value == 6


def test_rollup_and_completeness_pages(rep):
    client = login(rep.cast.province)
    query = f"?form={rep.form.pk}&period={rep.m2023.pk}&area={rep.cast.geo.laocai.pk}"
    body = client.get("/bao-cao/tong-hop/" + query).content.decode()
    assert "Đơn thư tiếp nhận" in body and ">33<" in body
    body = client.get("/bao-cao/tien-do/" + query).content.decode()
    assert "Ban Dân vận Đảng ủy xã Tân Hương" in body  # the one missing
    other = login(rep.cast.hue).get("/bao-cao/tong-hop/" + query).content.decode()
    assert ">33<" not in other


def test_api_rollup_and_completeness_shapes(rep):
    headers = bearer(rep.cast.province)
    query = f"?form={rep.form.pk}&period={rep.m2023.pk}&area={rep.cast.geo.laocai.pk}"
    data = Client().get("/api/v1/reports/rollup" + query, **headers).json()
    assert data["reports"] == 3 and data["values"]["DV_DON_NHAN"] == 33.0

    data = Client().get("/api/v1/reports/completeness" + query, **headers).json()
    assert data == {"expected": 4, "received": 3, "on_time": 2, "late": 1, "missing": 1}


def test_api_other_unit_gets_404(rep):
    headers = bearer(rep.cast.hue)
    query = f"?form={rep.form.pk}&period={rep.m2023.pk}&area={rep.cast.geo.laocai.pk}"
    assert Client().get("/api/v1/reports/rollup" + query, **headers).status_code == 404
    assert Client().get("/api/v1/reports/completeness" + query, **headers).status_code == 404
    assert Client().get(f"/api/v1/reports/{rep.a25.pk}", **headers).status_code == 404
    assert Client().post(f"/api/v1/reports/{rep.a25.pk}/approve", **headers).status_code == 404
    assert Report.objects.unscoped("test reads back").get(pk=rep.a25.pk).status == Status.SUBMITTED
    # positive control: the province's leader gets the same answers, and may approve
    own = bearer(rep.cast.leader)
    assert Client().get("/api/v1/reports/rollup" + query, **own).status_code == 200
    assert Client().get("/api/v1/reports/completeness" + query, **own).status_code == 200
    assert Client().get(f"/api/v1/reports/{rep.a25.pk}", **own).json()["id"] == rep.a25.pk
    assert Client().post(f"/api/v1/reports/{rep.a25.pk}/approve", **own).json()["status"] == "approved"
    assert Report.objects.unscoped("test reads back").get(pk=rep.a25.pk).status == Status.APPROVED


def test_api_fill_in_submit_and_approve(rep):
    period = get_period("month", 2025, 10)
    client, headers = Client(), bearer(rep.cast.commune_a)
    created = client.post("/api/v1/reports", {"form": rep.form.pk, "organization": rep.cast.front_a.pk,
                                              "period": period.pk}, content_type="application/json", **headers)
    assert created.status_code == 201
    rid, version = created.json()["id"], created.json()["version"]
    bad = client.put(f"/api/v1/reports/{rid}/values", {"version": version, "values": {"DV_DON_NHAN": 3,
                     "DV_DON_GQ": 9}}, content_type="application/json", **headers)
    assert bad.status_code == 422 and "Đơn thư đã giải quyết" in bad.json()["detail"]
    ok = client.put(f"/api/v1/reports/{rid}/values", {"version": version, "values": {
        "DV_DON_NHAN": 3, "DV_DON_GQ": 2, "DV_MH_DK": 1}}, content_type="application/json", **headers)
    assert ok.status_code == 200 and ok.json()["values"]["DV_DON_NHAN"] == "3.0000"
    stale = client.put(f"/api/v1/reports/{rid}/values", {"version": version, "values": {"DV_DON_NHAN": 4}},
                       content_type="application/json", **headers)
    assert stale.status_code == 409
    assert client.post(f"/api/v1/reports/{rid}/submit", **headers).json()["status"] == "submitted"
    refused = client.post(f"/api/v1/reports/{rid}/approve", **headers)
    assert refused.status_code == 403
    approved = client.post(f"/api/v1/reports/{rid}/approve", **bearer(rep.cast.leader))
    assert approved.json()["status"] == "approved"


def test_api_list_query_count_is_flat(rep):
    headers = bearer(rep.cast.commune_b)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert Client().get("/api/v1/reports", **headers).status_code == 200
        return len(ctx.captured_queries)

    count()  # the first call records the token's last use
    one = count()
    for month in (10, 11):
        make_report(rep.root, rep.cast.front_b, get_period("month", 2025, month), {"DV_DON_NHAN": 1})
    assert count() == one


def test_xlsx_export_holds_the_figures(rep):
    import io

    from openpyxl import load_workbook

    response = login(rep.cast.province).get(f"/bao-cao/{rep.a23.pk}/xuat/xlsx/")
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = {r[1]: r[4] for r in ws.iter_rows(min_row=4, values_only=True)}
    assert rows["DV_DON_NHAN"] == 10 and rows["DV_DON_GQ"] == 8


def test_docx_and_pdf_exports_contain_header_number_and_figures(rep, term_covering_today):
    from danvan.reports.domain.reports import approve_report
    from tests.reading import docx_text, pdf_text

    approve_report(rep.p25, actor=rep.cast.leader)
    client = login(rep.cast.leader)
    client.post(f"/bao-cao/{rep.p25.pk}/cap-so/", {"issued_on": "05/10/2025"})
    docx = docx_text(client.get(f"/bao-cao/{rep.p25.pk}/xuat/docx/").content)
    assert "TỈNH ỦY LÀO CAI" in docx and "BAN TUYÊN GIÁO VÀ DÂN VẬN" in docx
    assert "Số 01-BC/BTGDVTU" in docx and "BÁO CÁO" in docx and "Kết quả công tác dân vận tháng 9 năm 2025" in docx
    assert "Đơn thư tiếp nhận\nđơn\n1\n" in docx  # the figure in its table row
    pdf = " ".join(pdf_text(client.get(f"/bao-cao/{rep.p25.pk}/xuat/pdf/").content).split())
    assert "Số 01-BC/BTGDVTU" in pdf and "TỈNH ỦY LÀO CAI" in pdf and "Đơn thư tiếp nhận" in pdf
    # the number is issued once: a second export keeps it
    assert "Số 01-BC/BTGDVTU" in docx_text(client.get(f"/bao-cao/{rep.p25.pk}/xuat/docx/").content)
