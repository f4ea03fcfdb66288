"""Exports are read-only: a report's register number is issued only by the explicit POST action, to a
user who may reserve numbers for the report's organization."""

import pytest

from danvan.documents.domain.terms import ensure_default_terms
from danvan.documents.models import IssuedDocument
from danvan.reports.domain.reports import approve_report
from danvan.reports.models import Report
from tests.conftest import login
from tests.reading import docx_text


def _register():
    return list(IssuedDocument.objects.unscoped("test reads back").values_list("symbol", "issued_on"))


def _number(report):
    return Report.objects.unscoped("test reads back").get(pk=report.pk).number_line


@pytest.fixture
def approved(rep):
    ensure_default_terms()
    approve_report(rep.p25, actor=rep.cast.leader)
    return rep.p25


@pytest.mark.parametrize("user", ["leader", "admin"])
def test_exports_never_issue_a_number(rep, approved, user):
    client = login(getattr(rep.cast, user))  # the quản trị may read the report but not reserve numbers
    for fmt in ("docx", "pdf", "xlsx", "docx"):
        response = client.get(f"/bao-cao/{approved.pk}/xuat/{fmt}/")
        assert response.status_code == 200 and response.content
    text = docx_text(client.get(f"/bao-cao/{approved.pk}/xuat/docx/").content)
    assert "Số    -BC/BTGDVTU" in text and "BÁO CÁO" in text
    assert (_register(), _number(approved)) == ([], "")


def test_number_issued_once_by_the_post_action_then_printed(rep, approved):
    client = login(rep.cast.leader)
    page = client.get(f"/bao-cao/{approved.pk}/").content.decode()
    assert f'action="/bao-cao/{approved.pk}/cap-so/"' in page
    client.post(f"/bao-cao/{approved.pk}/cap-so/", {"issued_on": "05/10/2025"})
    client.post(f"/bao-cao/{approved.pk}/cap-so/", {"issued_on": "06/10/2025"})  # never a second number
    assert _number(approved) == "Số 01-BC/BTGDVTU"
    assert [s for s, _day in _register()] == ["01-BC/BTGDVTU"]
    assert "Số 01-BC/BTGDVTU" in docx_text(client.get(f"/bao-cao/{approved.pk}/xuat/docx/").content)
    assert f'action="/bao-cao/{approved.pk}/cap-so/"' not in client.get(f"/bao-cao/{approved.pk}/").content.decode()


def test_number_refused_to_a_user_who_may_not_reserve_and_404_out_of_scope(rep, approved):
    page = login(rep.cast.admin).get(f"/bao-cao/{approved.pk}/").content.decode()
    assert f'action="/bao-cao/{approved.pk}/cap-so/"' not in page
    response = login(rep.cast.admin).post(f"/bao-cao/{approved.pk}/cap-so/", {"issued_on": "05/10/2025"},
                                          follow=True)
    assert "Bạn không được lấy số văn bản" in response.content.decode()
    assert login(rep.cast.hue).post(f"/bao-cao/{approved.pk}/cap-so/", {"issued_on": "05/10/2025"}).status_code == 404
    assert login(rep.cast.leader).get(f"/bao-cao/{approved.pk}/cap-so/").status_code == 405  # a GET never writes
    assert (_register(), _number(approved)) == ([], "")


def test_number_on_a_date_no_term_covers_is_a_message_not_a_500(rep, approved):
    response = login(rep.cast.leader).post(f"/bao-cao/{approved.pk}/cap-so/", {"issued_on": "01/10/2030"},
                                           follow=True)
    assert response.status_code == 200
    assert "01/10/2030" in response.content.decode()
    response = login(rep.cast.leader).post(f"/bao-cao/{approved.pk}/cap-so/", {"issued_on": "31/02/2026"},
                                           follow=True)
    assert "Ngày ban hành: hãy nhập ngày theo dạng dd/mm/yyyy." in response.content.decode()
    assert (_register(), _number(approved)) == ([], "")


def test_number_only_for_an_approved_report(rep):
    ensure_default_terms()
    response = login(rep.cast.leader).post(f"/bao-cao/{rep.p25.pk}/cap-so/", {"issued_on": "05/10/2025"},
                                           follow=True)
    assert "Chỉ báo cáo đã duyệt" in response.content.decode()
    assert (_register(), _number(rep.p25)) == ([], "")


def test_report_numbered_with_its_signer_read_back_in_docx_and_pdf(rep, approved):
    from danvan.documents.domain.signers import set_default_signer
    from tests.reading import pdf_text

    set_default_signer(actor=None, organization=approved.organization, doc_type="BC", authority="K/T",
                       on_behalf_of="Trưởng ban", title="Phó Trưởng ban", name="Giàng Seo Phử")
    client = login(rep.cast.leader)
    draft = docx_text(client.get(f"/bao-cao/{approved.pk}/xuat/docx/").content).splitlines()
    assert draft[0] == "DỰ THẢO" and draft[-1] == "Giàng Seo Phử"  # the preview: marked, the default signer
    page = client.get(f"/bao-cao/{approved.pk}/").content.decode()
    assert 'value="Giàng Seo Phử"' in page  # the number form offers the default signer
    client.post(f"/bao-cao/{approved.pk}/cap-so/", {"issued_on": "05/10/2025", "authority": "TL",
                                                    "on_behalf_of": "Ban Thường vụ", "signer_title": "Chánh Văn phòng",
                                                    "signer_name": "Vi Thị Én"})
    entry = IssuedDocument.objects.unscoped("test reads back").get()
    assert (entry.signer_authority, entry.signer_title, entry.signer_name) == (
        "TL. BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Vi Thị Én")
    lines = docx_text(client.get(f"/bao-cao/{approved.pk}/xuat/docx/").content).splitlines()
    assert "DỰ THẢO" not in lines
    assert lines[:6] == ["TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
                         "Số 01-BC/BTGDVTU", "Lào Cai, ngày 05 tháng 10 năm 2025"]
    assert lines[6] == "BÁO CÁO" and lines[7].startswith("Kết quả")
    assert "Nơi nhận:" in lines and "- Tỉnh ủy Lào Cai (b/c)," in lines
    assert lines.index("TL. BAN THƯỜNG VỤ") + 1 == lines.index("CHÁNH VĂN PHÒNG") and lines[-1] == "Vi Thị Én"
    pdf = " ".join(pdf_text(client.get(f"/bao-cao/{approved.pk}/xuat/pdf/").content).split())
    for part in ("TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "Số 01-BC/BTGDVTU", "Lào Cai, ngày 05 tháng 10 năm 2025",
                 "BÁO CÁO", "Nơi nhận:", "TL. BAN THƯỜNG VỤ CHÁNH VĂN PHÒNG", "Vi Thị Én"):
        assert part in pdf, part
    assert "DỰ THẢO" not in pdf
