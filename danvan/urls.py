from django.contrib import admin
from django.urls import include, path

from danvan.core.views.auth import ThrottledAdminAuthenticationForm

# The admin site's login is throttled like the main login (same counters).
admin.site.login_form = ThrottledAdminAuthenticationForm

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

# No /media/ route in any mode: every file is served by a scoped view (danvan.core.files.serve).
