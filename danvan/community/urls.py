from django.urls import path

from danvan.community.views import prestige

urlpatterns = [
    path("uy-tin/", prestige.entry_list, name="prestige_list"),
    path("uy-tin/xuat.xlsx", prestige.entry_export, name="prestige_export"),
    path("uy-tin/thong-ke/", prestige.statistics, name="prestige_stats"),
    path("uy-tin/<int:pk>/", prestige.entry_detail, name="prestige_entry"),
    path("uy-tin/<int:pk>/<str:action>/", prestige.entry_action, name="prestige_entry_action"),
    path("danh-sach/them/", prestige.list_create, name="prestige_list_create"),
    path("danh-sach/<int:pk>/", prestige.list_detail, name="prestige_list_detail"),
    path("danh-sach/<int:pk>/de-cu/", prestige.list_nominate, name="prestige_nominate"),
    path("danh-sach/<int:pk>/quyet-dinh/", prestige.list_decision, name="prestige_decision"),
    path("danh-sach/<int:pk>/van-ban.docx", prestige.list_docx, name="prestige_list_docx"),
]
