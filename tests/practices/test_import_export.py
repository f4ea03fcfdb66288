import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from danvan.core.models import Job
from danvan.practices.interfaces.columns import IMPORT_COLUMNS
from danvan.practices.models import Practice, PracticeEvent, Status
from tests.conftest import login
from tests.practices.conftest import make_practice

HEADER = [str(c.label) for c in IMPORT_COLUMNS]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def row(**values):
    base = {"name": "Mô hình dân vận khéo", "field": "Kinh tế", "organization": "Ủy ban MTTQ Việt Nam xã Bảo Ái",
            "year": 2023, "situation": "Đường thôn lầy lội", "goals": "Bê tông hóa 2 km",
            "content": "Vận động nhân dân hiến đất"}
    base.update(values)
    return [base.get(c.key) for c in IMPORT_COLUMNS]


def xlsx(rows, header=HEADER) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    buffer = io.BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile("mo-hinh.xlsx", buffer.getvalue())


def upload(user, file, django_capture_on_commit_callbacks) -> Job:
    with django_capture_on_commit_callbacks(execute=True):
        response = login(user).post("/mo-hinh/nhap-excel/", {"file": file})
    assert response.status_code == 302
    return Job.objects.latest("id")


def test_template_has_the_columns_and_scope_lists(cast):
    response = login(cast.commune_a).get("/mo-hinh/nhap-excel/mau/")
    wb = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in wb.worksheets[0][1]] == HEADER
    assert HEADER[:2] == ["Tên mô hình", "Loại"]
    guide = [r[0] for r in wb.worksheets[1].iter_rows(values_only=True)]
    assert "Ủy ban MTTQ Việt Nam xã Bảo Ái" in guide and "Ủy ban MTTQ Việt Nam phường Yên Bái" not in guide


def test_import_saves_every_row(cast, django_capture_on_commit_callbacks):
    rows = [row(name="Hiến đất làm đường"), row(name="Camera an ninh", field="quoc phong an ninh",
                                                 holder="Cá nhân", person_name="Lò Văn Páo"),
            row(name="Nhà văn hóa", status="Đang thực hiện", beneficiaries="1.250")]
    job = upload(cast.commune_a, xlsx(rows), django_capture_on_commit_callbacks)
    assert job.status == Job.Status.SUCCEEDED, job.errors
    assert job.message == "Đã nhập 3 mô hình."
    saved = {p.name: p for p in Practice.objects.unscoped("test reads back").all()}
    assert saved["Camera an ninh"].field == "defense_security" and saved["Camera an ninh"].person_name == "Lò Văn Páo"
    assert (saved["Nhà văn hóa"].status, saved["Nhà văn hóa"].beneficiaries) == (Status.IN_PROGRESS, 1250)
    assert saved["Hiến đất làm đường"].area == cast.geo.commune_a
    assert PracticeEvent.objects.unscoped("test reads back").filter(action="import").count() == 3
    assert {p.import_job_id for p in saved.values()} == {job.pk}


def test_import_reports_every_fault_by_row_and_column_and_saves_nothing(cast, django_capture_on_commit_callbacks):
    rows = [
        row(name="Mô hình 1"),
        row(name="Mô hình 2"),
        row(name="Mô hình 3"),
        row(name="Mô hình 4"),
        row(name="Mô hình 5"),
        row(field="kinh tê"),                                           # row 7
        row(organization="Ủy ban MTTQ Việt Nam phường Yên Bái"),        # row 8: out of scope
        row(year="năm ngoái", holder="Cá nhân"),                        # row 9: two faults
        row(is_outstanding="có"),                                        # row 10
        row(area=cast.geo.commune_h.pk, name=""),                        # row 11
    ]
    job = upload(cast.commune_a, xlsx(rows), django_capture_on_commit_callbacks)
    assert job.status == Job.Status.FAILED
    assert job.message == "Chưa nhập dữ liệu nào: có 6 lỗi. Hãy sửa rồi nhập lại tệp."
    messages = [e["message"] for e in job.errors]
    assert "Dòng 7, cột 'Lĩnh vực': 'kinh tê' không phải là lĩnh vực hợp lệ" in messages
    assert ("Dòng 8, cột 'Tổ chức đăng ký': 'Ủy ban MTTQ Việt Nam phường Yên Bái' không phải là tổ chức trong "
            "phạm vi của bạn") in messages
    assert "Dòng 9, cột 'Năm': 'năm ngoái' không phải là số nguyên" in messages
    assert "Dòng 9, cột 'Người thực hiện (nếu là cá nhân)': mô hình cá nhân cần có họ tên người thực hiện" not in messages
    assert "Dòng 10, cột 'Tiêu biểu': chỉ mô hình đã công nhận mới được chọn tiêu biểu" in messages
    assert f"Dòng 11, cột 'Mã địa bàn': mã địa bàn {cast.geo.commune_h.pk} không thuộc phạm vi của bạn" in messages
    assert "Dòng 11, cột 'Tên mô hình': đang để trống; hãy nhập tên mô hình" in messages
    assert [(e["row"], e["column"]) for e in job.errors][:1] == [(7, "Lĩnh vực")]
    assert Practice.objects.unscoped("test reads back").count() == 0


