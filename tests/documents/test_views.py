import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from danvan.documents.domain.register import issue_number
from danvan.documents.models import IssuedDocument
from tests.conftest import bearer, login

DAY = datetime.date(2025, 11, 5)


def issue(org, title="Kết quả công tác dân vận 9 tháng", doc_type="BC", day=DAY):
    return issue_number(organization=org, doc_type=doc_type, issued_on=day, title=title, actor=None)


def symbols(page_obj):
    return [d.symbol for d in page_obj]


def test_register_lists_documents_in_scope_only(cast, terms):
    own = issue(cast.front_a)
    issue(cast.front_b)
    issue(cast.hue_commission)
    response = login(cast.commune_a).get("/so-van-ban/")
    assert symbols(response.context["page_obj"]) == [own.symbol]
    assert "Sổ văn bản" in response.content.decode()
    province = login(cast.province).get("/so-van-ban/")
    assert len(province.context["page_obj"]) == 2


def test_register_filters(cast, terms):
    report = issue(cast.commission, "Kết quả công tác dân vận 9 tháng")
    plan = issue(cast.commission, "Kế hoạch tổ chức hội nghị tổng kết", "KH")
    old = issue(cast.commission, "Sơ kết 6 tháng", day=datetime.date(2024, 7, 1))
    client = login(cast.province)

    def listed(query):
        return symbols(client.get(f"/so-van-ban/?{query}").context["page_obj"])

    assert listed("doc_type=KH") == [plan.symbol]
    assert listed(f"term={old.term_id}") == [old.symbol]
    assert listed("year=2024") == [old.symbol]
    assert listed("q=ke hoach TONG KET") == [plan.symbol]
    assert listed("q=01-KH") == [plan.symbol]
    assert listed(f"organization={cast.front.pk}") == []
    assert listed("") == [plan.symbol, report.symbol, old.symbol]


def test_register_bad_filter_shows_vietnamese_error(cast, terms):
    issue(cast.commission)
    response = login(cast.province).get(f"/so-van-ban/?organization={cast.hue_commission.pk}&year=abc")
    assert list(response.context["page_obj"]) == []
    body = response.content.decode()
    assert "Tổ chức này không thuộc phạm vi của bạn." in body
    assert "Hãy nhập năm bằng số, ví dụ 2025." in body


def test_register_htmx_returns_results_fragment(cast, terms):
    issue(cast.commission)
    response = login(cast.province).get("/so-van-ban/?doc_type=BC", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "01-BC/BTGDVTU" in body and "<html" not in body


def count_queries(client, url) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return len(ctx.captured_queries), response


def test_register_query_count_same_for_1_and_3_items(cast, terms):
    client = login(cast.province)
    issue(cast.commission, doc_type="BC")
    client.get("/so-van-ban/")  # warm the session and the content types
    one, response = count_queries(client, "/so-van-ban/")
    assert len(response.context["page_obj"]) == 1
    issue(cast.commission, doc_type="KH")
    issue(cast.front_a, doc_type="TB")
    three, response = count_queries(client, "/so-van-ban/")
    assert len(response.context["page_obj"]) == 3
    assert one == three


def test_register_paginates(cast, terms, settings):
    settings.DANVAN = {**settings.DANVAN, "PAGE_SIZE": 2}
    for _ in range(5):
        issue(cast.commission)
    client = login(cast.province)
    assert symbols(client.get("/so-van-ban/?page=3").context["page_obj"]) == ["01-BC/BTGDVTU"]


def test_detail_in_scope_and_404_for_another_unit(cast, terms):
    doc = issue(cast.front_b)
    response = login(cast.commune_b).get(f"/so-van-ban/{doc.pk}/")
    assert response.context["doc"] == doc
    assert "Số 01-BC/UBMTTQVN" in response.content.decode()
    assert login(cast.commune_a).get(f"/so-van-ban/{doc.pk}/").status_code == 404
    assert login(cast.hue).get(f"/so-van-ban/{doc.pk}/").status_code == 404


def test_export_contains_filtered_rows_in_scope(cast, terms):
    issue(cast.commission, "Kết quả công tác dân vận 9 tháng")
    plan = issue(cast.commission, "Kế hoạch tổng kết", "KH")
    issue(cast.hue_commission, "Kế hoạch của Huế", "KH")
    response = login(cast.province).get("/so-van-ban/xuat-excel/?doc_type=KH")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    # The same columns, in the same order, as the page's table (plus the number and the time numbered).
    assert rows[0][:6] == ("Số, ký hiệu", "Số", "Ngày ban hành", "Loại văn bản", "Trích yếu", "Cơ quan ban hành")
    assert [(r[0], r[1], r[3], r[2].date(), r[4], r[5]) for r in rows[1:]] == [
        (plan.symbol, 1, "Kế hoạch", DAY, "Kế hoạch tổng kết", cast.commission.name)]


def test_export_of_another_unit_is_empty(cast, terms):
    issue(cast.commission)
    response = login(cast.hue).get("/so-van-ban/xuat-excel/")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 1  # header only


def test_reserve_number(cast, terms):
    client = login(cast.leader)
    response = client.post("/so-van-ban/lay-so/", {
        "organization": cast.commission.pk, "doc_type": "TB", "issued_on": "05/11/2025",
        "title": "Kết luận hội nghị giao ban khối dân vận",
    })
    doc = IssuedDocument.objects.unscoped("test reads back").get()
    assert response.status_code == 302 and response["Location"] == f"/so-van-ban/{doc.pk}/"
    assert (doc.symbol, doc.created_by, doc.issued_on) == ("01-TB/BTGDVTU", cast.leader, DAY)


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"doc_type": "TB", "issued_on": "31/02/2025", "title": "X"}, "issued_on",
     "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/01/2026."),
    ({"doc_type": "XX", "issued_on": "05/11/2025", "title": "X"}, "doc_type", "Loại văn bản không hợp lệ."),
    ({"doc_type": "TB", "issued_on": "05/11/2025", "title": ""}, "title", "Hãy nhập trích yếu của văn bản."),
    ({"doc_type": "TB", "issued_on": "05/11/2019", "title": "X"}, None,
     "Không có nhiệm kỳ nào bao gồm ngày 05/11/2019. Hãy đề nghị quản trị hệ thống thêm nhiệm kỳ."),
])
def test_reserve_bad_input_changes_nothing(cast, terms, data, field, message):
    response = login(cast.province).post("/so-van-ban/lay-so/", {"organization": cast.commission.pk, **data})
    assert response.status_code == 422  # a refused form, as every dispatcher answers
    assert message in response.content.decode()
    if field:
        assert field in response.context["form"].errors
    assert IssuedDocument.objects.unscoped("test reads back").count() == 0


