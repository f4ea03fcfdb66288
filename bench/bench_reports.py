"""Reports at national scale on PostgreSQL: 34 provinces, 3,321 communes, 5 reporting organizations
per commune (plus each provincial commission), 12 months (07/2025-06/2026), 25 indicators: 193,602
reports and 4,840,050 values at full size.

Prints the roll-up of Hà Nội, of an average province (Lào Cai) and of the nation for one month and
for the derived periods (quarter, 6 months, 12 months to date; read from the roll-up aggregates)
beside the same roll-up over the raw values and the leanest hand-written SQL GROUP BY over the raw
values, with their ratio; every timed result is asserted equal to that GROUP BY. Beside each, what it
costs whatever the machine's load: SQL queries, PostgreSQL's shared buffers and execution time
(EXPLAIN ANALYZE BUFFERS). Then a user who sees part of the nation (Hà Nội's commission and one
commune's front): the mixed path (aggregates where they see all, raw values elsewhere) against the
raw path. Then the price on the write side (one
submission, one approval, a return, 300 approvals and 300 submissions in one transaction, a full
rebuild of the aggregates, the check command), completeness, and the DOCX export of a 10-page report.

Uses its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/danvan_bench),
created when missing; the data set is generated once (BENCH_REBUILD=1 to regenerate; about 4 minutes
at full size on 2 cores). BENCH_COMMUNES=N limits the communes for a smaller data set (e.g. 300: about
18,000 reports); the figures say which size they were measured on. BENCH_PARTS (default
"rebuild,read,write,other") runs only some parts.
"""

import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/danvan_bench"
KINDS = ["party_building_commission", "fatherland_front", "farmers", "women", "youth"]
MONTHS = [(2025, m) for m in range(7, 13)] + [(2026, m) for m in range(1, 7)]


def main() -> None:
    """Run the benchmark in a child process, so that its database settings do not mix with others'."""
    env = {**os.environ, "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
           "DJANGO_SETTINGS_MODULE": "danvan.settings"}
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child"], env=env, check=False, cwd=ROOT)


