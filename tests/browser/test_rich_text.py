"""The narrative's rich-text editor in a real browser (TinyMCE from npm, served from /static/): an
officer types bold text and a list into a report's narrative, saves, and sees them on the report page;
nothing is fetched from outside the server and the strict Content-Security-Policy holds."""

import pytest

from danvan.reports.domain.default_form import ensure_default_form
from danvan.reports.domain.periods import get_period
from danvan.reports.domain.reports import create_report
from danvan.reports.models import Report, ReportNarrative
from tests.browser.conftest import DESKTOP, PHONE, go, sign_in
from tests.conftest import build_cast, build_geo

EDITOR = ".tox-tinymce"


@pytest.fixture
def world(transactional_db):
    cast = build_cast(build_geo())
    report = create_report(actor=cast.commune_a, form=ensure_default_form(), period=get_period("month", 2025, 9),
                           organization=cast.front_a)
    return cast, report


def watch(page):
    """Requests that left the live server, and what the Content-Security-Policy refused (read with
    ``refused(page)``)."""
    seen = []
    page.on("request", lambda r: None if r.url.startswith((page.base, "data:", "about:", "blob:"))
            else seen.append(r.url))
    page.add_init_script("window.dvRefused = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.dvRefused.push(e.effectiveDirective))")
    return seen


def refused(page):
    """The policy's refusals on this page. TinyMCE measures the caret with a temporary
    ``<span style="display: inline-block">`` made from an HTML string, which the policy (no inline style)
    refuses as ``style-src-attr`` with no visible effect; any other refusal (a script, a style sheet, a
    font, a request) would be a fault."""
    return [d for d in page.evaluate("window.dvRefused") if d != "style-src-attr"]


def editor_body(page, index=0):
    """The editable body of the ``index``-th narrative's editor (TinyMCE's content frame)."""
    return page.frame_locator(f"{EDITOR} iframe").nth(index).locator("body")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_bold_and_a_list_typed_saved_and_shown(browser, world, size):
    cast, report = world
    page = browser
    seen = watch(page)
    sign_in(page, cast.commune_a, size=size)
    go(page, f"/bao-cao/{report.pk}/sua/")
    page.wait_for_selector(EDITOR)
    body = editor_body(page)
    body.click()
    page.keyboard.press("Control+B")
    page.keyboard.type("Kết quả nổi bật")
    page.keyboard.press("Control+B")
    page.keyboard.press("Enter")
    page.click(f"{EDITOR} button[data-mce-name=bullist]")
    page.keyboard.type("Vận động 42 hộ hiến đất")
    page.keyboard.press("Enter")
    page.keyboard.type("Làm 1,2 km đường")
    # the text area behind the editor follows it (the browser draft reads it)
    assert "<strong>Kết quả nổi bật</strong>" in page.locator("textarea[data-rich-text]").first.input_value()
    assert refused(page) == []
    page.click("form button.btn-primary")
    page.wait_for_url(lambda url: "/sua/" not in url)
    html = ReportNarrative._base_manager.get(report=report).html
    assert "<strong>Kết quả nổi bật</strong>" in html
    assert "<ul><li>Vận động 42 hộ hiến đất</li><li>Làm 1,2 km đường</li></ul>" in html.replace("\n", "")
    narrative = page.locator(".dv-narrative").first
    assert narrative.locator("strong").inner_text() == "Kết quả nổi bật"
    assert narrative.locator("ul li").all_inner_texts() == ["Vận động 42 hộ hiến đất", "Làm 1,2 km đường"]
    assert Report._base_manager.get(pk=report.pk).version > report.version
    assert refused(page) == []
    assert seen == []
