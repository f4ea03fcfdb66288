"""Opinion reports: an urgent report on the leaders' dashboard until acknowledged, statements masked for
roles without the "opinion" grant (every read logged), rights and bad input."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from danvan.community.domain import opinion
from danvan.community.domain.privacy import MASK
from danvan.community.models import OpinionReport
from danvan.core.domain.refusals import NotAllowed, WrongState
from danvan.core.models import AuditEvent
from tests.conftest import login

pytestmark = pytest.mark.django_db
STATEMENT = "Nhiều hộ lo ngại mức bồi thường đất rừng thấp hơn giá thị trường"


@pytest.fixture
def report(cast):
    topic = opinion.create_topic(actor=cast.province, organization=cast.commission, title="Dư luận về bồi thường đất",
                                 due_date=datetime.date(2026, 11, 30))
    return opinion.file_report(actor=cast.commune_a, organization=cast.front_a, area=cast.geo.commune_a,
                               date=datetime.date(2026, 11, 20), social_groups="Nông dân", statement=STATEMENT,
                               stance="against", strength=4, spread=3, source="direct", topic=topic, urgent=True,
                               recommendation="Đối thoại với các hộ")


def test_urgent_until_acknowledged(cast, report):
    page = login(cast.leader).get("/").content.decode()
    assert "Nông dân" in page and f"/cong-dong/du-luan/{report.pk}/da-nhan/" in page
    assert f"/cong-dong/du-luan/{report.pk}/da-nhan/" not in login(cast.province).get("/").content.decode()
    with pytest.raises(NotAllowed):
        opinion.acknowledge(actor=cast.commune_a, report=report)
    response = login(cast.leader).post(f"/cong-dong/du-luan/{report.pk}/da-nhan/")
    assert response.status_code == 302
    saved = OpinionReport.objects.unscoped("test").get(pk=report.pk)
    assert saved.acknowledged_by == cast.leader and saved.acknowledged_at is not None
    assert f"/cong-dong/du-luan/{report.pk}/da-nhan/" not in login(cast.leader).get("/").content.decode()
    with pytest.raises(WrongState):
        opinion.acknowledge(actor=cast.leader, report=saved)


def test_masking_and_reads(cast, report):
    leader = login(cast.leader).get(f"/api/v1/opinion-reports/{report.pk}").json()
    assert leader["statement"] == STATEMENT and leader["recommendation"] == "Đối thoại với các hộ"
    officer = login(cast.commune_a).get("/api/v1/opinion-reports").json()
    assert officer["count"] == 1 and officer["items"][0]["statement"] == MASK
    reads = AuditEvent.objects.filter(action="view", content_type__model="opinionreport", object_id=str(report.pk))
    assert reads.filter(actor=cast.leader).count() == 1 and reads.filter(actor=cast.commune_a).count() == 1
    assert login(cast.commune_b).get(f"/api/v1/opinion-reports/{report.pk}").status_code == 404


def test_bad_input_and_rights(cast):
    with pytest.raises(ValidationError) as exc:
        opinion.file_report(actor=cast.commune_a, organization=cast.front_a, area=cast.geo.commune_a,
                            date=datetime.date(2026, 11, 20), social_groups="", statement=" ", stance="maybe",
                            strength=9, spread=0, source="rumour")
    assert {"statement", "social_groups", "stance", "strength", "spread", "source"} <= set(exc.value.message_dict)
    with pytest.raises(NotAllowed):
        opinion.file_report(actor=cast.commune_b, organization=cast.front_a, area=cast.geo.commune_a,
                            date=datetime.date(2026, 11, 20), social_groups="Nông dân", statement="x",
                            stance="for", strength=1, spread=1, source="press")
    assert not OpinionReport.objects.unscoped("test").exists()
