"""People of prestige through the pages, the export, the Party document and the API: what each role
sees (ethnicity and religion masked for roles without the grant), every read logged, scope and bad input."""

import datetime
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from danvan.community.domain.privacy import MASK
from danvan.community.models import EntryStatus, PrestigeEntry, SensitiveGrant
from danvan.core.models import AuditEvent
from danvan.orgs.models import Kind, Role
from tests.community.helpers import SEL, make_list, nominee, recognized
from tests.conftest import bearer, login
from tests.factories import OrganizationFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(cast):
    plist = make_list(cast.front_a)
    entry = recognized(plist, "Vàng Seo Páo", religion="Tin Lành")
    other = nominee(make_list(cast.front_b), "Hà Văn Bình", ethnicity="Tày")
    farmers = OrganizationFactory(name="Hội Nông dân xã Bảo Ái", kind=Kind.FARMERS, area=cast.geo.commune_a,
                                  parent=cast.front_a)
    cast.farmer = member(farmers, Role.OFFICER, username="farmer")
    cast.admin_a = member(cast.front_a, Role.ADMIN, username="admin_a")
    return plist, entry, other


def _views(entry):
    return AuditEvent.objects.filter(action="view", object_id=str(entry.pk), content_type__model="prestigeentry")


def test_list_page_shows_or_masks(cast, data):
    plist, entry, other = data
    page = login(cast.commune_a).get("/cong-dong/uy-tin/").content.decode()
    assert "Vàng Seo Páo" in page and "Mông" in page and "Tin Lành" in page and "Hà Văn Bình" not in page
    assert _views(entry).filter(actor=cast.commune_a).count() == 1
    for user in (cast.admin_a, cast.farmer):
        page = login(user).get("/cong-dong/uy-tin/").content.decode()
        if user is cast.farmer:  # the Farmers' Union below the Front: it sees nothing of the Front's lists
            assert "Vàng Seo Páo" not in page
            continue
        assert "Vàng Seo Páo" in page and "Mông" not in page and "Tin Lành" not in page and MASK in page
    assert "masked" in _views(entry).get(actor=cast.admin_a).message or "che" in _views(entry).get(
        actor=cast.admin_a).message
    province = login(cast.province).get("/cong-dong/uy-tin/").content.decode()
    assert "Vàng Seo Páo" in province and "Hà Văn Bình" in province and "Tày" in province
    assert "Vàng Seo Páo" not in login(cast.hue).get("/cong-dong/uy-tin/").content.decode()


def test_grants_are_data(cast, data):
    plist, entry, other = data
    SensitiveGrant.objects.filter(category="religion", role="officer", organization_kind=Kind.FATHERLAND_FRONT).delete()
    page = login(cast.commune_a).get(f"/cong-dong/uy-tin/{entry.pk}/").content.decode()
    assert "Mông" in page and "Tin Lành" not in page and MASK in page
    SensitiveGrant.objects.create(category="ethnicity", role="admin", organization_kind="")
    assert "Mông" in login(cast.admin_a).get(f"/cong-dong/uy-tin/{entry.pk}/").content.decode()


def test_filters_and_bad_input(cast, data):
    plist, entry, other = data
    client = login(cast.province)
    page = client.get("/cong-dong/uy-tin/", {"area": cast.geo.commune_b.pk}).content.decode()
    assert "Hà Văn Bình" in page and "Vàng Seo Páo" not in page
    page = client.get("/cong-dong/uy-tin/", {"status": "recognized", "q": "vang seo"}).content.decode()
    assert "Vàng Seo Páo" in page and "Hà Văn Bình" not in page
    page = client.get("/cong-dong/uy-tin/", {"year": "1800"}).content.decode()
    assert "2000" in page and "2100" in page
    page = login(cast.commune_a).get("/cong-dong/uy-tin/", {"area": cast.geo.hue.pk}).content.decode()
    assert "không thuộc phạm vi" in page


def test_export_masks_and_logs(cast, data):
    plist, entry, other = data
    for user, visible in ((cast.commune_a, True), (cast.admin_a, False)):
        response = login(user).get("/cong-dong/uy-tin/xuat.xlsx")
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[1][0] == "Vàng Seo Páo" and len(rows) == 2
        assert (rows[1][3], rows[1][4]) == (("Mông", "Tin Lành") if visible else (MASK, MASK))
        # a real date cell (Excel sorts and filters it), shown dd/mm/yyyy
        assert rows[1][9].date() == datetime.date(2026, 12, 20) and sheet.cell(2, 10).number_format == "DD/MM/YYYY"
        assert _views(entry).filter(actor=user, message__icontains="XLSX").count() == 1
    response = login(cast.commune_a).get("/cong-dong/uy-tin/xuat.xlsx", {"status": "flying"})
    assert response.status_code == 302 and not _views(entry).filter(message__icontains="XLSX",
                                                                    actor=cast.commune_b).exists()


def test_party_document(cast, data):
    from danvan.documents.compose import draft_number_line
    from danvan.documents.domain.signers import set_default_signer
    from tests.reading import docx_text

    plist, entry, other = data
    set_default_signer(actor=None, organization=plist.organization, doc_type="TB", authority="T/M",
                       on_behalf_of="Ban Thường vụ", title="Phó Bí thư", name="Sùng A Lử")
    response = login(cast.admin_a).get(f"/cong-dong/danh-sach/{plist.pk}/van-ban.docx")
    lines = docx_text(response.content).splitlines()
    # a draft in the Party's format: marked, the blank number line of every draft, the default signer
    assert lines[0] == "DỰ THẢO" and draft_number_line(plist.organization, "TB") in lines
    assert draft_number_line(plist.organization, "TB").startswith("Số    -TB/")
    assert "THÔNG BÁO" in lines and "Nơi nhận:" in lines
    assert lines[-1] == "Sùng A Lử" and "T/M BAN THƯỜNG VỤ" in lines and "PHÓ BÍ THƯ" in lines
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    cells = [c.text for t in Document(io.BytesIO(response.content)).tables for r in t.rows for c in r.cells]
    assert "Vàng Seo Páo" in cells and "Mông" not in cells and MASK in cells
    assert "2027" in text and "2031" in text
    assert login(cast.commune_b).get(f"/cong-dong/danh-sach/{plist.pk}/van-ban.docx").status_code == 404


