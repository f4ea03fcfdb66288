"""Roll-up: a form's figures combined over an area's subtree (following the 2025 succession through
``AreaReach``) and over organization kinds, in one SQL GROUP BY over ``ReportValue``.

How an indicator combines across organizations: sum → SUM, avg → AVG, max → MAX, latest (a stock
such as members or people of prestige) → SUM of each organization's figure, none → not combined.
Counted: submitted and approved reports, never compiled ones (they already hold the units below).
A longer period with no report of its own is derived from its months where the indicator sums
(latest: the last month; max: the largest; avg: the mean).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Max, Sum

from danvan.places.models import AreaReach
from danvan.reports.domain.periods import months_of, previous_period, same_period_last_year
from danvan.reports.models import RECEIVED_STATUSES, Aggregation, Indicator, PeriodKind, Report, ReportValue
from danvan.reports.queries.scope import visible_reports


@dataclass
class Rollup:
    values: dict = field(default_factory=dict)
    reports: int = 0
    derived: bool = False
    period: object = None


def counted_reports(user, *, form, periods, area=None, kinds=None):
    """The reports a roll-up counts: received, not compiled, in ``area``'s subtree, visible to ``user``
    (``user`` None: no scope, for the system)."""
    qs = Report.objects.all() if user is None else visible_reports(user)
    qs = qs.filter(form=form, status__in=RECEIVED_STATUSES, is_compiled=False)
    qs = qs.filter(period__in=periods) if not hasattr(periods, "pk") else qs.filter(period=periods)
    if area is not None:
        qs = qs.filter(organization__area_id__in=AreaReach.objects.filter(ancestor=area).values("descendant_id"))
    if kinds:
        qs = qs.filter(organization__kind__in=kinds)
    return qs


def aggregations(form) -> dict[str, str]:
    """{code: aggregation} over every version of ``form`` (the latest version wins)."""
    rows = Indicator.objects.filter(version__form=form).order_by("version__number").values_list(
        "code", "aggregation", "value_type")
    return {code: agg for code, agg, vtype in rows if vtype != "text"}


def _grouped(reports) -> dict:
    rows = (ReportValue.objects.filter(report__in=reports.values("id"), value__isnull=False)
            .values("indicator__code").annotate(total=Sum("value"), mean=Avg("value"), top=Max("value"))
            .order_by())
    return {r["indicator__code"]: r for r in rows}


def _pick(agg: str, row: dict):
    value = {Aggregation.SUM: row["total"], Aggregation.LATEST: row["total"], Aggregation.AVG: row["mean"],
             Aggregation.MAX: row["top"]}.get(agg)
    return None if value is None else Decimal(value).quantize(Decimal("0.01")).normalize()


def rollup(user, *, form, period, area=None, kinds=None, derive: bool = True) -> Rollup:
    """The combined figures ``{code: Decimal}`` and the number of reports counted."""
    aggs = aggregations(form)
    reports = counted_reports(user, form=form, periods=period, area=area, kinds=kinds)
    count = reports.count()
    if count or not derive or period.kind == PeriodKind.MONTH:
        grouped = _grouped(reports) if count else {}
        values = {code: _pick(agg, grouped[code]) for code, agg in aggs.items() if code in grouped}
        return Rollup(values={k: v for k, v in values.items() if v is not None}, reports=count, period=period)
    return _derived(user, form=form, period=period, area=area, kinds=kinds, aggs=aggs)


def _derived(user, *, form, period, area, kinds, aggs) -> Rollup:
    months = list(months_of(period).order_by("start"))
    reports = counted_reports(user, form=form, periods=months, area=area, kinds=kinds)
    count = reports.count()
    if not count:
        return Rollup(period=period, derived=True)
    grouped = _grouped(reports)
    values = {}
    for code, agg in aggs.items():
        if code in grouped and agg in (Aggregation.SUM, Aggregation.AVG, Aggregation.MAX):
            values[code] = _pick(agg, grouped[code])
    latest_codes = [c for c, a in aggs.items() if a == Aggregation.LATEST]
    if latest_codes:
        last = reports.order_by("-period__start").values_list("period_id", flat=True).first()
        last_grouped = _grouped(reports.filter(period_id=last))
        values.update({c: _pick(Aggregation.LATEST, last_grouped[c]) for c in latest_codes if c in last_grouped})
    return Rollup(values={k: v for k, v in values.items() if v is not None}, reports=count, derived=True,
                  period=period)


def comparison(user, *, form, period, area=None, kinds=None) -> dict:
    """This period, the previous one and the same period a year before, each a ``Rollup`` (or None)."""
    result = {"current": rollup(user, form=form, period=period, area=area, kinds=kinds)}
    for key, other in (("previous", previous_period(period)), ("last_year", same_period_last_year(period))):
        result[key] = rollup(user, form=form, period=other, area=area, kinds=kinds) if other else None
    return result
