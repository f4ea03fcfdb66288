"""The REST API under /api/v1/: one NinjaAPI; each app contributes a router.

Every answer that is not a success has the one error shape of ``danvan.api.common.ErrorOut``, in
Vietnamese, naming the field at fault; the exception handlers below are the API's half of the one
mapping of refusals (``danvan.core.domain.refusals``): not allowed 403, conflict 409, invalid 422,
out of scope 404, not signed in 401, unparsable body 400. The OpenAPI document and its browsable page
are served only to signed-in users (session or Bearer token)."""

import logging
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.urls import path
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from danvan.api.auth import AUTH, BearerToken
from danvan.core.domain.refusals import NON_FIELD, Refusal, error_body, status_of

logger = logging.getLogger("danvan.api")

DESCRIPTION = """\
The REST API of danvan, the information system of Vietnam's mass-mobilization network (công tác dân vận).

- **Authentication**: `Authorization: Bearer <token>` (a token from `manage.py create_api_token USERNAME`)
  or the browser session. This document itself is served only to signed-in users.
- **Scope**: every operation sees only what the caller's organizations may see; a record outside the
  caller's scope answers **404**, never 403, so nothing leaks its existence.
- **Lists** answer `{"count": N, "items": [...]}` with `?page=` (1–100000) and `?page_size=` (1–200).
- **Errors** always have one JSON shape, in Vietnamese, naming each field at fault:
  `{"detail": "...", "errors": [{"field": "...", "message": "..."}]}` —
  400 unparsable JSON body, 401 not signed in, 403 not allowed (you may see the record but not do this),
  404 not found or out of scope, 409 conflict (stale `version`, or the status does not allow the step),
  422 invalid parameters or data.
- **Concurrent edits**: send the `version` you read; a stale one answers 409 and changes nothing.
- Dates are ISO 8601 (`YYYY-MM-DD`); ids are 1 to 2^63−1; years 1 to 9999.
"""


def _docs_login_required(view):
    """The OpenAPI document and the docs page only for a signed-in user (session or Bearer token):
    anonymous callers get a JSON 401 for the document and the login page for the browsable docs."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated and BearerToken()(request) is None:
            if request.path.endswith(".json"):
                return JsonResponse({"detail": _("Sign in or send a valid access token (Bearer)."),
                                     "errors": []}, status=401)
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


class DanvanAPI(NinjaAPI):
    def validation_error_from_error_contexts(self, error_contexts):
        """Ninja drops each error's input; keep whether it was an explicit ``null`` (for the message)."""
        nulls = [err.get("input", 0) is None and err.get("type") != "missing"
                 for context in error_contexts for err in context.pydantic_validation_error.errors(include_url=False)]
        exc = super().validation_error_from_error_contexts(error_contexts)
        for err, null in zip(exc.errors, nulls, strict=False):
            err["null"] = null
        return exc


api = DanvanAPI(
    title="danvan API",
    version="1",
    description=DESCRIPTION,
    auth=AUTH,
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs_decorator=_docs_login_required,
    urls_namespace="api",
)


def _reply(request, status: int, detail: str, errors: list | None = None):
    return api.create_response(request, {"detail": detail, "errors": errors or []}, status=status)


@api.exception_handler(Http404)
def not_found(request, exc):
    return _reply(request, 404, _("Not found, or you are not allowed to see it."))


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return _reply(request, 401, _("Sign in or send a valid access token (Bearer)."))


@api.exception_handler(Refusal)
@api.exception_handler(DjangoValidationError)
@api.exception_handler(PermissionDenied)
def refused(request, exc):
    """A domain refusal: the one mapping (403 not allowed, 409 conflict, 422 invalid with fields)."""
    return api.create_response(request, error_body(exc), status=status_of(exc))


@api.exception_handler(HttpError)
def http_error(request, exc):
    if exc.status_code == 400:
        return _reply(request, 400, _("The request body is not valid JSON."),
                      [{"field": "body", "message": _("The request body is not valid JSON.")}])
    return _reply(request, exc.status_code, str(exc))


