"""Load benchmark: danvan on PostgreSQL through the production server (gunicorn, deploy/gunicorn.conf.py).

1. Reads: 50 concurrent signed-in clients (the demo accounts, each seeing its own scope) for
   BENCH_LOAD_SECONDS (default 120), each request picked at random among list pages, detail pages and
   API calls (lists and details) of every module, found by following the links the list pages show.
2. Floor: the same clients against ``/healthz`` (a view that reads nothing) for a quarter of that time:
   the framework's and this machine's ceiling; the ratio says how much of it danvan's pages keep.
3. Writes: 20 concurrent writers (API: create a model, read it back) while a 40,000-row XLSX import of
   models, uploaded through the import page, runs in the background worker (``db_worker``).

Prints requests/s, p50/p95/p99 and errors (any answer but the expected status, or no answer) for each
run. Targets: 0 errors in both runs; reads p95 < 500 ms.

Before the runs, the cost of each page and API call of the mix, measured in this process with Django's
test client on the same database (figures a loaded machine does not inflate as it does wall-clock
times): SQL queries per request and CPU time of the Python process (the least of 3), by URL pattern,
with the mix's mean. ``BENCH_LOAD_COSTS_ONLY=1`` stops after them.

Environment: BENCH_DATABASE_URL (PostgreSQL; default postgres://postgres@127.0.0.1:5432/bench_danvan_load,
created if missing), BENCH_LOAD_SECONDS, BENCH_LOAD_CLIENTS (50), BENCH_LOAD_WRITERS (20),
BENCH_LOAD_IMPORT_ROWS (40000), BENCH_LOAD_WORKERS (gunicorn workers, default 2 x cores + 1).
Only 127.0.0.1, on a free port.
"""

import http.client
import io
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from bench.server import ROOT, serve

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_danvan_load"
PASSWORD = "danvan2026"
LIST_PAGES = ["/", "/dia-ban/", "/to-chuc/", "/bao-cao/", "/bao-cao/tien-do/", "/mo-hinh/", "/mo-hinh/thong-ke/",
              "/hoi-nghi/", "/hoi-nghi/nhiem-vu/", "/hoi-nghi/nhiem-vu/tong-hop/", "/khen-thuong/", "/so-van-ban/",
              "/tiep-dan/", "/doi-thoai/", "/don-thu/", "/cong-dong/uy-tin/", "/cong-dong/tham-hoi/",
              "/cong-dong/diem-nong/", "/dan-chu/", "/dan-chu/nghia-vu/", "/hoi-nghi/doc-bai/"]
DETAIL = re.compile(r'href="(/(?:to-chuc|bao-cao|mo-hinh|hoi-nghi|hoi-nghi/nhiem-vu|khen-thuong|so-van-ban|tiep-dan|'
                    r'doi-thoai|don-thu|cong-dong/uy-tin|cong-dong/tham-hoi|cong-dong/diem-nong|dan-chu/nghia-vu|'
                    r'dan-chu/quyet-dinh|hoi-nghi/doc-bai)/\d+/)"')
API_LISTS = ["/api/v1/me", "/api/v1/organizations", "/api/v1/areas?level=province", "/api/v1/reports",
             "/api/v1/practices", "/api/v1/meetings", "/api/v1/tasks", "/api/v1/nominations", "/api/v1/documents",
             "/api/v1/prestige-people", "/api/v1/receptions", "/api/v1/petitions", "/api/v1/disclosures"]


def pct(samples: list[float], q: int) -> float:
    if len(samples) < 2:
        return samples[0] if samples else 0.0
    return statistics.quantiles(samples, n=100)[q - 1]


