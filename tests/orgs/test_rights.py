"""Issue 9 §1: nobody widens their own scope or rights.

The fields that define a scope (an organization's kind, area and parent) are changed only by a quản trị
of a level above or a superuser; roles are granted by a quản trị inside its scope, never to itself, and
lãnh đạo only by a quản trị above; nobody creates an organization it then cannot see. The rules live in
the domain actions; the forms only reflect them.
"""

import pytest
from django.core.exceptions import ValidationError

from danvan.core.models import AuditEvent
from danvan.orgs.domain.organizations import create_organization, update_organization
from danvan.orgs.domain.users import add_membership, create_user
from danvan.orgs.models import Kind, Membership, Organization, Role
from tests.conftest import login
from tests.factories import OrganizationFactory, member


def visible_names(user):
    return sorted(Organization.objects.for_user(user).values_list("name", flat=True))


def edit_form(org, **changes):
    values = {"name": org.name, "short_name": org.short_name, "kind": org.kind, "area": org.area_id,
              "parent": org.parent_id or "", "valid_from": "", "valid_to": "", "email": org.email,
              "phone": org.phone, "address": org.address, "version": org.version}
    values.update(changes)
    return values


# --- The fields that define a scope ---------------------------------------------------------------

def test_provincial_mttq_officer_cannot_turn_its_organization_into_a_party_committee(cast):
    before = visible_names(cast.mttq)
    page = login(cast.mttq).post(f"/to-chuc/{cast.front.pk}/sua/", edit_form(cast.front, kind=Kind.PARTY_COMMITTEE))
    cast.front.refresh_from_db()
    assert cast.front.kind == Kind.FATHERLAND_FRONT
    assert visible_names(cast.mttq) == before
    assert page.status_code == 302  # the kind is not in its form: the rest saves, the kind is ignored


def test_scope_fields_are_not_in_the_form_of_a_member(cast):
    page = login(cast.commune_a).get(f"/to-chuc/{cast.front_a.pk}/sua/")
    fields = set(page.context["form"].fields)
    assert {"kind", "area", "parent"} & fields == set()
    assert {"name", "phone", "email", "address"} <= fields
    body = page.content.decode()
    assert 'name="parent"' not in body and 'name="kind"' not in body


def test_saving_ones_own_organization_unchanged_keeps_its_parent(cast):
    form = edit_form(cast.front_a, phone="0214 3840 123")
    del form["parent"], form["kind"], form["area"]
    response = login(cast.commune_a).post(f"/to-chuc/{cast.front_a.pk}/sua/", form)
    assert response.status_code == 302
    cast.front_a.refresh_from_db()
    assert (cast.front_a.phone, cast.front_a.parent) == ("0214 3840 123", cast.front)
    assert "Ủy ban MTTQ Việt Nam xã Bảo Ái" in visible_names(cast.mttq)


def test_domain_refuses_a_member_changing_its_organizations_kind(cast):
    with pytest.raises(ValidationError) as refused:
        update_organization(cast.front, actor=cast.mttq, kind=Kind.PARTY_COMMITTEE)
    assert "quản trị cấp trên" in " ".join(refused.value.messages)
    cast.front.refresh_from_db()
    assert cast.front.kind == Kind.FATHERLAND_FRONT
    assert not AuditEvent.objects.filter(object_id=str(cast.front.pk), action="update").exists()


def test_domain_refuses_a_commune_officer_changing_parent_or_area(cast):
    with pytest.raises(ValidationError):
        update_organization(cast.front_a, actor=cast.commune_a, parent=None)
    with pytest.raises(ValidationError):
        update_organization(cast.front_a, actor=cast.commune_a, area=cast.geo.laocai)
    cast.front_a.refresh_from_db()
    assert (cast.front_a.parent, cast.front_a.area) == (cast.front, cast.geo.commune_a)


