"""Fixtures of the democracy tests: the commune People's Committees of the cast's two Lào Cai communes."""

import pytest

from danvan.democracy.models import DisclosureItem
from danvan.orgs.models import Kind, Role
from tests.factories import OrganizationFactory, member


@pytest.fixture
def ubnd(cast):
    """UBND xã Bảo Ái (A) and UBND phường Yên Bái (B), each with an officer."""
    a = OrganizationFactory(name="Ủy ban nhân dân xã Bảo Ái", kind=Kind.STATE, area=cast.geo.commune_a)
    b = OrganizationFactory(name="Ủy ban nhân dân phường Yên Bái", kind=Kind.STATE, area=cast.geo.commune_b)
    a.officer = member(a, Role.OFFICER, username="ubnd_a", full_name="Lý Văn Ủy")
    b.officer = member(b, Role.OFFICER, username="ubnd_b", full_name="Trịnh Thị Ban")
    return type("Ubnd", (), {"a": a, "b": b})


def item(number) -> DisclosureItem:
    return DisclosureItem.objects.get(number=number)


@pytest.fixture(autouse=True)
def fresh_portal_cache():
    """Each test starts with an empty portal cache (it lives in the process, tests share one)."""
    from danvan.democracy import portal_cache

    portal_cache.bump()
    yield
    portal_cache.bump()
