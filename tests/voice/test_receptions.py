"""Receptions: recording, refusals, the duty table (required vs held, late, by area), masking of the
citizens' names on pages and API with every read logged, the list filter shared by page and API."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from danvan.core.domain.refusals import NotAllowed
from danvan.core.models import AuditEvent
from danvan.voice.domain.receptions import create_session
from danvan.voice.models import ReceptionObligation, ReceptionSession
from danvan.voice.queries.receptions import duty_table
from tests.conftest import bearer, login
from tests.voice.conftest import case, session

D = datetime.date


def test_the_session_takes_the_position_of_the_receivers_duty(v):
    s = session(v.party_a, v.secretary_a, D(2026, 1, 8), place="Trụ sở Đảng ủy xã")
    assert (s.position, s.position_text) == ("commune_secretary", "Bí thư cấp ủy cấp xã")


def test_recording_is_refused_outside_the_organization_and_for_bad_input(v):
    with pytest.raises(NotAllowed):
        create_session(actor=v.officer_b, organization=v.party_a, receiver=v.secretary_a, held_on=D(2026, 1, 8))
    with pytest.raises(ValidationError) as err:
        create_session(actor=v.officer_a, organization=v.party_a, receiver=v.secretary_a, held_on=D(2099, 1, 8))
    assert "held_on" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        create_session(actor=v.officer_a, organization=v.party_a, receiver=v.secretary_a, held_on=D(2026, 1, 8),
                       rule="nope")
    assert "rule" in err.value.message_dict
    assert ReceptionSession.objects.unscoped("test reads back").count() == 0


def test_duty_table_required_vs_held_late_in_red_and_by_area(v):
    # Commune secretary A: January 2 days (met), February 1 day (short), March none (short), April 3 days.
    for day in (D(2026, 1, 8), D(2026, 1, 22), D(2026, 2, 12), D(2026, 4, 2), D(2026, 4, 9), D(2026, 4, 16)):
        session(v.party_a, v.secretary_a, day)
    session(v.party_a, v.secretary_a, D(2026, 1, 22), kind="ad_hoc")  # same day twice: one day held
    session(v.cast.party, v.prov_secretary, D(2026, 2, 5))
    rows, by_area = duty_table(v.cast.leader, 2026, today=D(2026, 4, 20))
    by_person = {r["duty"].person.full_name: r for r in rows}
    a = by_person["Sùng A Páo"]["months"]
    assert [(m["held"], m["required"], m["late"]) for m in a[:5]] == [
        (2, 2, False), (1, 2, True), (0, 2, True), (3, 2, False), (0, 2, False)]  # April not over: not late
    assert by_person["Sùng A Páo"]["missed"] == 2 and by_person["Sùng A Páo"]["held"] == 6
    p = by_person["Trịnh Văn Tỉnh"]["months"]
    assert [(m["held"], m["late"]) for m in p[:3]] == [(0, True), (1, False), (0, True)]
    areas = {r["area"].name: r for r in by_area}
    assert areas["Bảo Ái"]["missed"] == 2 and areas["Bảo Ái"]["required"] == 24
    assert areas["Yên Bái"]["missed"] == 3  # commune B: nothing held in January–March


def test_a_new_obligation_row_changes_the_requirement_without_code(v):
    ReceptionObligation.objects.create(rule="qd11", position="commune_secretary", days=3, per="month",
                                       legal_basis="Quy định mới (thử)", valid_from=D(2026, 3, 1))
    rows, _ = duty_table(v.cast.leader, 2026, today=D(2026, 12, 31))
    a = next(r for r in rows if r["duty"].pk == v.duty_a.pk)
    assert [m["required"] for m in a["months"][:4]] == [2, 2, 3, 3]


def test_the_commune_chairman_owes_one_day_a_week(v):
    from danvan.voice.domain.receptions import create_duty
    from tests.meetings.helpers import person

    chairman = person(v.party_a, name="Vàng Văn Chủ", title="Chủ tịch UBND xã")
    create_duty(actor=None, person=chairman, organization=v.party_a, position="commune_chairman",
                valid_from=D(2026, 1, 1))
    rows, _ = duty_table(v.cast.leader, 2026, today=D(2026, 12, 31))
    row = next(r for r in rows if r["duty"].person_id == chairman.pk)
    assert [m["required"] for m in row["months"][:3]] == [4, 4, 5]  # Mondays of Jan, Feb, Mar 2026


def test_duty_page_shows_late_months_in_red_and_other_unit_sees_none(v):
    session(v.party_a, v.secretary_a, D(2025, 8, 7))
    body = login(v.officer_a).get("/tiep-dan/nghia-vu/?year=2025").content.decode()
    assert "Sùng A Páo" in body and "Nguyễn Văn Bình" not in body
    assert 'text-danger fw-bold late">1/2' in body  # August 2025: one day of two
    bad = login(v.officer_a).get("/tiep-dan/nghia-vu/?year=1990").content.decode()
    assert "2019" in bad and "2100" in bad


def test_citizens_names_are_masked_above_and_for_other_roles_and_every_read_is_logged(v):
    s = session(v.party_a, v.secretary_a, D(2026, 1, 8))
    case(s, citizen_name="Lý Thị Mai")
    case(s, citizen_name="", people=12, subject="Đoàn đông người về đền bù")
    own = login(v.officer_a).get(f"/tiep-dan/{s.pk}/").content.decode()
    assert "Lý Thị Mai" in own and "Đoàn đông người về đền bù" in own
    above = login(v.cast.leader).get(f"/tiep-dan/{s.pk}/").content.decode()
    assert "Lý Thị Mai" not in above and "***" in above and "Đoàn đông người về đền bù" in above
    api = Client().get(f"/api/v1/receptions/{s.pk}", **bearer(v.cast.province)).json()
    assert [c["citizen_name"] for c in api["cases"]] == ["***", ""] and api["names_shown"] is False
    api_own = Client().get(f"/api/v1/receptions/{s.pk}", **bearer(v.officer_a)).json()
    assert api_own["cases"][0]["citizen_name"] == "Lý Thị Mai" and api_own["cases"][1]["is_group"] is True
    views = AuditEvent.objects.filter(action="view", object_id=str(s.pk))
    assert sorted(views.values_list("actor__username", flat=True)) == ["party_a", "party_a"]


def test_other_unit_gets_404_and_list_is_scoped(v):
    s = session(v.party_a, v.secretary_a, D(2026, 1, 8), place="Nhà văn hóa thôn Nậm Lúc")
    session(v.party_b, v.secretary_b, D(2026, 1, 9), place="Trụ sở phường")
    assert login(v.officer_b).get(f"/tiep-dan/{s.pk}/").status_code == 404
    assert login(v.officer_a).get(f"/tiep-dan/{s.pk}/").status_code == 200
    body = login(v.officer_a).get("/tiep-dan/").content.decode()
    assert "Sùng A Páo" in body and "Nguyễn Văn Bình" not in body
    assert Client().get(f"/api/v1/receptions/{s.pk}", **bearer(v.officer_b)).status_code == 404


def test_list_filters_are_the_same_on_page_and_api(v):
    session(v.party_a, v.secretary_a, D(2026, 1, 8), place="Nhà văn hóa thôn Nậm Lúc")
    session(v.party_a, v.secretary_a, D(2026, 3, 12), kind="ad_hoc", place="Trụ sở xã")
    page = login(v.cast.leader).get("/tiep-dan/?q=nam luc").content.decode()
    assert "08/01/2026" in page and "12/03/2026" not in page
    api = Client().get("/api/v1/receptions?kind=ad_hoc", **bearer(v.cast.leader)).json()
    assert api["count"] == 1 and api["items"][0]["held_on"] == "2026-03-12"
    bad = Client().get("/api/v1/receptions?date_from=2026-03-01&date_to=2026-01-01", **bearer(v.cast.leader))
    assert bad.status_code == 422 and "date_to" in bad.text
    bad_page = login(v.cast.leader).get("/tiep-dan/?date_from=01/03/2026&date_to=01/01/2026").content.decode()
    assert "Ngày kết thúc không được trước ngày bắt đầu" in bad_page


def test_recording_through_the_pages(v):
    client = login(v.officer_a)
    response = client.post("/tiep-dan/them/", {"organization": v.party_a.pk, "receiver": v.secretary_a.pk,
                                              "held_on": "08/01/2026", "rule": "qd11", "kind": "regular",
                                              "place": "Trụ sở"})
    s = ReceptionSession.objects.unscoped("test reads back").get()
    assert response.status_code == 302 and s.held_on == D(2026, 1, 8)
    client.post(f"/tiep-dan/{s.pk}/vu-viec/", {"subject": "Đường thôn hỏng", "citizen_name": "Giàng A Dế",
                                               "people": "1", "kind": "reflection", "field": "infrastructure"})
    assert list(s.cases.values_list("subject", flat=True)) == ["Đường thôn hỏng"]
    bad = client.post("/tiep-dan/them/", {"organization": v.party_b.pk, "receiver": v.secretary_a.pk,
                                          "held_on": "32/01/2026", "rule": "qd11", "kind": "regular"})
    assert bad.status_code == 200 and ReceptionSession.objects.unscoped("test reads back").count() == 1


def test_opinions_raised_at_a_reception_get_outcomes_and_a_commitment_becomes_a_task(v):
    from danvan.meetings.models import FollowUpTask
    from danvan.voice.models import Opinion
    from danvan.voice.queries.dialogues import filter_commitments, ledger

    s = session(v.party_a, v.secretary_a, datetime.date(2026, 3, 12), place="Trụ sở Đảng ủy xã")
    client = login(v.officer_a)
    client.post(f"/tiep-dan/{s.pk}/y-kien/", {"text": "", "field": "land"})  # empty: refused
    assert not Opinion.objects.unscoped("test reads back").exists()
    assert login(v.officer_b).post(f"/tiep-dan/{s.pk}/y-kien/", {"text": "Sửa cống", "field": "land"}).status_code == 404
    client.post(f"/tiep-dan/{s.pk}/y-kien/", {"text": "Đề nghị sửa cống thôn Nậm Lúc", "field": "infrastructure",
                                             "citizen_name": "Lý Thị Mai", "addressed_to": v.party_a.pk})
    client.post(f"/tiep-dan/{s.pk}/y-kien/", {"text": "Hỏi về sổ đỏ", "field": "land"})
    promised, answered = Opinion.objects.unscoped("test reads back").filter(session=s).order_by("id")
    client.post(f"/doi-thoai/y-kien/{answered.pk}/tra-loi/", {"outcome": "answered", "answer": "Đã hướng dẫn"})
    response = client.post(f"/doi-thoai/y-kien/{promised.pk}/tra-loi/", {
        "outcome": "commitment", "due_date": "30/04/2026", "leader": v.secretary_a.pk, "answer": "Xã sửa trong tháng 4"})
    assert response.status_code == 302 and response["Location"] == f"/tiep-dan/{s.pk}/"
    promised.refresh_from_db()
    task = FollowUpTask.objects.unscoped("test reads back").get(pk=promised.task_id)
    assert (task.due_date, task.title, task.organization_id) == (datetime.date(2026, 4, 30),
                                                                 "Đề nghị sửa cống thôn Nậm Lúc", v.party_a.pk)
    stored = ReceptionSession.objects.unscoped("test reads back").get(pk=s.pk)
    assert stored.meeting_id == task.meeting_id and stored.meeting.starts_at.date() == datetime.date(2026, 3, 12)
    assert [o.text for o in filter_commitments(v.cast.leader, today=datetime.date(2026, 5, 1))] == [promised.text]
    figures = ledger(v.cast.leader, today=datetime.date(2026, 5, 1))
    assert figures["total"]["promised"] == 1 and figures["total"]["overdue"] == 1
    assert figures["by_leader"][0]["leader__full_name"] == "Sùng A Páo"
    own = client.get(f"/tiep-dan/{s.pk}/").content.decode()
    assert "Lý Thị Mai" in own and "Đã hướng dẫn" in own and "30/04/2026" in own
    above = login(v.cast.leader).get(f"/tiep-dan/{s.pk}/").content.decode()
    assert "Lý Thị Mai" not in above and "Đề nghị sửa cống thôn Nậm Lúc" in above


def test_the_reception_list_page_api_and_export_share_one_definition(v):
    from io import BytesIO

    from openpyxl import load_workbook

    session(v.party_a, v.secretary_a, D(2026, 1, 8), place="Nhà văn hóa thôn Nậm Lúc")
    session(v.party_a, v.secretary_a, D(2026, 3, 12), kind="ad_hoc", place="Trụ sở xã")
    session(v.party_b, v.secretary_b, D(2026, 3, 13), kind="ad_hoc", place="Trụ sở phường")
    page = login(v.officer_a).get("/tiep-dan/", {"kind": "ad_hoc"})
    api = Client().get("/api/v1/receptions", {"kind": "ad_hoc"}, **bearer(v.officer_a)).json()
    export = login(v.officer_a).post("/tiep-dan/xuat/", {"kind": "ad_hoc"})
    rows = [[c.value for c in r] for r in load_workbook(BytesIO(export.content)).active.iter_rows()]
    assert [s.held_on for s in page.context["page_obj"].object_list] == [D(2026, 3, 12)]
    assert [i["held_on"] for i in api["items"]] == ["2026-03-12"]
    assert len(rows) == 2 and rows[1][rows[0].index("Địa điểm")] == "Trụ sở xã"
    refused = login(v.officer_a).post("/tiep-dan/xuat/", {"kind": "hang-tuan"})
    assert refused.status_code == 302 and refused["Location"] == "/tiep-dan/"
