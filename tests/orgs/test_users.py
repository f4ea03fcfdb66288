from danvan.core.models import User
from danvan.orgs.models import Membership, Role
from tests.conftest import login


def test_user_pages_are_for_administrators_only(cast):
    assert login(cast.province).get("/to-chuc/nguoi-dung/").status_code == 404
    page = login(cast.admin).get("/to-chuc/nguoi-dung/")
    usernames = sorted(u.username for u in page.context["page_obj"])
    assert usernames == ["admin_ban", "commune_a", "commune_b", "leader", "mttq", "province"]


def test_administrator_creates_a_user_in_scope(cast):
    form = {"username": "nguyen.van.c", "full_name": "Nguyễn Văn C", "email": "", "password": "mat-khau-dai-9",
            "organization": cast.front_a.pk, "role": Role.OFFICER, "position": "Cán bộ"}
    response = login(cast.admin).post("/to-chuc/nguoi-dung/them/", form)
    created = User.objects.get(username="nguyen.van.c")
    assert response.status_code == 302
    assert created.password.startswith("argon2")
    assert list(Membership.objects.filter(user=created).values_list("organization__name", "role")) == [
        ("Ủy ban MTTQ Việt Nam xã Bảo Ái", "officer")]


def test_create_user_bad_input(cast):
    form = {"username": "commune_a", "full_name": "", "password": "123", "organization": cast.hue_commission.pk,
            "role": "vua"}
    body = login(cast.admin).post("/to-chuc/nguoi-dung/them/", form).content.decode()
    assert "Tên đăng nhập này đã có người dùng." in body
    assert "Tổ chức này không thuộc phạm vi quản trị của bạn." in body
    assert User.objects.count() == 8


def test_other_provinces_user_answers_404(cast):
    assert login(cast.admin).get(f"/to-chuc/nguoi-dung/{cast.hue.pk}/").status_code == 404
    assert login(cast.admin).post(f"/to-chuc/nguoi-dung/{cast.hue.pk}/trang-thai/", {"active": "0"}).status_code == 404
    cast.hue.refresh_from_db()
    assert cast.hue.is_active
    # positive control: the same administrator manages a user of its own province
    assert "Vũ Thị B" in login(cast.admin).get(f"/to-chuc/nguoi-dung/{cast.commune_b.pk}/").content.decode()
    assert login(cast.admin).post(f"/to-chuc/nguoi-dung/{cast.commune_b.pk}/trang-thai/",
                                  {"active": "0"}).status_code == 302
    cast.commune_b.refresh_from_db()
    assert not cast.commune_b.is_active


def test_lock_and_end_membership(cast):
    client = login(cast.admin)
    client.post(f"/to-chuc/nguoi-dung/{cast.commune_b.pk}/trang-thai/", {"active": "0"})
    cast.commune_b.refresh_from_db()
    assert not cast.commune_b.is_active
    membership = cast.commune_a.memberships.get()
    client.post(f"/to-chuc/vai-tro/{membership.pk}/ket-thuc/")
    membership.refresh_from_db()
    assert not membership.is_active
    assert "Kết thúc vai trò" in client.get(f"/to-chuc/nguoi-dung/{cast.commune_a.pk}/").content.decode()


def test_user_list_query_count_does_not_grow(cast, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import member

    client = login(cast.admin)
    with CaptureQueriesContext(connection) as before:
        client.get("/to-chuc/nguoi-dung/")
    for i in range(3):
        member(cast.front_b, username=f"extra{i}")
    with CaptureQueriesContext(connection) as after:
        client.get("/to-chuc/nguoi-dung/")
    assert len(after) == len(before)


def test_user_list_is_a_list_definition_with_its_filter_validated(cast):
    """``USERS`` (orgs/interfaces/lists.py): the search is the form's, a bad value is named above an
    empty list, a good one finds the account without diacritics and shows its roles."""
    client = login(cast.admin)
    page = client.get("/to-chuc/nguoi-dung/", {"q": "x" * 201})
    body = page.content.decode()
    assert "alert-warning" in body and "Tìm người dùng" in body and list(page.context["page_obj"]) == []
    page = client.get("/to-chuc/nguoi-dung/", {"q": cast.commune_a.username})
    assert [u.username for u in page.context["page_obj"]] == ["commune_a"]
    assert "Ủy ban MTTQ Việt Nam xã Bảo Ái — " in page.content.decode()
