"""Per-user petition queries: the register filtered (page, API and export share one filter form), and
the counts by kind × state of an area (with the legacy units merged into it). "Overdue" reads the due
date the domain caches at every step (``Petition.due_on``, the clocks' derivation)."""

from django.db.models import Count, Sum
from django.utils import timezone

from danvan.core.text import search_order, search_terms
from danvan.orgs.scope import restrict
from danvan.voice.models import Petition, PetitionTally
from danvan.voice.models.petitions import RESOLVED_STATES
from danvan.voice.queries.receptions import in_area, under_organization


def filter_petitions(user, *, q=None, kind=None, state=None, overdue=None, area=None, organization=None,
                     handler=None, received_from=None, received_to=None, today=None, **_ignored):
    qs = restrict(Petition.objects.all(), user)
    if kind:
        qs = qs.filter(kind=kind)
    if state == "resolved":
        qs = qs.filter(state__in=RESOLVED_STATES)
    elif state:
        qs = qs.filter(state=state)
    if overdue:
        qs = qs.filter(due_on__lt=today or timezone.localdate())
    if area:
        qs = in_area(qs, area, lookup="area_id")
    if organization:
        qs = under_organization(qs, organization)
    if handler:
        qs = qs.filter(handler_id=getattr(handler, "pk", handler))
    if received_from:
        qs = qs.filter(received_on__gte=received_from)
    if received_to:
        qs = qs.filter(received_on__lte=received_to)
    for word in search_terms(q or ""):
        qs = qs.filter(subject_folded__contains=word)
    # prefetched, not joined: a page sorts only the petitions' own rows (top-N), the names come after;
    # what the user meant first: the subject as typed (the key is the code, then the subject), then the
    # phrase in it, accents as typed; then the latest received (``core.text.search_order``)
    return qs.prefetch_related("organization", "area").order_by(
        *search_order(q or "", names=["subject_folded"], accented=["subject"]), "-received_on", "-id")


def counts_by_kind_and_state(user, *, area=None, received_from=None, received_to=None) -> dict:
    """{(kind, state): n} of the petitions in scope (of ``area``'s subtree, legacy units included): the
    whole register from the tallies kept by the domain (``PetitionTally``), a window of receipt dates
    from the petitions themselves."""
    if received_from or received_to:
        qs = filter_petitions(user, area=area, received_from=received_from, received_to=received_to).order_by()
        return {(r["kind"], r["state"]): r["n"] for r in qs.values("kind", "state").annotate(n=Count("id"))}
    qs = restrict(PetitionTally.objects.all(), user)
    if area:
        qs = in_area(qs, area, lookup="area_id")
    rows = qs.order_by().values("kind", "state").annotate(total=Sum("n"))
    return {(r["kind"], r["state"]): r["total"] for r in rows if r["total"]}


class ByKeys:
    """A sliceable stand-in for a petition queryset, for the paginator: a page first reads the ids of
    its rows in order (an index-only scan of (organization, due date) covering the received date), then
    the rows themselves by primary key — so a page of the overdue list of a province fetches 50 rows
    from the table, not the 16,000 it sorts."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self) -> int:
        return self.queryset.count()

    def none(self) -> "ByKeys":
        return ByKeys(self.queryset.none())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index:index + 1][0]
        ids = list(self.queryset.values_list("pk", flat=True)[index])
        rows = {p.pk: p for p in Petition.objects.unscoped("the ids were selected through the scope").filter(
            pk__in=ids).prefetch_related("organization", "area")}
        return [rows[pk] for pk in ids if pk in rows]
