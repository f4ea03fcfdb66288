"""Voice fixtures on the cast: the Party committee of xã Bảo Ái (Đảng ủy xã Bảo Ái, under the
provincial Party committee) with its officer ``party_a``, the secretaries who owe receptions, and a year
(2026) of receptions with some months missed. Dates are fixed; "today" is given where it matters."""

import datetime
from types import SimpleNamespace

import pytest

from danvan.orgs.models import Kind, Organization
from danvan.voice.domain.receptions import add_case, create_duty, create_session
from tests.factories import OrganizationFactory, member
from tests.meetings.helpers import person

REFORM = datetime.date(2025, 7, 1)


@pytest.fixture
def v(cast):
    w = SimpleNamespace(cast=cast)
    Organization.objects.filter(pk__in=[cast.party.pk, cast.front_a.pk]).update(valid_from=REFORM)
    w.party_a = OrganizationFactory(name="Đảng ủy xã Bảo Ái", kind=Kind.PARTY_COMMITTEE, area=cast.geo.commune_a,
                                    parent=cast.party, valid_from=REFORM)
    w.party_b = OrganizationFactory(name="Đảng ủy phường Yên Bái", kind=Kind.PARTY_COMMITTEE,
                                    area=cast.geo.commune_b, parent=cast.party, valid_from=REFORM)
    w.officer_a = member(w.party_a, username="party_a", full_name="Lường Văn Văn Phòng")
    w.officer_b = member(w.party_b, username="party_b", full_name="Hà Thị Phường")
    w.secretary_a = person(w.party_a, name="Sùng A Páo", title="Bí thư Đảng ủy xã Bảo Ái")
    w.secretary_b = person(w.party_b, name="Nguyễn Văn Bình", title="Bí thư Đảng ủy phường Yên Bái")
    w.prov_secretary = person(cast.party, name="Trịnh Văn Tỉnh", title="Bí thư Tỉnh ủy")
    w.duty_a = create_duty(actor=None, person=w.secretary_a, organization=w.party_a, position="commune_secretary",
                           valid_from=datetime.date(2025, 7, 1))
    w.duty_b = create_duty(actor=None, person=w.secretary_b, organization=w.party_b, position="commune_secretary",
                           valid_from=datetime.date(2025, 7, 1))
    w.duty_p = create_duty(actor=None, person=w.prov_secretary, organization=cast.party, position="prov_secretary",
                           valid_from=datetime.date(2025, 7, 1))
    return w


def session(org, receiver, day, **kw):
    return create_session(actor=None, organization=org, receiver=receiver, held_on=day, **kw)


def case(s, **kw):
    values = {"subject": "Đề nghị làm rõ việc thu hồi đất làm đường", "citizen_name": "Lý Thị Mai", "people": 1,
              "kind": "recommendation", "field": "land"}
    values.update(kw)
    return add_case(actor=None, session=s, **values)
