from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import login
from tests.factories import AreaFactory


def test_browser_search_ignores_diacritics(cast):
    page = login(cast.commune_a).get("/dia-ban/", {"q": "bao ai"})
    assert [a.full_name for a in page.context["page_obj"]] == ["Xã Bảo Ái", "Xã Bảo Ái"]


def test_browser_tree_at_a_date_shows_the_old_map(cast):
    page = login(cast.commune_a).get("/dia-ban/", {"at": "01/01/2024"})
    assert [a.full_name for a in page.context["roots"]] == ["Tỉnh Yên Bái"]
    page = login(cast.commune_a).get("/dia-ban/")
    assert [a.full_name for a in page.context["roots"]] == ["Thành phố Huế", "Tỉnh Lào Cai"]


def test_browser_bad_date_is_explained(cast):
    body = login(cast.commune_a).get("/dia-ban/", {"at": "32/13/2024"}).content.decode()
    assert "Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy." in body


def test_children_fragment(cast):
    body = login(cast.commune_a).get(f"/dia-ban/{cast.geo.old_district.pk}/con/", {"at": "01/01/2024"}).content.decode()
    assert "Xã Bảo Ái" in body and "Xã Tân Hương" in body and "<nav" not in body


def test_area_detail_shows_history(cast):
    body = login(cast.province).get(f"/dia-ban/{cast.geo.commune_a.pk}/").content.decode()
    assert "Hình thành từ" in body and "Huyện Yên Bình" in body
    body = login(cast.province).get(f"/dia-ban/{cast.geo.old_yenbai.pk}/").content.decode()
    assert "Đã sáp nhập vào" in body and "Tỉnh Lào Cai" in body


def test_area_detail_lists_only_organizations_in_scope(cast):
    page = login(cast.commune_a).get(f"/dia-ban/{cast.geo.laocai.pk}/")
    assert [o.name for o in page.context["org_page"]] == ["Ủy ban MTTQ Việt Nam xã Bảo Ái"]
    page = login(cast.province).get(f"/dia-ban/{cast.geo.laocai.pk}/")
    assert "Ban Dân vận Tỉnh ủy Yên Bái" in [o.name for o in page.context["org_page"]]


def test_unknown_area_is_404(cast):
    client = login(cast.province)
    assert client.get(f"/dia-ban/{cast.geo.commune_h.pk + 1000}/").status_code == 404
    # positive control: a known area (even outside the user's scope: areas are public) answers
    known = client.get(f"/dia-ban/{cast.geo.commune_h.pk}/")
    assert known.status_code == 200 and "Phường Thuận Hóa" in known.content.decode()


def test_search_query_count_does_not_grow(cast):
    client = login(cast.province)
    AreaFactory(name="Thôn Mới", parent=cast.geo.laocai)
    with CaptureQueriesContext(connection) as before:
        client.get("/dia-ban/", {"q": "thon"})
    for i in range(2):
        AreaFactory(name=f"Thôn {i}", parent=cast.geo.laocai)
    with CaptureQueriesContext(connection) as after:
        page = client.get("/dia-ban/", {"q": "thon"})
    assert len(page.context["page_obj"].object_list) == 3
    assert len(after) == len(before)
