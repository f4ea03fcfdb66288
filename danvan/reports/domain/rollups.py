"""Roll-up aggregates: kept in the same transaction as every change to what a roll-up counts, and
checked (and repaired) against the raw values.

What they hold (the invariant; docs/reports.md "Roll-up aggregates"): for every area A of level
province or district (current or legacy) and for the nation (``NATION``), every form, period and
organization kind, ``RollupCell`` (A, form, period, kind, code) holds the SUM (``total``), COUNT
(``n``) and MAX (``top``) of the values of indicator ``code`` (any version of the form; empty and text
values left out) of the *counted* reports (submitted or approved, not compiled) of that form and
period whose organization has that kind and an area in ``AreaReach(ancestor=A)``; ``RollupCount``
holds the number of those reports. A row with ``n`` (``reports``) 0 means the same as no row.

Who keeps it: the domain actions that make a report counted or not (``submit_report`` → ``count_in``;
``return_report``, ``reopen_report`` → ``count_out``; ``approve_report`` changes nothing: a submitted
report already counts), ``save_report`` on a counted report (``recounting``), ``update_organization``
when an organization's area or kind changes (``move_organization``). Each adds or subtracts its
deltas with ``INSERT … ON CONFLICT DO UPDATE SET total = total + delta`` (PostgreSQL and SQLite), in
key order (so two approvals never deadlock), so concurrent changes never lose an update. A removal
that takes away a cell's largest value recomputes that cell's ``top`` from the raw values, after the
row is locked by the subtraction (so a concurrent addition is either seen or applied after it).

``check`` compares them with the raw values (for a form and periods) and ``repair`` rebuilds them;
``manage.py check_rollups`` runs both.
"""

import contextlib
import contextvars
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction

from danvan.places.models import Area, AreaReach
from danvan.reports.models import (
    NATION,
    RECEIVED_STATUSES,
    Indicator,
    Report,
    ReportValue,
    RollupCell,
    RollupCount,
)
from danvan.reports.rules.cells import CELL_LEVELS

QUANTUM = Decimal("0.0001")  # values have 4 decimal places; SQLite sums them as floating point


# ---------------------------------------------------------------------------------------------------
# Keeping the aggregates (called by the domain actions, inside their transaction)

_pending: contextvars.ContextVar = contextvars.ContextVar("rollup_pending", default=None)


def count_in(report_ids) -> None:
    """Add the reports (which just became counted: submitted) to the aggregates.

    Effects: upserts ``RollupCount`` and ``RollupCell`` rows of every aggregate area above each report's
    organization (and the nation). Compiled reports are skipped (never counted). Inside ``deferred()``,
    at the end of that block instead."""
    _change(list(report_ids), +1)


def count_out(report_ids) -> None:
    """Take the reports (which just stopped being counted: returned, reopened) out of the aggregates.

    Effects: subtracts from the same rows as ``count_in``; recomputes from the raw values the ``top`` of
    every cell whose largest value left with them. Inside ``deferred()``, at the end of that block."""
    _change(list(report_ids), -1)


def _change(report_ids: list[int], sign: int) -> None:
    pending = _pending.get()
    if pending is None:
        _apply(report_ids, sign)
    else:
        for rid in report_ids:
            pending[rid] = pending.get(rid, 0) + sign


@contextlib.contextmanager
def deferred():
    """Within one transaction, a bulk action (approving or submitting hundreds of reports): the
    ``count_in``/``count_out`` of the block are netted per report and applied once, at its end, in two
    statements per table instead of two per report. Only status changes may be deferred: a report's
    values must not change in the block (``recounting`` applies what is pending first)."""
    if _pending.get() is not None:  # already deferring: the outer block applies
        yield
        return
    token = _pending.set({})
    try:
        yield
        _flush()
    finally:
        _pending.reset(token)


def _flush() -> None:
    pending = _pending.get()
    if pending:
        added = [rid for rid, n in pending.items() if n > 0]
        removed = [rid for rid, n in pending.items() if n < 0]
        pending.clear()
        _apply(removed, -1)
        _apply(added, +1)


