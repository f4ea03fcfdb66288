"""People of prestige and dignitaries on the one list mechanism (``community/interfaces/lists.py``): the
same filter selects the same rows on the page, the API list and the XLSX export; a bad filter is named
everywhere (page message, API 422, no export); masked values and logged reads are the same in all three,
also when the export runs as a background job."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from danvan.community.domain.privacy import MASK
from danvan.community.domain.religion import appoint
from danvan.community.models import Religion
from danvan.core.models import AuditEvent, Job
from danvan.orgs.models import Role
from tests.community.helpers import make_list, nominee, recognized
from tests.conftest import login
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(cast):
    plist = make_list(cast.front_a)
    recognized(plist, "Vàng Seo Páo", religion="Tin Lành")
    nominee(plist, "Lò Văn Sinh", village="Thôn Cốc Lầy", ethnicity="Thái")
    nominee(make_list(cast.front_b), "Hà Văn Bình", ethnicity="Tày")
    cast.admin_a = member(cast.front_a, Role.ADMIN, username="admin_a")


@pytest.fixture
def dignitaries(cast):
    def make(name, religion, since, until=None, org=cast.front_a):
        d = appoint(actor=None, organization=org, kind="rank", title="Linh mục",
                    religion=Religion.objects.get(name=religion), full_name=name, since=since)
        if until:
            from danvan.community.domain.religion import end_title
            end_title(actor=None, dignitary=d, until=until)
        return d
    make("Nguyễn Văn Đạo", "Công giáo", datetime.date(2015, 1, 1))
    make("Trần Văn Hòa", "Công giáo", datetime.date(2010, 1, 1), until=datetime.date(2018, 6, 30))
    make("Lê Thị Tâm", "Cao Đài", datetime.date(2020, 1, 1), org=cast.front_b)
    if not hasattr(cast, "admin_a"):
        cast.admin_a = member(cast.front_a, Role.ADMIN, username="admin_a")


def _sheet(content: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def _three(client, page_url, api_url, export_url, params):
    """The names the page, the API list and the export show for ``params``."""
    page = client.get(page_url, params)
    shown = [row.person.full_name for row in page.context["page_obj"].object_list]
    html = page.content.decode()
    assert all(name in html for name in shown)
    api = [item["full_name"] for item in client.get(api_url, params).json()["items"]]
    export = [row[0] for row in _sheet(client.post(export_url, params).content)[1:]]
    return shown, api, export


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ["Lò Văn Sinh", "Vàng Seo Páo", "Hà Văn Bình"]),
    ({"status": "recognized"}, ["Vàng Seo Páo"]),
    ({"q": "binh"}, ["Hà Văn Bình"]),
    ({"sort": "name"}, ["Hà Văn Bình", "Vàng Seo Páo", "Lò Văn Sinh"]),  # by given name
    ({"role": "elder", "year": "2027"}, ["Vàng Seo Páo"]),
])
def test_prestige_same_filter_same_rows_everywhere(cast, people, params, expected):
    shown, api, export = _three(login(cast.province), "/cong-dong/uy-tin/", "/api/v1/prestige-people",
                                "/cong-dong/uy-tin/xuat.xlsx", params)
    assert sorted(shown) == sorted(expected) if not params.get("sort") else shown == expected
    assert shown == api == export


def test_prestige_area_filter_and_scope(cast, people):
    client = login(cast.province)
    area = {"area": cast.geo.commune_b.pk}
    assert _three(client, "/cong-dong/uy-tin/", "/api/v1/prestige-people", "/cong-dong/uy-tin/xuat.xlsx",
                  area) == (["Hà Văn Bình"],) * 3
    # the commune's officer sees only its own commune, on the page, the API and the export alike
    shown, api, export = _three(login(cast.commune_a), "/cong-dong/uy-tin/", "/api/v1/prestige-people",
                                "/cong-dong/uy-tin/xuat.xlsx", {})
    assert shown == api == export and "Hà Văn Bình" not in shown and len(shown) == 2


@pytest.mark.parametrize(("field", "value", "message"), [
    ("year", "1800", "2000"), ("area", "hue", "không thuộc phạm vi"), ("prestige_list", "other", "không thuộc phạm vi"),
])
def test_prestige_bad_filter_is_named_everywhere(cast, people, field, value, message):
    client = login(cast.commune_a)
    value = {"hue": cast.geo.hue.pk, "other": "999999"}.get(value, value)
    page = client.get("/cong-dong/uy-tin/", {field: value}, HTTP_HX_REQUEST="true")
    assert field in page.context["form"].errors and list(page.context["page_obj"].object_list) == []
    assert message in page.content.decode() and "Vàng Seo Páo" not in page.content.decode()
    api = client.get("/api/v1/prestige-people", {field: value})
    assert api.status_code == 422 and api.json()["errors"][0]["field"] == field
    export = client.post("/cong-dong/uy-tin/xuat.xlsx", {field: value})
    assert export.status_code == 302 and export["Location"] == "/cong-dong/uy-tin/" and Job.objects.count() == 0
    assert not AuditEvent.objects.filter(action="view", actor=cast.commune_a).exists()  # nothing was read
    assert message in client.get(export["Location"]).content.decode()  # the page says why


def test_prestige_export_job_masks_and_logs_every_row(cast, people, settings, django_capture_on_commit_callbacks):
    """Above the inline limit the export is a background job: every row, masked for its owner, each read
    logged once; the reader with the grant gets the values."""
    settings.DANVAN_EXPORT_INLINE_MAX = 1
    for user, visible in ((cast.admin_a, False), (cast.commune_a, True)):
        with django_capture_on_commit_callbacks(execute=True):
            response = login(user).post("/cong-dong/uy-tin/xuat.xlsx", {"sort": "name"})
        job = Job.objects.filter(created_by=user).get()
        assert response.url == f"/cong-viec/{job.pk}/" and job.status == Job.Status.SUCCEEDED
        rows = _sheet(b"".join(login(user).get(f"/cong-viec/{job.pk}/tai-ve/").streaming_content))
        assert [r[0] for r in rows[1:]] == ["Vàng Seo Páo", "Lò Văn Sinh"]  # by given name
        assert rows[0][3:5] == ("Dân tộc", "Tôn giáo")
        assert [r[3:5] for r in rows[1:]] == ([("Mông", "Tin Lành"), ("Thái", None)] if visible
                                              else [(MASK, MASK), (MASK, None)])
        reads = AuditEvent.objects.filter(action="view", actor=user, content_type__model="prestigeentry")
        assert reads.count() == 2 and all("XLSX" in m for m in reads.values_list("message", flat=True))


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ["Lê Thị Tâm", "Nguyễn Văn Đạo", "Trần Văn Hòa"]),
    ({"current": "on"}, ["Lê Thị Tâm", "Nguyễn Văn Đạo"]),
    ({"on": "2012-06-01"}, ["Trần Văn Hòa"]),
    ({"q": "dao"}, ["Nguyễn Văn Đạo"]),
    ({"kind": "rank", "religion": "cao-dai"}, ["Lê Thị Tâm"]),
])
def test_dignitaries_same_filter_same_rows_everywhere(cast, dignitaries, params, expected):
    if params.get("religion") == "cao-dai":
        params = {**params, "religion": Religion.objects.get(name="Cao Đài").pk}
    shown, api, export = _three(login(cast.province), "/cong-dong/ton-giao/", "/api/v1/dignitaries",
                                "/cong-dong/ton-giao/xuat.xlsx", params)
    assert shown == api == export and sorted(shown) == sorted(expected)


def test_dignitaries_bad_filter_is_named_everywhere(cast, dignitaries):
    client = login(cast.commune_a)
    for field, value, message in (("religion", "999999", "chọn một tôn giáo trong danh sách"),
                                  ("area", cast.geo.hue.pk, "không thuộc phạm vi")):
        page = client.get("/cong-dong/ton-giao/", {field: value}, HTTP_HX_REQUEST="true")
        assert message in page.content.decode() and "Nguyễn Văn Đạo" not in page.content.decode()
        api = client.get("/api/v1/dignitaries", {field: value})
        assert api.status_code == 422 and api.json()["errors"][0]["field"] == field
        export = client.post("/cong-dong/ton-giao/xuat.xlsx", {field: value})
        assert export.status_code == 302 and export["Location"] == "/cong-dong/ton-giao/"
        assert not AuditEvent.objects.filter(action="view", actor=cast.commune_a).exists()  # nothing was read
        assert message in client.get(export["Location"]).content.decode()  # the page says why
        AuditEvent.objects.filter(actor=cast.commune_a).delete()


def test_dignitaries_export_masks_per_role_and_logs(cast, dignitaries):
    for user, visible in ((cast.commune_a, True), (cast.admin_a, False)):
        rows = _sheet(login(user).get("/cong-dong/ton-giao/xuat.xlsx").content)
        header = rows[0]
        assert [r[0] for r in rows[1:]] == ["Nguyễn Văn Đạo", "Trần Văn Hòa"]
        religion = header.index("Tôn giáo")
        assert {r[religion] for r in rows[1:]} == ({"Công giáo"} if visible else {MASK})
        assert rows[2][header.index("Đến ngày")].date() == datetime.date(2018, 6, 30)
        reads = AuditEvent.objects.filter(action="view", actor=user, content_type__model="dignitary")
        assert reads.count() == 2 and all("XLSX" in m for m in reads.values_list("message", flat=True))


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_query_count_does_not_grow_with_the_rows(cast, people, dignitaries):
    """A page of 3 people or dignitaries costs as many queries as a page of 1 (masking and the read log
    included), on the page and through the API."""
    client = login(cast.province)
    urls = ("/cong-dong/uy-tin/", "/api/v1/prestige-people", "/cong-dong/ton-giao/", "/api/v1/dignitaries")
    few = {url: _queries(client, url + "?q=binh") if "uy-tin" in url or "prestige" in url
           else _queries(client, url + "?q=dao") for url in urls}
    assert {url: _queries(client, url) for url in urls} == few
