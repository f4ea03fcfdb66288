"""Petition intake: the creation page, and the spreadsheet import as a background job — atomic, every
fault by row and column through the domain's rules, the register's codes unique."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from danvan.core.models import Job
from danvan.voice.interfaces.importer import COLUMNS
from danvan.voice.models import Petition, PetitionStep, PetitionTally
from tests.conftest import login

HEAD = [title for _key, title, _r in COLUMNS]


def _xlsx(rows, head=HEAD) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(head)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("so-don.xlsx", buffer.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _row(code, **kw):
    values = {"code": code, "received_on": "05/01/2026", "kind": "Khiếu nại", "subject": "Khiếu nại thu hồi đất",
              "area": "Xã Bảo Ái", "organization": "", "channel": "Bưu điện", "field": "land",
              "sender_name": "Lò Văn Dân", "sender_address": "Thôn Nậm Lúc", "signatories": 1, "anonymous": "",
              "instance": 1, "remote": "có", "complexity": "", "repeat": ""}
    values.update(kw)
    return [values[key] for key, _t, _r in COLUMNS]


def _upload(client, file, capture):
    with capture(execute=True):
        response = client.post("/don-thu/nhap-excel/", {"file": file})
    return response, Job.objects.order_by("-id").first()


def _petitions():
    return Petition.objects.unscoped("test reads back")


def test_a_whole_register_is_received_through_the_domain(v, django_capture_on_commit_callbacks):
    client = login(v.officer_a)
    response, job = _upload(client, _xlsx([
        _row("KN-1"), _row("TC-1", kind="tố cáo", field="", received_on=datetime.datetime(2026, 2, 3)),
        _row("KNG-1", kind="Kiến nghị", signatories=25, anonymous="x", remote="")]), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert response["Location"] == f"/cong-viec/{job.pk}/" and job.status == "succeeded", job.errors
    assert "3" in job.message and job.done == job.total
    rows = {p.code: p for p in _petitions()}
    assert sorted(rows) == ["KN-1", "KNG-1", "TC-1"]
    kn, tc = rows["KN-1"], rows["TC-1"]
    assert (kn.organization_id, kn.channel, kn.field, kn.remote, kn.area_id) == (
        v.party_a.pk, "post", "land", True, v.cast.geo.commune_a.pk)
    assert (tc.kind, tc.received_on, tc.field) == ("denunciation", datetime.date(2026, 2, 3), "other")
    assert (rows["KNG-1"].signatories, rows["KNG-1"].anonymous) == (25, True)
    assert kn.due_on == datetime.date(2026, 1, 15)  # the acceptance clock, cached by the domain
    assert PetitionStep.objects.unscoped("test").filter(action="receive").count() == 3
    assert sum(t.n for t in PetitionTally.objects.unscoped("test").all()) == 3


def test_every_fault_is_reported_by_row_and_column_and_nothing_is_written(v, django_capture_on_commit_callbacks):
    from danvan.voice.domain.petitions import receive_petition

    receive_petition(actor=None, organization=v.party_a, code="KN-OLD", received_on=datetime.date(2026, 1, 2),
                     kind="complaint", subject="Đơn cũ", area=v.cast.geo.commune_a)
    client = login(v.officer_a)
    _response, job = _upload(client, _xlsx([
        _row("KN-1"), _row("KN-1"), _row("KN-OLD"), _row("KN-2", received_on="31/02/2026"),
        _row("KN-3", kind="đơn lạ"), _row("KN-4", area="Phường Không Có"), _row("KN-5", subject=""),
        _row("KN-6", received_on="01/01/2099"), _row("KN-7", signatories=0), _row("KN-8", instance=3)]), django_capture_on_commit_callbacks)
    assert job.status == "failed" and "Không có" not in job.message
    faults = {(e["row"], e["column"]) for e in job.errors}
    assert faults == {(3, "Mã đơn"), (4, "Mã đơn"), (5, "Ngày nhận"), (6, "Loại đơn"), (7, "Địa bàn"),
                      (8, "Nội dung"), (9, "Ngày nhận"), (10, "Số người ký"), (11, "Lần giải quyết")}
    messages = " ".join(e["message"] for e in job.errors)
    assert "Dòng 7, cột 'Địa bàn'" in messages and "dd/mm/yyyy" in messages
    assert list(_petitions().values_list("code", flat=True)) == ["KN-OLD"]


def test_the_import_refuses_a_file_without_the_columns_and_another_units_organization(
        v, django_capture_on_commit_callbacks):
    client = login(v.officer_a)
    _response, job = _upload(client, _xlsx([["x"]], head=["Mã đơn", "Tên"]), django_capture_on_commit_callbacks)
    assert job.status == "failed" and {e["column"] for e in job.errors} == {"Ngày nhận", "Loại đơn", "Nội dung",
                                                                             "Địa bàn"}
    _response, job = _upload(client, _xlsx([_row("KN-9", organization="Đảng ủy phường Yên Bái")]),
                             django_capture_on_commit_callbacks)
    assert job.status == "failed" and job.errors[0]["column"] == "Cơ quan xử lý"
    assert not _petitions().exists()
    template = client.get("/don-thu/nhap-excel/mau/")
    assert template.status_code == 200 and template.content[:2] == b"PK"


def test_the_creation_page_receives_a_petition_and_names_a_bad_field(v):
    client = login(v.officer_a)
    data = {"organization": v.party_a.pk, "code": "KN-20", "received_on": "06/01/2026", "channel": "in_person",
            "kind": "complaint", "subject": "Khiếu nại về đền bù", "field": "land", "area": v.cast.geo.commune_a.pk,
            "signatories": "1", "instance": "1", "complexity": "normal", "repeat": "1", "within_competence": "on"}
    bad = client.post("/don-thu/them/", {**data, "received_on": "06/01/2099"})
    assert bad.status_code == 200 and "Ngày nhận đơn không được ở tương lai." in bad.content.decode()
    assert not _petitions().exists()
    other = login(v.officer_b).post("/don-thu/them/", data)
    assert other.status_code == 200 and not _petitions().exists()  # the organization is not a choice there
    response = client.post("/don-thu/them/", data)
    petition = _petitions().get()
    assert response["Location"] == f"/don-thu/{petition.pk}/"
    assert (petition.code, petition.state, petition.received_on) == ("KN-20", "received", datetime.date(2026, 1, 6))
    assert "KN-20" in client.get(f"/don-thu/{petition.pk}/").content.decode()
