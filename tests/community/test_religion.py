"""The religious registry: history of ranks and posts, rules and rights inside the actions, masking of the
religion and logged reads through the page and the API, scope."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from danvan.community.domain import religion
from danvan.community.domain.privacy import MASK
from danvan.community.models import Dignitary, Religion
from danvan.core.domain.refusals import NotAllowed, WrongState
from danvan.core.models import AuditEvent
from danvan.orgs.models import Role
from tests.conftest import bearer, login
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(cast):
    protestant = Religion.objects.get(name="Tin Lành")
    buddhist = Religion.objects.get(name="Phật giáo")
    org = religion.add_religious_organization(actor=cast.commune_a, name="Hội thánh Tin Lành Việt Nam (miền Bắc)",
                                              religion=protestant, organization=cast.front_a, area=cast.geo.laocai)
    place = religion.add_place(actor=cast.commune_a, name="Điểm nhóm thôn Nậm Lúc", religion=protestant,
                               organization=cast.front_a, area=cast.geo.commune_a, village="Thôn Nậm Lúc",
                               religious_organization=org)
    d = religion.appoint(actor=cast.commune_a, organization=cast.front_a, kind="post", title="Trưởng điểm nhóm",
                         religion=protestant, full_name="Thào A Dình", since=datetime.date(2019, 5, 1), place=place)
    cast.admin_a = member(cast.front_a, Role.ADMIN, username="admin_a")
    return protestant, buddhist, org, place, d


def test_sixteen_religions_as_data():
    assert Religion.objects.count() == 16 and Religion.objects.filter(name="Cao Đài").exists()


def test_history_and_rules(cast, registry):
    protestant, buddhist, org, place, d = registry
    assert d.area == cast.geo.commune_a and d.person.full_name == "Thào A Dình"
    with pytest.raises(ValidationError) as exc:
        religion.appoint(actor=cast.commune_a, organization=cast.front_a, kind="rank", title="Mục sư",
                         religion=buddhist, person=d.person, since=datetime.date(2024, 1, 1), place=place)
    assert "place" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        religion.end_title(actor=cast.commune_a, dignitary=d, until=datetime.date(2018, 1, 1))
    assert "until" in exc.value.message_dict
    religion.end_title(actor=cast.commune_a, dignitary=d, until=datetime.date(2024, 3, 31), note="Được phong Mục sư")
    with pytest.raises(WrongState):
        religion.end_title(actor=cast.commune_a, dignitary=d, until=datetime.date(2024, 4, 1))
    pastor = religion.appoint(actor=cast.commune_a, organization=cast.front_a, kind="rank", title="Mục sư",
                              religion=protestant, person=d.person, since=datetime.date(2024, 4, 1),
                              religious_organization=org)
    page = login(cast.commune_a).get(f"/cong-dong/chuc-sac/{pastor.pk}/").content.decode()
    assert "Trưởng điểm nhóm" in page and "Mục sư" in page and "31/03/2024" in page and "Tin Lành" in page
    client = login(cast.province)
    on_2020 = client.get("/cong-dong/ton-giao/", {"on": "2020-06-01"}).content.decode()
    assert "Trưởng điểm nhóm" in on_2020 and "Mục sư" not in on_2020
    current = client.get("/cong-dong/ton-giao/", {"current": "on"}).content.decode()
    assert "Mục sư" in current and "Trưởng điểm nhóm" not in current


def test_rights(cast, registry):
    protestant, buddhist, org, place, d = registry
    with pytest.raises(NotAllowed):
        religion.appoint(actor=cast.commune_b, organization=cast.front_a, kind="rank", title="Mục sư",
                         religion=protestant, full_name="Lý A Sử", since=datetime.date(2024, 1, 1))
    with pytest.raises(NotAllowed):
        religion.end_title(actor=cast.commune_b, dignitary=d, until=datetime.date(2024, 1, 1))
    assert Dignitary.objects.unscoped("test").get(pk=d.pk).until is None
    assert login(cast.commune_b).get(f"/cong-dong/chuc-sac/{d.pk}/").status_code == 404
    response = login(cast.commune_b).post(f"/cong-dong/chuc-sac/{d.pk}/ket-thuc/", {"until": "2024-01-01"})
    assert response.status_code == 404 and Dignitary.objects.unscoped("test").get(pk=d.pk).until is None


def test_masking_and_reads(cast, registry):
    protestant, buddhist, org, place, d = registry
    rows = login(cast.admin_a).get("/cong-dong/ton-giao/", HTTP_HX_REQUEST="true").content.decode()  # the table
    assert "Thào A Dình" in rows and MASK in rows and "Tin Lành" not in rows
    rows = login(cast.commune_a).get("/cong-dong/ton-giao/", HTTP_HX_REQUEST="true").content.decode()
    assert "Thào A Dình" in rows and "Tin Lành" in rows and MASK not in rows
    body = login(cast.admin_a).get("/api/v1/dignitaries", **bearer(cast.admin_a)).json()
    assert body["count"] == 1 and body["items"][0]["religion"] == MASK
    body = login(cast.commune_a).get(f"/api/v1/dignitaries/{d.pk}", **bearer(cast.commune_a)).json()
    assert body["religion"] == "Tin Lành" and body["title"] == "Trưởng điểm nhóm"
    reads = AuditEvent.objects.filter(action="view", content_type__model="dignitary", object_id=str(d.pk))
    assert reads.filter(actor=cast.admin_a).count() == 2 and reads.filter(actor=cast.commune_a).count() == 2
    assert login(cast.commune_b).get(f"/api/v1/dignitaries/{d.pk}", **bearer(cast.commune_b)).status_code == 404
    bad = login(cast.commune_a).get("/api/v1/dignitaries", {"area": cast.geo.hue.pk}, **bearer(cast.commune_a))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "area"


def test_add_pages(cast, registry):
    protestant, buddhist, org, place, d = registry
    client = login(cast.commune_a)
    response = client.post("/cong-dong/ton-giao/them/chuc-sac/", {
        "organization": cast.front_a.pk, "religion": buddhist.pk, "area": cast.geo.commune_a.pk,
        "full_name": "Thích Minh Tâm", "kind": "rank", "title": "Đại đức", "since": "2022-02-01"})
    added = Dignitary.objects.unscoped("test").get(person__full_name="Thích Minh Tâm")
    assert response.status_code == 302 and added.title == "Đại đức"
    response = client.post("/cong-dong/ton-giao/them/chuc-sac/", {
        "organization": cast.front_b.pk, "religion": buddhist.pk, "area": cast.geo.commune_a.pk,
        "full_name": "Thích Minh Đức", "kind": "rank", "title": "Đại đức", "since": "2022-02-01"})
    assert "không thuộc phạm vi" in response.content.decode()
    assert not Dignitary.objects.unscoped("test").filter(person__full_name="Thích Minh Đức").exists()
    response = client.post("/cong-dong/ton-giao/them/co-so/", {
        "organization": cast.front_a.pk, "religion": buddhist.pk, "area": cast.geo.laocai.pk, "name": "Chùa Bảo Ái"})
    assert "area" in response.content.decode() or "xã" in response.content.decode()
    assert client.get("/cong-dong/ton-giao/them/khac/").status_code == 404