def test_reserve_for_organization_out_of_scope_is_refused(cast, terms):
    response = login(cast.commune_a).post("/so-van-ban/lay-so/", {
        "organization": cast.front_b.pk, "doc_type": "BC", "issued_on": "05/11/2025", "title": "X"})
    assert "Bạn không được lấy số văn bản cho tổ chức này." in response.content.decode()
    assert IssuedDocument.objects.unscoped("test reads back").count() == 0


def test_reserve_needs_change_right(cast, terms):
    response = login(cast.admin).get("/so-van-ban/lay-so/")
    assert response.status_code == 302 and response["Location"] == "/so-van-ban/"


def test_api_list_and_filters(cast, terms):
    report = issue(cast.commission)
    plan = issue(cast.commission, "Kế hoạch tổng kết", "KH")
    issue(cast.hue_commission)
    client = login(cast.province)
    data = client.get("/api/v1/documents", **bearer(cast.province)).json()
    assert data["count"] == 2
    assert [item["symbol"] for item in data["items"]] == [plan.symbol, report.symbol]
    item = client.get("/api/v1/documents?doc_type=KH&q=tong%20ket&year=2025", **bearer(cast.province)).json()
    assert [i["symbol"] for i in item["items"]] == ["01-KH/BTGDVTU"]
    assert item["items"][0]["number_line"] == "Số 01-KH/BTGDVTU"
    assert item["items"][0]["doc_type_name"] == "Kế hoạch"
    assert item["items"][0]["term"]["name"] == "2025–2030"


def test_api_detail_and_404(cast, terms):
    doc = issue(cast.front_b)
    client = login(cast.commune_b)
    assert client.get(f"/api/v1/documents/{doc.pk}", **bearer(cast.commune_b)).json()["symbol"] == doc.symbol
    response = client.get(f"/api/v1/documents/{doc.pk}", **bearer(cast.commune_a))
    assert response.status_code == 404
    assert response.json()["detail"]


def test_api_bad_filter(cast, terms):
    response = login(cast.province).get("/api/v1/documents?doc_type=XX&year=abc", **bearer(cast.province))
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"doc_type", "year"}


def test_api_query_count_same_for_1_and_3_items(cast, terms):
    client = login(cast.province)
    issue(cast.commission, doc_type="BC")
    client.get("/api/v1/documents")  # warm the session
    one, response = count_queries(client, "/api/v1/documents")
    assert response.json()["count"] == 1
    issue(cast.commission, doc_type="KH")
    issue(cast.front_a, doc_type="TB")
    three, response = count_queries(client, "/api/v1/documents")
    assert response.json()["count"] == 3
    assert one == three


def test_search_matches_word_starts_ignoring_diacritics(cast, terms):
    plan = issue(cast.commission, "Kế hoạch tổng kết công tác dân vận", "KH")
    issue(cast.commission, "Sơ kết quy chế dân chủ", "BC")
    client = login(cast.province)

    def listed(query):
        return symbols(client.get(f"/so-van-ban/?q={query}").context["page_obj"])

    assert listed("TONG ket") == [plan.symbol]
    assert listed("dan van") == [plan.symbol]
    assert listed("ong ket") == []  # not the start of a word
