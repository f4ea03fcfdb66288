import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.practices.models import Practice, PracticeAttachment, Status
from tests.conftest import login
from tests.practices.conftest import make_practice

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_list_shows_only_models_in_scope_with_diacritic_free_search(cast):
    make_practice(cast.front_a, name="Dân vận khéo trong xây dựng nông thôn mới ở thôn Nậm Lúc")
    make_practice(cast.front_b, name="Nông thôn mới phường Yên Bái")
    html = login(cast.commune_a).get("/mo-hinh/", {"q": "nong thon moi"}).content.decode()
    assert "thôn Nậm Lúc" in html and "phường Yên Bái" not in html
    html = login(cast.province).get("/mo-hinh/", {"q": "nong thon"}).content.decode()
    assert "thôn Nậm Lúc" in html and "phường Yên Bái" in html


def test_list_bad_filter_shows_vietnamese_message(cast):
    make_practice(cast.front_a, name="Mô hình A")
    html = login(cast.commune_a).get("/mo-hinh/", {"year": "hai nghìn", "area": cast.geo.commune_h.pk}).content.decode()
    assert "Năm phải là số" in html
    assert "Lựa chọn này không thuộc phạm vi của bạn" in html


def test_list_sorts_in_vietnamese_order(cast):
    for name in ["Đường hoa", "Dân vận", "Ăn sạch", "An toàn"]:
        make_practice(cast.front_a, name=name)
    html = login(cast.commune_a).get("/mo-hinh/", {"sort": "name"}).content.decode().split("<tbody>")[1]
    positions = [html.index(n) for n in ["An toàn", "Ăn sạch", "Dân vận", "Đường hoa"]]
    assert positions == sorted(positions)


def list_queries(client, url="/mo-hinh/") -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, HTTP_HX_REQUEST="true")
    return len(ctx.captured_queries), response.content.decode()


def test_list_query_count_is_the_same_for_1_and_3_items(cast):
    client = login(cast.province)
    make_practice(cast.front_a, name="Mô hình một")
    client.get("/mo-hinh/")
    one, html = list_queries(client)
    assert html.count('href="/mo-hinh/') == 1
    make_practice(cast.front_b, name="Mô hình hai")
    make_practice(cast.old_commission, area=cast.geo.old_commune_a, name="Mô hình ba")
    three, html = list_queries(client)
    assert html.count('href="/mo-hinh/') == 3
    assert one == three


def test_detail_of_another_commune_is_404(cast):
    p = make_practice(cast.front_b)
    client = login(cast.commune_a)
    assert client.get(f"/mo-hinh/{p.pk}/").status_code == 404
    assert client.get(f"/mo-hinh/{p.pk}/sua/").status_code == 404
    assert client.post(f"/mo-hinh/{p.pk}/sua/", {"name": "x"}).status_code == 404
    for action in ["register", "start", "recognize", "reject", "outstanding"]:
        assert client.post(f"/mo-hinh/{p.pk}/thao-tac/{action}/").status_code == 404
    assert client.post(f"/mo-hinh/{p.pk}/danh-gia/").status_code == 404
    assert client.post(f"/mo-hinh/{p.pk}/tep/", {"file": SimpleUploadedFile("a.png", PNG)}).status_code == 404
    p.refresh_from_db()
    assert p.status == Status.DRAFT and p.name.startswith("Mô hình") and p.attachments.count() == 0
    # positive control: commune B's officer opens it, attaches a photo and registers it
    owner = login(cast.commune_b)
    assert p.name in owner.get(f"/mo-hinh/{p.pk}/").content.decode()
    assert p.name in owner.get(f"/mo-hinh/{p.pk}/sua/").content.decode()
    assert owner.post(f"/mo-hinh/{p.pk}/tep/", {"file": SimpleUploadedFile("a.png", PNG)}).status_code == 302
    assert owner.post(f"/mo-hinh/{p.pk}/thao-tac/register/").status_code == 302
    p.refresh_from_db()
    assert p.status == Status.REGISTERED and p.attachments.count() == 1