@contextlib.contextmanager
def recounting(report):
    """Around a change of a counted report's values: its old values leave the aggregates before the
    block, its new ones enter after it. Nothing happens for a report that is not counted."""
    _flush()
    counted = report.status in RECEIVED_STATUSES and not report.is_compiled
    if counted:
        _apply([report.pk], -1)
    yield
    if counted:
        _apply([report.pk], +1)


def move_organization(organization, *, old_area_id: int, old_kind: str) -> None:
    """After ``organization``'s area or kind changed: its counted reports leave the rows of the old
    area and kind and enter those of the new ones.

    Effects: as ``count_out`` (with the old area and kind) then ``count_in``."""
    if organization.area_id == old_area_id and organization.kind == old_kind:
        return
    ids = list(Report.objects.unscoped("roll-up maintenance: the moved organization's counted reports")
               .filter(organization=organization, status__in=RECEIVED_STATUSES, is_compiled=False)
               .values_list("id", flat=True))
    if ids:
        _apply(ids, -1, area_id=old_area_id, kind=old_kind)
        _apply(ids, +1)


def _targets(area_ids) -> dict[int, list[int]]:
    """{an organization's area: the aggregate areas that count it (the nation first)}."""
    result = {area: [NATION] for area in area_ids}
    for leaf, ancestor in AreaReach.objects.filter(descendant_id__in=list(area_ids), ancestor__level__in=CELL_LEVELS
                                                   ).values_list("descendant_id", "ancestor_id"):
        result[leaf].append(ancestor)
    return result


def _apply(report_ids: list[int], sign: int, *, area_id: int | None = None, kind: str | None = None) -> None:
    if not report_ids:
        return
    if sign > 0 and area_id is None and kind is None:
        for start in range(0, len(report_ids), 500):
            _add(report_ids[start:start + 500])
        return
    reports = {}
    for start in range(0, len(report_ids), 2000):
        for rid, form, period, area, org_kind in Report.objects.unscoped("roll-up maintenance by report id").filter(
                pk__in=report_ids[start:start + 2000], is_compiled=False).values_list(
                "id", "form_id", "period_id", "organization__area_id", "organization__kind"):
            reports[rid] = (form, period, area if area_id is None else area_id, org_kind if kind is None else kind)
    if not reports:
        return
    targets = _targets({r[2] for r in reports.values()})
    counts: dict[tuple, int] = defaultdict(int)
    for form, period, area, org_kind in reports.values():
        for target in targets[area]:
            counts[(target, form, period, org_kind)] += sign
    cells: dict[tuple, list] = {}
    ids = list(reports)
    for start in range(0, len(ids), 2000):
        for rid, code, value in ReportValue.objects.unscoped("roll-up maintenance by report id").filter(
                report_id__in=ids[start:start + 2000],
                                                           value__isnull=False).values_list(
                "report_id", "indicator__code", "value"):
            form, period, area, org_kind = reports[rid]
            for target in targets[area]:
                cell = cells.get((target, form, period, org_kind, code))
                if cell is None:
                    cells[(target, form, period, org_kind, code)] = [value, 1, value]
                else:
                    cell[0] += value
                    cell[1] += 1
                    if value > cell[2]:
                        cell[2] = value
    _upsert(RollupCount, ["area", "form_id", "period_id", "kind"], ["reports"],
            [(*key, n) for key, n in sorted(counts.items())])
    _upsert(RollupCell, ["area", "form_id", "period_id", "kind", "code"], ["total", "n", "top"],
            [(*key, sign * total, sign * n, top if sign > 0 else None) for key, (total, n, top) in sorted(cells.items())])
    if sign < 0:
        _fix_tops({key: top for key, (_t, _n, top) in cells.items()})


