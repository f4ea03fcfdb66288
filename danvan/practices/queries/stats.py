"""Statistics of practices for an area (its subtree, with history) and a year or campaign.

Never counts what the user may not see (``practices_for``); precomputes nothing: one grouped query
for the field × status × holder × level × outstanding grid, one for child areas, one for years.
"""

from django.db.models import Count

from danvan.places.models import Area
from danvan.practices.models import CARRIED_OUT, Holder, PracticeField, RecognitionLevel, Status
from danvan.practices.queries.practices import in_area, practices_for


def _base(user, *, area=None, year=None, campaign=None):
    qs = practices_for(user)
    if area is not None:
        qs = in_area(qs, area)
    if year:
        qs = qs.filter(year=year)
    if campaign:
        qs = qs.filter(campaign_id=getattr(campaign, "pk", campaign))
    return qs


def summary(user, *, area=None, year=None, campaign=None) -> dict:
    """Totals and breakdowns from ONE grouped query. Keys of every breakdown are the full choice lists,
    with zeros, so tables, charts and the API always show the same rows."""
    rows = (_base(user, area=area, year=year, campaign=campaign)
            .values("field", "status", "holder", "level", "is_outstanding").annotate(n=Count("id")).order_by())
    by_field = dict.fromkeys(PracticeField.values, 0)
    by_status = dict.fromkeys(Status.values, 0)
    by_level = dict.fromkeys(RecognitionLevel.values, 0)
    by_holder = dict.fromkeys(Holder.values, 0)
    grid = {f: dict.fromkeys(Status.values, 0) for f in PracticeField.values}
    recognized_by_holder = dict.fromkeys(Holder.values, 0)
    total = outstanding = 0
    for row in rows:
        n = row["n"]
        total += n
        by_field[row["field"]] = by_field.get(row["field"], 0) + n
        by_status[row["status"]] = by_status.get(row["status"], 0) + n
        by_holder[row["holder"]] = by_holder.get(row["holder"], 0) + n
        grid.setdefault(row["field"], dict.fromkeys(Status.values, 0))[row["status"]] += n
        if row["status"] == Status.RECOGNIZED:
            if row["level"]:
                by_level[row["level"]] = by_level.get(row["level"], 0) + n
            recognized_by_holder[row["holder"]] += n
            outstanding += n if row["is_outstanding"] else 0
    registered = total - by_status[Status.DRAFT]
    return {
        "total": total, "by_field": by_field, "by_status": by_status, "by_level": by_level, "by_holder": by_holder,
        "grid": grid, "registered": registered,
        "carried_out": sum(by_status[s] for s in CARRIED_OUT),
        "recognized": by_status[Status.RECOGNIZED], "outstanding": outstanding,
        "recognized_by_holder": recognized_by_holder,
    }


def by_child_area(user, area, *, year=None, campaign=None) -> list[dict]:
    """Counts per current child unit of ``area`` (legacy units counted under their successor), and a
    last row for practices recorded at a legacy unit above commune level that maps to no single child.
    A legacy commune split between two new ones counts under both (the split is rare)."""
    children = list(Area.objects.filter(parent=area).current().order_by("name_sort"))
    if not children:
        return []
    qs = _base(user, area=area, year=year, campaign=campaign)
    counts = dict(
        qs.filter(area__reach_up__ancestor__in=children).values("area__reach_up__ancestor_id")
        .annotate(n=Count("id")).order_by().values_list("area__reach_up__ancestor_id", "n")
    )
    rows = [{"area": child, "n": counts.get(child.id, 0)} for child in children]
    other = qs.exclude(area__reach_up__ancestor__in=children).count()
    if other:
        rows.append({"area": None, "n": other})
    return rows


def by_year(user, *, area=None, campaign=None) -> list[dict]:
    qs = _base(user, area=area, campaign=campaign)
    rows = qs.values("year", "status").annotate(n=Count("id")).order_by("year")
    years: dict[int, dict] = {}
    for row in rows:
        entry = years.setdefault(row["year"], {"year": row["year"], "total": 0, "recognized": 0})
        entry["total"] += row["n"]
        if row["status"] == Status.RECOGNIZED:
            entry["recognized"] += row["n"]
    return list(years.values())
