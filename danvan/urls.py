from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views import defaults


def handler404(request, exception):
    """Under /api/ a path that matches no operation answers the API's JSON 404, elsewhere the page."""
    if request.path.startswith("/api/"):
        from danvan.api.urls import not_found_json

        return not_found_json(request, exception)
    return defaults.page_not_found(request, exception)


urlpatterns = [
    path("", include("danvan.core.urls")),
    path("dia-ban/", include("danvan.places.urls")),
    path("to-chuc/", include("danvan.orgs.urls")),
    path("hoi-nghi/", include("danvan.meetings.urls")),
    path("khen-thuong/", include("danvan.awards.urls")),
    path("so-van-ban/", include("danvan.documents.urls")),
    path("bao-cao/", include("danvan.reports.urls")),
    path("mo-hinh/", include("danvan.practices.urls")),
    path("api/v1/", include("danvan.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri-he-thong/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
