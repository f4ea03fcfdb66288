"""The audit trail: every domain action that creates, changes or deletes a record calls ``record``."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from danvan.core.models import AuditEvent


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict:
    """The values of ``obj``'s concrete fields (or ``fields``) as JSON-friendly strings."""
    result = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if not field.editable or field.name in {"name_folded", "name_sort", "version"}:
            continue
        value = field.value_from_object(obj)
        result[field.name] = "" if value is None else str(value)
    return result


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for every field whose value differs."""
    return {key: [before.get(key, ""), value] for key, value in after.items() if before.get(key, "") != value}


def record(actor, action: str, obj: models.Model, *, changes: dict | None = None, message: str = "") -> AuditEvent:
    """Write one audit event for ``obj``.

    Effects: inserts one ``AuditEvent`` row (actor may be None for system actions such as
    ``load_units``). Returns it.
    """
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        message=message[:500],
        changes=changes or {},
    )


def record_many(actor, action: str, objects: list, *, message: str = "", changes: dict | None = None) -> None:
    """Write one audit event per object of ``objects`` (all of one model) in one insert.

    Effects: inserts ``len(objects)`` ``AuditEvent`` rows (batches of 1,000), each with the same
    ``changes`` (e.g. the status step of a bulk action)."""
    if not objects:
        return
    content_type = ContentType.objects.get_for_model(objects[0], for_concrete_model=False)
    actor = actor if getattr(actor, "pk", None) else None
    AuditEvent.objects.bulk_create([
        AuditEvent(actor=actor, action=action, content_type=content_type, object_id=str(obj.pk),
                   object_repr=str(obj)[:300], message=message[:500], changes=changes or {}) for obj in objects
    ], batch_size=1000)


def history_for(obj: models.Model):
    """The audit events of ``obj``, newest first, with their actors."""
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False), object_id=str(obj.pk)
    ).select_related("actor")
