"""Per-user queries of disclosures: everything starts from ``restrict``. The state of an obligation is
derived here in bulk (two queries of plain values), never read from a column."""

import datetime
from collections import defaultdict

from django.db.models import Q

from danvan.democracy.models import DisclosureItem, DisclosureRecord, Evidence, Obligation
from danvan.democracy.rules.periods import quarter_bounds
from danvan.democracy.rules.state import (
    COMPLIANT,
    DUE_STATES,
    Posting,
    Rules,
    State,
    derive,
    missing_channels,
)
from danvan.orgs.models import Kind
from danvan.orgs.scope import active_memberships, restrict
from danvan.places.models import Area, AreaReach


def _front_areas(user) -> list[int]:
    """Communes whose Front the user works in: the Front supervises every disclosure of its commune."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [m.organization.area_id for m in active_memberships(user) if m.organization.kind == Kind.FATHERLAND_FRONT]


def obligations_for(user, action: str = "view"):
    """Obligations ``user`` may act on: through the responsible organization; for reading, also every
    obligation of a commune whose Front the user works in (supervision)."""
    also = None
    if action == "view" and (areas := _front_areas(user)):
        also = Q(area_id__in=areas)
    return restrict(Obligation.objects.all(), user, action, also=also)


def records_for(user, action: str = "view"):
    also = Q(obligation__area_id__in=_front_areas(user)) if action == "view" and _front_areas(user) else None
    return restrict(DisclosureRecord.objects.all(), user, action, also=also)


def evidence_for(user, action: str = "view"):
    also = Q(record__obligation__area_id__in=_front_areas(user)) if action == "view" and _front_areas(user) else None
    return restrict(Evidence.objects.all(), user, action, also=also)


def in_area(qs, area, field: str = "area_id"):
    """Rows of ``area``'s subtree, the legacy units that became part of it included (history)."""
    return qs.filter(**{f"{field}__in": AreaReach.objects.filter(ancestor_id=getattr(area, "pk", area)).values(
        "descendant_id")})


def _rules() -> dict[int, Rules]:
    return {i.pk: Rules(tuple(i.channels or ()), i.min_posting_days, i.min_radio_days)
            for i in DisclosureItem.objects.all()}


def states(qs, *, today: datetime.date) -> dict[int, tuple[State, list[str]]]:
    """{obligation id: (state, missing channels)} for every obligation of ``qs`` (a scoped queryset),
    in two queries of plain values."""
    rows = list(qs.values_list("id", "item_id", "due_on", "not_applicable"))
    postings = defaultdict(list)
    ids = qs.values("id")
    for ob_id, channel, posted, down, radio in DisclosureRecord.objects.unscoped(
            "records of obligations already restricted to the user's scope").filter(
            obligation_id__in=ids).values_list("obligation_id", "channel", "posted_on", "taken_down_on", "radio_days"):
        postings[ob_id].append(Posting(channel, posted, down, radio))
    rules = _rules()
    out = {}
    for ob_id, item_id, due, na, in rows:
        p = postings.get(ob_id, [])
        out[ob_id] = (derive(rules=rules[item_id], due_on=due, not_applicable=na, postings=p, today=today),
                      missing_channels(rules[item_id], p))
    return out


def filter_obligations(user, *, area=None, item=None, state=None, year=None, quarter=None, organization=None,
                       today=None, action="view", **_ignored):
    """The obligations ``user`` may see, filtered; the HTML list, the export and the API all call this with
    the cleaned data of ``DisclosureFilterForm``. ``state`` is derived, so it is applied on ids."""
    qs = obligations_for(user, action)
    if area:
        qs = in_area(qs, area)
    if item:
        qs = qs.filter(item_id=getattr(item, "pk", item))
    if year:
        qs = qs.filter(year=year)
    if year and quarter:
        start, end = quarter_bounds(year, quarter)
        qs = qs.filter(basis_date__gte=start, basis_date__lte=end)
    if organization:
        qs = qs.filter(organization_id=getattr(organization, "pk", organization))
    if state:
        wanted = {state} if isinstance(state, str) else set(state)
        found = states(qs, today=today or _today())
        qs = qs.filter(pk__in=[pk for pk, (s, _m) in found.items() if s in wanted])
    return qs.order_by("due_on", "area__name_sort", "item__number", "id")


def _today():
    from django.utils import timezone

    return timezone.localdate()


