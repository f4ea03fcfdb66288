"""A refused "Công nhận" keeps every value the leader chose; the page says what comes next (issue 10 §1)."""

from danvan.practices.models import Practice, Status
from tests.conftest import login
from tests.practices.conftest import make_practice


def test_refused_recognition_keeps_the_level_and_the_other_values(cast):
    p = make_practice(cast.front_a, status=Status.EVALUATED)
    response = login(cast.leader).post(f"/mo-hinh/{p.pk}/thao-tac/recognize/", {
        "level": "province", "decision_number": "99-QĐ/BTGDVTU", "decision_date": "32/13/2025",
        "reason": "Hiệu quả rõ rệt"})
    body = response.content.decode()
    assert response.status_code == 422
    assert '<option value="province" selected>' in body  # before: fell back to "Cấp cơ sở"
    assert 'value="99-QĐ/BTGDVTU"' in body and "Hiệu quả rõ rệt" in body
    assert 'value="32/13/2025"' in body and "is-invalid" in body
    assert Practice._base_manager.get(pk=p.pk).status == Status.EVALUATED
    # positive control: the same leader, a valid date, recognized at the level chosen
    login(cast.leader).post(f"/mo-hinh/{p.pk}/thao-tac/recognize/", {
        "level": "province", "decision_number": "99-QĐ/BTGDVTU", "decision_date": "15/10/2025"})
    saved = Practice._base_manager.get(pk=p.pk)
    assert (saved.status, saved.level) == (Status.RECOGNIZED, "province")


def test_recognition_needs_a_level_chosen(cast):
    p = make_practice(cast.front_a, status=Status.EVALUATED)
    response = login(cast.leader).post(f"/mo-hinh/{p.pk}/thao-tac/recognize/", {
        "level": "", "decision_number": "5-QĐ", "decision_date": "15/10/2025"})
    assert response.status_code == 422 and "Cấp công nhận" in response.content.decode()
    assert Practice._base_manager.get(pk=p.pk).status == Status.EVALUATED


def test_practice_page_says_what_comes_next_and_who(cast):
    p = make_practice(cast.front_a)
    body = login(cast.commune_a).get(f"/mo-hinh/{p.pk}/").content.decode()
    assert "Bước tiếp theo:" in body and "đăng ký mô hình — do cán bộ của Ủy ban MTTQ Việt Nam xã Bảo Ái thực hiện" in body
    evaluated = make_practice(cast.front_a, status=Status.EVALUATED)
    body = login(cast.commune_a).get(f"/mo-hinh/{evaluated.pk}/").content.decode()
    assert "công nhận mô hình ở một cấp, hoặc không công nhận — do lãnh đạo Ban Dân vận" in body
