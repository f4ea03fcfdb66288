"""The pages of disclosures: the province table, the commune board, the lists, an obligation's page and its
steps, with their content and their refusals."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.core.models import Job, Notification
from danvan.democracy.domain.obligations import generate, trigger_by_document
from danvan.democracy.domain.records import add_record
from danvan.democracy.models import DisclosureRecord, Evidence, Obligation, OversightFinding
from tests.conftest import login
from tests.democracy.conftest import item

pytestmark = pytest.mark.django_db
D = datetime.date
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def year(cast, ubnd):
    """Lào Cai's 2025 obligations; in commune A the Q1 budget made public on time, item 1 not at all."""
    generate(province=cast.geo.laocai, year=2025)
    q1 = Obligation._base_manager.get(area=cast.geo.commune_a, item__number=2, period_key="2025-Q1")
    add_record(actor=None, obligation=q1, channel="office", posted_on=D(2025, 4, 10))
    add_record(actor=None, obligation=q1, channel="portal", posted_on=D(2025, 4, 10), link="https://baoai.gov.vn/ns")
    return q1


def test_province_table_counts_and_rates(cast, year):
    page = login(cast.province).get("/dan-chu/", {"province": cast.geo.laocai.pk, "year": 2025})
    assert page.status_code == 200
    rows = {r["area"].name: r for r in page.context["rows"]}
    assert set(rows) == {"Bảo Ái", "Yên Bái"}
    a = rows["Bảo Ái"]
    # 11 obligations, all due by now; one made public on time
    assert (a["total"], a["due"], a["counts"]["on_time"], a["counts"]["overdue"]) == (11, 11, 1, 10)
    assert a["rate"] == 0.091
    assert a["quarter_rates"][:2] == [1.0, 0.0]  # Q1: only the budget, on time; Q2: budget and funds, overdue
    html = page.content.decode()
    assert "Xã Bảo Ái" in html and "9,1%" in html


def test_the_table_refuses_a_province_out_of_scope(cast, year):
    page = login(cast.province).get("/dan-chu/", {"province": cast.geo.hue.pk, "year": "abc"})
    assert page.status_code == 200
    assert "Huế" not in "".join(str(r["area"]) for r in page.context["rows"])
    assert page.context["form"].errors.keys() == {"province", "year"}


def test_commune_board_and_its_404(cast, ubnd, year):
    page = login(ubnd.a.officer).get(f"/dan-chu/xa/{cast.geo.commune_a.pk}/", {"nam": 2025, "quy": 1})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Dự toán, tình hình thực hiện dự toán" in html and "đã công khai đúng hạn" in html
    assert "Bảng công khai: Xã Bảo Ái" in html and "Quý này không có nghĩa vụ." in html
    rows = page.context["rows"]
    assert len(rows) == 14
    assert rows[1]["obligations"][0].state == "on_time"
    assert login(ubnd.b.officer).get(f"/dan-chu/xa/{cast.geo.commune_a.pk}/").status_code == 404
    assert login(ubnd.a.officer).get(f"/dan-chu/xa/{cast.geo.commune_a.pk}/", {"nam": "x"}).status_code == 200


def test_overdue_list_and_reminders(cast, ubnd, year, django_capture_on_commit_callbacks):
    client = login(cast.province)
    page = client.get("/dan-chu/qua-han/", {"area": cast.geo.commune_a.pk, "year": 2025})
    states = {o.state for o in page.context["page_obj"].object_list}
    assert states == {"overdue"} and page.context["page_obj"].paginator.count == 10
    assert "dv-remind-job" not in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/dan-chu/qua-han/nhac/", {"area": cast.geo.commune_a.pk, "year": 2025})
    assert response.status_code == 302
    job = Job.objects.get(kind="democracy.remind", created_by=cast.province)
    assert (job.status, job.total, job.done) == ("succeeded", 10, 10)
    notes = Notification.objects.filter(user=ubnd.a.officer)
    assert notes.count() == 10 and notes.first().message.startswith("Quá hạn công khai từ ")
    assert job.message == f"Đã gửi {Notification.objects.filter(kind='democracy.overdue').count()} lời nhắc đến các xã."
    shown = client.get("/dan-chu/qua-han/", {"area": cast.geo.commune_a.pk, "year": 2025}).content.decode()
    assert "dv-remind-job" in shown and job.message in shown and "Hoàn thành" in shown
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/dan-chu/qua-han/nhac/", {"area": cast.geo.commune_a.pk, "year": 2025})
    assert Notification.objects.filter(user=ubnd.a.officer).count() == 10  # not repeated in the same week
    assert Job.objects.filter(kind="democracy.remind").latest("id").message == "Đã gửi 0 lời nhắc đến các xã."
    refused = client.post("/dan-chu/qua-han/nhac/", {"area": "x", "year": 2025}, follow=True).content.decode()
    assert "Địa bàn" in refused and Job.objects.filter(kind="democracy.remind").count() == 2
    bad = client.get("/dan-chu/nghia-vu/", {"state": "purple", "quarter": 9})
    assert set(bad.context["form"].errors) == {"state", "quarter"}


