"""Rights are checked inside the domain actions of meetings, tasks and people, whoever calls them (a
page, the API, an import): a second caller that skips the form's choice list is refused with
``NotAllowed`` naming the field, and nothing changes."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.core.domain.refusals import NotAllowed
from danvan.meetings.domain import bridge, meetings, people, tasks
from danvan.meetings.models import (
    BridgePoint,
    Conclusion,
    Contribution,
    Meeting,
    MeetingRole,
    Person,
    Position,
)
from tests.meetings.helpers import conclusion, meeting, person, task


def count(model):
    return model.objects.unscoped("test reads back").count()


def test_create_meeting_only_for_an_organization_the_actor_may_change(cast):
    with pytest.raises(NotAllowed) as exc:
        meeting(cast.front, actor=cast.commune_a)  # the provincial MTTQ is above the commune officer
    assert exc.value.field == "organization"
    with pytest.raises(NotAllowed) as exc:
        meeting(cast.front_a, actor=cast.commune_a, co_organizers=[cast.hue_commission])
    assert exc.value.field == "co_organizers"
    assert count(Meeting) == 0
    own = meeting(cast.front_a, actor=cast.commune_a)  # positive control
    assert list(Meeting.objects.unscoped("test reads back").values_list("pk", flat=True)) == [own.pk]


def test_update_meeting_refused_to_another_unit_and_to_a_new_organizer_out_of_reach(cast):
    m = meeting(cast.front_a)
    with pytest.raises(NotAllowed):
        meetings.update_meeting(m, actor=cast.commune_b, title="Đổi tên")
    with pytest.raises(NotAllowed) as exc:
        meetings.update_meeting(m, actor=cast.commune_a, organization=cast.front)
    assert exc.value.field == "organization"
    m.refresh_from_db()
    assert (m.title, m.organization_id, m.version) == ("Hội nghị giao ban công tác dân vận quý I năm 2026",
                                                       cast.front_a.pk, 1)
    meetings.update_meeting(m, actor=cast.commune_a, title="Giao ban quý I")
    m.refresh_from_db()
    assert m.title == "Giao ban quý I"


def _actions(cast, m):
    p = person(cast.front_a)
    point = bridge.add_bridge_point(actor=None, meeting=m, name="Điểm cầu xã")
    role = meetings.add_role(actor=None, meeting=m, person=p, role="chair")
    return {
        "add_role": lambda actor: meetings.add_role(actor=actor, meeting=m, person=p, role="delegate"),
        "remove_role": lambda actor: meetings.remove_role(actor=actor, entry=role),
        "add_conclusion": lambda actor: meetings.add_conclusion(actor=actor, meeting=m, text="Kết luận"),
        "add_contribution": lambda actor: meetings.add_contribution(actor=actor, meeting=m, summary="Ý kiến"),
        "add_document": lambda actor: meetings.add_document(actor=actor, meeting=m, title="Giấy mời",
                                                            link="https://example.org/giay-moi"),
        "add_bridge_point": lambda actor: bridge.add_bridge_point(actor=actor, meeting=m, name="Điểm cầu 2"),
        "add_bridge_points": lambda actor: bridge.add_bridge_points(actor=actor, meeting=m, level="commune",
                                                                    parent=cast.geo.laocai),
        "set_attendance": lambda actor: bridge.set_attendance(actor=actor, point=point, present=12),
        "bulk_attendance": lambda actor: bridge.bulk_attendance(actor=actor, meeting=m, values={point.pk: 9}),
        "remove_bridge_point": lambda actor: bridge.remove_bridge_point(actor=actor, point=point),
    }


def _state(m):
    return (count(MeetingRole), count(Conclusion), count(Contribution), m.documents.count(), count(BridgePoint),
            list(BridgePoint.objects.unscoped("test reads back").values_list("present", flat=True)))


@pytest.mark.parametrize("action", ["add_role", "remove_role", "add_conclusion", "add_contribution", "add_document",
                                    "add_bridge_point", "add_bridge_points", "set_attendance", "bulk_attendance",
                                    "remove_bridge_point"])
def test_every_meeting_action_refused_to_another_unit_and_allowed_to_a_co_organizer(cast, action):
    m = meeting(cast.front_b, co_organizers=[cast.front_a])
    actions = _actions(cast, m)
    before = _state(m)
    for outsider in (cast.hue, cast.nobody):
        with pytest.raises(NotAllowed):
            actions[action](outsider)
    assert _state(m) == before
    actions[action](cast.commune_a)  # a co-organizer may change the meeting: positive control
    assert _state(m) != before


def test_contribution_and_role_name_only_what_the_actor_sees(cast):
    m = meeting(cast.front_a)
    stranger = person(cast.hue_commission, name="Nguyễn Văn Huế")
    with pytest.raises(NotAllowed) as exc:
        meetings.add_role(actor=cast.commune_a, meeting=m, person=stranger, role="delegate")
    assert exc.value.field == "person"
    with pytest.raises(NotAllowed) as exc:
        meetings.add_contribution(actor=cast.commune_a, meeting=m, summary="Ý kiến", organization=cast.front_b)
    assert exc.value.field == "organization"
    assert (count(MeetingRole), count(Contribution)) == (0, 0)


def test_tasks_created_by_the_organizer_for_assignees_in_scope_and_reported_by_them(cast):
    m = meeting(cast.front)
    c = conclusion(m)
    with pytest.raises(NotAllowed):
        task(c, [cast.front_a], actor=cast.commune_a)  # the commune cannot change the province's meeting
    with pytest.raises(NotAllowed) as exc:
        task(c, [cast.hue_commission], actor=cast.mttq)
    assert exc.value.field == "assignees"
    assert count(tasks.FollowUpTask) == 0
    t = task(c, [cast.front_a], actor=cast.mttq)
    on = datetime.date(2026, 4, 2)
    with pytest.raises(NotAllowed):
        tasks.report_progress(actor=cast.commune_b, task=t, status="in_progress", progress=10, note="Đã làm", on=on)
    with pytest.raises(NotAllowed):
        tasks.report_progress(actor=cast.commune_a, task=t, status="in_progress", progress=10, note="Đã làm", on=on,
                              organization=cast.hue_commission)
    t.refresh_from_db()
    assert (t.status, t.progress, t.updates.count()) == ("not_started", 0, 0)
    tasks.report_progress(actor=cast.commune_a, task=t, status="in_progress", progress=10, note="Đã làm", on=on,
                          evidence=SimpleUploadedFile("bc.pdf", b"%PDF-1.4 x"))
    t.refresh_from_db()
    assert (t.status, t.progress, t.updates.count()) == ("in_progress", 10, 1)


def test_people_created_changed_and_placed_only_within_the_actors_rights(cast):
    with pytest.raises(NotAllowed) as exc:
        person(cast.hue_commission, actor=cast.commune_a)
    assert exc.value.field == "organization"
    assert count(Person) == 0
    p = person(cast.front_a, actor=cast.commune_a)
    with pytest.raises(NotAllowed):
        people.update_person(p, actor=cast.commune_b, full_name="Tên khác")
    with pytest.raises(NotAllowed) as exc:
        people.add_position(actor=cast.commune_a, person=p, title="Ủy viên", organization=cast.front)
    assert exc.value.field == "organization"
    p.refresh_from_db()
    assert (p.full_name, count(Position)) == ("Lò Văn Thắng", 1)
    people.update_person(p, actor=cast.commune_a, full_name="Lò Văn Thắng Hai")
    people.add_position(actor=cast.mttq, person=p, title="Ủy viên", organization=cast.front,
                        valid_from=datetime.date(2024, 1, 1))
    p.refresh_from_db()
    assert (p.full_name, count(Position)) == ("Lò Văn Thắng Hai", 2)
