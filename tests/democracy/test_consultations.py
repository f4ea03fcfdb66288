"""Consultations on drafts: recording a draft put to the people, its result (opinions received, taken in,
how) which creates the obligation to make it public (item 11), the pages, the API and the export."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from danvan.core.domain.refusals import NotAllowed, StaleVersion, WrongState
from danvan.democracy.domain.consultations import record_consultation, record_result
from danvan.democracy.models import Consultation, Obligation
from tests.conftest import login

pytestmark = pytest.mark.django_db
D = datetime.date
DRAFT = "Dự thảo quy ước thôn Khe Mạ về giữ gìn vệ sinh môi trường"


def consult(org, **kw):
    values = dict(draft=DRAFT, opens_on=D(2026, 4, 1), closes_on=D(2026, 4, 30), channels=["office", "village_heads"],
                  summary="Mỗi hộ phân loại rác; thu gom thứ Bảy hằng tuần")
    values.update(kw)
    return record_consultation(actor=org.officer, organization=org, **values)


def result(c, actor, **kw):
    values = dict(opinions_received=112, opinions_taken_in=37, how_taken_in="Bổ sung điểm thu gom ở đầu thôn",
                  result_number="45/BC-UBND", result_date=D(2026, 5, 20), expected_version=c.version)
    values.update(kw)
    return record_result(actor=actor, consultation=c, **values)


def test_the_result_becomes_an_obligation_to_make_public(cast, ubnd):
    c = consult(ubnd.a)
    assert c.obligation is None and not Obligation._base_manager.filter(item__number=11).exists()
    result(c, ubnd.a.officer)
    c = Consultation._base_manager.get(pk=c.pk)
    assert (c.opinions_received, c.opinions_taken_in, c.result_number, c.version) == (112, 37, "45/BC-UBND", 2)
    ob = Obligation._base_manager.get(pk=c.obligation_id)
    assert ob.item.number == 11 and ob.area == cast.geo.commune_a and ob.basis_date == D(2026, 5, 20)
    assert ob.document_number == "45/BC-UBND" and DRAFT in ob.document_title
    assert ob.due_on == D(2026, 5, 20) + datetime.timedelta(days=ob.item.deadline_days)
    with pytest.raises(WrongState):  # a result once
        result(c, ubnd.a.officer, result_number="46/BC-UBND")
    assert Obligation._base_manager.filter(item__number=11).count() == 1


def test_refusals_name_the_field_and_change_nothing(cast, ubnd):
    for bad, field in [({"closes_on": D(2026, 3, 1)}, "closes_on"), ({"channels": ["pigeon"]}, "channels"),
                       ({"channels": []}, "channels"), ({"draft": "  "}, "draft"),
                       ({"result_number": "1/BC", "result_date": D(2026, 4, 2)}, "result_date")]:
        with pytest.raises(ValidationError) as exc:
            consult(ubnd.a, **bad)
        assert field in exc.value.message_dict
    with pytest.raises(NotAllowed):
        record_consultation(actor=ubnd.b.officer, organization=ubnd.a, draft=DRAFT, opens_on=D(2026, 4, 1),
                            closes_on=D(2026, 4, 30), channels=["office"])
    assert not Consultation._base_manager.exists()
    c = consult(ubnd.a)
    for bad, field in [({"opinions_taken_in": 200}, "opinions_taken_in"), ({"result_date": D(2026, 4, 10)}, "result_date"),
                       ({"result_number": ""}, "result_number"), ({"how_taken_in": ""}, "how_taken_in")]:
        with pytest.raises(ValidationError) as exc:
            result(c, ubnd.a.officer, **bad)
        assert field in exc.value.message_dict
    with pytest.raises(NotAllowed):
        result(c, ubnd.b.officer)
    with pytest.raises(StaleVersion):
        result(c, ubnd.a.officer, expected_version=7)
    assert Consultation._base_manager.get(pk=c.pk).result_number == ""
    assert not Obligation._base_manager.filter(item__number=11).exists()


def test_pages_list_create_detail_result_and_export(cast, ubnd):
    client = login(ubnd.a.officer)
    made = client.post("/dan-chu/lay-y-kien/them/", {
        "organization": ubnd.a.pk, "draft": DRAFT, "opens_on": "01/04/2026", "closes_on": "30/04/2026",
        "channels": ["office", "radio"]})
    assert made.status_code == 302
    c = Consultation._base_manager.get()
    page = client.get(f"/dan-chu/lay-y-kien/{c.pk}/").content.decode()
    assert DRAFT in page and "01/04/2026 – 30/04/2026" in page and "Ghi kết quả" in page
    bad = client.post(f"/dan-chu/lay-y-kien/{c.pk}/ket-qua/", {
        "opinions_received": 5, "opinions_taken_in": 9, "how_taken_in": "x", "result_number": "1/BC",
        "result_date": "05/05/2026", "version": 1})
    assert bad.status_code == 200 and "opinions_taken_in" in bad.context["result_form"].errors
    done = client.post(f"/dan-chu/lay-y-kien/{c.pk}/ket-qua/", {
        "opinions_received": 40, "opinions_taken_in": 9, "how_taken_in": "Thêm thùng rác ở nhà văn hóa",
        "result_number": "12/BC-UBND", "result_date": "05/05/2026", "version": 1}, follow=True)
    text = done.content.decode()
    assert "12/BC-UBND, 05/05/2026" in text and "(nội dung 11)" in text and "Ghi kết quả" not in text
    listing = client.get("/dan-chu/lay-y-kien/", {"has_result": "true"})
    assert [r.pk for r in listing.context["page_obj"].object_list] == [c.pk]
    assert list(client.get("/dan-chu/lay-y-kien/", {"has_result": "false"}).context["page_obj"].object_list) == []
    assert "has_result" in client.get("/dan-chu/lay-y-kien/", {"has_result": "maybe"}).context["form"].errors
    sheet = load_workbook(io.BytesIO(client.post("/dan-chu/lay-y-kien/xuat-excel/", {}).content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Dự thảo lấy ý kiến nhân dân" and rows[1][0] == DRAFT and rows[1][5] == 40
    assert "12/BC-UBND (05/05/2026)" in rows[1]
    # the other commune: 404 on the page, nothing in its list
    other = login(ubnd.b.officer)
    assert other.get(f"/dan-chu/lay-y-kien/{c.pk}/").status_code == 404
    assert list(other.get("/dan-chu/lay-y-kien/").context["page_obj"].object_list) == []


def test_api_lists_reads_and_records_the_result(cast, ubnd):
    c = consult(ubnd.a)
    client = login(ubnd.a.officer)
    listed = client.get("/api/v1/consultations", {"has_result": "false"}).json()
    assert [x["id"] for x in listed["items"]] == [c.pk] and listed["items"][0]["channels"] == ["office", "village_heads"]
    assert client.get("/api/v1/consultations", {"area": cast.geo.hue.pk if hasattr(cast.geo, "hue") else 10**9}
                      ).status_code == 422
    body = {"opinions_received": 112, "opinions_taken_in": 37, "how_taken_in": "Bổ sung điểm thu gom",
            "result_number": "45/BC-UBND", "result_date": "2026-05-20", "version": 1}
    stale = client.post(f"/api/v1/consultations/{c.pk}/result", {**body, "version": 5}, content_type="application/json")
    assert stale.status_code == 409
    got = client.post(f"/api/v1/consultations/{c.pk}/result", body, content_type="application/json")
    assert got.status_code == 200 and got.json()["obligation_id"] and got.json()["version"] == 2
    again = client.post(f"/api/v1/consultations/{c.pk}/result", {**body, "version": 2}, content_type="application/json")
    assert again.status_code == 400 or again.status_code == 409
    assert login(ubnd.b.officer).get(f"/api/v1/consultations/{c.pk}").status_code == 404
    assert client.get(f"/api/v1/consultations/{c.pk}").json()["result_number"] == "45/BC-UBND"
