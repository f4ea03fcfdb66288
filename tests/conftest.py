"""The fixed cast every test can use (see ``cast``), in the spirit of alice/bob/charlie.

Geography (made here, not the real data set, so tests are fast and stand alone):
  new Tỉnh Lào Cai (code 15) ─ Xã Bảo Ái (A), Phường Yên Bái (B)
  legacy Tỉnh Yên Bái (code 15, until 30/06/2025) → new Lào Cai
      └ legacy Huyện Yên Bình └ legacy Xã Bảo Ái (→ A), legacy Xã Tân Hương (→ B)
  new Thành phố Huế ─ Phường Thuận Hóa (H)

People:
  province   — chuyên viên of Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai (sees the whole province,
               legacy Yên Bái included)
  leader     — lãnh đạo of the same Ban;  admin — quản trị of the same Ban
  commune_a  — chuyên viên of Ủy ban MTTQ Xã Bảo Ái;  commune_b — of Ủy ban MTTQ Phường Yên Bái
  mttq       — chuyên viên of Ủy ban MTTQ tỉnh Lào Cai (sees it and the commune MTTQ below it)
  hue        — chuyên viên of Ban Tuyên giáo và Dân vận Thành ủy Huế
  nobody     — a signed-in user with no membership
"""

import datetime
from types import SimpleNamespace

import pytest
from django.test import Client

from danvan.core.models.tokens import ApiToken, hash_token
from danvan.orgs.models import Kind, Role
from danvan.places.domain.units import rebuild_reach
from danvan.places.models import Area, AreaSuccession
from tests.factories import OrganizationFactory, UserFactory, member

pytest_plugins = ["tests.clock"]  # DANVAN_TEST_NOW=2031-01-01T03:00+07:00 moves the clock (see tests/clock.py)

LEGACY_END = datetime.date(2025, 6, 30)
REFORM = datetime.date(2025, 7, 1)


def make_area(name, kind_name, level, code, parent=None, legacy=False, key=None):
    return Area.objects.create(
        name=name, kind_name=kind_name, level=level, code=code, parent=parent, source_key=key or f"cast:{code}:{name}",
        valid_from=None if legacy else REFORM, valid_to=LEGACY_END if legacy else None,
    )


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["tests.hashers.QuickArgon2PasswordHasher", *settings.PASSWORD_HASHERS]


@pytest.fixture
def geo(db):
    g = SimpleNamespace()
    g.laocai = make_area("Lào Cai", "Tỉnh", "province", "15")
    g.commune_a = make_area("Bảo Ái", "Xã", "commune", "04246", g.laocai)
    g.commune_b = make_area("Yên Bái", "Phường", "commune", "04400", g.laocai)
    g.old_yenbai = make_area("Yên Bái", "Tỉnh", "province", "15", legacy=True, key="cast:old:15")
    g.old_district = make_area("Yên Bình", "Huyện", "district", "139", g.old_yenbai, legacy=True)
    g.old_commune_a = make_area("Bảo Ái", "Xã", "commune", "04246", g.old_district, legacy=True, key="cast:old:04246")
    g.old_commune_b = make_area("Tân Hương", "Xã", "commune", "04300", g.old_district, legacy=True)
    g.hue = make_area("Huế", "Thành phố", "province", "46")
    g.commune_h = make_area("Thuận Hóa", "Phường", "commune", "19900", g.hue)
    for old, new in [(g.old_yenbai, g.laocai), (g.old_commune_a, g.commune_a), (g.old_commune_b, g.commune_b)]:
        AreaSuccession.objects.create(predecessor=old, successor=new, effective=REFORM)
    rebuild_reach()
    return g


@pytest.fixture
def cast(geo):
    c = SimpleNamespace(geo=geo)
    c.party = OrganizationFactory(name="Tỉnh ủy Lào Cai", kind=Kind.PARTY_COMMITTEE, area=geo.laocai)
    c.commission = OrganizationFactory(
        name="Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai", short_name="BTGDVTU", kind=Kind.MOBILIZATION_COMMISSION,
        area=geo.laocai, parent=c.party,
    )
    c.front = OrganizationFactory(name="Ủy ban MTTQ Việt Nam tỉnh Lào Cai", kind=Kind.FATHERLAND_FRONT, area=geo.laocai)
    c.front_a = OrganizationFactory(name="Ủy ban MTTQ Việt Nam xã Bảo Ái", kind=Kind.FATHERLAND_FRONT,
                                    area=geo.commune_a, parent=c.front)
    c.front_b = OrganizationFactory(name="Ủy ban MTTQ Việt Nam phường Yên Bái", kind=Kind.FATHERLAND_FRONT,
                                    area=geo.commune_b, parent=c.front)
    c.old_commission = OrganizationFactory(
        name="Ban Dân vận Tỉnh ủy Yên Bái", kind=Kind.MOBILIZATION_COMMISSION, area=geo.old_yenbai,
        valid_to=LEGACY_END,
    )
    c.hue_commission = OrganizationFactory(name="Ban Tuyên giáo và Dân vận Thành ủy Huế",
                                           kind=Kind.MOBILIZATION_COMMISSION, area=geo.hue)
    c.province = member(c.commission, Role.OFFICER, username="province", full_name="Trần Thị Tỉnh")
    c.leader = member(c.commission, Role.LEADER, username="leader", full_name="Lê Văn Lãnh Đạo")
    c.admin = member(c.commission, Role.ADMIN, username="admin_ban", full_name="Phạm Quản Trị")
    c.commune_a = member(c.front_a, Role.OFFICER, username="commune_a", full_name="Hoàng Văn A")
    c.commune_b = member(c.front_b, Role.OFFICER, username="commune_b", full_name="Vũ Thị B")
    c.mttq = member(c.front, Role.OFFICER, username="mttq", full_name="Đỗ Mặt Trận")
    c.hue = member(c.hue_commission, Role.OFFICER, username="hue", full_name="Ngô Thị Huế")
    c.nobody = UserFactory(username="nobody")
    return c


def login(user) -> Client:
    """A test client signed in as ``user``."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_user():
    return login


def bearer(user) -> dict:
    """Headers for an API call as ``user`` with a fresh token."""
    raw = ApiToken.generate()
    ApiToken.objects.create(user=user, key_hash=hash_token(raw), prefix=raw[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def api_headers():
    return bearer
