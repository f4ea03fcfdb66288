"""Fixtures of the practices tests: a campaign of the province commission and a helper that makes
practices directly (the life cycle itself is tested through the domain functions)."""

import datetime

import pytest

from danvan.orgs.models import Kind, Role
from danvan.practices.domain.campaigns import create_campaign
from danvan.practices.models import Practice, PracticeField, Status
from tests.factories import OrganizationFactory, member

FILLED = {"situation": "Đường thôn lầy lội", "goals": "Bê tông hóa 2 km", "content": "Vận động nhân dân hiến đất"}


def make_practice(org, area=None, *, status=Status.DRAFT, field=PracticeField.ECONOMY, year=2023, name=None,
                  campaign=None, **extra) -> Practice:
    values = {**FILLED, **extra}
    return Practice.objects.create(
        name=name or f"Mô hình {Practice.objects.unscoped("test reads back").count() + 1}", organization=org, area=area or org.area,
        status=status, field=field, year=year, campaign=campaign, **values,
    )


@pytest.fixture
def campaign(cast):
    return create_campaign(actor=cast.province, organization=cast.commission, name="Phong trào Dân vận khéo 2021–2025",
                           start_year=2021, end_year=2026, registration_deadline=datetime.date(2099, 12, 31))


@pytest.fixture
def commune_party(cast):
    """A commune Party committee of xã Bảo Ái (A) with a leader (a grassroots approver)."""
    committee = OrganizationFactory(name="Đảng ủy xã Bảo Ái", kind=Kind.PARTY_COMMITTEE, area=cast.geo.commune_a)
    committee.leader = member(committee, Role.LEADER, username="baoai_leader", full_name="Bí thư Bảo Ái")
    committee.officer = member(committee, Role.OFFICER, username="baoai_officer", full_name="Cán bộ Bảo Ái")
    return committee
