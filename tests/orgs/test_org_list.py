"""The organization list is one definition (``orgs/interfaces/lists.py``): page, API and export refuse
the same bad filters, naming the field, and show the same rows."""

import io

import pytest
from openpyxl import load_workbook

from danvan.core.models import Job
from tests.conftest import login


@pytest.mark.parametrize(("param", "value"), [("kind", "xyz"), ("area", "abc"), ("q", "x" * 101)])
def test_each_bad_filter_is_named_on_page_api_and_export(cast, param, value):
    html = login(cast.province).get(f"/to-chuc/?{param}={value}").content.decode()
    assert "alert-warning" in html and "Ủy ban MTTQ Việt Nam xã Bảo Ái" not in html
    response = login(cast.province).get(f"/api/v1/organizations?{param}={value}")
    assert response.status_code == 422 and param in [e["field"] for e in response.json()["errors"]]
    follow = login(cast.province).post("/to-chuc/xuat-excel/", {param: value}, follow=True)
    assert follow.redirect_chain[-1][0] == "/to-chuc/" and Job.objects.count() == 0


def test_page_api_and_export_agree(cast):
    html = login(cast.province).get("/to-chuc/?q=mat+tran+bao").content.decode()
    assert "Ủy ban MTTQ Việt Nam xã Bảo Ái" in html
    api = login(cast.province).get("/api/v1/organizations?q=mat+tran+bao").json()
    assert [i["name"] for i in api["items"]] == ["Ủy ban MTTQ Việt Nam xã Bảo Ái"]
    response = login(cast.province).post("/to-chuc/xuat-excel/", {"q": "mat tran bao"})
    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["Ủy ban MTTQ Việt Nam xã Bảo Ái"]
