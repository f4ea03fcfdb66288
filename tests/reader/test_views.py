"""The reader's pages: read (paste, one file, many files as a job), check with evidence, confirm, quality."""

import io
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.core.models import Job
from danvan.meetings.models import Meeting, MeetingRole
from danvan.reader.models import Article, ArticleStatus
from tests.conftest import login

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = (FIXTURES / "a_tong_ket.txt").read_text(encoding="utf-8")


def test_paste_read_review_confirm(cast):
    client = login(cast.province)
    response = client.post("/hoi-nghi/doc-bai/", {"organization": cast.commission.pk, "text": TEXT})
    article = Article._base_manager.get()
    assert response.status_code == 302 and response["Location"] == f"/hoi-nghi/doc-bai/{article.pk}/"
    page = client.get(f"/hoi-nghi/doc-bai/{article.pk}/").content.decode()
    # the evidence sentence of the day is marked with the fact it gave
    import re

    marks = re.findall(r'data-facts="([^"]*)"', page)
    assert any("Ngày họp" in m or "Meeting day" in m for m in marks), marks
    assert "<mark" in page and "Sáng 12/1, tại Hội trường Tỉnh ủy" in page
    assert 'value="Bùi Văn Khánh"' in page and 'value="12/01/2025"' in page
    assert "Hoàng Văn Tám" not in page  # the related-news list is not part of the article
    data = {"organization": cast.commission.pk, "event_date": "12/01/2025", "meeting_type": "tong_ket",
            "report_period": "2024", "organizer": "Ban Dân vận Tỉnh ủy Hòa Bình", "province": "Hòa Bình",
            "dvk_models": "1900", "medal_individuals": "21", "commended_collectives": "6", "version": article.version,
            "person-0-name": "Bùi Văn Khánh", "person-0-positions": "Trưởng Ban Dân vận Tỉnh ủy", "person-0-role": "chair",
            "person-1-name": "Quách Tất Công", "person-1-positions": "Phó Chủ tịch UBND tỉnh", "person-1-role": "",
            "direction-0": "Đổi mới phương thức công tác dân vận", "direction-0-keep": "1",
            "direction-1": "Một việc không giữ lại", }
    response = client.post(f"/hoi-nghi/doc-bai/{article.pk}/xac-nhan/", data)
    meeting = Meeting._base_manager.get()
    assert response.status_code == 302 and response["Location"] == f"/hoi-nghi/{meeting.pk}/"
    assert [(r.person.full_name, r.role) for r in MeetingRole._base_manager.filter(meeting=meeting)] == [
        ("Bùi Văn Khánh", "chu_tri")]
    assert [c.text for c in meeting.conclusions.all()] == ["Đổi mới phương thức công tác dân vận"]
    article.refresh_from_db()
    assert article.status == ArticleStatus.CONFIRMED and article.confirmed["chairs"] == ["Bùi Văn Khánh"]
    quality = client.get("/hoi-nghi/doc-bai/chat-luong/").content.decode()
    assert "1,00 (1/1)" in quality or "1.00 (1/1)" in quality


def test_bad_inputs_name_the_field_and_change_nothing(cast):
    client = login(cast.province)
    page = client.post("/hoi-nghi/doc-bai/", {"organization": cast.commission.pk, "text": "  "}).content.decode()
    assert "invalid-feedback" in page and Article._base_manager.count() == 0
    upload = SimpleUploadedFile("bang.xlsx", b"PK\x03\x04")
    page = client.post("/hoi-nghi/doc-bai/", {"organization": cast.commission.pk, "files": [upload]}).content.decode()
    assert "bang.xlsx" in page and Article._base_manager.count() == 0
    # an organization out of scope is refused by the form
    page = client.post("/hoi-nghi/doc-bai/", {"organization": cast.hue_commission.pk, "text": TEXT}).content.decode()
    assert Article._base_manager.count() == 0 and "invalid-feedback" in page
    client.post("/hoi-nghi/doc-bai/", {"organization": cast.commission.pk, "text": TEXT})
    article = Article._base_manager.get()
    page = client.post(f"/hoi-nghi/doc-bai/{article.pk}/xac-nhan/", {
        "organization": cast.commission.pk, "event_date": "31/02/2025", "meeting_type": "tong_ket"}).content.decode()
    assert Meeting._base_manager.count() == 0 and "alert" in page
    page = client.post(f"/hoi-nghi/doc-bai/{article.pk}/xac-nhan/", {
        "organization": cast.commission.pk, "event_date": "12/01/2025", "meeting_type": "tong_ket",
        "report_period": "năm ngoái"}).content.decode()
    assert Meeting._base_manager.count() == 0 and "2020-2025" in page
    # a stale version is refused
    page = client.post(f"/hoi-nghi/doc-bai/{article.pk}/xac-nhan/", {
        "organization": cast.commission.pk, "event_date": "12/01/2025", "meeting_type": "tong_ket",
        "version": article.version + 5}, follow=True).content.decode()
    assert Meeting._base_manager.count() == 0


