"""Roll-up: a form's figures combined over an area's subtree (following the 2025 succession through
``AreaReach``) and over organization kinds, in one SQL GROUP BY over ``ReportValue``.

Two queries: the ids of the counted reports (their number is the report count), then the GROUP BY
over those reports' values. Up to ``ID_LIST_LIMIT`` reports (a province, a commune) the values are
read by report id through the covering index ``report_value_cover_idx`` (report, indicator, value),
without joining the reports, organizations and area closure a second time; above it (the nation)
the reports are counted and the GROUP BY joins them.

How an indicator combines across organizations: sum → SUM, avg → AVG, max → MAX, latest (a stock
such as members or people of prestige) → SUM of each organization's figure, none → not combined.
Counted: submitted and approved reports, never compiled ones (they already hold the units below).
A longer period with no report of its own (a quarter, 6 or 9 months, a year, the 12 months to date)
is derived from its months (sum: the sum; latest: the last month with reports; max: the largest; avg:
the mean over every value).

Where the user sees the whole area asked for (a commission of that area or above it, a superuser for
the nation) and the area is the nation, a province or a district, the figures are read from the
roll-up aggregates (``RollupCell``/``RollupCount``, maintained by ``domain.rollups`` in the same
transaction as every change): a few hundred rows per month instead of every value. A user who sees
only part of such an area gets exactly what they see: from the aggregates of the (province or
district, kind) cells they see entirely (``covered_cells``: every organization of that kind located
there is visible to them), from the raw values for the rest of what they see (``_mixed``). A commune,
which has few reports, is read from the raw values. Every path gives the same figures
(``tests/reports/test_rollup_aggregates.py``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Avg, Count, Max, Q, QuerySet, Sum

from danvan.orgs.models import Organization
from danvan.orgs.scope import covers_area, visible_organizations
from danvan.places.models import AreaReach
from danvan.reports.models import (
    NATION,
    RECEIVED_STATUSES,
    Aggregation,
    Indicator,
    PeriodKind,
    Report,
    ReportValue,
    RollupCell,
    RollupCount,
)
from danvan.reports.rules.cells import CELL_LEVELS
from danvan.reports.rules.periods import months_of, previous_period, same_period_last_year

ID_LIST_LIMIT = 5000  # above this many reports, the GROUP BY joins the reports instead of listing ids


@dataclass
class Rollup:
    values: dict = field(default_factory=dict)
    reports: int = 0
    derived: bool = False
    period: object = None


def counted_filter(user, *, form, periods, area=None, kinds=None, prefix: str = "") -> Q:
    """The condition on ``Report`` (reached through ``prefix``, e.g. "report__") for the reports a
    roll-up counts: received, not compiled, in ``area``'s subtree, visible to ``user``."""
    p = prefix
    cond = Q(**{f"{p}form": form, f"{p}status__in": RECEIVED_STATUSES, f"{p}is_compiled": False})
    if periods is not None:  # None: every period (the caller adds its own condition)
        cond &= Q(**{f"{p}period": periods}) if hasattr(periods, "pk") else Q(**{f"{p}period__in": periods})
    if area is not None:
        cond &= Q(**{f"{p}organization__area_id__in": AreaReach.objects.filter(ancestor=area).values("descendant_id")})
    if kinds:
        cond &= Q(**{f"{p}organization__kind__in": kinds})
    if not covers_area(user, area):
        cond &= Q(**{f"{p}organization_id__in": visible_organizations(user, "view")})
    return cond


def counted_reports(user, *, form, periods, area=None, kinds=None):
    """The reports a roll-up counts (see ``counted_filter``)."""
    return Report.objects.unscoped("counted_filter() applies the scope").filter(counted_filter(user, form=form, periods=periods, area=area, kinds=kinds))


MAX_CORRECTIONS = 200


