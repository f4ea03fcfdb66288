import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from danvan.awards.domain import nominations as flow
from danvan.awards.domain.eligibility import evaluate
from danvan.awards.models import AwardKind, EligibilityRule, Nomination, NominationStep, RuleCheck
from danvan.core.domain.refusals import NotAllowed
from tests.conftest import bearer, login
from tests.factories import member
from tests.meetings.helpers import person

JUSTIFICATION = "Có nhiều đóng góp cho công tác dân vận ở cơ sở trong nhiều năm liền."


@pytest.fixture
def medal(db):
    kind = AwardKind.objects.create(name="Kỷ niệm chương “Vì sự nghiệp dân vận”", code="knc", for_individuals=True)
    EligibilityRule.objects.create(award_kind=kind, kind=RuleCheck.MIN_YEARS_IN_WORK, value=10)
    EligibilityRule.objects.create(award_kind=kind, kind=RuleCheck.NO_DISCIPLINE_YEARS, value=5)
    EligibilityRule.objects.create(award_kind=kind, kind=RuleCheck.NOT_ALREADY_AWARDED)
    return kind


@pytest.fixture
def commune_leader(cast):
    return member(cast.front_a, "leader", username="ct_mttq_a", full_name="Chủ tịch MTTQ xã A")


def nominate(cast, kind, *, name="Lò Thị Hoa", years=15, discipline=None, org=None):
    p = person(org or cast.front_a, name=name)
    return flow.create_nomination(actor=None, award_kind=kind, year=2023, nominee_type="individual", person=p,
                                  organization=org or cast.front_a, justification=JUSTIFICATION,
                                  years_in_work=years, last_discipline_year=discipline)


def test_eligibility_pass_and_fail_per_rule(cast, medal):
    ok = nominate(cast, medal)
    assert [r.passed for r in evaluate(ok)] == [True, True, True]
    bad = nominate(cast, medal, name="Vàng Văn Lử", years=4, discipline=2021)
    results = evaluate(bad)
    assert [r.passed for r in results] == [False, False, True]
    assert results[0].detail == "4 năm (cần ít nhất 10 năm)"
    assert results[1].detail == "bị kỷ luật gần nhất năm 2021"


def test_rules_are_editable_data(cast, medal):
    n = nominate(cast, medal, years=8)
    assert not evaluate(n)[0].passed
    EligibilityRule.objects.filter(award_kind=medal, kind=RuleCheck.MIN_YEARS_IN_WORK).update(value=5)
    assert evaluate(n)[0].passed


def test_collective_not_allowed_for_individual_award(cast, medal):
    with pytest.raises(ValidationError) as exc:
        flow.create_nomination(actor=None, award_kind=medal, year=2023, nominee_type="collective",
                               collective=cast.front_a, organization=cast.front, justification=JUSTIFICATION)
    assert "award_kind" in exc.value.message_dict
    assert Nomination.objects.unscoped("test reads back").count() == 0


def test_full_flow_to_decision_and_already_awarded(cast, medal):
    n = nominate(cast, medal)
    flow.submit(actor=cast.commune_a, nomination=n)
    flow.appraise(actor=cast.leader, nomination=n, reason="Đủ điều kiện")
    flow.decide(actor=cast.leader, nomination=n, decision_number="1234-QĐ/BDVTW",
                decision_date=datetime.date(2023, 12, 20))
    n.refresh_from_db()
    assert (n.status, n.decision_number) == ("decided", "1234-QĐ/BDVTW")
    assert list(NominationStep.objects.unscoped("test reads back").filter(nomination=n).values_list("from_status", "to_status")) == [
        ("draft", "proposed"), ("proposed", "appraised"), ("appraised", "decided")]
    again = flow.create_nomination(actor=None, award_kind=medal, year=2024, nominee_type="individual",
                                   person=n.person, organization=cast.front_a, justification=JUSTIFICATION,
                                   years_in_work=16)
    assert not evaluate(again)[2].passed
    with pytest.raises(ValidationError):
        flow.submit(actor=cast.commune_a, nomination=again)


