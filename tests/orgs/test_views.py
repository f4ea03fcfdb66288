import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.core.models import AuditEvent
from danvan.orgs.models import Kind, Organization
from tests.conftest import login
from tests.factories import OrganizationFactory


def test_org_list_shows_only_what_is_in_scope(cast):
    page = login(cast.commune_a).get("/to-chuc/")
    names = [o.name for o in page.context["page_obj"]]
    assert names == ["Ủy ban MTTQ Việt Nam xã Bảo Ái"]
    assert "Ủy ban MTTQ Việt Nam phường Yên Bái" not in page.content.decode()


def test_org_list_filters_by_area_with_history_and_kind(cast):
    client = login(cast.province)
    page = client.get("/to-chuc/", {"area": cast.geo.commune_a.pk})
    assert [o.name for o in page.context["page_obj"]] == ["Ủy ban MTTQ Việt Nam xã Bảo Ái"]
    page = client.get("/to-chuc/", {"kind": Kind.MOBILIZATION_COMMISSION, "include_former": "on"})
    assert [o.name for o in page.context["page_obj"]] == [
        "Ban Dân vận Tỉnh ủy Yên Bái", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai"]
    page = client.get("/to-chuc/", {"q": "mat tran bao"})
    assert [o.name for o in page.context["page_obj"]] == ["Ủy ban MTTQ Việt Nam xã Bảo Ái"]


def test_org_list_rejects_an_area_outside_scope(cast):
    page = login(cast.commune_a).get("/to-chuc/", {"area": cast.geo.hue.pk})
    assert "Địa bàn không có trong phạm vi của bạn." in page.content.decode()
    assert [o.name for o in page.context["page_obj"]] == []  # a refused filter lists nothing, it says why
    ok = login(cast.commune_a).get("/to-chuc/", {"area": cast.geo.commune_a.pk})
    assert [o.name for o in ok.context["page_obj"]] == ["Ủy ban MTTQ Việt Nam xã Bảo Ái"]


def test_org_list_htmx_returns_only_the_results_fragment(cast):
    page = login(cast.province).get("/to-chuc/", {"q": "yen bai"}, HTTP_HX_REQUEST="true")
    body = page.content.decode()
    assert "<nav class=\"navbar" not in body
    assert "Ủy ban MTTQ Việt Nam phường Yên Bái" in body


def test_org_list_query_count_does_not_grow_with_rows(cast):
    client = login(cast.mttq)
    with CaptureQueriesContext(connection) as small:
        client.get("/to-chuc/", {"q": "bao ai"})
    for i in range(3):
        OrganizationFactory(name=f"Chi hội Bảo Ái {i}", area=cast.geo.commune_a, parent=cast.front_a)
    with CaptureQueriesContext(connection) as large:
        page = client.get("/to-chuc/", {"q": "bao ai"})
    assert len(page.context["page_obj"].object_list) == 4
    assert len(large) == len(small)


@pytest.mark.parametrize("path", ["/to-chuc/{pk}/", "/to-chuc/{pk}/sua/"])
def test_other_units_organization_answers_404(cast, path):
    refused = login(cast.commune_a).get(path.format(pk=cast.front_b.pk))
    assert refused.status_code == 404 and "phường Yên Bái" not in refused.content.decode()
    assert login(cast.hue).get(path.format(pk=cast.front_a.pk)).status_code == 404
    # positive control: each commune's officer opens its own organization
    assert "Ủy ban MTTQ Việt Nam phường Yên Bái" in login(cast.commune_b).get(
        path.format(pk=cast.front_b.pk)).content.decode()
    assert "Ủy ban MTTQ Việt Nam xã Bảo Ái" in login(cast.commune_a).get(path.format(pk=cast.front_a.pk)).content.decode()


def test_org_detail_shows_history_and_audit(cast):
    from danvan.orgs.domain.organizations import record_succession

    record_succession([cast.old_commission], cast.commission, kind="merge",
                      effective=cast.geo.commune_a.valid_from, actor=cast.leader)
    body = login(cast.province).get(f"/to-chuc/{cast.commission.pk}/").content.decode()
    assert "Kế thừa" in body and "Ban Dân vận Tỉnh ủy Yên Bái" in body
    assert "Lê Văn Lãnh Đạo" in body  # the audit trail names the actor


def test_edit_organization_records_the_change(cast):
    client = login(cast.province)
    form = {"name": "Ủy ban MTTQ Việt Nam xã Bảo Ái (mới)", "short_name": "", "kind": Kind.FATHERLAND_FRONT,
            "area": cast.geo.commune_a.pk, "parent": cast.front.pk, "valid_from": "01/07/2025", "valid_to": "",
            "email": "", "phone": "", "address": "", "version": cast.front_a.version}
    response = client.post(f"/to-chuc/{cast.front_a.pk}/sua/", form)
    assert response.status_code == 302
    cast.front_a.refresh_from_db()
    assert cast.front_a.name == "Ủy ban MTTQ Việt Nam xã Bảo Ái (mới)"
    assert cast.front_a.valid_from.isoformat() == "2025-07-01"
    event = AuditEvent.objects.filter(object_id=str(cast.front_a.pk), action="update").get()
    assert event.actor == cast.province
    assert event.changes["name"] == ["Ủy ban MTTQ Việt Nam xã Bảo Ái", "Ủy ban MTTQ Việt Nam xã Bảo Ái (mới)"]


def test_concurrent_edit_is_detected_and_changes_nothing(cast):
    client = login(cast.province)
    stale = cast.front_a.version
    form = {"name": "Tên A", "kind": Kind.FATHERLAND_FRONT, "area": cast.geo.commune_a.pk, "parent": cast.front.pk,
            "version": stale}
    assert client.post(f"/to-chuc/{cast.front_a.pk}/sua/", form).status_code == 302
    form["name"] = "Tên B"
    page = client.post(f"/to-chuc/{cast.front_a.pk}/sua/", form)
    assert "vừa được người khác sửa" in page.content.decode()
    cast.front_a.refresh_from_db()
    assert cast.front_a.name == "Tên A"


def test_bad_input_gives_vietnamese_messages_and_changes_nothing(cast):
    client = login(cast.admin)  # a quản trị above: the scope-defining fields are in its form
    form = {"name": "", "kind": "khong-co", "area": cast.geo.hue.pk, "valid_from": "31/12/2025",
            "valid_to": "01/01/2025", "version": cast.front_a.version}
    page = client.post(f"/to-chuc/{cast.front_a.pk}/sua/", form)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Trường này là bắt buộc." in body
    assert "Lựa chọn này không có trong phạm vi của bạn." in body
    cast.front_a.refresh_from_db()
    assert cast.front_a.name == "Ủy ban MTTQ Việt Nam xã Bảo Ái"


def test_end_before_start_is_refused(cast):
    form = {"name": "X", "kind": Kind.FATHERLAND_FRONT, "area": cast.geo.commune_a.pk, "parent": cast.front.pk,
            "valid_from": "31/12/2025", "valid_to": "01/01/2025", "version": cast.front_a.version}
    page = login(cast.province).post(f"/to-chuc/{cast.front_a.pk}/sua/", form)
    assert "Ngày kết thúc hoạt động phải sau ngày bắt đầu." in page.content.decode()


def test_commune_officer_cannot_choose_a_parent_outside_scope(cast):
    form = {"name": "Chi hội Nông dân thôn 1", "kind": Kind.FARMERS, "area": cast.geo.commune_a.pk,
            "parent": cast.front.pk}
    page = login(cast.commune_a).post("/to-chuc/them/", form)
    assert "Lựa chọn này không có trong phạm vi của bạn." in page.content.decode()
    assert not Organization.objects.filter(name="Chi hội Nông dân thôn 1").exists()
    form["parent"] = cast.front_a.pk
    assert login(cast.commune_a).post("/to-chuc/them/", form).status_code == 302
    created = Organization.objects.get(name="Chi hội Nông dân thôn 1")
    assert Organization.objects.for_user(cast.commune_a).filter(pk=created.pk).exists()
    assert not Organization.objects.for_user(cast.commune_b).filter(pk=created.pk).exists()


def test_record_a_succession(cast):
    client = login(cast.province)
    response = client.post(f"/to-chuc/{cast.commission.pk}/ke-thua/", {
        "predecessors": [cast.old_commission.pk], "kind": "merge", "effective": "01/07/2025", "note": "Hợp nhất"})
    assert response.status_code == 302
    link = cast.commission.predecessor_links.get()
    assert (link.predecessor, link.kind, link.effective.isoformat()) == (cast.old_commission, "merge", "2025-07-01")
    assert AuditEvent.objects.filter(object_id=str(cast.commission.pk), message__contains="Ban Dân vận Tỉnh ủy Yên Bái").exists()


def test_succession_bad_input_and_scope(cast):
    page = login(cast.commune_a).post(f"/to-chuc/{cast.front_a.pk}/ke-thua/", {
        "predecessors": [cast.front_b.pk], "kind": "merge", "effective": "31/02/2025"})
    body = page.content.decode()
    assert "Lựa chọn này không có trong phạm vi của bạn." in body
    assert "Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy." in body
    assert not cast.front_a.predecessor_links.exists()
    assert login(cast.commune_b).get(f"/to-chuc/{cast.front_a.pk}/ke-thua/").status_code == 404
