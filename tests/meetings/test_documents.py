import datetime

from danvan.awards.models import AwardKind
from danvan.documents.models import IssuedDocument
from danvan.meetings.domain.bridge import add_bridge_points
from danvan.meetings.domain.meetings import add_contribution, add_role
from tests.conftest import login
from tests.meetings.helpers import conclusion, meeting, person
from tests.reading import docx_text, pdf_text


def _meeting(cast):
    m = meeting(cast.commission, title="Hội nghị tổng kết công tác dân vận năm 2025", kind="tong_ket",
                day=datetime.date(2026, 1, 8), venue="Hội trường Tỉnh ủy")
    add_role(actor=None, meeting=m, person=person(cast.party, name="Hà Đức Minh", title="Phó Bí thư Tỉnh ủy"),
             role="chi_dao")
    add_contribution(actor=None, meeting=m, organization=cast.front_a, speaker="Đ/c Chủ tịch", summary="Kinh nghiệm tổ tự quản")
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.laocai, expected=40)
    conclusion(m, "Tiếp tục nhân rộng mô hình Dân vận khéo")
    conclusion(m, "Nắm chắc tình hình Nhân dân ở cơ sở")
    return m


def test_invitation_docx_and_pdf_read_back(cast):
    m = _meeting(cast)
    client = login(cast.province)
    docx = docx_text(client.get(f"/hoi-nghi/{m.pk}/van-ban/invitation.docx").content)
    assert "GIẤY MỜI" in docx and "Hội trường Tỉnh ủy" in docx and "TỈNH ỦY LÀO CAI" in docx
    assert "Xã Bảo Ái" in docx
    pdf = " ".join(pdf_text(client.get(f"/hoi-nghi/{m.pk}/van-ban/invitation.pdf").content).split())
    assert "GIẤY MỜI" in pdf and "Hội nghị tổng kết công tác dân vận năm 2025" in pdf


def test_numbered_notice_of_conclusions(cast, term_covering_today):
    m = _meeting(cast)
    client = login(cast.province)
    client.post(f"/hoi-nghi/{m.pk}/van-ban/conclusions/cap-so/")
    client.post(f"/hoi-nghi/{m.pk}/van-ban/conclusions/cap-so/")  # once only
    entry = IssuedDocument.objects.unscoped("test reads back").get()
    assert (entry.doc_type, entry.number) == ("TB", 1)
    text = docx_text(client.get(f"/hoi-nghi/{m.pk}/van-ban/conclusions.docx").content)
    assert entry.number_line in text and "THÔNG BÁO" in text
    assert "1. Tiếp tục nhân rộng mô hình Dân vận khéo" in text and "2. Nắm chắc tình hình Nhân dân ở cơ sở" in text


def test_minutes_has_people_contributions_and_conclusions(cast):
    m = _meeting(cast)
    text = " ".join(pdf_text(login(cast.province).get(f"/hoi-nghi/{m.pk}/van-ban/minutes.pdf").content).split())
    assert "BIÊN BẢN" in text and "Hà Đức Minh" in text and "Kinh nghiệm tổ tự quản" in text


def test_documents_of_other_unit_are_404(cast):
    m = _meeting(cast)
    client = login(cast.hue)
    assert client.get(f"/hoi-nghi/{m.pk}/van-ban/minutes.docx").status_code == 404
    assert client.post(f"/hoi-nghi/{m.pk}/van-ban/minutes/cap-so/").status_code == 404
    assert login(cast.province).get(f"/hoi-nghi/{m.pk}/van-ban/secret.docx").status_code == 404
    assert IssuedDocument.objects.unscoped("test reads back").count() == 0
    # positive control: the organizer downloads the minutes and numbers them with the same requests
    owner = login(cast.province)
    minutes = owner.get(f"/hoi-nghi/{m.pk}/van-ban/minutes.docx")
    assert "Nắm chắc tình hình Nhân dân ở cơ sở" in docx_text(minutes.content)
    assert owner.post(f"/hoi-nghi/{m.pk}/van-ban/minutes/cap-so/").status_code == 302
    assert IssuedDocument.objects.unscoped("test reads back").count() == 1


def test_nomination_list_docx(cast):
    from danvan.awards.domain.nominations import create_nomination
    kind = AwardKind.objects.create(name="Bằng khen", code="bk", for_individuals=True, for_collectives=True)
    create_nomination(actor=None, award_kind=kind, year=2023, nominee_type="collective", collective=cast.front_a,
                      organization=cast.front, justification="Thành tích xuất sắc")
    text = docx_text(login(cast.province).get("/khen-thuong/danh-sach.docx?year=2023").content)
    assert "DANH SÁCH" in text and "Ủy ban MTTQ Việt Nam xã Bảo Ái" in text and "Bằng khen" in text


def test_the_documents_panel_reads_its_three_papers_in_two_queries(cast, term_covering_today,
                                                                  django_assert_num_queries):
    """The meeting page's panel (number or draft, signer, the form to issue) read each document's register
    entry and the organizer's default signer twice per document: nine queries. Now two, the same rows."""
    from danvan.documents.domain.signers import set_default_signer, signer_for
    from danvan.documents.interfaces.forms import initial_signer
    from danvan.meetings.domain.documents import DOC_TYPES, issued
    from danvan.meetings.views.documents import papers

    m = _meeting(cast)
    set_default_signer(actor=None, organization=cast.commission, doc_type="", authority="K/T", on_behalf_of="TRƯỞNG BAN",
                       title="Phó Trưởng ban", name="Lò Thị Mai")
    set_default_signer(actor=None, organization=cast.commission, doc_type="TB", authority="", title="Trưởng ban",
                       name="Vàng A Sử")
    login(cast.province).post(f"/hoi-nghi/{m.pk}/van-ban/conclusions/cap-so/")
    with django_assert_num_queries(2):  # the entries, the defaults (the content type is cached by the POST)
        rows = papers(m, can_change=True)
    org = m.organization
    for row in rows:
        entry = issued(m, row["kind"])
        assert row["entry"] == entry and row["signer"] == signer_for(org, DOC_TYPES[row["kind"]], entry)
        assert (row["form"] is None) == (entry is not None)
        if row["form"] is not None:
            assert row["form"].initial == initial_signer(org, DOC_TYPES[row["kind"]])
    by_kind = {row["kind"]: row for row in rows}
    assert by_kind["conclusions"]["entry"].number == 1 and by_kind["conclusions"]["signer"].name == "Vàng A Sử"
    assert by_kind["invitation"]["signer"].name == "Lò Thị Mai" and by_kind["invitation"]["entry"] is None
