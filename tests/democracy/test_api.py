"""The API: disclosures (the page's filter, the derived state), decisions and findings, scoped."""

import datetime

import pytest
from django.test import Client

from danvan.democracy.domain.decisions import record_decision
from danvan.democracy.domain.findings import record_finding
from danvan.democracy.domain.obligations import generate
from danvan.democracy.domain.records import add_record
from danvan.democracy.models import Obligation
from tests.conftest import bearer

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def data(cast, ubnd):
    generate(province=cast.geo.laocai, year=2025)
    q1 = Obligation._base_manager.get(area=cast.geo.commune_a, item__number=2, period_key="2025-Q1")
    add_record(actor=None, obligation=q1, channel="office", posted_on=D(2025, 4, 10))
    add_record(actor=None, obligation=q1, channel="portal", posted_on=D(2025, 5, 3))
    record_decision(actor=None, organization=ubnd.a, village="Thôn Nậm Lúc", matter="funds", subject="Lập quỹ khuyến học",
                    form="questionnaire", households_total=100, issued=100, participating=90, votes_for=70,
                    votes_against=20, decided_on=D(2025, 3, 6), sent_on=D(2025, 3, 12))
    record_finding(actor=None, organization=cast.front_a, addressed_to=ubnd.a, finding="Chưa công khai quỹ",
                   found_on=D(2025, 4, 1), answer_due=D(2025, 5, 1))
    return q1


def get(user, url, **params):
    return Client().get(url, params, **bearer(user))


def test_disclosures_list_with_state_and_filters(cast, ubnd, data):
    body = get(ubnd.a.officer, "/api/v1/disclosures", year=2025, state="late").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert (item["id"], item["state"], item["item_number"], item["period_key"]) == (data.pk, "late", 2, "2025-Q1")
    assert get(ubnd.a.officer, "/api/v1/disclosures", year=2025).json()["count"] == 11
    assert get(cast.province, "/api/v1/disclosures", year=2025, area=cast.geo.commune_a.pk).json()["count"] == 11
    assert get(cast.province, "/api/v1/disclosures", year=2025).json()["count"] == 22
    assert get(ubnd.b.officer, "/api/v1/disclosures", state="late").json()["count"] == 0
    bad = get(ubnd.a.officer, "/api/v1/disclosures", state="purple", quarter=7)
    assert bad.status_code == 422 and {e["field"] for e in bad.json()["errors"]} >= {"state", "quarter"}
    out_of_scope = get(ubnd.b.officer, "/api/v1/disclosures", area=cast.geo.commune_h.pk)
    assert out_of_scope.status_code == 422 and out_of_scope.json()["errors"][0]["field"] == "area"


def test_disclosure_detail_and_action(cast, ubnd, data):
    detail = get(ubnd.a.officer, f"/api/v1/disclosures/{data.pk}").json()
    assert [r["channel"] for r in detail["records"]] == ["office", "portal"]
    assert detail["allowed_actions"] == ["not_applicable"] and detail["state"] == "late"
    assert get(ubnd.b.officer, f"/api/v1/disclosures/{data.pk}").status_code == 404
    c = Client()
    url = f"/api/v1/disclosures/{data.pk}/not_applicable"
    headers = bearer(ubnd.a.officer)
    refused = c.post(url, {"reason": "", "version": 1}, content_type="application/json", **headers)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "reason"
    done = c.post(url, {"reason": "Không có dự toán quý I", "version": 1}, content_type="application/json", **headers)
    assert done.status_code == 200 and done.json()["state"] == "not_applicable"
    stale = c.post(f"/api/v1/disclosures/{data.pk}/reapply", {"version": 1}, content_type="application/json",
                   **headers)
    assert stale.status_code == 409
    assert c.post(url, {"reason": "x"}, content_type="application/json", **bearer(ubnd.b.officer)).status_code == 404


def test_decisions_and_findings(cast, ubnd, data):
    body = get(ubnd.a.officer, "/api/v1/community-decisions", q="khuyen hoc").json()
    assert body["count"] == 1
    d = body["items"][0]
    assert (d["approved"], d["percent_for"], d["sent_late"], d["send_deadline"]) == (True, "70.00", False,
                                                                                    "2025-03-13")
    assert get(ubnd.b.officer, "/api/v1/community-decisions").json()["count"] == 0
    assert get(ubnd.a.officer, "/api/v1/community-decisions", matter="lottery").status_code == 422
    f = get(ubnd.a.officer, "/api/v1/oversight-findings", unanswered=True).json()
    assert f["count"] == 1 and f["items"][0]["late"] is True and f["items"][0]["addressed_to"]["id"] == ubnd.a.pk
    assert get(cast.commune_a, "/api/v1/oversight-findings").json()["count"] == 1  # the Front that recorded it
    assert get(ubnd.b.officer, "/api/v1/oversight-findings").json()["count"] == 0
