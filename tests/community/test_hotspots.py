"""Hot spots: the states and their steps through the dispatcher, overdue reviews, rights, pages and API."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from danvan.community.domain import actions, hotspots
from danvan.community.models import HotSpot, HotSpotField, HotSpotUpdate
from danvan.core.domain.refusals import NotAllowed, StaleVersion, WrongState
from tests.conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def spot(cast):
    land = HotSpotField.objects.get(name__startswith="Đất đai")
    return hotspots.create_hot_spot(actor=cast.commune_a, organization=cast.front_a, title="Tranh chấp đất rừng thôn Nậm Lúc",
                                    field=land, area=cast.geo.commune_a, village="Thôn Nậm Lúc", people_involved=35,
                                    risk="high", review_date=timezone.localdate() - datetime.timedelta(days=3))


def test_fields_are_data():
    assert HotSpotField.objects.count() == 8 and HotSpotField.objects.filter(name="Di cư tự do").exists()


def test_states_through_the_dispatcher(cast, spot):
    day = datetime.date(2026, 11, 2)
    assert actions.hot_spot_allowed_actions(cast.commune_a, spot) == ["watch", "handle"]  # in the declared order, always
    assert actions.hot_spot_allowed_actions(cast.commune_b, spot) == []
    with pytest.raises(WrongState):
        actions.perform_hot_spot(spot, "close", actor=cast.commune_a, on=day, text="Đóng")
    with pytest.raises(ValidationError) as exc:
        actions.perform_hot_spot(spot, "handle", actor=cast.commune_a, on=day, text=" ")
    assert "text" in exc.value.message_dict
    actions.perform_hot_spot(spot, "handle", actor=cast.commune_a, on=day, text="Tổ công tác đối thoại với các hộ")
    with pytest.raises(StaleVersion):
        actions.perform_hot_spot(spot, "stabilize", actor=cast.commune_a, on=day, text="Ổn định", expected_version=1)
    actions.perform_hot_spot(spot, "stabilize", actor=cast.commune_a, on=day, text="Các hộ đồng thuận")
    actions.perform_hot_spot(spot, "close", actor=cast.commune_a, on=day, text="Đã giải quyết xong")
    actions.perform_hot_spot(spot, "reopen", actor=cast.commune_a, on=datetime.date(2027, 3, 1), text="Phát sinh lại")
    spot.refresh_from_db()
    assert spot.state == "watched"
    steps = list(HotSpotUpdate.objects.unscoped("test").filter(hot_spot=spot).order_by("id").values_list(
        "state_from", "state_to"))
    assert steps == [("detected", "handling"), ("handling", "stable"), ("stable", "closed"), ("closed", "watched")]
    with pytest.raises(NotAllowed):
        hotspots.add_update(actor=cast.commune_b, hot_spot=spot, on=day, text="x")


def test_create_refusals(cast):
    land = HotSpotField.objects.first()
    with pytest.raises(NotAllowed):
        hotspots.create_hot_spot(actor=cast.commune_b, organization=cast.front_a, title="X", field=land,
                                 area=cast.geo.commune_a, review_date=datetime.date(2027, 1, 1))
    with pytest.raises(ValidationError) as exc:
        hotspots.create_hot_spot(actor=cast.commune_a, organization=cast.front_a, title="X", field=land,
                                 area=cast.geo.laocai, review_date=datetime.date(2027, 1, 1), risk="extreme")
    assert {"area", "risk"} <= set(exc.value.message_dict)
    assert not HotSpot.objects.unscoped("test").exists()


def test_pages_and_api(cast, spot):
    client = login(cast.province)
    page = client.get("/cong-dong/diem-nong/", {"overdue": "on"}).content.decode()
    assert "Tranh chấp đất rừng thôn Nậm Lúc" in page and "Bảo Ái" in page
    assert "Tranh chấp đất rừng" not in client.get("/cong-dong/diem-nong/", {"state": "closed"}).content.decode()
    assert "Tranh chấp đất rừng" not in login(cast.hue).get("/cong-dong/diem-nong/").content.decode()
    detail = login(cast.commune_a).get(f"/cong-dong/diem-nong/{spot.pk}/").content.decode()
    assert "Thôn Nậm Lúc" in detail and "35" in detail
    assert login(cast.commune_b).get(f"/cong-dong/diem-nong/{spot.pk}/").status_code == 404
    login(cast.commune_a).post(f"/cong-dong/diem-nong/{spot.pk}/watch/", {"on": "2026-11-05", "text": "Theo dõi",
                                                                          "review_date": "2027-01-10"})
    spot.refresh_from_db()
    assert spot.state == "watched" and spot.review_date == datetime.date(2027, 1, 10)
    body = client.get("/api/v1/hot-spots", {"risk": "high"}).json()
    assert body["count"] == 1 and body["items"][0]["title"] == "Tranh chấp đất rừng thôn Nậm Lúc"
    assert client.get(f"/api/v1/hot-spots/{spot.pk}").json()["state"] == "watched"
    assert login(cast.commune_b).get(f"/api/v1/hot-spots/{spot.pk}").status_code == 404
    bad = client.get("/api/v1/hot-spots", {"area": cast.geo.hue.pk})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "area"


def _petition(cast, code, org=None):
    from danvan.voice.domain.petitions import receive_petition

    return receive_petition(actor=None, organization=org or cast.front_a, code=code,
                            received_on=timezone.localdate() - datetime.timedelta(days=5), kind="complaint",
                            subject=f"Đơn về bồi thường đất rừng {code}", area=cast.geo.commune_a,
                            sender_name="Hoàng Thị Tố")


def test_linked_petitions_dialogues_and_tasks(cast):
    from tests.meetings.helpers import meeting
    land = HotSpotField.objects.get(name__startswith="Đất đai")
    mine, theirs = _petition(cast, "KN-01"), _petition(cast, "KN-B", org=cast.front_b)
    dialogue = meeting(cast.front_a, title="Đối thoại về đất rừng Nậm Lúc")
    with pytest.raises(NotAllowed):  # a petition outside the actor's scope cannot be linked
        hotspots.create_hot_spot(actor=cast.commune_a, organization=cast.front_a, title="X", field=land,
                                 area=cast.geo.commune_a, review_date=datetime.date(2027, 1, 1), petitions=[theirs])
    assert not HotSpot.objects.unscoped("test").exists()
    spot = hotspots.create_hot_spot(actor=cast.commune_a, organization=cast.front_a, title="Đất rừng Nậm Lúc",
                                    field=land, area=cast.geo.commune_a, review_date=datetime.date(2027, 1, 1),
                                    petitions=[mine], meetings=[dialogue])
    page = login(cast.commune_a).get(f"/cong-dong/diem-nong/{spot.pk}/").content.decode()
    assert "KN-01" in page and "Đơn về bồi thường đất rừng KN-01" in page and "Đối thoại về đất rừng Nậm Lúc" in page
    assert "Hoàng Thị Tố" not in page  # the petitioner is never shown here
    body = login(cast.commune_a).get(f"/api/v1/hot-spots/{spot.pk}").json()
    assert body["petition_ids"] == [mine.pk] and body["meeting_ids"] == [dialogue.pk]
    # through the page's form
    response = login(cast.commune_a).post("/cong-dong/diem-nong/them/", {
        "organization": cast.front_a.pk, "title": "Đơn thư đông người", "field": land.pk, "area": cast.geo.commune_a.pk,
        "risk": "high", "review_date": "2027-02-01", "petitions": [mine.pk]})
    assert response.status_code == 302
    made = HotSpot.objects.unscoped("test").get(title="Đơn thư đông người")
    assert list(made.petitions.values_list("code", flat=True)) == ["KN-01"]
    refused = login(cast.commune_a).post("/cong-dong/diem-nong/them/", {
        "organization": cast.front_a.pk, "title": "Đơn thư khác", "field": land.pk, "area": cast.geo.commune_a.pk,
        "risk": "high", "review_date": "2027-02-01", "petitions": [theirs.pk]})
    assert refused.status_code == 200 and "không thuộc phạm vi" in refused.content.decode().lower()
    assert not HotSpot.objects.unscoped("test").filter(title="Đơn thư khác").exists()


def test_steps_through_the_api(cast, spot):
    client = login(cast.commune_a)
    response = client.post(f"/api/v1/hot-spots/{spot.pk}/actions/handle",
                           {"on": "2026-11-05", "text": "Tổ công tác đối thoại", "version": 1},
                           content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "handling" and body["version"] == 2 and "stabilize" in body["allowed_actions"]
    stale = client.post(f"/api/v1/hot-spots/{spot.pk}/actions/stabilize", {"on": "2026-11-06", "text": "x", "version": 1},
                        content_type="application/json")
    assert stale.status_code == 409
    wrong = client.post(f"/api/v1/hot-spots/{spot.pk}/actions/close", {"on": "2026-11-06", "text": "x"},
                        content_type="application/json")
    assert wrong.status_code == 409 and "Đang xử lý" in wrong.json()["detail"]
    empty = client.post(f"/api/v1/hot-spots/{spot.pk}/actions/stabilize", {"on": "2026-11-06", "text": " "},
                        content_type="application/json")
    assert empty.status_code in (400, 422) and "text" in str(empty.json())
    assert login(cast.commune_b).post(f"/api/v1/hot-spots/{spot.pk}/actions/stabilize", {"on": "2026-11-06", "text": "x"},
                                      content_type="application/json").status_code == 404
    steps = list(HotSpotUpdate.objects.unscoped("test").filter(hot_spot=spot).values_list("state_to", flat=True))
    assert steps == ["handling"]


def test_map_shares_the_list_filters(cast, spot):
    from danvan.community.interfaces.hotspot_map import COLOURS

    cast.geo.commune_a.latitude, cast.geo.commune_a.longitude = 22.30, 104.10
    cast.geo.commune_a.save()
    land = HotSpotField.objects.get(name__startswith="Đất đai")
    hotspots.create_hot_spot(actor=cast.commune_a, organization=cast.front_a, title="Ô nhiễm suối Nậm Lúc",
                             field=HotSpotField.objects.get(name__startswith="Môi trường"), area=cast.geo.commune_a,
                             risk="low", review_date=datetime.date(2027, 5, 1), latitude=22.41, longitude=104.02)
    hotspots.create_hot_spot(actor=cast.commune_b, organization=cast.front_b, title="Điểm không tọa độ", field=land,
                             area=cast.geo.commune_b, review_date=datetime.date(2027, 5, 1))
    client = login(cast.province)
    page = client.get("/cong-dong/diem-nong/").content.decode()
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert svg.count("<circle cx") == 2 + 4  # two hot spots with coordinates, four in the legend
    assert "Tranh chấp đất rừng thôn Nậm Lúc" in svg and "Ô nhiễm suối Nậm Lúc" in svg
    assert COLOURS["high"] in svg and COLOURS["low"] in svg and "1 điểm không có tọa độ" in page
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing to load
    filtered = client.get("/cong-dong/diem-nong/", {"risk": "low"}).content.decode()
    svg = filtered[filtered.index("<svg"):filtered.index("</svg>")]
    assert "Ô nhiễm suối Nậm Lúc" in svg and "Tranh chấp đất rừng" not in filtered
    assert "<svg" not in client.get("/cong-dong/diem-nong/", {"state": "closed"}).content.decode()


def test_export_has_the_page_rows(cast, spot):
    import io

    from openpyxl import load_workbook

    response = login(cast.province).post("/cong-dong/diem-nong/xuat.xlsx", {"risk": "high"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Tiêu đề" and rows[1][0] == "Tranh chấp đất rừng thôn Nậm Lúc" and len(rows) == 2
    assert len(list(load_workbook(io.BytesIO(login(cast.province).post(
        "/cong-dong/diem-nong/xuat.xlsx", {"risk": "low"}).content)).active.iter_rows())) == 1
    bad = login(cast.province).post("/cong-dong/diem-nong/xuat.xlsx", {"risk": "extreme"})
    assert bad.status_code == 302