def test_domain_refuses_an_administrator_of_the_organization_itself(cast):
    front_admin = member(cast.front, Role.ADMIN, username="front_admin")
    with pytest.raises(ValidationError):
        update_organization(cast.front, actor=front_admin, kind=Kind.PARTY_COMMITTEE)
    cast.front.refresh_from_db()
    assert cast.front.kind == Kind.FATHERLAND_FRONT


def test_officer_of_the_commission_is_not_an_administrator_above(cast):
    with pytest.raises(ValidationError):
        update_organization(cast.front_a, actor=cast.province, parent=None)
    cast.front_a.refresh_from_db()
    assert cast.front_a.parent == cast.front


def test_administrator_above_changes_the_scope_fields(cast):
    client = login(cast.admin)
    page = client.get(f"/to-chuc/{cast.front_b.pk}/sua/")
    assert {"kind", "area", "parent"} <= set(page.context["form"].fields)
    response = client.post(f"/to-chuc/{cast.front_b.pk}/sua/", edit_form(cast.front_b, parent=cast.front_a.pk))
    assert response.status_code == 302
    cast.front_b.refresh_from_db()
    assert cast.front_b.parent == cast.front_a
    assert "Ủy ban MTTQ Việt Nam phường Yên Bái" in visible_names(cast.commune_a)
    event = AuditEvent.objects.get(object_id=str(cast.front_b.pk), action="update")
    assert event.actor == cast.admin and "parent" in event.changes


def test_superuser_changes_the_scope_fields(cast):
    from tests.factories import UserFactory

    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    update_organization(cast.front, actor=root, kind=Kind.STATE)
    cast.front.refresh_from_db()
    assert cast.front.kind == Kind.STATE


def test_administrator_above_cannot_move_an_organization_under_one_outside_its_scope(cast):
    with pytest.raises(ValidationError):
        update_organization(cast.front_b, actor=cast.admin, parent=cast.hue_commission)
    cast.front_b.refresh_from_db()
    assert cast.front_b.parent == cast.front


def test_area_scoped_kind_needs_an_administrator_of_the_whole_area(cast):
    # the quản trị of the provincial MTTQ manages the commune MTTQ below it, but not everything in the
    # commune: it may not turn that committee into one that sees the whole commune
    front_admin = member(cast.front, Role.ADMIN, username="front_admin")
    with pytest.raises(ValidationError):
        update_organization(cast.front_a, actor=front_admin, kind=Kind.PARTY_BUILDING_COMMISSION)
    cast.front_a.refresh_from_db()
    assert cast.front_a.kind == Kind.FATHERLAND_FRONT
    update_organization(cast.front_a, actor=front_admin, kind=Kind.WOMEN)  # not area-scoped: allowed
    cast.front_a.refresh_from_db()
    assert cast.front_a.kind == Kind.WOMEN


# --- Creating organizations ----------------------------------------------------------------------

def test_commune_officer_cannot_create_an_organization_it_then_cannot_see(cast):
    form = {"name": "Chi hội Phụ nữ thôn 2", "kind": Kind.WOMEN, "area": cast.geo.commune_a.pk, "parent": ""}
    page = login(cast.commune_a).post("/to-chuc/them/", form)
    assert page.status_code == 200
    assert "ngoài phạm vi của bạn" in page.content.decode()
    assert not Organization.objects.filter(name="Chi hội Phụ nữ thôn 2").exists()


def test_domain_refuses_creating_outside_ones_scope(cast):
    with pytest.raises(ValidationError):
        create_organization(actor=cast.commune_a, name="Chi hội X", kind=Kind.WOMEN, area=cast.geo.commune_a)
    with pytest.raises(ValidationError):
        create_organization(actor=cast.commune_a, name="Đảng ủy xã", kind=Kind.PARTY_COMMITTEE,
                            area=cast.geo.commune_a, parent=cast.front_a)
    with pytest.raises(ValidationError):
        create_organization(actor=cast.commune_a, name="Chi hội Y", kind=Kind.WOMEN, area=cast.geo.commune_h,
                            parent=cast.front_a)
    assert not Organization.objects.filter(name__in=["Chi hội X", "Đảng ủy xã", "Chi hội Y"]).exists()
    created = create_organization(actor=cast.commune_a, name="Chi hội Z", kind=Kind.WOMEN, area=cast.geo.commune_a,
                                  parent=cast.front_a)
    assert "Chi hội Z" in visible_names(cast.commune_a)
    assert created.parent == cast.front_a


