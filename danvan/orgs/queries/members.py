"""Who works in an organization: the recipients of a notification about it."""

from danvan.orgs.models import Membership


def members_of(organization_ids, *, roles=("officer", "leader")) -> list:
    """The active users holding an active membership with one of ``roles`` in any of the organizations
    (ids or objects), once each, in a stable order."""
    ids = [getattr(o, "pk", o) for o in organization_ids]
    if not ids:
        return []
    rows = (Membership.objects.filter(organization_id__in=ids, is_active=True, user__is_active=True,
                                      role__in=list(roles))
            .select_related("user").order_by("user_id"))
    return list({m.user_id: m.user for m in rows}.values())


def members_by_organization(organization_ids, *, roles=("officer", "leader")) -> dict[int, list]:
    """``members_of`` for many organizations in one query: {organization id: [active users holding an
    active membership with one of ``roles`` in it]}, each list in user order; an organization without
    such members is absent."""
    ids = [getattr(o, "pk", o) for o in organization_ids]
    if not ids:
        return {}
    result: dict[int, dict] = {}
    rows = (Membership.objects.filter(organization_id__in=ids, is_active=True, user__is_active=True,
                                      role__in=list(roles))
            .select_related("user").order_by("organization_id", "user_id"))
    for m in rows.iterator(chunk_size=2000):
        result.setdefault(m.organization_id, {})[m.user_id] = m.user
    return {org: list(users.values()) for org, users in result.items()}
