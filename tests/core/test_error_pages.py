"""Error pages are Vietnamese pages inside the layout, with the menu and a way back (issue 10 §1)."""

from django.test import Client, RequestFactory

from danvan.core.views import errors
from tests.conftest import login


def test_404_is_a_vietnamese_page_with_the_menu_and_a_way_back(cast):
    client = login(cast.province)
    response = client.get("/khong-co-trang-nay/", HTTP_REFERER="http://testserver/bao-cao/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in body and "Not Found" not in body
    assert 'id="dv-nav"' in body  # the menu of the layout
    assert 'href="/bao-cao/"' in body and "Quay lại trang trước" in body
    assert "Về trang tổng quan" in body
    # positive control: the same client sees the report list
    assert client.get("/bao-cao/").status_code == 200


def test_404_of_a_record_out_of_scope_says_so_and_never_links_another_site(cast):
    response = login(cast.commune_b).get("/khong-co/", HTTP_REFERER="https://evil.example/x")
    body = response.content.decode()
    assert response.status_code == 404
    assert "không thuộc phạm vi của bạn" in body
    assert "evil.example" not in body


def test_404_under_api_stays_json(cast):
    response = login(cast.province).get("/api/v1/khong-co/")
    assert response.status_code == 404 and response.json()["detail"]


def test_403_page_in_the_layout(cast):
    request = RequestFactory().get("/bao-cao/")
    request.user = cast.province
    request.session = {}
    response = errors.permission_denied(request)
    body = response.content.decode()
    assert response.status_code == 403
    assert "Bạn không được thực hiện thao tác này" in body and 'id="dv-nav"' in body


def test_500_page_in_the_layout_and_a_bare_page_when_the_layout_fails(cast, monkeypatch):
    request = RequestFactory().get("/bao-cao/")
    request.user = cast.province
    response = errors.server_error(request)
    body = response.content.decode()
    assert response.status_code == 500
    assert "Đã có lỗi xảy ra" in body and 'id="dv-nav"' in body and "bản nháp" in body

    def broken(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(errors, "render", broken)
    bare = errors.server_error(request)
    assert bare.status_code == 500 and "Đã có lỗi xảy ra" in bare.content.decode()


def test_400_page(cast):
    request = RequestFactory().get("/")
    request.user = cast.province
    response = errors.bad_request(request)
    assert response.status_code == 400 and "Không đọc được yêu cầu" in response.content.decode()


def test_csrf_failure_keeps_nothing_and_sends_back_to_the_form_with_the_draft(cast):
    from danvan.reports.models import Report  # noqa: F401  (the app is installed)

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.province)
    response = client.post("/doi-mat-khau/", {"old_password": "x"},
                           HTTP_REFERER="http://testserver/doi-mat-khau/")
    body = response.content.decode()
    assert response.status_code == 403
    assert "Biểu mẫu chưa được lưu" in body and "CSRF verification failed" not in body
    assert "Khôi phục bản nháp" in body  # the hint names the banner's button
    assert 'href="/doi-mat-khau/"' in body and "Quay lại biểu mẫu" in body
    assert 'id="dv-draft-list"' in body and 'id="dv-nav"' in body


def test_every_page_loads_the_draft_keeper_as_a_static_script(cast):
    body = login(cast.province).get("/").content.decode()
    assert "/static/danvan/drafts.js" in body
    assert 'id="dv-draft-banner"' in body and "Khôi phục bản nháp" in body
