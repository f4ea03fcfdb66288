import datetime

from danvan.meetings.domain.bridge import add_bridge_points, totals
from danvan.meetings.models import BridgePoint
from tests.conftest import login
from tests.meetings.helpers import meeting


def test_every_commune_of_province_in_one_action(cast):
    m = meeting(cast.commission, mode="online")
    response = login(cast.province).post(f"/hoi-nghi/{m.pk}/diem-cau/them-hang-loat/", {
        "level": "commune", "parent": cast.geo.laocai.pk, "expected": "25"})
    assert response.status_code == 302
    assert sorted(m.bridge_points.values_list("name", "expected")) == [("Phường Yên Bái", 25), ("Xã Bảo Ái", 25)]
    # Again: units that already have a point are skipped.
    assert add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.laocai) == 0


def test_legacy_units_on_the_meeting_day(cast):
    m = meeting(cast.commission, day=datetime.date(2021, 10, 8))
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.old_yenbai)
    assert sorted(m.bridge_points.values_list("name", flat=True)) == ["Xã Bảo Ái", "Xã Tân Hương"]
    assert {p.area.valid_to for p in m.bridge_points.select_related("area")} == {datetime.date(2025, 6, 30)}


def test_every_province(cast):
    m = meeting(cast.commission)
    assert add_bridge_points(actor=None, meeting=m, level="province") == 2  # Lào Cai, Huế (current units)


def test_bulk_add_needs_a_parent_for_communes(cast):
    m = meeting(cast.commission)
    response = login(cast.province).post(f"/hoi-nghi/{m.pk}/diem-cau/them-hang-loat/", {"level": "commune"},
                                         follow=True)
    assert "Hãy chọn tỉnh (hoặc huyện) có các đơn vị làm điểm cầu." in response.content.decode()
    assert m.bridge_points.count() == 0


def test_bridge_points_of_other_unit_are_404(cast):
    m = meeting(cast.hue_commission)
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.hue)
    point = m.bridge_points.get()
    client = login(cast.province)
    assert client.post(f"/hoi-nghi/{m.pk}/diem-cau/them-hang-loat/", {"level": "province"}).status_code == 404
    assert client.post(f"/hoi-nghi/{m.pk}/diem-cau/{point.pk}/", {"present": "9"}).status_code == 404
    assert client.get(f"/hoi-nghi/{m.pk}/diem-cau/diem-danh/").status_code == 404
    point.refresh_from_db()
    assert point.present is None and m.bridge_points.count() == 1
    # positive control: Huế's officer makes the same requests
    owner = login(cast.hue)
    assert owner.post(f"/hoi-nghi/{m.pk}/diem-cau/them-hang-loat/", {"level": "province"}).status_code == 302
    assert m.bridge_points.count() > 1
    assert owner.post(f"/hoi-nghi/{m.pk}/diem-cau/{point.pk}/", {"present": "9"}).status_code == 200
    point.refresh_from_db()
    assert point.present == 9
    assert "Phường Thuận Hóa" in owner.get(f"/hoi-nghi/{m.pk}/diem-cau/diem-danh/").content.decode()


def test_inline_attendance_htmx(cast):
    m = meeting(cast.commission)
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.laocai, expected=30)
    point = m.bridge_points.order_by("order").first()
    client = login(cast.province)
    form = client.get(f"/hoi-nghi/{m.pk}/diem-cau/{point.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'name="present"' in form
    row = client.post(f"/hoi-nghi/{m.pk}/diem-cau/{point.pk}/", {"present": "27", "expected": "30",
                                                                   "host_name": "Đ/c Bí thư Đảng ủy xã"},
                      HTTP_HX_REQUEST="true").content.decode()
    point.refresh_from_db()
    assert (point.present, point.host_name) == (27, "Đ/c Bí thư Đảng ủy xã")
    assert "27" in row and "<tr" in row
    assert totals(m) == {"points": 2, "expected": 60, "present": 27, "reported": 1}


def test_inline_attendance_bad_input_changes_nothing(cast):
    m = meeting(cast.commission)
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.laocai)
    point = m.bridge_points.first()
    body = login(cast.province).post(f"/hoi-nghi/{m.pk}/diem-cau/{point.pk}/", {"present": "-3"},
                                     HTTP_HX_REQUEST="true").content.decode()
    point.refresh_from_db()
    assert point.present is None
    assert "Số đại biểu phải từ 0 đến 1.000.000." in body


def test_bulk_attendance_saves_all_or_nothing(cast):
    m = meeting(cast.commission)
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.laocai)
    a, b = m.bridge_points.order_by("order")
    client = login(cast.province)
    bad = client.post(f"/hoi-nghi/{m.pk}/diem-cau/diem-danh/", {f"present_{a.pk}": "12", f"present_{b.pk}": "abc"})
    assert "Phường Yên Bái: hãy nhập số đại biểu là số nguyên từ 0." in bad.content.decode() or \
        "Xã Bảo Ái: hãy nhập số đại biểu là số nguyên từ 0." in bad.content.decode()
    assert list(BridgePoint.objects.unscoped("test reads back").filter(meeting=m).values_list("present", flat=True)) == [None, None]
    client.post(f"/hoi-nghi/{m.pk}/diem-cau/diem-danh/", {f"present_{a.pk}": "12", f"present_{b.pk}": "40"})
    assert totals(m)["present"] == 52


