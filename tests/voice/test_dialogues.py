"""Dialogues: the notice rule (≥ 7 days, else a reason), the result notice (≤ 10 days, late derived),
opinions and outcomes, commitments becoming follow-up tasks, the ledger of promises against hand counts,
masking of citizens' names, pages and API in scope."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from danvan.core.domain.refusals import NotAllowed
from danvan.meetings.domain.tasks import report_progress
from danvan.meetings.models import FollowUpTask, Meeting
from danvan.voice.domain.dialogues import add_opinion, answer_opinion, create_dialogue, record_result_notice
from danvan.voice.models import Dialogue
from danvan.voice.queries.dialogues import ledger
from tests.conftest import bearer, login

D = datetime.date


def _dialogue(v, **kw):
    values = {"organization": v.party_a, "title": "Hội nghị đối thoại xã Bảo Ái năm 2026", "held_on": D(2026, 3, 20),
              "notice_published_on": D(2026, 3, 10), "venue": "Hội trường xã"}
    values.update(kw)
    return create_dialogue(actor=None, **values)


def test_a_dialogue_is_a_meeting_of_kind_doi_thoai(v):
    d = _dialogue(v)
    meeting = Meeting.objects.unscoped("test reads back").get(pk=d.meeting_id)
    assert (meeting.kind, meeting.organization_id, meeting.venue) == ("doi_thoai", v.party_a.pk, "Hội trường xã")
    assert d.notice_due == D(2026, 3, 13) and not d.notice_late


def test_a_late_notice_needs_its_reason(v):
    with pytest.raises(ValidationError) as err:
        _dialogue(v, notice_published_on=D(2026, 3, 16))
    assert "notice_late_reason" in err.value.message_dict
    assert not Dialogue.objects.unscoped("test reads back").exists()
    d = _dialogue(v, notice_published_on=D(2026, 3, 16), notice_late_reason="Bão lũ, hoãn họp")
    assert d.notice_late and d.notice_late_reason == "Bão lũ, hoãn họp"


def test_result_notice_due_within_ten_days_late_is_derived(v):
    d = _dialogue(v)
    assert d.result_due == D(2026, 3, 30)
    assert not d.result_late(D(2026, 3, 30)) and d.result_late(D(2026, 3, 31))
    record_result_notice(actor=None, dialogue=d, issued_on=D(2026, 4, 2), posted_on=D(2026, 4, 3))
    assert d.result_late(D(2026, 12, 31))
    with pytest.raises(ValidationError):
        record_result_notice(actor=None, dialogue=d, issued_on=D(2026, 3, 1))


def test_other_unit_cannot_create_or_change(v):
    with pytest.raises(NotAllowed):
        create_dialogue(actor=v.officer_b, organization=v.party_a, title="Đối thoại", held_on=D(2026, 3, 20))
    d = _dialogue(v)
    with pytest.raises(NotAllowed):
        add_opinion(actor=v.officer_b, dialogue=d, text="Ý kiến")


def _promise(v, d, text, due, *, leader=None):
    o = add_opinion(actor=None, dialogue=d, text=text, field="land", addressed_to=v.party_a)
    return answer_opinion(actor=None, opinion=o, outcome="commitment", due_date=due, leader=leader,
                          answer="Sẽ giải quyết")


def test_a_commitment_becomes_a_task_and_the_ledger_counts_it(v):
    d = _dialogue(v)
    a = _promise(v, d, "Sửa đường thôn Nậm Lúc", D(2026, 5, 1), leader=v.secretary_a)
    b = _promise(v, d, "Lắp đèn đường trục xã", D(2026, 5, 1), leader=v.secretary_a)
    c = _promise(v, d, "Nạo vét kênh mương", D(2026, 6, 1), leader=v.secretary_a)
    e = _promise(v, d, "Cấp sổ đỏ cho 5 hộ", D(2026, 9, 1))
    task = FollowUpTask.objects.unscoped("test reads back").get(pk=a.task_id)
    assert task.title == "Sửa đường thôn Nậm Lúc" and task.due_date == D(2026, 5, 1)
    assert list(task.assignments.values_list("organization_id", flat=True)) == [v.party_a.pk]
    assert task.conclusion.text.startswith("Cam kết") or "Sửa đường thôn Nậm Lúc" in task.conclusion.text
    report_progress(actor=None, task=a.task, status="done", progress=100, note="Đã sửa xong", on=D(2026, 4, 28))
    report_progress(actor=None, task=b.task, status="done", progress=100, note="Đã lắp", on=D(2026, 5, 10))
    figures = ledger(v.cast.leader, today=D(2026, 7, 1))
    assert {k: figures["total"][k] for k in ("promised", "on_time", "late", "overdue", "open")} == {
        "promised": 4, "on_time": 1, "late": 1, "overdue": 1, "open": 1}
    by_leader = {r["leader__full_name"]: r for r in figures["by_leader"]}
    assert by_leader["Sùng A Páo"]["promised"] == 3 and by_leader["Sùng A Páo"]["overdue"] == 1
    assert by_leader[None]["open"] == 1
    assert ledger(v.officer_b, today=D(2026, 7, 1))["total"]["promised"] == 0
    assert c.task_id and e.task_id
    with pytest.raises(ValidationError):
        answer_opinion(actor=None, opinion=a, outcome="commitment", due_date=D(2026, 8, 1))


def test_a_commitment_needs_a_due_date(v):
    d = _dialogue(v)
    o = add_opinion(actor=None, dialogue=d, text="Xây nhà văn hóa", addressed_to=v.party_a)
    with pytest.raises(ValidationError) as err:
        answer_opinion(actor=None, opinion=o, outcome="commitment")
    assert "due_date" in err.value.message_dict
    assert not FollowUpTask.objects.unscoped("test reads back").exists()


def test_pages_and_api_mask_citizens_and_stay_in_scope(v):
    d = _dialogue(v)
    add_opinion(actor=None, dialogue=d, text="Đề nghị làm đường", citizen_name="Thào A Sử", addressed_to=v.party_a)
    _promise(v, d, "Sửa cầu treo", D(2026, 4, 1), leader=v.secretary_a)
    own = login(v.officer_a).get(f"/doi-thoai/{d.pk}/").content.decode()
    assert "Thào A Sử" in own and "Sửa cầu treo" in own
    above = login(v.cast.leader).get(f"/doi-thoai/{d.pk}/").content.decode()
    assert "Thào A Sử" not in above and "***" in above
    assert login(v.officer_b).get(f"/doi-thoai/{d.pk}/").status_code == 404
    api = Client().get(f"/api/v1/dialogues/{d.pk}", **bearer(v.cast.province)).json()
    assert [o["citizen_name"] for o in api["opinions"]] == ["***", ""]
    assert api["opinions"][1]["outcome"] == "commitment" and api["opinions"][1]["due_date"] == "2026-04-01"
    listed = Client().get("/api/v1/commitments?overdue=true", **bearer(v.cast.leader)).json()
    assert listed["count"] == 1 and listed["items"][0]["text"] == "Sửa cầu treo"
    assert Client().get("/api/v1/commitments", **bearer(v.officer_b)).json()["count"] == 0
    ledger_page = login(v.cast.leader).get("/doi-thoai/so-theo-doi-loi-hua/").content.decode()
    assert "Sùng A Páo" in ledger_page


def test_the_dialogue_figure_of_the_report_comes_from_the_records(v):
    from danvan.orgs.models import Kind
    from danvan.reports.domain.default_form import ensure_default_form
    from danvan.reports.domain.periods import get_period
    from danvan.reports.domain.reports import create_report, save_report
    from tests.factories import OrganizationFactory, member

    # The commune's Ban Xây dựng Đảng reports: its own dialogues of March count (not April's, not the
    # Party committee's).
    ban = OrganizationFactory(name="Ban Xây dựng Đảng xã Bảo Ái", kind=Kind.PARTY_BUILDING_COMMISSION,
                              area=v.cast.geo.commune_a, parent=v.party_a)
    officer = member(ban, username="ban_a")
    _dialogue(v, held_on=D(2026, 3, 20))
    for day in (D(2026, 3, 5), D(2026, 3, 27), D(2026, 4, 3)):
        create_dialogue(actor=None, organization=ban, title="Đối thoại với đoàn viên", held_on=day,
                        notice_published_on=day - datetime.timedelta(days=10))
    report = create_report(actor=officer, form=ensure_default_form(), period=get_period("month", 2026, 3),
                           organization=ban)
    save_report(report, actor=officer, expected_version=report.version,
                values={"DV_DT_SO": "9", "DV_DON_NHAN": "0", "DV_DON_GQ": "0", "DV_MH_DK": "0"})
    assert report.values.get(indicator__code="DV_DT_SO").value == 2
    body = login(officer).get(f"/bao-cao/{report.pk}/sua/").content.decode()
    assert "tính từ sổ đối thoại" in body


def test_the_result_notice_is_a_tb_of_the_register_listing_opinions_and_answers(v):
    from danvan.documents.models import IssuedDocument as Issued
    from tests.reading import docx_text, pdf_text

    IssuedDocument = Issued._base_manager

    d = _dialogue(v)
    add_opinion(actor=None, dialogue=d, text="Đề nghị làm đường liên thôn", citizen_name="Thào A Sử",
                addressed_to=v.party_a, field="infrastructure")
    answered = add_opinion(actor=None, dialogue=d, text="Hỏi về hỗ trợ giống lúa", citizen_name="Lò Thị Hoa")
    answer_opinion(actor=None, opinion=answered, outcome="answered", answer="Xã cấp giống trong tháng 4.")
    _promise(v, d, "Sửa cầu treo Nậm Lúc", D(2026, 5, 15), leader=v.secretary_a)
    client = login(v.officer_a)
    draft = docx_text(client.get(f"/doi-thoai/{d.pk}/thong-bao-ket-qua.docx").content)
    assert "-TB" in draft and "Đề nghị làm đường liên thôn" in draft
    from danvan.documents.compose import draft_number_line

    assert draft.splitlines()[0] == "DỰ THẢO" and draft_number_line(d.organization, "TB") in draft.splitlines()
    # a date before the dialogue: refused, nothing numbered
    client.post(f"/doi-thoai/{d.pk}/thong-bao-ket-qua/", {"issued_on": "19/03/2026"})
    assert not IssuedDocument.exists()
    assert login(v.officer_b).post(f"/doi-thoai/{d.pk}/thong-bao-ket-qua/", {"issued_on": "25/03/2026"}).status_code == 404
    assert not IssuedDocument.exists()
    client.post(f"/doi-thoai/{d.pk}/thong-bao-ket-qua/", {"issued_on": "25/03/2026", "posted_on": "26/03/2026"})
    doc = IssuedDocument.get()
    stored = Dialogue.objects.unscoped("test reads back").get(pk=d.pk)
    assert (doc.doc_type, doc.number, stored.result_document_id) == ("TB", 1, doc.pk)
    assert (stored.result_notice_on, stored.result_posted_on) == (D(2026, 3, 25), D(2026, 3, 26))
    assert not stored.result_late(D(2026, 12, 31))
    text = " ".join(pdf_text(client.get(f"/doi-thoai/{d.pk}/thong-bao-ket-qua.pdf").content).split())
    for expected in (doc.symbol, "THÔNG BÁO", "Đề nghị làm đường liên thôn", "Xã cấp giống trong tháng 4.",
                     "Sửa cầu treo Nậm Lúc", "15/05/2026", "Đảng ủy xã Bảo Ái"):
        assert expected in text, expected
    assert "Thào A Sử" not in text and "Lò Thị Hoa" not in text
    # issued once only
    client.post(f"/doi-thoai/{d.pk}/thong-bao-ket-qua/", {"issued_on": "26/03/2026"})
    assert IssuedDocument.count() == 1
    assert doc.symbol in client.get(f"/doi-thoai/{d.pk}/").content.decode()


def test_a_public_dialogue_reaches_the_portal_with_its_promises_and_no_personal_data(
        v, django_capture_on_commit_callbacks):
    from danvan.democracy.models import PortalEntry
    from danvan.voice.domain.petitions import receive_petition

    d = _dialogue(v, title="Đối thoại về đường liên thôn Nậm Lúc")
    add_opinion(actor=None, dialogue=d, text="Hỏi về giá đền bù", citizen_name="Thào A Sử", addressed_to=v.party_a)
    _promise(v, d, "Sửa cầu treo Nậm Lúc", D(2026, 5, 15), leader=v.secretary_a)
    receive_petition(actor=None, organization=v.party_a, code="KN-P1", received_on=D(2026, 3, 2), kind="denunciation",
                     subject="Tố cáo cán bộ thôn", area=v.cast.geo.commune_a, sender_name="Lò Văn Khiếu",
                     sender_address="Bản Phố", dialogue=d)
    portal = Client()
    assert "Đối thoại về đường liên thôn Nậm Lúc" not in portal.get("/cong-khai/lich-doi-thoai/").content.decode()
    # the other unit cannot publish it; nothing reaches the portal
    with django_capture_on_commit_callbacks(execute=True):
        assert login(v.officer_b).post(f"/doi-thoai/{d.pk}/cong-khai/", {"public": "1"}).status_code == 404
    assert not PortalEntry.objects.filter(kind="notice").exists()
    client = login(v.officer_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/doi-thoai/{d.pk}/cong-khai/", {"public": "1"})
    html = portal.get("/cong-khai/lich-doi-thoai/").content.decode()
    assert "Đối thoại về đường liên thôn Nậm Lúc" in html and "20/03/2026" in html and "Hội trường xã" in html
    assert "Sửa cầu treo" not in html  # the promises come with the result notice
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/doi-thoai/{d.pk}/thong-bao-ket-qua/", {"issued_on": "25/03/2026"})
    html = portal.get("/cong-khai/lich-doi-thoai/").content.decode()
    assert "Sửa cầu treo Nậm Lúc (hạn 15/05/2026)" in html and "-TB/" in html
    entries = " ".join(f"{e.title} {e.summary} {e.data}" for e in PortalEntry.objects.all())
    for personal in ("Thào A Sử", "Lò Văn Khiếu", "Bản Phố", "Sùng A Páo", "Tố cáo cán bộ thôn"):
        assert personal not in html and personal not in entries, personal
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/doi-thoai/{d.pk}/cong-khai/", {"public": "0"})
    assert not PortalEntry.objects.filter(kind="notice").exists()
    assert "Đối thoại về đường liên thôn Nậm Lúc" not in portal.get("/cong-khai/lich-doi-thoai/").content.decode()


def _dialogue_everywhere(user, params):
    from io import BytesIO

    from openpyxl import load_workbook

    page = login(user).get("/doi-thoai/", params)
    api = Client().get("/api/v1/dialogues", params, **bearer(user))
    export = login(user).post("/doi-thoai/xuat/", params)
    rows = None
    if export.status_code == 200:
        rows = [[c.value for c in r] for r in load_workbook(BytesIO(export.content)).active.iter_rows()]
    return page, api, export, rows


def test_the_dialogue_list_page_api_and_export_share_one_definition(v):
    _dialogue(v, title="Đối thoại về đường liên thôn", held_on=D(2026, 3, 20))
    _dialogue(v, title="Đối thoại về đất đai", held_on=D(2026, 5, 20), notice_published_on=D(2026, 5, 1))
    _dialogue(v, organization=v.party_b, title="Đối thoại phường", held_on=D(2026, 5, 21),
              notice_published_on=D(2026, 5, 1))
    page, api, export, rows = _dialogue_everywhere(v.officer_a, {"date_from": "2026-04-01"})
    assert [d.meeting.title for d in page.context["page_obj"].object_list] == ["Đối thoại về đất đai"]
    assert "Đối thoại về đất đai" in page.content.decode() and "Đối thoại phường" not in page.content.decode()
    assert [i["title"] for i in api.json()["items"]] == ["Đối thoại về đất đai"]
    assert len(rows) == 2 and rows[1][rows[0].index("Tiêu đề")] == "Đối thoại về đất đai"
    assert rows[1][0] in (D(2026, 5, 20), datetime.datetime(2026, 5, 20))


def test_a_bad_dialogue_filter_is_named_and_exports_nothing(v):
    from danvan.voice.interfaces.filters import DialogueFilterForm

    _dialogue(v)
    label = str(DialogueFilterForm(user=v.officer_a).fields["date_to"].label)
    page, api, export, rows = _dialogue_everywhere(v.officer_a, {"date_from": "2026-03-01", "date_to": "2026-01-01"})
    body = page.content.decode()
    assert label in body and page.context["page_obj"].paginator.count == 0
    assert api.status_code == 422 and "date_to" in api.text
    assert export.status_code == 302 and export["Location"] == "/doi-thoai/" and rows is None
    page, api, export, rows = _dialogue_everywhere(v.officer_a, {"rule": "khong-co"})
    assert api.status_code == 422 and "rule" in api.text and export.status_code == 302


def _commitments_everywhere(user, params):
    from io import BytesIO

    from openpyxl import load_workbook

    page = login(user).get("/doi-thoai/so-theo-doi-loi-hua/", params)
    api = Client().get("/api/v1/commitments", params, **bearer(user))
    export = login(user).post("/doi-thoai/so-theo-doi-loi-hua/xuat/", params)
    rows = None
    if export.status_code == 200:
        rows = [[c.value for c in r] for r in load_workbook(BytesIO(export.content)).active.iter_rows()]
    return page, api, export, rows


def test_the_commitment_list_page_api_and_export_share_one_definition_and_keep_the_ledger(v):
    d = _dialogue(v)
    o = add_opinion(actor=None, dialogue=d, text="Đề nghị làm cầu", citizen_name="Thào A Sử", addressed_to=v.party_a)
    answer_opinion(actor=None, opinion=o, outcome="commitment", due_date=D(2026, 5, 1), leader=v.secretary_a,
                   answer="Sẽ làm")
    _promise(v, d, "Lắp đèn đường trục xã", D(2026, 6, 1))
    params = {"leader": v.secretary_a.pk}
    page, api, export, rows = _commitments_everywhere(v.officer_a, params)
    body = page.content.decode()
    assert [c.text for c in page.context["page_obj"].object_list] == ["Đề nghị làm cầu"]
    assert "Lắp đèn đường trục xã" not in body and "Thào A Sử" not in body
    assert page.context["figures"]["total"]["promised"] == 2 and "ledger-leader" in body and "ledger-org" in body
    assert login(v.officer_a).get("/doi-thoai/so-theo-doi-loi-hua/", params, HTTP_HX_REQUEST="true").content.decode().count("ledger-org") == 1
    assert [i["text"] for i in api.json()["items"]] == ["Đề nghị làm cầu"]
    assert len(rows) == 2 and rows[1][0] == "Đề nghị làm cầu" and "Sùng A Páo" in rows[1]
    assert not any("Thào A Sử" in str(cell) for row in rows for cell in row)
    other, api_b, _, rows_b = _commitments_everywhere(v.officer_b, {})
    assert other.context["page_obj"].paginator.count == 0 and api_b.json()["count"] == 0 and len(rows_b) == 1


def test_a_bad_commitment_filter_is_named_and_exports_nothing(v):
    from danvan.voice.interfaces.filters import CommitmentFilterForm

    d = _dialogue(v)
    _promise(v, d, "Lắp đèn đường trục xã", D(2026, 6, 1))
    label = str(CommitmentFilterForm(user=v.officer_a).fields["state"].label)
    page, api, export, rows = _commitments_everywhere(v.officer_a, {"state": "bo-quen"})
    body = page.content.decode()
    assert label in body and "Lắp đèn đường trục xã" not in body and page.context["page_obj"].paginator.count == 0
    assert api.status_code == 422 and "state" in api.text
    assert export.status_code == 302 and export["Location"] == "/doi-thoai/so-theo-doi-loi-hua/" and rows is None
    page, api, export, rows = _commitments_everywhere(v.officer_a, {"leader": v.secretary_b.pk})
    assert api.status_code == 422 and "leader" in api.text and export.status_code == 302
