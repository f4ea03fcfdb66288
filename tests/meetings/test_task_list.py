"""The task list is one definition (``meetings/interfaces/lists.py``): the page, the API and the
export accept the same filters (``q``, ``status``, ``overdue``, ``assignee``, ``meeting``) and show
the same rows."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tests.conftest import bearer, login
from tests.meetings.helpers import conclusion, meeting, task


@pytest.fixture
def tasks(cast):
    today = timezone.localdate()
    m1 = meeting(cast.commission, title="Tổng kết công tác dân vận năm 2025", kind="tong_ket")
    m2 = meeting(cast.commission, title="Giao ban quý III")
    late = task(conclusion(m1), [cast.front_a], title="Nhân rộng mô hình ở xã Bảo Ái",
                due=today - datetime.timedelta(days=3))
    later = task(conclusion(m2), [cast.front_b], title="Rà soát hộ nghèo phường Yên Bái",
                 due=today + datetime.timedelta(days=30))
    return m1, m2, late, later


def _titles(html):
    return [t for t in ("Nhân rộng mô hình ở xã Bảo Ái", "Rà soát hộ nghèo phường Yên Bái") if t in html]


def test_page_and_api_accept_the_same_filters(cast, tasks):
    m1, m2, late, later = tasks
    page, api = login(cast.province), login(cast.province)
    for query, expected in [
        ("", ["Nhân rộng mô hình ở xã Bảo Ái", "Rà soát hộ nghèo phường Yên Bái"]),
        (f"assignee={cast.front_b.pk}", ["Rà soát hộ nghèo phường Yên Bái"]),
        (f"meeting={m1.pk}", ["Nhân rộng mô hình ở xã Bảo Ái"]),
        ("overdue=true", ["Nhân rộng mô hình ở xã Bảo Ái"]),
        ("overdue=false", ["Rà soát hộ nghèo phường Yên Bái"]),
        ("q=ho+ngheo", ["Rà soát hộ nghèo phường Yên Bái"]),
        ("status=overdue", ["Nhân rộng mô hình ở xã Bảo Ái"]),
    ]:
        assert _titles(page.get(f"/hoi-nghi/nhiem-vu/?{query}").content.decode()) == expected, query
        items = api.get(f"/api/v1/tasks?{query}").json()["items"]
        assert [i["title"] for i in items] == expected, query


@pytest.mark.parametrize(("param", "value"), [
    ("status", "xyz"), ("overdue", "maybe"), ("assignee", "abc"), ("meeting", "0"), ("q", "x" * 101)])
def test_bad_filter_is_named_on_the_page_and_422_in_the_api(cast, tasks, param, value):
    html = login(cast.province).get(f"/hoi-nghi/nhiem-vu/?{param}={value}").content.decode()
    assert "alert-warning" in html and _titles(html) == []
    response = login(cast.province).get(f"/api/v1/tasks?{param}={value}")
    assert response.status_code == 422
    assert param in [e["field"] for e in response.json()["errors"]]


def test_a_choice_outside_the_scope_is_refused(cast, tasks):
    """The other unit's organization is not a valid assignee filter for a commune officer."""
    html = login(cast.commune_a).get(f"/hoi-nghi/nhiem-vu/?assignee={cast.front_b.pk}").content.decode()
    assert "Lựa chọn này không có trong phạm vi của bạn." in html
    response = login(cast.commune_a).get(f"/api/v1/tasks?assignee={cast.front_b.pk}")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "assignee"
    assert login(cast.commune_a).get(f"/api/v1/tasks?assignee={cast.front_a.pk}").json()["count"] == 1


def test_export_shows_the_same_rows_and_columns(cast, tasks):
    m1, m2, late, later = tasks
    response = login(cast.province).post("/hoi-nghi/nhiem-vu/xuat-excel/", {"overdue": "false"})
    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("Nhiệm vụ", "Hội nghị", "Tổ chức thực hiện", "Thời hạn", "Trạng thái",
                       "Tiến độ (%)", "Ngày hoàn thành")
    assert rows[1:] == [("Rà soát hộ nghèo phường Yên Bái", "Giao ban quý III", cast.front_b.name,
                         datetime.datetime.combine(later.due_date, datetime.time()), "Chưa thực hiện", 0, None)]


def test_export_bad_filter_starts_nothing(cast, tasks):
    response = login(cast.province).post("/hoi-nghi/nhiem-vu/xuat-excel/", {"overdue": "maybe"}, follow=True)
    assert response.redirect_chain[-1][0] == "/hoi-nghi/nhiem-vu/"
    assert "Quá hạn" in response.content.decode()


def test_bearer_and_page_agree_for_an_assignee(cast, tasks, client):
    data = client.get("/api/v1/tasks", **bearer(cast.commune_a)).json()
    assert [i["title"] for i in data["items"]] == ["Nhân rộng mô hình ở xã Bảo Ái"]


@pytest.mark.parametrize(("param", "value"), [
    ("kind", "xyz"), ("area", "abc"), ("period", "999999"), ("period_label", "x" * 101),
    ("date_from", "31/02/2026"), ("date_to", "hôm qua"), ("q", "x" * 101)])
def test_meeting_list_bad_filter_is_named_on_page_api_and_export(cast, tasks, param, value):
    html = login(cast.province).get(f"/hoi-nghi/?{param}={value}").content.decode()
    assert "alert-warning" in html and "Giao ban quý III" not in html
    response = login(cast.province).get(f"/api/v1/meetings?{param}={value}")
    assert response.status_code == 422 and param in [e["field"] for e in response.json()["errors"]]
    follow = login(cast.province).post("/hoi-nghi/xuat-excel/", {param: value}, follow=True)
    assert follow.redirect_chain[-1][0] == "/hoi-nghi/"


def test_meeting_list_page_api_and_export_agree(cast, tasks):
    m1, m2, late, later = tasks
    query = "kind=tong_ket&date_from=01/01/2026"
    html = login(cast.province).get(f"/hoi-nghi/?{query}").content.decode()
    assert "Tổng kết công tác dân vận năm 2025" in html and "Giao ban quý III" not in html
    api = login(cast.province).get("/api/v1/meetings?kind=tong_ket&date_from=2026-01-01").json()
    assert [i["title"] for i in api["items"]] == ["Tổng kết công tác dân vận năm 2025"]
    response = login(cast.province).post("/hoi-nghi/xuat-excel/", {"kind": "tong_ket", "date_from": "01/01/2026"})
    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("Ngày", "Hội nghị", "Loại", "Cơ quan tổ chức", "Kỳ đánh giá", "Hình thức", "Điểm cầu")
    assert [r[1:4] for r in rows[1:]] == [("Tổng kết công tác dân vận năm 2025", "Tổng kết", cast.commission.name)]