def test_record_a_disclosure_through_the_page(cast, ubnd, year):
    ob = Obligation._base_manager.get(area=cast.geo.commune_a, item__number=7, year=2025)
    client = login(ubnd.a.officer)
    bad = client.post(f"/dan-chu/nghia-vu/{ob.pk}/cong-khai/", {"channel": "radio", "posted_on": "10/02/2026",
                                                                "taken_down_on": "01/02/2026"})
    assert bad.status_code == 200 and "Ngày gỡ xuống không thể trước ngày niêm yết." in bad.content.decode()
    assert not DisclosureRecord._base_manager.filter(obligation=ob).exists()
    ok = client.post(f"/dan-chu/nghia-vu/{ob.pk}/cong-khai/", {"channel": "radio", "posted_on": "10/02/2026",
                                                               "radio_days": 3})
    assert ok.status_code == 302
    assert DisclosureRecord._base_manager.get(obligation=ob).radio_days == 3
    assert login(ubnd.b.officer).post(f"/dan-chu/nghia-vu/{ob.pk}/cong-khai/", {
        "channel": "office", "posted_on": "10/02/2026"}).status_code == 404
    page = client.get(f"/dan-chu/nghia-vu/{ob.pk}/")
    assert page.context["state"] == "channel_missing" and "thiếu hình thức công khai bắt buộc" in page.content.decode()
    assert "Công khai thêm qua: niêm yết tại trụ sở UBND xã" in page.content.decode()


def test_evidence_upload_and_download(cast, ubnd, year):
    record = DisclosureRecord._base_manager.filter(obligation=year).first()
    client = login(ubnd.a.officer)
    bad = client.post(f"/dan-chu/ban-ghi/{record.pk}/minh-chung/", {
        "kind": "photo", "file": SimpleUploadedFile("bang.html", b"<html>", content_type="text/html")})
    assert bad.status_code == 302 and not Evidence._base_manager.exists()
    client.post(f"/dan-chu/ban-ghi/{record.pk}/minh-chung/", {
        "kind": "photo", "taken_on": "10/04/2025", "file": SimpleUploadedFile("bang-tin.png", PNG)})
    evidence = Evidence._base_manager.get()
    assert evidence.original_name == "bang-tin.png" and evidence.file.name.startswith("democracy/")
    got = client.get(f"/dan-chu/minh-chung/{evidence.pk}/")
    assert got.status_code == 200 and b"".join(got.streaming_content) == PNG
    assert got["Content-Disposition"].startswith("attachment")
    assert login(ubnd.b.officer).get(f"/dan-chu/minh-chung/{evidence.pk}/").status_code == 404


def test_the_communes_front_supervises_without_editing(cast, ubnd, year):
    record = DisclosureRecord._base_manager.filter(obligation=year).first()
    front = login(cast.commune_a)  # Ủy ban MTTQ xã Bảo Ái
    page = front.get(f"/dan-chu/nghia-vu/{year.pk}/")
    assert page.status_code == 200 and page.context["record_form"] is None  # it sees, it cannot edit
    assert front.post(f"/dan-chu/nghia-vu/{year.pk}/cong-khai/", {"channel": "radio", "posted_on": "10/04/2025"}
                      ).status_code == 200
    assert DisclosureRecord._base_manager.filter(obligation=year).count() == 2
    front.post(f"/dan-chu/ban-ghi/{record.pk}/giam-sat/", {
        "organization": cast.front_a.pk, "finding": "Bảng niêm yết bị che khuất", "found_on": "15/04/2025",
        "recommendation": "Chuyển bảng ra sảnh"})
    finding = OversightFinding._base_manager.get()
    assert (finding.addressed_to, finding.answer_due, finding.record) == (ubnd.a, D(2025, 5, 15), record)
    assert login(cast.commune_b).get(f"/dan-chu/nghia-vu/{year.pk}/").status_code == 404
    # the commune answers from the findings list
    answer = login(ubnd.a.officer).post(f"/dan-chu/giam-sat/{finding.pk}/tra-loi/", {
        "answer": "Đã chuyển bảng", "answered_on": "20/04/2025"})
    assert answer.status_code == 302
    finding.refresh_from_db()
    assert finding.answered_on == D(2025, 4, 20)


