"""Petition register pages, export and API: scope, filters shared, days left and overdue, masking of
a denouncer's identity through pages, export and API, steps through the dispatcher, report figures."""

import datetime
from io import BytesIO

from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from danvan.voice.domain import actions
from danvan.voice.domain.petitions import receive_petition
from danvan.voice.models import Petition
from tests.conftest import bearer, login
from tests.factories import member

D = datetime.date


def _petition(v, code, *, kind="complaint", received=None, org=None, **kw):
    received = received or timezone.localdate() - datetime.timedelta(days=40)
    return receive_petition(actor=None, organization=org or v.party_a, code=code, received_on=received, kind=kind,
                            subject=f"Nội dung đơn {code}", area=v.cast.geo.commune_a,
                            sender_name="Hoàng Thị Tố", sender_address="Thôn Nậm Lúc", **kw)


def test_register_days_left_overdue_and_scope(v):
    late = _petition(v, "KN-01")  # received 40 days ago, never accepted: 30 days overdue
    fresh = _petition(v, "KN-02", received=timezone.localdate())
    _petition(v, "KN-B", org=v.party_b)
    body = login(v.officer_a).get("/don-thu/").content.decode()
    assert "KN-01" in body and "KN-02" in body and "KN-B" not in body
    assert 'overdue">-30' in body
    only = login(v.officer_a).get("/don-thu/?overdue=on").content.decode()
    assert "KN-01" in only and "KN-02" not in only
    api = Client().get("/api/v1/petitions?overdue=true", **bearer(v.officer_a)).json()
    assert [p["code"] for p in api["items"]] == ["KN-01"] and api["items"][0]["days_left"] == -30
    assert api["items"][0]["overdue"] is True
    assert login(v.officer_b).get(f"/don-thu/{late.pk}/").status_code == 404
    assert login(v.officer_a).get(f"/don-thu/{fresh.pk}/").status_code == 200
    bad = Client().get("/api/v1/petitions?received_from=2026-03-01&received_to=2026-01-01", **bearer(v.officer_a))
    assert bad.status_code == 422 and "received_to" in bad.text


def test_a_denouncers_identity_is_protected_in_pages_export_and_api(v):
    handler = member(v.party_a, username="handler_a")
    denunciation = _petition(v, "TC-01", kind="denunciation", handler=handler)
    for user in (v.officer_a, v.cast.leader):
        page = login(user).get(f"/don-thu/{denunciation.pk}/").content.decode()
        assert "Hoàng Thị Tố" not in page and "người tố cáo (được bảo mật)" in page
        listed = login(user).get("/don-thu/").content.decode()
        assert "Hoàng Thị Tố" not in listed
        api = Client().get(f"/api/v1/petitions/{denunciation.pk}", **bearer(user)).json()
        assert api["sender_name"] == "người tố cáo (được bảo mật)" and api["sender_address"] == ""
        export = login(user).post("/don-thu/xuat/", {})
        cells = [c.value for row in load_workbook(BytesIO(export.content)).active.iter_rows() for c in row]
        assert "TC-01" in cells and "Hoàng Thị Tố" not in cells
    own = login(handler).get(f"/don-thu/{denunciation.pk}/").content.decode()
    assert "Hoàng Thị Tố" in own


def test_steps_through_page_and_api(v):
    petition = _petition(v, "KN-05", received=timezone.localdate() - datetime.timedelta(days=3))
    client = login(v.officer_a)
    client.post(f"/don-thu/{petition.pk}/buoc/accept/", {"number": "01/QĐ-TL"})
    stored = Petition.objects.unscoped("test reads back").get(pk=petition.pk)
    assert stored.state == "accepted" and stored.accepted_on == timezone.localdate()
    refused = Client().post(f"/api/v1/petitions/{petition.pk}/enforce", {}, content_type="application/json",
                            **bearer(v.officer_a))
    assert refused.status_code == 409
    ok = Client().post(f"/api/v1/petitions/{petition.pk}/verify", {"version": stored.version},
                       content_type="application/json", **bearer(v.officer_a))
    assert ok.status_code == 200 and ok.json()["state"] == "verification"
    assert "decide" in ok.json()["allowed_actions"]
    other = Client().post(f"/api/v1/petitions/{petition.pk}/decide", {"number": "1"},
                          content_type="application/json", **bearer(v.officer_b))
    assert other.status_code == 404
    assert Petition.objects.unscoped("test reads back").get(pk=petition.pk).state == "verification"


