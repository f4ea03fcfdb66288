"""Narratives written in the rich-text editor (or pasted from Word, or sent through the API): cleaned
when saved, shown with their lists, tables and line breaks on the report page, and carried into the
DOCX and PDF documents (read back)."""

import io

from django.test import Client
from docx import Document

from danvan.reports.domain.periods import get_period
from danvan.reports.domain.reports import create_report, save_report
from danvan.reports.models import Report, ReportNarrative
from tests.conftest import bearer, login
from tests.core.test_rich_text import WORD
from tests.reading import docx_text, pdf_text

NARRATIVE = ("<p><strong>Kết quả nổi bật</strong></p>"
             "<ul><li>Vận động 42 hộ hiến đất<ul><li>Làm 1,2 km đường</li></ul></li><li>Ba buổi đối thoại</li></ul>"
             "<ol><li>Khảo sát</li><li>Họp dân</li></ol>"
             "<table><thead><tr><th>Thôn</th><th>Số hộ</th><th>Ghi chú</th></tr></thead>"
             '<tbody><tr><td>Khe Lếch</td><td>42</td><td rowspan="2">hiến đất</td></tr>'
             '<tr><td>Nậm Lúc</td><td>17</td></tr><tr><td colspan="2">Cộng</td><td>59</td></tr></tbody></table>'
             "<p>Dòng một<br>Dòng hai</p>")


def _report(rep):
    report = create_report(actor=rep.cast.commune_a, form=rep.form, period=get_period("month", 2025, 10),
                           organization=rep.cast.front_a)
    save_report(report, actor=rep.cast.commune_a, expected_version=report.version, values={},
                narratives={"DANG": NARRATIVE + '<p onclick="x()">x<script>alert(1)</script></p>'})
    return Report.objects.unscoped("test reads back").get(pk=report.pk)


def test_a_narrative_with_a_table_and_lists_is_kept_and_shown(rep):
    report = _report(rep)
    stored = ReportNarrative.objects.unscoped("test reads back").get(report=report, section__code="DANG").html
    assert stored == NARRATIVE + "<p>x</p>"
    body = login(rep.cast.commune_a).get(f"/bao-cao/{report.pk}/").content.decode()
    assert NARRATIVE in body
    assert "onclick" not in body and "alert(1)" not in body


def test_a_narrative_saved_as_plain_text_keeps_its_line_breaks_on_the_page(rep):
    report = _report(rep)
    ReportNarrative.objects.unscoped("test writes an old row").filter(report=report).update(
        html="Dòng một\nDòng hai\n\nĐoạn hai")
    body = login(rep.cast.commune_a).get(f"/bao-cao/{report.pk}/").content.decode()
    assert '<div class="dv-narrative"><p>Dòng một<br>Dòng hai</p>\n\n<p>Đoạn hai</p></div>' in body


def test_the_edit_page_offers_the_editor_from_this_server(rep):
    report = _report(rep)
    body = login(rep.cast.commune_a).get(f"/bao-cao/{report.pk}/sua/").content.decode()
    assert '<script src="/static/vendor/tinymce/tinymce.min.js"></script>' in body
    assert '<script src="/static/danvan/rich-text.js"></script>' in body
    assert body.count("data-rich-text") == report.form_version.sections.filter(has_narrative=True).count()
    assert "&lt;strong&gt;Kết quả nổi bật&lt;/strong&gt;" in body  # the stored HTML, in the text area
    # typed with JavaScript off: a plain text area; the line breaks are kept
    login(rep.cast.commune_a).post(f"/bao-cao/{report.pk}/sua/", {"version": report.version, "n_DANG": "Một\r\nHai"})
    assert ReportNarrative.objects.unscoped("test reads back").get(report=report, section__code="DANG").html == \
        "<p>Một<br>Hai</p>"


def test_a_word_paste_through_the_api_is_cleaned(rep):
    report = _report(rep)
    client, headers = Client(), bearer(rep.cast.commune_a)
    answer = client.put(f"/api/v1/reports/{report.pk}/values",
                        {"version": report.version, "values": {}, "narratives": {"DANG": WORD}},
                        content_type="application/json", **headers)
    assert answer.status_code == 200, answer.content
    html = ReportNarrative.objects.unscoped("test reads back").get(report=report, section__code="DANG").html
    assert "<ol><li>Khảo sát</li><li>Họp dân</li></ol>" in html
    assert "mso" not in html and "style" not in html and "<o:p>" not in html and "onclick" not in html


def test_the_documents_carry_the_table_and_the_lists(rep):
    report = _report(rep)
    client = login(rep.cast.commune_a)
    data = client.get(f"/bao-cao/{report.pk}/xuat/docx/").content
    text = docx_text(data)
    assert "Kết quả nổi bật\n- Vận động 42 hộ hiến đất\n+ Làm 1,2 km đường\n- Ba buổi đối thoại\n" \
           "1. Khảo sát\n2. Họp dân\n" in text
    assert "Dòng một\nDòng hai" in text
    table = next(t for t in Document(io.BytesIO(data)).tables if t.rows[0].cells[0].text == "Thôn")
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Thôn", "Số hộ", "Ghi chú"], ["Khe Lếch", "42", "hiến đất"], ["Nậm Lúc", "17", ""], ["Cộng", "", "59"]]
    bold = [p for p in Document(io.BytesIO(data)).paragraphs if p.text == "Kết quả nổi bật"]
    assert bold and bold[0].runs[0].bold
    pdf = " ".join(pdf_text(client.get(f"/bao-cao/{report.pk}/xuat/pdf/").content).split())
    for part in ("Kết quả nổi bật", "- Vận động 42 hộ hiến đất", "+ Làm 1,2 km đường", "1. Khảo sát",
                 "2. Họp dân", "Thôn Số hộ Ghi chú", "Khe Lếch 42 hiến đất", "Nậm Lúc 17", "Cộng 59",
                 "Dòng một Dòng hai"):
        assert part in pdf, part
