from django.urls import path

from danvan.community.views import hotspots, opinion, prestige, religion, support

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
    path("ton-giao/", religion.registry, name="religion_registry"),
    path("ton-giao/them/<str:what>/", religion.add, name="religion_add"),
    path("chuc-sac/<int:pk>/", religion.dignitary_detail, name="dignitary_detail"),
    path("chuc-sac/<int:pk>/ket-thuc/", religion.dignitary_end, name="dignitary_end"),
    path("tham-hoi/", support.event_list, name="support_list"),
    path("tham-hoi/them/", support.event_create, name="support_create"),
    path("tham-hoi/<int:pk>/", support.event_detail, name="support_event"),
    path("tham-hoi/chien-dich/them/", support.campaign_create, name="support_campaign_create"),
    path("tham-hoi/chien-dich/<int:pk>/", support.campaign_detail, name="support_campaign"),
    path("tham-hoi/chien-dich/<int:pk>/bao-cao.docx", support.campaign_docx, name="support_campaign_docx"),
    path("diem-nong/", hotspots.hot_spot_list, name="hot_spot_list"),
    path("diem-nong/them/", hotspots.hot_spot_create, name="hot_spot_create"),
    path("diem-nong/<int:pk>/", hotspots.hot_spot_detail, name="hot_spot_detail"),
    path("diem-nong/<int:pk>/<str:action>/", hotspots.hot_spot_update, name="hot_spot_update"),
    path("du-luan/<int:pk>/da-nhan/", opinion.report_acknowledge, name="opinion_acknowledge"),
]
