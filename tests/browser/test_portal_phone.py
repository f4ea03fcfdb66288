"""The public portal in a real browser on a 390 px phone, with JavaScript on and with it off (the portal
needs none): the showcase and its filters, a commune's board, the dialogue calendar, the intake form with
its tracking code and a status page without personal data, and the feeds. Nothing is wider than the screen."""

import datetime
import json
import os
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, FLAGS, PHONE, TIMEOUT_MS

D = datetime.date


@pytest.fixture(scope="module")
def phones():
    """One Chromium with two 390 px contexts: JavaScript on, JavaScript off."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it with `make chromium`.", pytrace=False)
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        contexts = {js: browser.new_context(viewport=PHONE, locale="vi-VN", java_script_enabled=js)
                    for js in (True, False)}
        for c in contexts.values():
            c.set_default_timeout(TIMEOUT_MS)
        try:
            yield contexts
        finally:
            browser.close()
            if previous is None:
                os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            else:
                os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def portal_world(transactional_db):
    """A recognized model published (and one not recognized), Bảo Ái's board for Q1/2025 published, two
    dialogues from a registered notice source (one coming, one held with its promise)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from danvan.democracy import portal_cache
    from danvan.democracy.domain import portal
    from danvan.democracy.domain.defaults import load, load_holidays
    from danvan.democracy.domain.obligations import generate
    from danvan.democracy.domain.records import add_record
    from danvan.democracy.models import Obligation
    from danvan.democracy.queries.disclosures import board
    from danvan.orgs.models import Kind
    from danvan.practices.domain.attachments import add_attachment
    from danvan.practices.models import Status
    from tests.conftest import build_cast, build_geo
    from tests.factories import OrganizationFactory
    from tests.practices.conftest import make_practice

    load()  # a transactional test flushes the tables the data migrations filled
    load_holidays()
    cast = build_cast(build_geo())
    model = make_practice(cast.front_a, name="Đường thôn Nậm Lúc sáng xanh", status=Status.RECOGNIZED,
                          level="province", decision_number="12/QĐ-UBND", decision_date=D(2024, 5, 2), year=2024,
                          outputs="2 km đường bê tông", area=cast.geo.old_commune_a)
    add_attachment(practice=model, actor=cast.commune_a, caption="Đường mới", upload=SimpleUploadedFile(
        "duong.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png"))
    make_practice(cast.front_a, name="Mô hình chưa công nhận", status=Status.IN_PROGRESS, year=2025)
    entry = portal.publish_practice(actor=None, practice=model)
    OrganizationFactory(name="UBND xã Bảo Ái", kind=Kind.STATE, area=cast.geo.commune_a)
    generate(province=cast.geo.laocai, year=2025)
    q1 = Obligation._base_manager.get(area=cast.geo.commune_a, item__number=2, period_key="2025-Q1")
    add_record(actor=None, obligation=q1, channel="office", posted_on=D(2025, 4, 10))
    add_record(actor=None, obligation=q1, channel="portal", posted_on=D(2025, 4, 10), link="https://baoai.gov.vn/ns")
    portal.publish_board(actor=cast.province, area=cast.geo.commune_a, year=2025, quarter=1,
                         rows=board(cast.province, cast.geo.commune_a, year=2025, quarter=1, today=D(2026, 1, 5)))
    today = timezone.localdate()

    def dialogues():
        return [{"key": "dt-coming", "title": "Đối thoại với nhân dân xã Bảo Ái về đường thôn",
                 "date": today + datetime.timedelta(days=9), "area_id": cast.geo.commune_a.pk},
                {"key": "dt-held", "title": "Kết quả đối thoại phường Yên Bái", "date": today - datetime.timedelta(days=20),
                 "area_id": cast.geo.commune_b.pk,
                 "promises": [{"text": "Sửa cầu treo trước mùa mưa", "state": "đang thực hiện"}]}]

    portal.register_notice_source(dialogues)
    portal.sync_notices()
    portal_cache.bump()
    yield type("World", (), {"cast": cast, "entry": entry, "today": today})
    portal._NOTICE_SOURCES.remove(dialogues)
    portal_cache.bump()


