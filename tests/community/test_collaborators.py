"""Opinion collaborators: a confidential one (đơn tuyến) is known by name only to the leaders of the
managing organization — through the page, the list, the export and the API; everyone else sees its code;
every read is logged; appointing and editing check rights, input and the version."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from danvan.community.domain import opinion
from danvan.community.domain.privacy import MASK
from danvan.community.models import OpinionCollaborator
from danvan.core.domain.refusals import NotAllowed, StaleVersion
from danvan.core.models import AuditEvent
from danvan.orgs.models import Role
from tests.conftest import login
from tests.factories import UserFactory, member

pytestmark = pytest.mark.django_db
SECRET = "Hờ Thị Kín"
OPEN = "Lò Văn Công Khai"


@pytest.fixture
def people(cast):
    cast.front_leader = member(cast.front_a, Role.LEADER, username="front_leader")
    cast.front_admin = member(cast.front_a, Role.ADMIN, username="front_admin")
    secret = opinion.appoint_collaborator(
        actor=cast.commune_a, organization=cast.front_a, full_name=SECRET, gender="female", birth_year=1980,
        occupation="Giáo viên", phone="0912000111", level="commune", social_group="intellectuals",
        area=cast.geo.commune_a, term_from=datetime.date(2026, 1, 1), confidential=True,
        decision_number="15/QĐ-MTTQ")
    public = opinion.appoint_collaborator(
        actor=cast.commune_a, organization=cast.front_a, full_name=OPEN, level="village", social_group="farmers",
        area=cast.geo.commune_a, term_from=datetime.date(2026, 1, 1))
    return secret, public


def _reads(c, user):
    return AuditEvent.objects.filter(action="view", content_type__model="opinioncollaborator", object_id=str(c.pk),
                                     actor=user)


def test_codes_are_per_organization_and_never_the_name(cast, people):
    secret, public = people
    assert secret.code == f"CTV-{cast.front_a.pk}-001" and public.code == f"CTV-{cast.front_a.pk}-002"
    created = AuditEvent.objects.get(action="create", content_type__model="opinioncollaborator",
                                     object_id=str(secret.pk))
    assert SECRET not in created.object_repr


@pytest.mark.parametrize("who, sees", [("front_leader", True), ("commune_a", False), ("front_admin", False),
                                       ("leader", False), ("province", False), ("root", False)])
def test_confidential_identity_only_for_the_managing_leader(cast, people, who, sees):
    secret, public = people
    if who == "root":
        cast.root = UserFactory(username="root", is_superuser=True, is_staff=True)
    user = getattr(cast, who)
    client = login(user)
    page = client.get(f"/cong-dong/cong-tac-vien/{secret.pk}/").content.decode()
    listing = client.get("/cong-dong/cong-tac-vien/").content.decode()
    api = client.get(f"/api/v1/opinion-collaborators/{secret.pk}").json()
    api_list = client.get("/api/v1/opinion-collaborators").json()
    export = client.post("/cong-dong/cong-tac-vien/xuat.xlsx")
    sheet = [[c for c in row] for row in load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True)]
    flat = " ".join(str(c) for row in sheet for c in row if c is not None)
    for text in (page, listing, flat, str(api), str(api_list)):
        assert (SECRET in text) is sees, text[:200]
        assert ("0912000111" in text) is (sees and text is not listing)  # the phone is not a column of the page
        assert secret.code in text
    for text in (listing, flat, str(api_list)):
        assert OPEN in text  # an ordinary collaborator is named to everyone in scope
    assert api["full_name"] == (SECRET if sees else secret.code) and api["identity_shown"] is sees
    assert api["phone"] == ("0912000111" if sees else MASK) and api["birth_year"] == (1980 if sees else None)
    reads = _reads(secret, user)
    assert reads.count() == 5  # the page, the list page, the API detail, the API list, the export
    assert all(("danh tính" in e.message) is sees or ("mã" in e.message) is not sees for e in reads)


def test_out_of_scope_and_search_by_code_only(cast, people):
    secret, public = people
    assert login(cast.commune_b).get(f"/cong-dong/cong-tac-vien/{secret.pk}/").status_code == 404
    assert login(cast.commune_b).get("/api/v1/opinion-collaborators").json()["count"] == 0
    assert login(cast.hue).get(f"/api/v1/opinion-collaborators/{secret.pk}").status_code == 404
    client = login(cast.commune_a)
    assert client.get("/api/v1/opinion-collaborators", {"q": "Kín"}).json()["count"] == 0  # no search by name
    assert client.get("/api/v1/opinion-collaborators", {"q": "001"}).json()["items"][0]["code"] == secret.code
    assert client.get("/api/v1/opinion-collaborators", {"confidential": "true"}).json()["count"] == 1
    bad = client.get("/api/v1/opinion-collaborators", {"area": cast.geo.commune_h.pk})
    assert bad.status_code == 422 and "area" in bad.content.decode()


def test_appoint_refusals(cast):
    with pytest.raises(NotAllowed):
        opinion.appoint_collaborator(actor=cast.commune_b, organization=cast.front_a, full_name="X", level="commune",
                                     social_group="farmers", area=cast.geo.commune_a,
                                     term_from=datetime.date(2026, 1, 1))
    with pytest.raises(ValidationError) as exc:
        opinion.appoint_collaborator(actor=cast.commune_a, organization=cast.front_a, full_name=" ", level="x",
                                     social_group="y", area=None, term_from=datetime.date(2026, 5, 1),
                                     term_to=datetime.date(2026, 1, 1))
    assert {"full_name", "level", "social_group", "area"} <= set(exc.value.message_dict)
    with pytest.raises(ValidationError) as exc:
        opinion.appoint_collaborator(actor=cast.commune_a, organization=cast.front_a, full_name="Y", level="commune",
                                     social_group="farmers", area=cast.geo.commune_b,
                                     term_from=datetime.date(2026, 1, 1))
    assert "area" in exc.value.message_dict
    assert not OpinionCollaborator.objects.unscoped("test").exists()
    response = login(cast.commune_a).post("/cong-dong/cong-tac-vien/them/", {
        "organization": cast.front_a.pk, "full_name": "Giàng A Páo", "level": "commune", "social_group": "youth",
        "area": cast.geo.commune_a.pk, "term_from": "2026-13-01"})
    assert response.status_code == 200 and "Nhiệm kỳ từ" in response.content.decode()
    assert not OpinionCollaborator.objects.unscoped("test").exists()


def test_edit_identity_and_version(cast, people):
    secret, public = people
    with pytest.raises(NotAllowed):
        opinion.update_collaborator(actor=cast.commune_a, collaborator=secret, full_name="Tên khác")
    with pytest.raises(NotAllowed):
        opinion.update_collaborator(actor=cast.commune_a, collaborator=secret, confidential=False)
    opinion.update_collaborator(actor=cast.commune_a, collaborator=secret, level="village", expected_version=1)
    with pytest.raises(StaleVersion):
        opinion.update_collaborator(actor=cast.front_leader, collaborator=secret, full_name="Tên khác",
                                    expected_version=1)
    opinion.update_collaborator(actor=cast.front_leader, collaborator=secret, full_name="Hờ Thị Kín Đáo",
                                expected_version=2)
    saved = OpinionCollaborator.objects.unscoped("test").get(pk=secret.pk)
    assert (saved.full_name, saved.level, saved.version) == ("Hờ Thị Kín Đáo", "village", 3)
    # the officer's page offers no identity field
    page = login(cast.commune_a).get(f"/cong-dong/cong-tac-vien/{secret.pk}/").content.decode()
    assert 'name="full_name"' not in page and 'name="level"' in page
    assert 'name="full_name"' in login(cast.front_leader).get(f"/cong-dong/cong-tac-vien/{secret.pk}/").content.decode()