def _ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[-1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _timed(func, runs=5):
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def _generate(limit: int | None) -> dict:
    import random

    from django.db import connection

    from danvan.core.text import fold, sort_key
    from danvan.orgs.domain.organizations import rebuild_reach
    from danvan.places.domain.units import load_units
    from danvan.places.models import Area
    from danvan.reports.domain.default_form import INDICATORS
    from danvan.reports.domain.periods import get_period
    from danvan.reports.models import Form, FormVersion, Indicator, Section

    started = time.perf_counter()
    if not Area.objects.filter(source_key="2025:p15").exists():
        load_units()
    with connection.cursor() as cur:
        cur.execute("TRUNCATE reports_reportvalue, reports_reportnarrative, reports_reportevent, core_notification,"
                    " reports_report, orgs_organizationreach, orgs_membership, orgs_organization CASCADE")
    Form.objects.filter(code="bench").delete()
    form = Form.objects.create(code="bench", name="Báo cáo công tác dân vận (bench)", period_kinds=["month", "year"],
                               applies_to_kinds=KINDS + ["mobilization_commission"], deadline_days=5)
    version = FormVersion.objects.create(form=form, number=1)
    section = Section.objects.create(version=version, code="ALL", title="Số liệu", order=1)
    indicators = Indicator.objects.bulk_create([
        Indicator(version=version, section=section, code=code, name=name, unit=unit, value_type=vt, aggregation=agg,
                  order=i) for i, (_s, code, name, unit, vt, agg, *_rest) in enumerate(INDICATORS[:25])])
    provinces = list(Area.objects.filter(level="province", valid_to__isnull=True).order_by("code"))
    communes = list(Area.objects.filter(level="commune", valid_to__isnull=True).order_by("code"))[:limit]
    rows = []
    for p in provinces:
        rows.append((f"Ban Tuyên giáo và Dân vận Tỉnh ủy {p.name}", "mobilization_commission", p.id))
    for c in communes:
        for kind in KINDS:
            rows.append((f"{kind} {c.kind_name} {c.name} {c.code}", kind, c.id))
    with connection.cursor() as cur:
        cur.execute("SELECT COALESCE(MAX(id), 0) FROM orgs_organization")
        base = cur.fetchone()[0] + 1
        with cur.copy("COPY orgs_organization (id, name, short_name, kind, area_id, email, phone, address, name_folded,"
                      " name_sort, version, created_at, updated_at) FROM STDIN") as copy:
            for i, (name, kind, area) in enumerate(rows):
                copy.write_row((base + i, name, "", kind, area, "", "", "", fold(name), sort_key(name), 1,
                                "2025-07-01", "2025-07-01"))
        cur.execute("SELECT setval(pg_get_serial_sequence('orgs_organization', 'id'), %s)", [base + len(rows)])
    rebuild_reach()
    periods = [get_period("month", y, m) for y, m in MONTHS]
    rng = random.Random(5)
    with connection.cursor() as cur:
        cur.execute("SELECT COALESCE(MAX(id), 0) FROM reports_report")
        rbase = cur.fetchone()[0] + 1
        rid = rbase
        org_ids = list(range(base, base + len(rows)))
        with cur.copy("COPY reports_report (id, form_version_id, form_id, period_id, organization_id, status,"
                      " is_compiled, submitted_at, returned_reason, number_line, signer_name, signer_title, version,"
                      " created_at, updated_at) FROM STDIN") as copy:
            for period in periods:
                for org in org_ids:
                    if rng.random() < 0.03:
                        continue
                    day = period.end.toordinal() + rng.choice([2, 3, 4, 5, 6, 8])
                    copy.write_row((rid, version.id, form.id, period.id, org, "approved", False,
                                    f"{dt.date.fromordinal(day).isoformat()} 09:00:00+07", "", "", "", "", 1,
                                    "2025-07-01", "2025-07-01"))
                    rid += 1
        cur.execute("SELECT setval(pg_get_serial_sequence('reports_report', 'id'), %s)", [rid])
        ind_ids = [i.id for i in indicators]
        with cur.copy("COPY reports_reportvalue (report_id, indicator_id, value, text) FROM STDIN") as copy:
            for report_id in range(rbase, rid):
                for ind in ind_ids:
                    copy.write_row((report_id, ind, rng.randint(0, 200), ""))
    # VACUUM, not only ANALYZE: the visibility map lets the covering indexes answer without the table
    # (autovacuum may be off or not yet run after a bulk COPY).
    with connection.cursor() as cur:
        cur.execute("VACUUM (ANALYZE)")
    return {"orgs": len(rows), "reports": rid - rbase, "values": (rid - rbase) * 25,
            "seconds": time.perf_counter() - started}


# The leanest SQL over the raw values for several months: one GROUP BY (month, code), the reports
# joined to the area closure only when an area is asked for; the combination across months in Python.
HAND_MONTHS = """
SELECT r.period_id, i.code, SUM(v.value), COUNT(v.value), MAX(v.value)
FROM reports_reportvalue v
JOIN reports_report r ON r.id = v.report_id
JOIN reports_indicator i ON i.id = v.indicator_id
{area_join}
WHERE r.form_id = %s AND r.period_id = ANY(%s) AND r.status IN ('submitted', 'approved') AND NOT r.is_compiled
  AND v.value IS NOT NULL
GROUP BY r.period_id, i.code
"""
HAND_MONTHS_COUNT = """
SELECT r.period_id, COUNT(*) FROM reports_report r {area_join}
WHERE r.form_id = %s AND r.period_id = ANY(%s) AND r.status IN ('submitted', 'approved') AND NOT r.is_compiled
GROUP BY r.period_id
"""
AREA_JOIN = ("JOIN orgs_organization o ON o.id = r.organization_id "
             "JOIN places_areareach ar ON ar.descendant_id = o.area_id AND ar.ancestor_id = %s")


def _hand_months(form, months, area):
    """(rows by month and code, reports by month) from the raw values."""
    from django.db import connection

    join = AREA_JOIN if area else ""
    params = ([area.id] if area else []) + [form.id, [m.id for m in months]]
    with connection.cursor() as cur:
        cur.execute(HAND_MONTHS.format(area_join=join), params)
        rows = cur.fetchall()
        cur.execute(HAND_MONTHS_COUNT.format(area_join=join), params)
        return rows, dict(cur.fetchall())


def _expected(form, months, hand) -> tuple[int, dict]:
    """What the roll-up must answer, from the hand GROUP BY: sum, mean over every value, max, and for
    "latest" the sum of the last month with reports."""
    from decimal import Decimal

    from danvan.reports.queries.rollup import _pick

    rows, counts = hand
    aggs = dict(form.current_version().indicators.values_list("code", "aggregation"))
    start = {m.id: m.start for m in months}
    last = max((p for p, n in counts.items() if n), key=start.__getitem__)
    combined = {}
    for period_id, code, total, n, top in rows:
        cell = combined.setdefault(code, [Decimal(0), 0, None, None])
        cell[0] += total
        cell[1] += n
        cell[2] = top if cell[2] is None else max(cell[2], top)
        if period_id == last:
            cell[3] = total
    values = {}
    for code, (total, n, top, last_total) in combined.items():
        row = {"total": last_total if aggs[code] == "latest" else total, "mean": total / n, "top": top}
        if aggs[code] != "latest" or last_total is not None:
            values[code] = _pick(aggs[code], row)
    return sum(counts.values()), {k: v for k, v in values.items() if v is not None}


def _cost(func) -> str:
    """What one call costs, independent of the machine's load: its SQL queries, and the shared buffers
    (pages hit + read) and the execution time PostgreSQL reports for them (EXPLAIN ANALYZE BUFFERS)."""
    import json

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        func()
    buffers, executing = 0, 0.0
    with connection.cursor() as cur:
        for query in captured.captured_queries:
            if not query["sql"].lstrip().upper().startswith("SELECT"):
                continue
            cur.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query["sql"])
            plan = cur.fetchone()[0]
            plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]
            buffers += plan["Plan"].get("Shared Hit Blocks", 0) + plan["Plan"].get("Shared Read Blocks", 0)
            executing += plan.get("Execution Time", 0.0)
    return f"{len(captured)} q, {buffers:,} buf, {executing:.1f} ms in PG"