def test_report_figures_for_petitions_come_from_the_register(v):
    from danvan.orgs.models import Kind
    from danvan.reports.domain.default_form import ensure_default_form
    from danvan.reports.domain.periods import get_period
    from danvan.reports.domain.reports import create_report, save_report, submit_report
    from tests.factories import OrganizationFactory

    ban = OrganizationFactory(name="Ban Xây dựng Đảng xã Bảo Ái", kind=Kind.PARTY_BUILDING_COMMISSION,
                              area=v.cast.geo.commune_a, parent=v.party_a)
    officer = member(ban, username="ban_a")
    for i, day in enumerate([D(2026, 3, 2), D(2026, 3, 9), D(2026, 3, 30), D(2026, 4, 1)]):
        p = _petition(v, f"M-{i}", org=ban, received=day)
        if i < 2:
            actions.perform(p, "accept", actor=None, on=day, number=f"{i}/TL")
            actions.perform(p, "decide", actor=None, on=D(2026, 3, 31), number=f"{i}/GQ")
    report = create_report(actor=officer, form=ensure_default_form(), period=get_period("month", 2026, 3),
                           organization=ban)
    save_report(report, actor=officer, expected_version=report.version,
                values={"DV_DON_NHAN": "50", "DV_DON_GQ": "40", "DV_MH_DK": "0"})
    values = dict(report.values.values_list("indicator__code", "value"))
    assert (values["DV_DON_NHAN"], values["DV_DON_GQ"]) == (3, 2)  # hand count: received 2, 9, 30 March
    submit_report(report, actor=officer)
    assert report.values.get(indicator__code="DV_DON_NHAN").value == 3


def test_a_petition_figure_corrected_in_the_report_is_kept_while_the_register_grows(v):
    """Issue 11: the figure from the register is pre-filled; the officer corrects it with a reason; at
    submission the correction stands, the register's figure of that day is kept beside it."""
    from danvan.orgs.models import Kind
    from danvan.reports.domain.default_form import ensure_default_form
    from danvan.reports.domain.periods import get_period
    from danvan.reports.domain.reports import create_report, submit_report
    from tests.factories import OrganizationFactory

    ban = OrganizationFactory(name="Ban Xây dựng Đảng xã Bảo Ái", kind=Kind.PARTY_BUILDING_COMMISSION,
                              area=v.cast.geo.commune_a, parent=v.party_a)
    officer = member(ban, username="ban_a")
    for i, day in enumerate([D(2026, 3, 2), D(2026, 3, 9)]):
        _petition(v, f"M-{i}", org=ban, received=day)
    report = create_report(actor=officer, form=ensure_default_form(), period=get_period("month", 2026, 3),
                           organization=ban)
    page = login(officer).get(f"/bao-cao/{report.pk}/sua/").content.decode()
    assert 'name="v_DV_DON_NHAN" value="2"' in page.replace('type="text" ', "")
    assert "tính từ sổ đơn thư" in page.split('name="v_DV_DON_NHAN"')[1]
    posted = {"version": report.version, "v_DV_DON_NHAN": "3", "d_DV_DON_NHAN": "2",
              "r_DV_DON_NHAN": "Một đơn nhận qua hộp thư chưa vào sổ", "v_DV_DON_GQ": "0", "d_DV_DON_GQ": "0",
              "v_DV_MH_DK": "0"}
    assert login(officer).post(f"/bao-cao/{report.pk}/sua/", posted).status_code == 302
    _petition(v, "M-late", org=ban, received=D(2026, 3, 30))  # entered in the register afterwards
    submit_report(report, actor=officer)
    row = report.values.get(indicator__code="DV_DON_NHAN")
    assert (row.value, row.derived, row.correction_note) == (3, 3, "Một đơn nhận qua hộp thư chưa vào sổ")
    assert "Số liệu từ hồ sơ: 3; đã điều chỉnh: 3 (chênh lệch 0)" in login(officer).get(
        f"/bao-cao/{report.pk}/").content.decode()