def corrections_in(user, *, form, period, area=None, derived: bool = False):
    """The figures calculated from the records that the organizations corrected in the reports a
    roll-up of ``period`` counts (``derived``: the roll-up was derived from the period's months, so
    are the corrections), as ``ReportValue`` rows with their report, organization, period and indicator,
    by period, organization and indicator; at most ``MAX_CORRECTIONS`` + 1 (the caller says when there
    are more). Read through the partial index ``report_value_corrected_idx``: corrections are few."""
    if derived or period.pk is None:
        periods = list(months_of(period))
    else:
        periods = period
    return list(ReportValue.objects.unscoped("counted_filter() applies the scope")
                .filter(counted_filter(user, form=form, periods=periods, area=area, prefix="report__"))
                .exclude(correction_note="")
                .select_related("report__organization", "report__period", "indicator")
                .order_by("report__period__start", "report__organization__name_sort", "indicator__order",
                          "id")[:MAX_CORRECTIONS + 1])


def _indicators(form) -> dict[str, tuple[str, list[int]]]:
    """{code: (aggregation, [its indicator ids in every version])} for the codes that are figures (not
    text) in some version of ``form``; the latest such version gives the aggregation."""
    rows = Indicator.objects.filter(version__form=form).order_by("version__number").values_list(
        "id", "code", "aggregation", "value_type")
    aggs, ids = {}, {}
    for pk, code, agg, vtype in rows:
        ids.setdefault(code, []).append(pk)
        if vtype != "text":
            aggs[code] = agg
    return {code: (agg, ids[code]) for code, agg in aggs.items()}


def _grouped(condition: Q, indicators: dict) -> dict:
    """One GROUP BY by indicator over the values matching ``condition`` (a condition on ``ReportValue``),
    combined by code (a code has one indicator per form version): {code: {total, mean, top}}."""
    rows = {r["indicator_id"]: r for r in (
        ReportValue.objects.unscoped("the condition is counted_filter(), which applies the scope")
        .filter(condition, value__isnull=False).values("indicator_id")
        .annotate(total=Sum("value"), mean=Avg("value"), top=Max("value"), n=Count("value")).order_by())}
    result = {}
    for code, (_agg, ids) in indicators.items():
        found = [rows[pk] for pk in ids if pk in rows]
        if len(found) == 1:
            result[code] = found[0]
        elif found:  # the same code in several versions: combine as one group would
            total, n = sum(Decimal(r["total"]) for r in found), sum(r["n"] for r in found)
            result[code] = {"total": total, "mean": total / n, "top": max(Decimal(r["top"]) for r in found)}
    return result


def _id_list_limit() -> int:
    params = connection.features.max_query_params
    return ID_LIST_LIMIT if params is None else min(ID_LIST_LIMIT, params - 10)


def _counted(user, args: dict, *fields: str) -> tuple[int, list | None]:
    """The number of counted reports and, up to the id-list limit, their rows (``id`` and ``fields``);
    None above the limit (the GROUP BY then joins the reports)."""
    reports = counted_reports(user, **args).order_by()
    limit = _id_list_limit()
    rows = list(reports.values_list("id", *fields)[:limit + 1])
    if len(rows) <= limit:
        return len(rows), rows
    return reports.count(), None


def _grouped_counted(user, ids: list[int] | None, args: dict, indicators: dict) -> dict:
    """The GROUP BY over the values of the counted reports: by their ``ids``, or (None) joined."""
    if ids is None:
        return _grouped(counted_filter(user, prefix="report__", **args), indicators)
    return _grouped(Q(report_id__in=ids), indicators) if ids else {}


def _pick(agg: str, row: dict):
    value = {Aggregation.SUM: row["total"], Aggregation.LATEST: row["total"], Aggregation.AVG: row["mean"],
             Aggregation.MAX: row["top"]}.get(agg)
    return None if value is None else Decimal(value).quantize(Decimal("0.01")).normalize()


