"""The files in deploy/ are what the README tells a province's IT staff to install: check them."""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import crossplane
from django.conf import settings
from django.core.management import get_commands
from django.test import Client

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"
APP_DIR = "/srv/danvan/app"  # where the README puts the checkout


def _nginx(tmp_path) -> list[dict]:
    main = tmp_path / "nginx.conf"
    main.write_text(f"events {{}}\nhttp {{\n    include {DEPLOY / 'nginx' / 'danvan.conf'};\n}}\n")
    parsed = crossplane.parse(str(main), check_ctx=True, check_args=True, strict=True)
    assert parsed["status"] == "ok", parsed["errors"]
    return parsed["config"][1]["parsed"]


def _find(block: list[dict], name: str) -> list[dict]:
    return [d for d in block if d["directive"] == name]


def _servers(tmp_path):
    return [d["block"] for d in _find(_nginx(tmp_path), "server")]


def _location(server, path):
    return next(d["block"] for d in _find(server, "location") if d["args"] == [path])


def test_nginx_site_parses_and_redirects_http_to_https(tmp_path):
    plain, tls = _servers(tmp_path)
    assert [d["args"] for d in _find(plain, "listen")] == [["80"], ["[::]:80"]]
    assert _find(plain, "return")[0]["args"] == ["301", "https://$host$request_uri"]
    assert ["443", "ssl", "http2"] in [d["args"] for d in _find(tls, "listen")]
    assert _find(tls, "ssl_certificate") and _find(tls, "ssl_certificate_key")
    assert _find(tls, "ssl_protocols")[0]["args"] == ["TLSv1.2", "TLSv1.3"]


def test_nginx_serves_static_and_files_only_through_the_internal_location(tmp_path):
    _plain, tls = _servers(tmp_path)
    locations = [d["args"][0] for d in _find(tls, "location")]
    assert locations == ["/static/", "/_protected/", "/"]  # no public /media/
    static = _location(tls, "/static/")
    assert _find(static, "alias")[0]["args"] == [f"{APP_DIR}/staticfiles/"]
    protected = _location(tls, "/_protected/")
    assert _find(protected, "internal") and _find(protected, "alias")[0]["args"] == ["/srv/danvan/media/"]
    env = (DEPLOY / "danvan.env.example").read_text()
    assert "DANVAN_X_ACCEL_PREFIX=/_protected/" in env and "DANVAN_MEDIA_ROOT=/srv/danvan/media" in env


def test_nginx_proxies_to_gunicorn_with_the_client_scheme(tmp_path):
    http = _nginx(tmp_path)
    upstream = _find(http, "upstream")[0]["block"]
    assert _find(upstream, "server")[0]["args"][0] == "127.0.0.1:8000"
    app = _location(_servers(tmp_path)[1], "/")
    assert _find(app, "proxy_pass")[0]["args"] == ["http://danvan_app"]
    headers = {d["args"][0]: d["args"][1] for d in _find(app, "proxy_set_header")}
    assert headers["X-Forwarded-Proto"] == "$scheme" and headers["Host"] == "$host"


def test_nginx_parser_rejects_a_broken_site(tmp_path):
    """The positive control: a site with a typo does not parse."""
    broken = tmp_path / "broken.conf"
    broken.write_text((DEPLOY / "nginx" / "danvan.conf").read_text().replace("internal;", "internal"))
    main = tmp_path / "nginx.conf"
    main.write_text(f"events {{}}\nhttp {{ include {broken}; }}\n")
    assert crossplane.parse(str(main), check_ctx=True, check_args=True, strict=True)["status"] == "failed"


def _units():
    """Each unit as {section: {key: [values]}} (systemd allows a key several times, e.g. ExecStart)."""
    for path in sorted((DEPLOY / "systemd").glob("*.service")):
        sections, current = {}, None
        for line in path.read_text().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                current = sections.setdefault(line.strip("[]"), {})
            else:
                key, _, value = line.partition("=")
                current.setdefault(key, []).append(value)
        yield path.name, sections


