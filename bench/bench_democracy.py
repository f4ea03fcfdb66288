"""Benchmarks of grassroots democracy: a year of disclosure obligations for the 3,321 communes (about
46,000 obligations and 150,000 records).

Builds its own database (SQLite under bench/out/, or BENCH_DATABASE_URL for PostgreSQL; dropped and made
again). Prints: obligations generated for one province and for the nation, the province compliance table
(target < 150 ms), a commune board (target < 50 ms), and the portal's showcase page under 20 concurrent
anonymous clients on one app server process (gunicorn, one worker; p95 target < 200 ms).
"""

import datetime
import os
import random
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import analyze, fresh_database, officer, organizations, p95, run_child, setup, timed  # noqa: E402

YEAR = 2025
TARGET_RECORDS = int(os.environ.get("BENCH_DEMOCRACY_RECORDS", "150000"))
DOCUMENTS_PER_COMMUNE = int(os.environ.get("BENCH_DEMOCRACY_DOCS", "3"))


def main():
    run_child(__file__)


def build(rng):
    from danvan.democracy.domain.obligations import due_date, generate
    from danvan.democracy.models import POSTING_CHANNELS, DisclosureItem, DisclosureRecord, Obligation
    from danvan.orgs.models import Kind
    from danvan.places.models import Area

    provinces, commissions, communes, states = organizations(
        Kind.STATE, lambda c: f"Ủy ban nhân dân {c.kind_name.lower()} {c.name}")
    laocai = Area.objects.get(source_key="2025:p15")
    started = time.perf_counter()
    first = generate(province=laocai, year=YEAR)
    one = time.perf_counter() - started
    started = time.perf_counter()
    for p in provinces:
        if p.pk != laocai.pk:
            generate(province=p, year=YEAR)
    nation = time.perf_counter() - started + one
    print(f"obligations generated for Lào Cai ({first['communes']} communes, {first['created']:,} obligations): "
          f"{one:.2f} s; for the nation ({len(communes):,} communes): {nation:.1f} s")
    items = {i.pk: i for i in DisclosureItem.objects.all()}
    project = next(i for i in items.values() if i.number == 3)
    by_area = {o.area_id: o for o in states}
    docs = []
    for c in communes:
        for n in range(DOCUMENTS_PER_COMMUNE):
            issued = datetime.date(YEAR, 1 + (n * 4 + c.pk) % 12, 1 + c.pk % 27)
            docs.append(Obligation(organization=by_area[c.pk], area=c, item=project, year=YEAR,
                                   period_key=f"vb:{n + 1}/QĐ-UBND:{issued:%Y-%m-%d}", basis_date=issued,
                                   due_on=due_date(project, issued), document_number=f"{n + 1}/QĐ-UBND"))
    Obligation.objects.bulk_create(docs, batch_size=2000)
    records = []
    for ob in Obligation.objects.unscoped("benchmark").filter(year=YEAR).iterator(chunk_size=5000):
        item = items[ob.item_id]
        fate = rng.random()
        if fate > 0.95:
            continue
        late = fate > 0.85
        for channel in item.channels:
            posted = ob.basis_date + datetime.timedelta(days=rng.randint(1, 14) + (item.deadline_days if late else 0))
            records.append(DisclosureRecord(obligation_id=ob.pk, channel=channel, posted_on=posted,
                                            taken_down_on=posted + datetime.timedelta(days=35)
                                            if channel in POSTING_CHANNELS else None,
                                            radio_days=3 if channel == "radio" else None))
        if len(records) >= 20000:
            DisclosureRecord.objects.bulk_create(records, batch_size=5000)
            records = []
    DisclosureRecord.objects.bulk_create(records, batch_size=5000)
    # A commune posts most items again at the villages' cultural houses (one more record on the office
    # channel a few days later), up to the year's 150,000 records.
    made = DisclosureRecord.objects.unscoped("benchmark").count()
    published = list(DisclosureRecord.objects.unscoped("benchmark").filter(channel="office").values_list(
        "obligation_id", "posted_on", "taken_down_on"))
    extra = []
    for ob_id, posted, down in rng.choices(published, k=max(0, TARGET_RECORDS - made)):
        again = posted + datetime.timedelta(days=rng.randint(1, 5))
        extra.append(DisclosureRecord(obligation_id=ob_id, channel="office", posted_on=again,
                                      taken_down_on=down and max(down, again), note="Niêm yết tại nhà văn hóa thôn"))
    DisclosureRecord.objects.bulk_create(extra, batch_size=5000)
    total = Obligation.objects.unscoped("benchmark").count()
    print(f"data: {total:,} obligations, {DisclosureRecord.objects.unscoped('benchmark').count():,} records "
          f"(target 46,000 / {TARGET_RECORDS:,})")
    return officer("bench.laocai", next(c for c in commissions if c.area_id == laocai.pk), "Bench Lào Cai"), laocai