def uses_aggregates(user, area) -> bool:
    """Whether the roll-up of ``area`` (None: the nation) for ``user`` is read from the aggregates: the
    area has aggregate rows and the user sees all of it."""
    if area is not None and area.level not in CELL_LEVELS:
        return False
    return covers_area(user, area)


def rollup(user, *, form, period, area=None, kinds=None, derive: bool = True, raw: bool = False) -> Rollup:
    """The combined figures ``{code: Decimal}`` and the number of reports counted. ``period`` may be
    unsaved (``domain.periods.period_for``): it has no report of its own. ``raw`` reads the raw values
    even where the aggregates would answer (for checks and benchmarks)."""
    indicators = _indicators(form)
    aggs = {code: agg for code, (agg, _ids) in indicators.items()}
    if not raw and (area is None or area.level in CELL_LEVELS):
        if covers_area(user, area):
            return _from_aggregates(form=form, period=period, area=area, kinds=kinds, derive=derive, aggs=aggs)
        visible = _visible(user)
        cells = covered_cells(user, area, kinds, visible=visible)
        if cells:
            return _mixed(user, form=form, period=period, area=area, kinds=kinds, derive=derive,
                          indicators=indicators, cells=cells, visible=visible)
    if period.pk is None:
        if not derive or period.kind == PeriodKind.MONTH:
            return Rollup(period=period)
        return _derived(user, form=form, period=period, area=area, kinds=kinds, indicators=indicators)
    args = {"form": form, "periods": period, "area": area, "kinds": kinds}
    count, rows = _counted(user, args)
    if count or not derive or period.kind == PeriodKind.MONTH:
        grouped = _grouped_counted(user, None if rows is None else [r[0] for r in rows], args, indicators)
        values = {code: _pick(agg, grouped[code]) for code, agg in aggs.items() if code in grouped}
        return Rollup(values={k: v for k, v in values.items() if v is not None}, reports=count, period=period)
    return _derived(user, form=form, period=period, area=area, kinds=kinds, indicators=indicators)


def _derived(user, *, form, period, area, kinds, indicators) -> Rollup:
    aggs = {code: agg for code, (agg, _ids) in indicators.items()}
    months = list(months_of(period).order_by("start"))
    args = {"form": form, "periods": months, "area": area, "kinds": kinds}
    count, rows = _counted(user, args, "period_id")
    if not count:
        return Rollup(period=period, derived=True)
    grouped = _grouped_counted(user, None if rows is None else [r[0] for r in rows], args, indicators)
    values = {}
    for code, agg in aggs.items():
        if code in grouped and agg in (Aggregation.SUM, Aggregation.AVG, Aggregation.MAX):
            values[code] = _pick(agg, grouped[code])
    latest_codes = [c for c, a in aggs.items() if a == Aggregation.LATEST]
    if latest_codes:
        if rows is None:
            last = counted_reports(user, **args).order_by("-period__start").values_list("period_id", flat=True).first()
            last_ids = None
        else:
            start = {p.id: p.start for p in months}
            last = max((period_id for _id, period_id in rows), key=start.__getitem__)
            last_ids = [report_id for report_id, period_id in rows if period_id == last]
        last_grouped = _grouped_counted(user, last_ids, {**args, "periods": [last]}, indicators)
        values.update({c: _pick(Aggregation.LATEST, last_grouped[c]) for c in latest_codes if c in last_grouped})
    return Rollup(values={k: v for k, v in values.items() if v is not None}, reports=count, derived=True,
                  period=period)


def _aggregate_rows(*, form, area, kinds) -> Q:
    cond = Q(form=form, area=NATION if area is None else area.pk)
    return cond & Q(kind__in=kinds) if kinds else cond


