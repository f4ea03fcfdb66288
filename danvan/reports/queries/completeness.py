"""Completeness: who was expected to report, who did, on time or late, and who is missing.

Expected: the organizations of the kinds the form applies to, existing on the period's last day
(the body that exists when the period closes owes its report), located in the area's subtree —
legacy units that became part of it included — and visible to the user.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, FilteredRelation, Q
from django.utils import timezone

from danvan.places.models import Area, AreaSuccession
from danvan.reports.models import RECEIVED_STATUSES
from danvan.reports.queries.scope import organizations_in


@dataclass
class Counts:
    expected: int = 0
    received: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    area: Area | None = None
    children: list = field(default_factory=list)

    @property
    def rate(self):
        return self.received / self.expected if self.expected else None


def on_time_cutoff(form, period) -> datetime.datetime:
    last_day = period.deadline(form) + datetime.timedelta(days=form.grace_days + 1)
    return timezone.make_aware(datetime.datetime.combine(last_day, datetime.time.min))


def expected_organizations(user, *, form, period, area):
    qs = organizations_in(user, area).valid_on(period.end)
    if form.applies_to_kinds:
        qs = qs.filter(kind__in=form.applies_to_kinds)
    return qs


def _with_report(qs, form, period):
    return qs.annotate(rep=FilteredRelation("reports", condition=Q(reports__form=form, reports__period=period)))


def _counts(qs, form, period) -> dict:
    received = Q(rep__status__in=RECEIVED_STATUSES)
    return qs.aggregate(
        expected=Count("id", distinct=True),
        received=Count("id", filter=received, distinct=True),
        on_time=Count("id", filter=received & Q(rep__submitted_at__lt=on_time_cutoff(form, period)), distinct=True),
    )


def completeness(user, *, form, period, area, by_child: bool = False) -> Counts:
    """The counts for ``area`` and, with ``by_child``, for each child area (current children, and the
    legacy units that were merged into ``area``; each organization counted once, under the unit it
    belonged to at the time)."""
    qs = _with_report(expected_organizations(user, form=form, period=period, area=area), form, period)
    result = Counts(area=area, **_finish(_counts(qs, form, period)))
    if by_child and area is not None:
        result.children = _by_child(qs, form, period, area)
    return result


def _finish(row: dict) -> dict:
    row = {k: row.get(k) or 0 for k in ("expected", "received", "on_time")}
    return {**row, "late": row["received"] - row["on_time"], "missing": row["expected"] - row["received"]}


def _by_child(qs, form, period, area) -> list[Counts]:
    groups = {a.id: a for a in Area.objects.filter(parent=area)}
    preds = AreaSuccession.objects.filter(successor=area).select_related("predecessor")
    groups.update({s.predecessor_id: s.predecessor for s in preds})
    received = Q(rep__status__in=RECEIVED_STATUSES)
    rows = (qs.filter(area__reach_up__ancestor_id__in=list(groups), area__reach_up__via_history=False)
            .values("area__reach_up__ancestor_id")
            .annotate(expected=Count("id", distinct=True), received=Count("id", filter=received, distinct=True),
                      on_time=Count("id", distinct=True, filter=received & Q(
                          rep__submitted_at__lt=on_time_cutoff(form, period)))))
    result = [Counts(area=groups[row["area__reach_up__ancestor_id"]], **_finish(row)) for row in rows]
    own = _counts(qs.filter(area=area), form, period)
    if own["expected"]:
        result.append(Counts(area=area, **_finish(own)))
    return sorted(result, key=lambda c: (c.area.id != area.id, c.area.valid_to is not None, c.area.name_sort))


def missing_organizations(user, *, form, period, area):
    """The expected organizations with no submitted or approved report, with their report if started."""
    qs = _with_report(expected_organizations(user, form=form, period=period, area=area), form, period)
    return qs.filter(Q(rep__id__isnull=True) | ~Q(rep__status__in=RECEIVED_STATUSES))
