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
    assert actions.hot_spot_allowed_actions(cast.commune_a, spot) == {"watch", "handle"}
    assert actions.hot_spot_allowed_actions(cast.commune_b, spot) == set()
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