def _combine(rows) -> dict:
    """{code: {total, mean, top}} from aggregate rows (code, total, n, top) of one or more periods."""
    result = {}
    for code, total, n, top in rows:
        if not n:
            continue
        cell = result.get(code)
        if cell is None:
            result[code] = [Decimal(total), n, top]
        else:
            cell[0] += Decimal(total)
            cell[1] += n
            if top is not None and (cell[2] is None or top > cell[2]):
                cell[2] = top
    return {code: {"total": total, "mean": total / n, "top": top} for code, (total, n, top) in result.items()}


def _asked(period, derive) -> Q:
    """The periods a roll-up of ``period`` may read, as a condition on a model with a ``period``: the
    period itself (when it has a row) and, when it may be derived from them, its months."""
    own = Q(period=period) if period.pk is not None else Q(pk__in=[])
    if not derive or period.kind == PeriodKind.MONTH:
        return own
    return own | Q(period__kind=PeriodKind.MONTH, period__start__gte=period.start, period__end__lte=period.end)


def _reads_own(period, derive, counts: dict) -> bool:
    """Whether the roll-up is the period's own reports' (else it is derived from its months)."""
    return period.pk in counts or not derive or period.kind == PeriodKind.MONTH


def _aggregate_counts(cond: Q, period, derive) -> dict:
    """{period id: [start, reports]} of the period and its months, from the count rows matching ``cond``."""
    return {pid: [start, n] for pid, start, n in RollupCount.objects.filter(cond & _asked(period, derive))
            .values("period_id", "period__start").annotate(n=Sum("reports"))
            .values_list("period_id", "period__start", "n").order_by() if n}


def _aggregate_cells(cond: Q, period_ids: list) -> list:
    """[(period id, code, total, n, top)] of the cells matching ``cond`` in those periods."""
    if not period_ids:
        return []
    return list(RollupCell.objects.filter(cond, period_id__in=period_ids).values("period_id", "code")
                .annotate(t=Sum("total"), c=Sum("n"), m=Max("top")).values_list("period_id", "code", "t", "c", "m")
                .order_by())


def _assemble(*, period, derive, aggs, counts: dict, cells: list) -> Rollup:
    """The roll-up from report counts {period id: [start, n]} and cells [(period id, code, total, n, top)]
    of the period and its months (from the aggregates, the raw values, or both for disjoint parts)."""
    if _reads_own(period, derive, counts):
        count = counts.get(period.pk, (None, 0))[1]
        grouped = _combine(r[1:] for r in cells if r[0] == period.pk) if count else {}
        values = {code: _pick(agg, grouped[code]) for code, agg in aggs.items() if code in grouped}
        return Rollup(values={k: v for k, v in values.items() if v is not None}, reports=count, period=period)
    if not counts:
        return Rollup(period=period, derived=True)
    grouped = _combine(r[1:] for r in cells)
    values = {code: _pick(agg, grouped[code]) for code, agg in aggs.items()
              if code in grouped and agg in (Aggregation.SUM, Aggregation.AVG, Aggregation.MAX)}
    latest_codes = [c for c, a in aggs.items() if a == Aggregation.LATEST]
    if latest_codes:
        last_month = max(counts, key=lambda pid: counts[pid][0])
        last = _combine(r[1:] for r in cells if r[0] == last_month)
        values.update({c: _pick(Aggregation.LATEST, last[c]) for c in latest_codes if c in last})
    return Rollup(values={k: v for k, v in values.items() if v is not None},
                  reports=sum(n for _start, n in counts.values()), derived=True, period=period)


def _needed(period, derive, counts: dict) -> list:
    """The periods whose cells the roll-up reads: its own, or the months that have reports."""
    return ([period.pk] if period.pk in counts else []) if _reads_own(period, derive, counts) else list(counts)


def _from_aggregates(*, form, period, area, kinds, derive, aggs) -> Rollup:
    """Two queries: the report counts of the period and of its months, then the cells of the period
    (or of the months that have reports), grouped by month and code; combined here."""
    cond = _aggregate_rows(form=form, area=area, kinds=kinds)
    counts = _aggregate_counts(cond, period, derive)
    cells = _aggregate_cells(cond, _needed(period, derive, counts))
    return _assemble(period=period, derive=derive, aggs=aggs, counts=counts, cells=cells)


