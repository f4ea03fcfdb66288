"""The register list is one definition (``documents/interfaces/lists.py``): the page, the API and the
export refuse the same bad filters, naming the field, and show the same rows."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from danvan.core.models import Job
from tests.conftest import login
from tests.documents.test_views import issue


@pytest.mark.parametrize(("param", "value"), [
    ("doc_type", "XX"), ("term", "999999"), ("organization", "abc"), ("year", "1800"), ("q", "x" * 101)])
def test_each_bad_filter_is_named(cast, terms, param, value):
    issue(cast.commission, "Kế hoạch tổng kết", "KH")
    html = login(cast.province).get(f"/so-van-ban/?{param}={value}").content.decode()
    assert "alert-warning" in html and "Kế hoạch tổng kết" not in html
    response = login(cast.province).get(f"/api/v1/documents?{param}={value}")
    assert response.status_code == 422 and param in [e["field"] for e in response.json()["errors"]]
    follow = login(cast.province).post("/so-van-ban/xuat-excel/", {param: value}, follow=True)
    assert follow.redirect_chain[-1][0] == "/so-van-ban/" and Job.objects.count() == 0


def test_page_api_and_export_agree(cast, terms):
    issue(cast.commission, "Kế hoạch tổng kết", "KH")
    issue(cast.commission, "Báo cáo quý", "BC")
    html = login(cast.province).get("/so-van-ban/?doc_type=KH").content.decode()
    assert "Kế hoạch tổng kết" in html and "Báo cáo quý" not in html
    api = login(cast.province).get("/api/v1/documents?doc_type=KH").json()
    assert [i["title"] for i in api["items"]] == ["Kế hoạch tổng kết"]
    response = login(cast.province).post("/so-van-ban/xuat-excel/", {"doc_type": "KH"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [r[4] for r in rows[1:]] == ["Kế hoạch tổng kết"]


def test_list_query_count_does_not_grow(cast, terms):
    client = login(cast.province)
    issue(cast.commission, "Một")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/so-van-ban/").status_code == 200
        return len(ctx)
    count()
    one = count()
    issue(cast.commission, "Hai")
    issue(cast.party, "Ba")
    assert count() == one
