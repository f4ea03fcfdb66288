"""Per-user organization queries: everything here starts from ``Organization.objects.for_user``."""

from django.db.models import Count

from danvan.core.models import User
from danvan.core.text import level_rank, search_order
from danvan.orgs.models import Kind, Membership, Organization
from danvan.orgs.models.organization import MOBILIZATION_BLOCK_KINDS
from danvan.orgs.scope import active_memberships, visible_organizations
from danvan.places.models import Area


def filter_organizations(user, *, q=None, kind=None, area=None, include_former=False, action="view", **_ignored):
    """The organizations ``user`` may see, filtered: ``area`` includes its subtree and the legacy
    units that became part of it."""
    qs = Organization.objects.for_user(user, action)
    if not include_former:
        qs = qs.current()
    if kind:
        qs = qs.filter(kind=kind)
    if area:
        root = area if isinstance(area, Area) else Area.objects.filter(pk=area).first()
        qs = qs.in_area(root) if root else qs.none()
    if q:
        # what the user meant first (``core.text.search_order``), then the higher level, then the name
        return qs.search(q).order_by(*search_order(q, words=["name_folded"], accented=["name"]),
                                     level_rank("area__level"), "name_sort", "id")
    return qs.order_by("name_sort", "id")


def mobilization_block(user, area: Area, *, history: bool = False):
    """The khối dân vận of ``area``: the organizations located in it (not its subtree) that take part
    in dân vận work — every kind but the Party committee itself — in scope for ``user``; for a legacy
    area, the organizations as they were (now dissolved or merged)."""
    qs = Organization.objects.for_user(user).filter(kind__in=MOBILIZATION_BLOCK_KINDS)
    if not area.is_legacy:
        qs = qs.current()
    if history:
        return qs.in_area(area).select_related("area")
    return qs.filter(area=area).select_related("area")


def scope_summary(user) -> dict:
    """The dashboard's counts, all inside the user's scope."""
    orgs = Organization.objects.for_user(user)
    by_kind = dict(orgs.current().values_list("kind").annotate(n=Count("id")))
    memberships = active_memberships(user)
    roots = {m.organization.area_id for m in memberships if m.organization.is_area_scoped}
    if user.is_superuser:
        communes = Area.objects.filter(level="commune")
    elif roots:
        communes = Area.objects.filter(level="commune", reach_up__ancestor_id__in=roots).distinct()
    else:
        communes = Area.objects.filter(level="commune", id__in=orgs.values("area_id"))
    return {
        "organizations": sum(by_kind.values()),
        "former_organizations": orgs.filter(valid_to__isnull=False).count(),
        "communes": communes.filter(valid_to__isnull=True).count(),
        "legacy_communes": communes.filter(valid_to__isnull=False).count(),
        "users": User.objects.filter(
            memberships__organization__in=visible_organizations(user), is_active=True
        ).distinct().count(),
        "by_kind": [{"kind": k.value, "label": k.label, "n": by_kind[k.value]} for k in Kind if by_kind.get(k.value)],
    }


def members_of(user, organization):
    """The memberships of ``organization`` (the caller has already checked the organization is in scope)."""
    return Membership.objects.filter(organization=organization).select_related("user").order_by("role", "user__username")


def successions_of(user, org):
    """(links to ``org``'s predecessors, links to its successors), keeping only the organizations
    ``user`` may see: a page never names an organization that answers 404 when opened."""
    from danvan.orgs.scope import visible_organizations

    visible = visible_organizations(user)
    return (org.predecessor_links.filter(predecessor_id__in=visible).select_related("predecessor"),
            org.successor_links.filter(successor_id__in=visible).select_related("successor"))
