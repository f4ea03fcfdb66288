"""Per-user reception queries (everything starts from ``restrict``) and the duty table: for each holder
and month, reception days required by the obligations vs days held; late (in red) when a month that has
ended fell short; rolled up by area."""

import datetime
from collections import defaultdict

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from danvan.core.text import leading_name, search_order, search_terms
from danvan.orgs.models import OrganizationReach
from danvan.orgs.scope import restrict
from danvan.places.models import AreaReach
from danvan.voice.models import ReceptionDuty, ReceptionObligation, ReceptionSession


def sessions_for(user, action="view"):
    return restrict(ReceptionSession.objects.all(), user, action)


def in_area(qs, area, lookup="organization__area_id"):
    """Rows of organizations in ``area``'s subtree, legacy units that became part of it included."""
    area_id = getattr(area, "pk", area)
    return qs.filter(**{f"{lookup}__in": AreaReach.objects.filter(ancestor_id=area_id).values("descendant_id")})


def under_organization(qs, organization, lookup="organization_id"):
    org_id = getattr(organization, "pk", organization)
    return qs.filter(**{f"{lookup}__in": OrganizationReach.objects.filter(ancestor_id=org_id).values("descendant_id")})


def filter_sessions(user, *, q=None, organization=None, area=None, kind=None, rule=None, date_from=None,
                    date_to=None, receiver=None, **_ignored):
    """The sessions ``user`` may see, filtered; the page, the API and the export all call this with the
    cleaned data of ``ReceptionFilterForm``."""
    qs = sessions_for(user)
    if organization:
        qs = under_organization(qs, organization)
    if area:
        qs = in_area(qs, area)
    if kind:
        qs = qs.filter(kind=kind)
    if rule:
        qs = qs.filter(rule=rule)
    if date_from:
        qs = qs.filter(held_on__gte=date_from)
    if date_to:
        qs = qs.filter(held_on__lte=date_to)
    if receiver:
        qs = qs.filter(receiver_id=getattr(receiver, "pk", receiver))
    for word in search_terms(q or ""):
        qs = qs.filter(search_folded__contains=word)
    # what the user meant first: the receiver named as typed (the key begins with the name), then the
    # phrase in the name, place, note or cases, accents as typed; then the latest (``core.text``)
    return qs.select_related("organization", "receiver").annotate(n_cases=Count("cases", distinct=True)).order_by(
        *leading_name(q or "", "search_folded", "receiver__full_name"),
        *search_order(q or "", words=["search_folded"], accented=["receiver__full_name", "place"]), "-held_on", "-id")


def _obligations(year):
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    rows = ReceptionObligation.objects.filter(valid_from__lte=end).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=start)).order_by("valid_from")
    by_position = defaultdict(list)
    for row in rows:
        by_position[row.position].append(row)
    return by_position


def _required(obligations, year, month):
    """Days owed in a month: the obligation in force on the month's first day (the latest such row)."""
    first = datetime.date(year, month, 1)
    current = [o for o in obligations if o.valid_from <= first and (o.valid_to is None or o.valid_to >= first)]
    return current[-1].required_in(year, month) if current else 0


def duty_table(user, year: int, *, area=None, organization=None, today=None):
    """One row per duty in scope active in ``year``: the twelve months as {required, held, late}, the
    totals and the months missed. ``late`` only for a month that has ended (before ``today``'s month).
    Returns (rows, by_area): ``by_area`` sums required/held/missed per area of the organization."""
    today = today or timezone.localdate()
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    duties = restrict(ReceptionDuty.objects.all(), user).filter(valid_from__lte=end).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=start)).select_related("person", "organization__area")
    if area:
        duties = in_area(duties, area)
    if organization:
        duties = under_organization(duties, organization)
    duties = list(duties.order_by("organization__name_sort", "position", "id"))
    obligations = _obligations(year)
    held = defaultdict(int)
    if duties:
        counts = (ReceptionSession.objects.unscoped("counted for the duties selected through the scope above")
                  .filter(held_on__range=(start, end), receiver_id__in={d.person_id for d in duties},
                          organization_id__in={d.organization_id for d in duties})
                  .annotate(month=ExtractMonth("held_on")).values("receiver_id", "organization_id", "month")
                  .annotate(days=Count("held_on", distinct=True)))
        for c in counts:
            held[(c["receiver_id"], c["organization_id"], c["month"])] = c["days"]
    rows, by_area = [], {}
    for duty in duties:
        months = []
        for month in range(1, 13):
            first = datetime.date(year, month, 1)
            last = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
            active = duty.valid_from <= last and (duty.valid_to is None or duty.valid_to >= first)
            required = _required(obligations.get(duty.position, []), year, month) if active else 0
            days = held[(duty.person_id, duty.organization_id, month)]
            ended = last < today.replace(day=1)
            months.append({"month": month, "required": required, "held": days,
                           "late": ended and days < required, "active": active})
        row = {"duty": duty, "months": months, "required": sum(m["required"] for m in months if m["active"]),
               "held": sum(m["held"] for m in months), "missed": sum(m["late"] for m in months)}
        rows.append(row)
        area_row = by_area.setdefault(duty.organization.area_id, {
            "area": duty.organization.area, "holders": 0, "required": 0, "held": 0, "missed": 0})
        area_row["holders"] += 1
        for key in ("required", "held", "missed"):
            area_row[key] += row[key]
    return rows, sorted(by_area.values(), key=lambda r: r["area"].name_sort)
