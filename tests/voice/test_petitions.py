"""Petitions: every step and refusal, every clock (acceptance, complaint first and second instance with
complexity and remote variants, denunciation with its extensions, reopening), the overdue condition in
SQL against the per-petition derivation, and the protection of a denouncer's identity."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from danvan.core.domain.refusals import NotAllowed, WrongState
from danvan.core.models import AuditEvent
from danvan.voice import clocks
from danvan.voice.domain import actions
from danvan.voice.domain.petitions import check_register, for_reader, receive_petition, refresh_deadlines
from danvan.voice.models import Petition, PetitionClock, PetitionStep
from tests.factories import member

D = datetime.date
R = D(2026, 1, 5)


@pytest.fixture
def p(v):
    def make(code="ĐT-001", kind="complaint", **kw):
        values = {"organization": v.party_a, "code": code, "received_on": R, "kind": kind,
                  "subject": "Khiếu nại quyết định thu hồi đất", "area": v.cast.geo.commune_a,
                  "sender_name": "Lò Văn Dân", "sender_address": "Thôn Nậm Lúc"}
        values.update(kw)
        return receive_petition(actor=None, **values)
    return make


def _go(petition, *steps):
    for action, day, *number in steps:
        actions.perform(petition, action, actor=None, on=day, number=number[0] if number else "")
    return petition


def test_acceptance_clock_ten_days_from_receipt(p):
    petition = p()
    assert clocks.deadline(petition) == ("accept", D(2026, 1, 15))
    assert clocks.days_left(petition, today=D(2026, 1, 16)) == -1


@pytest.mark.parametrize(("instance", "complexity", "remote", "days"), [
    (1, "normal", False, 30), (1, "complex", False, 45), (1, "normal", True, 45), (1, "complex", True, 60),
    (2, "normal", False, 45), (2, "complex", False, 60), (2, "normal", True, 60), (2, "very_complex", True, 70),
])
def test_complaint_resolution_clocks(p, instance, complexity, remote, days):
    petition = _go(p(instance=instance, complexity=complexity, remote=remote), ("accept", D(2026, 1, 10), "01/QĐ-TL"))
    assert clocks.deadline(petition) == ("resolve", D(2026, 1, 10) + datetime.timedelta(days=days))


def test_denunciation_extensions_by_complexity(p):
    normal = _go(p("TC-1", kind="denunciation"), ("accept", D(2026, 1, 8), "02/QĐ-TL"))
    assert clocks.deadline(normal)[1] == D(2026, 2, 7)
    with pytest.raises(ValidationError, match="gia hạn|extension"):
        actions.perform(normal, "extend", actor=None, on=D(2026, 2, 1), number="03/QĐ-GH")
    cx = _go(p("TC-2", kind="denunciation", complexity="complex"), ("accept", D(2026, 1, 8), "04/QĐ-TL"),
             ("extend", D(2026, 2, 1), "05/QĐ-GH"))
    assert cx.extensions == 1 and clocks.deadline(cx)[1] == D(2026, 3, 9)
    with pytest.raises(ValidationError):
        actions.perform(cx, "extend", actor=None, on=D(2026, 3, 1), number="06/QĐ-GH")
    vcx = _go(p("TC-3", kind="denunciation", complexity="very_complex"), ("accept", D(2026, 1, 8), "07/QĐ-TL"),
              ("extend", D(2026, 2, 1), "08/QĐ-GH"), ("extend", D(2026, 3, 1), "09/QĐ-GH"))
    assert clocks.deadline(vcx)[1] == D(2026, 4, 8)
    steps = PetitionStep.objects.unscoped("test reads back").filter(petition=vcx, action="extend")
    assert list(steps.values_list("number", flat=True)) == ["08/QĐ-GH", "09/QĐ-GH"]
    with pytest.raises(ValidationError, match="khiếu nại|complaint|tố cáo|denunciation"):
        actions.perform(_go(p("KN-9"), ("accept", D(2026, 1, 8), "10/QĐ-TL")), "extend", actor=None,
                        on=D(2026, 1, 20), number="11")


def test_a_complaint_through_its_whole_life_and_reopened(p):
    petition = _go(p(), ("classify", D(2026, 1, 6)), ("accept", D(2026, 1, 9), "01/QĐ-TL"),
                   ("verify", D(2026, 1, 12)), ("dialogue", D(2026, 1, 20)), ("decide", D(2026, 2, 1), "12/QĐ-GQKN"),
                   ("enforce", D(2026, 2, 5)), ("close", D(2026, 3, 1)))
    assert (petition.state, petition.resolved_on) == ("closed", D(2026, 2, 1))
    assert clocks.deadline(petition) is None
    _go(petition, ("reopen", D(2026, 4, 1), "15/QĐ-TL"))
    assert (petition.state, petition.accepted_on, petition.resolved_on) == ("accepted", D(2026, 4, 1), None)
    assert clocks.deadline(petition) == ("resolve", D(2026, 5, 1))
    steps = list(PetitionStep.objects.unscoped("test reads back").filter(petition=petition).values_list(
        "action", "to_state"))
    assert steps[0] == ("receive", "received") and steps[-1] == ("reopen", "accepted") and len(steps) == 9


def test_refused_steps_change_nothing(p, v):
    petition = p()
    with pytest.raises(WrongState):
        actions.perform(petition, "decide", actor=None, on=D(2026, 1, 9), number="1")
    with pytest.raises(ValidationError) as err:
        actions.perform(petition, "accept", actor=None, on=D(2026, 1, 9))
    assert "number" in err.value.message_dict
    with pytest.raises(ValidationError):
        actions.perform(petition, "accept", actor=None, on=D(2025, 12, 1), number="1")
    with pytest.raises(ValidationError):
        actions.perform(petition, "fly", actor=None)
    with pytest.raises(NotAllowed):
        actions.perform(petition, "classify", actor=v.officer_b, on=D(2026, 1, 9))
    with pytest.raises(ValidationError):
        actions.perform(p("KN-2", within_competence=False), "accept", actor=None, on=D(2026, 1, 9), number="1")
    with pytest.raises(ValidationError, match="khiếu nại|complaint"):
        _go(p("KN-3", kind="recommendation"), ("accept", D(2026, 1, 9), "1"), ("verify", D(2026, 1, 10)),
            ("dialogue", D(2026, 1, 11)))
    stored = Petition.objects.unscoped("test reads back").get(pk=petition.pk)
    assert (stored.state, stored.version) == ("received", 1)
    assert actions.allowed_actions(v.officer_a, stored)[:3] == ["classify", "guide", "transfer"]
    assert actions.allowed_actions(v.officer_b, stored) == []


def test_withdrawal_and_guiding_stop_the_clock(p):
    a = _go(p("A"), ("guide", D(2026, 1, 6)))
    b = _go(p("B"), ("accept", D(2026, 1, 6), "1"), ("withdraw", D(2026, 1, 7)))
    assert clocks.deadline(a) is None and clocks.deadline(b) is None


def test_overdue_cached_due_date_matches_the_derivation_for_every_variant(p):
    made = []
    for i, (kind, complexity, remote, instance) in enumerate([
            ("complaint", "normal", False, 1), ("complaint", "complex", True, 1), ("complaint", "normal", True, 2),
            ("denunciation", "very_complex", False, 1), ("recommendation", "normal", False, 1),
            ("reflection", "normal", False, 1), ("mixed", "complex", False, 1)]):
        made.append(p(f"X-{i}", kind=kind, complexity=complexity, remote=remote, instance=instance))
        made.append(_go(p(f"Y-{i}", kind=kind, complexity=complexity, remote=remote, instance=instance),
                        ("accept", D(2026, 1, 10), "1")))
    _go(made[7], ("extend", D(2026, 1, 20), "2"))
    for today in (D(2026, 1, 14), D(2026, 1, 16), D(2026, 2, 10), D(2026, 2, 25), D(2026, 3, 12), D(2026, 3, 21)):
        table = clocks.clocks(today)
        derived = {x.code for x in Petition.objects.unscoped("test").all()
                   if (clocks.days_left(x, today, table) or 0) < 0}
        in_sql = set(Petition.objects.unscoped("test").filter(due_on__lt=today).values_list("code", flat=True))
        assert in_sql == derived, today
    assert "X-0" in in_sql and "Y-0" in in_sql
    assert check_register() == {"due": [], "tally": []}


def test_an_amended_clock_is_a_new_row(p):
    petition = _go(p(), ("accept", D(2026, 1, 10), "1"))
    PetitionClock.objects.create(kind="complaint", instance=1, stage="resolve", starts_from="accepted", days=20,
                                 legal_basis="Luật sửa đổi (thử)", valid_from=D(2026, 1, 1))
    assert clocks.deadline(petition, clocks.clocks(D(2026, 1, 20)))[1] == D(2026, 1, 30)
    # the cached due date is stale until the refresh (the daily job, or check_petitions --repair)
    assert check_register()["due"] == [petition.pk]
    assert refresh_deadlines() == 1 and check_register() == {"due": [], "tally": []}
    assert Petition.objects.unscoped("test reads back").get(pk=petition.pk).due_on == D(2026, 1, 30)


def test_a_denouncers_identity_only_for_the_handler_and_the_head(p, v):
    from danvan.orgs.models import Role

    handler = member(v.party_a, username="handler_a")
    head = member(v.party_a, Role.LEADER, username="head_a")
    petition = p("TC-9", kind="denunciation", handler=handler)
    complaint = p("KN-9")

    def read(user, pet):
        fresh = Petition.objects.unscoped("test").get(pk=pet.pk)
        return for_reader(actor=user, petitions=[fresh])[0].sender_name

    assert read(handler, petition) == "Lò Văn Dân" and read(head, petition) == "Lò Văn Dân"
    for other in (v.officer_a, v.cast.leader, v.cast.province, v.officer_b):
        assert read(other, petition) == "người tố cáo (được bảo mật)"
    assert read(v.officer_a, complaint) == "Lò Văn Dân" and read(v.cast.leader, complaint) == "***"
    logged = AuditEvent.objects.filter(action="view", object_id=str(petition.pk))
    assert sorted(logged.values_list("actor__username", flat=True)) == ["handler_a", "head_a"]


def test_an_overdue_petition_notifies_its_handler_and_the_leaders_above(p, v):
    from danvan.core.models import Notification
    from danvan.orgs.models import Role
    from danvan.voice.domain.petitions import notify_overdue

    handler = member(v.party_a, username="handler_n")
    above = member(v.cast.party, Role.LEADER, username="leader_above")
    late = p("KN-LATE", handler=handler)  # received 05/01/2026: acceptance due 15/01/2026
    p("KN-FRESH", received_on=D(2026, 1, 14), handler=handler)
    assert notify_overdue(today=D(2026, 1, 16)) == 2
    rows = Notification.objects.filter(key__startswith=f"petition:{late.pk}:")
    assert sorted(rows.values_list("user__username", flat=True)) == ["handler_n", "leader_above"]
    assert "KN-LATE" in rows.first().message and "15/01/2026" in rows.first().message
    assert notify_overdue(today=D(2026, 1, 16)) == 0
    assert above.pk


def test_counts_by_kind_and_state_kept_with_every_step_match_a_count_of_the_register(p, v):
    from danvan.voice.queries.petitions import counts_by_kind_and_state

    _go(p("K-1"), ("accept", D(2026, 1, 6), "1"), ("decide", D(2026, 1, 20), "2"))
    _go(p("K-2"), ("guide", D(2026, 1, 6)))
    p("K-3")
    _go(p("T-1", kind="denunciation"), ("accept", D(2026, 1, 6), "1"))
    p("Other", organization=v.party_b, area=v.cast.geo.commune_b)
    expected = {("complaint", "decided"): 1, ("complaint", "guided"): 1, ("complaint", "received"): 1,
                ("denunciation", "accepted"): 1}
    assert counts_by_kind_and_state(v.officer_a) == expected
    assert counts_by_kind_and_state(v.officer_a, received_from=D(2020, 1, 1)) == expected
    assert counts_by_kind_and_state(v.cast.province, area=v.cast.geo.commune_a) == expected
    assert counts_by_kind_and_state(v.cast.province, area=v.cast.geo.commune_b) == {("complaint", "received"): 1}
    assert check_register() == {"due": [], "tally": []}


def test_a_step_from_a_stale_page_is_refused_and_changes_nothing(p):
    from danvan.core.domain.refusals import StaleVersion

    petition = p("KN-STALE")
    _go(petition, ("classify", D(2026, 1, 6)))
    stale = Petition.objects.unscoped("test reads back").get(pk=petition.pk)
    with pytest.raises(StaleVersion):
        actions.perform(stale, "accept", actor=None, on=D(2026, 1, 7), number="3", expected_version=1)
    stored = Petition.objects.unscoped("test reads back").get(pk=petition.pk)
    assert (stored.state, stored.version, stored.steps.count()) == ("classified", 2, 2)
