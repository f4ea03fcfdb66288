"""The one file mechanism: random names, type checked by content, size limit, scoped serving with
attachment/nosniff headers or X-Accel-Redirect, and no /media/ route."""

import importlib
import io
import zipfile

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver

from danvan.core import files
from danvan.core.domain.jobs import save_result, start_job
from danvan.core.models import Job

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"


def docx_bytes(part="word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name,content,message", [
    ("evil.html", b"<script>alert(1)</script>", "Loại tệp không được chấp nhận"),
    ("evil.svg", b"<svg onload='alert(1)'/>", "Loại tệp không được chấp nhận"),
    ("evil.pdf", b"<html><script>alert(1)</script></html>", "Nội dung tệp không phải là tệp PDF"),
    ("fake.docx", docx_bytes(part="word/evil.html"), "Nội dung tệp không phải là tệp DOCX"),
    ("empty.pdf", b"", "Nội dung tệp không phải là tệp PDF"),
])
def test_check_upload_refuses_by_extension_and_content(name, content, message):
    with pytest.raises(ValidationError) as caught:
        files.check_upload(SimpleUploadedFile(name, content), allowed=files.DOCUMENTS, field="file")
    assert message in caught.value.message_dict["file"][0]


def test_check_upload_accepts_real_documents_and_refuses_above_the_size_setting(settings):
    assert files.check_upload(SimpleUploadedFile("bien-ban.PDF", PDF)) is files.PDF
    assert files.check_upload(SimpleUploadedFile("to-trinh.docx", docx_bytes())) is files.DOCX
    settings.DANVAN_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("lon.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError) as caught:
        files.check_upload(big)
    assert caught.value.message_dict["file"] == ["Tệp nặng 1,0 MB; tối đa 1 MB."]


def test_stored_name_is_random_and_has_no_public_url(db):
    path = files.random_path("meetings", "Báo cáo <script>.PDF")
    folder, year, month, name = path.split("/")
    assert folder == "meetings" and files.RANDOM_NAME.fullmatch(name) and name.endswith(".pdf")
    saved = default_storage.save(path, ContentFile(PDF))
    with pytest.raises(ValueError):
        default_storage.url(saved)


@pytest.mark.parametrize("debug", [False, True])
def test_no_media_route_in_any_mode(settings, debug):
    settings.DEBUG = debug
    module = importlib.import_module("danvan.urls")
    try:
        patterns = [str(p.pattern) for p in importlib.reload(module).urlpatterns]
    finally:
        settings.DEBUG = False
        importlib.reload(module)
    assert "api/v1/" in patterns  # positive control: the walk sees the routes
    assert not any(p.startswith(("media", "^media")) for p in patterns)
    assert get_resolver().resolve("/cong-viec/") is not None


def _job_with_result(user):
    job = Job.objects.create(kind="practices.export", title="Xuất", created_by=user, status=Job.Status.SUCCEEDED)
    save_result(job, name="mo-hinh-dan-van-kheo.xlsx", content=b"PK\x03\x04 ket qua")
    return job


def test_job_result_served_to_its_owner_only_as_attachment(cast):
    from tests.conftest import login

    job = _job_with_result(cast.commune_a)
    assert "mo-hinh" not in job.result_file.name
    response = login(cast.commune_a).get(f"/cong-viec/{job.pk}/tai-ve/")
    assert b"".join(response.streaming_content) == b"PK\x03\x04 ket qua"
    assert response["Content-Disposition"] == 'attachment; filename="mo-hinh-dan-van-kheo.xlsx"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert login(cast.commune_b).get(f"/cong-viec/{job.pk}/tai-ve/").status_code == 404


def test_x_accel_redirect_when_the_prefix_is_set(cast, settings):
    from tests.conftest import login

    job = _job_with_result(cast.commune_a)
    settings.DANVAN_X_ACCEL_PREFIX = "/_protected/"
    response = login(cast.commune_a).get(f"/cong-viec/{job.pk}/tai-ve/")
    assert response["X-Accel-Redirect"] == "/_protected/" + job.result_file.name
    assert response.content == b"" and response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert login(cast.commune_b).get(f"/cong-viec/{job.pk}/tai-ve/").status_code == 404


def test_import_input_kept_under_a_random_name_with_its_own_name_as_data(cast, django_capture_on_commit_callbacks):
    from tests.conftest import login

    with django_capture_on_commit_callbacks(execute=False):
        job = start_job(kind="practices.import", title="Nhập", user=cast.commune_a,
                        input_file=SimpleUploadedFile("Danh sách mô hình.xlsx", b"PK\x03\x04 dau vao"))
    assert job.input_name == "Danh sách mô hình.xlsx" and "Danh" not in job.input_file.name
    response = login(cast.commune_a).get(f"/cong-viec/{job.pk}/tep-dau-vao/")
    assert b"".join(response.streaming_content) == b"PK\x03\x04 dau vao"
    assert "filename*=utf-8''Danh%20s%C3%A1ch" in response["Content-Disposition"]
    assert login(cast.commune_b).get(f"/cong-viec/{job.pk}/tep-dau-vao/").status_code == 404


def test_data_migration_moves_existing_files_to_random_names(cast):
    from tests.meetings.helpers import meeting

    m = meeting(cast.commission)
    old = default_storage.save("meetings/2026/11/bien-ban-hop.pdf", ContentFile(PDF))
    MeetingDocument = apps.get_model("meetings", "MeetingDocument")
    doc = MeetingDocument.objects.create(meeting=m, title="Biên bản", file=old)
    files.forwards_random_names("meetings", "MeetingDocument", "file", "original_name", "meetings")(apps, None)
    doc.refresh_from_db()
    assert doc.original_name == "bien-ban-hop.pdf"
    assert files.RANDOM_NAME.fullmatch(doc.file.name.rsplit("/", 1)[-1]) and doc.file.name.startswith("meetings/")
    assert not default_storage.exists(old) and doc.file.read() == PDF
    files.forwards_random_names("meetings", "MeetingDocument", "file", "original_name", "meetings")(apps, None)
    moved = doc.file.name
    doc.refresh_from_db()
    assert doc.file.name == moved  # a second run leaves random names alone
