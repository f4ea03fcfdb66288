"""A commune that is a bridge point of a meeting sees it, downloads its invitation and reports its own
attendance (versioned); it changes nothing else (issue 10 §5)."""


import pytest

from danvan.core.domain.refusals import NotAllowed
from danvan.meetings.domain.bridge import set_attendance
from tests.conftest import login
from tests.meetings.helpers import online_meeting, point_of


@pytest.fixture
def online(cast):
    return online_meeting(cast)


_point = point_of


def test_a_bridge_commune_sees_the_meeting_and_its_invitation(cast, online):
    client = login(cast.commune_a)
    page = client.get(f"/hoi-nghi/{online.pk}/").content.decode()
    assert "Hội nghị trực tuyến toàn tỉnh" in page
    assert "Đơn vị của đồng chí là điểm cầu của hội nghị này" in page and "dự kiến 20 đại biểu" in page
    assert "Hội nghị trực tuyến toàn tỉnh" in client.get("/hoi-nghi/").content.decode()
    invitation = client.get(f"/hoi-nghi/{online.pk}/van-ban/invitation.docx")
    assert invitation.status_code == 200 and invitation["Content-Type"].startswith(
        "application/vnd.openxmlformats")
    # a unit that is no bridge point (Huế) does not see it
    assert login(cast.hue).get(f"/hoi-nghi/{online.pk}/").status_code == 404


def test_a_bridge_commune_reports_its_own_attendance_only(cast, online):
    a, b = _point(online, cast.geo.commune_a), _point(online, cast.geo.commune_b)
    client = login(cast.commune_a)
    response = client.post(f"/hoi-nghi/{online.pk}/diem-cau/{a.pk}/", {"present": "18", "host_name": "Lò Văn A",
                                                                       "expected": "99", "version": a.version},
                            follow=True)
    assert "Đã ghi số đại biểu dự tại" in response.content.decode()
    a.refresh_from_db()
    assert (a.present, a.host_name, a.expected, a.version) == (18, "Lò Văn A", 20, 2)  # expected is the organizer's
    # a stale page is refused with the current value, nothing changed
    stale = client.post(f"/hoi-nghi/{online.pk}/diem-cau/{a.pk}/", {"present": "5", "version": 1},
                        follow=True).content.decode()
    assert "số đại biểu dự vừa được người khác sửa (hiện là 18)" in stale
    a.refresh_from_db()
    assert a.present == 18
    # not the other commune's point: 404 from the page, NotAllowed in the domain
    assert client.post(f"/hoi-nghi/{online.pk}/diem-cau/{b.pk}/", {"present": "7"}).status_code == 404
    with pytest.raises(NotAllowed):
        set_attendance(actor=cast.commune_a, point=b, present=7)
    b.refresh_from_db()
    assert b.present is None
    # the commune does not change the meeting
    assert client.get(f"/hoi-nghi/{online.pk}/sua/").status_code == 404
