from django.core.management import call_command

from danvan.core.models import ApiToken
from danvan.core.models.tokens import hash_token
from tests.conftest import login


def post_login(client, username, password):
    return client.post("/dang-nhap/", {"username": username, "password": password})


def test_login_and_logout(cast, client):
    response = post_login(client, "commune_a", "mat-khau-thu-nghiem")
    assert response.status_code == 302 and response.url == "/"
    assert "Ủy ban MTTQ Việt Nam xã Bảo Ái" in client.get("/").content.decode()
    client.post("/dang-xuat/")
    assert client.get("/").status_code == 302


def test_failed_logins_are_throttled(cast, client, settings):
    from django.core.cache import cache

    cache.clear()
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        page = post_login(client, "commune_a", "sai")
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in page.content.decode()
    page = post_login(client, "commune_a", "mat-khau-thu-nghiem")
    assert page.status_code == 200
    assert "Đăng nhập sai quá nhiều lần" in page.content.decode()
    cache.clear()
    assert post_login(client, "commune_a", "mat-khau-thu-nghiem").status_code == 302


def test_passwords_are_hashed_with_argon2(cast):
    from danvan import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert cast.commune_a.password.startswith("argon2$")


def test_password_change(cast):
    client = login(cast.commune_a)
    page = client.post("/doi-mat-khau/", {"old_password": "sai", "new_password1": "x", "new_password2": "y"})
    assert "Mật khẩu cũ không chính xác" in page.content.decode()
    assert not cast.commune_a.check_password("x")
    response = client.post("/doi-mat-khau/", {"old_password": "mat-khau-thu-nghiem", "new_password1": "Dan-van-2026!",
                                              "new_password2": "Dan-van-2026!"})
    assert response.status_code == 302
    cast.commune_a.refresh_from_db()
    assert cast.commune_a.check_password("Dan-van-2026!")


def test_create_api_token_prints_only_the_token(cast, capsys):
    call_command("create_api_token", "commune_a")
    out = capsys.readouterr().out.strip()
    assert out.startswith("dv_") and "\n" not in out
    assert ApiToken.objects.get(key_hash=hash_token(out)).user == cast.commune_a


def test_pages_need_login(client):
    for path in ["/", "/to-chuc/", "/dia-ban/", "/cong-viec/"]:
        response = client.get(path)
        assert response.status_code == 302 and response.url.startswith("/dang-nhap/"), path
