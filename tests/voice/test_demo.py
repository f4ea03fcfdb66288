"""The voice demo runs on the cast's Lào Cai (renamed to the real unit's key) and is idempotent."""

import io

from danvan.orgs.models import Kind
from danvan.places.models import Area
from danvan.voice import demo
from danvan.voice.models import Dialogue, Petition, PetitionStep, ReceptionSession
from tests.factories import OrganizationFactory


def test_demo_loads_receptions_dialogues_and_petitions_once(v):
    Area.objects.filter(pk=v.cast.geo.laocai.pk).update(source_key="2025:p15")
    party = OrganizationFactory(name="Đảng ủy xã Bảo Ái", kind=Kind.PARTY_COMMITTEE, area=v.cast.geo.commune_a)
    OrganizationFactory(name="Ban Xây dựng Đảng Đảng ủy xã Bảo Ái", kind=Kind.PARTY_BUILDING_COMMISSION,
                        area=v.cast.geo.commune_a, parent=party)
    out = io.StringIO()
    demo.load(out)
    assert "petitions 25" in out.getvalue() and "dialogues 1" in out.getvalue()
    assert ReceptionSession.objects.unscoped("test").count() > 12
    assert Dialogue.objects.unscoped("test").count() == 1
    assert Petition.objects.unscoped("test").count() == 25
    assert PetitionStep.objects.unscoped("test").exclude(action="receive").exists()
    demo.load(out)
    assert Petition.objects.unscoped("test").count() == 25 and "already loaded" in out.getvalue()
