"""The browser suite: Playwright driving Debian's Chromium (``/usr/bin/chromium``, installed by
``make chromium``, part of ``make install`` and ``.ci/run``; never ``playwright install``) against a live
server (pytest-django ``live_server``), at 1366×768 and 390 px wide.

Missing Chromium is a failure with the way to install it, never a silent skip. ``DANVAN_CHROMIUM``
points at another binary. Run it alone with ``make browser-test``."""

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("DANVAN_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "mat-khau-thu-nghiem"  # tests.factories.UserFactory
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def chromium_context():
    """One Chromium per module, with a fresh profile folder removed at the end. Playwright's sync API
    keeps an event loop in the main thread, so Django's async-safety check is lifted while it runs
    (and restored after: the rest of the suite keeps it)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: the browser tests need Debian's chromium. "
                    "Install it with `make chromium` (as root: apt-get install chromium), or set DANVAN_CHROMIUM.",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="danvan-chromium-")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                       args=FLAGS, locale="vi-VN", viewport=DESKTOP)
        context.set_default_timeout(TIMEOUT_MS)
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)
            if previous is None:
                os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            else:
                os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser(chromium_context, live_server, transactional_db):
    """A fresh page on the live server (no cookies, no storage from the previous test)."""
    chromium_context.clear_cookies()
    page = chromium_context.new_page()
    page.base = live_server.url
    page.dialogs = []

    def on_dialog(dialog):
        page.dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(live_server.url + "/dang-nhap/")
    page.evaluate("window.localStorage.clear()")
    yield page
    page.close()


def sign_in(page, user, *, size=DESKTOP):
    """Sign in through the login page, as an officer would, at ``size``."""
    page.set_viewport_size(size)
    page.context.clear_cookies()
    page.goto(page.base + "/dang-nhap/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form:has(input[name=password]) button")
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)


def go(page, path):
    page.goto(page.base + path)


def wait_until(check, timeout=5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.05)
    return check()


def fits(page, size) -> bool:
    """Nothing pushes the page wider than the screen (``overflowing`` names what does)."""
    return page.evaluate("document.documentElement.scrollWidth") <= size["width"] + 1


def overflowing(page, size) -> list[str]:
    """The innermost elements whose right edge passes the screen's: tag, classes and text start."""
    return page.evaluate("""(width) => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > width + 1
                     && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
        .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} «${(e.innerText || '').slice(0, 40)}»`)
        .slice(0, 10)""", size["width"])


def open_menu(page, size, label: str):
    """Go to the menu entry ``label`` as a user clicks it: through the menu button on a phone, and through
    the entry's drop-down when it has sub-entries (its first item is the entry itself)."""
    if size["width"] < 1200:  # Bootstrap's xl breakpoint: the menu is collapsed
        page.click(".navbar-toggler")
    entry = page.locator("#dv-nav .nav-link", has_text=label).first
    entry.click()
    if entry.get_attribute("data-bs-toggle") == "dropdown":
        page.locator("#dv-nav .dropdown-menu.show a.dropdown-item").first.click()
    page.wait_for_load_state()


def add_third_commune(cast):
    """A third commune of new Lào Cai, Xã Bắc Hà, with its MTTQ committee (no user): "every commune" and
    "every commune MTTQ" then mean three."""
    from danvan.orgs.models import Kind
    from danvan.places.domain.units import rebuild_reach
    from tests.conftest import make_area
    from tests.factories import OrganizationFactory

    cast.geo.commune_c = make_area("Bắc Hà", "Xã", "commune", "02800", cast.geo.laocai)
    rebuild_reach()
    cast.front_c = OrganizationFactory(name="Ủy ban MTTQ Việt Nam xã Bắc Hà", kind=Kind.FATHERLAND_FRONT,
                                       area=cast.geo.commune_c, parent=cast.front)
    return cast


RICH_TEXT = ".tox-tinymce"  # the narratives' editor (danvan/static/danvan/rich-text.js)


def type_narrative(page, text: str, index: int = 0):
    """Type ``text`` into the ``index``-th narrative as an officer does: in its rich-text editor (the text
    area behind it follows, and drafts.js with it)."""
    page.wait_for_selector(RICH_TEXT)
    body = page.frame_locator(f"{RICH_TEXT} iframe").nth(index).locator("body")
    body.click()
    page.keyboard.type(text)


def narrative_shown(page, index: int = 0) -> str:
    """The text the ``index``-th narrative's editor shows."""
    page.wait_for_selector(RICH_TEXT)
    return page.frame_locator(f"{RICH_TEXT} iframe").nth(index).locator("body").inner_text().strip()


@pytest.fixture
def draft_report(transactional_db):
    """(cast, a September 2025 report of Xã Bảo Ái's front, still a draft): the report flows' world."""
    from danvan.reports.domain.default_form import ensure_default_form
    from danvan.reports.domain.periods import get_period
    from danvan.reports.domain.reports import create_report
    from tests.conftest import build_cast, build_geo

    cast = build_cast(build_geo())
    report = create_report(actor=cast.commune_a, form=ensure_default_form(), period=get_period("month", 2025, 9),
                           organization=cast.front_a)
    return cast, report
