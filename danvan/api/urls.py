"""The REST API under /api/v1/: one NinjaAPI; each app contributes a router."""

from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from danvan.api.auth import AUTH

api = NinjaAPI(
    title="danvan API",
    version="1",
    description="danvan REST API. Every list answers {\"count\", \"items\"}; every query sees only the data in "
    "the user's scope; what is out of scope answers 404.",
    auth=AUTH,
    openapi_url="/openapi.json",
    docs_url="/docs",
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found, or you are not allowed to see it.")}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, {"detail": _("Sign in or send a valid access token (Bearer).")},
                               status=401)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    errors = [
        {"field": ".".join(str(p) for p in err.get("loc", [])[1:]) or "-", "message": _("Invalid value."),
         "detail": err.get("msg", "")}
        for err in exc.errors
    ]
    return api.create_response(request, {"detail": _("The data sent is not valid."), "errors": errors}, status=422)


api.add_router("/", "danvan.core.api.router")
api.add_router("/areas", "danvan.places.api.router")
api.add_router("/organizations", "danvan.orgs.api.router")
api.add_router("/documents", "danvan.documents.api.router")
api.add_router("/reports", "danvan.reports.api.router")
api.add_router("/practices", "danvan.practices.api.router")
api.add_router("/meetings", "danvan.meetings.api.router")
api.add_router("/tasks", "danvan.meetings.api.task_router")
api.add_router("/nominations", "danvan.awards.api.router")

urlpatterns = [path("", api.urls)]