def test_import_with_a_missing_column_or_a_non_excel_file(cast, django_capture_on_commit_callbacks):
    job = upload(cast.commune_a, xlsx([row()], header=HEADER[1:]), django_capture_on_commit_callbacks)
    assert job.status == Job.Status.FAILED and job.errors[0]["message"] == "Dòng 1: thiếu cột 'Tên mô hình'"
    response = login(cast.commune_a).post("/mo-hinh/nhap-excel/", {"file": SimpleUploadedFile("a.csv", b"x,y")})
    assert "Hãy chọn tệp .xlsx" in response.content.decode()
    assert Practice.objects.unscoped("test reads back").count() == 0


def _sheet(content: bytes):
    return list(load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True))


def test_export_writes_what_is_filtered_in_scope(cast):
    """At most DANVAN_EXPORT_INLINE_MAX rows: the file comes back at once, no job."""
    make_practice(cast.front_a, name="Kinh tế A", field="economy")
    make_practice(cast.front_a, name="Văn hóa A", field="culture_society")
    make_practice(cast.front_b, name="Kinh tế B", field="economy")
    response = login(cast.commune_a).post("/mo-hinh/xuat-excel/", {"field": "economy"})
    assert response["Content-Disposition"].startswith('attachment; filename="mo-hinh-dan-van-kheo-')
    values = _sheet(response.content)
    assert values[0][1] == "Tên mô hình" and [r[1] for r in values[1:]] == ["Kinh tế A"]
    assert values[1][5] == "Kinh tế"
    assert Job.objects.count() == 0


def test_export_above_the_threshold_runs_as_a_job_with_every_row(cast, settings,
                                                                   django_capture_on_commit_callbacks):
    """Above the threshold the export is a background job that writes every row (no silent cap)."""
    settings.DANVAN_EXPORT_INLINE_MAX = 2
    for name in ("Mô hình Ba", "Mô hình Một", "Mô hình Hai"):
        make_practice(cast.front_a, name=name, field="economy")
    make_practice(cast.front_b, name="Mô hình khác", field="economy")
    with django_capture_on_commit_callbacks(execute=True):
        response = login(cast.commune_a).post("/mo-hinh/xuat-excel/", {"sort": "name"})
    job = Job.objects.get()
    assert response.url == f"/cong-viec/{job.pk}/"
    assert job.kind == "core.list_export" and job.status == Job.Status.SUCCEEDED
    assert (job.total, job.done) == (3, 3) and job.message == "Đã xuất 3 dòng."
    content = login(cast.commune_a).get(f"/cong-viec/{job.pk}/tai-ve/")
    values = _sheet(b"".join(content.streaming_content))
    assert [r[1] for r in values[1:]] == ["Mô hình Ba", "Mô hình Hai", "Mô hình Một"]


def test_export_bad_filter_starts_nothing(cast):
    response = login(cast.commune_a).post("/mo-hinh/xuat-excel/", {"area": cast.geo.commune_h.pk}, follow=True)
    assert "không thuộc phạm vi" in response.content.decode()
    assert Job.objects.count() == 0


def _faults(job):
    return {(e["row"], e["column"]): e["message"] for e in job.errors}


def test_commune_officer_cannot_import_what_it_could_not_create_by_hand(cast, django_capture_on_commit_callbacks):
    """Issue 8 §2 / 9 §1: a commune officer imported a "recognized, central level, outstanding,
    decided 01/01/2099" model that the domain refuses to that user."""
    rows = [row(name="Mô hình tự công nhận", status="Công nhận", level="Cấp trung ương", is_outstanding="có",
                decision_number="01-QĐ/TW", decision_date="01/01/2099"),
            row(name="Mô hình tự đánh giá", status="Đã đánh giá")]
    job = upload(cast.commune_a, xlsx(rows), django_capture_on_commit_callbacks)
    assert job.status == Job.Status.FAILED
    faults = _faults(job)
    assert faults[(2, "Trạng thái")] == (
        "Dòng 2, cột 'Trạng thái': chỉ lãnh đạo Ban Dân vận (Ban Tuyên giáo và Dân vận) hoặc cấp ủy có địa bàn "
        "bao gồm mô hình này mới được quyết định công nhận")
    assert faults[(2, "Ngày quyết định")] == "Dòng 2, cột 'Ngày quyết định': ngày quyết định không được sau ngày hôm nay"
    assert faults[(2, "Tiêu biểu")].startswith("Dòng 2, cột 'Tiêu biểu': chỉ lãnh đạo Ban Dân vận")
    assert faults[(3, "Trạng thái")].startswith("Dòng 3, cột 'Trạng thái': chỉ Ban Dân vận")
    assert Practice.objects.unscoped("test reads back").count() == 0


