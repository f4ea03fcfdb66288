"""A "Dân vận khéo" model in a real browser: the commune officer registers it and marks it carried
out, the Ban's officer evaluates it, the Ban's leader recognizes it at the provincial level (on a phone)
after a refused first try that keeps the level chosen."""

import datetime

import pytest

from danvan.practices.domain.campaigns import create_campaign
from danvan.practices.models import Practice, Status
from tests.browser.conftest import PHONE, go, sign_in
from tests.conftest import build_cast, build_geo
from tests.practices.conftest import make_practice


@pytest.fixture
def world(transactional_db):
    cast = build_cast(build_geo())
    campaign = create_campaign(actor=cast.province, organization=cast.commission, name="Phong trào Dân vận khéo",
                               start_year=2021, end_year=2026, registration_deadline=datetime.date(2099, 12, 31))
    practice = make_practice(cast.front_a, campaign=campaign, name="Mô hình “Con đường bích họa” thôn Khe Lếch")
    return cast, practice


def test_register_evaluate_recognize(browser, world):
    cast, practice = world
    page = browser
    sign_in(page, cast.commune_a)
    go(page, f"/mo-hinh/{practice.pk}/")
    assert "đăng ký mô hình" in page.inner_text(".dv-next-step")
    page.click("form[action$='/thao-tac/register/'] button")
    page.click("form[action$='/thao-tac/start/'] button")
    assert Practice._base_manager.get(pk=practice.pk).status == Status.IN_PROGRESS
    assert "đánh giá mô hình theo tiêu chí" in page.inner_text(".dv-next-step")

    sign_in(page, cast.province)
    go(page, f"/mo-hinh/{practice.pk}/")
    page.click("details:has(form[action$='/danh-gia/']) summary")
    scores = page.locator("form[action$='/danh-gia/'] input[name^=score_]")
    assert scores.count() > 0
    for field in scores.all():
        field.fill("5")
    page.click("form[action$='/danh-gia/'] button")
    assert Practice._base_manager.get(pk=practice.pk).status == Status.EVALUATED

    sign_in(page, cast.leader, size=PHONE)
    go(page, f"/mo-hinh/{practice.pk}/")
    form = "form[action$='/thao-tac/recognize/']"
    page.select_option(f"{form} select[name=level]", "province")
    page.fill(f"{form} input[name=decision_number]", "99-QĐ/BTGDVTU")
    page.fill(f"{form} input[name=decision_date]", "31/02/2026")
    page.click(f"{form} button")
    assert page.input_value(f"{form} select[name=level]") == "province"  # kept after the refusal
    assert Practice._base_manager.get(pk=practice.pk).status == Status.EVALUATED
    page.fill(f"{form} input[name=decision_date]", "15/10/2026")
    page.click(f"{form} button")
    saved = Practice._base_manager.get(pk=practice.pk)
    assert (saved.status, saved.level, saved.decision_number) == (Status.RECOGNIZED, "province", "99-QĐ/BTGDVTU")
    assert "Mô hình đã được công nhận" in page.inner_text(".dv-next-step")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