def _add(report_ids: list[int]) -> None:
    """``count_in`` in three statements (the hot path: every submission): the aggregate areas above the
    reports' organizations (one indexed look-up of the closure), then for each table one GROUP BY over
    the reports' rows joined to those areas, inserted or added in key order."""
    pairs = set()
    for leaf, ancestor, level in AreaReach.objects.filter(
            descendant_id__in=Report.objects.filter(pk__in=report_ids).values("organization__area_id")
    ).values_list("descendant_id", "ancestor_id", "ancestor__level"):
        pairs.add((leaf, NATION))
        if level in CELL_LEVELS:
            pairs.add((leaf, ancestor))
    if not pairs:
        return
    t = _tables()
    targets = "WITH x (leaf, area) AS (VALUES " + ", ".join(["(CAST(%s AS BIGINT), CAST(%s AS BIGINT))"] * len(pairs)) + ") "
    pair_params = [value for pair in sorted(pairs) for value in pair]
    base = f"FROM {t['r']} r JOIN {t['o']} o ON o.id = r.organization_id JOIN x ON x.leaf = o.area_id "
    where = f"WHERE r.id IN ({', '.join(['%s'] * len(report_ids))}) AND r.is_compiled = %s "
    count_table, cell_table = RollupCount._meta.db_table, RollupCell._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"{targets}INSERT INTO {count_table} (area, form_id, period_id, kind, reports) "
            f"SELECT x.area, r.form_id, r.period_id, o.kind, COUNT(*) {base}{where}"
            f"GROUP BY x.area, r.form_id, r.period_id, o.kind ORDER BY 1, 2, 3, 4 "
            f"ON CONFLICT (area, form_id, period_id, kind) DO UPDATE SET reports = {count_table}.reports + "
            f"excluded.reports", [*pair_params, *report_ids, False])
        cursor.execute(
            f"{targets}INSERT INTO {cell_table} (area, form_id, period_id, kind, code, total, n, top) "
            f"SELECT x.area, r.form_id, r.period_id, o.kind, i.code, SUM(v.value), COUNT(v.value), MAX(v.value) "
            f"{base}JOIN {t['v']} v ON v.report_id = r.id JOIN {t['i']} i ON i.id = v.indicator_id "
            f"{where}AND v.value IS NOT NULL GROUP BY x.area, r.form_id, r.period_id, o.kind, i.code "
            f"ORDER BY 1, 2, 3, 4, 5 "
            f"ON CONFLICT (area, form_id, period_id, kind, code) DO UPDATE SET total = {cell_table}.total + "
            f"excluded.total, n = {cell_table}.n + excluded.n, top = CASE WHEN excluded.top IS NOT NULL AND "
            f"({cell_table}.top IS NULL OR excluded.top > {cell_table}.top) THEN excluded.top ELSE {cell_table}.top END",
            [*pair_params, *report_ids, False])


def _upsert(model, keys: list[str], fields: list[str], rows: list[tuple]) -> None:
    """Add ``rows`` (keys then deltas) to ``model``'s rows in one statement per batch: a missing row
    is inserted, an existing one incremented; ``top`` (if any) keeps the larger value."""
    if not rows:
        return
    table = model._meta.db_table
    qn = connection.ops.quote_name
    sets = []
    for name in fields:
        if name == "top":
            sets.append(f"top = CASE WHEN excluded.top IS NOT NULL AND ({table}.top IS NULL OR excluded.top > "
                        f"{table}.top) THEN excluded.top ELSE {table}.top END")
        else:
            sets.append(f"{qn(name)} = {table}.{qn(name)} + excluded.{qn(name)}")
    width = len(keys) + len(fields)
    placeholders = "(" + ", ".join(["%s"] * width) + ")"
    limit = connection.features.max_query_params or 8000
    per_batch = max(1, min(1000, limit // width))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_batch):
            batch = rows[start:start + per_batch]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(qn(c) for c in keys + fields)}) VALUES "
                + ", ".join([placeholders] * len(batch))
                + f" ON CONFLICT ({', '.join(qn(c) for c in keys)}) DO UPDATE SET {', '.join(sets)}",
                [value for row in batch for value in row])


def _fix_tops(removed: dict[tuple, Decimal]) -> None:
    """After a subtraction: the cells that lost their largest value get ``top`` from the raw values
    (already row-locked by the subtraction, so what this statement reads includes every addition
    committed before, and later ones apply their own MAX on top of it); emptied cells get ``top`` NULL."""
    groups: dict[tuple, dict[str, Decimal]] = defaultdict(dict)
    for (area, form, period, kind, code), top in removed.items():
        groups[(area, form, period, kind)][code] = top
    for (area, form, period, kind), codes in groups.items():
        cells = RollupCell.objects.filter(area=area, form_id=form, period_id=period, kind=kind, code__in=list(codes))
        stale = []
        for pk, code, n, top in cells.values_list("id", "code", "n", "top"):
            if n <= 0:
                RollupCell.objects.filter(pk=pk).update(top=None, total=0, n=0)
            elif top is None or codes[code] >= top:
                stale.append(code)
        if stale:
            raw = {code: top for _p, _k, code, _t, _n, top in
                   _raw_cells(form, [period], area=area, kind=kind, codes=stale)}
            for code in stale:
                cells.filter(code=code).update(top=raw.get(code))


