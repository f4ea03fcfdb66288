"""The nomination list is one definition (``awards/interfaces/lists.py``): the page, the API and the
XLSX list accept the same filters and show the same rows; the export has no silent cap."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from danvan.core.models import Job
from tests.awards.test_nominations import medal, nominate  # noqa: F401 - fixture
from tests.conftest import login

NAMES = ["Lò Thị Hoa", "Sùng A Páo", "Vàng Thị Mai"]


@pytest.fixture
def three(cast, medal):  # noqa: F811
    nominate(cast, medal, name=NAMES[0])
    nominate(cast, medal, name=NAMES[1], org=cast.front_b)
    nominate(cast, medal, name=NAMES[2])


def _sheet(content):
    return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def test_page_api_and_export_show_the_same_rows(cast, three):
    q = f"area={cast.geo.commune_a.pk}&q=thi"
    html = login(cast.province).get(f"/khen-thuong/?{q}").content.decode()
    assert [n for n in NAMES if n in html] == ["Lò Thị Hoa", "Vàng Thị Mai"]
    api = login(cast.province).get(f"/api/v1/nominations?{q}").json()
    assert [i["nominee_name"] for i in api["items"]] == ["Lò Thị Hoa", "Vàng Thị Mai"]
    rows = _sheet(login(cast.province).get(f"/khen-thuong/danh-sach.xlsx?{q}").content)
    assert [r[:2] for r in rows[2:]] == [(1, "Lò Thị Hoa"), (2, "Vàng Thị Mai")]


@pytest.mark.parametrize(("param", "value"), [
    ("year", "1999"), ("status", "gi_do"), ("award_kind", "999999"), ("area", "abc"), ("q", "x" * 101)])
def test_each_bad_filter_is_named(cast, three, param, value):
    html = login(cast.province).get(f"/khen-thuong/?{param}={value}").content.decode()
    assert "alert-warning" in html and not any(n in html for n in NAMES)
    response = login(cast.province).get(f"/api/v1/nominations?{param}={value}")
    assert response.status_code == 422 and param in [e["field"] for e in response.json()["errors"]]
    follow = login(cast.province).post("/khen-thuong/xuat-excel/", {param: value}, follow=True)
    assert follow.redirect_chain[-1][0] == "/khen-thuong/" and Job.objects.count() == 0


def test_area_outside_the_scope_is_refused(cast, three):
    response = login(cast.commune_a).get(f"/api/v1/nominations?area={cast.geo.hue.pk}")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "area"


def test_export_above_the_threshold_is_a_job_with_every_row(cast, three, settings,
                                                           django_capture_on_commit_callbacks):
    """The old list stopped at 5,000 rows without saying so; now every row is written."""
    settings.DANVAN_EXPORT_INLINE_MAX = 2
    with django_capture_on_commit_callbacks(execute=True):
        response = login(cast.province).post("/khen-thuong/xuat-excel/", {"year": "2023"})
    job = Job.objects.get()
    assert response.url == f"/cong-viec/{job.pk}/" and (job.status, job.total) == (Job.Status.SUCCEEDED, 3)
    rows = _sheet(b"".join(login(cast.province).get(f"/cong-viec/{job.pk}/tai-ve/").streaming_content))
    assert rows[0][0] == "Danh sách đề nghị khen thưởng năm 2023"
    assert [r[1] for r in rows[2:]] == NAMES


def test_docx_above_the_threshold_is_refused_not_cut(cast, three, settings):
    settings.DANVAN_EXPORT_INLINE_MAX = 2
    response = login(cast.province).get("/khen-thuong/danh-sach.docx", follow=True)
    assert "có 3 hồ sơ đề nghị" in response.content.decode()


def test_list_query_count_does_not_grow(cast, medal):  # noqa: F811
    client = login(cast.province)
    nominate(cast, medal, name="Một")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/khen-thuong/").status_code == 200
        return len(ctx)
    count()
    one = count()
    nominate(cast, medal, name="Hai")
    nominate(cast, medal, name="Ba", org=cast.front_b)
    assert count() == one