def test_return_and_reject(cast, medal):
    n = nominate(cast, medal)
    flow.submit(actor=cast.commune_a, nomination=n)
    with pytest.raises(ValidationError):
        flow.return_to_draft(actor=cast.leader, nomination=n, reason="")
    flow.return_to_draft(actor=cast.leader, nomination=n, reason="Bổ sung bản thành tích")
    assert n.status == "draft"
    flow.submit(actor=cast.commune_a, nomination=n)
    flow.reject(actor=cast.leader, nomination=n, reason="Chưa đủ thời gian công tác")
    assert Nomination.objects.unscoped("test reads back").get(pk=n.pk).status == "rejected"


@pytest.mark.parametrize("status,action", [
    ("draft", "appraise"), ("draft", "decide"), ("draft", "reject"), ("proposed", "decide"),
    ("appraised", "submit"), ("decided", "reject"), ("rejected", "appraise"), ("decided", "submit")])
def test_refused_transitions(cast, medal, status, action):
    n = nominate(cast, medal)
    Nomination.objects.unscoped("test reads back").filter(pk=n.pk).update(status=status)
    n.refresh_from_db()
    kwargs = {"reason": "lý do"}
    if action == "decide":
        kwargs.update(decision_number="1-QĐ", decision_date=datetime.date(2023, 12, 1))
    actor = cast.commune_a if action == "submit" else cast.leader
    with pytest.raises(ValidationError):
        getattr(flow, action)(actor=actor, nomination=n, **kwargs)
    assert Nomination.objects.unscoped("test reads back").get(pk=n.pk).status == status
    assert NominationStep.objects.unscoped("test reads back").count() == 0


def test_appraisal_only_by_the_level_above(cast, medal, commune_leader):
    n = nominate(cast, medal)
    flow.submit(actor=cast.commune_a, nomination=n)
    for actor in (commune_leader, cast.province, cast.hue):  # own organization; officer; other province
        with pytest.raises(NotAllowed):
            flow.appraise(actor=actor, nomination=n)
    assert Nomination.objects.unscoped("test reads back").get(pk=n.pk).status == "proposed"


def test_decide_needs_number_and_date(cast, medal):
    n = nominate(cast, medal)
    flow.submit(actor=cast.commune_a, nomination=n)
    flow.appraise(actor=cast.leader, nomination=n)
    with pytest.raises(ValidationError) as exc:
        flow.decide(actor=cast.leader, nomination=n, decision_number="", decision_date=None)
    assert set(exc.value.message_dict) == {"decision_number", "decision_date"}


def test_views_step_and_eligibility_shown(cast, medal):
    n = nominate(cast, medal, years=3)
    body = login(cast.commune_a).get(f"/khen-thuong/{n.pk}/").content.decode()
    assert "Chưa đạt" in body and "3 năm (cần ít nhất 10 năm)" in body
    response = login(cast.commune_a).post(f"/khen-thuong/{n.pk}/buoc/", {"action": "submit"}, follow=True)
    assert "Hồ sơ chưa đạt tiêu chí" in response.content.decode()
    assert Nomination.objects.unscoped("test reads back").get(pk=n.pk).status == "draft"


def test_other_unit_nomination_is_404(cast, medal):
    n = nominate(cast, medal)
    for user in (cast.hue, cast.commune_b):
        client = login(user)
        assert client.get(f"/khen-thuong/{n.pk}/").status_code == 404
        assert client.post(f"/khen-thuong/{n.pk}/buoc/", {"action": "submit"}).status_code == 404
        assert client.get(f"/api/v1/nominations/{n.pk}", **bearer(user)).status_code == 404
    assert Nomination.objects.unscoped("test reads back").get(pk=n.pk).status == "draft"
    # positive control: commune A's officer reads it (page and API) and submits it with the same request
    owner = login(cast.commune_a)
    assert "Lò Thị Hoa" in owner.get(f"/khen-thuong/{n.pk}/").content.decode()
    assert owner.get(f"/api/v1/nominations/{n.pk}", **bearer(cast.commune_a)).json()["id"] == n.pk
    assert owner.post(f"/khen-thuong/{n.pk}/buoc/", {"action": "submit"}).status_code == 302
    assert Nomination.objects.unscoped("test reads back").get(pk=n.pk).status == "proposed"


def test_dossier_file_type_and_size(cast, medal):
    n = nominate(cast, medal)
    client = login(cast.commune_a)
    client.post(f"/khen-thuong/{n.pk}/ho-so/", {"kind": "achievements",
                                                "file": SimpleUploadedFile("thanh-tich.pdf", b"%PDF-1.4 x")})
    bad = client.post(f"/khen-thuong/{n.pk}/ho-so/", {"kind": "other", "file": SimpleUploadedFile("a.exe", b"MZ")},
                      follow=True)
    assert "Loại tệp không được chấp nhận" in bad.content.decode()
    assert [(f.kind, f.size) for f in n.files.all()] == [("achievements", 10)]