def _table(form, root, leader, province, other, partial_user):
    """The issue's table: derived periods, provinces and nation, aggregates vs raw vs hand SQL; then a
    user who sees part of the nation (the mixed path)."""
    from danvan.reports.domain.periods import get_period
    from danvan.reports.queries.rollup import covered_cells, rollup
    from danvan.reports.rules.periods import months_of

    print("| scope | period | values | roll-up (aggregates) | roll-up over the raw values | leanest hand SQL | "
          "ratio aggregates / hand SQL | target | cost (aggregates) | cost (raw) |")
    print("|---|---|---:|---:|---:|---:|---:|---|---|---|")
    cases = [(leader, province, ("month", 2026, 3), 100), (root, None, ("month", 2026, 3), None),
             (leader, province, ("quarter", 2026, 1), None), (leader, province, ("rolling_12", 2026, 6), 30),
             (root, other, ("rolling_12", 2026, 6), 30),
             (root, None, ("quarter", 2026, 1), None), (root, None, ("half", 2026, 1), None),
             (root, None, ("rolling_12", 2026, 6), 150)]
    for user, area, (kind, year, index), target in cases:
        period = get_period(kind, year, index)
        months = [period] if kind == "month" else list(months_of(period))
        runs = 3 if area is None else 5
        hms, hand = _timed(partial(_hand_months, form, months, area), runs=runs)
        count, expected = _expected(form, months, hand)
        ms, res = _timed(partial(rollup, user, form=form, period=period, area=area), runs=runs)
        rms, raw = _timed(partial(rollup, user, form=form, period=period, area=area, raw=True), runs=runs)
        for result in (res, raw):
            assert (result.reports, result.values) == (count, expected), f"roll-up differs from SQL: {period.label}"
        values = sum(n for _p, _c, _t, n, _m in hand[0])
        scope = area.full_name if area else "nation"
        goal = f"< {target} ms; ratio <= 0.2" if target == 150 else (f"< {target} ms" if target else "")
        print(f"| {scope} | {period.label} | {values:,} | {ms:.1f} ms | {rms:.1f} ms | {hms:.1f} ms | "
              f"{ms / hms:.3f} | {goal} | {_cost(partial(rollup, user, form=form, period=period, area=area))} | "
              f"{_cost(partial(rollup, user, form=form, period=period, area=area, raw=True))} |", flush=True)
    # a user who sees Hà Nội entirely and one commune's front elsewhere, asking for the nation
    cells = covered_cells(partial_user, None)
    for kind, year, index in (("month", 2026, 3), ("rolling_12", 2026, 6)):
        period = get_period(kind, year, index)
        ms, res = _timed(partial(rollup, partial_user, form=form, period=period), runs=3)
        rms, raw = _timed(partial(rollup, partial_user, form=form, period=period, raw=True), runs=3)
        assert (res.reports, res.values) == (raw.reports, raw.values), f"mixed roll-up differs: {period.label}"
        print(f"partial user (Hà Nội's commission and one commune's front; {len(cells)} area covered), nation, "
              f"{period.label}, {res.reports:,} reports: {ms:.1f} ms mixed (aggregates where covered, raw values "
              f"elsewhere; {_cost(partial(rollup, partial_user, form=form, period=period))}), {rms:.1f} ms over "
              f"the raw values ({_cost(partial(rollup, partial_user, form=form, period=period, raw=True))}); "
              f"equal", flush=True)


