"""Follow-up tasks in a real browser.

1. The Ban assigns a meeting's task to two communes' MTTQ; one of them, on a phone, finds it on its
   dashboard, reads what comes next, reports progress with evidence, and downloads the evidence again
   through the scoped link (never /media/).
2. At 1366×768 and 390 px: from a meeting's conclusion the Ban's officer assigns one task to every commune
   MTTQ committee of the province in one action ("Hoặc mọi tổ chức thuộc loại … Ở cấp … Trên địa bàn");
   one committee's officer is told by the bell, opens the task from the inbox and reports 60% with a note;
   the Ban sees each committee's progress side by side (60%, 0%, 0%) and the task's mean (20%)."""

import pytest

from danvan.meetings.models import FollowUpTask, TaskAssignment, TaskUpdate
from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    add_third_commune,
    fits,
    go,
    overflowing,
    sign_in,
)
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


TASK = "Rà soát, báo cáo kết quả vận động Nhân dân hiến đất làm đường"
NOTE = "Đã rà soát 12/15 thôn, vận động 42 hộ hiến đất"


@pytest.fixture
def concluded(transactional_db):
    """A meeting of the Ban with one conclusion and no task yet; new Lào Cai has three communes, each with
    its MTTQ committee (Bắc Hà's has no user)."""
    cast = add_third_commune(build_cast(build_geo()))
    m = meeting(cast.commission, actor=cast.province)
    return cast, m, conclusion(m, actor=cast.province)


def progress_by_organization(page) -> dict:
    """The task page's per-assignee table read as the user sees it: {organization: "60%"}."""
    rows = page.locator("table.dv-assignments tbody tr").all()
    return {r.locator("td").nth(0).inner_text().strip(): r.locator("td").nth(2).inner_text().strip() for r in rows}


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1366", "390"])
def test_task_to_every_commune_mttq_and_progress_side_by_side(browser, concluded, size):
    cast, m, c = concluded
    page = browser
    fronts = [cast.front_a, cast.front_b, cast.front_c]

    # the Ban's officer turns the conclusion into a task for every commune MTTQ of the province
    sign_in(page, cast.province, size=size)
    go(page, f"/hoi-nghi/{m.pk}/")
    page.click("a:has-text('Cập nhật thành phần, điểm cầu, kết luận')")
    form = f"form[action$='/ket-luan/{c.pk}/nhiem-vu/']"
    page.click(f"#conclusions details:has({form}) summary")
    assert fits(page, size), overflowing(page, size)
    page.fill(f"{form} input[name=title]", TASK)
    page.select_option(f"{form} select[name=every_kind]", "fatherland_front")
    page.select_option(f"{form} select[name=every_level]", "commune")
    page.select_option(f"{form} select[name=every_area]", label="Tỉnh Lào Cai")
    page.fill(f"{form} input[name=due_date]", "30/09/2026")
    page.click(f"{form} button")
    assert "Đã giao nhiệm vụ." in page.inner_text("main")
    t = FollowUpTask._base_manager.get(conclusion=c)
    assert sorted(TaskAssignment._base_manager.filter(task=t).values_list("organization_id", flat=True)) == sorted(
        o.pk for o in fronts)  # the three communes' committees, not the province's
    page.click(f"#conclusions a[href$='?meeting={m.pk}']")
    assert fits(page, size), overflowing(page, size)
    page.click(f"#results a[href='/hoi-nghi/nhiem-vu/{t.pk}/']")
    assert "Đơn vị được giao (3)" in page.inner_text("main")
    assert progress_by_organization(page) == {o.name: "0%" for o in fronts}

    # Bảo Ái's MTTQ officer: the bell says 1, the inbox leads to the task
    sign_in(page, cast.commune_a, size=size)
    assert page.inner_text("a.dv-bell .dv-bell-count") == "1"
    page.click("a.dv-bell")
    told = page.inner_text(".dv-notifications .dv-unread-item")
    assert f"{cast.commission.name} giao nhiệm vụ cho đơn vị, hạn 30/09/2026: {TASK}" in told
    page.click(f".dv-notifications button:has-text('{TASK}')")
    page.wait_for_url(lambda url: url.endswith(f"/hoi-nghi/nhiem-vu/{t.pk}/"))
    assert page.locator("a.dv-bell .dv-bell-count").count() == 0
    assert page.locator("select[name=organization]").count() == 0  # it reports for its own committee only
    page.fill("input[name=on]", "15/04/2026")
    page.select_option("select[name=status]", "in_progress")
    page.fill("input[name=progress]", "60")
    page.fill("textarea[name=note]", NOTE)
    page.click("form:has(input[name=progress]) button")
    update = TaskUpdate._base_manager.get(task=t)
    assert (update.organization_id, update.progress) == (cast.front_a.pk, 60)
    assert NOTE in page.inner_text("main")
    assert progress_by_organization(page)[cast.front_a.name] == "60%"
    assert fits(page, size), overflowing(page, size)

    # the Ban sees each committee's progress side by side and the task's mean
    sign_in(page, cast.province, size=size)
    go(page, f"/hoi-nghi/nhiem-vu/{t.pk}/")
    assert progress_by_organization(page) == {cast.front_a.name: "60%", cast.front_b.name: "0%",
                                              cast.front_c.name: "0%"}
    overall = page.inner_text("dl dd:has(progress)")
    assert "20%" in overall and "trung bình của các đơn vị được giao" in overall
    updates = page.inner_text("main ul.small")
    assert "15/04/2026" in updates and "60%" in updates and cast.front_a.name in updates and NOTE in updates
    assert fits(page, size), overflowing(page, size)