def _visible(user) -> QuerySet:
    """The organizations ``user`` sees, as a queryset of ``Organization``: by their ids (read once)
    up to the id-list limit, so that the queries below probe indexes instead of re-evaluating the
    scope's subqueries each time; else by the scope's condition."""
    limit = _id_list_limit()
    ids = list(visible_organizations(user, "view").values_list("id", flat=True).order_by()[:limit + 1])
    if len(ids) <= limit:
        return Organization.objects.filter(pk__in=ids)
    return Organization.objects.filter(pk__in=visible_organizations(user, "view"))


def covered_cells(user, area, kinds=None, *, visible: QuerySet | None = None) -> dict[int, list[str]]:
    """The aggregate cells inside ``area`` (None: the nation) that ``user`` sees entirely, as
    {province or district id: [organization kinds]}: every organization of that kind located in that
    area's subtree (history included) is visible to the user, so the cell holds exactly the user's
    figures. Disjoint: an area inside (or overlapping) one already taken for the same kind is left out,
    the largest taken first. Three queries: the cells holding an organization the user sees, the
    organizations of those cells seen or not, the subtrees of the covered ones."""
    visible = _visible(user) if visible is None else visible
    # only the cells holding at least one organization the user sees can be covered
    seen_cells = AreaReach.objects.filter(ancestor__level__in=CELL_LEVELS, descendant_id__in=visible.values("area_id"))
    if area is not None:
        seen_cells = seen_cells.filter(ancestor_id__in=AreaReach.objects.filter(ancestor=area).values("descendant_id"))
    seen_cells = set(seen_cells.values_list("ancestor_id", flat=True).order_by())
    if not seen_cells:
        return {}
    orgs = Organization.objects.filter(area__reach_up__ancestor_id__in=seen_cells)
    if kinds:
        orgs = orgs.filter(kind__in=kinds)
    rows = (orgs.values("area__reach_up__ancestor_id", "kind")
            .annotate(every=Count("id"), seen=Count("id", filter=Q(id__in=visible.values("id"))))
            .values_list("area__reach_up__ancestor_id", "kind", "every", "seen").order_by())
    candidates = [(cell_area, kind) for cell_area, kind, every, seen in rows if every == seen]
    if not candidates:
        return {}
    below: dict[int, set[int]] = {}
    for ancestor, descendant in AreaReach.objects.filter(ancestor_id__in={a for a, _k in candidates}).values_list(
            "ancestor_id", "descendant_id"):
        below.setdefault(ancestor, set()).add(descendant)
    taken: dict[str, set[int]] = {}
    cells: dict[int, list[str]] = {}
    for cell_area, kind in sorted(candidates, key=lambda c: (-len(below.get(c[0], ())), c[0], c[1])):
        units = below.get(cell_area, set())
        if taken.setdefault(kind, set()).isdisjoint(units):
            taken[kind] |= units
            cells.setdefault(cell_area, []).append(kind)
    return cells


def _in_cells(cells: dict[int, list[str]], prefix: str) -> Q:
    """A condition on ``Organization`` (reached through ``prefix``) for the organizations ``cells`` count."""
    cond = Q(pk__in=[])
    for cell_area, kinds in cells.items():
        cond |= Q(**{f"{prefix}kind__in": kinds, f"{prefix}area_id__in": AreaReach.objects.filter(
            ancestor_id=cell_area).values("descendant_id")})
    return cond