def test_systemd_units_run_commands_that_exist():
    commands = get_commands()
    seen = set()
    for name, unit in _units():
        service = unit["Service"]
        assert service["WorkingDirectory"] == [APP_DIR] and service["EnvironmentFile"] == ["/etc/danvan/danvan.env"]
        lines = service.get("ExecStart", [])
        assert lines, name
        for line in lines:
            argv = shlex.split(line)
            program = Path(argv[0].replace(APP_DIR, str(ROOT)))
            assert program.exists() and os.access(program, os.X_OK), f"{name}: {argv[0]}"
            if argv[1:2] == ["-c"]:  # gunicorn -c <config> <app>
                assert Path(argv[2].replace(APP_DIR, str(ROOT))).is_file() and argv[3] == "danvan.wsgi"
                seen.add("gunicorn")
            else:
                assert argv[1] == f"{APP_DIR}/manage.py" and argv[2] in commands, f"{name}: {line}"
                seen.add(argv[2])
    assert seen == {"gunicorn", "db_worker", "backup", "send_report_reminders", "send_task_reminders"}
    worker = dict(_units())["danvan-worker.service"]["Service"]
    assert worker["Environment"] == ["DANVAN_TASKS=db"]


def test_systemd_timers_start_their_services():
    for path in sorted((DEPLOY / "systemd").glob("*.timer")):
        assert (path.with_suffix(".service")).is_file(), path.name
        assert re.search(r"^OnCalendar=", path.read_text(), re.M), path.name


def test_gunicorn_config_takes_workers_and_address_from_the_environment():
    code = ("import runpy, json; c = runpy.run_path('deploy/gunicorn.conf.py'); "
            "print(json.dumps([c['workers'], c['bind'], c['timeout']]))")
    env = {**os.environ, "DANVAN_WORKERS": "3", "DANVAN_BIND": "127.0.0.1:9123", "DANVAN_TIMEOUT": "45"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == '[3, "127.0.0.1:9123", 45]'
    env.pop("DANVAN_WORKERS")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip().startswith(f"[{(os.cpu_count() or 1) * 2 + 1}, ")


def test_gunicorn_accepts_the_configuration():
    result = subprocess.run([sys.executable, "-m", "gunicorn", "--check-config", "-c", "deploy/gunicorn.conf.py",
                             "danvan.wsgi"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_makefile_serve_uses_the_same_configuration():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^serve:.*\n\t.*gunicorn -c deploy/gunicorn\.conf\.py danvan\.wsgi", makefile, re.M)


def _postgresql_settings() -> dict[str, str]:
    values = {}
    for line in (DEPLOY / "postgresql" / "danvan.conf").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip().strip("'")
    return values


def test_postgresql_settings_turn_autovacuum_on_and_earlier(db):
    values = _postgresql_settings()
    assert values["autovacuum"] == "on"
    assert float(values["autovacuum_vacuum_scale_factor"]) < 0.2  # the default
    assert float(values["autovacuum_analyze_scale_factor"]) < 0.1
    from django.db import connection

    if connection.vendor == "postgresql":  # every name is a setting this server knows
        with connection.cursor() as cursor:
            # setting names are case-insensitive ("timezone" is pg_settings' "TimeZone")
            cursor.execute("SELECT lower(name) FROM pg_settings WHERE lower(name) = ANY(%s)",
                           [[name.lower() for name in values]])
            known = {row[0] for row in cursor.fetchall()}
        assert {name.lower() for name in values} - known == set()


def test_healthz_answers_ok_without_a_session(db):
    response = Client().get("/healthz")
    assert (response.status_code, response.content, response["Content-Type"]) == (200, b"ok", "text/plain")
    assert "sessionid" not in response.cookies
    assert Client().post("/healthz").status_code == 405