def _write_side(form, root, province):
    """The price of keeping the aggregates: the domain actions timed with and without their upkeep."""
    from django.db import connection, transaction

    from danvan.orgs.models import Organization
    from danvan.reports.domain import reports as actions
    from danvan.reports.domain import rollups
    from danvan.reports.domain.periods import get_period
    from danvan.reports.models import Report, ReportValue

    period = get_period("month", 2026, 7)  # outside the measured months
    with connection.cursor() as cur:  # start clean: drop this month's reports from an earlier run
        ids = list(Report.objects.unscoped("benchmark").filter(form=form, period=period).values_list("id", flat=True))
        if ids:
            cur.execute("DELETE FROM reports_reportvalue WHERE report_id = ANY(%s)", [ids])
            cur.execute("DELETE FROM reports_reportevent WHERE report_id = ANY(%s)", [ids])
            cur.execute("DELETE FROM reports_reportnarrative WHERE report_id = ANY(%s)", [ids])
            cur.execute("DELETE FROM core_auditevent WHERE object_id = ANY(%s)", [[str(i) for i in ids]])
            cur.execute("DELETE FROM reports_report WHERE id = ANY(%s)", [ids])
    rollups.repair(form, [period])
    orgs = list(Organization.objects.filter(area__reach_up__ancestor=province).exclude(kind="mobilization_commission")
                .order_by("id")[:700])
    codes = list(form.current_version().indicators.values_list("code", flat=True))
    drafts = []
    for i, org in enumerate(orgs):
        report = actions.create_report(actor=root, form=form, period=period, organization=org)
        ReportValue.objects.bulk_create([ReportValue(report=report, indicator=ind, value=(i * 7 + k) % 200)
                                         for k, ind in enumerate(form.current_version().indicators.all())])
        drafts.append(report)
    assert len(codes) == 25

    def per_call(func, reports):
        times = []
        for report in reports:
            started = time.perf_counter()
            func(report)
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    def without_upkeep(func):
        saved = (rollups.count_in, rollups.count_out)
        rollups.count_in = rollups.count_out = lambda ids: None
        try:
            return func()
        finally:
            rollups.count_in, rollups.count_out = saved

    submit = lambda r: actions.submit_report(r, actor=root)  # noqa: E731
    approve = lambda r: actions.approve_report(r, actor=root)  # noqa: E731
    ret = lambda r: actions.return_report(r, actor=root, reason="Kiểm tra lại")  # noqa: E731
    with_s = per_call(submit, drafts[0:40])
    bare_s = without_upkeep(lambda: per_call(submit, drafts[40:80]))
    with_a = per_call(approve, drafts[0:40])
    bare_a = without_upkeep(lambda: per_call(approve, drafts[40:80]))
    # returns: submitted (counted) reports leave the aggregates, some taking a cell's largest value
    for report in drafts[80:160]:
        actions.submit_report(report, actor=root)
    with_r = per_call(ret, drafts[80:120])
    bare_r = without_upkeep(lambda: per_call(ret, drafts[120:160]))
    print(f"submitting one report: {with_s:.1f} ms, of which keeping the aggregates {with_s - bare_s:.1f} ms "
          f"(target < 20 ms)")
    print(f"approving one report: {with_a:.1f} ms, of which keeping the aggregates {with_a - bare_a:.1f} ms "
          f"(a submitted report already counts; target < 20 ms)")
    print(f"returning one report: {with_r:.1f} ms, of which keeping the aggregates {with_r - bare_r:.1f} ms "
          f"(a cell that loses its largest value is recomputed from the raw values)")
    rollups.repair(form, [period])  # the runs without upkeep left this month's aggregates behind
    # the upkeep alone, timed directly: count_in of one submitted report (rolled back each time)
    ins, outs = [], []
    for report in drafts[0:30]:
        with transaction.atomic():
            started = time.perf_counter()
            rollups.count_out([report.pk])
            outs.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            rollups.count_in([report.pk])
            ins.append((time.perf_counter() - started) * 1000)
            transaction.set_rollback(True)
    print(f"keeping the aggregates alone, one report: count_in median {statistics.median(ins):.1f} ms "
          f"(min {min(ins):.1f}), count_out median {statistics.median(outs):.1f} ms (min {min(outs):.1f})")
    bulk_submit, bulk_approve = drafts[160:460], drafts[160:460]
    started = time.perf_counter()
    with transaction.atomic(), rollups.deferred():
        for report in bulk_submit:
            actions.submit_report(report, actor=root)
    sms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    actions.approve_reports(bulk_approve, actor=root)
    ams = (time.perf_counter() - started) * 1000
    print(f"approving {len(bulk_approve)} reports in one bulk action (approve_reports): {ams:.0f} ms "
          f"(target < 5000 ms); submitting {len(bulk_submit)} in one transaction: {sms:.0f} ms")
    result = rollups.check(form, [period])
    assert result.differences == [], result.differences[:5]