def test_a_covering_leader_imports_a_recognition_at_its_own_level_only(cast, commune_party,
                                                                        django_capture_on_commit_callbacks):
    recognized = row(name="Nhà văn hóa", status="Công nhận", level="Cấp cơ sở", decision_number="5-QĐ/ĐU",
                     decision_date="20/12/2023", is_outstanding="có")
    provincial = row(name="Nhà văn hóa cấp tỉnh", status="Công nhận", level="Cấp tỉnh", decision_number="6-QĐ/TU",
                     decision_date="20/12/2023")
    job = upload(commune_party.leader, xlsx([recognized, provincial]), django_capture_on_commit_callbacks)
    assert job.status == Job.Status.FAILED and Practice.objects.unscoped("test reads back").count() == 0
    assert list(_faults(job)) == [(3, "Cấp công nhận")]
    job = upload(commune_party.leader, xlsx([recognized]), django_capture_on_commit_callbacks)
    assert job.status == Job.Status.SUCCEEDED, job.errors
    p = Practice.objects.unscoped("test reads back").get()
    assert (p.status, p.level, p.is_outstanding, p.created_by) == (Status.RECOGNIZED, "commune", True,
                                                                    commune_party.leader)


def test_the_same_file_imported_twice_adds_nothing(cast, django_capture_on_commit_callbacks):
    file = [row(name="Hiến đất làm đường"), row(name="Camera an ninh")]
    first = upload(cast.commune_a, xlsx(file), django_capture_on_commit_callbacks)
    second = upload(cast.commune_a, xlsx(file + [row(name="Tổ tự quản")]), django_capture_on_commit_callbacks)
    assert first.message == "Đã nhập 2 mô hình."
    assert second.message == "Đã nhập 1 mô hình. Bỏ qua 2 dòng đã nhập từ trước."
    assert sorted(Practice.objects.unscoped("test reads back").values_list("name", flat=True)) == ["Camera an ninh", "Hiến đất làm đường",
                                                                         "Tổ tự quản"]
    repeated = upload(cast.commune_a, xlsx([row(name="Lặp"), row(name="Lặp")]), django_capture_on_commit_callbacks)
    assert _faults(repeated) == {(3, "Tên mô hình"): "Dòng 3, cột 'Tên mô hình': trùng với dòng 2"}


def test_fractions_infinity_and_formulas_get_a_row_and_column_message(cast, django_capture_on_commit_callbacks):
    rows = [row(year=2026.7), row(beneficiaries="∞"), row(year="=2020+3"), row(beneficiaries="2026,7"),
            row(name="Đúng")]
    job = upload(cast.commune_a, xlsx(rows), django_capture_on_commit_callbacks)
    assert job.status == Job.Status.FAILED and Practice.objects.unscoped("test reads back").count() == 0
    assert _faults(job) == {
        (2, "Năm"): "Dòng 2, cột 'Năm': '2026,7' không phải là số nguyên",
        (3, "Số người hưởng lợi"): "Dòng 3, cột 'Số người hưởng lợi': '∞' không phải là số nguyên",
        (4, "Năm"): "Dòng 4, cột 'Năm': chứa công thức (=2020+3); hãy nhập chính giá trị",
        (5, "Số người hưởng lợi"): "Dòng 5, cột 'Số người hưởng lợi': '2026,7' không phải là số nguyên",
    }


def test_an_infinite_number_cell_is_a_row_error_not_a_crash(cast):
    from danvan.practices.interfaces.importer import Importer

    errors = []
    cells = dict(zip([c.key for c in IMPORT_COLUMNS], row(beneficiaries=float("inf")), strict=True))
    assert Importer(cast.commune_a).parse_row(cells, errors, 7) is None
    assert [e["message"] for e in errors] == ["Dòng 7, cột 'Số người hưởng lợi': '∞' không phải là một số hữu hạn"]


