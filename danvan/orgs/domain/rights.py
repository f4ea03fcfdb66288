"""Who may change what defines a scope, and who may grant which role (issue 9 §1).

The scope (``orgs.scope``) says what a user may see and do; these rules keep anyone from widening
their own scope or rights through the actions that edit the things the scope is made of:

- an organization's **kind, area and parent** define who sees what. They are changed only by a
  superuser or by a **quản trị from above**: someone with the ``manage`` right over the organization
  who holds no role in the organization itself (so through an organization above it in the tree, or an
  area-scoped commission whose area covers it). A member of the organization never changes them;
- an organization whose members see a whole area (Party committee, dân vận commission, a commune's
  Ban Xây dựng Đảng) is made, moved or staffed only by someone who already **administers that whole
  area** (a quản trị of an area-scoped organization whose area covers it), or a superuser;
- roles are granted by a quản trị inside its ``manage`` scope, never to itself; **lãnh đạo** (who
  approves) only by a quản trị from above;
- whoever creates or moves an organization must still see it afterwards.

``actor=None`` in the domain actions is the system itself (data loading, demo, tests): no rights check.
"""

from django.db.models import QuerySet

from danvan.orgs.models import Organization, Role
from danvan.orgs.models.organization import AREA_SCOPED_KINDS
from danvan.orgs.scope import active_memberships, can, pickable_areas
from danvan.places.models import Area, AreaReach

SCOPE_FIELDS = ("kind", "area", "parent")


def is_system(actor) -> bool:
    return actor is None or (getattr(actor, "is_superuser", False) and actor.is_active)


def is_member(user, organization: Organization) -> bool:
    """Whether ``user`` holds an active role in ``organization`` itself."""
    return any(m.organization_id == organization.pk for m in active_memberships(user))


def administers_from_above(user, organization: Organization) -> bool:
    """A superuser, or a quản trị who manages ``organization`` without being one of its members."""
    if is_system(user):
        return True
    return not is_member(user, organization) and can(user, "manage", organization)


def administers_whole_area(user, area: Area) -> bool:
    """A superuser, or a quản trị of an area-scoped organization whose area covers ``area``."""
    if is_system(user):
        return True
    roots = {m.organization.area_id for m in active_memberships(user)
             if m.role == Role.ADMIN and m.organization.kind in AREA_SCOPED_KINDS}
    return bool(roots) and AreaReach.objects.filter(ancestor_id__in=roots, descendant_id=area.pk).exists()


def placeable_areas(user) -> QuerySet:
    """Areas where ``user`` may place an organization (``pickable_areas(user, purpose="place")``)."""
    return pickable_areas(user, purpose="place")


def may_edit(user, organization: Organization) -> bool:
    """Whether ``user`` may edit ``organization`` at all (its name and contact details at least)."""
    return is_system(user) or can(user, "change", organization) or administers_from_above(user, organization)


def may_attach_to(user, parent: Organization) -> bool:
    """Whether ``user`` may place an organization under ``parent``."""
    return is_system(user) or can(user, "change", parent) or can(user, "manage", parent)


def may_grant_leader_somewhere(user) -> bool:
    """Whether some organization in ``user``'s manage scope accepts a lãnh đạo from ``user``."""
    if is_system(user):
        return True
    own = [m.organization_id for m in active_memberships(user)]
    return Organization.objects.for_user(user, "manage").exclude(pk__in=own).exists()