# ---------------------------------------------------------------------------------------------------
# The raw values, grouped as the aggregates are (for the top of a cell, the check and the rebuild)

def _where(form_id: int, period_ids, *, kind=None, codes=None) -> tuple[str, list]:
    sql = ["r.form_id = %s", f"r.status IN ({', '.join(['%s'] * len(RECEIVED_STATUSES))})", "r.is_compiled = %s",
           "v.value IS NOT NULL"]
    params = [form_id, *[str(s) for s in RECEIVED_STATUSES], False]
    if period_ids is not None:
        sql.append(f"r.period_id IN ({', '.join(['%s'] * len(period_ids))})")
        params += list(period_ids)
    if kind is not None:
        sql.append("o.kind = %s")
        params.append(kind)
    if codes is not None:
        sql.append(f"i.code IN ({', '.join(['%s'] * len(codes))})")
        params += list(codes)
    return " AND ".join(sql), params


def _tables() -> dict:
    from danvan.orgs.models import Organization

    return {"v": ReportValue._meta.db_table, "r": Report._meta.db_table, "o": Organization._meta.db_table,
            "i": Indicator._meta.db_table, "ar": AreaReach._meta.db_table, "a": Area._meta.db_table}


def _cells_sql(form_id: int, period_ids, *, area=None, kind=None, codes=None, nation: bool) -> tuple[str, list]:
    """SELECT (area, period, kind, code, total, n, top) of the raw values: for the aggregate areas
    (``nation`` False; all of them, or ``area``) or for the nation."""
    t = _tables()
    where, params = _where(form_id, period_ids, kind=kind, codes=codes)
    base = (f"FROM {t['v']} v JOIN {t['r']} r ON r.id = v.report_id "
            f"JOIN {t['o']} o ON o.id = r.organization_id JOIN {t['i']} i ON i.id = v.indicator_id ")
    if nation:
        return (f"SELECT {NATION}, r.period_id, o.kind, i.code, SUM(v.value), COUNT(v.value), MAX(v.value) {base}"
                f"WHERE {where} GROUP BY r.period_id, o.kind, i.code"), params
    base += f"JOIN {t['ar']} ar ON ar.descendant_id = o.area_id "
    if area is None:
        base += f"JOIN {t['a']} a ON a.id = ar.ancestor_id AND a.level IN ('{CELL_LEVELS[0]}', '{CELL_LEVELS[1]}') "
    else:
        where += " AND ar.ancestor_id = %s"
        params.append(area)
    return (f"SELECT ar.ancestor_id, r.period_id, o.kind, i.code, SUM(v.value), COUNT(v.value), MAX(v.value) "
            f"{base}WHERE {where} GROUP BY ar.ancestor_id, r.period_id, o.kind, i.code"), params


def _counts_sql(form_id: int, period_ids, *, nation: bool) -> tuple[str, list]:
    t = _tables()
    where, params = _where(form_id, period_ids)
    where = where.replace(" AND v.value IS NOT NULL", "")
    base = f"FROM {t['r']} r JOIN {t['o']} o ON o.id = r.organization_id "
    if nation:
        return f"SELECT {NATION}, r.period_id, o.kind, COUNT(*) {base}WHERE {where} GROUP BY r.period_id, o.kind", params
    base += (f"JOIN {t['ar']} ar ON ar.descendant_id = o.area_id JOIN {t['a']} a ON a.id = ar.ancestor_id "
             f"AND a.level IN ('{CELL_LEVELS[0]}', '{CELL_LEVELS[1]}') ")
    return (f"SELECT ar.ancestor_id, r.period_id, o.kind, COUNT(*) {base}WHERE {where} "
            f"GROUP BY ar.ancestor_id, r.period_id, o.kind"), params


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _raw_cells(form_id, period_ids, *, area, kind=None, codes=None) -> list[tuple]:
    """(period, kind, code, total, n, top) of one aggregate area (or the nation) from the raw values."""
    sql, params = _cells_sql(form_id, period_ids, area=None if area == NATION else area, kind=kind, codes=codes,
                             nation=area == NATION)
    return [row[1:] for row in _fetch(sql, params)]


