"""Small helpers shared by the views of every app (thin views: parse, call, render)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import render

from danvan.core.domain.audit import history_for
from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.interfaces import history
from danvan.core.models import AuditEvent


def paginate(request, queryset, per_page: int | None = None):
    paginator = Paginator(queryset, per_page or settings.DANVAN["PAGE_SIZE"])
    return paginator.get_page(request.GET.get("page"))


def render_list(request, template: str, partial: str, context: dict):
    """Render the whole page, or only the results fragment for an htmx request (filters, paging)."""
    if getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, partial, context)
    return render(request, template, context)


READS_SHOWN = 10


def audit_context(obj, limit: int = 50, *, masked: dict | None = None) -> dict:
    """The record's history for its page ("Lịch sử thao tác"): what was created, changed, deleted or done,
    each change as the page shows it (``core.interfaces.history``). Reads of personal data are not lines
    of the history: they stay in the audit trail and come apart as ``audit_reads`` (how many, the last
    ones, ``audit_reads_more`` when there are older ones). ``masked`` ({field: mask}) hides the before/after values of sensitive fields the reader may not
    see (the field name and the date of the change stay)."""
    events = list(history_for(obj).exclude(action=AuditEvent.Action.VIEW)[:limit])
    for event in events if masked else []:
        if isinstance(event.changes, dict):
            event.changes = {field: ([masked[field], masked[field]] if field in masked else change)
                             for field, change in event.changes.items()}
    history.describe(obj, events)
    reads = list(history_for(obj).filter(action=AuditEvent.Action.VIEW)[:READS_SHOWN + 1])
    return {"audit_events": events, "audit_reads": reads[:READS_SHOWN], "audit_reads_more": len(reads) > READS_SHOWN}


def refusal_to_form(form, exc, *, aliases: dict | None = None) -> None:
    """Put a domain refusal on the form that sent the data, so the page shows it where it belongs:
    each message of a ``ValidationError`` dict on its field (``aliases`` maps a domain's name to the
    form's, e.g. ``{"replicates": "replicates_id"}``), a refusal that names its ``field`` on that field,
    anything else at the top of the form."""
    aliases = aliases or {}

    def target(name):
        name = aliases.get(name, name)
        return name if name in form.fields else None

    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(target(field), error)
    elif isinstance(exc, ValidationError):
        form.add_error(None, exc)
    else:
        form.add_error(target(getattr(exc, "field", None)), message_of(exc))


def form_errors_message(form) -> str:
    """One message for a refused form, each fault named by its field's label ("Ngày: Nhập một ngày
    hợp lệ."), errors not tied to a field without a label; for pages that redirect instead of
    re-rendering the form."""
    parts = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = f"{field.label}: " if field is not None and field.label else ""
        parts.extend(f"{label}{error}" for error in errors)
    return "; ".join(parts)


def run_form_action(request, form, call, *, success=None):
    """A POSTed ``form`` that drives a domain action: an invalid form adds one error message naming
    each field (``form_errors_message``) and calls nothing; a valid one runs ``call(cleaned_data)``
    through ``run_action`` (one transaction, refusals as messages). Returns ``(ok, result)``."""
    if not form.is_valid():
        messages.error(request, form_errors_message(form))
        return False, None
    return run_action(request, lambda: call(form.cleaned_data), success=success)


def run_action(request, call, *, success=None):
    """Run a domain action (``call()``) in one transaction for a page: a refusal (not allowed,
    conflict, invalid) becomes its Vietnamese message through the one mapping of
    ``danvan.core.domain.refusals``, and nothing is changed. Returns ``(ok, result)``."""
    try:
        with transaction.atomic():
            result = call()
    except REFUSALS as exc:
        messages.error(request, message_of(exc))
        return False, None
    if success:
        messages.success(request, success(result) if callable(success) else success)
    return True, result
