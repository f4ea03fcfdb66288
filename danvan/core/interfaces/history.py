"""The audit trail as a reader sees it ("Lịch sử thao tác"): field labels instead of field names, choice
labels, dates dd/mm/yyyy HH:MM in local time, numbers 215.000.000, related records by their name.

The stored ``AuditEvent.changes`` keep raw values (``{"status": ["draft", "registered"]}``, foreign keys
as ids, dates in ISO form); this module turns them into lines when a page shows them. A key that is not a
field of the record's model (e.g. a report's indicator codes) is described by the describer its app
registers for the model (``register_keys``), so that core knows no module."""

from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.templatetags.dv import num

EMPTY = "—"

# model label ("reports.report") -> fn(obj, keys) -> {key: (label, format(raw) -> str)}
_DESCRIBERS: dict[str, Callable] = {}


def register_keys(model_label: str, describer: Callable) -> None:
    """Let an app describe the change keys of its model that are not fields: ``describer(obj, keys)``
    returns ``{key: (label, format)}`` where ``format(raw)`` gives the value as the page shows it."""
    _DESCRIBERS[model_label.lower()] = describer


def number(raw, decimals: int | None = None) -> str:
    """A stored number as the page shows it: "215000000" -> "215.000.000", "36.24" -> "36,24"."""
    if raw in (None, ""):
        return EMPTY
    try:
        value = Decimal(str(raw))
    except (InvalidOperation, ValueError):
        return str(raw)
    if decimals is None:
        value = value.normalize() if value == value.to_integral_value() else value
        decimals = max(0, -value.as_tuple().exponent)
    return num(value, decimals)


def _datetime(raw: str) -> str:
    value = datetime.fromisoformat(raw)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "d/m/Y H:i")


def _formatter(field, related: dict) -> Callable[[str], str]:
    """How a raw stored value of ``field`` reads on the page."""
    if field.choices:
        labels = {str(key): str(label) for key, label in field.flatchoices}
        return lambda raw: labels.get(str(raw), str(raw))
    if isinstance(field, models.ForeignKey):
        names = related.get(field.related_model, {})
        return lambda raw: names.get(str(raw), str(raw))
    if isinstance(field, models.BooleanField):
        return lambda raw: {"True": _("yes"), "False": _("no")}.get(str(raw), str(raw))
    if isinstance(field, models.DateTimeField):
        return _datetime
    if isinstance(field, models.DateField):
        return lambda raw: date_format(date.fromisoformat(str(raw)[:10]), "d/m/Y")
    if isinstance(field, models.TimeField):
        return lambda raw: date_format(time.fromisoformat(str(raw)), "H:i")
    if isinstance(field, models.DecimalField):
        return lambda raw: number(raw)
    if isinstance(field, models.IntegerField | models.FloatField):
        if field.name == "year" or field.name.endswith("_year"):
            return str  # 2026, not 2.026
        return lambda raw: number(raw)
    return str


# Field names whose models give no verbose name of their own.
FIELD_LABELS = {
    "created_by": gettext_lazy("created by"),
    "uploaded_by": gettext_lazy("uploaded by"),
    "author": gettext_lazy("author"),
    "note": gettext_lazy("note"),
    "year": gettext_lazy("year"),
    "title": gettext_lazy("title"),
    "status": gettext_lazy("status"),
    "state": gettext_lazy("state"),
}


def label_of(field) -> str:
    """The field's label as a form shows it; a field declared without a verbose name is named by its
    known label, or (a foreign key) by the related model's name."""
    label = str(field.verbose_name)
    if label == field.name.replace("_", " "):
        if field.name in FIELD_LABELS:
            label = str(FIELD_LABELS[field.name])
        elif field.is_relation and field.related_model is not None:
            label = str(field.related_model._meta.verbose_name)
    return capfirst(label)


def _safe(format_, raw) -> str:
    if raw in (None, ""):
        return EMPTY
    try:
        return format_(raw)
    except (ValueError, TypeError):
        return str(raw)


def _related_names(model, keys: set[str], events) -> dict:
    """{related model: {pk as text: name}} for every foreign key value the events mention (one query
    per related model; a record deleted since reads as its id)."""
    wanted: dict = {}
    for key in keys:
        try:
            field = model._meta.get_field(key)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ForeignKey):
            for event in events:
                for raw in (event.changes or {}).get(key, [])[:2]:
                    if raw not in (None, ""):
                        wanted.setdefault(field.related_model, set()).add(str(raw))
    names = {}
    for related, pks in wanted.items():
        rows = related._base_manager.filter(pk__in=[pk for pk in pks if pk.isdigit()] if _integer_pk(related)
                                             else list(pks))
        if related is ContentType:
            names[related] = {str(ct.pk): capfirst(ct.model_class()._meta.verbose_name) if ct.model_class()
                              else ct.model for ct in rows}
        else:
            names[related] = {str(row.pk): str(row) for row in rows}
    return names


def _integer_pk(model) -> bool:
    return isinstance(model._meta.pk, models.AutoField | models.BigAutoField | models.IntegerField)


def describe(obj: models.Model, events: list) -> None:
    """Give each event of ``obj`` its ``lines``: ``[(label, before, after)]`` as the page shows them, in
    the order the changes were recorded."""
    model = type(obj)
    keys = {key for event in events if isinstance(event.changes, dict) for key in event.changes}
    if not keys:
        for event in events:
            event.lines = []
        return
    related = _related_names(model, keys, events)
    described: dict = {}
    others, hidden = [], set()
    for key in keys:
        try:
            field = model._meta.get_field(key)
        except FieldDoesNotExist:
            others.append(key)
            continue
        if not hasattr(field, "verbose_name"):
            others.append(key)
            continue
        if field.primary_key:
            hidden.add(key)
            continue
        described[key] = (label_of(field), _formatter(field, related))
    describer = _DESCRIBERS.get(model._meta.label_lower)
    if others and describer:
        described.update(describer(obj, others))
    for event in events:
        lines = []
        for key, pair in (event.changes or {}).items() if isinstance(event.changes, dict) else ():
            if key in hidden:
                continue
            label, format_ = described.get(key, (key, _plain))
            before, after = (list(pair) + ["", ""])[:2] if isinstance(pair, list | tuple) else ("", pair)
            lines.append((label, _safe(format_, before), _safe(format_, after)))
        event.lines = lines


def _plain(raw) -> str:
    """A value of an unknown key: numbers in the Vietnamese format, anything else as stored."""
    text = str(raw)
    if text.lstrip("-").replace(".", "", 1).isdigit():
        return number(text)
    return text
