"""Domain actions on users and memberships (done by a quản trị inside their scope)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.models import User
from danvan.orgs.models import Membership
from danvan.orgs.scope import can


def _require_manage(actor, organization):
    if not can(actor, "manage", organization):
        raise ValidationError(_("You may not manage the users of this organization."))


@transaction.atomic
def create_user(*, actor, username, full_name, password, organization, role, email="", position="") -> User:
    """Create a user working in ``organization`` with ``role``.

    Effects: inserts a ``User`` (Argon2 password hash) and a ``Membership``; audit events for both.
    Raises ``ValidationError`` when ``actor`` may not manage ``organization``.
    """
    _require_manage(actor, organization)
    user = User(username=username, full_name=full_name, email=email)
    user.set_password(password)
    user.save()
    membership = Membership.objects.create(user=user, organization=organization, role=role, position=position)
    audit.record(actor, "create", user, message=_("Account created"))
    audit.record(actor, "create", membership)
    return user


@transaction.atomic
def add_membership(*, actor, user, organization, role, position="") -> Membership:
    """Give ``user`` a role in ``organization`` (or change the role they have there).

    Effects: inserts or updates one ``Membership`` (reactivating it); an audit event on the user.
    """
    _require_manage(actor, organization)
    membership, created = Membership.objects.update_or_create(
        user=user, organization=organization, defaults={"role": role, "position": position, "is_active": True}
    )
    audit.record(actor, "create" if created else "update", user,
                 message=_("Role %(role)s at %(org)s") % {"role": membership.get_role_display(), "org": organization})
    return membership


@transaction.atomic
def end_membership(*, actor, membership: Membership) -> None:
    """End a membership. Effects: sets ``is_active`` False; an audit event on the user."""
    _require_manage(actor, membership.organization)
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    audit.record(actor, "update", membership.user,
                 message=_("Role at %(org)s ended") % {"org": membership.organization})


@transaction.atomic
def set_active(*, actor, user: User, active: bool) -> None:
    """Lock or unlock a user's account. Effects: sets ``is_active``; an audit event.

    Only for users all of whose active memberships the actor may manage.
    """
    for membership in user.memberships.filter(is_active=True).select_related("organization"):
        _require_manage(actor, membership.organization)
    if user.pk == actor.pk and not active:
        raise ValidationError(_("You cannot lock your own account."))
    user.is_active = active
    user.save(update_fields=["is_active"])
    audit.record(actor, "update", user, message=_("Unlock account") if active else _("Lock account"))
