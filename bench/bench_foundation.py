"""Foundation benchmarks: loading the units, the subtree-with-history query, name search, and the
organizations API under 10 concurrent clients.

Uses its own SQLite file under bench/out/ (or BENCH_DATABASE_URL) — never the demo database.
"""

import io
import os
import statistics
import threading
import time
import urllib.request
from pathlib import Path

from bench.server import serve

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def setup_django() -> str:
    OUT.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{OUT / 'foundation.sqlite3'}"
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return url


def timed(func, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def p(samples, q):
    return statistics.quantiles(samples, n=100)[q - 1] if len(samples) > 1 else samples[0]


def main():
    url = setup_django()
    from danvan.orgs.demo import load as load_demo
    from danvan.places.domain.units import load_units
    from danvan.places.models import Area

    result = load_units()
    print(f"load_units (first run, {result.created:,} units, {result.reach_rows:,} reach rows): "
          f"{result.seconds:.1f} s (target < 30 s)")
    again = load_units()
    print(f"load_units (second run, nothing to change): {again.seconds:.1f} s")
    load_demo(io.StringIO())

    laocai = Area.objects.get(source_key="2025:p15")
    subtree = timed(lambda: list(Area.objects.under(laocai).values_list("id", flat=True)), 50)
    size = Area.objects.under(laocai).count()
    print(f"subtree with history of new Tỉnh Lào Cai ({size} units): median {statistics.median(subtree):.2f} ms, "
          f"p95 {p(subtree, 95):.2f} ms (target < 20 ms)")
    search = timed(lambda: list(Area.objects.search("bao ai")[:50]), 50)
    print(f"diacritic-free name search 'bao ai' over {Area.objects.count():,} units: median "
          f"{statistics.median(search):.2f} ms, p95 {p(search, 95):.2f} ms (target < 20 ms)")

    api_benchmark(url)


def api_benchmark(url: str, clients: int = 10, per_client: int = 30):
    from danvan.core.models import ApiToken, User
    from danvan.core.models.tokens import hash_token

    token = ApiToken.generate()
    user = User.objects.get(username="laocai.chuyenvien")
    ApiToken.objects.create(user=user, key_hash=hash_token(token), prefix=token[:8])
    with serve(env={"DATABASE_URL": url, "DJANGO_DEBUG": "0"}) as base:
        endpoint = f"{base}/api/v1/organizations?page_size=50"
        request = urllib.request.Request(endpoint, headers={"Authorization": f"Bearer {token}"})
        for _ in range(100):
            try:
                urllib.request.urlopen(request, timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        samples: list[float] = []
        lock = threading.Lock()

        def worker():
            mine = []
            for _ in range(per_client):
                started = time.perf_counter()
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                mine.append((time.perf_counter() - started) * 1000)
            with lock:
                samples.extend(mine)

        single = []
        for _ in range(30):
            t0 = time.perf_counter()
            urllib.request.urlopen(request, timeout=30).read()
            single.append((time.perf_counter() - t0) * 1000)
        print(f"GET /api/v1/organizations, one client: p50 {statistics.median(single):.1f} ms, "
              f"p95 {p(single, 95):.1f} ms")
        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        print(f"GET /api/v1/organizations, {clients} concurrent clients, {len(samples)} requests: "
              f"p50 {statistics.median(samples):.1f} ms, p95 {p(samples, 95):.1f} ms, "
              f"{len(samples) / elapsed:.0f} requests/s (Django development server, one process)")