# ---------------------------------------------------------------------------------------------------
# Checking and repairing

@dataclass
class Difference:
    table: str  # "cell" or "count"
    key: tuple  # (area, period, kind[, code])
    stored: tuple | None
    expected: tuple | None


@dataclass
class CheckResult:
    form_id: int
    periods: int
    rows: int = 0
    differences: list[Difference] = field(default_factory=list)


def _q(value):
    return None if value is None else Decimal(value).quantize(QUANTUM)


def check(form, periods=None) -> CheckResult:
    """Compare the aggregates of ``form`` (for ``periods``, or all) with the raw values.

    Returns every difference (a missing, extra or different row). Reads only."""
    period_ids = None if periods is None else [p.pk for p in periods]
    expected_cells, expected_counts = {}, {}
    for nation in (False, True):
        for area, period, kind, code, total, n, top in _fetch(*_cells_sql(form.pk, period_ids, nation=nation)):
            expected_cells[(area, period, kind, code)] = (_q(total), n, _q(top))
        for area, period, kind, n in _fetch(*_counts_sql(form.pk, period_ids, nation=nation)):
            expected_counts[(area, period, kind)] = n
    cells = RollupCell.objects.filter(form=form, n__gt=0)
    counts = RollupCount.objects.filter(form=form, reports__gt=0)
    if period_ids is not None:
        cells, counts = cells.filter(period_id__in=period_ids), counts.filter(period_id__in=period_ids)
    stored_cells = {(a, p, k, c): (_q(t), n, _q(top)) for a, p, k, c, t, n, top in
                    cells.values_list("area", "period_id", "kind", "code", "total", "n", "top")}
    stored_counts = {(a, p, k): n for a, p, k, n in counts.values_list("area", "period_id", "kind", "reports")}
    result = CheckResult(form_id=form.pk, periods=len(period_ids) if period_ids is not None else
                         len({k[1] for k in expected_counts} | {k[1] for k in stored_counts}),
                         rows=len(expected_cells) + len(expected_counts))
    for table, stored, expected in (("count", stored_counts, expected_counts), ("cell", stored_cells, expected_cells)):
        for key in sorted(stored.keys() | expected.keys(), key=str):
            if stored.get(key) != expected.get(key):
                result.differences.append(Difference(table, key, stored.get(key), expected.get(key)))
    return result


@transaction.atomic
def repair(form, periods=None) -> int:
    """Rebuild the aggregates of ``form`` (for ``periods``, or all) from the raw values.

    Effects: on PostgreSQL, locks both aggregate tables against writes (readers go on) until the
    transaction ends, so that no concurrent change is lost; deletes the form's rows for those periods
    and inserts them again from one GROUP BY each. Returns the number of cells inserted."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {RollupCount._meta.db_table}, {RollupCell._meta.db_table} IN EXCLUSIVE MODE")
    period_ids = None if periods is None else [p.pk for p in periods]
    cells, counts = RollupCell.objects.filter(form_id=form.pk), RollupCount.objects.filter(form_id=form.pk)
    if period_ids is not None:
        cells, counts = cells.filter(period_id__in=period_ids), counts.filter(period_id__in=period_ids)
    cells._raw_delete(cells.db)
    counts._raw_delete(counts.db)
    inserted = 0
    with connection.cursor() as cursor:
        for nation in (False, True):
            sql, params = _counts_sql(form.pk, period_ids, nation=nation)
            cursor.execute(f"INSERT INTO {RollupCount._meta.db_table} (area, period_id, kind, reports, form_id) "
                           f"SELECT sub.*, %s FROM ({sql}) sub", [form.pk, *params])
            sql, params = _cells_sql(form.pk, period_ids, nation=nation)
            cursor.execute(f"INSERT INTO {RollupCell._meta.db_table} (area, period_id, kind, code, total, n, top, "
                           f"form_id) SELECT sub.*, %s FROM ({sql}) sub", [form.pk, *params])
            inserted += cursor.rowcount
    return inserted
