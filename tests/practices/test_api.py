import json

from danvan.practices.models import Practice, Status
from tests.conftest import bearer
from tests.practices.conftest import make_practice


def get(client, user, url, **params):
    return client.get(url, params, **bearer(user))


def send(client, method, user, url, payload):
    return getattr(client, method)(url, json.dumps(payload), content_type="application/json", **bearer(user))


def test_list_uses_the_same_filters_and_scope(client, cast):
    make_practice(cast.front_a, name="Nông thôn mới Bảo Ái", field="economy")
    make_practice(cast.front_a, name="An ninh thôn bản", field="defense_security")
    make_practice(cast.front_b, name="Nông thôn mới Yên Bái", field="economy")
    data = get(client, cast.commune_a, "/api/v1/practices", q="nong thon").json()
    assert data["count"] == 1 and [i["name"] for i in data["items"]] == ["Nông thôn mới Bảo Ái"]
    data = get(client, cast.province, "/api/v1/practices", field="economy", sort="-name").json()
    assert [i["name"] for i in data["items"]] == ["Nông thôn mới Yên Bái", "Nông thôn mới Bảo Ái"]


def test_list_bad_filter_is_422_in_vietnamese(client, cast):
    response = get(client, cast.commune_a, "/api/v1/practices", area=cast.geo.commune_h.pk)
    assert response.status_code == 422
    assert "không thuộc phạm vi" in response.json()["detail"]


def test_detail_of_another_commune_is_404(client, cast):
    p = make_practice(cast.front_b)
    assert get(client, cast.commune_a, f"/api/v1/practices/{p.pk}").status_code == 404
    assert send(client, "patch", cast.commune_a, f"/api/v1/practices/{p.pk}", {"version": 1, "name": "x"}
                ).status_code == 404
    assert send(client, "post", cast.commune_a, f"/api/v1/practices/{p.pk}/register", {}).status_code == 404
    p.refresh_from_db()
    assert p.name != "x" and p.status == Status.DRAFT
    assert get(client, cast.commune_b, f"/api/v1/practices/{p.pk}").json()["id"] == p.pk


def test_create_update_and_actions(client, cast):
    payload = {"name": "Dân vận khéo trong vận động hiến đất làm đường", "field": "economy",
               "organization": cast.front_a.pk, "area": cast.geo.commune_a.pk, "year": 2025,
               "situation": "a", "goals": "b", "content": "c"}
    response = send(client, "post", cast.commune_a, "/api/v1/practices", payload)
    assert response.status_code == 201, response.content
    pid = response.json()["id"]
    response = send(client, "patch", cast.commune_a, f"/api/v1/practices/{pid}", {"version": 1, "beneficiaries": 320})
    assert response.json()["beneficiaries"] == 320 and response.json()["version"] == 2
    stale = send(client, "patch", cast.commune_a, f"/api/v1/practices/{pid}", {"version": 1, "name": "Cũ"})
    assert stale.status_code == 409 and "vừa được người khác sửa" in stale.json()["errors"][0]["message"]
    assert send(client, "post", cast.commune_a, f"/api/v1/practices/{pid}/register", {}).json()["status"] == "registered"
    refused = send(client, "post", cast.commune_a, f"/api/v1/practices/{pid}/recognize",
                   {"level": "province", "decision_number": "1", "decision_date": "2025-10-01"})
    assert refused.status_code == 403 and "không thể chuyển" not in refused.json()["detail"]
    assert "lãnh đạo" in refused.json()["detail"]
    assert Practice.objects.unscoped("test reads back").get(pk=pid).status == Status.REGISTERED


def test_create_bad_input_changes_nothing(client, cast):
    payload = {"name": "X", "field": "economy", "organization": cast.front_b.pk, "area": cast.geo.commune_a.pk,
               "year": 2025}
    response = send(client, "post", cast.commune_a, "/api/v1/practices", payload)
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "organization", "message": f"Số {cast.front_b.pk} không thuộc phạm vi của bạn."}]
    response = send(client, "post", cast.commune_a, "/api/v1/practices", {**payload, "field": "kinh tê"})
    assert response.status_code == 422
    assert Practice.objects.unscoped("test reads back").count() == 0


def test_stats_follow_scope_and_history(client, cast):
    make_practice(cast.front_a, status=Status.RECOGNIZED, level="commune", field="economy")
    make_practice(cast.old_commission, area=cast.geo.old_commune_a, status=Status.REGISTERED, field="culture_society")
    make_practice(cast.front_b, status=Status.REGISTERED, field="economy")
    make_practice(cast.front_a, status=Status.REGISTERED, year=2022)
    data = get(client, cast.province, "/api/v1/practices/stats", area=cast.geo.commune_a.pk, year=2023).json()
    assert data["total"] == 2
    assert data["by_field"] == {"economy": 1, "culture_society": 1, "defense_security": 0, "political_system": 0}
    assert data["by_status"]["recognized"] == 1 and data["by_status"]["registered"] == 1
    assert data["by_level"] == {"commune": 1, "district": 0, "province": 0, "central": 0}
    # commune A's officer does not see the legacy commission's model, even in its own area
    data = get(client, cast.commune_a, "/api/v1/practices/stats", area=cast.geo.commune_a.pk, year=2023).json()
    assert data["total"] == 1
    assert get(client, cast.commune_a, "/api/v1/practices/stats", area=cast.geo.commune_b.pk).status_code == 404


def test_openapi_lists_stats_keys(client, cast):
    schema = client.get("/api/v1/openapi.json", **bearer(cast.province)).json()
    components = schema["components"]["schemas"]
    assert set(components["ByField"]["properties"]) == {"economy", "culture_society", "defense_security",
                                                         "political_system"}
    assert set(components["ByStatus"]["properties"]) == {"draft", "registered", "in_progress", "evaluated",
                                                          "recognized", "not_recognized"}
    assert "/api/v1/practices/stats" in schema["paths"]
