"""A report's main flow in a real browser, as the roles that do it: the commune officer fills and
submits, the province leader returns it, the officer corrects and submits again, the leader approves.
The narrative survives a refused CSRF check (signed in again in another tab) through the browser draft."""


from danvan.reports.models import Report, ReportNarrative
from tests.browser.conftest import DESKTOP, PHONE, go, narrative_shown, sign_in, type_narrative

NARRATIVE = "Tổ hòa giải thôn Khe Lếch đã vận động 42 hộ hiến đất làm đường liên thôn."


def test_fill_submit_return_approve(browser, draft_report):
    cast, report = draft_report
    page = browser
    sign_in(page, cast.commune_a)
    # the dashboard sends the commune officer to its own report
    assert page.locator(f'a[href="/bao-cao/{report.pk}/"]').count() == 1
    go(page, f"/bao-cao/{report.pk}/")
    assert "nhập số liệu và gửi báo cáo — do cán bộ của Ủy ban MTTQ Việt Nam xã Bảo Ái thực hiện" in page.inner_text(".dv-next-step")
    page.click(f'a[href="/bao-cao/{report.pk}/sua/"]')
    for field in page.locator("input[name^=v_]").all():
        field.fill("0")
    page.fill("input[name=v_DV_DON_NHAN]", "1.250")
    page.fill("input[name=v_DV_DON_GQ]", "1.000")
    type_narrative(page, NARRATIVE)
    page.click("form button.btn-primary")
    assert "/sua/" not in page.url
    assert Report._base_manager.get(pk=report.pk).version > report.version
    page.click("form[action$='/chuyen/submit/'] button")
    assert Report._base_manager.get(pk=report.pk).status == "submitted"

    # the province leader, on a phone, returns it with a reason
    sign_in(page, cast.leader, size=PHONE)
    assert page.locator(f'.dv-waiting-reports a[href="/bao-cao/{report.pk}/"]').count() == 1
    go(page, f"/bao-cao/{report.pk}/")
    assert "do lãnh đạo cấp trên" in page.inner_text(".dv-next-step")
    page.fill("textarea[name=reason]", "Bổ sung số liệu đơn thư tháng 9")
    page.click("button[formaction$='/chuyen/return/']")
    assert Report._base_manager.get(pk=report.pk).status == "returned"
    # the reason was saved on the server: its browser draft is gone (no stale "restore" offer)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('dv-draft:')).length") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1

    # the officer sees the reason and what to do, corrects and submits again
    sign_in(page, cast.commune_a)
    go(page, f"/bao-cao/{report.pk}/")
    body = page.inner_text("main")
    assert "Bổ sung số liệu đơn thư tháng 9" in body
    assert "sửa báo cáo theo yêu cầu và gửi lại" in page.inner_text(".dv-next-step")
    page.click("form[action$='/chuyen/submit/'] button")
    assert Report._base_manager.get(pk=report.pk).status == "submitted"

    sign_in(page, cast.leader)
    go(page, f"/bao-cao/{report.pk}/")
    page.click("form[action$='/chuyen/approve/'] button")
    saved = Report._base_manager.get(pk=report.pk)
    assert saved.status == "approved"
    assert "1.250" in page.inner_text("main")


def test_narrative_survives_a_refused_csrf_check(browser, draft_report):
    cast, report = draft_report
    page = browser
    sign_in(page, cast.commune_a, size=DESKTOP)
    go(page, f"/bao-cao/{report.pk}/sua/")
    type_narrative(page, NARRATIVE)
    page.fill("input[name=v_DV_DON_NHAN]", "7")

    # leaving with unsaved changes asks first (the dialog is dismissed: we stay on the form)
    page.click("form a.btn-link")
    assert "beforeunload" in page.dialogs
    assert page.url.endswith("/sua/")

    # signed in again in another tab: the form's token is stale
    other = page.context.new_page()
    other.base = page.base
    sign_in(other, cast.commune_a)
    other.close()
    page.click("form button.btn-primary")
    assert "Biểu mẫu chưa được lưu" in page.inner_text("main")
    assert page.locator("#dv-draft-list a").count() == 1  # the kept draft is listed
    assert Report._base_manager.get(pk=report.pk).version == report.version  # nothing saved

    page.click(".dv-error a.btn-primary:has-text('Quay lại biểu mẫu')")
    page.wait_for_selector("[data-draft-restore]")
    assert narrative_shown(page) == ""
    page.click("[data-draft-restore]")
    assert narrative_shown(page) == NARRATIVE  # the draft is back in the editor
    assert page.input_value("input[name=v_DV_DON_NHAN]") == "7"
    page.click("form button.btn-primary")
    assert "/sua/" not in page.url
    assert NARRATIVE in " ".join(ReportNarrative._base_manager.filter(report=report).values_list("html", flat=True))
    go(page, f"/bao-cao/{report.pk}/sua/")
    assert page.locator("[data-draft-restore]").count() == 0  # saved: the draft is gone
