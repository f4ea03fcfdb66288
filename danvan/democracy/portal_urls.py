"""The public portal, at /cong-khai/ (no login)."""

from django.urls import path

from danvan.democracy.views import portal

urlpatterns = [
    path("", portal.home, name="portal_home"),
    path("mo-hinh/", portal.showcase, name="portal_showcase"),
    path("mo-hinh/<int:entry_id>/", portal.model_detail, name="portal_model"),
    path("anh/<int:photo_id>/", portal.photo, name="portal_photo"),
    path("bang-cong-khai/", portal.boards, name="portal_boards"),
    path("bang-cong-khai/<int:area_id>/", portal.commune_board, name="portal_board"),
    path("lich-doi-thoai/", portal.calendar, name="portal_calendar"),
    path("gui-y-kien/", portal.intake, name="portal_intake"),
    path("tra-cuu/", portal.status, name="portal_status"),
    path("feed/<slug:what>.json", portal.feed_json, name="portal_feed_json"),
    path("feed/<slug:what>.rss", portal.feed_rss, name="portal_feed_rss"),
]
