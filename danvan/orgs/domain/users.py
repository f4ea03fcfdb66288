"""Domain actions on users and memberships (done by a quản trị inside their scope).

Who grants which role (``orgs.domain.rights``): a quản trị grants chuyên viên and quản trị roles in
the organizations it manages, never to itself; lãnh đạo (who approves) only a quản trị from above
(who manages the organization without being one of its members) or a superuser; a role in an
organization whose members see a whole area only someone who administers that whole area.
"""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.models import User
from danvan.orgs.domain import rights
from danvan.orgs.models import Membership, Role
from danvan.orgs.models.organization import AREA_SCOPED_KINDS
from danvan.orgs.scope import can


def _require_manage(actor, organization):
    if actor is not None and not can(actor, "manage", organization):
        raise ValidationError(_("You may not manage the users of this organization."), code="refused")


def _require_grant(actor, user, organization, role) -> None:
    """Refuse a grant that would give someone rights its grantor may not give (see the module doc)."""
    _require_manage(actor, organization)
    if actor is not None and user is not None and user.pk == actor.pk:
        raise ValidationError(_("You cannot grant a role to yourself."), code="refused")
    if role == Role.LEADER and not rights.administers_from_above(actor, organization):
        raise ValidationError({"role": _(
            "Only an administrator of a higher-level organization or a system administrator may grant "
            "the leader role in this organization.")}, code="refused")
    if organization.kind in AREA_SCOPED_KINDS and not rights.administers_whole_area(actor, organization.area):
        raise ValidationError({"organization": _(
            "Members of this organization see every organization in its area; only an administrator "
            "of that whole area may grant roles in it.")}, code="refused")


@transaction.atomic
def create_user(*, actor, username, full_name, password, organization, role, email="", position="") -> User:
    """Create a user working in ``organization`` with ``role``.

    Effects: inserts a ``User`` (Argon2 password hash) and a ``Membership``; audit events for both.
    Raises ``ValidationError`` (nothing written) when ``actor`` may not grant ``role`` in
    ``organization`` (see the module doc), or when the password fails the password validators
    (``{"password": [...]}``, in Vietnamese).
    """
    _require_grant(actor, None, organization, role)
    user = User(username=username, full_name=full_name, email=email)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.error_list}) from exc
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
    Raises ``ValidationError`` (nothing written) when ``actor`` may not grant ``role`` there: not in
    its manage scope, to itself, lãnh đạo without being a quản trị from above, or an area-scoped
    organization without administering that area (see the module doc).
    """
    _require_grant(actor, user, organization, role)
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
