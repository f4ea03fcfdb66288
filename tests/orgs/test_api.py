import pytest

from tests.conftest import bearer


def test_me_lists_memberships(cast, client):
    body = client.get("/api/v1/me", **bearer(cast.commune_a)).json()
    assert body["username"] == "commune_a"
    assert [(m["organization"], m["role"]) for m in body["memberships"]] == [("Ủy ban MTTQ Việt Nam xã Bảo Ái", "officer")]


def test_api_requires_a_valid_token(cast, client):
    assert client.get("/api/v1/organizations").status_code == 401
    response = client.get("/api/v1/organizations", HTTP_AUTHORIZATION="Bearer dv_khong-dung")
    assert response.status_code == 401
    assert "mã truy cập" in response.json()["detail"]


def test_organizations_are_scoped_and_paginated(cast, client):
    body = client.get("/api/v1/organizations", **bearer(cast.commune_a)).json()
    assert body == {"count": 1, "items": [body["items"][0]]}
    assert body["items"][0]["name"] == "Ủy ban MTTQ Việt Nam xã Bảo Ái"
    assert body["items"][0]["area"]["name"] == "Xã Bảo Ái"
    province = client.get("/api/v1/organizations", {"page_size": 2}, **bearer(cast.province)).json()
    assert province["count"] == 5 and len(province["items"]) == 2
    page3 = client.get("/api/v1/organizations", {"page_size": 2, "page": 3}, **bearer(cast.province)).json()
    assert len(page3["items"]) == 1


def test_organization_filters_area_with_history_kind_and_q(cast, client):
    headers = bearer(cast.province)
    body = client.get("/api/v1/organizations", {"area": cast.geo.laocai.pk, "kind": "mobilization_commission",
                                                 "include_former": True}, **headers).json()
    assert sorted(o["name"] for o in body["items"]) == ["Ban Dân vận Tỉnh ủy Yên Bái",
                                                        "Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai"]
    body = client.get("/api/v1/organizations", {"q": "mat tran yen bai"}, **headers).json()
    assert [o["name"] for o in body["items"]] == ["Ủy ban MTTQ Việt Nam phường Yên Bái"]


def test_other_units_organization_is_404_in_the_api(cast, client):
    response = client.get(f"/api/v1/organizations/{cast.front_b.pk}", **bearer(cast.commune_a))
    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy hoặc bạn không có quyền xem."
    ok = client.get(f"/api/v1/organizations/{cast.front_a.pk}", **bearer(cast.commune_a)).json()
    assert ok["parent"]["name"] == "Ủy ban MTTQ Việt Nam tỉnh Lào Cai"


@pytest.mark.parametrize("params", [{"kind": "khong-co"}, {"page": 0}, {"page_size": 1000}, {"area": "abc"}])
def test_bad_filters_answer_422_in_vietnamese(cast, client, params):
    response = client.get("/api/v1/organizations", params, **bearer(cast.province))
    assert response.status_code == 422
    assert response.json()["detail"] == "Dữ liệu gửi lên không hợp lệ."


def test_areas_filters_and_detail(cast, client):
    headers = bearer(cast.commune_a)
    body = client.get("/api/v1/areas", {"level": "province", "at": "2026-01-01"}, **headers).json()
    assert [a["name"] for a in body["items"]] == ["Huế", "Lào Cai"]
    body = client.get("/api/v1/areas", {"under": cast.geo.laocai.pk, "level": "commune"}, **headers).json()
    assert sorted(a["full_name"] for a in body["items"]) == ["Phường Yên Bái", "Xã Bảo Ái", "Xã Bảo Ái", "Xã Tân Hương"]
    body = client.get("/api/v1/areas", {"parent": cast.geo.old_district.pk, "q": "tan huong"}, **headers).json()
    assert [a["full_name"] for a in body["items"]] == ["Xã Tân Hương"]
    detail = client.get(f"/api/v1/areas/{cast.geo.old_yenbai.pk}", **headers).json()
    assert detail["successors"] == [{"id": cast.geo.laocai.pk, "code": "15", "name": "Tỉnh Lào Cai"}]
    assert detail["valid_to"] == "2025-06-30" and detail["level"] == "province" and detail["kind_name"] == "Tỉnh"
    assert client.get("/api/v1/areas/999999", **headers).status_code == 404
    assert client.get("/api/v1/areas", {"at": "31/02/2026"}, **headers).status_code == 422


def test_openapi_document_lists_the_endpoints(client, cast):
    client.force_login(cast.mttq)
    doc = client.get("/api/v1/openapi.json").json()
    for path in ["/api/v1/me", "/api/v1/areas", "/api/v1/areas/{area_id}", "/api/v1/organizations",
                 "/api/v1/organizations/{org_id}"]:
        assert path in doc["paths"], path
    params = {p["name"] for p in doc["paths"]["/api/v1/areas"]["get"]["parameters"]}
    assert {"level", "at", "q", "parent", "under", "page", "page_size"} <= params


def test_session_auth_works_for_the_browser(cast, client):
    client.force_login(cast.mttq)
    body = client.get("/api/v1/organizations").json()
    assert body["count"] == 3