def _rest_organizations(visible: QuerySet, *, area, kinds, cells) -> list[int] | QuerySet:
    """The ``visible`` organizations in ``area`` (of ``kinds``) that the aggregate ``cells`` do not
    count: their ids up to the id-list limit (so that the reports are found through
    ``report_counted_idx`` organization by organization), else a subquery."""
    orgs = visible.exclude(_in_cells(cells, "")).values("id")
    if area is not None:
        orgs = orgs.filter(area_id__in=AreaReach.objects.filter(ancestor=area).values("descendant_id"))
    if kinds:
        orgs = orgs.filter(kind__in=kinds)
    limit = _id_list_limit()
    ids = list(orgs.values_list("id", flat=True).order_by()[:limit + 1])
    return ids if len(ids) <= limit else orgs


def _mixed(user, *, form, period, area, kinds, derive, indicators, cells, visible) -> Rollup:
    """A user who sees part of ``area``: the ``cells`` they see entirely from the aggregates, the rest
    of what they see from the raw values (the two parts are disjoint), combined as one. Five queries:
    the remaining organizations, the report counts of each part (the remaining reports' ids), then the
    cells of each part for the periods the roll-up reads."""
    aggs = {code: agg for code, (agg, _ids) in indicators.items()}
    cond = Q(pk__in=[])
    for cell_area, cell_kinds in cells.items():
        cond |= Q(area=cell_area, kind__in=cell_kinds)
    cond &= Q(form=form)
    counts = _aggregate_counts(cond, period, derive)
    agg_periods = set(counts)
    orgs = _rest_organizations(visible, area=area, kinds=kinds, cells=cells)
    rest = Q(form=form, status__in=RECEIVED_STATUSES, is_compiled=False, organization_id__in=orgs) & _asked(period, derive)
    reports = Report.objects.unscoped("_rest_organizations() applies the scope").filter(rest).order_by()
    limit = _id_list_limit()
    rows = list(reports.values_list("id", "period_id", "period__start")[:limit + 1]) if not isinstance(orgs, list) or orgs else []
    if len(rows) <= limit:
        raw_counts = {}
        for _id, pid, start in rows:
            raw_counts.setdefault(pid, [start, 0])[1] += 1
    else:
        rows = None
        raw_counts = {pid: [start, n] for pid, start, n in reports.values("period_id", "period__start")
                      .annotate(n=Count("id")).values_list("period_id", "period__start", "n")}
    for pid, (start, n) in raw_counts.items():
        counts.setdefault(pid, [start, 0])[1] += n
    needed = _needed(period, derive, counts)
    cells_read = _aggregate_cells(cond, [pid for pid in needed if pid in agg_periods])
    raw_needed = [pid for pid in needed if pid in raw_counts]
    if raw_needed:
        code_of = {pk: code for code, (_agg, ids) in indicators.items() for pk in ids}
        values = ReportValue.objects.unscoped("_rest_organizations() applies the scope").filter(
            indicator_id__in=list(code_of), value__isnull=False)
        if rows is None:
            values = values.filter(report__in=reports.filter(period_id__in=raw_needed).values("id"))
        else:
            values = values.filter(report_id__in=[pk for pk, pid, _start in rows if pid in raw_needed])
        cells_read += [(pid, code_of[ind], t, c, m) for pid, ind, t, c, m in values
                       .values("report__period_id", "indicator_id").annotate(t=Sum("value"), c=Count("value"), m=Max("value"))
                       .values_list("report__period_id", "indicator_id", "t", "c", "m").order_by()]
    return _assemble(period=period, derive=derive, aggs=aggs, counts=counts, cells=cells_read)


def comparison(user, *, form, period, area=None, kinds=None) -> dict:
    """This period, the previous one and the same period a year before, each a ``Rollup`` (a period
    with no row yet is derived from its months, or empty)."""
    result = {"current": rollup(user, form=form, period=period, area=area, kinds=kinds)}
    for key, other in (("previous", previous_period(period)), ("last_year", same_period_last_year(period))):
        result[key] = rollup(user, form=form, period=other, area=area, kinds=kinds)
    return result
