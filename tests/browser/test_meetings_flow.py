"""A meeting of the provincial Ban with every commune as a bridge point, in a real browser at 1366×768
and on a 390 px phone: the Ban's officer creates it through the form and adds every commune of the
province in one action ("Mọi xã, phường của địa bàn đã chọn"); a commune MTTQ officer finds it in the
meetings list, downloads the invitation (DOCX on the desktop, PDF on the phone: read back, it names the
meeting) and reports its own attendance; the Ban sees that commune's figure on the meeting page."""

import io

import pytest

from danvan.meetings.models import BridgePoint, Meeting
from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    add_third_commune,
    fits,
    go,
    open_menu,
    overflowing,
    sign_in,
)
from tests.conftest import build_cast, build_geo

TITLE = "Hội nghị trực tuyến sơ kết công tác dân vận 6 tháng đầu năm 2026"


@pytest.fixture
def world(transactional_db):
    """The cast, with a third commune (Xã Bắc Hà) in new Lào Cai: three communes to become points."""
    cast = build_cast(build_geo())
    add_third_commune(cast)
    return cast


def stat(page, label: str) -> str:
    """The figure of the bridge points' summary card named ``label``."""
    card = page.locator("#points .card-body", has=page.locator(".small.text-muted", has_text=label)).first
    return card.locator(".dv-stat").inner_text().strip()


def read_text(data: bytes, fmt: str) -> str:
    if fmt == "docx":
        import docx

        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1366", "390"])
def test_every_commune_a_bridge_point_invitation_and_attendance(browser, world, size):
    cast = world
    page = browser
    fmt = "docx" if size is DESKTOP else "pdf"

    # the Ban's officer creates the meeting through its form
    sign_in(page, cast.province, size=size)
    open_menu(page, size, "Hội nghị")
    page.click("a.btn:has-text('Thêm hội nghị')")
    assert fits(page, size), overflowing(page, size)
    page.select_option("select[name=kind]", "so_ket")
    page.fill("input[name=title]", TITLE)
    page.select_option("select[name=organization]", label=cast.commission.name)
    page.fill("input[name=starts_at]", "15/07/2026 08:00")
    page.fill("input[name=venue]", "Hội trường Tỉnh ủy Lào Cai và các điểm cầu xã, phường")
    page.select_option("select[name=mode]", "online")
    page.click("form[method=post] button.btn-primary")
    page.wait_for_url(lambda url: "/them/" not in url)
    meeting = Meeting._base_manager.get(title=TITLE)
    assert page.url.endswith(f"/hoi-nghi/{meeting.pk}/")
    assert "Chưa có điểm cầu nào." in page.inner_text("#points")

    # every commune of the province in one action, 25 delegates expected at each
    page.click("a:has-text('Cập nhật thành phần, điểm cầu, kết luận')")
    page.click("#points summary")
    assert fits(page, size), overflowing(page, size)
    bulk = "form[action$='/diem-cau/them-hang-loat/']"
    page.select_option(f"{bulk} select[name=level]", "commune")
    page.select_option(f"{bulk} select[name=parent]", label="Tỉnh Lào Cai")
    page.fill(f"{bulk} input[name=expected]", "25")
    page.click(f"{bulk} button")
    page.wait_for_url(lambda url: "/hoi-nghi/" in url and "sua=1" not in url)
    assert "Đã thêm 3 điểm cầu." in page.inner_text("main")
    rows = page.locator("#points-list tbody tr").all_inner_texts()
    assert sorted(r.split("\t")[1] for r in rows) == ["Phường Yên Bái", "Xã Bảo Ái", "Xã Bắc Hà"]
    # neither the former communes of Yên Bái (ended 30/06/2025) nor Huế's
    assert "Tân Hương" not in page.inner_text("#points") and "Thuận Hóa" not in page.inner_text("#points")
    assert (stat(page, "Điểm cầu"), stat(page, "Đại biểu dự kiến"), stat(page, "Đại biểu có mặt")) == ("3", "75", "0")
    assert fits(page, size), overflowing(page, size)

    # a commune MTTQ officer finds it in the meetings list
    sign_in(page, cast.commune_a, size=size)
    open_menu(page, size, "Hội nghị")
    assert fits(page, size), overflowing(page, size)
    page.click(f"#results a:has-text('{TITLE}')")
    page.wait_for_url(lambda url: url.endswith(f"/hoi-nghi/{meeting.pk}/"))
    assert page.locator("h1").inner_text() == TITLE
    mine = page.locator("#my-points")
    assert "Đơn vị của đồng chí là điểm cầu của hội nghị này" in mine.inner_text()
    assert "Xã Bảo Ái" in mine.inner_text() and "25" in mine.inner_text()
    assert "Phường Yên Bái" not in mine.inner_text()  # only its own point to report
    assert page.locator("a:has-text('Cập nhật thành phần')").count() == 0  # it does not change the meeting

    # downloads the invitation: a real document naming the meeting
    with page.expect_download() as info:
        page.click(f"#papers a[href$='/van-ban/invitation.{fmt}']")
    download = info.value
    assert download.suggested_filename == f"giay-moi-{meeting.pk}.{fmt}"
    with open(download.path(), "rb") as fh:
        data = fh.read()
    assert data[:4] == (b"PK\x03\x04" if fmt == "docx" else b"%PDF")
    text = " ".join(read_text(data, fmt).split())
    assert "GIẤY MỜI" in text.upper() and TITLE.lower() in text.lower()

    # reports its own attendance
    point = BridgePoint._base_manager.get(meeting=meeting, area=cast.geo.commune_a)
    page.fill(f"#present-{point.pk}", "23")
    page.fill(f"#host-{point.pk}", "Đ/c Hoàng Văn A, Chủ tịch Ủy ban MTTQ xã")
    page.click("#my-points button")
    page.wait_for_url(lambda url: url.endswith(f"/hoi-nghi/{meeting.pk}/#my-points"))
    assert "Đã ghi số đại biểu dự tại Xã Bảo Ái." in page.inner_text("main")
    assert page.input_value(f"#present-{point.pk}") == "23"
    assert fits(page, size), overflowing(page, size)

    # the Ban sees that commune's figure on the meeting page
    sign_in(page, cast.province, size=size)
    go(page, f"/hoi-nghi/{meeting.pk}/")
    row = page.inner_text(f"#point-{point.pk}")
    assert "Xã Bảo Ái" in row and "23" in row and "Hoàng Văn A" in row
    assert (stat(page, "Đại biểu dự kiến"), stat(page, "Đại biểu có mặt")) == ("75", "23")
    assert "1 điểm cầu đã báo cáo" in page.inner_text("#points")
    others = BridgePoint._base_manager.filter(meeting=meeting).exclude(pk=point.pk)
    assert {p.present for p in others} == {None}
    assert fits(page, size), overflowing(page, size)
