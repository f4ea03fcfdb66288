"""The users an administrator manages (read-only)."""

from django.db.models import Prefetch

from danvan.core.models import User
from danvan.core.text import leading_name, search_filter, search_order
from danvan.orgs.models import Membership
from danvan.orgs.scope import restrict


def managed_users(actor):
    """Users with at least one membership in an organization ``actor`` may manage."""
    memberships = restrict(Membership.objects.all(), actor, "manage")
    return User.objects.filter(id__in=memberships.values("user_id"))


def user_list(actor, *, q: str = ""):
    """The user list (``orgs.interfaces.lists.USERS``): the managed users matching ``q`` (name, username
    or email, without diacritics), by username; with ``q``, the user named as typed first, then the phrase
    in the name, username or email, accents as typed (``core.text.search_order``)."""
    return search_filter(managed_users(actor), q).order_by(
        *leading_name(q or "", "name_folded", "full_name"),
        *search_order(q or "", words=["name_folded"], accented=["full_name"]), "username")


def with_memberships(users):
    """What a row of the user list shows: the active memberships and their organizations, prefetched."""
    return users.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.filter(is_active=True).select_related("organization")))
