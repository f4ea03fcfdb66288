"""A follow-up task in a real browser: the Ban assigns a meeting's task to two communes' MTTQ; one of
them, on a phone, finds it on its dashboard, reads what comes next, reports progress with evidence, and
downloads the evidence again through the scoped link (never /media/)."""

import pytest

from danvan.meetings.models import TaskUpdate
from tests.browser.conftest import PHONE, sign_in
from tests.conftest import build_cast, build_geo
from tests.meetings.helpers import conclusion, meeting, task

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world(transactional_db):
    cast = build_cast(build_geo())
    m = meeting(cast.commission, actor=cast.province)
    t = task(conclusion(m, actor=cast.province), [cast.front_a, cast.front_b], actor=cast.province)
    return cast, t


def test_assignee_reports_progress_with_evidence_on_a_phone(browser, world):
    cast, t = world
    page = browser
    sign_in(page, cast.commune_a, size=PHONE)
    page.click(f'a[href="/hoi-nghi/nhiem-vu/{t.pk}/"]')
    step = page.inner_text(".dv-next-step")
    assert "báo cáo tiến độ trước ngày 30/06/2026" in step and "Ủy ban MTTQ Việt Nam xã Bảo Ái" in step
    page.fill("input[name=on]", "15/03/2026")
    page.select_option("select[name=status]", "in_progress")
    page.fill("input[name=progress]", "60")
    page.fill("textarea[name=note]", "Đã rà soát 12/15 mô hình của xã")
    page.set_input_files("input[name=evidence]", files=[{"name": "bien-ban-ra-soat.pdf", "mimeType": "application/pdf",
                                                          "buffer": PDF}])
    page.click("form:has(input[name=progress]) button")
    update = TaskUpdate._base_manager.get(task=t)
    assert (update.progress, update.organization_id) == (60, cast.front_a.pk)
    link = page.locator(f'a[href="/hoi-nghi/nhiem-vu/minh-chung/{update.pk}/"]')
    assert link.count() == 1 and "/media/" not in page.content()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "bien-ban-ra-soat.pdf"
    with open(download.path(), "rb") as fh:
        assert fh.read() == PDF
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
