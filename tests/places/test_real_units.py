"""The real administrative units from vietnamadminunits, loaded once for this module."""

import datetime
import io

import pytest

from danvan.orgs.demo import load as load_demo_orgs
from danvan.orgs.models import Organization
from danvan.places.domain.units import load_units
from danvan.places.models import Area, AreaReach, AreaSuccession
from tests.conftest import bearer

pytestmark = pytest.mark.realunits


@pytest.fixture(scope="module")
def real_units(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        first = load_units()
        second = load_units()
        load_demo_orgs(io.StringIO())
        load_demo_orgs(io.StringIO())
        yield first, second
        from danvan.core.models import AuditEvent, User
        from danvan.orgs.models import Membership, OrganizationReach, OrganizationSuccession

        Membership.objects.all().delete()
        User.objects.all().delete()
        AuditEvent.objects.all().delete()
        OrganizationSuccession.objects.all().delete()
        OrganizationReach.objects.all().delete()
        Organization.objects.filter(parent__isnull=False).update(parent=None)
        Organization.objects.all().delete()
        AreaReach.objects.all().delete()
        AreaSuccession.objects.all().delete()
        Area.objects.filter(level="commune").delete()
        Area.objects.filter(level="district").delete()
        Area.objects.all().delete()


def count(level, day):
    return Area.objects.filter(level=level).valid_on(day).count()


def test_counts_before_and_after_the_reform(real_units, db):
    assert count("province", datetime.date(2026, 1, 1)) == 34
    assert count("commune", datetime.date(2026, 1, 1)) == 3321
    assert count("district", datetime.date(2026, 1, 1)) == 0
    assert count("province", datetime.date(2024, 1, 1)) == 63
    assert count("district", datetime.date(2024, 1, 1)) == 696
    assert count("commune", datetime.date(2024, 1, 1)) == 10035


def test_commune_kinds_after_the_reform(real_units, db):
    current = Area.objects.current().filter(level="commune")
    assert current.filter(kind_name="Xã").count() == 2621
    assert current.filter(kind_name="Phường").count() == 687
    assert current.filter(kind_name="Đặc khu").count() == 13


def test_second_load_changes_nothing(real_units, db):
    first, second = real_units
    assert first.created == 14150
    assert (second.created, second.updated, second.successions) == (0, 0, 0)


def test_yen_bai_succeeded_by_new_lao_cai_and_bao_ai_lies_under_it(real_units, db):
    old_yenbai = Area.objects.get(level="province", name="Yên Bái")
    new_laocai = Area.objects.current().get(level="province", name="Lào Cai")
    assert [link.successor for link in old_yenbai.successor_links.all()] == [new_laocai]
    assert old_yenbai.code == new_laocai.code == "15"
    bao_ai = Area.objects.current().get(level="commune", name="Bảo Ái")
    assert bao_ai.parent == new_laocai
    assert Area.objects.under(new_laocai).filter(pk=bao_ai.pk).exists()
    assert Area.objects.under(new_laocai).filter(pk=old_yenbai.pk).exists()
    assert Area.objects.under(new_laocai).filter(valid_to__isnull=True, level="commune").count() == 99
    assert Area.objects.current().get(level="province", name="Huế").children.count() == 40


def test_every_legacy_commune_has_a_successor(real_units, db):
    assert not Area.objects.filter(level="commune", valid_to__isnull=False, successor_links__isnull=True).exists()
    tth = Area.objects.get(name="Thừa Thiên Huế")
    assert tth.valid_to == datetime.date(2024, 12, 31)
    assert [link.successor.full_name for link in tth.successor_links.all()] == ["Thành phố Huế"]


def test_name_search_ignores_case_and_diacritics(real_units, db):
    assert {a.full_name for a in Area.objects.search("bao ai")} == {"Xã Bảo Ái"}
    found = {(a.full_name, a.is_legacy) for a in Area.objects.search("yen bai")}
    assert ("Phường Yên Bái", False) in found and ("Tỉnh Yên Bái", True) in found


def test_api_counts_on_real_units(real_units, client, db):
    from danvan.core.models import User

    headers = bearer(User.objects.get(username="laocai.chuyenvien"))
    def total(**params):
        return client.get("/api/v1/areas", params, **headers).json()["count"]
    assert total(level="province", at="2026-01-01") == 34
    assert total(level="commune", at="2026-01-01") == 3321
    assert total(level="province", at="2024-01-01") == 63
    yenbai = Area.objects.get(level="province", name="Yên Bái")
    detail = client.get(f"/api/v1/areas/{yenbai.pk}", **headers).json()
    assert [s["name"] for s in detail["successors"]] == ["Tỉnh Lào Cai"]


def test_demo_commune_officer_sees_only_own_organization(real_units, client, db):
    from danvan.core.models import User

    officer = User.objects.get(username="baoai.mttq")
    body = client.get("/api/v1/organizations", **bearer(officer)).json()
    assert body["count"] == 1
    assert body["items"][0]["name"] == "Ủy ban MTTQ Việt Nam xã Bảo Ái"
    other = Organization.objects.get(name="Ủy ban MTTQ Việt Nam phường Yên Bái")
    assert client.get(f"/api/v1/organizations/{other.pk}", **bearer(officer)).status_code == 404
    client.force_login(officer)
    assert client.get(f"/to-chuc/{other.pk}/").status_code == 404


def test_demo_province_officer_sees_legacy_organizations(real_units, client, db):
    from danvan.core.models import User

    officer = User.objects.get(username="laocai.chuyenvien")
    visible = Organization.objects.for_user(officer)
    assert visible.filter(name="Ban Dân vận Tỉnh ủy Yên Bái").exists()
    assert visible.filter(name="Ban Dân vận Huyện ủy Bảo Yên").exists()
    assert not visible.filter(name__contains="Huế").exists()
    commission = Organization.objects.get(name="Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai")
    assert sorted(link.predecessor.name for link in commission.predecessor_links.all()) == [
        "Ban Dân vận Tỉnh ủy Lào Cai", "Ban Dân vận Tỉnh ủy Yên Bái"]