def fits_the_phone(page) -> bool:
    """No element pushes the page wider than the 390 px screen (read through the box model, which also
    works with the page's JavaScript off)."""
    return page.locator("body").bounding_box()["width"] <= PHONE["width"] and page.evaluate(
        "document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("js", [True, False], ids=["js-on", "js-off"])
def test_showcase_filters_board_and_calendar_on_a_phone(phones, live_server, portal_world, js):
    page = phones[js].new_page()
    try:
        page.goto(live_server.url + "/cong-khai/mo-hinh/")
        assert page.locator("h1").inner_text() == "Mô hình “Dân vận khéo”" or "Dân vận khéo" in page.locator("h1").inner_text()
        assert "Đường thôn Nậm Lúc sáng xanh" in page.inner_text("main") and "chưa công nhận" not in page.content()
        assert fits_the_phone(page)
        # filters by field, area and year: a plain GET form
        page.fill("#f-year", "2023")
        page.click("form button")
        page.wait_for_url(lambda url: "nam=2023" in url)
        assert "Đường thôn Nậm Lúc" not in page.inner_text("main")
        page.fill("#f-year", "2024")
        page.select_option("#f-prov", label="Tỉnh Lào Cai")
        page.click("form button")
        page.wait_for_url(lambda url: "nam=2024" in url)
        page.click("text=Đường thôn Nậm Lúc sáng xanh")
        body = page.inner_text("main")
        assert "12/QĐ-UBND" in body and "2 km đường bê tông" in body and fits_the_phone(page)
        # the commune's board, from the list of boards
        page.goto(live_server.url + "/cong-khai/bang-cong-khai/")
        page.click("text=Xã Bảo Ái")
        body = page.inner_text("main")
        assert "Dự toán, tình hình thực hiện dự toán" in body and fits_the_phone(page)
        assert page.locator("a[href='https://baoai.gov.vn/ns']").count() >= 1
        # the dialogue calendar: the coming dialogue first (dd/mm/yyyy), then the results with the promises
        page.goto(live_server.url + "/cong-khai/lich-doi-thoai/")
        coming = (portal_world.today + datetime.timedelta(days=9)).strftime("%d/%m/%Y")
        headings = page.locator("main h2").all_inner_texts()
        assert headings == ["Đối thoại sắp tới", "Kết quả và lời hứa"]
        text = page.inner_text("main")
        assert text.index("về đường thôn") < text.index("Kết quả đối thoại phường Yên Bái") and coming in text
        assert "Sửa cầu treo trước mùa mưa" in text and fits_the_phone(page)
    finally:
        page.close()


@pytest.mark.parametrize("js", [True, False], ids=["js-on", "js-off"])
def test_intake_gives_a_code_and_the_status_page_keeps_the_person_out(phones, live_server, portal_world, js):
    from danvan.democracy.models import PortalSubmission

    page = phones[js].new_page()
    try:
        page.goto(live_server.url + "/cong-khai/gui-y-kien/")
        page.select_option("#tinh", label="Tỉnh Lào Cai")
        page.click("form button")
        page.wait_for_url(lambda url: "tinh=" in url)
        assert fits_the_phone(page)
        # sent without consent: refused, naming the box, nothing stored
        page.check("input[name=kind][value=kien_nghi]")
        page.select_option("select[name=area]", label="Xã Bảo Ái")
        page.fill("textarea[name=content]", "Đề nghị sửa cầu treo bản Nậm Lúc bị hỏng")
        page.fill("input[name=name]", "Giàng A Páo")
        page.fill("input[name=contact]", "0912345678")
        page.click("form[method=post] button")
        assert page.locator("[role=alert]").count() >= 1 and PortalSubmission.objects.count() == 0
        page.check("input[name=consent]")
        page.click("form[method=post] button")
        page.wait_for_url(lambda url: "/cong-khai/tra-cuu/" in url)
        sub = PortalSubmission.objects.get()
        assert sub.channel == "cong_thong_tin" and sub.name == "Giàng A Páo"
        status = page.inner_text("main")
        assert sub.code in page.inner_text("[role=status]")
        assert "Giàng A Páo" not in page.content() and "0912345678" not in page.content() and "cầu treo" not in status
        # looking the code up again from a fresh page
        page.goto(live_server.url + "/cong-khai/tra-cuu/")
        page.fill("#ma", sub.code.lower())
        page.click("form button")
        assert sub.code in page.inner_text("dl") and "Giàng A Páo" not in page.content() and fits_the_phone(page)
    finally:
        page.close()


@pytest.mark.parametrize("js", [True, False], ids=["js-on", "js-off"])
def test_feeds_answer_json_and_rss(phones, live_server, portal_world, js):
    page = phones[js].new_page()
    try:
        got = page.goto(live_server.url + "/cong-khai/feed/mo-hinh.json")
        feed = json.loads(got.text())
        assert [i["title"] for i in feed["items"]] == ["Đường thôn Nậm Lúc sáng xanh"]
        assert got.headers["cache-control"] == "public, max-age=300"
        notices = json.loads(page.goto(live_server.url + "/cong-khai/feed/thong-bao.json").text())
        assert {i["title"] for i in notices["items"]} == {"Đối thoại với nhân dân xã Bảo Ái về đường thôn",
                                                         "Kết quả đối thoại phường Yên Bái"}
        rss = page.request.get(live_server.url + "/cong-khai/feed/mo-hinh.rss")
        assert rss.headers["content-type"].startswith("application/rss+xml") and "Nậm Lúc" in rss.text()
    finally:
        page.close()
