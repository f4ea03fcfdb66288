"""Meeting documents and task evidence: checked by content and size, stored under random names,
served only through scoped views (never a /media/ link)."""

import datetime
import re

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.meetings.models import MeetingDocument
from tests.conftest import login
from tests.meetings.helpers import conclusion, meeting, task

PDF = b"%PDF-1.4 bien ban hoi nghi"


def _add(client, m, name, content):
    return client.post(f"/hoi-nghi/{m.pk}/tai-lieu/", {"title": "Tài liệu hội nghị",
                                                     "file": SimpleUploadedFile(name, content)}, follow=True)


def test_meeting_document_refuses_html_svg_disguised_and_oversized_files(cast, settings):
    m = meeting(cast.commission)
    client = login(cast.province)
    for name, content in [("evil.html", b"<script>alert(document.cookie)</script>"),
                          ("evil.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
                          ("evil.pdf", b"<html><script>alert(1)</script></html>")]:
        page = _add(client, m, name, content).content.decode()
        assert "Loại tệp không được chấp nhận" in page or "Nội dung tệp không phải là tệp PDF" in page, name
    settings.DANVAN_MAX_UPLOAD_MB = 1
    page = _add(client, m, "lon.pdf", PDF + b"0" * (2 * 1024 * 1024)).content.decode()
    assert "tối đa 1 MB" in page
    assert MeetingDocument.objects.unscoped("test reads back").count() == 0
    settings.DANVAN_MAX_UPLOAD_MB = 10
    _add(client, m, "bien-ban.pdf", PDF)  # positive control: a real PDF is accepted
    assert MeetingDocument.objects.unscoped("test reads back").get().original_name == "bien-ban.pdf"


def test_meeting_document_is_stored_randomly_and_served_in_scope_only(cast):
    m = meeting(cast.commission)
    client = login(cast.province)
    page = _add(client, m, "Bien ban hoi nghi.pdf", PDF).content.decode()
    doc = MeetingDocument.objects.unscoped("test reads back").get()
    assert "Bien" not in doc.file.name and doc.file.name.startswith("meetings/")
    link = f"/hoi-nghi/tai-lieu/{doc.pk}/tai-ve/"
    assert link in page and "/media/" not in page
    response = client.get(link)
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="Bien ban hoi nghi.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff" and response["Content-Type"] == "application/pdf"
    assert login(cast.commune_b).get(link).status_code == 404
    assert login(cast.hue).get(link).status_code == 404


def test_task_evidence_link_answers_for_the_assignee_and_organizer_only(cast):
    m = meeting(cast.commission)
    t = task(conclusion(m), [cast.front_a], due=datetime.date(2026, 6, 30))
    assignee = login(cast.commune_a)
    assignee.post(f"/hoi-nghi/nhiem-vu/{t.pk}/cap-nhat/", {
        "on": "10/06/2026", "status": "in_progress", "progress": "40", "note": "Đã họp dân", "version": t.version,
        "evidence": SimpleUploadedFile("minh-chung.pdf", PDF)})
    update = t.updates.get()
    assert update.evidence_name == "minh-chung.pdf" and "minh-chung" not in update.evidence.name
    page = assignee.get(f"/hoi-nghi/nhiem-vu/{t.pk}/").content.decode()
    link = re.search(r'href="([^"]+)">minh chứng', page).group(1)
    assert link == f"/hoi-nghi/nhiem-vu/minh-chung/{update.pk}/"
    for user in (cast.commune_a, cast.province):
        response = login(user).get(link)
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"] == 'attachment; filename="minh-chung.pdf"'
    assert login(cast.commune_b).get(link).status_code == 404
    assert login(cast.hue).get(link).status_code == 404
