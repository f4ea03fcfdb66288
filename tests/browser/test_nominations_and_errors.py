"""In a real browser: a nomination of the provincial Ban from submission to its decision (the Ban's
officer submits, its leader appraises and decides, on a phone), and the error pages inside the layout."""

import pytest

from danvan.awards.domain import nominations as flow
from danvan.awards.models import AwardKind, Nomination
from tests.browser.conftest import DESKTOP, PHONE, go, sign_in
from tests.conftest import build_cast, build_geo
from tests.meetings.helpers import person


@pytest.fixture
def world(transactional_db):
    cast = build_cast(build_geo())
    kind = AwardKind.objects.create(name="Kỷ niệm chương “Vì sự nghiệp dân vận”", code="knc", for_individuals=True)
    nominee = person(cast.commission, name="Hà Thị Lan")
    n = flow.create_nomination(actor=cast.province, award_kind=kind, year=2026, nominee_type="individual",
                               person=nominee, organization=cast.commission,
                               justification="Nhiều năm làm công tác dân vận ở vùng cao.", years_in_work=20)
    return cast, n


def test_provincial_ban_nomination_to_its_decision(browser, world):
    cast, n = world
    page = browser
    sign_in(page, cast.province, size=PHONE)
    go(page, f"/khen-thuong/{n.pk}/")
    assert "gửi đề nghị lên cấp trên" in page.inner_text(".dv-next-step")
    page.click("button[value=submit]")
    assert Nomination._base_manager.get(pk=n.pk).status == "proposed"
    step = page.inner_text(".dv-next-step")
    assert "thẩm định" in step and "do lãnh đạo Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai thực hiện" in step
    assert page.locator("button[value=appraise]").count() == 0

    sign_in(page, cast.leader, size=PHONE)
    go(page, f"/khen-thuong/{n.pk}/")
    page.click("button[value=appraise]")
    assert Nomination._base_manager.get(pk=n.pk).status == "appraised"
    page.fill("input[name=decision_number]", "125-QĐ/TU")
    page.fill("input[name=decision_date]", "20/11/2026")
    page.click("button[value=decide]")
    saved = Nomination._base_manager.get(pk=n.pk)
    assert (saved.status, saved.decision_number) == ("decided", "125-QĐ/TU")
    assert "quyết định 125-QĐ/TU ngày 20/11/2026" in page.inner_text(".dv-next-step")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1366", "390"])
def test_not_found_page_has_the_menu_and_a_way_back(browser, world, size):
    cast, n = world
    page = browser
    sign_in(page, cast.commune_a, size=size)
    go(page, f"/khen-thuong/{n.pk}/")  # the Ban's nomination is out of the commune's scope
    assert "Không tìm thấy trang" in page.inner_text("main")
    assert "Hà Thị Lan" not in page.content()
    if size is PHONE:
        page.click(".navbar-toggler")
    assert page.locator("#dv-nav a:has-text('Báo cáo')").first.is_visible()
    page.click(".dv-error a:has-text('Về trang tổng quan')")
    assert page.url.rstrip("/") == page.base
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"] + 1
