"""The people decide (ratio rule as data, the 5-working-day rule) and supervise (findings answered late)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from danvan.core.domain.refusals import NotAllowed, WrongState
from danvan.democracy.domain.decisions import (
    add_working_days,
    is_sent_late,
    outcome,
    record_decision,
    send_deadline,
)
from danvan.democracy.domain.findings import answer_finding, create_board, is_late, record_finding
from danvan.democracy.models import CommunityDecision, DecisionRule
from tests.conftest import login

pytestmark = pytest.mark.django_db
D = datetime.date


def decide(org, **kw):
    values = dict(village="Thôn Nậm Lúc", matter="public_works", subject="Bê tông hóa đường thôn, mỗi hộ góp 2 ngày công",
                  form="show_of_hands", households_total=120, participating=80, votes_for=61, votes_against=15,
                  votes_blank=4, decided_on=D(2026, 3, 6))
    values.update(kw)
    return record_decision(actor=None, organization=org, **values)


def test_ratio_rule_counts_against_all_households_by_default(cast, ubnd):
    d = decide(ubnd.a)  # 61 of 120 households: 50,83% > 50%
    assert outcome(d) == {"approved": True, "quorum": True, "percent_for": Decimal("50.83"),
                          "participation": Decimal("66.67")}
    d.votes_for = 60  # exactly half is not "more than half"
    assert outcome(d)["approved"] is False


def test_ratio_rule_is_data(cast, ubnd):
    d = decide(ubnd.a, matter="village_head", votes_for=45, votes_against=35, votes_blank=0)
    # electing the village head counts against the households present: 45 / 80 = 56,25%
    assert outcome(d)["approved"] is True and outcome(d)["percent_for"] == Decimal("56.25")
    DecisionRule.objects.filter(matter="village_head").update(threshold_percent=60)
    assert outcome(d)["approved"] is False
    # no quorum: 50 of 120 households present
    thin = decide(ubnd.a, participating=50, votes_for=50, votes_against=0, votes_blank=0)
    assert outcome(thin) == {"approved": False, "quorum": False, "percent_for": Decimal("41.67"),
                             "participation": Decimal("41.67")}


def test_five_working_days_rule():  # holidays: tests/democracy/test_calendar.py
    friday = D(2026, 3, 6)
    assert add_working_days(friday, 5) == D(2026, 3, 13)  # the weekend does not count
    d = CommunityDecision(decided_on=friday)
    assert send_deadline(d) == D(2026, 3, 13)
    d.sent_on = D(2026, 3, 13)
    assert not is_sent_late(d, today=D(2026, 4, 1))
    d.sent_on = D(2026, 3, 16)
    assert is_sent_late(d, today=D(2026, 4, 1))
    d.sent_on = None
    assert not is_sent_late(d, today=D(2026, 3, 13)) and is_sent_late(d, today=D(2026, 3, 14))


def test_bad_figures_are_refused_naming_the_field(cast, ubnd):
    for bad, field in [({"participating": 130}, "participating"), ({"votes_for": 70}, "votes_for"),
                       ({"matter": "lottery"}, "matter"), ({"households_total": 0}, "households_total"),
                       ({"sent_on": D(2026, 3, 1)}, "sent_on")]:
        with pytest.raises(ValidationError) as exc:
            decide(ubnd.a, **bad)
        assert field in exc.value.message_dict
    with pytest.raises(NotAllowed):
        record_decision(actor=ubnd.b.officer, organization=ubnd.a, village="", matter="funds", subject="Quỹ",
                        form="questionnaire", households_total=10, participating=5, votes_for=5, votes_against=0,
                        decided_on=D(2026, 3, 6))
    assert not CommunityDecision._base_manager.exists()


def test_decision_pages(cast, ubnd):
    client = login(ubnd.a.officer)
    made = client.post("/dan-chu/quyet-dinh/them/", {
        "organization": ubnd.a.pk, "village": "Thôn Khe Mạ", "matter": "village_rules",
        "subject": "Sửa đổi hương ước thôn Khe Mạ", "form": "secret_ballot", "households_total": 90,
        "participating": 70, "votes_for": 60, "votes_against": 8, "votes_blank": 2, "decided_on": "06/03/2026"})
    assert made.status_code == 302
    d = CommunityDecision._base_manager.get()
    page = client.get(f"/dan-chu/quyet-dinh/{d.pk}/")
    assert "Sửa đổi hương ước thôn Khe Mạ" in page.content.decode() and page.context["outcome"]["approved"]
    assert page.context["deadline"] == D(2026, 3, 13)
    client.post(f"/dan-chu/quyet-dinh/{d.pk}/gui/", {"sent_on": "16/03/2026", "version": d.version})
    d.refresh_from_db()
    assert d.sent_on == D(2026, 3, 16) and d.version == 2
    stale = client.post(f"/dan-chu/quyet-dinh/{d.pk}/gui/", {"sent_on": "12/03/2026", "version": 1}, follow=True)
    d.refresh_from_db()
    assert d.sent_on == D(2026, 3, 16) and stale.status_code == 200
    listing = client.get("/dan-chu/quyet-dinh/", {"q": "huong uoc"})
    assert [x.pk for x in listing.context["page_obj"].object_list] == [d.pk]
    assert listing.context["page_obj"].object_list[0].late is True
    assert login(ubnd.b.officer).get(f"/dan-chu/quyet-dinh/{d.pk}/").status_code == 404
    bad = client.post("/dan-chu/quyet-dinh/them/", {"organization": ubnd.a.pk, "matter": "funds", "subject": "Quỹ",
                                                    "form": "questionnaire", "households_total": 10,
                                                    "participating": 12, "votes_for": 5, "votes_against": 0,
                                                    "decided_on": "06/03/2026"})
    assert bad.status_code == 200 and "participating" in bad.context["form"].errors
    assert CommunityDecision._base_manager.count() == 1


def test_boards_and_their_findings(cast, ubnd):
    with pytest.raises(ValidationError) as exc:
        create_board(actor=cast.commune_a, organization=cast.front_a, kind="inspection", term_start=D(2024, 1, 1),
                     members=[{"name": f"Thành viên {i}"} for i in range(4)])
    assert "members" in exc.value.message_dict
    board = create_board(actor=cast.commune_a, organization=cast.front_a, kind="inspection",
                         term_start=D(2024, 1, 1), members=[{"name": f"Thành viên {i}"} for i in range(5)])
    with pytest.raises(ValidationError):
        create_board(actor=cast.commune_a, organization=cast.front_a, kind="investment", term_start=D(2024, 1, 1),
                     members=[])
    finding = record_finding(actor=cast.commune_a, organization=cast.front_a, board=board, addressed_to=ubnd.a,
                             finding="Chưa công khai dự toán quý I", found_on=D(2026, 4, 2),
                             answer_due=D(2026, 4, 30))
    assert not is_late(finding, today=D(2026, 4, 30)) and is_late(finding, today=D(2026, 5, 1))
    with pytest.raises(NotAllowed):
        answer_finding(actor=cast.commune_a, finding=finding, answer="?", answered_on=D(2026, 4, 20))
    answered = answer_finding(actor=ubnd.a.officer, finding=finding, answer="Đã niêm yết ngày 25/4",
                              answered_on=D(2026, 5, 3))
    assert is_late(answered, today=D(2026, 6, 1))  # answered after the due date
    with pytest.raises(WrongState):
        answer_finding(actor=ubnd.a.officer, finding=answered, answer="again", answered_on=D(2026, 5, 4))
    # the other commune sees neither the finding nor its list entry
    assert login(cast.commune_b).get("/dan-chu/giam-sat/").context["page_obj"].paginator.count == 0
    assert login(ubnd.a.officer).get("/dan-chu/giam-sat/").context["page_obj"].paginator.count == 1


def test_a_consultation_and_its_result_to_make_public(cast, ubnd):
    from danvan.democracy.domain.consultations import record_consultation
    from danvan.democracy.models import Consultation, Obligation

    with pytest.raises(ValidationError) as exc:
        record_consultation(actor=ubnd.a.officer, organization=ubnd.a, draft="Dự thảo quy hoạch chợ",
                            opens_on=D(2026, 4, 1), closes_on=D(2026, 3, 1), channels=["lottery"],
                            opinions_received=3, opinions_taken_in=5)
    assert set(exc.value.message_dict) == {"closes_on", "channels", "opinions_taken_in"}
    with pytest.raises(NotAllowed):
        record_consultation(actor=ubnd.b.officer, organization=ubnd.a, draft="Dự thảo", opens_on=D(2026, 4, 1),
                            closes_on=D(2026, 4, 30), channels=["office"])
    c = record_consultation(actor=ubnd.a.officer, organization=ubnd.a, draft="Dự thảo quy hoạch chợ xã Bảo Ái",
                            opens_on=D(2026, 4, 1), closes_on=D(2026, 4, 30), channels=["office", "conference"],
                            opinions_received=46, opinions_taken_in=31, how_taken_in="Điều chỉnh vị trí bãi xe",
                            result_number="55/BC-UBND", result_date=D(2026, 5, 6))
    assert Consultation._base_manager.get().opinions_taken_in == 31 and c.area == cast.geo.commune_a
    ob = Obligation._base_manager.get(document_number="55/BC-UBND")
    assert (ob.item.number, ob.due_on) == (11, D(2026, 5, 21))
    assert ob.document_title.startswith("Kết quả lấy ý kiến nhân dân: Dự thảo quy hoạch chợ")