def test_one_file_is_read_inline_and_many_as_a_job(cast, django_capture_on_commit_callbacks):
    client = login(cast.province)
    html = SimpleUploadedFile("giao-ban.html", (FIXTURES / "b_giao_ban.html").read_bytes())
    response = client.post("/hoi-nghi/doc-bai/", {"organization": cast.commission.pk, "files": [html]})
    article = Article._base_manager.get()
    assert response["Location"] == f"/hoi-nghi/doc-bai/{article.pk}/"
    assert article.newspaper == "Báo Yên Bái điện tử" and article.reading["bridge_points"] == 166
    files = [SimpleUploadedFile(p.name, p.read_bytes()) for p in sorted(FIXTURES.glob("*.txt"))]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/hoi-nghi/doc-bai/", {"organization": cast.commission.pk, "files": files})
    job = Job.objects.get(kind="reader.read")
    assert response["Location"] == f"/cong-viec/{job.pk}/"
    assert job.status == Job.Status.SUCCEEDED and job.done == len(files)
    assert Article._base_manager.filter(job=job).count() == len(files)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("x/c.txt", (FIXTURES / "c_no_year.txt").read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/hoi-nghi/doc-bai/", {"organization": cast.commission.pk,
                                           "files": [SimpleUploadedFile("bai.zip", buffer.getvalue())]})
    assert Article._base_manager.filter(file_name="c.txt").count() == 1


def test_list_search_without_diacritics_and_scope(cast):
    client = login(cast.province)
    client.post("/hoi-nghi/doc-bai/", {"organization": cast.commission.pk, "text": TEXT})
    article = Article._base_manager.get()
    page = client.get("/hoi-nghi/doc-bai/?q=hoa+binh").content.decode()
    assert article.title in page
    page = client.get("/hoi-nghi/doc-bai/?q=tuyen+quang").content.decode()
    assert article.title not in page
    other = login(cast.hue)
    assert article.title not in other.get("/hoi-nghi/doc-bai/").content.decode()
    assert other.get(f"/hoi-nghi/doc-bai/{article.pk}/").status_code == 404
    assert client.get(f"/hoi-nghi/doc-bai/{article.pk}/").status_code == 200


def test_list_filter_refuses_a_bad_status_and_keeps_its_query_count(cast, django_assert_max_num_queries):
    from danvan.reader.domain.articles import read_text

    for n in range(6):
        read_text(actor=cast.province, organization=cast.commission, text=TEXT.replace("Hòa Bình", f"Hòa Bình {n}"))
    client = login(cast.province)
    page = client.get("/hoi-nghi/doc-bai/?status=xoa").content.decode()
    assert "invalid-feedback" in page and "xoa" in page
    with django_assert_max_num_queries(12):
        page = client.get("/hoi-nghi/doc-bai/?status=read").content.decode()
    assert page.count('href="/hoi-nghi/doc-bai/') >= 6


def test_the_meeting_page_shows_the_articles_it_was_confirmed_from(cast):
    from tests.reader.test_confirm import OLD_ARTICLE, confirm, read

    article = read(cast.province, cast.commission, OLD_ARTICLE)
    Article._base_manager.filter(pk=article.pk).update(
        newspaper="Báo Yên Bái", url="https://baoyenbai.example/giao-ban-9-thang.html",
        published=__import__("datetime").date(2021, 10, 13))
    article.refresh_from_db()
    meeting = confirm(cast.province, article, cast.old_commission)
    client = login(cast.province)
    page = client.get(f"/hoi-nghi/{meeting.pk}/").content.decode()
    section = page[page.index('id="sources"'):]
    section = section[: section.index("</section>")]
    assert f'href="/hoi-nghi/doc-bai/{article.pk}/"' in section and article.title in section
    assert "Báo Yên Bái" in section and "13/10/2021" in section
    assert 'href="https://baoyenbai.example/giao-ban-9-thang.html"' in section
    assert 'action="/hoi-nghi/doc-bai/"' in section and 'name="q"' in section
    # the search the panel offers finds the article without diacritics
    assert article.title in client.get("/hoi-nghi/doc-bai/?q=tran+van+dinh").content.decode()
    # a meeting without a confirmed article has no such section
    from django.utils import timezone

    from danvan.meetings.domain import meetings as meeting_actions

    other = meeting_actions.create_meeting(actor=cast.province, organization=cast.commission, kind="giao_ban",
                                           title="Giao ban không có bài viết", starts_at=timezone.now())
    other_page = client.get(f"/hoi-nghi/{other.pk}/").content.decode()
    assert "Giao ban không có bài viết" in other_page and 'id="sources"' not in other_page
    # another province's officer sees neither the meeting nor its sources
    assert login(cast.hue).get(f"/hoi-nghi/{meeting.pk}/").status_code == 404