def test_administrator_of_the_area_creates_an_area_scoped_organization(cast):
    created = create_organization(actor=cast.admin, name="Đảng ủy xã Bảo Ái", kind=Kind.PARTY_COMMITTEE,
                                  area=cast.geo.commune_a, parent=cast.party)
    assert created.kind == Kind.PARTY_COMMITTEE


# --- Granting roles -----------------------------------------------------------------------------

def test_administrator_cannot_grant_itself_a_role(cast):
    client = login(cast.admin)
    page = client.post(f"/to-chuc/nguoi-dung/{cast.admin.pk}/",
                       {"organization": cast.front_a.pk, "role": Role.LEADER, "position": ""})
    assert "không thể tự cấp vai trò cho chính mình" in page.content.decode()
    assert list(cast.admin.memberships.values_list("organization__name", "role")) == [
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai", "admin")]
    with pytest.raises(ValidationError):
        add_membership(actor=cast.admin, user=cast.admin, organization=cast.commission, role=Role.OFFICER)


def test_administrator_of_an_organization_cannot_grant_leader_there(cast):
    front_admin = member(cast.front, Role.ADMIN, username="front_admin")
    with pytest.raises(ValidationError) as refused:
        add_membership(actor=front_admin, user=cast.mttq, organization=cast.front, role=Role.LEADER)
    assert "quản trị cấp trên" in " ".join(refused.value.messages)
    assert Membership.objects.get(user=cast.mttq).role == Role.OFFICER
    with pytest.raises(ValidationError):
        create_user(actor=front_admin, username="puppet", full_name="Bù Nhìn", password="Dan-van-2026!x",
                    organization=cast.front, role=Role.LEADER)
    assert not Membership.objects.filter(user__username="puppet").exists()


def test_administrator_above_grants_leader(cast):
    add_membership(actor=cast.admin, user=cast.mttq, organization=cast.front, role=Role.LEADER)
    assert Membership.objects.get(user=cast.mttq).role == Role.LEADER
    # a quản trị of the organization itself still grants chuyên viên and quản trị there
    front_admin = member(cast.front, Role.ADMIN, username="front_admin")
    add_membership(actor=front_admin, user=cast.commune_a, organization=cast.front_a, role=Role.OFFICER)
    assert Membership.objects.get(user=cast.commune_a, organization=cast.front_a).role == Role.OFFICER


def test_leader_choice_is_not_offered_where_the_administrator_may_not_grant_it(cast):
    commune_admin = member(cast.front_a, Role.ADMIN, username="commune_admin")  # nothing below it
    page = login(commune_admin).get("/to-chuc/nguoi-dung/them/")
    form = page.context["form"]
    assert Role.LEADER not in {value for value, _label in form.fields["role"].choices}
    page = login(cast.admin).get("/to-chuc/nguoi-dung/them/")
    assert Role.LEADER in {value for value, _label in page.context["form"].fields["role"].choices}


def test_granting_in_an_area_scoped_organization_needs_the_whole_area(cast):
    # a quản trị of the provincial MTTQ may not put someone into a commune commission that sees the
    # whole commune (more than the quản trị itself manages)
    commune_commission = OrganizationFactory(name="Ban Xây dựng Đảng xã Bảo Ái", kind=Kind.PARTY_BUILDING_COMMISSION,
                                             area=cast.geo.commune_a, parent=cast.front)
    front_admin = member(cast.front, Role.ADMIN, username="front_admin")
    with pytest.raises(ValidationError):
        add_membership(actor=front_admin, user=cast.commune_a, organization=commune_commission, role=Role.OFFICER)
    assert not Membership.objects.filter(organization=commune_commission).exists()