def test_create_nomination_view_bad_input(cast, medal):
    p = person(cast.front_a, name="Hầu A Lềnh")
    response = login(cast.commune_a).post("/khen-thuong/them/", {
        "award_kind": medal.pk, "year": "2023", "nominee_type": "individual", "person": p.pk,
        "organization": cast.front_a.pk, "justification": ""})
    assert "Trường này là bắt buộc." in response.content.decode() or "Hãy nhập" in response.content.decode()
    assert Nomination.objects.unscoped("test reads back").count() == 0
    login(cast.commune_a).post("/khen-thuong/them/", {
        "award_kind": medal.pk, "year": "2023", "nominee_type": "individual", "person": p.pk,
        "organization": cast.front_a.pk, "justification": JUSTIFICATION})
    assert Nomination.objects.unscoped("test reads back").get().nominee_name == "Hầu A Lềnh"


def _list_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/khen-thuong/").status_code == 200
    return len(ctx)


def test_list_query_count_and_api_filters(client, cast, medal):
    web = login(cast.province)
    nominate(cast, medal, name="Một")
    one = _list_queries(web)
    nominate(cast, medal, name="Hai")
    nominate(cast, medal, name="Ba", org=cast.front_b)
    assert _list_queries(web) == one
    h = bearer(cast.province)
    assert client.get(f"/api/v1/nominations?award_kind={medal.pk}&year=2023&status=draft", **h).json()["count"] == 3
    assert client.get("/api/v1/nominations?year=2022", **h).json()["count"] == 0
    assert client.get("/api/v1/nominations", **bearer(cast.commune_b)).json()["count"] == 1
    assert client.get("/api/v1/nominations?status=gi_do", **h).status_code == 422


def test_nomination_list_xlsx(cast, medal):
    n = nominate(cast, medal, name="Sùng Thị Dính")
    flow.submit(actor=cast.commune_a, nomination=n)
    response = login(cast.province).get("/khen-thuong/danh-sach.xlsx?year=2023")
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0][0] == "Danh sách đề nghị khen thưởng năm 2023"
    assert rows[1][:4] == ["STT", "Đối tượng", "Chức vụ, đơn vị", "Hình thức khen thưởng"]
    assert rows[2][:2] == [1, "Sùng Thị Dính"] and rows[2][6] == "Đề nghị"
    assert len(rows) == 3
    assert login(cast.hue).get("/khen-thuong/danh-sach.xlsx").status_code == 200
    hue_rows = list(load_workbook(io.BytesIO(login(cast.hue).get("/khen-thuong/danh-sach.xlsx").content)).active
                    .iter_rows())
    assert len(hue_rows) == 2  # title and header only: nothing of Lào Cai


def test_api_nomination_list_query_count(client, cast, medal):
    h = bearer(cast.province)
    nominate(cast, medal, name="Một")

    def count():
        client.get("/api/v1/nominations", **h)
        with CaptureQueriesContext(connection) as ctx:
            client.get("/api/v1/nominations", **h)
        return len(ctx)
    one = count()
    nominate(cast, medal, name="Hai")
    nominate(cast, medal, name="Ba")
    assert count() == one


def test_decision_dated_in_the_future_is_refused(cast, medal):
    from django.utils import timezone

    n = nominate(cast, medal)
    flow.submit(actor=cast.commune_a, nomination=n)
    flow.appraise(actor=cast.leader, nomination=n)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        flow.decide(actor=cast.leader, nomination=n, decision_number="12-QĐ/BDVTW", decision_date=tomorrow)
    assert set(exc.value.message_dict) == {"decision_date"}
    assert "tương lai" in exc.value.message_dict["decision_date"][0]
    assert tomorrow.strftime("%d/%m/%Y") in exc.value.message_dict["decision_date"][0]
    n.refresh_from_db()
    assert (n.status, n.decision_number, n.decision_date) == ("appraised", "", None)
    flow.decide(actor=cast.leader, nomination=n, decision_number="12-QĐ/BDVTW", decision_date=timezone.localdate())
    n.refresh_from_db()
    assert n.status == "decided"
