"""The one scoping mechanism: what a user may see and change.

Every view, choice list, search and API endpoint asks here (directly, or through
``Organization.objects.for_user`` and ``restrict``), so that the rule lives in one place:

- a user of a Party committee or a dân vận commission (Ban Dân vận, Ban Tuyên giáo và Dân vận, a
  commune's Ban Xây dựng Đảng) acts on every organization located in its area's subtree, legacy
  units that became part of that area included (through ``places.AreaReach``);
- a user of any other organization acts on that organization and those below it
  (through ``orgs.OrganizationReach``);
- the role decides the actions: chuyên viên view/change, lãnh đạo view/change/approve,
  quản trị view/manage; a superuser may do everything.

Records of other modules belong to an organization; ``restrict(queryset, user, action)`` keeps those
whose organization is in scope, and ``get_in_scope`` answers 404 for the rest.
"""

from contextvars import ContextVar

from django.core.exceptions import EmptyResultSet
from django.db.models import BooleanField, Expression, F, Q, QuerySet
from django.http import Http404

from danvan.core.domain.refusals import NotAllowed
from danvan.orgs.models import Membership, Organization, OrganizationReach
from danvan.orgs.models.membership import ACTIONS, ROLE_ACTIONS
from danvan.orgs.models.organization import AREA_SCOPED_KINDS
from danvan.orgs.scoping import ScopedQuerySet, is_multi_valued, via_of
from danvan.places.models import AreaReach

_CACHE_ATTR = "_danvan_scope"

# Read-only requests (GET, HEAD, OPTIONS: they never write, by the project's rule) resolve the scope once:
# the ids of the organizations in scope are read in one query and every scoped query of the request then
# filters on that list (``ScopeSnapshotMiddleware``). PostgreSQL plans a literal list with its statistics
# (a province's 470 organizations are 48,000 practices, not 1,600), so lists walk their sort index and
# counts use index-only scans; a nested subquery re-evaluated by every query was planned blind. The
# snapshot lives on the request's user object, like the memberships, and is dropped by ``forget`` and by
# any write to an organization or a membership during the request (``scope_changed``). Outside such a
# request (jobs, domain actions, tests calling functions) the scope stays the subquery it always was.
_SNAPSHOT: ContextVar[bool] = ContextVar("danvan_scope_snapshot", default=False)
# Above this many organizations the subquery is kept (a literal list that long costs more than it saves).
SNAPSHOT_LIMIT = 3000


def snapshot_scope(enabled: bool):
    """Allow (or not) the scope to be resolved once for the rest of this request; returns the token
    for ``reset_snapshot``."""
    return _SNAPSHOT.set(enabled)


def reset_snapshot(token) -> None:
    _SNAPSHOT.reset(token)


def scope_changed(**_kwargs) -> None:
    """Receiver of writes to what makes a scope (organizations, memberships): no snapshot for the rest
    of this request, so a domain action that creates an organization sees it at once."""
    _SNAPSHOT.set(False)


class InIds(Expression):
    """``column IN (ids)`` for a snapshot's list of ids: on PostgreSQL one array parameter, its text
    (``column = ANY('{…}'::bigint[])``, planned with the column's statistics like a literal list), so a list of
    hundreds of ids costs Django and psycopg one value to prepare instead of one placeholder each;
    elsewhere (SQLite) a plain ``IN`` list. Used in ``filter()`` and ``Q(...)`` like a lookup."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, column, ids):
        super().__init__()
        self.column = F(column) if isinstance(column, str) else column
        self.ids = tuple(ids)

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        if not self.ids:
            raise EmptyResultSet
        sql, params = compiler.compile(self.column)
        if connection.vendor == "postgresql":
            # the array as its text, cast: psycopg writes a list of ids element by element (a regular
            # expression per element; ~0.5 ms for a province's 470 organizations, several times a page)
            return f"{sql} = ANY(%s::bigint[])", (*params, "{" + ",".join(map(str, map(int, self.ids))) + "}")
        return f"{sql} IN ({', '.join(['%s'] * len(self.ids))})", (*params, *self.ids)


def scope_ids(user, action: str = "view") -> list[int] | None:
    """The ids of the organizations ``user`` may act on with ``action`` when the request allows a
    snapshot (read once per set of roots, then kept on the user object: the actions a role shares cost
    one query); None otherwise, or for a superuser (no filter), or when the list would be too long."""
    if not _SNAPSHOT.get() or not getattr(user, "is_authenticated", False):
        return None
    roots = _roots(user, action)
    if roots is None:
        return None
    snapshots = user.__dict__.setdefault(_CACHE_ATTR, {}).setdefault("ids", {})
    if roots not in snapshots:
        ids = list(Organization.objects.filter(_condition(roots)).order_by("id").values_list("id", flat=True)[
            :SNAPSHOT_LIMIT + 1])
        snapshots[roots] = ids if len(ids) <= SNAPSHOT_LIMIT else None
    return snapshots[roots]


def active_memberships(user) -> list[Membership]:
    """The user's active memberships with their organizations (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cache = user.__dict__.setdefault(_CACHE_ATTR, {})
    if "memberships" not in cache:
        cache["memberships"] = list(
            Membership.objects.filter(user=user, is_active=True, organization__valid_to__isnull=True)
            .select_related("organization__area")
            .order_by("id")
        )
    return cache["memberships"]


