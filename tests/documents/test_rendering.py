import datetime
import json

from danvan.documents.rendering import Heading, Paragraph, PartyDocument, Table, render_docx, render_pdf
from tests.reading import docx_text, pdf_text


def make_doc(**changes):
    values = dict(
        superior_body="Tỉnh ủy Lào Cai", issuing_body="Ban Tuyên giáo và Dân vận", number_line="Số 24-BC/BTGDVTU",
        place="Lào Cai", date=datetime.date(2024, 1, 5), doc_type_title="BÁO CÁO",
        summary="Kết quả công tác dân vận 9 tháng năm 2025",
        blocks=[Heading("I. KẾT QUẢ THỰC HIỆN"), Paragraph("Các cấp ủy quán triệt chủ trương của Đảng."),
                Table(columns=["Đơn vị", "Số mô hình", "Tỷ lệ"], rows=[["Xã Bảo Ái", 1134, "36,24%"],
                                                                        ["Phường Yên Bái", 87, 12.5]],
                      numeric_columns={1, 2}, caption="Bảng 1. Mô hình dân vận khéo")],
        signer_authority="T/M BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn Mẫu",
        recipients=["Ban Tuyên giáo và Dân vận Trung ương,", "Lưu Văn phòng."],
    )
    values.update(changes)
    return PartyDocument(**values)


EXPECTED_LINES = [
    "TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 24-BC/BTGDVTU",
    "Lào Cai, ngày 05 tháng 01 năm 2024", "BÁO CÁO", "Kết quả công tác dân vận 9 tháng năm 2025", "-----",
    "I. KẾT QUẢ THỰC HIỆN", "Các cấp ủy quán triệt chủ trương của Đảng.", "Bảng 1. Mô hình dân vận khéo",
    "Đơn vị", "Số mô hình", "Tỷ lệ", "Xã Bảo Ái", "1.134", "36,24%", "Phường Yên Bái", "87", "12,50",
]


def test_docx_contains_every_part_in_order():
    lines = [line for line in docx_text(render_docx(make_doc())).splitlines() if line.strip()]
    assert lines[:len(EXPECTED_LINES)] == EXPECTED_LINES
    assert lines[len(EXPECTED_LINES):] == [
        "Nơi nhận:", "- Ban Tuyên giáo và Dân vận Trung ương,", "- Lưu Văn phòng.",
        "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn Mẫu",
    ]


def test_docx_layout_values():
    from io import BytesIO

    from docx import Document
    from docx.shared import Pt

    doc = Document(BytesIO(render_docx(make_doc())))
    section = doc.sections[0]
    assert [round(length.mm) for length in (section.page_width, section.page_height)] == [210, 297]
    assert [round(length.mm) for length in (section.top_margin, section.bottom_margin, section.left_margin,
                                           section.right_margin)] == [20, 20, 30, 15]
    assert doc.styles["Normal"].font.name == "Times New Roman"
    header = doc.tables[0]
    party = header.rows[0].cells[1].paragraphs[0].runs[0]
    assert (party.text, party.font.size, party.bold, party.underline) == ("ĐẢNG CỘNG SẢN VIỆT NAM", Pt(15), True, True)
    issuing = header.rows[0].cells[0].paragraphs[1].runs[0]
    assert (issuing.font.size, issuing.bold) == (Pt(14), True)
    date_run = header.rows[1].cells[1].paragraphs[0].runs[0]
    assert date_run.italic is True
    figures = doc.tables[1]
    assert figures.rows[1].cells[1].paragraphs[0].alignment == 2  # right
    assert figures.rows[1].cells[0].paragraphs[0].alignment == 0  # left
    label = doc.tables[2].rows[0].cells[0].paragraphs[0].runs[0]
    assert (label.text, label.underline, label.font.size) == ("Nơi nhận:", True, Pt(14))


def test_pdf_contains_every_part():
    text = " ".join(pdf_text(render_pdf(make_doc())).split())  # content, not where lines break
    positions = [text.find(line) for line in [
        "TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 24-BC/BTGDVTU",
        "Lào Cai, ngày 05 tháng 01 năm 2024", "BÁO CÁO", "Kết quả công tác dân vận 9 tháng năm 2025",
        "I. KẾT QUẢ THỰC HIỆN", "Xã Bảo Ái", "1.134", "36,24%", "12,50", "Nơi nhận:", "PHÓ BÍ THƯ", "Nguyễn Văn Mẫu",
    ]]
    assert -1 not in positions, text


def test_pdf_is_a4():
    from io import BytesIO

    from pypdf import PdfReader

    page = PdfReader(BytesIO(render_pdf(make_doc()))).pages[0]
    assert (round(float(page.mediabox.width) / 72 * 25.4), round(float(page.mediabox.height) / 72 * 25.4)) == (210, 297)


def test_layout_override_changes_both_formats(tmp_path, settings):
    override = tmp_path / "layout.json"
    override.write_text(json.dumps({
        "header": {"place_date": {"format": "{place}, {date:%d/%m/%Y}"}},
        "recipients": {"label": "Kính gửi:"},
        "page": {"margin_left_mm": 35},
    }), encoding="utf-8")
    settings.DANVAN_DOCUMENT_LAYOUT = str(override)
    docx = docx_text(render_docx(make_doc()))
    assert "Lào Cai, 05/01/2024" in docx and "Kính gửi:" in docx and "Nơi nhận:" not in docx
    pdf = " ".join(pdf_text(render_pdf(make_doc())).split())
    assert "Lào Cai, 05/01/2024" in pdf and "Kính gửi:" in pdf
    from io import BytesIO

    from docx import Document

    section = Document(BytesIO(render_docx(make_doc()))).sections[0]
    assert [round(section.left_margin.mm), round(section.top_margin.mm)] == [35, 20]  # the rest stays the default


def test_symbol_padding_is_a_layout_value(tmp_path, settings):
    from danvan.documents.layout import format_symbol

    assert format_symbol(number=5, doc_type="BC", organization_symbol="BTGDVTU") == "05-BC/BTGDVTU"
    override = tmp_path / "layout.json"
    override.write_text(json.dumps({"number": {"padding": 1}}), encoding="utf-8")
    settings.DANVAN_DOCUMENT_LAYOUT = str(override)
    assert format_symbol(number=5, doc_type="BC", organization_symbol="BTGDVTU") == "5-BC/BTGDVTU"
