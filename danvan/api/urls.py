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
    description="Hệ thống thông tin công tác dân vận — REST API. Mọi danh sách trả về {\"count\", \"items\"}; "
    "mọi truy vấn chỉ thấy dữ liệu trong phạm vi của người dùng.",
    auth=AUTH,
    openapi_url="/openapi.json",
    docs_url="/docs",
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Không tìm thấy hoặc bạn không có quyền xem.")}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, {"detail": _("Cần đăng nhập hoặc mã truy cập (Bearer token) hợp lệ.")},
                               status=401)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    errors = [
        {"field": ".".join(str(p) for p in err.get("loc", [])[1:]) or "-", "message": _("Giá trị không hợp lệ.")
         if not err.get("msg") else f"{_('Giá trị không hợp lệ')}: {err['msg']}"}
        for err in exc.errors
    ]
    return api.create_response(request, {"detail": _("Dữ liệu gửi lên không hợp lệ."), "errors": errors}, status=422)


api.add_router("/", "danvan.core.api.router")
api.add_router("/areas", "danvan.places.api.router")
api.add_router("/organizations", "danvan.orgs.api.router")
api.add_router("/meetings", "danvan.meetings.api.router")
api.add_router("/tasks", "danvan.meetings.api.task_router")
api.add_router("/nominations", "danvan.awards.api.router")

urlpatterns = [path("", api.urls)]