def test_detail_shows_registration_and_replicas_in_scope(cast):
    original = make_practice(cast.front_a, name="Gốc", status=Status.RECOGNIZED, level="province")
    make_practice(cast.front_a, name="Nhân rộng ở thôn 2", replicates=original)
    make_practice(cast.front_b, name="Nhân rộng ở phường B", replicates=original)
    html = login(cast.commune_a).get(f"/mo-hinh/{original.pk}/").content.decode()
    assert "Nhân rộng ở thôn 2" in html and "Nhân rộng ở phường B" not in html
    assert "Đường thôn lầy lội" in html


def form_data(cast, **extra):
    data = {"name": "Mô hình “Dân vận khéo” trong xây dựng nông thôn mới", "kind": "model", "holder": "collective",
            "field": "economy", "organization": cast.front_a.pk, "area": cast.geo.commune_a.pk, "year": 2025,
            "situation": "a", "goals": "b", "content": "c"}
    data.update(extra)
    return data


def test_create_saves_a_draft(cast):
    response = login(cast.commune_a).post("/mo-hinh/them/", form_data(cast))
    practice = Practice.objects.unscoped("test reads back").get()
    assert response.status_code == 302 and practice.status == Status.DRAFT
    assert practice.name_folded.startswith("mo hinh dan van kheo") and practice.created_by == cast.commune_a


def test_create_bad_input_changes_nothing(cast):
    html = login(cast.commune_a).post("/mo-hinh/them/", form_data(
        cast, organization=cast.front_b.pk, holder="individual", person_name="")).content.decode()
    assert "Lựa chọn này không thuộc phạm vi của bạn" in html
    html = login(cast.commune_a).post("/mo-hinh/them/", form_data(cast, holder="individual")).content.decode()
    assert "Hãy nhập họ tên người thực hiện" in html
    assert Practice.objects.unscoped("test reads back").count() == 0


def test_edit_detects_concurrent_change(cast):
    p = make_practice(cast.front_a)
    client = login(cast.commune_a)
    response = client.post(f"/mo-hinh/{p.pk}/sua/", form_data(cast, name="Tên mới", version=p.version))
    assert response.status_code == 302
    html = client.post(f"/mo-hinh/{p.pk}/sua/", form_data(cast, name="Tên cũ hơn", version=1)).content.decode()
    assert "vừa được người khác sửa" in html
    p.refresh_from_db()
    assert p.name == "Tên mới" and p.version == 2


def test_actions_through_the_pages(cast, campaign):
    p = make_practice(cast.front_a, campaign=campaign)
    commune, leader = login(cast.commune_a), login(cast.leader)
    commune.post(f"/mo-hinh/{p.pk}/thao-tac/register/")
    commune.post(f"/mo-hinh/{p.pk}/thao-tac/start/")
    scores = {f"score_{c.id}": 7 for c in campaign.criteria.all()}
    login(cast.province).post(f"/mo-hinh/{p.pk}/danh-gia/", {**scores, "comment": "Tốt"})
    response = leader.post(f"/mo-hinh/{p.pk}/thao-tac/recognize/", {
        "level": "province", "decision_number": "99-QĐ/BTGDVTU", "decision_date": "15/10/2025"}, follow=True)
    assert "Đã công nhận mô hình" in response.content.decode()
    leader.post(f"/mo-hinh/{p.pk}/thao-tac/outstanding/")
    p.refresh_from_db()
    assert (p.status, p.level, p.decision_date, p.is_outstanding) == (
        Status.RECOGNIZED, "province", datetime.date(2025, 10, 15), True)
    assert list(p.events.values_list("action", flat=True)) == ["register", "start", "evaluate", "recognize",
                                                                "outstanding"]


def test_refused_action_explains_itself(cast):
    p = make_practice(cast.front_a, status=Status.EVALUATED)
    response = login(cast.province).post(f"/mo-hinh/{p.pk}/thao-tac/recognize/", {
        "level": "province", "decision_number": "1", "decision_date": "01/10/2025"}, follow=True)
    assert "Chỉ lãnh đạo Ban Dân vận" in response.content.decode()
    p.refresh_from_db()
    assert p.status == Status.EVALUATED


