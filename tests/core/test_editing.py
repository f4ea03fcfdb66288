"""The one optimistic edit (``core/domain/editing.py``), through an action that uses it."""

import pytest

from danvan.core.domain.refusals import StaleVersion
from danvan.core.models import AuditEvent
from danvan.practices.domain.practices import update_practice
from danvan.practices.models import Practice
from tests.practices.conftest import make_practice


def test_a_save_bumps_the_version_and_audits_the_change(cast):
    practice = make_practice(cast.front_a, name="Mô hình cũ")
    update_practice(practice=practice, actor=cast.commune_a, expected_version=practice.version, name="Mô hình mới")
    saved = Practice._base_manager.get(pk=practice.pk)
    assert (saved.name, saved.version, practice.version) == ("Mô hình mới", 2, 2)
    event = AuditEvent.objects.filter(action="update", object_id=str(practice.pk)).get()
    assert "name" in event.changes


def test_a_stale_save_is_refused_and_changes_nothing(cast):
    practice = make_practice(cast.front_a, name="Mô hình cũ")
    with pytest.raises(StaleVersion) as refused:
        update_practice(practice=practice, actor=cast.commune_a, expected_version=practice.version + 5, name="X")
    assert refused.value.field == "version"
    saved = Practice._base_manager.get(pk=practice.pk)
    assert (saved.name, saved.version) == ("Mô hình cũ", 1)
    assert not AuditEvent.objects.filter(action="update", object_id=str(practice.pk)).exists()


# Every update action built on edit(): (make the object, call the action, field changed, new value,
# the Vietnamese stale message). The same block, so the same outcome: version + 1 and one "update"
# audit event naming the field; a stale version is a StaleVersion (409) that changes nothing.
def _nomination(cast):
    from danvan.awards.domain import nominations
    from danvan.awards.models import AwardKind
    from tests.meetings.helpers import person

    kind = AwardKind.objects.create(name="Bằng khen", code="bk", for_individuals=True)
    return nominations.create_nomination(
        actor=None, award_kind=kind, year=2023, nominee_type="individual", person=person(cast.front_a),
        organization=cast.front_a, justification="Có nhiều đóng góp cho công tác dân vận ở cơ sở.")


def _campaign(cast):
    from danvan.practices.domain.campaigns import create_campaign

    return create_campaign(actor=cast.province, organization=cast.commission, name="Phong trào 2021–2025",
                           start_year=2021, end_year=2026)


def _meeting(cast):
    from tests.meetings.helpers import meeting

    return meeting(cast.commission)


def _person(cast):
    from tests.meetings.helpers import person

    return person(cast.front_a)


def _organization(cast):
    return cast.front_a


def _update(kind):
    from danvan.awards.domain.nominations import update_nomination
    from danvan.meetings.domain.meetings import update_meeting
    from danvan.meetings.domain.people import update_person
    from danvan.orgs.domain.organizations import update_organization
    from danvan.practices.domain.campaigns import update_campaign

    return {
        "nomination": lambda obj, cast, v, value: update_nomination(obj, actor=cast.commune_a, expected_version=v,
                                                                    justification=value),
        "campaign": lambda obj, cast, v, value: update_campaign(campaign=obj, actor=cast.province,
                                                               expected_version=v, name=value),
        "meeting": lambda obj, cast, v, value: update_meeting(obj, actor=cast.province, expected_version=v,
                                                             venue=value),
        "person": lambda obj, cast, v, value: update_person(obj, actor=cast.commune_a, expected_version=v,
                                                           full_name=value),
        "organization": lambda obj, cast, v, value: update_organization(obj, actor=cast.admin, expected_version=v,
                                                                        name=value),
    }[kind]


CASES = [
    ("nomination", _nomination, "justification", "Đã vận động 120 hộ hiến đất làm đường liên thôn.",
     "Hồ sơ đề nghị này vừa được người khác sửa"),
    ("campaign", _campaign, "name", "Phong trào Dân vận khéo 2026–2030", "Đợt phát động này vừa được người khác sửa"),
    ("meeting", _meeting, "venue", "Hội trường A", "Hội nghị này vừa được người khác sửa"),
    ("person", _person, "full_name", "Lò Văn Thắng Hai", "Thông tin người này vừa được người khác sửa"),
    ("organization", _organization, "name", "Ủy ban MTTQ xã Bảo Ái (mới)", "Tổ chức này vừa được người khác sửa"),
]


@pytest.mark.parametrize(("kind", "make", "field", "value", "stale"), CASES, ids=[c[0] for c in CASES])
def test_every_update_action_saves_through_the_one_edit(cast, kind, make, field, value, stale):
    obj = make(cast)
    version = obj.version
    _update(kind)(obj, cast, version, value)
    saved = type(obj)._base_manager.get(pk=obj.pk)
    assert (getattr(saved, field), saved.version) == (value, version + 1)
    event = AuditEvent.objects.filter(action="update", object_id=str(obj.pk)).order_by("-pk").first()
    assert event.changes[field][1] == value


@pytest.mark.parametrize(("kind", "make", "field", "value", "stale"), CASES, ids=[c[0] for c in CASES])
def test_every_update_action_refuses_a_stale_version_in_vietnamese(cast, kind, make, field, value, stale):
    obj = make(cast)
    before = getattr(type(obj)._base_manager.get(pk=obj.pk), field)
    updates = AuditEvent.objects.filter(action="update").count()
    with pytest.raises(StaleVersion, match=stale) as refused:
        _update(kind)(obj, cast, obj.version + 5, value)
    assert refused.value.field == "version"
    saved = type(obj)._base_manager.get(pk=obj.pk)
    assert (getattr(saved, field), saved.version) == (before, obj.version)
    assert AuditEvent.objects.filter(action="update").count() == updates
