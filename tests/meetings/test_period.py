"""The period a meeting reviews, linked to ``reports.Period``: form, actions, filters, API, report links."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError

from danvan.core.models import AuditEvent
from danvan.meetings.domain.meetings import update_meeting
from danvan.meetings.models import Meeting
from danvan.reports.domain.default_form import ensure_default_form
from danvan.reports.domain.periods import get_period
from danvan.reports.models import PeriodKind
from tests.conftest import bearer, login
from tests.meetings.helpers import meeting

FORM = {"kind": "so_ket", "title": "Sơ kết 9 tháng năm 2021", "starts_at": "08/10/2021 14:00", "mode": "online"}


@pytest.fixture
def nine_months():
    return get_period(PeriodKind.NINE_MONTHS, 2021)


def test_create_meeting_with_a_period_fills_label_and_dates(cast, nine_months):
    response = login(cast.province).post("/hoi-nghi/them/", {
        **FORM, "organization": cast.commission.pk, "period": nine_months.pk,
        "period_label": "gõ tay sẽ bị thay", "period_start": "05/05/2021"})
    m = Meeting.objects.unscoped("test reads back").get()
    assert response.status_code == 302
    assert (m.period, m.period_label, m.period_start, m.period_end) == (
        nine_months, "9 tháng năm 2021", datetime.date(2021, 1, 1), datetime.date(2021, 9, 30))
    assert AuditEvent.objects.filter(action="create", object_id=str(m.pk), object_repr=m.title).count() == 1


def test_without_a_period_the_label_stays_free_text(cast):
    login(cast.province).post("/hoi-nghi/them/", {
        **FORM, "organization": cast.commission.pk, "period_label": "Đợt cao điểm mùa mưa lũ"})
    m = Meeting.objects.unscoped("test reads back").get()
    assert (m.period, m.period_label, m.period_start) == (None, "Đợt cao điểm mùa mưa lũ", None)


def test_form_lists_periods_newest_first_with_vietnamese_labels(cast):
    get_period(PeriodKind.NINE_MONTHS, 2021)
    get_period(PeriodKind.YEAR, 2023)
    get_period(PeriodKind.QUARTER, 2023, 4)
    body = login(cast.province).get("/hoi-nghi/them/").content.decode()
    assert "Kỳ đánh giá" in body
    assert body.index("Năm 2023") < body.index("Quý IV năm 2023") < body.index("9 tháng năm 2021")


def test_update_with_a_period_overwrites_the_label_and_unlinking_keeps_it(cast, nine_months):
    m = meeting(cast.commission, period_label="Cuối năm")
    update_meeting(m, actor=cast.province, expected_version=1, period=get_period(PeriodKind.YEAR, 2023))
    m.refresh_from_db()
    assert (m.period_label, m.period_start, m.period_end, m.version) == (
        "Năm 2023", datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), 2)
    update_meeting(m, actor=cast.province, period=None)
    m.refresh_from_db()
    assert (m.period_id, m.period_label, m.period_end) == (None, "Năm 2023", datetime.date(2023, 12, 31))


def test_unknown_period_id_is_refused_in_vietnamese_and_nothing_saved(cast, nine_months):
    response = login(cast.province).post("/hoi-nghi/them/", {
        **FORM, "organization": cast.commission.pk, "period": nine_months.pk + 999})
    assert response.status_code == 200
    assert "Kỳ đánh giá đã chọn không tồn tại." in response.content.decode()
    assert Meeting.objects.unscoped("test reads back").count() == 0


def test_unknown_period_id_in_the_action_changes_nothing(cast, nine_months):
    m = meeting(cast.commission, period=nine_months)
    with pytest.raises(ValidationError) as exc:
        update_meeting(m, actor=cast.province, period=nine_months.pk + 999, venue="Hội trường B")
    assert "period" in exc.value.message_dict
    m.refresh_from_db()
    assert (m.period, m.venue, m.version) == (nine_months, "", 1)
    assert not AuditEvent.objects.filter(action="update", object_id=str(m.pk)).exists()


def test_edit_form_refuses_unknown_period(cast, nine_months):
    m = meeting(cast.commission, period=nine_months)
    response = login(cast.province).post(f"/hoi-nghi/{m.pk}/sua/", {
        **FORM, "organization": cast.commission.pk, "period": "abc", "version": 1})
    assert "Kỳ đánh giá đã chọn không tồn tại." in response.content.decode()
    m.refresh_from_db()
    assert (m.period, m.title, m.version) == (nine_months, "Hội nghị giao ban công tác dân vận quý I năm 2026", 1)


def test_list_filter_by_period(cast, nine_months):
    meeting(cast.commission, title="Giao ban 9 tháng có kỳ", period=nine_months)
    meeting(cast.commission, title="Giao ban không gắn kỳ", period_label="9 tháng năm 2021")
    meeting(cast.hue_commission, title="Giao ban 9 tháng Huế", period=nine_months)
    client = login(cast.province)
    body = client.get(f"/hoi-nghi/?period={nine_months.pk}").content.decode().split("<main")[1]
    assert "Giao ban 9 tháng có kỳ" in body
    assert "Giao ban không gắn kỳ" not in body
    assert "Huế" not in body
    bad = client.get(f"/hoi-nghi/?period={nine_months.pk + 999}").content.decode()
    assert "Kỳ đánh giá đã chọn không tồn tại." in bad


def test_api_period_filter_and_detail(client, cast, nine_months):
    linked = meeting(cast.commission, title="Có kỳ", period=nine_months)
    free = meeting(cast.commission, title="Không kỳ", period_label="9 tháng năm 2021")
    meeting(cast.hue_commission, title="Huế có kỳ", period=nine_months)
    h = bearer(cast.province)
    data = client.get(f"/api/v1/meetings?period={nine_months.pk}", **h).json()
    assert (data["count"], [i["id"] for i in data["items"]]) == (1, [linked.pk])
    assert client.get(f"/api/v1/meetings/{linked.pk}", **h).json()["period"] == {
        "id": nine_months.pk, "label": "9 tháng năm 2021"}
    assert client.get(f"/api/v1/meetings/{free.pk}", **h).json()["period"] is None


def test_api_unknown_period_is_refused_in_vietnamese(client, cast, nine_months):
    meeting(cast.commission, period=nine_months)
    h = bearer(cast.province)
    response = client.get(f"/api/v1/meetings?period={nine_months.pk + 999}", **h)
    assert (response.status_code, response.json()) == (422, {
        "detail": "Kỳ đánh giá đã chọn không tồn tại.",
        "errors": [{"field": "period", "message": "Kỳ đánh giá đã chọn không tồn tại."}]})
    assert client.get("/api/v1/meetings?period=abc", **h).status_code == 422


def test_meeting_page_links_to_the_reports_of_the_period(cast, nine_months):
    form = ensure_default_form()
    m = meeting(cast.commission, period=nine_months)
    client = login(cast.province)
    response = client.get(f"/hoi-nghi/{m.pk}/")
    links = response.context["period_reports"]
    rollup, completeness = urlsplit(links["rollup"]), urlsplit(links["completeness"])
    assert (rollup.path, completeness.path) == ("/bao-cao/tong-hop/", "/bao-cao/tien-do/")
    expected = {"form": [str(form.pk)], "period": [str(nine_months.pk)], "area": [str(cast.commission.area_id)]}
    assert parse_qs(rollup.query) == expected == parse_qs(completeness.query)
    assert links["rollup"].replace("&", "&amp;") in response.content.decode()
    page = client.get(links["rollup"])
    assert page.context["form"].is_valid()
    assert (page.context["form"].cleaned_data["period"], page.context["form"].cleaned_data["area"]) == (
        nine_months, cast.commission.area)


def test_no_report_links_without_a_period(cast):
    ensure_default_form()
    m = meeting(cast.commission, period_label="Đợt cao điểm")
    response = login(cast.province).get(f"/hoi-nghi/{m.pk}/")
    assert response.context["period_reports"] is None
    assert 'id="period-reports"' not in response.content.decode()


def test_other_unit_cannot_see_a_linked_meeting(client, cast, nine_months):
    m = meeting(cast.hue_commission, period=nine_months, title="Sơ kết 9 tháng của Huế")
    assert login(cast.province).get(f"/hoi-nghi/{m.pk}/").status_code == 404
    assert client.get(f"/api/v1/meetings/{m.pk}", **bearer(cast.province)).status_code == 404
    # positive control: Huế's officer sees the meeting and its period
    assert "Sơ kết 9 tháng của Huế" in login(cast.hue).get(f"/hoi-nghi/{m.pk}/").content.decode()
    data = client.get(f"/api/v1/meetings/{m.pk}", **bearer(cast.hue)).json()
    assert (data["id"], data["period"]["id"]) == (m.pk, nine_months.pk)