def _message(err: dict) -> str:
    """A Vietnamese message for one pydantic error."""
    kind, ctx = err.get("type", ""), err.get("ctx") or {}
    if err.get("null"):
        return _("This field cannot be empty (null).")
    if kind == "value_error" and ctx.get("error"):
        return str(ctx["error"])
    if kind == "missing":
        return _("This field is required.")
    if kind == "string_too_short":
        return _("This field must not be empty.") if ctx.get("min_length") == 1 else \
            _("Enter at least %(n)s characters.") % {"n": ctx.get("min_length")}
    if kind == "string_too_long":
        return _("Enter at most %(n)s characters.") % {"n": ctx.get("max_length")}
    if kind in {"greater_than_equal", "greater_than"}:
        return _("The value must be at least %(n)s.") % {"n": ctx.get("ge", ctx.get("gt"))}
    if kind in {"less_than_equal", "less_than"}:
        return _("The value must be at most %(n)s.") % {"n": ctx.get("le", ctx.get("lt"))}
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("Enter a whole number.")
    if kind in {"decimal_parsing", "decimal_type", "float_parsing", "float_type", "finite_number"}:
        return _("Enter a number.")
    if kind in {"enum", "literal_error"}:
        return _("Choose one of: %(values)s.") % {"values": ctx.get("expected", "")}
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Enter a date as YYYY-MM-DD.")
    if kind in {"bool_parsing", "bool_type"}:
        return _("Enter true or false.")
    if kind in {"string_type", "string_unicode"}:
        return _("Enter text.")
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return _("Send an object.")
    if kind in {"list_type"}:
        return _("Send a list.")
    if kind == "json_invalid":
        return _("The request body is not valid JSON.")
    return _("Invalid value.")


def _field(loc) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] == "body":
        parts = parts[2:] if len(parts) > 2 else parts[:1]
    elif parts:
        parts = parts[1:]
    return ".".join(parts) or NON_FIELD


@api.exception_handler(ValidationError)
def invalid(request, exc):
    errors = [{"field": _field(err.get("loc", [])), "message": _message(err)} for err in exc.errors]
    return _reply(request, 422, _("The data sent is not valid."), errors)


@api.exception_handler(Exception)
def server_error(request, exc):
    """A defect: logged with its traceback, answered as JSON (never an HTML page)."""
    logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
    return _reply(request, 500, _("The server could not complete the request; the error was recorded."))


api.add_router("/", "danvan.orgs.api.me_router")
api.add_router("/areas", "danvan.places.api.router")
api.add_router("/organizations", "danvan.orgs.api.router")
api.add_router("/documents", "danvan.documents.api.router")
api.add_router("/reports", "danvan.reports.api.router")
api.add_router("/practices", "danvan.practices.api.router")
api.add_router("/meetings", "danvan.meetings.api.router")
api.add_router("/tasks", "danvan.meetings.api.task_router")
api.add_router("/nominations", "danvan.awards.api.router")
api.add_router("/prestige-people", "danvan.community.api.router")
api.add_router("/receptions", "danvan.voice.api.reception_router")
api.add_router("/dialogues", "danvan.voice.api.dialogue_router")
api.add_router("/commitments", "danvan.voice.api.commitment_router")
api.add_router("/petitions", "danvan.voice.api.petition_router")
api.add_router("/dignitaries", "danvan.community.api.dignitary_router")
api.add_router("/support-events", "danvan.community.api.support_router")
api.add_router("/hot-spots", "danvan.community.api.hot_spot_router")
api.add_router("/opinion-reports", "danvan.community.api.opinion_router")
api.add_router("/opinion-collaborators", "danvan.community.api.collaborator_router")
api.add_router("/disclosures", "danvan.democracy.api.router")
api.add_router("/community-decisions", "danvan.democracy.api.decision_router")
api.add_router("/oversight-findings", "danvan.democracy.api.finding_router")
api.add_router("/consultations", "danvan.democracy.api.consultation_router")


def not_found_json(request, exception=None):
    """404 for any path under /api/v1/ that matches no operation (e.g. ``/practices/-1``): JSON too."""
    return JsonResponse({"detail": _("Not found, or you are not allowed to see it."), "errors": []}, status=404)


urlpatterns = [path("", api.urls)]
