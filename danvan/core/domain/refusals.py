"""Typed refusals of domain actions, and their ONE mapping to what the caller sees.

Every domain action refuses in one of three ways, whatever the module:

- ``NotAllowed`` — the actor may see the record but may not do this to it (a right is missing).
  HTTP 403.
- ``Conflict`` — the request is fine but the record is not in a state that allows it: another user
  saved in between (``StaleVersion``) or the status does not allow the step (``WrongState``).
  HTTP 409.
- ``django.core.exceptions.ValidationError`` — the data sent is invalid; with a dict of
  {field: messages} when a field is at fault. HTTP 422 with the fields.

What is outside the actor's scope is none of these: it does not exist for them (``Http404`` from
``danvan.orgs.scope.get_in_scope``), 404.

``status_of(exc)`` and ``error_body(exc)`` are the one mapping: the API's exception handlers
(``danvan/api/urls.py``) and the pages' ``run_action`` (``danvan/core/views/helpers.py``) both use
them, so a refusal reads the same, in Vietnamese, on a page and through the API.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

NON_FIELD = "-"


class Refusal(Exception):
    """A domain action refused; ``message`` says why in the user's language. ``field`` names the
    field at fault when there is one."""

    status = 400

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field
        self.code = code

    @property
    def messages(self) -> list[str]:
        return [self.message]

    def __str__(self) -> str:
        return self.message


class NotAllowed(Refusal, PermissionDenied):
    """The actor lacks the right for this action on a record they may see (403)."""

    status = 403


class Conflict(Refusal):
    """The record's state does not allow the action now (409)."""

    status = 409


class StaleVersion(Conflict):
    """Another user saved the record after this user opened it (409)."""


class WrongState(Conflict):
    """The record's status does not allow this step (409)."""


def field_errors(exc: ValidationError) -> list[dict]:
    """[{"field", "message"}] of a ``ValidationError`` ("-" for errors not tied to a field)."""
    if hasattr(exc, "error_dict"):
        return [{"field": field if field != "__all__" else NON_FIELD, "message": str(m)}
                for field, messages in exc.message_dict.items() for m in messages]
    return [{"field": NON_FIELD, "message": str(m)} for m in exc.messages]


def status_of(exc: Exception) -> int:
    """The HTTP status of a refusal: 403 not allowed, 409 conflict, 422 invalid."""
    if isinstance(exc, Refusal):
        return exc.status
    if isinstance(exc, ValidationError):
        return 422
    if isinstance(exc, PermissionDenied):
        return 403
    raise TypeError(f"not a refusal: {exc!r}")


def error_body(exc: Exception) -> dict:
    """The one error shape: ``{"detail": message, "errors": [{"field", "message"}]}``."""
    if isinstance(exc, ValidationError):
        errors = field_errors(exc)
        return {"detail": " ".join(e["message"] for e in errors) or _("The data sent is not valid."),
                "errors": errors}
    message = str(getattr(exc, "message", "") or exc) or _("You are not allowed to do this.")
    return {"detail": message, "errors": [{"field": getattr(exc, "field", None) or NON_FIELD, "message": message}]}


def message_of(exc: Exception) -> str:
    """The refusal as one Vietnamese sentence for a page's message."""
    return error_body(exc)["detail"]


REFUSALS = (Refusal, ValidationError, PermissionDenied)
"""What ``run_action`` and the API catch: every typed refusal (anything else is a defect)."""