def child() -> None:
    import django

    url = os.environ["DATABASE_URL"]
    _ensure_database(url)
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrate_s = time.perf_counter() - started
    from danvan.core.models import User
    from danvan.orgs.models import Membership, Organization
    from danvan.places.models import Area
    from danvan.reports.models import Form, Period, Report

    limit = int(os.environ["BENCH_COMMUNES"]) if os.environ.get("BENCH_COMMUNES") else None
    form = Form.objects.filter(code="bench").first()
    if os.environ.get("BENCH_REBUILD") or form is None or not Report.objects.unscoped("benchmark").filter(form=form).exists():
        info = _generate(limit)
        print(f"generated: {info['orgs']:,} organizations, {info['reports']:,} reports, {info['values']:,} values "
              f"in {info['seconds']:.0f} s", flush=True)
        form = Form.objects.get(code="bench")
    else:
        measured = Report.objects.unscoped("benchmark").filter(form=form, period__start__lt="2026-07-01").count()
        print(f"data set: {measured:,} reports (BENCH_REBUILD=1 to regenerate; "
              f"migrate {migrate_s:.1f} s)")

    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    parts = set(os.environ.get("BENCH_PARTS", "rebuild,read,write,other").split(","))
    if "rebuild" in parts:
        _rebuild(form)
    province = Area.objects.get(source_key="2025:p01")  # Hà Nội, the largest
    commission = Organization.objects.get(kind="mobilization_commission", area=province)
    leader = User.objects.filter(username="bench.leader").first() or User.objects.create(username="bench.leader")
    Membership.objects.get_or_create(user=leader, organization=commission, defaults={"role": "leader"})
    root = User.objects.filter(username="bench.root").first() or User.objects.create(
        username="bench.root", is_superuser=True, is_staff=True)
    period = Period.objects.get(kind="month", start="2026-03-01")
    other = Area.objects.get(source_key="2025:p15")  # Lào Cai, a province of average size
    partial_user = User.objects.filter(username="bench.partial").first() or User.objects.create(
        username="bench.partial")
    Membership.objects.get_or_create(user=partial_user, organization=commission, defaults={"role": "officer"})
    front = Organization.objects.filter(kind="fatherland_front", area__reach_up__ancestor=other).order_by("id").first()
    Membership.objects.get_or_create(user=partial_user, organization=front, defaults={"role": "officer"})
    if "read" in parts:
        _read(form, period, root, leader, province, other, partial_user)
    if "write" in parts:
        _write_side(form, root, province)
    if "other" in parts:
        _other(form, period, root, leader, province, commission)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