def list_queryset(qs):
    return qs.select_related("item", "area", "organization").only(
        "id", "year", "period_key", "due_on", "basis_date", "not_applicable", "not_applicable_reason",
        "document_number", "version", "item__id", "item__number", "item__name", "item__channels",
        "item__min_posting_days", "item__min_radio_days", "area__id", "area__code", "area__name", "area__kind_name",
        "organization__id",
        "organization__name")


def with_states(page_rows, *, today):
    """Attach ``state``, ``colour`` and ``missing`` to each obligation of a page (one more query)."""
    from danvan.democracy.rules.state import COLOUR

    rows = list(page_rows)
    found = states(Obligation.objects.unscoped("the page's rows, fetched in scope").filter(
        pk__in=[r.pk for r in rows]), today=today)
    for r in rows:
        r.state, r.missing = found.get(r.pk, (State.NOT_DUE, []))
        r.colour = COLOUR[r.state]
    return rows


# --- the commune's board and the province's table --------------------------------------------------------

def board(user, area, *, year: int, quarter: int, today: datetime.date) -> list[dict]:
    """The commune's board for a quarter: one row per active item (14), with the obligations whose period
    ends (or whose document is dated) in the quarter, their state, the channels used and what to do next."""
    from danvan.democracy.rules.state import COLOUR, next_step

    start, end = quarter_bounds(year, quarter)
    qs = in_area(obligations_for(user), area).filter(basis_date__gte=start, basis_date__lte=end)
    obligations = list(qs.select_related("item").order_by("item__number", "basis_date", "id"))
    found = states(qs, today=today)
    used = defaultdict(set)
    for ob_id, channel in DisclosureRecord.objects.unscoped("records of obligations fetched in scope").filter(
            obligation_id__in=[o.pk for o in obligations]).values_list("obligation_id", "channel"):
        used[ob_id].add(channel)
    by_item = defaultdict(list)
    for o in obligations:
        state, missing = found[o.pk]
        o.state, o.colour, o.missing, o.next_step = state, COLOUR[state], missing, next_step(state, missing)
        o.channels_used = [(c, c in used[o.pk]) for c in o.item.channels]
        by_item[o.item_id].append(o)
    return [{"item": i, "obligations": by_item.get(i.pk, [])}
            for i in DisclosureItem.objects.filter(is_active=True).order_by("number")]


def province_table(user, province, *, year: int, today: datetime.date) -> list[dict]:
    """One row per current commune of ``province`` (obligations of the legacy communes merged into it
    count under it): the counts per state, the compliance rate (a ratio) among what is due (on time or not
    applicable, over everything due), and the same rate per quarter (history)."""
    communes = list(Area.objects.filter(pk__in=AreaReach.objects.filter(ancestor_id=province.pk).values(
        "descendant_id"), level="commune", valid_to__isnull=True).order_by("name_sort"))
    current = {c.pk: c for c in communes}
    to_commune = {}
    for ancestor, descendant in AreaReach.objects.filter(ancestor_id__in=list(current)).values_list(
            "ancestor_id", "descendant_id"):
        to_commune[descendant] = ancestor
    qs = in_area(obligations_for(user), province).filter(year=year)
    found = states(qs, today=today)
    meta = {pk: (area_id, basis) for pk, area_id, basis in qs.values_list("id", "area_id", "basis_date")}
    rows = {pk: {"area": c, "counts": defaultdict(int), "quarters": [[0, 0] for _q in range(4)]}
            for pk, c in current.items()}
    for ob_id, (state, _missing) in found.items():
        area_id, basis = meta[ob_id]
        row = rows.get(to_commune.get(area_id))
        if row is None:
            continue
        row["counts"][state] += 1
        if state in DUE_STATES or state == State.NOT_APPLICABLE:
            q = row["quarters"][(basis.month - 1) // 3]
            q[1] += 1
            q[0] += state in COMPLIANT
    out = []
    for row in rows.values():
        c = row["counts"]
        due = sum(c[s] for s in DUE_STATES) + c[State.NOT_APPLICABLE]
        good = c[State.ON_TIME] + c[State.NOT_APPLICABLE]
        row["total"] = sum(c.values())
        row["due"] = due
        row["rate"] = round(good / due, 3) if due else None  # Django truncates decimals: round here
        row["quarter_rates"] = [round(q[0] / q[1], 2) if q[1] else None for q in row["quarters"]]
        row["counts"] = dict(c)
        out.append(row)
    return out