def _roots(user, action: str) -> tuple[frozenset, frozenset] | None:
    """(area ids, organization ids) at the root of ``user``'s scope for ``action``; None: everything."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if getattr(user, "is_superuser", False) and user.is_active:
        return None
    area_ids, org_ids = set(), set()
    for membership in active_memberships(user):
        if action not in ROLE_ACTIONS.get(membership.role, ()):
            continue
        if membership.organization.kind in AREA_SCOPED_KINDS:
            area_ids.add(membership.organization.area_id)
        else:
            org_ids.add(membership.organization_id)
    return frozenset(area_ids), frozenset(org_ids)


def _condition(roots: tuple[frozenset, frozenset]) -> Q:
    area_ids, org_ids = roots
    condition = Q(pk__in=[])
    if area_ids:
        condition |= Q(area_id__in=AreaReach.objects.filter(ancestor_id__in=sorted(area_ids)).values("descendant_id"))
    if org_ids:
        condition |= Q(id__in=OrganizationReach.objects.filter(ancestor_id__in=sorted(org_ids)).values("descendant_id"))
    return condition


def scope_filter(user, action: str = "view") -> Q | None:
    """A ``Q`` on ``Organization`` for what ``user`` may do with ``action``; None means everything."""
    roots = _roots(user, action)
    return None if roots is None else _condition(roots)


def visible_organizations(user, action: str = "view") -> QuerySet:
    """The ids of the organizations ``user`` may act on with ``action``, as a subquery."""
    ids = scope_ids(user, action)
    if ids is not None:
        return Organization.objects.filter(InIds("pk", ids)).values("id")
    condition = scope_filter(user, action)
    qs = Organization.objects.all() if condition is None else Organization.objects.filter(condition)
    return qs.values("id")


def restrict(queryset: QuerySet, user, action: str = "view", *, via: str | tuple[str, ...] | None = None,
             also: Q | None = None) -> QuerySet:
    """Keep the rows of ``queryset`` whose organization is in scope for ``action``, and mark the queryset
    scoped (``danvan.orgs.scoping``: a scoped model's query runs only after this, or ``.unscoped``).

    ``via`` is the lookup from the rows to their organization; by default the one the model's scoped
    manager declares (``"organization"`` otherwise). Several lookups (a meeting's organizer and its
    co-organizers, a task's organizer and its assignees) keep a row when any of them is in scope;
    a lookup that crosses a to-many relation is applied as a subquery, so rows never repeat. ``also``
    keeps the rows it matches too (a campaign launched for an area that covers the user's units)."""
    if via is None:
        vias = ("self",) if queryset.model is Organization else via_of(queryset.model)
    else:
        vias = (via,) if isinstance(via, str) else tuple(via)
    condition = scope_filter(user, action)
    if condition is not None:
        ids = scope_ids(user, action)
        if queryset.model is Organization and vias in {("",), ("self",)}:
            queryset = queryset.filter(condition if ids is None else InIds("pk", ids))
        else:
            orgs = None if ids is not None else visible_organizations(user, action)

            def in_scope(lookup):
                return InIds(lookup, ids) if ids is not None else Q(**{f"{lookup}__in": orgs})

            keep = Q(pk__in=[])
            for lookup in vias:
                if is_multi_valued(queryset.model, lookup):
                    inner = queryset.model._base_manager.filter(in_scope(lookup)).values("pk")
                    keep |= Q(pk__in=inner)
                else:
                    keep |= Q(in_scope(lookup))
            if also is not None:
                keep |= also
            queryset = queryset.filter(keep)
    if isinstance(queryset, ScopedQuerySet):
        queryset = queryset._scoped(f"restrict({action!r})")
    return queryset


def get_in_scope(queryset: QuerySet, user, action: str = "view", *, via: str | tuple[str, ...] | None = None,
                 **lookup):
    """The one object matching ``lookup`` inside the user's scope, or 404 (never 403: what is out of
    scope does not exist for the user)."""
    return one_or_404(restrict(queryset, user, action, via=via), **lookup)


def one_or_404(queryset: QuerySet, **lookup):
    """The one object of an already scoped ``queryset`` (a ``queries/`` function's) matching ``lookup``,
    or 404; a malformed id is a 404 too."""
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def can(user, action: str, obj) -> bool:
    """Whether ``user`` may do ``action`` on ``obj``: an organization, or a row of an organization-owned
    model (through the lookups its scoped manager declares: a meeting's co-organizers, a task's
    assignees, a person's positions)."""
    condition = scope_filter(user, action)
    if condition is None:
        return True
    if isinstance(obj, Organization):
        ids = scope_ids(user, action)
        if ids is not None:
            return obj.pk in ids
        return Organization.objects.filter(condition, pk=obj.pk).exists()
    model = type(obj)
    return restrict(model._base_manager.filter(pk=obj.pk), user, action, via=via_of(model)).exists()


def require(user, action: str, obj, message, *, field: str | None = None) -> None:
    """The rights check of a domain action: refuse with ``NotAllowed`` (403, ``message``, naming
    ``field``) unless ``user`` may do ``action`` on ``obj`` (see ``can``). ``user`` None is the system
    (the demo, background jobs): only code that runs without a signed-in user passes it."""
    if user is None:
        return
    if not can(user, action, obj):
        raise NotAllowed(message, field=field)


def home_organization(user) -> Organization | None:
    """The organization the interface shows as the user's own (their first active membership)."""
    memberships = active_memberships(user)
    return memberships[0].organization if memberships else None


def pickable_areas(user, *, purpose: str = "filter") -> QuerySet:
    """The one answer to "which areas may this user pick" (Area rows, unordered):

    - ``"filter"`` (list filters, statistics, roll-ups, completeness, where a record is carried out):
      every unit, current or legacy, in the subtree of the areas of the user's organizations, history
      included (``AreaReach``: the legacy units that became part of them), so old Yên Bái's communes
      are found from new Lào Cai; a superuser: every area;
    - ``"place"`` (where to place an organization): current units only, under those areas, without
      history; a superuser: every current province and commune.
    """
    from danvan.places.models import Area

    superuser = getattr(user, "is_superuser", False)
    roots = {m.organization.area_id for m in active_memberships(user)} if not superuser else set()
    if purpose == "place":
        qs = Area.objects.current()
        if superuser:
            return qs.filter(level__in=["province", "commune"])
        return qs.filter(reach_up__ancestor_id__in=roots, reach_up__via_history=False).distinct()
    if purpose != "filter":
        raise ValueError(f"unknown purpose {purpose!r}")
    if superuser:
        return Area.objects.all()
    return Area.objects.filter(id__in=AreaReach.objects.filter(ancestor_id__in=roots).values("descendant_id"))


def membership_covers(membership, organization) -> bool:
    """Whether one membership's scope covers ``organization``: a Party committee or a dân vận
    commission covers every organization located in its area's subtree (history included); any other
    organization covers itself and the organizations below it. The rule ``scope_filter`` applies in SQL."""
    own = membership.organization
    if own.is_area_scoped:
        return AreaReach.objects.filter(ancestor_id=own.area_id, descendant_id=organization.area_id).exists()
    return OrganizationReach.objects.filter(ancestor_id=own.id, descendant_id=organization.id).exists()


def covers_area(user, area, action: str = "view") -> bool:
    """Whether ``user`` sees every organization in ``area``'s subtree: one of their area-scoped
    organizations (committee, commission) has ``area`` in its subtree, with ``action``. ``user`` None
    (the system) and a superuser cover everything."""
    if user is None or (user.is_superuser and user.is_active):
        return True
    if area is None:
        return False
    roots = [m.organization.area_id for m in active_memberships(user)
             if m.organization.is_area_scoped and action in m.actions]
    if not roots:
        return False
    # cached beside the memberships it derives from (per request; ``forget`` drops both)
    cache = user.__dict__.setdefault(_CACHE_ATTR, {}).setdefault("covers_area", {})
    key = (area.pk, action)
    if key not in cache:
        cache[key] = AreaReach.objects.filter(ancestor_id__in=roots, descendant=area).exists()
    return cache[key]


def scope_areas(user):
    """The areas at the root of the user's scope (for the header and the dashboard)."""
    return [m.organization.area for m in active_memberships(user)]


def forget(user) -> None:
    """Drop the cached memberships (after a membership change in the same request)."""
    user.__dict__.pop(_CACHE_ATTR, None)
