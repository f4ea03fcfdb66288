"""Issue 9 §5: HSTS over HTTPS, no caching of authenticated pages, ``check --deploy`` clean."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings as django_settings

from tests.conftest import login

BASE = Path(django_settings.BASE_DIR)


def readme_production_settings() -> dict:
    """The ``KEY=value`` lines of README.md's "Production settings" block."""
    readme = (BASE / "README.md").read_text(encoding="utf-8")
    block = re.search(r"### Production settings.*?```sh\n(.*?)```", readme, re.S).group(1)
    values = dict(line.split("=", 1) for line in block.splitlines() if "=" in line)
    values["DJANGO_SECRET_KEY"] = "k3y-for-the-deploy-check-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEF"
    values.pop("DATABASE_URL")  # the check needs no database: the test's own is used
    return values


PRODUCTION_ENV = readme_production_settings()


def test_authenticated_pages_are_not_stored(cast):
    client = login(cast.commune_a)
    for path in ["/", "/to-chuc/", f"/to-chuc/{cast.front_a.pk}/", "/api/v1/organizations"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == "private, no-store", path


def test_hsts_over_https_when_configured(cast, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    client = login(cast.commune_a)
    assert client.get("/", secure=True)["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in client.get("/")  # never over plain HTTP


def deploy_settings(extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DANVAN_", "REDIS"))}
    env.update(PRODUCTION_ENV, DATABASE_URL=env.get("DATABASE_URL", "sqlite:///:memory:"), **(extra or {}))
    return env


def test_check_deploy_is_clean_with_the_production_settings():
    out = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                         cwd=BASE, env=deploy_settings(), capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "System check identified no issues" in out.stdout


def test_check_deploy_complains_without_https():
    """Positive control: the same check does fail on a weaker configuration."""
    env = deploy_settings({"DJANGO_HTTPS": "0"})
    out = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                         cwd=BASE, env=env, capture_output=True, text=True)
    assert out.returncode != 0
    assert "security.W004" in out.stderr + out.stdout


def test_production_settings_turn_on_hsts_and_secure_cookies():
    code = ("from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
            "s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER[0])")
    env = {**deploy_settings(), "DJANGO_SETTINGS_MODULE": "danvan.settings"}
    out = subprocess.run([sys.executable, "-c", code], cwd=BASE, env=env, check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["31536000", "True", "True", "True", "HTTP_X_FORWARDED_PROTO"]
