"""The petition register on the one list mechanism (``voice.interfaces.lists.PETITIONS``): the same filter
selects the same rows on the page, through the API and in the export; a bad filter is named everywhere
and exports nothing; a denouncer's identity is masked per reader through all three, and every read of
an identity is logged."""

import datetime
from io import BytesIO

from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from danvan.core.models import AuditEvent
from danvan.voice.domain.petitions import receive_petition
from danvan.voice.interfaces.filters import PetitionFilterForm
from tests.conftest import bearer, login
from tests.factories import member

PROTECTED = "người tố cáo (được bảo mật)"


def _petition(v, code, *, kind="complaint", days_ago=10, org=None, **kw):
    return receive_petition(actor=None, organization=org or v.party_a, code=code,
                            received_on=timezone.localdate() - datetime.timedelta(days=days_ago), kind=kind,
                            subject=f"Nội dung đơn {code}", area=v.cast.geo.commune_a,
                            sender_name="Hoàng Thị Tố", sender_address="Thôn Nậm Lúc", **kw)


def _sheet(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = [[c.value for c in row] for row in load_workbook(BytesIO(response.content)).active.iter_rows()]
    return rows[0], rows[1:]


def _everywhere(user, params):
    page = login(user).get("/don-thu/", params)
    api = Client().get("/api/v1/petitions", params, **bearer(user))
    export = login(user).post("/don-thu/xuat/", params)
    return page, api, export


def test_the_same_filter_gives_the_same_rows_on_page_api_and_export(v):
    _petition(v, "TC-01", kind="denunciation", days_ago=5)
    _petition(v, "TC-02", kind="denunciation", days_ago=60)
    _petition(v, "KN-01", days_ago=5)
    _petition(v, "TC-B", kind="denunciation", days_ago=5, org=v.party_b)
    since = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    for params, expected in [({"kind": "denunciation", "received_from": since}, ["TC-01"]),
                             ({"kind": "denunciation"}, ["TC-01", "TC-02"]),
                             ({"q": "KN-01"}, ["KN-01"]),
                             ({}, ["TC-01", "KN-01", "TC-02"])]:
        page, api, export = _everywhere(v.officer_a, params)
        on_page = [p.code for p in page.context["page_obj"].object_list]
        header, rows = _sheet(export)
        exported = [row[header.index("Mã đơn")] for row in rows]
        assert sorted(on_page) == sorted(expected), params
        assert [p["code"] for p in api.json()["items"]] == on_page, params
        assert exported == on_page, params
        assert api.json()["count"] == len(expected)


def test_a_bad_filter_is_named_on_the_page_refused_by_the_api_and_exports_nothing(v):
    _petition(v, "KN-01")
    label = str(PetitionFilterForm(user=v.officer_a).fields["kind"].label)
    page, api, export = _everywhere(v.officer_a, {"kind": "hoa-hong"})
    body = page.content.decode()
    assert label in body and "KN-01" not in body and page.context["page_obj"].paginator.count == 0
    assert api.status_code == 422 and "kind" in api.text
    assert export.status_code == 302 and export["Location"] == "/don-thu/"
    shown = login(v.officer_a).post("/don-thu/xuat/", {"kind": "hoa-hong"}, follow=True).content.decode()
    assert label in shown
    bad_dates = {"received_from": "2026-03-01", "received_to": "2026-01-01"}
    page, api, export = _everywhere(v.officer_a, bad_dates)
    assert api.status_code == 422 and "received_to" in api.text
    assert export.status_code == 302 and page.context["page_obj"].paginator.count == 0


def _reads(user, petition):
    return list(AuditEvent.objects.filter(actor=user, action="view", object_id=str(petition.pk),
                                          content_type__model="petition").values_list("message", flat=True))


def test_a_denouncers_identity_is_masked_per_reader_through_page_export_and_api_and_each_read_logged(v):
    handler = member(v.party_a, username="handler_a", full_name="Cán bộ thụ lý")
    denunciation = _petition(v, "TC-01", kind="denunciation", handler=handler)
    complaint = _petition(v, "KN-01")
    for user, name in [(v.officer_a, PROTECTED), (handler, "Hoàng Thị Tố")]:
        page, api, export = _everywhere(user, {"kind": "denunciation"})
        body = page.content.decode()
        header, rows = _sheet(export)
        item = api.json()["items"][0]
        assert item["code"] == "TC-01" and item["sender_name"] == name
        assert rows[0][header.index("Mã đơn")] == "TC-01" and rows[0][header.index("Người gửi")] == name
        assert name in body
        if name == PROTECTED:
            assert "Hoàng Thị Tố" not in body
            assert _reads(user, denunciation) == []
        else:
            reads = _reads(user, denunciation)
            assert len(reads) == 3 and any("API" in m for m in reads)  # page, export, API: one each
            assert _reads(user, complaint) == []  # not shown by this filter, not logged