def test_more_rows_than_the_limit_is_refused(cast, settings, django_capture_on_commit_callbacks):
    settings.DANVAN_IMPORT_MAX_ROWS = 2
    job = upload(cast.commune_a, xlsx([row(name=f"Mô hình {i}") for i in range(3)]),
                 django_capture_on_commit_callbacks)
    assert job.status == Job.Status.FAILED and Practice.objects.unscoped("test reads back").count() == 0
    assert job.message == "Tệp có hơn 2 dòng dữ liệu, mức tối đa của một lần nhập. Hãy chia thành nhiều tệp."
    job = upload(cast.commune_a, xlsx([row(name=f"Mô hình {i}") for i in range(2)]),
                 django_capture_on_commit_callbacks)
    assert job.status == Job.Status.SUCCEEDED and Practice.objects.unscoped("test reads back").count() == 2


def test_a_failure_in_a_later_batch_removes_the_earlier_batches(cast, monkeypatch,
                                                                 django_capture_on_commit_callbacks):
    from danvan.practices.interfaces import importer

    real, calls = importer.save_batch, []

    def second_batch_fails(**kwargs):
        calls.append(len(kwargs["practices"]))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr(importer, "BATCH", 2)
    monkeypatch.setattr(importer, "save_batch", second_batch_fails)
    job = upload(cast.commune_a, xlsx([row(name=f"Mô hình {i}") for i in range(5)]),
                 django_capture_on_commit_callbacks)
    assert calls == [2, 2]
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "disk full" in job.message
    assert Practice.objects.unscoped("test reads back").count() == 0 and PracticeEvent.objects.unscoped("test reads back").count() == 0


def test_a_job_whose_worker_died_is_marked_failed_undone_and_can_be_run_again(cast,
                                                                              django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    from danvan.core.domain.jobs import mark_stale_jobs, start_job

    with django_capture_on_commit_callbacks(execute=False):
        job = start_job(kind="practices.import", title="Nhập mô hình", user=cast.commune_a,
                        input_file=xlsx([row(name="Hiến đất làm đường"), row(name="Camera an ninh")]))
    beat = timezone.now() - datetime.timedelta(hours=1)  # its last sign of life
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=beat, heartbeat_at=beat,
                                         done=1, total=2)
    half = make_practice(cast.front_a, name="Hiến đất làm đường")  # what the dead worker had written
    Practice.objects.unscoped("test reads back").filter(pk=half.pk).update(import_job=job)
    page = login(cast.commune_a).get(f"/cong-viec/{job.pk}/").content.decode()
    assert "Đã dừng" in page and "Chạy lại" in page  # seen as stopped (the page itself writes nothing)
    assert Job.objects.get(pk=job.pk).status == Job.Status.RUNNING
    assert mark_stale_jobs(now=beat + datetime.timedelta(minutes=4)) == 0  # within DANVAN_JOB_STALE_SECONDS
    assert mark_stale_jobs(now=beat + datetime.timedelta(minutes=6)) == 1
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "Chạy lại" in job.message and Practice.objects.unscoped("test reads back").count() == 0
    assert login(cast.commune_b).post(f"/cong-viec/{job.pk}/chay-lai/").status_code == 404
    assert Job.objects.get(pk=job.pk).status == Job.Status.FAILED
    with django_capture_on_commit_callbacks(execute=True):
        login(cast.commune_a).post(f"/cong-viec/{job.pk}/chay-lai/")
    job.refresh_from_db()
    assert (job.status, job.message, job.attempts) == (Job.Status.SUCCEEDED, "Đã nhập 2 mô hình.", 1)
    assert sorted(Practice.objects.unscoped("test reads back").values_list("name", flat=True)) == ["Camera an ninh", "Hiến đất làm đường"]


def test_the_import_job_shows_a_total_while_it_checks_the_rows(cast):
    """The checking pass reports "row n of N" (N from the sheet's declared size), then the writing pass
    restarts at 0 of the rows to save: the job page never shows "0 of 0" for minutes."""
    from danvan.practices.interfaces.importer import import_file

    calls = []

    class Spy:
        def set_total(self, total):
            calls.append(("total", total))

        def restart(self, total):
            calls.append(("restart", total))

        def advance(self, steps=1, force=False):
            calls.append(("advance", steps))

    upload = xlsx([row(name="Hiến đất làm đường"), row(name="Camera an ninh"), row(name="Thắp sáng đường quê")])
    saved, skipped = import_file(cast.commune_a, io.BytesIO(upload.read()), progress=Spy())
    assert (saved, skipped) == (3, 0)
    assert calls[0] == ("total", 3)
    assert calls[1:4] == [("advance", 1)] * 3
    assert calls[4] == ("restart", 3)
