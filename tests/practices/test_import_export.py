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
            "year": 2023}
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
            row(name="Nhà văn hóa", status="Công nhận", level="Cấp cơ sở", decision_number="5-QĐ/ĐU",
                decision_date="20/12/2023", is_outstanding="có")]
    job = upload(cast.commune_a, xlsx(rows), django_capture_on_commit_callbacks)
    assert job.status == Job.Status.SUCCEEDED, job.errors
    assert job.message == "Đã nhập 3 mô hình."
    saved = {p.name: p for p in Practice.objects.unscoped("test reads back").all()}
    assert saved["Camera an ninh"].field == "defense_security" and saved["Camera an ninh"].person_name == "Lò Văn Páo"
    assert (saved["Nhà văn hóa"].status, saved["Nhà văn hóa"].level, saved["Nhà văn hóa"].is_outstanding) == (
        Status.RECOGNIZED, "commune", True)
    assert saved["Hiến đất làm đường"].area == cast.geo.commune_a
    assert PracticeEvent.objects.unscoped("test reads back").filter(action="import").count() == 3


def test_import_reports_every_fault_by_row_and_column_and_saves_nothing(cast, django_capture_on_commit_callbacks):
    rows = [
        row(),
        row(),
        row(),
        row(),
        row(),
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


def test_export_writes_what_is_filtered_in_scope(cast, django_capture_on_commit_callbacks):
    make_practice(cast.front_a, name="Kinh tế A", field="economy")
    make_practice(cast.front_a, name="Văn hóa A", field="culture_society")
    make_practice(cast.front_b, name="Kinh tế B", field="economy")
    with django_capture_on_commit_callbacks(execute=True):
        login(cast.commune_a).post("/mo-hinh/xuat-excel/", {"field": "economy"})
    job = Job.objects.latest("id")
    assert job.status == Job.Status.SUCCEEDED and job.total == 1
    content = login(cast.commune_a).get(f"/cong-viec/{job.pk}/tai-ve/")
    wb = load_workbook(io.BytesIO(b"".join(content.streaming_content)))
    values = list(wb.worksheets[0].iter_rows(values_only=True))
    assert values[0][1] == "Tên mô hình" and [r[1] for r in values[1:]] == ["Kinh tế A"]
    assert values[1][5] == "Kinh tế"


def test_export_bad_filter_starts_nothing(cast):
    response = login(cast.commune_a).post("/mo-hinh/xuat-excel/", {"area": cast.geo.commune_h.pk}, follow=True)
    assert "không thuộc phạm vi" in response.content.decode()
    assert Job.objects.count() == 0