def publish_models(rng, n=2000):
    from django.utils import timezone

    from danvan.core.text import folded_key
    from danvan.democracy.models import PortalEntry
    from danvan.places.models import Area

    communes = list(Area.objects.current().filter(level="commune").select_related("parent")[:3000])
    fields = ["economy", "culture_society", "defense_security", "party_building"]
    rows = []
    for i in range(n):
        c = communes[rng.randrange(len(communes))]
        title = f"Mô hình “Dân vận khéo” số {i} ở {c.kind_name.lower()} {c.name}"
        rows.append(PortalEntry(kind="model", source_key=f"bench{i}", area=c, province=c.parent, title=title,
                                summary="Vận động nhân dân hiến đất làm đường, góp ngày công.", field=fields[i % 4],
                                year=2021 + i % 5, published_at=timezone.now(), title_folded=folded_key(title),
                                data={"area": c.full_name, "level": "Cấp tỉnh", "field_label": "Kinh tế",
                                      "holder": f"Ủy ban MTTQ {c.name}"}))
    PortalEntry.objects.bulk_create(rows, batch_size=1000)


def run():
    url = fresh_database("democracy")
    setup(url)
    rng = random.Random(13)
    user, laocai = build(rng)
    publish_models(rng)
    print(f"database: {analyze()}")
    from danvan.democracy.queries.disclosures import board, province_table

    today = datetime.date(YEAR + 1, 3, 1)
    rows = province_table(user, laocai, year=YEAR, today=today)
    table = timed(lambda: province_table(user, laocai, year=YEAR, today=today), 20)
    n_obl = sum(r["total"] for r in rows)
    print(f"province compliance table (Lào Cai, {len(rows)} communes, {n_obl:,} obligations): median "
          f"{statistics.median(table):.1f} ms, p95 {p95(table):.1f} ms (target < 150 ms; ratio "
          f"{statistics.median(table) / 150:.2f})")
    commune = rows[0]["area"]
    boards = timed(lambda: board(user, commune, year=YEAR, quarter=2, today=today), 30)
    print(f"commune board (one quarter): median {statistics.median(boards):.1f} ms, p95 {p95(boards):.1f} ms "
          f"(target < 50 ms; ratio {statistics.median(boards) / 50:.2f})")
    portal_benchmark(url)


def portal_benchmark(url):
    from bench.server import serve

    with serve(env={"DATABASE_URL": url, "DJANGO_DEBUG": "0"}, kind="gunicorn", workers=1,
               probe="/cong-khai/mo-hinh/") as base:
        paths = ["/cong-khai/mo-hinh/", "/cong-khai/mo-hinh/?linh-vuc=economy", "/cong-khai/mo-hinh/?nam=2023",
                 "/cong-khai/mo-hinh/?trang=5", "/cong-khai/mo-hinh/?q=dan+van"]
        samples, errors = [], []
        lock = threading.Lock()

        def client(k):
            for i in range(15):
                started = time.perf_counter()
                try:
                    urllib.request.urlopen(base + paths[(k + i) % len(paths)], timeout=30).read()
                except OSError as exc:
                    errors.append(exc)
                    continue
                with lock:
                    samples.append((time.perf_counter() - started) * 1000)

        threads = [threading.Thread(target=client, args=(k,)) for k in range(20)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        print(f"portal showcase page, 20 concurrent anonymous clients × 15 requests, one gunicorn worker: "
              f"median {statistics.median(samples):.0f} ms, p95 {p95(samples):.0f} ms, {len(samples) / wall:.0f} "
              f"requests/s, {len(errors)} errors (target p95 < 200 ms; ratio {p95(samples) / 200:.2f})")


if __name__ == "__main__" and os.environ.get("DANVAN_BENCH_CHILD"):
    sys.path.insert(0, str(ROOT))
    run()