def test_steps_on_the_page(cast, data):
    plist, entry, other = data
    client = login(cast.commune_a)
    new = nominee(plist, "Lù Thị Mai", on=datetime.date(SEL, 10, 25))
    response = client.post(f"/cong-dong/uy-tin/{new.pk}/select/", {"on": "2026-12-20", "version": new.version},
                           follow=True)
    assert "15/12/2026" in response.content.decode()
    assert PrestigeEntry.objects.unscoped("test").get(pk=new.pk).status == EntryStatus.NOMINATED
    client.post(f"/cong-dong/uy-tin/{new.pk}/select/", {"on": "2026-11-02", "version": new.version})
    assert PrestigeEntry.objects.unscoped("test").get(pk=new.pk).status == EntryStatus.SELECTED
    assert login(cast.commune_b).post(f"/cong-dong/uy-tin/{new.pk}/propose/", {"on": "2026-11-03"}).status_code == 404
    response = client.post(f"/cong-dong/uy-tin/{entry.pk}/replace/", {
        "on": "2028-04-01", "reason": "death", "decision": "9/QĐ-UBND", "version": entry.version,
        "n-full_name": "Vàng Seo Chá", "n-village": "Thôn Nậm Lúc", "n-role": "elder",
        "n-village_meeting_on": "2028-04-10", "n-households_present": "20", "n-households_total": "50",
        "n-kind": "addition"}, follow=True)
    assert "hai phần ba" in response.content.decode() or "two thirds" in response.content.decode()
    assert PrestigeEntry.objects.unscoped("test").get(pk=entry.pk).status == EntryStatus.RECOGNIZED


def test_nominate_and_decision_pages(cast, data):
    plist, entry, other = data
    client = login(cast.commune_a)
    response = client.post(f"/cong-dong/danh-sach/{plist.pk}/de-cu/", {
        "full_name": "Giàng A Lử", "village": "Bản Phố", "role": "ritual_master", "village_meeting_on": "2026-10-12",
        "households_present": "30", "households_total": "40", "kind": "selection", "ethnicity": "Mông"}, follow=True)
    new = PrestigeEntry.objects.unscoped("test").get(person__full_name="Giàng A Lử")
    assert "Giàng A Lử" in response.content.decode() and new.households_total == 40
    response = client.post(f"/cong-dong/danh-sach/{plist.pk}/quyet-dinh/", {
        "decision_number": "", "decision_date": "2026-12-20", "authority": "UBND xã"}, follow=True)
    assert "decision" in response.content.decode().lower() or "quyết định" in response.content.decode().lower()
    page = login(cast.commune_a).get(f"/cong-dong/danh-sach/{plist.pk}/").content.decode()
    assert "Vàng Seo Páo" in page and "Giàng A Lử" in page


def test_statistics(cast, data):
    plist, entry, other = data
    recognized(plist, "Lò Văn Khánh", village="Bản Mới", role="village_head", ethnicity="Dao")
    page = login(cast.province).get("/cong-dong/uy-tin/thong-ke/", {"year": "2027"}).content.decode()
    assert "Dao" in page and "Mông" in page
    page = login(cast.admin).get("/cong-dong/uy-tin/thong-ke/", {"year": "2027"}).content.decode()
    assert "Mông" not in page and "2027" in page


def test_api(cast, data):
    plist, entry, other = data
    client = login(cast.commune_a)
    body = client.get("/api/v1/prestige-people", **bearer(cast.commune_a)).json()
    assert body["count"] == 1 and body["items"][0]["ethnicity"] == "Mông" and body["items"][0]["status"] == "recognized"
    body = client.get("/api/v1/prestige-people", **bearer(cast.admin_a)).json()
    assert body["items"][0]["ethnicity"] == MASK and body["items"][0]["religion"] == MASK
    assert _views(entry).filter(actor=cast.admin_a, message__contains="API").count() == 1
    detail = client.get(f"/api/v1/prestige-people/{entry.pk}", **bearer(cast.commune_a)).json()
    assert detail["full_name"] == "Vàng Seo Páo" and detail["allowed_actions"] == ["remove", "replace"]
    assert client.get(f"/api/v1/prestige-people/{entry.pk}", **bearer(cast.commune_b)).status_code == 404
    bad = client.get("/api/v1/prestige-people", {"area": cast.geo.hue.pk}, **bearer(cast.commune_a))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "area"
    response = client.post(f"/api/v1/prestige-people/{entry.pk}/actions/remove", {"on": "2028-01-02"},
                           content_type="application/json", **bearer(cast.commune_a))
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "reason"
    response = client.post(f"/api/v1/prestige-people/{entry.pk}/actions/remove", {
        "on": "2028-01-02", "reason": "health", "decision": "3/QĐ-UBND", "version": entry.version},
        content_type="application/json", **bearer(cast.commune_a))
    assert response.status_code == 200 and response.json()["status"] == "removed"
    response = client.post(f"/api/v1/prestige-people/{entry.pk}/actions/remove", {
        "on": "2028-01-02", "reason": "health", "decision": "3/QĐ-UBND"},
        content_type="application/json", **bearer(cast.commune_a))
    assert response.status_code == 409
