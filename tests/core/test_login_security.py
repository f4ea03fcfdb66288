"""Issue 9 §3: login throttling, passwords and sessions."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client, RequestFactory

from danvan.core.domain import login_throttle
from danvan.core.models import User
from danvan.core.views.auth import client_address
from danvan.orgs.models import Role
from tests.conftest import login
from tests.factories import UserFactory

BASE = Path(django_settings.BASE_DIR)
PASSWORD = "mat-khau-thu-nghiem"
LOCKED = "Đăng nhập sai quá nhiều lần"


@pytest.fixture(autouse=True)
def empty_cache(db):
    cache.clear()
    yield
    cache.clear()


def post_login(client, username, password, path="/dang-nhap/", **extra):
    return client.post(path, {"username": username, "password": password}, **extra)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# --- Throttling ---------------------------------------------------------------------------------

def test_admin_login_is_throttled(db, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    UserFactory(username="root", is_staff=True, is_superuser=True)
    client = Client()
    for _ in range(3):
        post_login(client, "root", "sai", path="/quan-tri-he-thong/login/")
    page = post_login(client, "root", PASSWORD, path="/quan-tri-he-thong/login/")
    assert LOCKED in page.content.decode()
    assert not signed_in(client)
    assert client.get("/quan-tri-he-thong/").status_code == 302


def test_admin_and_main_login_share_the_counter(db, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    UserFactory(username="root", is_staff=True, is_superuser=True)
    client = Client()
    for path in ["/dang-nhap/", "/quan-tri-he-thong/login/", "/dang-nhap/"]:
        post_login(client, "root", "sai", path=path)
    assert LOCKED in post_login(client, "root", PASSWORD, path="/quan-tri-he-thong/login/").content.decode()


def test_fullwidth_and_capitalized_usernames_hit_the_same_counter(cast, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    client = Client()
    for name in ["commune_a", "COMMUNE_A", "Commune_A"]:
        post_login(client, name, "sai")
    page = post_login(client, "ｃｏｍｍｕｎｅ＿ａ", PASSWORD)  # fullwidth: NFKC makes it commune_a
    assert LOCKED in page.content.decode()
    assert not signed_in(client)


def test_fullwidth_username_signs_in_when_not_locked(cast):
    client = Client()
    post_login(client, "ｃｏｍｍｕｎｅ＿ａ", PASSWORD)
    assert signed_in(client)  # positive control: authentication itself normalizes with NFKC


def test_five_users_mistyping_once_do_not_lock_out_a_sixth(cast, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    client = Client(REMOTE_ADDR="192.0.2.10")  # one office behind one address
    for user in [cast.province, cast.leader, cast.admin, cast.commune_b, cast.mttq]:
        assert "không đúng" in post_login(client, user.username, "sai").content.decode()
    post_login(client, "commune_a", PASSWORD)
    assert signed_in(client)


def test_one_client_cannot_lock_an_account_for_everyone(cast, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    attacker = Client(REMOTE_ADDR="198.51.100.66")
    for _ in range(12):
        post_login(attacker, "commune_a", "sai")
    assert LOCKED in post_login(attacker, "commune_a", PASSWORD).content.decode()
    owner = Client(REMOTE_ADDR="192.0.2.10")
    post_login(owner, "commune_a", PASSWORD)
    assert signed_in(owner)


def test_an_account_guessed_from_many_clients_is_locked(cast, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_FAILURE_ACCOUNT_LIMIT = 9
    for n in range(3):
        bot = Client(REMOTE_ADDR=f"203.0.113.{n + 1}")
        for _ in range(3):
            post_login(bot, "commune_a", "sai")
    late = Client(REMOTE_ADDR="203.0.113.99")
    assert LOCKED in post_login(late, "commune_a", PASSWORD).content.decode()
    assert not signed_in(late)


def test_one_client_spraying_many_accounts_is_locked(cast, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    settings.LOGIN_FAILURE_CLIENT_LIMIT = 10
    sprayer = Client(REMOTE_ADDR="198.51.100.66")
    for n in range(10):
        post_login(sprayer, f"khong-co-{n}", "sai")
    assert LOCKED in post_login(sprayer, "commune_a", PASSWORD).content.decode()
    assert not signed_in(sprayer)


def test_client_address_comes_from_a_trusted_proxy_only(settings):
    settings.DANVAN_TRUSTED_PROXIES = ["10.0.0.1", "10.1.0.0/16"]
    factory = RequestFactory()
    behind = factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client_address(behind) == "203.0.113.5"
    chain = factory.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5, 10.0.0.1")
    assert client_address(chain) == "203.0.113.5"  # the spoofable left part is ignored
    direct = factory.get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client_address(direct) == "198.51.100.7"
    garbage = factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="not-an-address")
    assert client_address(garbage) == "10.0.0.1"


def test_behind_the_proxy_each_real_client_counts_alone(cast, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    settings.LOGIN_FAILURE_CLIENT_LIMIT = 5
    settings.DANVAN_TRUSTED_PROXIES = ["10.0.0.1"]
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    sprayer = Client(HTTP_X_FORWARDED_FOR="198.51.100.66", **proxy)
    for n in range(6):
        post_login(sprayer, f"khong-co-{n}", "sai")
    assert LOCKED in post_login(sprayer, "commune_a", PASSWORD).content.decode()
    colleague = Client(HTTP_X_FORWARDED_FOR="192.0.2.10", **proxy)
    post_login(colleague, "commune_a", PASSWORD)
    assert signed_in(colleague)


def test_spoofed_forwarded_for_from_an_untrusted_client_counts_as_one_client(cast, settings):
    settings.LOGIN_FAILURE_CLIENT_LIMIT = 5
    settings.DANVAN_TRUSTED_PROXIES = ["10.0.0.1"]
    for n in range(6):
        post_login(Client(REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"), f"x{n}", "sai")
    again = Client(REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert LOCKED in post_login(again, "commune_a", PASSWORD).content.decode()


def test_the_default_cache_is_shared_between_processes(tmp_path):
    """Two worker processes with the settings a server gets without Redis: failures recorded in both
    add up (each used to count alone in its own in-process cache)."""
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'shared.sqlite3'}", DANVAN_LOGIN_FAILURE_LIMIT="4",
               DJANGO_SETTINGS_MODULE="danvan.settings", PYTHONPATH=str(BASE))
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=BASE, env=env, check=True)
    worker = ("import django; django.setup(); from danvan.core.domain import login_throttle as t; "
              "[t.record_failure('baoai.mttq', '192.0.2.10') for _ in range(2)]; "
              "print(int(t.is_blocked('baoai.mttq', '192.0.2.10')))")
    outputs = [subprocess.run([sys.executable, "-c", worker], cwd=BASE, env=env, check=True, capture_output=True,
                              text=True).stdout.strip() for _ in range(2)]
    assert outputs == ["0", "1"]


def test_throttle_counts_through_separate_cache_clients(db, settings):
    """Two cache client instances (as two processes would have) see the same counters."""
    from django.core.cache import caches

    settings.LOGIN_FAILURE_LIMIT = 4
    first, second = caches.create_connection("default"), caches.create_connection("default")
    assert first is not second
    login_throttle.record_failure("baoai.mttq", "192.0.2.10", store=first)
    login_throttle.record_failure("baoai.mttq", "192.0.2.10", store=first)
    login_throttle.record_failure("baoai.mttq", "192.0.2.10", store=second)
    assert not login_throttle.is_blocked("baoai.mttq", "192.0.2.10", store=second)
    login_throttle.record_failure("baoai.mttq", "192.0.2.10", store=second)
    assert login_throttle.is_blocked("baoai.mttq", "192.0.2.10", store=first)


# --- Passwords ---------------------------------------------------------------------------------

WEAK = [("12345678", "Mật khẩu này hoàn toàn là số."), ("password", "Mật khẩu này quá phổ biến.")]


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_user_creation_form_refuses_weak_passwords(cast, password, message):
    form = {"username": "nguyen.van.c", "full_name": "Nguyễn Văn C", "email": "", "password": password,
            "organization": cast.front_a.pk, "role": Role.OFFICER, "position": ""}
    body = login(cast.admin).post("/to-chuc/nguoi-dung/them/", form).content.decode()
    assert message in body
    assert not User.objects.filter(username="nguyen.van.c").exists()


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_domain_refuses_weak_passwords(cast, password, message):
    from django.core.exceptions import ValidationError

    from danvan.orgs.domain.users import create_user

    with pytest.raises(ValidationError) as refused:
        create_user(actor=cast.admin, username="nguyen.van.c", full_name="Nguyễn Văn C", password=password,
                    organization=cast.front_a, role=Role.OFFICER)
    assert message in refused.value.message_dict["password"]
    assert not User.objects.filter(username="nguyen.van.c").exists()


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_admin_user_creation_refuses_weak_passwords(db, password, message):
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    client = login(root)
    page = client.post("/quan-tri-he-thong/core/user/add/", {
        "username": "yeu", "usable_password": "true", "password1": password, "password2": password})
    assert message in page.content.decode()
    assert not User.objects.filter(username="yeu").exists()


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_password_change_refuses_weak_passwords(cast, password, message):
    page = login(cast.commune_a).post("/doi-mat-khau/", {
        "old_password": PASSWORD, "new_password1": password, "new_password2": password})
    assert message in page.content.decode()
    cast.commune_a.refresh_from_db()
    assert cast.commune_a.check_password(PASSWORD)


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_createsuperuser_refuses_weak_passwords(db, monkeypatch, password, message):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", password)
    with pytest.raises(CommandError) as refused:
        call_command("createsuperuser", "--noinput", username="root", email="root@example.org", verbosity=0)
    assert message in str(refused.value)
    assert not User.objects.filter(username="root").exists()


def test_createsuperuser_accepts_a_strong_password(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Dan-van-2026!Lao-Cai")
    call_command("createsuperuser", "--noinput", username="root", email="root@example.org", verbosity=0)
    assert User.objects.get(username="root").check_password("Dan-van-2026!Lao-Cai")


# --- Sessions ------------------------------------------------------------------------------------

def test_session_defaults_are_a_working_day_ending_with_the_browser():
    assert django_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert django_settings.SESSION_COOKIE_AGE == 10 * 3600
    assert django_settings.DANVAN_SESSION_IDLE == 30 * 60


def test_idle_session_is_signed_out(cast, settings):
    from danvan.core.middleware import ACTIVITY_COOKIE, activity_stamp

    settings.DANVAN_SESSION_IDLE = 1800
    client = Client()
    post_login(client, "commune_a", PASSWORD)
    assert client.get("/").status_code == 200  # fresh: still signed in
    assert ACTIVITY_COOKIE in client.cookies
    key = client.session.session_key
    client.cookies[ACTIVITY_COOKIE] = activity_stamp(key, at=time.time() - 1801)
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith("/dang-nhap/")
    assert not signed_in(client)


def test_active_session_stays_signed_in(cast, settings):
    from danvan.core.middleware import ACTIVITY_COOKIE, activity_stamp

    settings.DANVAN_SESSION_IDLE = 1800
    client = Client()
    post_login(client, "commune_a", PASSWORD)
    client.cookies[ACTIVITY_COOKIE] = activity_stamp(client.session.session_key, at=time.time() - 1700)
    page = client.get("/")
    assert page.status_code == 200 and "Ủy ban MTTQ Việt Nam xã Bảo Ái" in page.content.decode()


def test_activity_cookie_of_another_session_does_not_count(cast, settings):
    from danvan.core.middleware import ACTIVITY_COOKIE, activity_stamp

    settings.DANVAN_SESSION_IDLE = 1800
    client = login(cast.commune_a)
    session = client.session
    session["_danvan_auth_at"] = time.time() - 7200
    session.save()
    client.cookies[ACTIVITY_COOKIE] = activity_stamp("another-session-key", at=time.time())
    response = client.get("/")
    assert response.status_code == 302
    assert not signed_in(client)


def test_session_settings_come_from_the_environment():
    env = {**os.environ, "DANVAN_SESSION_MAX_AGE": "28800", "DANVAN_SESSION_IDLE": "900",
           "DANVAN_SESSION_EXPIRE_AT_BROWSER_CLOSE": "0", "DJANGO_SETTINGS_MODULE": "danvan.settings"}
    code = ("from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_AGE, s.DANVAN_SESSION_IDLE, s.SESSION_EXPIRE_AT_BROWSER_CLOSE)")
    out = subprocess.run([sys.executable, "-c", code], cwd=BASE, env=env, check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["28800", "900", "False"]
