from django.contrib import admin
from django.urls import include, path

from danvan.core.views import errors
from danvan.core.views.auth import ThrottledAdminAuthenticationForm
from danvan.orgs.views.shell import dashboard


def handler404(request, exception):
    """Under /api/ a path that matches no operation answers the API's JSON 404, elsewhere the page."""
    if request.path.startswith("/api/"):
        from danvan.api.urls import not_found_json

        return not_found_json(request, exception)
    return errors.page_not_found(request, exception)


# Error pages inside the layout, in Vietnamese, with a way back (danvan/core/views/errors.py).
handler400 = errors.bad_request
handler403 = errors.permission_denied
handler500 = errors.server_error


# The admin site's login is throttled like the main login (same counters).
admin.site.login_form = ThrottledAdminAuthenticationForm

urlpatterns = [
    # the dashboard shows the user's scope, so it lives in orgs (core knows no scope)
    path("", dashboard, name="dashboard"),
    path("", include("danvan.core.urls")),
    path("dia-ban/", include("danvan.places.urls")),
    path("to-chuc/", include("danvan.orgs.urls")),
    path("hoi-nghi/", include("danvan.meetings.urls")),
    path("khen-thuong/", include("danvan.awards.urls")),
    path("", include("danvan.voice.urls")),
    path("so-van-ban/", include("danvan.documents.urls")),
    path("bao-cao/", include("danvan.reports.urls")),
    path("mo-hinh/", include("danvan.practices.urls")),
    path("cong-dong/", include("danvan.community.urls")),
    path("dan-chu/", include("danvan.democracy.urls")),
    path("cong-khai/", include("danvan.democracy.portal_urls")),
    path("api/v1/", include("danvan.api.urls")),
    path("hoi-nghi/doc-bai/", include("danvan.reader.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri-he-thong/", admin.site.urls),
]

# No /media/ route in any mode: every file is served by a scoped view (danvan.core.files.serve).
