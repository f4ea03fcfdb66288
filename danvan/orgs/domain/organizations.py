"""Domain actions on organizations. Views and the API call these; each names its effects."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.orgs.models import Organization, OrganizationReach, OrganizationSuccession

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


@transaction.atomic
def create_organization(*, actor, **values) -> Organization:
    """Create an organization.

    Effects: inserts the ``Organization``, its ``OrganizationReach`` rows, and a "create" audit event.
    Raises ``ValidationError`` (in Vietnamese) when dates or parent are inconsistent.
    """
    org = Organization(**values)
    _check(org)
    org.save()
    _add_reach(org)
    audit.record(actor, "create", org, changes=audit.diff({}, audit.snapshot(org)))
    return org


@transaction.atomic
def update_organization(org: Organization, *, actor, expected_version: int | None = None, **values) -> Organization:
    """Change an organization's fields.

    Effects: updates the row and bumps ``version``; if ``parent`` changed, rebuilds the organization
    reach closure; if ``area`` or ``kind`` changed, calls each of ``MOVE_HANDLERS`` (the reports
    module moves the organization's counted reports in its roll-up aggregates); writes an "update" audit event with the changed fields. Raises ``ValidationError``
    when ``expected_version`` is given and another user saved in between (nothing is changed then).
    """
    locked = Organization.objects.select_for_update().get(pk=org.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(
            _("Someone else has just changed this organization. Reload the page to see their changes, then edit again."),
            code="conflict",
        )
    before = audit.snapshot(locked)
    old_parent, old_area, old_kind = locked.parent_id, locked.area_id, locked.kind
    for key, value in values.items():
        setattr(locked, key, value)
    _check(locked)
    locked.version += 1
    locked.save()
    if locked.parent_id != old_parent:
        rebuild_reach()
    if (locked.area_id, locked.kind) != (old_area, old_kind):
        for handler in MOVE_HANDLERS:
            handler(locked, old_area_id=old_area, old_kind=old_kind)
    audit.record(actor, "update", locked, changes=audit.diff(before, audit.snapshot(locked)))
    org.__dict__.update(locked.__dict__)
    return locked


@transaction.atomic
def record_succession(
    predecessors: list[Organization], successor: Organization, *, kind: str, effective: datetime.date, actor, note=""
) -> list[OrganizationSuccession]:
    """Record that ``predecessors`` were renamed, merged or split into ``successor`` on ``effective``.

    Effects: inserts one ``OrganizationSuccession`` per predecessor; sets each predecessor's
    ``valid_to`` to the day before ``effective`` when it had none; audit events on both sides.
    """
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
