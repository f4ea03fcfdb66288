from django.urls import path

from danvan.practices.views import actions, campaigns, io, practices, stats

urlpatterns = [
    path("", practices.practice_list, name="practice_list"),
    path("them/", practices.practice_create, name="practice_create"),
    path("thong-ke/", stats.practice_stats, name="practice_stats"),
    path("xuat-excel/", io.practice_export, name="practice_export"),
    path("nhap-excel/", io.practice_import, name="practice_import"),
    path("nhap-excel/mau/", io.practice_import_template, name="practice_import_template"),
    path("dot-phat-dong/", campaigns.campaign_list, name="campaign_list"),
    path("dot-phat-dong/them/", campaigns.campaign_form, name="campaign_create"),
    path("dot-phat-dong/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("dot-phat-dong/<int:pk>/sua/", campaigns.campaign_form, name="campaign_edit"),
    path("<int:pk>/", practices.practice_detail, name="practice_detail"),
    path("<int:pk>/sua/", practices.practice_edit, name="practice_edit"),
    path("<int:pk>/thao-tac/<slug:action>/", actions.practice_action, name="practice_action"),
    path("<int:pk>/danh-gia/", actions.practice_evaluate, name="practice_evaluate"),
    path("<int:pk>/tep/", actions.attachment_upload, name="attachment_upload"),
    path("tep/<int:pk>/", actions.attachment_download, name="attachment_download"),
    path("tep/<int:pk>/xoa/", actions.attachment_delete, name="attachment_delete"),
]
