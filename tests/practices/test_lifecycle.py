import datetime

import pytest

from danvan.practices.domain import lifecycle
from danvan.practices.domain.evaluation import record_evaluation
from danvan.practices.domain.lifecycle import TransitionRefused
from danvan.practices.models import PracticeEvent, RecognitionLevel, Status
from tests.practices.conftest import make_practice

DECISION = {"decision_number": "125-QĐ/BTGDVTU", "decision_date": datetime.date(2025, 10, 15)}


def scores_for(campaign, value=8):
    return {c.id: value for c in campaign.criteria.all()}


def test_register_moves_draft_to_registered_and_logs_who_when(cast, campaign):
    p = make_practice(cast.front_a, campaign=campaign)
    lifecycle.register_practice(practice=p, actor=cast.commune_a, today=datetime.date(2025, 5, 1))
    p.refresh_from_db()
    assert (p.status, p.registered_on, p.version) == (Status.REGISTERED, datetime.date(2025, 5, 1), 2)
    event = PracticeEvent.objects.unscoped("test reads back").get(practice=p, action="register")
    assert (event.actor, event.from_status, event.to_status) == (cast.commune_a, "draft", "registered")


def test_register_refused_for_another_commune_officer(cast):
    p = make_practice(cast.front_a)
    with pytest.raises(TransitionRefused, match="không được đăng ký"):
        lifecycle.register_practice(practice=p, actor=cast.commune_b)
    p.refresh_from_db()
    assert p.status == Status.DRAFT


def test_register_refused_after_the_deadline(cast, campaign):
    campaign.registration_deadline = datetime.date(2023, 3, 31)
    campaign.save()
    p = make_practice(cast.front_a, campaign=campaign)
    with pytest.raises(TransitionRefused, match="31/03/2023"):
        lifecycle.register_practice(practice=p, actor=cast.commune_a, today=datetime.date(2023, 4, 1))
    assert PracticeEvent.objects.unscoped("test reads back").filter(practice=p).count() == 0


def test_register_refused_when_items_are_empty(cast):
    p = make_practice(cast.front_a, situation="")
    with pytest.raises(TransitionRefused, match="Thực trạng"):
        lifecycle.register_practice(practice=p, actor=cast.commune_a)


def test_register_refused_twice(cast):
    p = make_practice(cast.front_a, status=Status.REGISTERED)
    with pytest.raises(TransitionRefused, match="Đã đăng ký"):
        lifecycle.register_practice(practice=p, actor=cast.commune_a)


def test_start_allowed_from_registered_only(cast):
    p = make_practice(cast.front_a, status=Status.REGISTERED)
    lifecycle.start_practice(practice=p, actor=cast.commune_a)
    assert p.status == Status.IN_PROGRESS
    draft = make_practice(cast.front_a)
    with pytest.raises(TransitionRefused):
        lifecycle.start_practice(practice=draft, actor=cast.commune_a)


def test_start_refused_out_of_scope(cast):
    p = make_practice(cast.front_a, status=Status.REGISTERED)
    with pytest.raises(TransitionRefused):
        lifecycle.start_practice(practice=p, actor=cast.hue)


def test_evaluation_by_commission_officer_scores_every_criterion(cast, campaign):
    p = make_practice(cast.front_a, status=Status.IN_PROGRESS, campaign=campaign)
    evaluation = record_evaluation(practice=p, actor=cast.province, scores=scores_for(campaign, 9), comment="Tốt")
    p.refresh_from_db()
    assert p.status == Status.EVALUATED
    assert (evaluation.total, evaluation.max_total, evaluation.scores.count()) == (63, 70, 7)


def test_evaluation_refused_to_the_registering_commune_officer(cast, campaign):
    p = make_practice(cast.front_a, status=Status.IN_PROGRESS, campaign=campaign)
    with pytest.raises(TransitionRefused, match="Ban Dân vận"):
        record_evaluation(practice=p, actor=cast.commune_a, scores=scores_for(campaign))
    assert p.evaluations.count() == 0


def test_evaluation_refused_with_a_missing_or_too_high_score(cast, campaign):
    p = make_practice(cast.front_a, status=Status.IN_PROGRESS, campaign=campaign)
    scores = scores_for(campaign)
    first = campaign.criteria.first()
    scores[first.id] = 11
    with pytest.raises(Exception, match="từ 0 đến 10"):
        record_evaluation(practice=p, actor=cast.province, scores=scores)
    p.refresh_from_db()
    assert p.status == Status.IN_PROGRESS and p.evaluations.count() == 0


def test_evaluation_refused_on_a_draft(cast, campaign):
    p = make_practice(cast.front_a, campaign=campaign)
    with pytest.raises(TransitionRefused):
        record_evaluation(practice=p, actor=cast.province, scores=scores_for(campaign))


def test_second_evaluation_keeps_evaluated(cast, campaign):
    p = make_practice(cast.front_a, status=Status.EVALUATED, campaign=campaign)
    record_evaluation(practice=p, actor=cast.leader, scores=scores_for(campaign, 5))
    assert p.status == Status.EVALUATED and p.evaluations.count() == 1


