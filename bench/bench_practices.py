"""Benchmarks of the "Dân vận khéo" module with 300,000 models (a national five-year term).

Builds its own database: a temporary SQLite file under bench/out/ by default, or PostgreSQL when
BENCH_DATABASE_URL is set (e.g. ``BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_practices``;
that database is dropped and re-created). Runs in a child process so that its database never mixes
with another benchmark's. Prints: statistics of one province (target < 100 ms), a filtered list page
p95 over 50 runs (target < 150 ms), an import of 5,000 rows (target < 30 s).
"""

import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import analyze, fresh_database, officer, organizations, p95, run_child, setup, timed  # noqa: E402

TOTAL = int(os.environ.get("BENCH_PRACTICES", "300000"))


def main():
    run_child(__file__)


def build(rng):
    """Organizations (a commission per province, an MTTQ per commune), one province officer, a campaign per
    province, and TOTAL practices over 2021–2025 in current communes and the legacy communes merged into them."""
    from danvan.orgs.models import Kind
    from danvan.places.models import Area, AreaSuccession
    from danvan.practices.demo_words import TOPICS, VILLAGES
    from danvan.practices.models import Campaign, Practice, Status

    provinces, commissions, communes, fronts = organizations(
        Kind.FATHERLAND_FRONT, lambda c: f"Ủy ban MTTQ Việt Nam {c.kind_name.lower()} {c.name}")
    by_province = {c.area_id: c for c in commissions}
    campaigns = {p.id: Campaign.objects.create(organization=by_province[p.id], name=f"Dân vận khéo {p.name} 2021–2025",
                                               start_year=2021, end_year=2025) for p in provinces}
    legacy = {}
    for pred, succ in AreaSuccession.objects.filter(predecessor__level="commune", is_main=True).values_list(
            "predecessor_id", "successor_id"):
        legacy.setdefault(succ, []).append(pred)
    statuses = [Status.DRAFT, Status.REGISTERED, Status.IN_PROGRESS, Status.EVALUATED, Status.RECOGNIZED,
                Status.NOT_RECOGNIZED]
    weights = [3, 10, 55, 14, 14, 4]
    fields = list(TOPICS)
    names = {}
    batch = []
    started = time.perf_counter()
    for i in range(TOTAL):
        front = fronts[rng.randrange(len(fronts))]
        commune = front.area
        olds = legacy.get(commune.id)
        area_id = rng.choice(olds) if olds and rng.random() < 0.6 else commune.id
        field = rng.choice(fields)
        status = rng.choices(statuses, weights)[0]
        key = (field, rng.randrange(len(TOPICS[field])), rng.randrange(len(VILLAGES)))
        if key not in names:
            probe = Practice(name=f"Mô hình “Dân vận khéo” trong {TOPICS[field][key[1]]} ở thôn {VILLAGES[key[2]]}")
            probe.fill_derived()
            names[key] = (probe.name, probe.name_folded, probe.name_sort)
        name, folded, sort = names[key]
        batch.append(Practice(
            name=name, name_folded=folded, name_sort=sort, field=field, status=status, organization_id=front.id,
            area_id=area_id, campaign=campaigns[commune.parent_id], year=2021 + i % 5,
            holder="individual" if i % 3 == 0 else "collective",
            level=rng.choice(["commune", "district", "province"]) if status == Status.RECOGNIZED else "",
            is_outstanding=status == Status.RECOGNIZED and i % 2 == 0,
        ))
        if len(batch) == 5000:
            Practice.objects.bulk_create(batch)
            batch = []
    Practice.objects.bulk_create(batch)
    print(f"generated {TOTAL:,} models over {len(communes):,} communes in {time.perf_counter() - started:.0f} s")
    laocai = Area.objects.get(source_key="2025:p15")
    return officer("bench.laocai", by_province[laocai.id], "Bench Lào Cai"), laocai


def run():
    setup(fresh_database("practices"))
    rng = random.Random(5)
    user, laocai = build(rng)
    print(f"database: {analyze()}")
    stats_benchmark(user, laocai)
    list_benchmark(user, laocai, rng)
    import_benchmark(user, laocai, rng)


def stats_benchmark(user, laocai):
    from danvan.practices.models import Practice
    from danvan.practices.queries import stats

    in_province = stats.summary(user, area=laocai, year=2023)["total"]
    summary = timed(lambda: stats.summary(user, area=laocai, year=2023), 20)
    page = timed(lambda: (stats.summary(user, area=laocai, year=2023), stats.by_child_area(user, laocai, year=2023),
                          stats.by_year(user, area=laocai)), 10)
    print(f"statistics of one province (Lào Cai 2023, {in_province:,} of {Practice.objects.unscoped("benchmark").count():,} models; "
          f"field × status × level × holder): median {statistics.median(summary):.1f} ms (target < 100 ms; "
          f"ratio {statistics.median(summary) / 100:.2f})")
    print(f"statistics page queries (summary + {laocai.children.count()} communes + years): median "
          f"{statistics.median(page):.1f} ms")


def list_benchmark(user, laocai, rng):
    from django.test import Client

    client = Client()
    client.force_login(user)
    queries = [
        {"field": "economy", "status": "in_progress", "sort": "name"},
        {"area": laocai.id, "year": "2023", "sort": "-date"},
        {"q": "nong thon moi", "status": "recognized"},
        {"field": "culture_society", "year": "2024", "sort": "status"},
        {"outstanding": "on", "sort": "name", "page": "3"},
    ]
    client.get("/mo-hinh/")
    samples = []
    for i in range(50):
        params = queries[i % len(queries)]
        started = time.perf_counter()
        response = client.get("/mo-hinh/", params)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    print(f"filtered list page (HTML, 50 runs over 5 filter sets): median {statistics.median(samples):.1f} ms, "
          f"p95 {p95(samples):.1f} ms (target < 150 ms; ratio {p95(samples) / 150:.2f})")


def import_benchmark(user, laocai, rng):
    from openpyxl import Workbook

    from danvan.orgs.models import Organization
    from danvan.practices.interfaces.columns import IMPORT_COLUMNS
    from danvan.practices.interfaces.importer import import_file

    orgs = list(Organization.objects.for_user(user, "change").values_list("id", flat=True))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([str(c.label) for c in IMPORT_COLUMNS])
    fields = ["Kinh tế", "Văn hóa – xã hội", "Quốc phòng – an ninh", "Xây dựng Đảng và hệ thống chính trị"]
    for i in range(5000):
        values = {"name": f"Mô hình nhập số {i}", "field": fields[i % 4], "organization": str(rng.choice(orgs)),
                  "year": 2025, "situation": "Thực trạng", "goals": "Mục tiêu", "content": "Cách làm",
                  "status": "Đang thực hiện"}
        sheet.append([values.get(c.key) for c in IMPORT_COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    started = time.perf_counter()
    saved, _skipped = import_file(user, io.BytesIO(buffer.getvalue()))
    seconds = time.perf_counter() - started
    assert saved == 5000
    print(f"import of 5,000 rows (read, check, save atomically): {seconds:.1f} s (target < 30 s; "
          f"ratio {seconds / 30:.2f})")


if __name__ == "__main__" and os.environ.get("DANVAN_BENCH_CHILD"):
    sys.path.insert(0, str(ROOT))
    run()
