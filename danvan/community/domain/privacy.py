"""Sensitive personal data of the module (ethnicity, religion, opinions): who sees it unmasked, and the
one function that logs every read (the pages, the exports, the Party document and the API call it).

Who sees what is data (``SensitiveGrant`` rows: a role, optionally in one kind of organization);
everyone else sees ``MASK``. Reads are "view" audit events on each record read, shown on the record's
page and in the organization administrator's log of reads (``reads_for``)."""

from django.utils.translation import gettext as _

from danvan.community.models import Category, SensitiveGrant
from danvan.core.domain import audit
from danvan.orgs.models import Role
from danvan.orgs.scope import active_memberships

MASK = "•••"
_CACHE = "_danvan_sensitive"


def categories_for(user) -> frozenset[str]:
    """The categories of sensitive data ``user`` sees unmasked (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if getattr(user, "is_superuser", False):
        return frozenset(Category.values)
    cached = user.__dict__.get(_CACHE)
    if cached is None:
        pairs = {(m.role, m.organization.kind) for m in active_memberships(user)}
        cached = frozenset(
            category for category, role, kind in SensitiveGrant.objects.values_list(
                "category", "role", "organization_kind")
            if any(role == r and kind in ("", k) for r, k in pairs))
        user.__dict__[_CACHE] = cached
    return cached


def shown(user, category: str, value):
    """``value`` if ``user`` sees ``category``, else the mask (an empty value stays empty)."""
    if value in (None, ""):
        return value
    return value if category in categories_for(user) else MASK


def is_administrator(user) -> bool:
    """An organization's administrator (quản trị) or a superuser: who sees the log of reads."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or any(m.role == Role.ADMIN for m in active_memberships(user))


def sees_identity(user, collaborator) -> bool:
    """Whether ``user`` sees who an opinion collaborator is: anyone in scope for an ordinary one; for a
    confidential one (đơn tuyến) only a leader (lãnh đạo) of the managing organization itself — not a
    leader above it, not an administrator, not a superuser."""
    if not collaborator.confidential:
        return True
    return any(m.role == Role.LEADER and m.organization_id == collaborator.organization_id
               for m in active_memberships(user)) if getattr(user, "is_authenticated", False) else False


def record_read(*, actor, objects, where: str) -> None:
    """Log that ``actor`` read the personal data of ``objects`` (people of prestige…) on a page, in an
    export, a document or through the API (``where``). Effects: one "view" audit event per object,
    naming the categories shown unmasked; nothing when ``objects`` is empty."""
    objects = list(objects)
    if not objects:
        return
    seen = sorted(str(Category(c).label) for c in categories_for(actor))
    message = _("Read (%(where)s); sensitive data shown: %(what)s") % {
        "where": where, "what": ", ".join(seen) if seen else _("none (masked)")}
    audit.record_many(actor, "view", objects, message=message)


def record_identity_read(*, actor, collaborators, where: str) -> None:
    """Log that ``actor`` read opinion collaborators (``where``: page, export, API). Effects: one "view"
    audit event per collaborator, saying whether the identity or only the code was shown."""
    collaborators = list(collaborators)
    for shown_name, group in ((True, [c for c in collaborators if sees_identity(actor, c)]),
                              (False, [c for c in collaborators if not sees_identity(actor, c)])):
        if group:
            audit.record_many(actor, "view", group, message=_("Read (%(where)s); %(what)s") % {
                "where": where, "what": _("identity shown") if shown_name else _("code only (identity masked)")})
