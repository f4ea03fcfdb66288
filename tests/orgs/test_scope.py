from danvan.orgs.models import Organization
from danvan.orgs.scope import can, restrict


def names(qs):
    return sorted(qs.values_list("name", flat=True))


def test_province_commission_sees_whole_province_including_legacy_units(cast):
    assert names(Organization.objects.for_user(cast.province)) == sorted([
        "Tỉnh ủy Lào Cai", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai", "Ủy ban MTTQ Việt Nam tỉnh Lào Cai",
        "Ủy ban MTTQ Việt Nam xã Bảo Ái", "Ủy ban MTTQ Việt Nam phường Yên Bái", "Ban Dân vận Tỉnh ủy Yên Bái",
    ])


def test_commune_officer_sees_only_own_organization(cast):
    assert names(Organization.objects.for_user(cast.commune_a)) == ["Ủy ban MTTQ Việt Nam xã Bảo Ái"]


def test_mttq_officer_sees_own_front_and_those_below(cast):
    assert names(Organization.objects.for_user(cast.mttq)) == sorted([
        "Ủy ban MTTQ Việt Nam tỉnh Lào Cai", "Ủy ban MTTQ Việt Nam xã Bảo Ái", "Ủy ban MTTQ Việt Nam phường Yên Bái",
    ])


def test_user_without_membership_sees_nothing(cast):
    assert Organization.objects.for_user(cast.nobody).count() == 0


def test_roles_decide_actions(cast):
    assert can(cast.leader, "approve", cast.front_a)
    assert not can(cast.province, "approve", cast.front_a)
    assert can(cast.admin, "manage", cast.front_a)
    assert not can(cast.admin, "change", cast.front_a)
    assert not can(cast.commune_a, "view", cast.front_b)


def test_restrict_follows_a_relation(cast):
    from danvan.orgs.models import Membership

    visible = restrict(Membership.objects.all(), cast.commune_a, via="organization")
    assert sorted(visible.values_list("user__username", flat=True)) == ["commune_a"]
