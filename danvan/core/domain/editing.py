"""One optimistic edit (issue 8 §3): lock the row, check the version read, change, bump the version,
save and audit — the block every edit action repeated.

    with edit(practice, actor=actor, expected_version=version, stale=_("... changed by someone else")) as locked:
        ...checks that may raise (state, rights): nothing is saved then...
        locked.name = name
    # saved, version + 1, one "update" audit event with the changed fields

The caller runs inside ``transaction.atomic`` (a domain action); ``stale`` is the Vietnamese message of
the 409 (``StaleVersion``, field ``version``)."""

from contextlib import contextmanager

from danvan.core.domain import audit
from danvan.core.domain.refusals import StaleVersion


def lock(obj, *related: str):
    """``obj``'s row again, locked (``select_for_update``) through the plain manager, with ``related``
    joined (``select_related``): the caller got ``obj`` through the scope, so this is a domain lock by
    primary key."""
    rows = type(obj)._base_manager.select_for_update()
    if related:
        rows = rows.select_related(*related)
    return rows.get(pk=obj.pk)


def check_version(locked, expected_version: int | None, stale, *, refusal=StaleVersion) -> None:
    """Refuse with ``refusal`` (``StaleVersion`` or a subclass: 409, field ``version``) when someone
    saved since the page was read."""
    if expected_version is not None and locked.version != expected_version:
        raise refusal(stale, field="version", code="conflict")


@contextmanager
def edit(obj, *, actor, expected_version: int | None, stale, action: str = "update", message: str = ""):
    """Lock ``obj``, check the version, yield the locked row to change; then bump ``version``, save,
    write one audit event with the changed fields (and ``message``, e.g. the step taken), and copy the
    saved values onto ``obj``. An exception inside the block saves nothing."""
    locked = lock(obj)
    check_version(locked, expected_version, stale)
    before = audit.snapshot(locked)
    yield locked
    locked.version += 1
    locked.save()
    audit.record(actor, action, locked, changes=audit.diff(before, audit.snapshot(locked)), message=str(message))
    obj.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