def _rebuild(form):
    from django.db import connection

    from danvan.reports.domain import rollups

    started = time.perf_counter()
    cells = rollups.repair(form)
    rebuild_s = time.perf_counter() - started
    with connection.cursor() as cur:
        cur.execute("VACUUM (ANALYZE) reports_rollupcell, reports_rollupcount")
    print(f"full rebuild of the roll-up aggregates ({cells:,} cells): {rebuild_s:.1f} s", flush=True)
    started = time.perf_counter()
    check = rollups.check(form)
    print(f"check of every aggregate against the raw values ({check.rows:,} rows, {len(check.differences)} "
          f"differences): {time.perf_counter() - started:.1f} s", flush=True)
    assert not check.differences


def _read(form, period, root, leader, province, other, partial_user):
    _table(form, root, leader, province, other, partial_user)


def _other(form, period, root, leader, province, commission):
    from danvan.reports.queries.completeness import completeness

    ms, c = _timed(lambda: completeness(root, form=form, period=period, area=None), runs=3)
    print(f"completeness, nation ({c.expected:,} expected, {c.received:,} received, {c.missing:,} missing): "
          f"{ms:.1f} ms")
    ms, c = _timed(lambda: completeness(leader, form=form, period=period, area=province, by_child=True), runs=3)
    print(f"completeness, one province by commune ({len(c.children)} rows): {ms:.1f} ms")
    _export(form, period, commission, leader)


def _export(form, period, commission, leader):
    try:
        import danvan.documents.rendering  # noqa: F401
    except ImportError:
        print("DOCX export of a 10-page report: skipped (danvan.documents is not installed in this checkout)")
        return
    from danvan.reports.interfaces.exporters import report_docx
    from danvan.reports.models import Report, ReportNarrative
    from tests.reading import docx_text

    report = Report.objects.unscoped("benchmark").filter(form=form, period=period, organization=commission).first()
    if report is None:
        report = Report.objects.create(form_version=form.current_version(), form=form, period=period,
                                       organization=commission)
    text = ("<p>Các cấp ủy, chính quyền tiếp tục quán triệt, triển khai thực hiện nghiêm túc các chủ trương của "
            "Đảng về công tác dân vận; phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội "
            "trong việc tập hợp, vận động Nhân dân thực hiện các phong trào thi đua yêu nước.</p>") * 90
    ReportNarrative.objects.unscoped("benchmark").update_or_create(report=report, section=form.current_version().sections.first(),
                                             defaults={"html": text})
    ms, data = _timed(lambda: report_docx(report, actor=leader)[0], runs=3)
    pages_words = len(docx_text(data).split())
    print(f"DOCX export of a ~10-page report ({pages_words:,} words): {ms:.0f} ms (target < 2000 ms)")


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        main()
