"""Who may act on a practice. Everything goes through ``danvan.orgs.scope``; the only addition is the
rule that evaluation and recognition belong to a commission or Party committee covering the practice."""

from danvan.orgs.models.membership import ROLE_ACTIONS
from danvan.orgs.models.organization import AREA_SCOPED_KINDS
from danvan.orgs.scope import active_memberships, can
from danvan.places.models import AreaReach


def covering_memberships(user, action: str, organization) -> list:
    """The user's memberships in a dân vận commission or Party committee (area-scoped organizations)
    whose role allows ``action`` and whose area covers ``organization``'s area (history included)."""
    candidates = [
        m for m in active_memberships(user)
        if m.organization.kind in AREA_SCOPED_KINDS and action in ROLE_ACTIONS.get(m.role, ())
    ]
    if not candidates:
        return []
    covering = set(AreaReach.objects.filter(
        descendant_id=organization.area_id, ancestor_id__in={m.organization.area_id for m in candidates},
    ).values_list("ancestor_id", flat=True))
    return [m for m in candidates if m.organization.area_id in covering]


def commission_can(user, action: str, organization) -> bool:
    """Whether ``user`` may ``action`` on ``organization`` as a commission or Party committee."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return bool(covering_memberships(user, action, organization))


def may_edit(user, practice) -> bool:
    return can(user, "change", practice.organization)


def may_evaluate(user, practice) -> bool:
    return commission_can(user, "change", practice.organization)


def may_approve(user, practice) -> bool:
    return commission_can(user, "approve", practice.organization)
