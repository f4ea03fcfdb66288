"""The area list is one definition (``places/interfaces/lists.py``): the browser's search results,
``GET /api/v1/areas`` and the export refuse the same bad filters, naming the field, and show the same
rows and columns."""

import io

import pytest
from openpyxl import load_workbook

from danvan.core.models import Job
from tests.conftest import login


@pytest.mark.parametrize(("param", "value", "label"), [
    ("level", "thon", "Cấp"), ("at", "32/13/2024", "Bản đồ hành chính tại ngày"), ("q", "x" * 201, "Tìm theo tên"),
    ("under", "abc", "Trong địa bàn"),
])
def test_each_bad_filter_is_named_on_page_api_and_export(cast, param, value, label):
    html = login(cast.commune_a).get("/dia-ban/", {param: value}).content.decode()
    assert "alert-warning" in html and label in html and "Xã Bảo Ái" not in html
    response = login(cast.commune_a).get("/api/v1/areas", {param: value})
    assert response.status_code == 422 and param in [e["field"] for e in response.json()["errors"]]
    follow = login(cast.commune_a).post("/dia-ban/xuat-excel/", {param: value}, follow=True)
    assert follow.redirect_chain[-1][0] == "/dia-ban/" and Job.objects.count() == 0
    assert label in follow.content.decode()


def test_page_api_and_export_agree(cast):
    page = login(cast.commune_a).get("/dia-ban/", {"q": "bao ai"})
    html = page.content.decode()
    assert [a.full_name for a in page.context["page_obj"]] == ["Xã Bảo Ái", "Xã Bảo Ái"]
    assert "đến 30/06/2025" in html and "Huyện Yên Bình, Tỉnh Yên Bái" in html  # the legacy one, with its parents
    api = login(cast.commune_a).get("/api/v1/areas", {"q": "bao ai"}).json()
    assert [i["id"] for i in api["items"]] == [a.pk for a in page.context["page_obj"]]
    response = login(cast.commune_a).post("/dia-ban/xuat-excel/", {"q": "bao ai"})
    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("Tên", "Mã", "Cấp", "Thuộc", "Hiệu lực từ", "Hiệu lực đến")
    assert [r[0] for r in rows[1:]] == ["Xã Bảo Ái", "Xã Bảo Ái"]
    assert {r[2] for r in rows[1:]} == {"Cấp xã"}


def test_the_api_subtree_filter_is_the_lists(cast):
    """``under`` (the subtree, history included) is one of the list's filters: the legacy province's
    communes are under it, the current province's are not."""
    api = login(cast.commune_a).get("/api/v1/areas", {"under": cast.geo.old_yenbai.pk, "level": "commune"}).json()
    names = {i["name"] for i in api["items"]}
    assert "Bảo Ái" in names and "Thuận Hóa" not in names


def test_no_search_filter_keeps_the_tree(cast):
    """Positive control of the list mode: the date alone dates the tree, it does not list areas."""
    page = login(cast.commune_a).get("/dia-ban/", {"at": "01/01/2024"})
    assert "searching" not in page.context and [a.full_name for a in page.context["roots"]] == ["Tỉnh Yên Bái"]
