"""The one inbox in a real browser, at 1366×768 and on a 390 px phone: what one user does shows as a
number on the other user's bell. Two communes submit their reports (one in the browser), so the province
leader's bell reads 2 and the inbox lists both; opening one leads to the report and the bell reads 1; the
leader returns it and marks the rest read (no number left). The commune officer's bell then reads 1, its
inbox gives the reason, and opening it leaves no number."""

import pytest

from danvan.core.models import Notification
from danvan.reports.domain.default_form import ensure_default_form
from danvan.reports.domain.periods import get_period
from danvan.reports.domain.reports import create_report, save_report, submit_report
from danvan.reports.models import Report
from tests.browser.conftest import DESKTOP, PHONE, go, sign_in
from tests.conftest import build_cast, build_geo

FIGURES = {"DV_DON_NHAN": 12, "DV_DON_GQ": 9, "DV_MH_DK": 1}
REASON = "Bổ sung số liệu đơn thư tháng 9"


@pytest.fixture
def world(transactional_db):
    """Both communes' September 2025 reports filled in; Yên Bái's already submitted, Bảo Ái's a draft."""
    cast = build_cast(build_geo())
    form, period = ensure_default_form(), get_period("month", 2025, 9)
    reports = {}
    for org, officer in ((cast.front_a, cast.commune_a), (cast.front_b, cast.commune_b)):
        report = create_report(actor=officer, form=form, period=period, organization=org)
        save_report(report, actor=officer, expected_version=report.version, values=FIGURES)
        reports[org.pk] = report
    submit_report(reports[cast.front_b.pk], actor=cast.commune_b)
    return cast, reports[cast.front_a.pk], period


def bell(page, size, number: str):
    """The header's bell shows ``number`` ("" for none), visible on the screen without opening the menu
    (also at 390 px). Playwright's ``expect`` waits for the page that a click brought."""
    from playwright.sync_api import expect

    link = page.locator("a.dv-bell")
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"]
    count = page.locator("a.dv-bell .dv-bell-count")
    if number:
        expect(count).to_have_text(number)
        expect(link).to_have_attribute("aria-label", f"Thông báo: {number} chưa đọc")
    else:
        expect(count).to_have_count(0)
        expect(link).to_have_attribute("aria-label", "Thông báo")


def fits(page, size) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= size["width"] + 1


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1366", "390"])
def test_bell_counts_what_others_did_and_reading_lowers_it(browser, world, size):
    cast, report, period = world
    page = browser

    # the commune officer submits: nothing for itself on its bell
    sign_in(page, cast.commune_a, size=size)
    bell(page, size, "")
    go(page, f"/bao-cao/{report.pk}/")
    page.click("form[action$='/chuyen/submit/'] button")
    assert Report._base_manager.get(pk=report.pk).status == "submitted"
    bell(page, size, "")

    # the province leader: two reports wait, the bell says 2 and so does the inbox
    sign_in(page, cast.leader, size=size)
    bell(page, size, "2")
    page.click("a.dv-bell")
    page.wait_for_url(lambda url: url.endswith("/thong-bao/"))
    assert page.inner_text("h1 .dv-unread") == "2 chưa đọc"
    items = page.locator(".dv-notifications .dv-unread-item")
    assert items.count() == 2
    texts = " ".join(items.all_inner_texts())
    for org in (cast.front_a, cast.front_b):
        assert f"{org.name} đã gửi báo cáo {period.label}, chờ đồng chí duyệt." in texts
    assert fits(page, size)

    # opening Bảo Ái's leads to its report, marks it read: the bell says 1
    page.click(f".dv-notifications button:has-text('{cast.front_a.name}')")
    page.wait_for_url(lambda url: url.endswith(f"/bao-cao/{report.pk}/"))
    bell(page, size, "1")
    page.fill("textarea[name=reason]", REASON)
    page.click("button[formaction$='/chuyen/return/']")
    assert Report._base_manager.get(pk=report.pk).status == "returned"
    bell(page, size, "1")  # returning tells the commune, not the leader

    # the inbox shows the one left unread first among equals; "mark all read" empties the bell
    go(page, "/thong-bao/")
    assert page.locator(".dv-notifications .dv-unread-item").count() == 1
    assert cast.front_b.name in page.inner_text(".dv-notifications .dv-unread-item")
    page.click("button[name=all]")
    bell(page, size, "")
    assert page.locator(".dv-notifications .dv-unread-item").count() == 0
    assert page.locator(".dv-notifications li").count() == 2  # still listed, as read

    # the commune officer: the return is on its bell, with the reason in the inbox
    sign_in(page, cast.commune_a, size=size)
    bell(page, size, "1")
    page.click("a.dv-bell")
    page.wait_for_url(lambda url: url.endswith("/thong-bao/"))
    item = page.inner_text(".dv-notifications .dv-unread-item")
    assert f"Báo cáo {period.label} của đơn vị bị trả lại: {REASON}" in item
    page.click(".dv-notifications .dv-unread-item button")
    page.wait_for_url(lambda url: url.endswith(f"/bao-cao/{report.pk}/"))
    assert REASON in page.inner_text("main")
    bell(page, size, "")
    assert fits(page, size)
    assert Notification.objects.filter(user=cast.commune_a, read_at__isnull=True).count() == 0
