"""Domain actions on organizations. Views and the API call these; each names its effects."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.orgs.domain import rights
from danvan.orgs.models import Organization, OrganizationReach, OrganizationSuccession
from danvan.orgs.models.organization import AREA_SCOPED_KINDS
from danvan.orgs.scope import can, forget

# Modules whose stored figures depend on an organization's area or kind register a callable here (the
# reports module: its roll-up aggregates). ``update_organization`` calls each in its own transaction,
# ``handler(organization, old_area_id=..., old_kind=...)``, when the area or the kind changed.
MOVE_HANDLERS: list = []

EDITABLE_FIELDS = ["name", "short_name", "kind", "area", "parent", "valid_from", "valid_to", "email", "phone", "address"]


def _add_reach(org: Organization) -> None:
    rows = [OrganizationReach(ancestor_id=org.id, descendant_id=org.id, depth=0)]
    if org.parent_id:
        rows += [
            OrganizationReach(ancestor_id=anc, descendant_id=org.id, depth=depth + 1)
            for anc, depth in OrganizationReach.objects.filter(descendant_id=org.parent_id).values_list(
                "ancestor_id", "depth"
            )
        ]
    OrganizationReach.objects.bulk_create(rows)


def rebuild_reach() -> int:
    """Recompute the whole ``OrganizationReach`` closure from the parent links.

    Effects: deletes and re-inserts every ``OrganizationReach`` row. Returns the number of rows.
    """
    parents = dict(Organization.objects.values_list("id", "parent_id"))
    rows = []
    for org_id in parents:
        node, depth, seen = org_id, 0, set()
        while node is not None and node not in seen:
            seen.add(node)
            rows.append(OrganizationReach(ancestor_id=node, descendant_id=org_id, depth=depth))
            node, depth = parents.get(node), depth + 1
    with transaction.atomic():
        OrganizationReach.objects.all().delete()
        OrganizationReach.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def _check(org: Organization) -> None:
    if org.valid_from and org.valid_to and org.valid_to < org.valid_from:
        raise ValidationError({"valid_to": _("The end date must be after the start date.")})
    node, seen = org.parent, set()
    while node is not None:
        if org.pk and node.pk == org.pk:
            raise ValidationError({"parent": _("The parent organization cannot be this organization or one below it.")})
        if node.pk in seen:
            break
        seen.add(node.pk)
        node = node.parent


def _check_scope_values(actor, *, kind, area, parent, changed: set[str]) -> None:
    """Refuse scope-defining values ``actor`` may not set (only the fields in ``changed`` are checked).

    The area must lie in the areas the actor works in, the parent in what the actor may change or
    manage; a kind whose members see a whole area needs an administrator of that whole area.
    """
    if rights.is_system(actor):
        return
    if "area" in changed and not rights.placeable_areas(actor).filter(pk=area.pk).exists():
        raise ValidationError({"area": _("This choice is not in your scope.")})
    if "parent" in changed and parent is not None and not rights.may_attach_to(actor, parent):
        raise ValidationError({"parent": _("This choice is not in your scope.")})
    if changed & {"kind", "area"} and kind in AREA_SCOPED_KINDS and not rights.administers_whole_area(actor, area):
        raise ValidationError({"kind": _(
            "Only an administrator of the whole area may make an organization whose members see every "
            "organization in that area (a Party committee or a mass mobilization commission).")})


def _check_still_visible(actor, org: Organization) -> None:
    """Refuse a change after which ``actor`` would no longer see ``org`` (memberships read afresh: the
    change may have ended the organization the actor works in)."""
    if rights.is_system(actor):
        return
    forget(actor)
    if not can(actor, "view", org):
        forget(actor)
        raise ValidationError(_(
            "You would no longer see this organization: it would be outside your scope. "
            "Choose a parent organization in your scope."), code="refused")


@transaction.atomic
def create_organization(*, actor, **values) -> Organization:
    """Create an organization.

    Rights (``orgs.domain.rights``): the area must be one the actor works in, the parent one the actor
    may change or manage, an area-scoped kind needs an administrator of the whole area, and the actor
    must see the new organization afterwards (``actor=None``: the system, unchecked).

    Effects: inserts the ``Organization``, its ``OrganizationReach`` rows, and a "create" audit event.
    Raises ``ValidationError`` (in Vietnamese, naming the field) when a right is missing or dates or
    parent are inconsistent; nothing is written then.
    """
    org = Organization(**values)
    _check_scope_values(actor, kind=org.kind, area=org.area, parent=org.parent, changed=set(rights.SCOPE_FIELDS))
    _check(org)
    org.save()
    _add_reach(org)
    _check_still_visible(actor, org)
    audit.record(actor, "create", org, changes=audit.diff({}, audit.snapshot(org)))
    return org


@transaction.atomic
def update_organization(org: Organization, *, actor, expected_version: int | None = None, **values) -> Organization:
    """Change an organization's fields.

    Rights (``orgs.domain.rights``): the actor may change the organization, or administers it from
    above. The fields that define a scope (kind, area, parent) change only by a quản trị from above
    (never a member of the organization) or a superuser, within the actor's own scope, and the actor
    must still see the organization afterwards. Values equal to the current ones are no change.

    Effects: updates the row and bumps ``version``; if ``parent`` changed, rebuilds the organization
    reach closure; if ``area`` or ``kind`` changed, calls each of ``MOVE_HANDLERS`` (the reports
    module moves the organization's counted reports in its roll-up aggregates); writes an "update"
    audit event with the changed fields. Raises ``ValidationError`` (nothing is changed then) when a
    right is missing (code "refused"); ``StaleVersion`` when ``expected_version`` is given and another
    user saved in between.
    """
    if not rights.may_edit(actor, org):
        raise ValidationError(_("You may not change this organization."), code="refused")
    stale = _("Someone else has just changed this organization. Reload the page to see their changes, then edit again.")
    with edit(org, actor=actor, expected_version=expected_version, stale=stale) as locked:
        old_parent, old_area, old_kind = locked.parent_id, locked.area_id, locked.kind
        changed = {key for key in rights.SCOPE_FIELDS if key in values and values[key] != getattr(locked, key)}
        if changed and not rights.administers_from_above(actor, locked):
            raise ValidationError(
                _("Only an administrator of a higher-level organization or a system administrator may change "
                  "this organization's kind, area or parent organization."),
                code="refused",
            )
        for key, value in values.items():
            setattr(locked, key, value)
        _check_scope_values(actor, kind=locked.kind, area=locked.area, parent=locked.parent, changed=changed)
        _check(locked)
    # saved (version + 1) and audited; what follows may still refuse, which rolls the whole action back
    if locked.parent_id != old_parent:
        rebuild_reach()
    _check_still_visible(actor, locked)
    if (locked.area_id, locked.kind) != (old_area, old_kind):
        for handler in MOVE_HANDLERS:
            handler(locked, old_area_id=old_area, old_kind=old_kind)
    return locked


@transaction.atomic
def record_succession(
    predecessors: list[Organization], successor: Organization, *, kind: str, effective: datetime.date, actor, note=""
) -> list[OrganizationSuccession]:
    """Record that ``predecessors`` were renamed, merged or split into ``successor`` on ``effective``.

    Rights: the actor may edit the successor and every predecessor (``rights.may_edit``).

    Effects: inserts one ``OrganizationSuccession`` per predecessor; sets each predecessor's
    ``valid_to`` to the day before ``effective`` when it had none; audit events on both sides.
    """
    if not all(rights.may_edit(actor, org) for org in [successor, *predecessors]):
        raise ValidationError(_("You may not change this organization."), code="refused")
    links = []
    for pred in predecessors:
        if pred.pk == successor.pk:
            raise ValidationError(_("An organization cannot succeed itself."))
        link, _created = OrganizationSuccession.objects.update_or_create(
            predecessor=pred, successor=successor, defaults={"kind": kind, "effective": effective, "note": note}
        )
        links.append(link)
        if pred.valid_to is None:
            pred.valid_to = effective - datetime.timedelta(days=1)
            pred.save(update_fields=["valid_to", "name_folded", "name_sort"])
        audit.record(actor, "action", pred, message=_("Succeeded by %(org)s") % {"org": successor})
        audit.record(actor, "action", successor, message=_("Succeeds %(org)s") % {"org": pred})
    return links
