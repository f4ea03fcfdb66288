"""The rules of the people of prestige: two thirds of the households, the selection calendar, the steps
and their refusals, rights inside the actions."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from danvan.community.domain import actions, prestige
from danvan.community.models import EntryStatus, PrestigeEntry
from danvan.core.domain.refusals import NotAllowed, StaleVersion, WrongState
from danvan.meetings.models import Person
from tests.community.helpers import SEL, make_list, nominee, recognized

pytestmark = pytest.mark.django_db


def test_two_thirds_of_households(cast):
    plist = make_list(cast.front_a)
    entry = nominee(plist, present=34, total=51)  # exactly two thirds
    assert entry.status == EntryStatus.NOMINATED and entry.households_present == 34
    assert Person.objects.unscoped("test").get(pk=entry.person_id).ethnicity == "Mông"
    with pytest.raises(ValidationError) as exc:
        nominee(plist, "Lò Văn Khánh", present=33, total=51)
    assert "33" in str(exc.value.message_dict["households_present"]) and "51" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        nominee(plist, "Lò Văn Khánh", present=60, total=50)
    assert "households_present" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        nominee(plist, "Lò Văn Khánh", present=0, total=0)
    assert "households_total" in exc.value.message_dict
    assert PrestigeEntry.objects.unscoped("test").count() == 1
    assert not Person.objects.unscoped("test").filter(full_name="Lò Văn Khánh").exists()


def test_selection_calendar(cast):
    plist = make_list(cast.front_a)
    assert (plist.term_start, plist.term_end) == (SEL + 1, SEL + 5)
    for day in (datetime.date(SEL, 9, 30), datetime.date(SEL, 12, 16)):
        with pytest.raises(ValidationError) as exc:
            nominee(plist, on=day)
        assert "15/12/2026" in str(exc.value.message_dict["village_meeting_on"])
    entry = nominee(plist, on=datetime.date(SEL, 12, 10))
    with pytest.raises(ValidationError) as exc:
        prestige.select(actor=None, entry=entry, on=datetime.date(SEL, 12, 16))
    assert "on" in exc.value.message_dict
    prestige.select(actor=None, entry=entry, on=datetime.date(SEL, 12, 15))
    assert entry.status == EntryStatus.SELECTED
    status = prestige.calendar_status(plist, datetime.date(SEL, 11, 1))
    assert status["state"] == "open" and status["days_left"] == 44
    nominee(plist, "Lò Văn Khánh")
    assert prestige.calendar_status(plist, datetime.date(SEL, 12, 16))["state"] == "late"
    # an addition during the term: any date of the term, not outside it
    addition = nominee(plist, "Sùng A Chứ", on=datetime.date(2028, 3, 2), kind="addition")
    assert addition.kind == "addition"
    with pytest.raises(ValidationError):
        nominee(plist, "Sùng A Dình", on=datetime.date(2032, 1, 5), kind="addition")


def test_one_list_per_commune_and_term(cast):
    make_list(cast.front_a)
    with pytest.raises(ValidationError) as exc:
        make_list(cast.front_a, year=SEL + 3)
    assert "2027" in str(exc.value.message_dict["selection_year"])
    with pytest.raises(ValidationError) as exc:
        make_list(cast.front_a, area=cast.geo.laocai, year=SEL + 5)
    assert "area" in exc.value.message_dict
    assert make_list(cast.front_a, year=SEL + 5).term_start == SEL + 6


def test_life_through_the_dispatcher(cast):
    plist = make_list(cast.front_a)
    entry = nominee(plist, actor=cast.commune_a)
    assert actions.allowed_actions(cast.commune_a, entry) == ["select"]
    assert actions.allowed_actions(cast.commune_b, entry) == []
    with pytest.raises(WrongState):
        actions.perform(entry, "propose", actor=cast.commune_a, on=datetime.date(SEL, 11, 1))
    with pytest.raises(ValidationError) as exc:
        actions.perform(entry, "fly", actor=cast.commune_a)
    assert "action" in exc.value.message_dict
    actions.perform(entry, "select", actor=cast.commune_a, on=datetime.date(SEL, 11, 1))
    with pytest.raises(StaleVersion):
        actions.perform(entry, "propose", actor=cast.commune_a, on=datetime.date(SEL, 11, 2), expected_version=1)
    actions.perform(entry, "propose", actor=cast.commune_a, on=datetime.date(SEL, 11, 2), expected_version=2)
    with pytest.raises(ValidationError) as exc:
        actions.perform(entry, "recognize", actor=cast.commune_a, on=datetime.date(SEL, 12, 20))
    assert "decision_number" in exc.value.message_dict
    recognized_count = prestige.record_decision(
        actor=cast.commune_a, prestige_list=plist, decision_number="125/QĐ-UBND", decision_date=datetime.date(SEL, 12, 20),
        authority="UBND xã Bảo Ái")
    entry.refresh_from_db()
    assert recognized_count == 1 and entry.status == EntryStatus.RECOGNIZED
    assert entry.recognized_on == datetime.date(SEL, 12, 20) and entry.decision_number == "125/QĐ-UBND"
    with pytest.raises(ValidationError) as exc:
        actions.perform(entry, "remove", actor=cast.commune_a, on=datetime.date(2028, 5, 1), reason="", decision="7/QĐ")
    assert "reason" in exc.value.message_dict
    successor = actions.perform(
        entry, "replace", actor=cast.commune_a, on=datetime.date(2028, 5, 1), reason="death", decision="7/QĐ-UBND",
        nominee={"full_name": "Vàng Seo Chá", "village": "Thôn Nậm Lúc", "role": "clan_head",
                 "village_meeting_on": datetime.date(2028, 5, 10), "households_present": 45, "households_total": 52,
                 "ethnicity": "Mông"})
    entry.refresh_from_db()
    assert entry.status == EntryStatus.REPLACED and entry.end_decision == "7/QĐ-UBND" and entry.end_reason == "death"
    assert successor.replaces_id == entry.pk and successor.kind == "addition" and successor.status == "nominated"


def test_rights_inside_the_actions(cast):
    plist = make_list(cast.front_a)
    with pytest.raises(NotAllowed):
        nominee(plist, actor=cast.commune_b)
    with pytest.raises(NotAllowed):
        make_list(cast.front_b, actor=cast.commune_a, year=SEL)
    entry = nominee(plist, actor=cast.province)  # the province commission sees and changes the commune's list
    with pytest.raises(NotAllowed):
        prestige.select(actor=cast.commune_b, entry=entry, on=datetime.date(SEL, 11, 1))
    assert PrestigeEntry.objects.unscoped("test").get(pk=entry.pk).status == EntryStatus.NOMINATED


def test_remove(cast):
    plist = make_list(cast.front_a)
    entry = recognized(plist)
    prestige.remove(actor=cast.commune_a, entry=entry, on=datetime.date(2029, 2, 1), reason="moved",
                    decision="12/QĐ-UBND", note="Chuyển đến Lai Châu")
    entry.refresh_from_db()
    assert (entry.status, entry.ended_on, entry.end_note) == ("removed", datetime.date(2029, 2, 1), "Chuyển đến Lai Châu")