def test_not_applicable_through_the_page_and_a_document(cast, ubnd, year):
    client = login(ubnd.a.officer)
    ob = trigger_by_document(actor=None, organization=ubnd.a, item=item(12), number="7/NQ", issued_on=D(2025, 3, 1))
    client.post(f"/dan-chu/nghia-vu/{ob.pk}/thao-tac/not_applicable/", {"reason": "", "version": 1})
    assert not Obligation._base_manager.get(pk=ob.pk).not_applicable
    client.post(f"/dan-chu/nghia-vu/{ob.pk}/thao-tac/not_applicable/", {"reason": "Không đổi địa giới", "version": 1})
    assert Obligation._base_manager.get(pk=ob.pk).not_applicable
    made = client.post("/dan-chu/nghia-vu/theo-van-ban/", {
        "organization": ubnd.a.pk, "item": item(3).pk, "number": "88/QĐ", "issued_on": "05/05/2025",
        "title": "Thu hồi đất làm đường"})
    assert made.status_code == 302
    assert Obligation._base_manager.get(document_number="88/QĐ").due_on == D(2025, 5, 20)
    assert client.get("/dan-chu/nghia-vu/theo-van-ban/").status_code == 405


def test_yearly_review_figures_and_report(cast, ubnd, year):
    import io

    from docx import Document

    from danvan.democracy.domain.decisions import record_decision

    record_decision(actor=None, organization=ubnd.a, village="Thôn Nậm Lúc", matter="funds", subject="Quỹ khuyến học",
                    form="questionnaire", households_total=100, participating=90, votes_for=70, votes_against=20,
                    decided_on=D(2025, 3, 6), sent_on=D(2025, 3, 20))
    page = login(cast.province).get("/dan-chu/tong-ket/", {"province": cast.geo.laocai.pk, "year": 2025})
    f = page.context["f"]
    assert (f["communes"], f["obligations"], f["due"], f["on_time"], f["overdue"]) == (2, 22, 22, 1, 21)
    assert (f["decisions"], f["decisions_approved"], f["decisions_late"], f["compliance"]) == (1, 1, 1, "4,55%")
    html = page.content.decode()
    assert "22 nội dung phải công khai" in html and "4,55%" in html
    got = login(cast.province).get("/dan-chu/tong-ket.docx", {"province": cast.geo.laocai.pk, "year": 2025})
    assert got["Content-Disposition"].startswith("attachment")
    text = "\n".join(p.text for p in Document(io.BytesIO(got.content)).paragraphs)
    assert "Tổng kết việc thực hiện Quy chế dân chủ ở cơ sở năm 2025" in text and "4,55%" in text
    from tests.reading import docx_text

    lines = docx_text(got.content).splitlines()  # a draft: marked, the blank number line of every draft
    assert lines[0] == "DỰ THẢO" and "Số    -BC/BCĐ" in lines and "T/M BAN CHỈ ĐẠO" in lines
    # the other province's officer reads only its own (empty) figures
    other = login(cast.hue).get("/dan-chu/tong-ket/", {"province": cast.geo.laocai.pk, "year": 2025})
    assert other.context["form"].errors and other.context["f"]["province"] != cast.geo.laocai


def test_export_uses_the_same_filter_and_the_derived_state(cast, ubnd, year, settings):
    import io

    from openpyxl import load_workbook

    client = login(cast.province)
    got = client.post("/dan-chu/nghia-vu/xuat-excel/", {"area": cast.geo.commune_a.pk, "year": 2025,
                                                         "state": "on_time"})
    assert got["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(got.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Xã, phường" and len(rows) == 2
    assert rows[1][0] == "Xã Bảo Ái" and rows[1][5] == "đã công khai đúng hạn" and rows[1][4].date().isoformat() == "2025-04-30"
    assert load_workbook(io.BytesIO(got.content)).active.cell(row=2, column=5).number_format.lower() == "dd/mm/yyyy"
    bad = client.post("/dan-chu/nghia-vu/xuat-excel/", {"state": "purple"})
    assert bad.status_code == 302
    # more rows than the inline limit: a background job with every row
    settings.DANVAN_EXPORT_INLINE_MAX = 5
    from danvan.core.models import Job

    job_page = client.post("/dan-chu/nghia-vu/xuat-excel/", {"year": 2025})
    assert job_page.status_code == 302
    job = Job.objects.filter(kind="core.list_export").last()
    assert job is not None and job.params["list"] == "democracy.obligations"
    assert login(ubnd.b.officer).post("/dan-chu/nghia-vu/xuat-excel/", {"area": cast.geo.commune_a.pk}).status_code == 302


def test_the_first_load_of_the_lists_shows_this_year_only(cast, ubnd, year):
    from django.utils import timezone

    this_year = timezone.localdate().year
    client = login(cast.province)
    first = client.get("/dan-chu/nghia-vu/")
    assert first.context["form"]["year"].value() == this_year
    shown = {o.year for o in first.context["page_obj"].object_list}
    assert shown <= {this_year}
    chosen = client.get("/dan-chu/nghia-vu/", {"year": 2025})
    assert chosen.context["page_obj"].paginator.count > 0 and {o.year for o in chosen.context["page_obj"].object_list} == {2025}
    overdue = client.get("/dan-chu/qua-han/")
    assert {o.year for o in overdue.context["page_obj"].object_list} <= {this_year}
