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
    assert point.present is None


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
