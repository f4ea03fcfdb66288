"""The narrative's rich-text editor in a real browser (TinyMCE from npm, served from /static/): an
officer types bold text and a list into a report's narrative, saves, and sees them on the report page;
nothing is fetched from outside the server and the strict Content-Security-Policy holds."""

import pytest

from danvan.reports.models import Report, ReportNarrative
from tests.browser.conftest import DESKTOP, PHONE, go, sign_in, type_narrative

EDITOR = ".tox-tinymce"


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
def test_bold_and_a_list_typed_saved_and_shown(browser, draft_report, size):
    cast, report = draft_report
    page = browser
    seen = watch(page)
    sign_in(page, cast.commune_a, size=size)
    go(page, f"/bao-cao/{report.pk}/sua/")
    page.wait_for_selector(EDITOR)
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"] + 1  # no sideways scrolling
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


def test_the_draft_of_a_narrative_is_kept_and_restored_into_the_editor(browser, draft_report):
    cast, report = draft_report
    page = browser
    sign_in(page, cast.commune_a)
    go(page, f"/bao-cao/{report.pk}/sua/")
    type_narrative(page, "Tổ hòa giải thôn Khe Lếch")
    page.keyboard.press("Control+B")
    page.keyboard.type(" 42 hộ")
    page.wait_for_timeout(400)  # drafts.js saves 300 ms after the last change
    # leaving with unsaved changes asks first (dismissed: we stay on the form)
    page.click("form a.btn-link")
    assert "beforeunload" in page.dialogs
    assert page.url.endswith("/sua/")
    # the tab is closed anyway: opened again in another tab, the form offers the draft
    address = page.url
    other = page.context.new_page()
    other.base = page.base
    page.close(run_before_unload=False)
    page = other
    page.goto(address)
    page.wait_for_selector("[data-draft-restore]")
    page.wait_for_selector(EDITOR)
    assert editor_body(page).inner_text().strip() == ""
    page.click("[data-draft-restore]")
    assert "Tổ hòa giải thôn Khe Lếch" in editor_body(page).inner_text()
    assert editor_body(page).locator("strong").inner_text().strip() == "42 hộ"
    page.click("form button.btn-primary")
    page.wait_for_url(lambda url: "/sua/" not in url)
    html = ReportNarrative._base_manager.get(report=report).html
    assert html == "<p>Tổ hòa giải thôn Khe Lếch<strong> 42 hộ</strong></p>"
    go(page, f"/bao-cao/{report.pk}/sua/")
    page.wait_for_selector(EDITOR)
    assert page.locator("[data-draft-restore]").count() == 0  # saved: the draft is gone
    assert editor_body(page).locator("strong").inner_text().strip() == "42 hộ"


def test_a_paste_from_word_keeps_lists_and_the_table(browser, draft_report):
    from tests.core.test_rich_text import WORD

    cast, report = draft_report
    page = browser
    sign_in(page, cast.commune_a)
    go(page, f"/bao-cao/{report.pk}/sua/")
    page.wait_for_selector(EDITOR)
    editor_body(page).click()
    # what Ctrl+V hands the editor when the clipboard holds a selection copied from Word
    editor_body(page).evaluate("""(body, html) => {
        const data = new DataTransfer();
        data.setData("text/html", html);
        data.setData("text/plain", body.ownerDocument.createRange().createContextualFragment(html).textContent);
        body.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
    }""", WORD)
    assert editor_body(page).locator("ul > li").first.inner_text().startswith("Vận động 42 hộ hiến đất")
    assert editor_body(page).locator("ul ul > li").inner_text() == "Làm 1,2 km đường"
    assert editor_body(page).locator("ol > li").all_inner_texts() == ["Khảo sát", "Họp dân"]
    assert editor_body(page).locator("td[colspan='2']").inner_text().strip() == "Khe Lếch: 42"
    assert "·" not in editor_body(page).inner_text()
    page.click("form button.btn-primary")
    page.wait_for_url(lambda url: "/sua/" not in url)
    html = ReportNarrative._base_manager.get(report=report).html.replace("\n", "")
    assert "<ol><li>Khảo sát</li><li>Họp dân</li></ol>" in html
    assert "<ul><li>Vận động 42 hộ hiến đất<ul><li>Làm 1,2 km đường</li></ul></li>" in html
    assert "mso" not in html and "style=" not in html and "class=" not in html
    narrative = page.locator(".dv-narrative").first
    assert narrative.locator("table td").all_inner_texts()[-1].strip() == "Khe Lếch: 42"