def test_attachment_checks_type_and_is_served_in_scope_only(cast):
    p = make_practice(cast.front_a)
    client = login(cast.commune_a)
    response = client.post(f"/mo-hinh/{p.pk}/tep/", {"file": SimpleUploadedFile("virus.exe", b"MZ...")}, follow=True)
    assert "Loại tệp không được chấp nhận; chỉ nhận: JPG, PNG, PDF, DOCX, XLSX." in response.content.decode()
    response = client.post(f"/mo-hinh/{p.pk}/tep/", {"file": SimpleUploadedFile("fake.png", b"GIF89a....")},
                           follow=True)
    assert "Nội dung tệp không phải là tệp PNG." in response.content.decode()
    assert PracticeAttachment.objects.unscoped("test reads back").count() == 0
    client.post(f"/mo-hinh/{p.pk}/tep/", {"file": SimpleUploadedFile("anh-hop-dan.png", PNG), "caption": "Họp dân"})
    attachment = PracticeAttachment.objects.unscoped("test reads back").get()
    assert attachment.file.name.startswith(f"practices/{p.pk}/") and "anh-hop-dan" not in attachment.file.name
    response = client.get(f"/mo-hinh/tep/{attachment.pk}/")
    assert b"".join(response.streaming_content) == PNG and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="anh-hop-dan.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert login(cast.commune_b).get(f"/mo-hinh/tep/{attachment.pk}/").status_code == 404
    assert login(cast.commune_b).post(f"/mo-hinh/tep/{attachment.pk}/xoa/").status_code == 404
    assert PracticeAttachment.objects.unscoped("test reads back").count() == 1
    client.post(f"/mo-hinh/tep/{attachment.pk}/xoa/")
    assert PracticeAttachment.objects.unscoped("test reads back").count() == 0


def test_stats_page_counts_only_what_the_user_sees(cast):
    make_practice(cast.front_a, status=Status.REGISTERED)
    make_practice(cast.front_b, status=Status.REGISTERED)
    make_practice(cast.front_b, status=Status.REGISTERED)
    html = login(cast.commune_a).get("/mo-hinh/thong-ke/").content.decode()
    assert 'id="practice-chart-data"' in html and "chart.umd.js" in html
    import json
    import re

    data = json.loads(re.search(r'id="practice-chart-data" type="application/json">(.*?)</script>', html).group(1))
    assert data["funnel"]["values"][0] == 1
    data = json.loads(re.search(r'id="practice-chart-data" type="application/json">(.*?)</script>',
                                login(cast.province).get("/mo-hinh/thong-ke/").content.decode()).group(1))
    assert data["funnel"]["values"][0] == 3


def test_stats_page_refuses_an_area_out_of_scope(cast):
    make_practice(cast.front_b, status=Status.REGISTERED)
    html = login(cast.commune_a).get("/mo-hinh/thong-ke/", {"area": cast.geo.commune_b.pk}).content.decode()
    assert "Lựa chọn này không thuộc phạm vi của bạn" in html


def test_dashboard_panel_counts_in_scope(cast):
    make_practice(cast.front_a, status=Status.RECOGNIZED, level="commune", is_outstanding=True)
    make_practice(cast.front_b, status=Status.RECOGNIZED, level="commune")
    html = login(cast.commune_a).get("/").content.decode()
    assert "Mô hình “Dân vận khéo” trong phạm vi" in html
    block = html.split("Mô hình “Dân vận khéo” trong phạm vi")[1]
    assert block.count('<div class="dv-stat">1</div>') == 4


def test_stats_page_shows_the_area_it_counts_as_chosen(cast):
    """The page opens on the user's unit and counts it; its area list said "Toàn bộ phạm vi" meanwhile."""
    import re

    def chosen(html):
        select = re.search(r'<select name="area".*?</select>', html, re.S).group(0)
        return re.search(r'<option value="([^"]*)" selected>([^<]*)</option>', select).groups()

    opened = login(cast.commune_a).get("/mo-hinh/thong-ke/").content.decode()
    assert chosen(opened) == (str(cast.geo.commune_a.pk), "Xã Bảo Ái")
    whole = login(cast.commune_a).get("/mo-hinh/thong-ke/", {"area": ""}).content.decode()
    assert chosen(whole) == ("", "Toàn bộ phạm vi")