class Client:
    """One signed-in browser: a keep-alive connection and its cookies."""

    def __init__(self, base: str):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        self.cookies: dict[str, str] = {}
        self.token = ""

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # the server closed an idle keep-alive connection: reconnect once
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data, response

    def login(self, username: str) -> None:
        status, page, _ = self.request("GET", "/dang-nhap/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = urllib.parse.urlencode({"username": username, "password": PASSWORD,
                                       "csrfmiddlewaretoken": token}).encode()
        status, _, _ = self.request("POST", "/dang-nhap/", body,
                                    {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302:
            raise RuntimeError(f"login of {username} answered {status}")

    def csrf(self, path: str) -> str:
        _, page, _ = self.request("GET", path)
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()


def discover(base: str, username: str) -> dict[str, list[str]]:
    """The URLs this user can open: list pages, detail pages linked from them, API lists and details."""
    client = Client(base)
    client.login(username)
    found = {"list": [], "detail": [], "api": []}
    for path in LIST_PAGES:
        status, page, _ = client.request("GET", path)
        if status == 200:
            found["list"].append(path)
            found["detail"] += list(dict.fromkeys(DETAIL.findall(page.decode())))[:15]
    for path in API_LISTS:
        status, data, _ = client.request("GET", path)
        if status != 200:
            continue
        found["api"].append(path)
        body = json.loads(data)
        for item in (body.get("items", []) if isinstance(body, dict) else [])[:10]:
            if "id" in item:
                detail = f"{path.split('?')[0]}/{item['id']}"
                if client.request("GET", detail)[0] == 200:
                    found["api"].append(detail)
    found["detail"] = [p for p in dict.fromkeys(found["detail"]) if client.request("GET", p)[0] == 200]
    return found


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples: list[float] = []
        self.errors: list[str] = []
        self.by_path: dict[str, list[float]] = {}

    def add(self, ms: float, error: str | None, path: str = ""):
        with self.lock:
            self.samples.append(ms)
            if error:
                self.errors.append(error)
            if path:
                key = re.sub(r"/\d+", "/<id>", path.split("?")[0])
                self.by_path.setdefault(key, []).append(ms)

    def slowest(self, n: int = 5) -> str:
        rows = sorted(((statistics.median(v), k, len(v)) for k, v in self.by_path.items()), reverse=True)[:n]
        return ", ".join(f"{k} {ms:.0f} ms (x{count})" for ms, k, count in rows)

    def line(self, label: str, seconds: float) -> str:
        rate = len(self.samples) / seconds if seconds else 0
        return (f"{label}: {len(self.samples):,} requests in {seconds:.0f} s, {rate:.0f} requests/s, "
                f"p50 {pct(self.samples, 50):.0f} ms, p95 {pct(self.samples, 95):.0f} ms, "
                f"p99 {pct(self.samples, 99):.0f} ms, errors {len(self.errors)}")


def timed(recorder: Recorder, client: Client, method: str, path: str, expect: int = 200, **kwargs):
    started = time.perf_counter()
    try:
        status, data, _ = client.request(method, path, **kwargs)
        error = None if status == expect else f"{method} {path}: {status}"
    except Exception as exc:  # noqa: BLE001 (an unanswered request is an error to count)
        status, data, error = 0, b"", f"{method} {path}: {type(exc).__name__} {exc}"
    recorder.add((time.perf_counter() - started) * 1000, error, path)
    return status, data


def read_run(base, accounts, urls, clients: int, seconds: float, pick) -> tuple[Recorder, float]:
    recorder = Recorder()
    deadline = time.perf_counter() + seconds
    ready = threading.Barrier(clients + 1)

    def run(index):
        username = accounts[index % len(accounts)]
        client = Client(base)
        client.login(username)
        rng = random.Random(index)
        ready.wait()
        while time.perf_counter() < deadline:
            timed(recorder, client, "GET", pick(rng, urls[username]))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    ready.wait()
    started = time.perf_counter()
    deadline = started + seconds
    for thread in threads:
        thread.join()
    return recorder, time.perf_counter() - started


def pattern_of(path: str) -> str:
    return re.sub(r"/\d+", "/<id>", path.split("?")[0]) + ("?" + path.split("?")[1] if "?" in path else "")


def page_costs(urls: dict[str, dict[str, list[str]]], *, per_pattern: int = 6) -> dict[str, tuple[float, float]]:
    """{URL pattern: (median queries, median CPU ms)} over up to ``per_pattern`` URLs of each pattern
    (spread over the accounts), each requested in this process: once to warm up, once counting its
    queries, three times for its CPU time (the least)."""
    from django.db import connection
    from django.test import Client as TestClient

    from danvan.core.models import User

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    taken: dict[str, list[tuple[int, float]]] = {}
    for username, found in urls.items():
        client = TestClient()
        client.force_login(User.objects.get(username=username))
        for path in found["list"] + found["detail"] + found["api"]:
            key = pattern_of(path)
            if len(taken.setdefault(key, [])) >= per_pattern:
                continue
            if client.get(path).status_code != 200:
                continue
            executed.clear()
            with connection.execute_wrapper(count):
                client.get(path)
            queries = list(executed)
            cpu = []
            for _ in range(3):
                started = time.process_time()
                client.get(path)
                cpu.append((time.process_time() - started) * 1000)
            taken[key].append((len(queries), min(cpu)))
    return {key: (statistics.median(q for q, _c in rows), statistics.median(c for _q, c in rows))
            for key, rows in taken.items() if rows}


def print_costs(costs: dict[str, tuple[float, float]], urls) -> None:
    share = {"list": 0.40, "detail": 0.35, "api": 0.25}
    mean_q = mean_c = 0.0
    for kind, weight in share.items():
        keys = [pattern_of(p) for found in urls.values() for p in found[kind] if pattern_of(p) in costs]
        if keys:
            mean_q += weight * statistics.fmean(costs[k][0] for k in keys)
            mean_c += weight * statistics.fmean(costs[k][1] for k in keys)
    print(f"cost per request, in process (queries, CPU ms of Python; mix mean {mean_q:.1f} queries, "
          f"{mean_c:.1f} ms):")
    for key, (queries, cpu) in sorted(costs.items(), key=lambda kv: -kv[1][1]):
        print(f"  {key}: {queries:.0f} queries, {cpu:.1f} ms")


def mixed(rng, urls):
    roll = rng.random()
    kind = "list" if roll < 0.4 else "detail" if roll < 0.75 else "api"
    choices = urls[kind] or urls["list"]
    return rng.choice(choices)


def import_workbook(rows: int, organization_ids: list[int]) -> bytes:
    from openpyxl import Workbook

    from danvan.practices.interfaces.columns import IMPORT_COLUMNS

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([str(c.label) for c in IMPORT_COLUMNS])
    fields = ["Kinh tế", "Văn hóa – xã hội", "Quốc phòng – an ninh", "Xây dựng Đảng và hệ thống chính trị"]
    # Names new to each run: the import skips rows already imported, and a run on a reused database must
    # write its 40,000 rows, not only look them up.
    run = f"{time.time_ns() % 10**9:09d}"
    for i in range(rows):
        values = {"name": f"Mô hình tải thử {run} số {i}", "field": fields[i % 4],
                  "organization": str(organization_ids[i % len(organization_ids)]), "year": 2025,
                  "situation": "Thực trạng", "goals": "Mục tiêu", "content": "Cách làm", "status": "Đang thực hiện"}
        sheet.append([values.get(c.key) for c in IMPORT_COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def multipart(fields: dict, name: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = f"----danvanbench{random.randrange(10**12)}"
    parts = []
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                 "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".encode())
    parts.append(content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def write_run(base, env, writers: int, rows: int):
    from danvan.core.models import ApiToken, Job, User
    from danvan.core.models.tokens import hash_token
    from danvan.orgs.models import Organization

    user = User.objects.get(username="laocai.chuyenvien")
    orgs = list(Organization.objects.for_user(user, "change").select_related("area")[:200])
    org_ids = [o.id for o in orgs]
    content = import_workbook(rows, org_ids)
    tokens = []
    for _ in range(writers):
        raw = ApiToken.generate()
        ApiToken.objects.create(user=user, key_hash=hash_token(raw), prefix=raw[:8], name="bench_load")
        tokens.append(raw)

    worker = subprocess.Popen([sys.executable, str(ROOT / "manage.py"), "db_worker"], cwd=ROOT,
                              env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        uploader = Client(base)
        uploader.login("laocai.chuyenvien")
        body, ctype = multipart({"csrfmiddlewaretoken": uploader.csrf("/mo-hinh/nhap-excel/")}, "file",
                                "tai-thu.xlsx", content)
        status, _, response = uploader.request("POST", "/mo-hinh/nhap-excel/", body, {"Content-Type": ctype})
        location = response.getheader("Location") or ""
        job_id = int(re.search(r"/cong-viec/(\d+)/", location).group(1)) if status == 302 else None
        if job_id is None:
            print(f"import upload answered {status}: the write run is skipped")
            return
        recorder = Recorder()
        done = threading.Event()

        def write(index):
            client = Client(base)
            client.token = tokens[index]
            rng = random.Random(1000 + index)
            n = 0
            while not done.is_set():
                org = rng.choice(orgs)
                payload = json.dumps({"name": f"Mô hình viết đồng thời {index}-{n}", "field": "economy",
                                      "organization": org.id, "area": org.area_id, "year": 2026}).encode()
                status, data = timed(recorder, client, "POST", "/api/v1/practices", expect=201, body=payload,
                                     headers={"Content-Type": "application/json"})
                if status == 201:
                    timed(recorder, client, "GET", f"/api/v1/practices/{json.loads(data)['id']}")
                n += 1

        threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        limit = float(os.environ.get("BENCH_LOAD_IMPORT_LIMIT", "1800"))
        job = None
        while time.perf_counter() - started < limit:
            job = Job.objects.filter(pk=job_id).values("status", "done", "total", "message").get()
            if job["status"] in ("succeeded", "failed"):
                break
            time.sleep(1)
        seconds = time.perf_counter() - started
        done.set()
        for thread in threads:
            thread.join()
        print(f"import of {rows:,} rows as a background job: {job['status']} ({job['done']:,}/{job['total']:,}) "
              f"in {seconds:.0f} s {job['message'] or ''}".rstrip())
        print(recorder.line(f"{writers} concurrent writers during the import (create + read back)", seconds))
        for error in recorder.errors[:5]:
            print(f"  error: {error}")
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()


def prepare(url: str) -> None:
    import psycopg

    parsed = urllib.parse.urlsplit(url)
    name = parsed.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parsed._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_units", if_needed=True, verbosity=0)
    call_command("demo", stdout=io.StringIO())
    # Planner statistics as production's autovacuum keeps them (a test server may run without it, and
    # every full run imports another 40,000 models): without them PostgreSQL guesses row counts blind.
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("VACUUM (ANALYZE)")
    print(f"data: real units and demo data ready, statistics analyzed, in {time.perf_counter() - started:.0f} s")


def main():
    url = os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL
    if not url.startswith("postgres"):
        print("skipped: the load benchmark runs on PostgreSQL (BENCH_DATABASE_URL=postgres://...)")
        return
    try:
        prepare(url)
    except Exception as exc:  # noqa: BLE001
        print(f"skipped: PostgreSQL is not reachable at {url} ({exc})")
        return
    seconds = float(os.environ.get("BENCH_LOAD_SECONDS", "120"))
    clients = int(os.environ.get("BENCH_LOAD_CLIENTS", "50"))
    writers = int(os.environ.get("BENCH_LOAD_WRITERS", "20"))
    rows = int(os.environ.get("BENCH_LOAD_IMPORT_ROWS", "40000"))
    workers = int(os.environ.get("BENCH_LOAD_WORKERS") or (os.cpu_count() or 1) * 2 + 1)
    env = {"DATABASE_URL": url, "DJANGO_DEBUG": "0", "DANVAN_TASKS": "db", "DANVAN_WORKERS": str(workers),
           "DANVAN_LOG_LEVEL": "warning"}
    from danvan.orgs.demo import DEMO_USERS

    accounts = [username for username, *_ in DEMO_USERS]
    with serve(env=env, kind="gunicorn", workers=workers, probe="/healthz") as base:
        print(f"server: gunicorn, {workers} workers (deploy/gunicorn.conf.py), PostgreSQL, {base}")
        urls = {username: discover(base, username) for username in accounts}
        total = {kind: sum(len(u[kind]) for u in urls.values()) for kind in ("list", "detail", "api")}
        print(f"mix: {len(accounts)} accounts; {total['list']} list pages, {total['detail']} detail pages, "
              f"{total['api']} API calls (40% lists, 35% details, 25% API)")
        print_costs(page_costs(urls), urls)
        if os.environ.get("BENCH_LOAD_COSTS_ONLY"):
            return
        reads, elapsed = read_run(base, accounts, urls, clients, seconds, mixed)
        print(reads.line(f"reads, {clients} concurrent clients (target: 0 errors, p95 < 500 ms)", elapsed))
        for error in reads.errors[:5]:
            print(f"  error: {error}")
        print(f"  slowest (median): {reads.slowest()}")
        floor, floor_elapsed = read_run(base, accounts, urls, clients, max(seconds / 4, 5),
                                        lambda rng, _urls: "/healthz")
        print(floor.line(f"floor: GET /healthz, {clients} concurrent clients", floor_elapsed))
        ratio = (len(reads.samples) / elapsed) / (len(floor.samples) / floor_elapsed)
        print(f"ratio of mixed throughput to the floor: {ratio:.2f}")
        write_run(base, env, writers, rows)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
