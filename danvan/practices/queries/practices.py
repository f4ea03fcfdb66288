"""Per-user practice queries: everything starts from ``restrict`` (the one scoping mechanism)."""

from django.db.models import Q

from danvan.core.text import level_rank, search_order, search_terms
from danvan.orgs.models import OrganizationReach
from danvan.orgs.scope import restrict
from danvan.places.models import AreaReach
from danvan.practices.models import Practice

SORTS = {
    "name": ("name_sort", "id"), "-name": ("-name_sort", "-id"),
    "date": ("created_at", "id"), "-date": ("-created_at", "-id"),
    "status": ("status", "name_sort", "id"), "-status": ("-status", "name_sort", "id"),
    "year": ("year", "name_sort", "id"), "-year": ("-year", "name_sort", "id"),
}


def practices_for(user, action: str = "view"):
    """The practices ``user`` may act on with ``action`` (through their registering organization)."""
    return restrict(Practice.objects.all(), user, action)


def in_area(qs, area):
    """Practices carried out in ``area``'s subtree, legacy units that became part of it included."""
    area_id = getattr(area, "pk", area)
    return qs.filter(area_id__in=AreaReach.objects.filter(ancestor_id=area_id).values("descendant_id"))


def filter_practices(user, *, q=None, field=None, status=None, level=None, holder=None, kind=None, campaign=None,
                     year=None, area=None, organization=None, outstanding=None, sort=None, action="view",
                     **_ignored):
    """The practices ``user`` may see, filtered and sorted; the HTML list, the export and the API all
    call this with the cleaned data of ``PracticeFilterForm``."""
    qs = practices_for(user, action)
    if field:
        qs = qs.filter(field=field)
    if status:
        qs = qs.filter(status=status)
    if level:
        qs = qs.filter(level=level)
    if holder:
        qs = qs.filter(holder=holder)
    if kind:
        qs = qs.filter(kind=kind)
    if campaign:
        qs = qs.filter(campaign_id=getattr(campaign, "pk", campaign))
    if year:
        qs = qs.filter(year=year)
    if area:
        qs = in_area(qs, area)
    if organization:
        org_id = getattr(organization, "pk", organization)
        qs = qs.filter(organization_id__in=OrganizationReach.objects.filter(ancestor_id=org_id).values("descendant_id"))
    if outstanding:
        qs = qs.filter(is_outstanding=True)
    for word in search_terms(q or ""):
        # a word of the name, or a word that starts a word of the model's area ("bao ai": Xã Bảo Ái's models)
        qs = qs.filter(Q(name_folded__contains=word) | Q(area__name_folded__contains=f" {word}"))
    if search_terms(q or "") and not sort:
        # what the user meant first: the area named by the phrase, the phrase in the name, accents as
        # typed; then the higher level and the Vietnamese order (``core.text.search_order``)
        return qs.order_by(*search_order(q, names=["area__name_folded"], words=["name_folded"],
                                         accented=["name", "area__name"]),
                           level_rank("area__level"), "name_sort", "id")
    return qs.order_by(*SORTS.get(sort or "name", SORTS["name"]))


def list_queryset(qs):
    """What a list page needs of each row, in the same number of queries whatever the page size."""
    return qs.select_related("organization", "area", "campaign").only(
        "id", "name", "kind", "holder", "person_name", "field", "status", "level", "is_outstanding", "year",
        "name_sort", "created_at", "organization__id", "organization__name", "area__id", "area__name",
        "area__kind_name", "area__valid_to", "campaign__id", "campaign__name",
    )


def campaigns_for(user):
    """Campaigns a user may see and register under: those launched by an organization in scope, and
    those launched for an area that covers one of the user's organizations (a commune registers under
    the province's campaign)."""
    from django.db.models import Q

    from danvan.orgs.scope import active_memberships, restrict
    from danvan.practices.models import Campaign

    own_areas = {m.organization.area_id for m in active_memberships(user)}
    return restrict(Campaign.objects.all(), user, also=Q(
        organization__area_id__in=AreaReach.objects.filter(descendant_id__in=own_areas).values("ancestor_id")))


def campaign_list(user, *, year: int | None = None):
    """The campaign list (``practices.interfaces.lists.CAMPAIGNS``): the campaigns ``user`` sees, those
    running in ``year`` when given, with their number of criteria, newest first."""
    from django.db.models import Count

    qs = campaigns_for(user)
    if year:
        qs = qs.filter(start_year__lte=year, end_year__gte=year)
    return qs.annotate(n=Count("criteria")).order_by("-start_year", "name", "id")


def areas_for(user):
    """Areas a user may place a practice in or filter by: ``pickable_areas`` (the one rule), ordered
    current first, then by level and name."""
    from danvan.orgs.scope import pickable_areas

    return pickable_areas(user).order_by("valid_to", "level", "name_sort")
