"""Documents ready to sign (issue 10 §3): every Party-format document read back (DOCX and PDF) —
header, number line, place and date, type and summary, body, recipients and the signer block chosen
when it is issued (a default per organization and type, as data), stored in the register; a draft is
marked "DỰ THẢO" with the same blank number line everywhere and is rendered by a GET that writes nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from danvan.documents.domain import actions
from danvan.documents.domain.signers import set_default_signer
from danvan.documents.models import IssuedDocument, SignerDefault
from danvan.meetings.domain.bridge import add_bridge_points
from tests.conftest import bearer, login
from tests.meetings.helpers import conclusion, meeting
from tests.reading import docx_text, pdf_text

D = datetime.date


def _entries():
    return IssuedDocument.objects.unscoped("test reads back")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def signers(cast):
    set_default_signer(actor=None, organization=cast.commission, doc_type="", authority="K/T",
                       on_behalf_of="Trưởng ban", title="Phó Trưởng ban", name="Giàng Seo Phử")
    set_default_signer(actor=None, organization=cast.commission, doc_type="GM", authority="T/M",
                       on_behalf_of="Ban Thường vụ", title="Phó Bí thư", name="Hà Đức Minh")


@pytest.fixture
def held(cast):
    m = meeting(cast.commission, title="Hội nghị giao ban khối dân vận quý IV", day=D(2026, 3, 30),
                venue="Hội trường Tỉnh ủy")
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.laocai, expected=40)
    m.bridge_points.update(present=37)
    conclusion(m, "Tiếp tục nhân rộng mô hình Dân vận khéo")
    return m


def _both(client, url):
    return (docx_text(client.get(url + ".docx").content), flat(pdf_text(client.get(url + ".pdf").content)))


def test_invitation_draft_is_marked_signed_by_the_default_and_carries_no_attendance(cast, signers, held):
    client = login(cast.province)
    docx, pdf = _both(client, f"/hoi-nghi/{held.pk}/van-ban/invitation")
    today = timezone.localdate()
    for text in (docx, flat(docx)):
        assert "DỰ THẢO" in text
    lines = docx.splitlines()
    assert "Số    -GM/BTGDVTU" in lines  # the draft's number line, the same in every module
    assert "TỈNH ỦY LÀO CAI" in lines and "BAN TUYÊN GIÁO VÀ DÂN VẬN" in lines
    assert f"Lào Cai, ngày {today:%d} tháng {today:%m} năm {today:%Y}" in lines
    assert "GIẤY MỜI" in lines and "Hội trường Tỉnh ủy" in docx and "Xã Bảo Ái" in docx
    assert "Nơi nhận:" in lines
    assert ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"] == lines[lines.index("T/M BAN THƯỜNG VỤ"):][:2]
    assert lines[-1] == "Hà Đức Minh"
    assert "Có mặt" not in docx and "37" not in docx  # who was present is no business of an invitation
    assert "DỰ THẢO" in pdf and "-GM/BTGDVTU" in pdf and "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ" in pdf
    assert "Hà Đức Minh" in pdf and "Có mặt" not in pdf and "GIẤY MỜI" in pdf
    assert _entries().count() == 0  # the preview wrote nothing


def test_issued_with_a_chosen_signer_stored_in_the_register_and_printed(cast, signers, held, term_covering_today):
    client = login(cast.province)
    response = client.post(f"/hoi-nghi/{held.pk}/van-ban/minutes/cap-so/", {
        "authority": "K/T", "on_behalf_of": "trưởng ban", "signer_title": "phó trưởng ban",
        "signer_name": "Lò Thị Hoa"})
    assert response.status_code == 302
    entry = _entries().get()
    assert (entry.signer_authority, entry.signer_title, entry.signer_name) == (
        "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Lò Thị Hoa")
    docx, pdf = _both(client, f"/hoi-nghi/{held.pk}/van-ban/minutes")
    lines = docx.splitlines()
    assert "DỰ THẢO" not in docx and entry.number_line in lines and entry.number_line == "Số 01-BB/BTGDVTU"
    assert "BIÊN BẢN" in lines and "Có mặt" in docx  # the minutes do record attendance
    assert lines[-1] == "Lò Thị Hoa" and "K/T TRƯỞNG BAN" in lines and "PHÓ TRƯỞNG BAN" in lines
    assert "01-BB/BTGDVTU" in pdf and "K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN" in pdf and "Lò Thị Hoa" in pdf
    # a later change of the default does not change the issued document
    set_default_signer(actor=None, organization=cast.commission, doc_type="BB", authority="", title="Trưởng ban",
                       name="Người Khác")
    assert docx_text(client.get(f"/hoi-nghi/{held.pk}/van-ban/minutes.docx").content).splitlines()[-1] == "Lò Thị Hoa"


def test_notice_numbered_with_the_default_signer(cast, signers, held, term_covering_today):
    client = login(cast.province)
    client.post(f"/hoi-nghi/{held.pk}/van-ban/conclusions/cap-so/")
    entry = _entries().get()
    assert (entry.signer_authority, entry.signer_title, entry.signer_name) == (
        "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Giàng Seo Phử")
    docx, pdf = _both(client, f"/hoi-nghi/{held.pk}/van-ban/conclusions")
    assert "THÔNG BÁO" in docx and "1. Tiếp tục nhân rộng mô hình Dân vận khéo" in docx
    assert entry.number_line in docx
    assert "Giàng Seo Phử" in pdf and entry.symbol in pdf


def test_incomplete_signer_refused_nothing_numbered(cast, held, term_covering_today):
    client = login(cast.province)
    response = client.post(f"/hoi-nghi/{held.pk}/van-ban/invitation/cap-so/", {
        "authority": "T/M", "signer_title": "PHÓ BÍ THƯ", "signer_name": "Hà Đức Minh"}, follow=True)
    assert "thay mặt" in response.content.decode() or "BAN THƯỜNG VỤ" in response.content.decode()
    assert _entries().count() == 0


def test_meeting_page_shows_the_draft_and_the_signer_form(cast, signers, held):
    body = login(cast.province).get(f"/hoi-nghi/{held.pk}/").content.decode()
    assert "Dự thảo" in body and 'value="Hà Đức Minh"' in body and 'value="Giàng Seo Phử"' in body


def test_award_list_has_its_header_title_and_the_default_signer_not_the_exporter(cast, signers):
    client = login(cast.province)
    text = docx_text(client.get("/khen-thuong/danh-sach.docx").content)
    lines = text.splitlines()
    assert "TỈNH ỦY LÀO CAI" in lines and "BAN TUYÊN GIÁO VÀ DÂN VẬN" in lines
    assert "Số    -TTr/BTGDVTU" in lines and "DỰ THẢO" in lines and "DANH SÁCH" in lines
    assert lines[-1] == "Giàng Seo Phử" and cast.province.get_full_name() not in text


def test_register_dispatcher_page_and_api(cast, term_covering_today):
    client = login(cast.province)
    today = timezone.localdate().strftime("%d/%m/%Y")
    response = client.post("/so-van-ban/nguoi-ky/", {
        "organization": cast.commission.pk, "doc_type": "BC", "authority": "K/T", "on_behalf_of": "",
        "signer_title": "Phó Trưởng ban", "signer_name": "Giàng Seo Phử"})
    assert response.status_code == 422 and "BAN THƯỜNG VỤ" in response.content.decode()
    assert SignerDefault.objects.unscoped("test reads back").count() == 0
    client.post("/so-van-ban/nguoi-ky/", {
        "organization": cast.commission.pk, "doc_type": "BC", "authority": "K/T", "on_behalf_of": "Trưởng ban",
        "signer_title": "Phó Trưởng ban", "signer_name": "Giàng Seo Phử"})
    assert "Giàng Seo Phử" in client.get("/so-van-ban/nguoi-ky/").content.decode()
    client.post("/so-van-ban/lay-so/", {"organization": cast.commission.pk, "doc_type": "BC", "issued_on": today,
                                        "title": "Kết quả công tác dân vận"})
    entry = _entries().get()
    assert (entry.signer_authority, entry.signer_name) == ("K/T TRƯỞNG BAN", "Giàng Seo Phử")
    assert "K/T TRƯỞNG BAN · PHÓ TRƯỞNG BAN · Giàng Seo Phử" in client.get(f"/so-van-ban/{entry.pk}/").content.decode()
    # the API: the same dispatcher, refusals mapped (422 naming the field, 404 out of scope)
    headers = bearer(cast.province)
    api = Client()
    bad = api.post("/api/v1/documents/signers", {"organization": cast.commission.pk, "doc_type": "GM",
                                                   "authority": "XX", "signer_title": "A", "signer_name": "B"},
                   content_type="application/json", **headers)
    assert bad.status_code == 422 and "authority" in bad.content.decode()
    other = api.post("/api/v1/documents/signers", {"organization": cast.hue_commission.pk, "signer_title": "A",
                                                     "signer_name": "B"}, content_type="application/json", **headers)
    assert other.status_code == 404
    assert SignerDefault.objects.unscoped("test reads back").count() == 1
    made = api.post("/api/v1/documents", {"organization": cast.commission.pk, "doc_type": "GM",
                                           "issued_on": timezone.localdate().isoformat(), "title": "Dự hội nghị",
                                           "authority": "TL", "on_behalf_of": "Ban Thường vụ",
                                           "signer_title": "Chánh Văn phòng", "signer_name": "Vi Văn C"},
                    content_type="application/json", **headers)
    assert made.status_code == 201, made.content
    assert made.json()["signer_authority"] == "TL. BAN THƯỜNG VỤ" and made.json()["symbol"] == "01-GM/BTGDVTU"


def test_incomplete_default_signer_names_every_field(cast):
    with pytest.raises(ValidationError) as exc:
        actions.perform("set_signer", actor=None, organization=cast.commission, authority="T/M")
    assert set(exc.value.message_dict) == {"on_behalf_of", "signer_title", "signer_name"}
    with pytest.raises(ValidationError) as exc:
        actions.perform("publish", actor=None, organization=cast.commission)
    assert set(exc.value.message_dict) == {"action"}
    assert SignerDefault.objects.unscoped("test reads back").count() == 0
