"""The report list is one definition (``reports/interfaces/lists.py``): the page, the API and the export
refuse the same bad filters, naming the field."""

import pytest

from danvan.core.models import Job
from tests.conftest import login


@pytest.mark.parametrize(("param", "value"), [
    ("form", "999999"), ("period", "abc"), ("status", "gi_do"), ("q", "x" * 101)])
def test_each_bad_filter_is_named_on_page_api_and_export(cast, param, value):
    html = login(cast.province).get(f"/bao-cao/?{param}={value}").content.decode()
    assert "alert-warning" in html
    response = login(cast.province).get(f"/api/v1/reports?{param}={value}")
    assert response.status_code == 422 and param in [e["field"] for e in response.json()["errors"]]
    follow = login(cast.province).post("/bao-cao/xuat-excel/", {param: value}, follow=True)
    assert follow.redirect_chain[-1][0] == "/bao-cao/" and Job.objects.count() == 0
