from danvan.practices.domain.campaigns import create_campaign
from danvan.practices.domain.evaluation import record_evaluation
from danvan.practices.models import Campaign, Status
from tests.conftest import login
from tests.practices.conftest import make_practice


def data(cast, **extra):
    values = {"organization": cast.commission.pk, "name": "Dân vận khéo 2026", "start_year": 2026, "end_year": 2026,
              "registration_deadline": "30/04/2026", "criteria": "Có tên gọi cụ thể\nĐược nhân dân hưởng ứng"}
    values.update(extra)
    return values


def test_commission_launches_a_campaign_with_its_criteria(cast):
    response = login(cast.province).post("/mo-hinh/dot-phat-dong/them/", data(cast))
    campaign = Campaign.objects.unscoped("test reads back").get()
    assert response.status_code == 302
    assert list(campaign.criteria.values_list("position", "text")) == [(1, "Có tên gọi cụ thể"),
                                                                        (2, "Được nhân dân hưởng ứng")]


def test_new_campaign_form_offers_the_seven_default_criteria(cast):
    html = login(cast.province).get("/mo-hinh/dot-phat-dong/them/").content.decode()
    assert "Có tên gọi, địa chỉ cụ thể" in html and "Bền vững, có sức lan tỏa" in html


def test_campaign_bad_input_changes_nothing(cast):
    html = login(cast.province).post("/mo-hinh/dot-phat-dong/them/", data(cast, end_year=2020)).content.decode()
    assert "Năm kết thúc không được trước năm bắt đầu" in html
    assert Campaign.objects.unscoped("test reads back").count() == 0


def test_only_commissions_launch_and_other_units_get_404(cast, campaign):
    assert login(cast.commune_a).get("/mo-hinh/dot-phat-dong/them/").status_code == 404
    html = login(cast.province).post("/mo-hinh/dot-phat-dong/them/",
                                     data(cast, organization=cast.front_a.pk)).content.decode()
    assert "Lựa chọn này không thuộc phạm vi của bạn" in html
    assert login(cast.hue).get(f"/mo-hinh/dot-phat-dong/{campaign.pk}/").status_code == 404
    assert login(cast.hue).post(f"/mo-hinh/dot-phat-dong/{campaign.pk}/sua/", data(cast)).status_code == 404
    # a commune sees the province's campaign (it registers under it) but cannot edit it
    assert "Phong trào Dân vận khéo" in login(cast.commune_a).get(f"/mo-hinh/dot-phat-dong/{campaign.pk}/").content.decode()
    assert login(cast.commune_a).get(f"/mo-hinh/dot-phat-dong/{campaign.pk}/sua/").status_code == 404
    assert Campaign.objects.unscoped("test reads back").get().name == "Phong trào Dân vận khéo 2021–2025"


def test_criteria_are_frozen_once_scored(cast, campaign):
    p = make_practice(cast.front_a, status=Status.IN_PROGRESS, campaign=campaign)
    record_evaluation(practice=p, actor=cast.province, scores={c.id: 5 for c in campaign.criteria.all()})
    html = login(cast.province).post(f"/mo-hinh/dot-phat-dong/{campaign.pk}/sua/", data(
        cast, name=campaign.name, start_year=2021, end_year=2026, version=campaign.version)).content.decode()
    assert "không thể thay đổi bộ tiêu chí" in html
    assert campaign.criteria.count() == 7


def test_campaign_list_is_a_list_definition_with_its_filter_validated(cast):
    """``CAMPAIGNS`` (practices/interfaces/lists.py): the year filter keeps the campaigns running that
    year; a bad year is named above an empty list."""
    create_campaign(actor=cast.province, organization=cast.commission, name="Phong trào Dân vận khéo 2021–2025",
                    start_year=2021, end_year=2025)
    client = login(cast.province)
    page = client.get("/mo-hinh/dot-phat-dong/", {"year": 2023})
    assert [c.name for c in page.context["page_obj"]] == ["Phong trào Dân vận khéo 2021–2025"]
    assert "2021–2025" in page.content.decode()
    assert list(client.get("/mo-hinh/dot-phat-dong/", {"year": 2027}).context["page_obj"]) == []
    page = client.get("/mo-hinh/dot-phat-dong/", {"year": "hai nghìn"})
    body = page.content.decode()
    assert "alert-warning" in body and "Đang diễn ra trong năm" in body and "Phong trào Dân vận khéo" not in body


def test_campaign_list_query_count_does_not_grow(cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(cast.province)
    create_campaign(actor=cast.province, organization=cast.commission, name="Đợt 1", start_year=2021, end_year=2025)
    with CaptureQueriesContext(connection) as before:
        client.get("/mo-hinh/dot-phat-dong/")
    for i in range(3):
        create_campaign(actor=cast.province, organization=cast.commission, name=f"Đợt {i + 2}", start_year=2021,
                        end_year=2025)
    with CaptureQueriesContext(connection) as after:
        page = client.get("/mo-hinh/dot-phat-dong/")
    assert len(page.context["page_obj"].object_list) == 4
    assert len(after) == len(before)
