"""Every derived state of an obligation (pure function, then read from the database)."""

import datetime

import pytest

from danvan.democracy.rules.state import Posting, Rules, State, derive

D = datetime.date
DUE = D(2026, 4, 30)
OFFICE_RADIO = Rules(("office", "radio"), min_posting_days=30, min_radio_days=3)


AFTER = D(2026, 6, 1)


def state(postings, today=AFTER, rules=OFFICE_RADIO, na=False):
    return derive(rules=rules, due_on=DUE, not_applicable=na, postings=postings, today=today)


def test_not_due_yet_without_records():
    assert state([], today=D(2026, 4, 30)) == State.NOT_DUE


def test_overdue_the_day_after_the_due_date():
    assert state([], today=D(2026, 5, 1)) == State.OVERDUE


def test_on_time_when_every_channel_by_the_due_date_long_enough():
    assert state([Posting("office", D(2026, 4, 10), D(2026, 5, 9)), Posting("radio", D(2026, 4, 28), None, 3)]) \
        == State.ON_TIME


def test_late_when_the_last_required_channel_came_after_the_due_date():
    assert state([Posting("office", D(2026, 4, 10)), Posting("radio", D(2026, 5, 3), None, 3)]) == State.LATE


def test_posted_too_briefly():
    # taken down after 29 days (10/04 to 08/05 inclusive) where 30 are required
    assert state([Posting("office", D(2026, 4, 10), D(2026, 5, 8)), Posting("radio", D(2026, 4, 10), None, 3)]) \
        == State.TOO_BRIEF
    assert state([Posting("office", D(2026, 4, 10), D(2026, 5, 9)), Posting("radio", D(2026, 4, 10), None, 3)]) \
        == State.ON_TIME  # exactly 30 days


def test_radio_shorter_than_three_days_is_too_brief():
    assert state([Posting("office", D(2026, 4, 10)), Posting("radio", D(2026, 4, 10), None, 2)]) == State.TOO_BRIEF


def test_a_required_channel_missing_after_the_due_date():
    assert state([Posting("office", D(2026, 4, 10))]) == State.CHANNEL_MISSING
    # before the due date it is simply not complete yet
    assert state([Posting("office", D(2026, 4, 10))], today=D(2026, 4, 20)) == State.NOT_DUE


def test_not_applicable_wins():
    assert state([], na=True) == State.NOT_APPLICABLE


def test_a_still_posted_board_is_not_too_brief():
    assert state([Posting("office", D(2026, 4, 10)), Posting("radio", D(2026, 4, 10), None, 5)],
                 today=D(2026, 4, 12)) == State.ON_TIME


@pytest.mark.django_db
def test_state_read_from_the_database(cast, ubnd):
    from danvan.democracy.domain.obligations import trigger_by_document
    from danvan.democracy.domain.records import add_record
    from danvan.democracy.rules.state import state_of
    from tests.democracy.conftest import item

    ob = trigger_by_document(actor=ubnd.a.officer, organization=ubnd.a, item=item(7), number="12/QĐ-UBND",
                             issued_on=D(2026, 3, 2), title="Danh sách hộ nghèo 2026")
    assert ob.due_on == D(2026, 3, 17)  # 15 days by default
    assert state_of(ob, today=D(2026, 3, 18)) == State.OVERDUE
    add_record(actor=ubnd.a.officer, obligation=ob, channel="office", posted_on=D(2026, 3, 5))
    add_record(actor=ubnd.a.officer, obligation=ob, channel="radio", posted_on=D(2026, 3, 5), radio_days=3)
    assert state_of(ob, today=D(2026, 3, 18)) == State.CHANNEL_MISSING  # village heads are required for item 7
    add_record(actor=ubnd.a.officer, obligation=ob, channel="village_heads", posted_on=D(2026, 3, 20),
               village_heads_informed=12, village_heads_total=12)
    assert state_of(ob, today=D(2026, 3, 21)) == State.LATE
