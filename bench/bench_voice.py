"""Voice benchmarks (issue 11): a province's petition register with 13,000 petitions a year over 5
years — the list filtered by overdue (p95 < 150 ms) and the counts by kind × state (< 100 ms) — and the
ledger of promises of a province (< 150 ms).

Uses its own database (bench/out/voice.sqlite3, or BENCH_DATABASE_URL). Rows are bulk-inserted (the
domain actions are tested elsewhere); the figures are read through the same queries as the pages."""

import datetime
import os
import random
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PER_YEAR, YEARS = 13_000, 5


def setup_django() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{OUT / 'voice.sqlite3'}"
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _timed(fn, runs=30):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[int(len(times) * 0.95) - 1], statistics.median(times)


def main() -> None:
    setup_django()
    from bench.bench_meetings import geography
    from danvan.meetings.models import Conclusion, FollowUpTask, Meeting, Person, TaskAssignment
    from danvan.orgs.domain.organizations import rebuild_reach
    from danvan.orgs.models import Kind, Organization, Role
    from danvan.voice.models import Dialogue, Opinion, Petition
    from danvan.voice.queries.dialogues import ledger
    from danvan.voice.queries.petitions import ByKeys, counts_by_kind_and_state, filter_petitions
    from tests.factories import member

    province = geography()
    rng = random.Random(11)
    party = Organization.objects.create(name="Tỉnh ủy số 1", kind=Kind.PARTY_COMMITTEE, area=province)
    communes = list(province.children.all())
    orgs = [Organization(name=f"Ban Xây dựng Đảng xã {c.name}", kind=Kind.PARTY_BUILDING_COMMISSION, area=c,
                         parent=party) for c in communes]
    for o in orgs:
        o.fill_derived()
    orgs = Organization.objects.bulk_create(orgs)
    rebuild_reach()
    leader = member(party, Role.LEADER, username="bench_leader")
    today = datetime.date(2026, 12, 1)
    kinds = ["complaint"] * 4 + ["denunciation"] * 2 + ["recommendation"] * 3 + ["reflection"] * 2 + ["mixed"]
    states = ["closed"] * 14 + ["accepted"] * 2 + ["verification", "received", "classified", "decided"]
    start = time.perf_counter()
    rows = []
    for n in range(PER_YEAR * YEARS):
        org = orgs[n % len(orgs)]
        received = today - datetime.timedelta(days=rng.randrange(0, 365 * YEARS))
        state = rng.choice(states)
        accepted = received + datetime.timedelta(days=5) if state not in ("received", "classified") else None
        rows.append(Petition(organization=org, code=f"B-{n}", received_on=received, kind=rng.choice(kinds),
                             subject="Đơn số " + str(n), subject_folded=f"don so {n}", area_id=org.area_id,
                             state=state, accepted_on=accepted, complexity=rng.choice(["normal"] * 3 + ["complex"]),
                             remote=n % 7 == 0, resolved_on=accepted + datetime.timedelta(days=25)
                             if state in ("closed", "decided") else None))
    Petition.objects.bulk_create(rows, batch_size=2000)
    person = Person.objects.create(full_name="Bí thư Tỉnh ủy")
    meetings = Meeting.objects.bulk_create([Meeting(kind="doi_thoai", title=f"Đối thoại {i}", organization=org,
                                                    starts_at=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))
                                            for i, org in enumerate(orgs)])
    dialogues = Dialogue.objects.bulk_create([Dialogue(meeting=m, organization_id=m.organization_id,
                                                       held_on=datetime.date(2026, 3, 1)) for m in meetings])
    conclusions = Conclusion.objects.bulk_create([Conclusion(meeting=m, number=k + 1, text="Cam kết")
                                                  for m in meetings for k in range(20)])
    tasks = FollowUpTask.objects.bulk_create([
        FollowUpTask(conclusion=c, meeting_id=c.meeting_id, organization_id=meetings[i // 20].organization_id,
                     title="Cam kết", due_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 500),
                     status=rng.choice(["done", "done", "in_progress", "not_started"]),
                     completed_on=datetime.date(2026, 5, 1)) for i, c in enumerate(conclusions)])
    TaskAssignment.objects.bulk_create([TaskAssignment(task=t, organization_id=t.organization_id) for t in tasks])
    Opinion.objects.bulk_create([Opinion(organization_id=t.organization_id, dialogue=dialogues[i // 20], text="Ý kiến",
                                         outcome="commitment", task=t, leader=person, due_date=t.due_date)
                                 for i, t in enumerate(tasks)])
    from danvan.voice.domain.petitions import refresh_deadlines

    refresh_deadlines(rebuild_tallies=True)  # the caches the domain keeps at every step, after the bulk load
    from django.db import connection

    with connection.cursor() as cursor:  # VACUUM as well: the visibility map lets an index answer a count
        cursor.execute("VACUUM (ANALYZE)" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"database: {'PostgreSQL' if connection.vendor == 'postgresql' else 'SQLite'}")
    print(f"voice data: {len(rows):,} petitions, {len(tasks):,} commitments in {time.perf_counter() - start:.1f} s")

    def overdue_page():  # as the page reads it: the count, then a page of 50 (ids first, then the rows)
        rows = ByKeys(filter_petitions(leader, overdue=True, today=today))
        rows.count()
        rows[:50]

    p95, median = _timed(overdue_page)
    overdue = filter_petitions(leader, overdue=True, today=today).count()
    print(f"voice petitions overdue list (count + first 50 of {overdue:,}): p95 {p95:.0f} ms, median {median:.0f} ms "
          f"(target p95 < 150 ms; ratio {p95 / 150:.3f})")
    p95, median = _timed(lambda: counts_by_kind_and_state(leader, area=province))
    print(f"voice petitions kind × state counts: p95 {p95:.0f} ms, median {median:.0f} ms "
          f"(target < 100 ms; ratio {p95 / 100:.3f})")
    p95, median = _timed(lambda: ledger(leader, area=province, today=today))
    print(f"voice ledger of promises ({len(tasks):,}): p95 {p95:.0f} ms, median {median:.0f} ms "
          f"(target < 150 ms; ratio {p95 / 150:.3f})")
