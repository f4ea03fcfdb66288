"""Every sensitive field for every role, through the list page, the detail page, the export and the API:
ethnicity and religion of a person of prestige, a dignitary's religion, an opinion report's statement and
recommendation (a collaborator's identity: test_collaborators). The defaults (SensitiveGrant rows): the
commissions' and the Front's officers and leaders see ethnicity and religion; only the commissions'
leaders see opinions; administrators see none. Every read is logged."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from danvan.community.domain import opinion
from danvan.community.domain.privacy import MASK
from danvan.community.domain.religion import appoint
from danvan.community.models import Religion
from danvan.core.models import AuditEvent
from tests.community.helpers import make_list, recognized
from tests.conftest import login

pytestmark = pytest.mark.django_db
ETHNICITY, RELIGION, DIGNITARY_RELIGION = "Pà Thẻn", "Công giáo", "Cao Đài"
STATEMENT, RECOMMENDATION = "Băn khoăn về tiến độ chi trả bồi thường", "Đề nghị tổ chức đối thoại công khai"
# role: (ethnicity, religion, opinions) seen unmasked
ROLES = {"commune_a": (True, True, False), "province": (True, True, False), "leader": (True, True, True),
         "admin": (False, False, False)}


@pytest.fixture
def records(cast):
    entry = recognized(make_list(cast.front_a), "Vàng Seo Páo", ethnicity=ETHNICITY, religion=RELIGION)
    dignitary = appoint(actor=None, organization=cast.front_a, kind="rank", title="Giáo sư",
                        religion=Religion.objects.get(name=DIGNITARY_RELIGION), full_name="Nguyễn Văn Đạo",
                        since=datetime.date(2015, 1, 1))
    report = opinion.file_report(actor=None, organization=cast.front_a, area=cast.geo.commune_a,
                                 date=datetime.date(2026, 11, 20), social_groups="Nông dân", social_group="farmers",
                                 statement=STATEMENT, recommendation=RECOMMENDATION, stance="against", strength=3,
                                 spread=2, source="meetings")
    return entry, dignitary, report


def _fragment(client, url, **params):
    return client.get(url, params, HTTP_HX_REQUEST="true").content.decode()


def _sheet(response) -> str:
    rows = load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
    return " ".join(str(c) for row in rows for c in row if c is not None)


def _check(text: str, value: str, seen: bool, where: str):
    assert (value in text) is seen, f"{value!r} {'hidden' if seen else 'shown'} in {where}"
    if not seen:
        assert MASK in text, f"no mask in {where}"


@pytest.mark.parametrize("role", list(ROLES))
def test_every_field_every_role_every_channel(cast, records, role):
    entry, dignitary, report = records
    sees_ethnicity, sees_religion, sees_opinion = ROLES[role]
    user = getattr(cast, role)
    client = login(user)
    people = {
        "list page": _fragment(client, "/cong-dong/uy-tin/"),
        "entry page": client.get(f"/cong-dong/uy-tin/{entry.pk}/").content.decode(),
        "export": _sheet(client.get("/cong-dong/uy-tin/xuat.xlsx")),
        "API list": str(client.get("/api/v1/prestige-people").json()["items"]),
        "API detail": str(client.get(f"/api/v1/prestige-people/{entry.pk}").json()),
    }
    for where, text in people.items():
        assert "Vàng Seo Páo" in text, where
        _check(text, ETHNICITY, sees_ethnicity, f"people of prestige, {where}, ethnicity")
        _check(text, RELIGION, sees_religion, f"people of prestige, {where}, religion")
    dignitaries = {
        "registry page": _fragment(client, "/cong-dong/ton-giao/"),
        "export": _sheet(client.post("/cong-dong/ton-giao/xuat.xlsx")),
        "dignitary page": client.get(f"/cong-dong/chuc-sac/{dignitary.pk}/").content.decode().split("<main")[-1],
        "API list": str(client.get("/api/v1/dignitaries").json()["items"]),
        "API detail": str(client.get(f"/api/v1/dignitaries/{dignitary.pk}").json()),
    }
    for where, text in dignitaries.items():
        assert "Nguyễn Văn Đạo" in text, where
        if where == "dignitary page" and not sees_religion:
            assert f">{DIGNITARY_RELIGION}<" not in text and MASK in text, where
            continue
        _check(text, DIGNITARY_RELIGION, sees_religion, f"dignitaries, {where}, religion")
    opinions = {
        "list page": _fragment(client, "/cong-dong/du-luan/"),
        "report page": client.get(f"/cong-dong/du-luan/{report.pk}/").content.decode(),
        "export": _sheet(client.post("/cong-dong/du-luan/xuat.xlsx")),
        "API list": str(client.get("/api/v1/opinion-reports").json()["items"]),
        "API detail": str(client.get(f"/api/v1/opinion-reports/{report.pk}").json()),
    }
    for where, text in opinions.items():
        _check(text, STATEMENT, sees_opinion, f"opinion reports, {where}, statement")
        if where != "list page":  # the recommendation is not a column of the page's table
            _check(text, RECOMMENDATION, sees_opinion, f"opinion reports, {where}, recommendation")
    reads = AuditEvent.objects.filter(action="view", actor=user)
    assert reads.filter(content_type__model="prestigeentry", object_id=str(entry.pk)).count() == len(people)
    assert reads.filter(content_type__model="dignitary", object_id=str(dignitary.pk)).count() == len(dignitaries)
    assert reads.filter(content_type__model="opinionreport", object_id=str(report.pk)).count() == len(opinions)