def test_recognize_by_province_leader(cast):
    p = make_practice(cast.front_a, status=Status.EVALUATED)
    lifecycle.recognize_practice(practice=p, actor=cast.leader, level=RecognitionLevel.PROVINCE, **DECISION)
    p.refresh_from_db()
    assert (p.status, p.level, p.decision_number) == (Status.RECOGNIZED, "province", "125-QĐ/BTGDVTU")


@pytest.mark.parametrize("who", ["province", "commune_a", "mttq", "hue", "admin"])
def test_recognize_refused_to_non_leaders_and_out_of_scope(cast, who):
    p = make_practice(cast.front_a, status=Status.EVALUATED)
    with pytest.raises(TransitionRefused, match="lãnh đạo"):
        lifecycle.recognize_practice(practice=p, actor=getattr(cast, who), level="commune", **DECISION)
    p.refresh_from_db()
    assert p.status == Status.EVALUATED and p.level == ""


def test_commune_leader_recognizes_grassroots_level_but_not_provincial(cast, commune_party):
    p = make_practice(cast.front_a, status=Status.EVALUATED)
    with pytest.raises(TransitionRefused, match="cấp tỉnh"):
        lifecycle.recognize_practice(practice=p, actor=commune_party.leader, level="province", **DECISION)
    lifecycle.recognize_practice(practice=p, actor=commune_party.leader, level="commune", **DECISION)
    assert p.status == Status.RECOGNIZED


def test_commune_leader_cannot_decide_for_another_commune(cast, commune_party):
    p = make_practice(cast.front_b, status=Status.EVALUATED)
    with pytest.raises(TransitionRefused):
        lifecycle.recognize_practice(practice=p, actor=commune_party.leader, level="commune", **DECISION)


def test_district_level_only_for_legacy_decisions(cast):
    p = make_practice(cast.front_a, status=Status.EVALUATED)
    with pytest.raises(TransitionRefused, match="30/06/2025"):
        lifecycle.recognize_practice(practice=p, actor=cast.leader, level="district", **DECISION)
    lifecycle.recognize_practice(practice=p, actor=cast.leader, level="district", decision_number="12-QĐ/HU",
                                 decision_date=datetime.date(2023, 12, 20))
    assert p.level == "district"


def test_recognize_refused_without_decision_or_from_wrong_status(cast):
    p = make_practice(cast.front_a, status=Status.EVALUATED)
    with pytest.raises(TransitionRefused, match="số và ngày"):
        lifecycle.recognize_practice(practice=p, actor=cast.leader, level="commune", decision_number="",
                                     decision_date=None)
    q = make_practice(cast.front_a, status=Status.IN_PROGRESS)
    with pytest.raises(TransitionRefused, match="Đang thực hiện"):
        lifecycle.recognize_practice(practice=q, actor=cast.leader, level="commune", **DECISION)


def test_reject_needs_a_reason_and_a_leader(cast):
    p = make_practice(cast.front_a, status=Status.EVALUATED)
    with pytest.raises(TransitionRefused, match="lý do"):
        lifecycle.reject_practice(practice=p, actor=cast.leader, reason="  ")
    with pytest.raises(TransitionRefused):
        lifecycle.reject_practice(practice=p, actor=cast.province, reason="Chưa hiệu quả")
    lifecycle.reject_practice(practice=p, actor=cast.leader, reason="Chưa lan tỏa")
    assert p.status == Status.NOT_RECOGNIZED
    assert PracticeEvent.objects.unscoped("test reads back").get(practice=p, action="reject").reason == "Chưa lan tỏa"


def test_final_statuses_allow_no_further_step(cast):
    for status in (Status.RECOGNIZED, Status.NOT_RECOGNIZED):
        p = make_practice(cast.front_a, status=status)
        with pytest.raises(TransitionRefused):
            lifecycle.reject_practice(practice=p, actor=cast.leader, reason="x")
        with pytest.raises(TransitionRefused):
            lifecycle.recognize_practice(practice=p, actor=cast.leader, level="commune", **DECISION)


def test_outstanding_only_on_recognized_and_by_leader(cast):
    p = make_practice(cast.front_a, status=Status.EVALUATED)
    with pytest.raises(TransitionRefused, match="đã được công nhận"):
        lifecycle.set_outstanding(practice=p, actor=cast.leader, outstanding=True)
    r = make_practice(cast.front_a, status=Status.RECOGNIZED, level="province")
    with pytest.raises(TransitionRefused):
        lifecycle.set_outstanding(practice=r, actor=cast.province, outstanding=True)
    lifecycle.set_outstanding(practice=r, actor=cast.leader, outstanding=True)
    r.refresh_from_db()
    assert r.is_outstanding and r.status == Status.RECOGNIZED
    lifecycle.set_outstanding(practice=r, actor=cast.leader, outstanding=False)
    r.refresh_from_db()
    assert not r.is_outstanding
