"""Scoped managers: a query on an organization-owned model that forgot the scope raises.

Every model whose rows belong to an organization (a report, a practice, a meeting, a nomination, an
issued document, ...) declares ``objects = ScopedManager(via="organization")`` (``via`` is the lookup
from the model to the organization that owns the row, e.g. ``"report__organization"`` for a report's
values). Its querysets refuse to run (``ScopeError``) until they have passed through the scope:

- ``restrict(queryset, user, action)`` / ``get_in_scope(...)`` in ``danvan.orgs.scope`` (and the apps'
  ``queries/`` functions built on them) mark the queryset scoped;
- ``queryset.unscoped("why")`` is the explicit, greppable escape for what is not a user's view of the
  data: a domain action locking a row by primary key it already checked, a system job (reminders,
  roll-up maintenance), the demo, benchmarks, tests reading rows back, the admin site for superusers;
- a related manager reached from an object in hand (``report.values.all()``) and ``prefetch_related``
  (also with a ``Prefetch`` queryset) are allowed: the parent objects were themselves fetched through
  the scope (or an explicit escape), and the related rows belong to them. Where the related rows have
  their own owner (a person's positions in other organizations), pass the ``Prefetch`` queryset
  through ``restrict`` too.

"Evaluated" means anything that runs the query and returns rows or figures: iteration, ``len``,
``bool``, ``get``, ``first``/``last``, ``count``, ``exists``, ``contains``, ``aggregate``, ``values``,
``in_bulk``, ``iterator``, ``update``, ``delete``, ``get_or_create``. Building a queryset does not run
it, so ``filter``/``order_by`` before ``restrict`` are fine, and a queryset used as a *subquery* of
another query (``filter(x__in=Report.objects.values("id"))``) is compiled into the outer query without
a check: the outer query decides which rows come back (and is itself checked when its model is
scoped). ``create``/``bulk_create`` write the objects the caller built, so they are not checked (a
domain action checks the caller's rights before it creates). ``_base_manager`` stays Django's plain
manager, so forward relations (``value.report``), ``refresh_from_db``, ``save`` and cascades are
untouched; migrations use plain historical managers.

``SCOPED_MODELS`` (model → ``via``) is filled by the managers themselves; ``UNSCOPED_MODELS`` lists
the models that hold a link to an organization but are not organization-owned records, each with the
reason. ``tests/orgs/test_scoping.py`` checks that every model linked to an organization (directly or
through a scoped model) is in one of the two.
"""

import contextvars
from contextlib import contextmanager

from django.db import models
from django.db.models.constants import LOOKUP_SEP


class ScopeError(RuntimeError):
    """A query on an organization-owned model ran without the scope."""


SCOPED_MODELS: dict[type, tuple[str, ...]] = {}

# Models that link to an organization but whose rows are not an organization's records.
UNSCOPED_MODELS: dict[str, str] = {
    "orgs.Organization": "the scope itself: Organization.objects.for_user / restrict(via='self')",
    "orgs.OrganizationSuccession": "structure of the organization tree, read through the organizations in scope",
    "orgs.OrganizationReach": "closure table that computes the scope",
    "orgs.Membership": "users and roles (issue 9 §1): read through restrict(..., 'manage') in orgs views",
    "core.Job": "a background job belongs to the user who started it (filtered by user)",
    "core.AuditEvent": "the audit trail is read per object on pages already in scope",
    "documents.NumberCounter": "the register's counter row, locked by (organization, type, term) in issue_number",
}

_disabled: contextvars.ContextVar[str | None] = contextvars.ContextVar("danvan_scope_disabled", default=None)


@contextmanager
def scope_checks_disabled(why: str):
    """Run a block whose queries on scoped models need no scope (Django's own uniqueness validation,
    ``dumpdata``). Prefer ``.unscoped(why)`` on the one queryset: this is for code you do not own."""
    if not why or not str(why).strip():
        raise ValueError("scope_checks_disabled() needs the reason")
    token = _disabled.set(why)
    try:
        yield
    finally:
        _disabled.reset(token)