def test_meeting_page_paginates_bridge_points(cast):
    m = meeting(cast.commission)
    BridgePoint.objects.bulk_create([BridgePoint(meeting=m, name=f"Điểm cầu số {i}", expected=10, order=i)
                                     for i in range(1, 121)])
    body = login(cast.province).get(f"/hoi-nghi/{m.pk}/").content.decode()
    assert "Điểm cầu số 50<" in body and "Điểm cầu số 51<" not in body
    assert "1.200" in body  # expected delegates in all


def _version_in(html: str, name: str) -> str:
    import re

    return re.search(rf'name="{name}" value="(\d+)"', html).group(1)


def test_a_stale_inline_attendance_save_is_refused(cast):
    """Issue 9 §4: two officers open the same point; the second save (11 → 22) silently overwrote."""
    m = meeting(cast.commission)
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.laocai)
    point = m.bridge_points.order_by("order").first()
    first, second = login(cast.province), login(cast.leader)
    url = f"/hoi-nghi/{m.pk}/diem-cau/{point.pk}/"
    shown_first = _version_in(first.get(url, HTTP_HX_REQUEST="true").content.decode(), "version")
    shown_second = _version_in(second.get(url, HTTP_HX_REQUEST="true").content.decode(), "version")
    first.post(url, {"present": "11", "version": shown_first}, HTTP_HX_REQUEST="true")
    body = second.post(url, {"present": "22", "version": shown_second}, HTTP_HX_REQUEST="true").content.decode()
    point.refresh_from_db()
    assert (point.present, point.version) == (11, 2)
    assert "vừa được người khác sửa (hiện là 11)" in body
    second.post(url, {"present": "22", "version": _version_in(body, "version")}, HTTP_HX_REQUEST="true")
    point.refresh_from_db()
    assert (point.present, point.version) == (22, 3)  # after reloading, the second officer's save goes in


def test_a_stale_bulk_attendance_save_is_refused_and_changes_nothing(cast):
    m = meeting(cast.commission)
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.laocai)
    a, b = m.bridge_points.order_by("order")
    url = f"/hoi-nghi/{m.pk}/diem-cau/diem-danh/"
    page = login(cast.leader).get(url).content.decode()
    versions = {f"version_{p.pk}": _version_in(page, f"version_{p.pk}") for p in (a, b)}
    login(cast.province).post(url, {f"present_{a.pk}": "11", **versions})
    body = login(cast.leader).post(url, {f"present_{a.pk}": "22", f"present_{b.pk}": "40", **versions})
    assert "vừa được người khác sửa (hiện là 11)" in body.content.decode()
    assert list(BridgePoint.objects.unscoped("test reads back").filter(meeting=m).order_by("order").values_list("present", "version")) == [
        (11, 2), (None, 1)]


def test_every_table_of_the_meeting_pages_scrolls_in_its_box_on_a_phone(cast):
    """On a 390 px phone the bridge points' table (its inputs too), the people, the attendance form and the
    tasks' overview scroll inside a ``table-responsive`` box instead of making the page wider than the screen
    (the browser test tests/browser/test_meetings_flow.py measures it)."""
    from lxml import html

    from danvan.meetings.domain.meetings import add_role
    from tests.meetings.helpers import conclusion, person, task

    m = meeting(cast.commission)
    add_bridge_points(actor=None, meeting=m, level="commune", parent=cast.geo.laocai, expected=25)
    add_role(actor=None, meeting=m, person=person(cast.commission), role="chu_tri")
    task(conclusion(m), [cast.front_a], actor=cast.province)
    client = login(cast.province)
    point = m.bridge_points.order_by("order").first()
    pages = [f"/hoi-nghi/{m.pk}/", f"/hoi-nghi/{m.pk}/diem-cau/diem-danh/", "/hoi-nghi/nhiem-vu/tong-hop/",
             "/hoi-nghi/nhiem-vu/tong-hop/?theo=dia-ban"]
    for url in pages:
        tree = html.fromstring(client.get(url).content.decode())
        tables = tree.xpath("//main//table")
        assert tables, url
        loose = [t for t in tables if not t.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' table-responsive ')]")]
        assert loose == [], url
    assert "Xã Bảo Ái" in client.get(f"/hoi-nghi/{m.pk}/").content.decode()
    form = client.get(f"/hoi-nghi/{m.pk}/diem-cau/{point.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert f'id="point-{point.pk}"' in form  # the inline form replaces a row inside the same box
