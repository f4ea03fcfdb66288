"""A person's page lists only the positions and meeting roles the reader may see; reading a person, a
nominee or the people of a meeting is logged through the API as on the pages."""

import datetime

from danvan.core.models import AuditEvent
from danvan.meetings.domain.meetings import add_role
from danvan.meetings.domain.people import add_position
from tests.conftest import bearer, login
from tests.meetings.helpers import meeting, person


def test_person_page_hides_positions_and_roles_outside_the_scope(cast):
    p = person(cast.front_a, name="Lò Văn Thắng", title="Chủ tịch")
    add_position(actor=None, person=p, title="Phó Trưởng Ban", organization=cast.hue_commission,
                 valid_from=datetime.date(2019, 1, 1), valid_to=datetime.date(2022, 12, 31))
    add_role(actor=None, meeting=meeting(cast.front_a, title="Giao ban MTTQ xã"), person=p, role="chair")
    add_role(actor=None, meeting=meeting(cast.hue_commission, title="Hội nghị ở Huế"), person=p, role="delegate")
    response = login(cast.commune_a).get(f"/hoi-nghi/nguoi/{p.pk}/")
    assert [(x.title, x.organization) for x in response.context["positions"]] == [("Chủ tịch", cast.front_a)]
    assert [r.meeting.title for r in response.context["roles"]] == ["Giao ban MTTQ xã"]
    page = response.content.decode()
    assert f"<td>{cast.front_a.name}</td>" in page and f"<td>{cast.hue_commission.name}</td>" not in page
    assert "Hội nghị ở Huế" not in page
    # positive control: the Huế officer sees the Huế position and meeting, not the commune's
    response = login(cast.hue).get(f"/hoi-nghi/nguoi/{p.pk}/")
    assert [(x.title, x.organization) for x in response.context["positions"]] == [
        ("Phó Trưởng Ban", cast.hue_commission)]
    assert [r.meeting.title for r in response.context["roles"]] == ["Hội nghị ở Huế"]


def test_people_list_hides_positions_outside_the_scope(cast):
    p = person(cast.front_a, name="Lò Văn Thắng", title="Chủ tịch")
    add_position(actor=None, person=p, title="Phó Trưởng Ban", organization=cast.hue_commission)
    page = login(cast.commune_a).get("/hoi-nghi/nguoi/").content.decode()
    assert "Lò Văn Thắng" in page and "Chủ tịch" in page
    assert "Phó Trưởng Ban" not in page and cast.hue_commission.name not in page


def _views(obj_id, model):
    return list(AuditEvent.objects.filter(action="view", object_id=str(obj_id),
                                          content_type__model=model).order_by("id").values_list("actor__username", flat=True))


def test_api_reads_of_a_meetings_people_are_logged_like_the_page(cast, client):
    m = meeting(cast.front_a)
    add_role(actor=None, meeting=m, person=person(cast.front_a), role="chair")
    empty = meeting(cast.front_a, title="Chưa có đại biểu")
    body = client.get(f"/api/v1/meetings/{m.pk}", **bearer(cast.commune_a)).json()
    assert [p["full_name"] for p in body["people"]["chair"]] == ["Lò Văn Thắng"]
    assert _views(m.pk, "meeting") == ["commune_a"]
    login(cast.province).get(f"/hoi-nghi/{m.pk}/")
    assert _views(m.pk, "meeting") == ["commune_a", "province"]
    client.get(f"/api/v1/meetings/{empty.pk}", **bearer(cast.commune_a))
    assert _views(empty.pk, "meeting") == []  # no people listed, nothing personal read
    assert client.get(f"/api/v1/meetings/{m.pk}", **bearer(cast.hue)).status_code == 404
    assert _views(m.pk, "meeting") == ["commune_a", "province"]


def test_api_reads_of_a_nominee_are_logged_like_the_page(cast, client):
    from danvan.awards.domain.nominations import create_nomination
    from danvan.awards.models import AwardKind

    medal = AwardKind.objects.create(name="Kỷ niệm chương", code="knc", for_individuals=True, for_collectives=True)
    common = {"award_kind": medal, "year": 2023, "organization": cast.front_a,
              "justification": "Nhiều năm đóng góp cho công tác dân vận ở cơ sở."}
    n = create_nomination(actor=None, nominee_type="individual", person=person(cast.front_a), **common)
    collective = create_nomination(actor=None, nominee_type="collective", collective=cast.front_a, **common)
    body = client.get(f"/api/v1/nominations/{n.pk}", **bearer(cast.commune_a)).json()
    assert body["id"] == n.pk
    assert _views(n.pk, "nomination") == ["commune_a"]
    login(cast.province).get(f"/khen-thuong/{n.pk}/")
    assert _views(n.pk, "nomination") == ["commune_a", "province"]
    client.get(f"/api/v1/nominations/{collective.pk}", **bearer(cast.commune_a))
    assert _views(collective.pk, "nomination") == []  # a collective is not personal data
    assert client.get(f"/api/v1/nominations/{n.pk}", **bearer(cast.hue)).status_code == 404
    assert _views(n.pk, "nomination") == ["commune_a", "province"]
