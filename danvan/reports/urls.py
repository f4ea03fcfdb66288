from django.urls import path

from danvan.core.views.notifications import old_inbox
from danvan.reports.views import analysis, bulk, reports

urlpatterns = [
    path("", reports.report_list, name="report_list"),
    path("xuat-excel/", reports.report_list_export, name="report_list_export"),
    path("tao/", reports.report_create, name="report_create"),
    path("tong-hop/", analysis.rollup_page, name="report_rollup"),
    path("tong-hop/lap-bao-cao/", analysis.compile_start, name="report_compile"),
    path("tien-do/", analysis.completeness_page, name="report_completeness"),
    path("tien-do/nhac/", analysis.completeness_remind, name="report_completeness_remind"),
    path("thong-bao/", old_inbox, name="report_notifications"),
    path("cho-duyet/", bulk.review_queue, name="report_review_queue"),
    path("<int:pk>/", reports.report_detail, name="report_detail"),
    path("<int:pk>/sua/", reports.report_edit, name="report_edit"),
    path("<int:pk>/chuyen/<str:action>/", reports.report_transition, name="report_transition"),
    path("<int:pk>/cap-so/", reports.report_number, name="report_number"),
    path("<int:pk>/xuat/<str:fmt>/", reports.report_export, name="report_export"),
]