class ScopedQuerySet(models.QuerySet):
    """A queryset that runs only once it has passed through the scope (or an explicit escape)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._scope_mark: str | None = None

    def _clone(self):
        clone = super()._clone()
        clone._scope_mark = self._scope_mark
        return clone

    # Marking -------------------------------------------------------------------------------------

    def _scoped(self, how: str):
        clone = self._chain()
        clone._scope_mark = how
        return clone

    def unscoped(self, why: str):
        """This queryset needs no user's scope, for the reason given (greppable: ``.unscoped(``)."""
        if not why or not str(why).strip():
            raise ValueError("unscoped() needs the reason")
        return self._scoped(f"unscoped: {why}")

    def __repr__(self):
        if self._scope_mark is None and self._result_cache is None and _disabled.get() is None:
            return f"<{type(self).__name__} of {self.model._meta.label}: not scoped, not evaluated>"
        return super().__repr__()

    def _add_hints(self, **hints):
        # Django calls this (only) when the queryset fetches the rows related to an object in hand: a
        # related manager, or prefetch_related (with or without a Prefetch queryset).
        super()._add_hints(**hints)
        instance = hints.get("instance")
        if instance is not None and self._scope_mark is None:
            self._scope_mark = f"related to {instance._meta.label} {instance.pk}"

    def none(self):
        """An empty queryset shows nothing, so it needs no scope."""
        return super().none()._scoped("none()")

    @property
    def is_scoped(self) -> bool:
        return self._scope_mark is not None

    def _require_scope(self, operation: str):
        if self._scope_mark is None and _disabled.get() is None:
            raise ScopeError(
                f"{self.model._meta.label}: {operation} of a query that did not pass through the scope. "
                f"Fetch the rows with restrict(queryset, user, action) or get_in_scope(...) from "
                f"danvan.orgs.scope (or the app's queries/), or say why none is needed with "
                f'.unscoped("why") (domain lock by primary key, system job, demo, benchmark, test).'
            )

    # Every way a query runs -------------------------------------------------------------------------

    def _fetch_all(self):
        if self._result_cache is None:
            self._require_scope("evaluation")
        super()._fetch_all()

    def iterator(self, *args, **kwargs):
        self._require_scope("iterator()")
        return super().iterator(*args, **kwargs)

    async def aiterator(self, *args, **kwargs):
        self._require_scope("aiterator()")
        async for row in super().aiterator(*args, **kwargs):
            yield row

    def count(self):
        if self._result_cache is None:
            self._require_scope("count()")
        return super().count()

    def exists(self):
        if self._result_cache is None:
            self._require_scope("exists()")
        return super().exists()

    def contains(self, obj):
        if self._result_cache is None:
            self._require_scope("contains()")
        return super().contains(obj)

    def aggregate(self, *args, **kwargs):
        self._require_scope("aggregate()")
        return super().aggregate(*args, **kwargs)

    def update(self, **kwargs):
        self._require_scope("update()")
        return super().update(**kwargs)

    update.alters_data = True

    def _update(self, values):
        self._require_scope("update()")
        return super()._update(values)

    _update.alters_data = True

    def delete(self):
        self._require_scope("delete()")
        return super().delete()

    delete.alters_data = True

    def explain(self, *args, **kwargs):
        self._require_scope("explain()")
        return super().explain(*args, **kwargs)

    def bulk_update(self, objs, fields, batch_size=None):
        """Writes the objects in hand (like ``save``): no scope needed."""
        return super(ScopedQuerySet, self.unscoped("bulk_update of objects in hand")).bulk_update(
            objs, fields, batch_size=batch_size)

    bulk_update.alters_data = True


class ScopedManagerMixin:
    """The manager side: registers the model with its ``via`` and marks related managers."""

    def __init__(self, *args, via: str | tuple[str, ...] = "organization", **kwargs):
        super().__init__(*args, **kwargs)
        self.via = (via,) if isinstance(via, str) else tuple(via)

    def deconstruct(self):
        # Managers are not used in migrations (use_in_migrations is False); keep `via` out of them.
        return super().deconstruct()

    def contribute_to_class(self, cls, name):
        super().contribute_to_class(cls, name)
        if not cls._meta.abstract:
            SCOPED_MODELS[cls] = self.via

    def get_queryset(self):
        queryset = super().get_queryset()
        instance = getattr(self, "instance", None)
        if instance is not None:
            # A related manager (report.values, prefetch_related("values")): the parent was fetched
            # through the scope (or an explicit escape), and these rows are its own.
            queryset = queryset._scoped(f"related to {instance._meta.label} {instance.pk}")
        return queryset


class ScopedManager(ScopedManagerMixin, models.Manager.from_queryset(ScopedQuerySet)):
    """``objects = ScopedManager(via="organization")`` on every organization-owned model."""


def scoped_manager_for(queryset_class: type[ScopedQuerySet]) -> type:
    """A scoped manager class for a model with its own queryset methods (a ``ScopedQuerySet`` subclass)."""
    return type(f"Scoped{queryset_class.__name__}Manager", (ScopedManagerMixin,
                                                             models.Manager.from_queryset(queryset_class)), {})


def via_of(model) -> tuple[str, ...]:
    """The lookups from ``model`` to its owning organization(s) (default: ``organization``)."""
    return SCOPED_MODELS.get(model, ("organization",))


def is_multi_valued(model, lookup: str) -> bool:
    """Whether ``lookup`` from ``model`` crosses a to-many relation (rows would repeat in a join)."""
    opts = model._meta
    for part in lookup.split(LOOKUP_SEP):
        try:
            field = opts.get_field(part)
        except Exception:  # noqa: BLE001 - a transform or an unknown name: not a relation
            return False
        if field.many_to_many or field.one_to_many:
            return True
        if not field.is_relation:
            return False
        opts = field.related_model._meta
    return False


class ScopedAdminMixin:
    """Django admin: superusers see every row (an explicit escape), anyone else only their scope."""

    def get_queryset(self, request):
        from danvan.orgs.scope import restrict

        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset.unscoped("admin site, superuser")
        return restrict(queryset, request.user, "change")


class ScopedModel:
    """Mixin for organization-owned models: Django's own uniqueness validation (``full_clean``,
    ``ModelForm``) reads other rows to compare, which needs no user's scope."""

    def _perform_unique_checks(self, unique_checks):
        with scope_checks_disabled("Django uniqueness validation"):
            return super()._perform_unique_checks(unique_checks)

    def validate_constraints(self, exclude=None):
        with scope_checks_disabled("Django constraint validation"):
            return super().validate_constraints(exclude=exclude)
