"""Reports at national scale on PostgreSQL: 34 provinces, 3,321 communes, 5 reporting organizations
per commune (plus each provincial commission), 12 months, 25 indicators: about 5 million values.

Prints the roll-up of one province and of the nation (the module's ORM query) beside a hand-written
SQL GROUP BY over the same rows, their ratio, completeness for the nation, and the DOCX export of a
10-page report. Uses its own database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/danvan_bench), created when missing; the data set is generated
once (BENCH_REBUILD=1 to regenerate). BENCH_COMMUNES=N limits the communes for a smaller run.
"""

import datetime as dt
import os
import statistics
import subprocess
import sys
import time
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
        cur.execute("TRUNCATE reports_reportvalue, reports_reportnarrative, reports_reportevent, reports_notification,"
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


HAND_SQL = """
SELECT i.code, SUM(v.value), AVG(v.value), MAX(v.value)
FROM reports_reportvalue v
JOIN reports_report r ON r.id = v.report_id
JOIN reports_indicator i ON i.id = v.indicator_id
JOIN orgs_organization o ON o.id = r.organization_id
{area_join}
WHERE r.form_id = %s AND r.period_id = %s AND r.status IN ('submitted', 'approved') AND NOT r.is_compiled
  AND v.value IS NOT NULL
GROUP BY i.code
"""
HAND_COUNT = """
SELECT COUNT(*) FROM reports_report r JOIN orgs_organization o ON o.id = r.organization_id {area_join}
WHERE r.form_id = %s AND r.period_id = %s AND r.status IN ('submitted', 'approved') AND NOT r.is_compiled
"""


def _hand(form, period, area):
    from django.db import connection

    join = "JOIN places_areareach ar ON ar.descendant_id = o.area_id AND ar.ancestor_id = %s" if area else ""
    params = ([area.id] if area else []) + [form.id, period.id]
    with connection.cursor() as cur:
        cur.execute(HAND_SQL.format(area_join=join), params)
        rows = cur.fetchall()
        cur.execute(HAND_COUNT.format(area_join=join), params)
        return {code: total for code, total, _avg, _max in rows}, cur.fetchone()[0]


def child() -> None:
    import django

    url = os.environ["DATABASE_URL"]
    _ensure_database(url)
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from danvan.core.models import User
    from danvan.orgs.models import Membership, Organization
    from danvan.places.models import Area
    from danvan.reports.models import Form, Period, Report
    from danvan.reports.queries.completeness import completeness
    from danvan.reports.queries.rollup import rollup

    limit = int(os.environ["BENCH_COMMUNES"]) if os.environ.get("BENCH_COMMUNES") else None
    form = Form.objects.filter(code="bench").first()
    if os.environ.get("BENCH_REBUILD") or form is None or not Report.objects.unscoped("benchmark").filter(form=form).exists():
        info = _generate(limit)
        print(f"generated: {info['orgs']:,} organizations, {info['reports']:,} reports, {info['values']:,} values "
              f"in {info['seconds']:.0f} s", flush=True)
        form = Form.objects.get(code="bench")
    else:
        print(f"data set: {Report.objects.unscoped("benchmark").filter(form=form).count():,} reports (BENCH_REBUILD=1 to regenerate)")
    period = Period.objects.get(kind="month", start="2026-03-01")
    province = Area.objects.get(source_key="2025:p01")  # Hà Nội, the largest
    commission = Organization.objects.get(kind="mobilization_commission", area=province)
    leader = User.objects.filter(username="bench.leader").first() or User.objects.create(username="bench.leader")
    Membership.objects.get_or_create(user=leader, organization=commission, defaults={"role": "leader"})
    root = User.objects.filter(username="bench.root").first() or User.objects.create(
        username="bench.root", is_superuser=True, is_staff=True)

    ms, res = _timed(lambda: rollup(leader, form=form, period=period, area=province))
    hms, (hand, hcount) = _timed(lambda: _hand(form, period, province))
    sums = set(form.current_version().indicators.filter(aggregation__in=["sum", "latest"]).values_list("code", flat=True))
    assert res.reports == hcount and all(res.values[c] == hand[c] for c in sums), "roll-up differs from SQL"
    print(f"roll-up one province ({province.full_name}, {res.reports:,} reports, one month): {ms:.1f} ms "
          f"(target < 100 ms)")
    print(f"hand-written SQL GROUP BY, same province: {hms:.1f} ms; ratio {ms / hms:.2f} (target <= 1.5)")
    ms, res = _timed(lambda: rollup(root, form=form, period=period), runs=3)
    hms, (hand, hcount) = _timed(lambda: _hand(form, period, None), runs=3)
    assert res.reports == hcount
    print(f"roll-up the nation ({res.reports:,} reports, {res.reports * 25:,} values): {ms:.1f} ms (target < 1000 ms)")
    print(f"hand-written SQL GROUP BY, nation: {hms:.1f} ms; ratio {ms / hms:.2f} (target <= 1.5)")
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
    from danvan.documents.reading import docx_text
    from danvan.reports.interfaces.exporters import report_docx
    from danvan.reports.models import Report, ReportNarrative

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
