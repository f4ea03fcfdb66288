from django.urls import path

from danvan.core.views.notifications import old_inbox
from danvan.meetings.views import bridge, documents, files, meetings, people, tasks

urlpatterns = [
    path("", meetings.meeting_list, name="meeting_list"),
    path("xuat-excel/", meetings.meeting_export, name="meeting_export"),
    path("lich/", meetings.meeting_calendar, name="meeting_calendar"),
    path("them/", meetings.meeting_create, name="meeting_create"),
    path("<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("<int:pk>/sua/", meetings.meeting_edit, name="meeting_edit"),
    path("<int:pk>/nguoi/", meetings.role_add, name="meeting_role_add"),
    path("<int:pk>/nguoi/<int:role_id>/xoa/", meetings.role_remove, name="meeting_role_remove"),
    path("<int:pk>/ket-luan/", meetings.conclusion_add, name="meeting_conclusion_add"),
    path("<int:pk>/ket-luan/<int:conclusion_id>/nhiem-vu/", meetings.task_add, name="meeting_task_add"),
    path("<int:pk>/y-kien/", meetings.contribution_add, name="meeting_contribution_add"),
    path("<int:pk>/tai-lieu/", meetings.document_add, name="meeting_document_add"),
    path("<int:pk>/van-ban/<str:kind>.<str:fmt>", documents.meeting_document, name="meeting_export"),
    path("<int:pk>/van-ban/<str:kind>/cap-so/", documents.meeting_document_number, name="meeting_document_number"),
    path("<int:pk>/diem-cau/them-hang-loat/", bridge.points_bulk_add, name="points_bulk_add"),
    path("<int:pk>/diem-cau/them/", bridge.point_add, name="point_add"),
    path("<int:pk>/diem-cau/diem-danh/", bridge.attendance, name="points_attendance"),
    path("<int:pk>/diem-cau/<int:point_id>/", bridge.point_edit, name="point_edit"),
    path("<int:pk>/diem-cau/<int:point_id>/xoa/", bridge.point_remove, name="point_remove"),
    path("tai-lieu/<int:pk>/tai-ve/", files.document_download, name="meeting_document_download"),
    path("nhiem-vu/minh-chung/<int:pk>/", files.evidence_download, name="task_evidence_download"),
    path("nhiem-vu/", tasks.task_list, name="task_list"),
    path("nhiem-vu/xuat-excel/", tasks.task_export, name="task_export"),
    path("nhiem-vu/tong-hop/", tasks.task_overview_page, name="task_overview"),
    path("nhiem-vu/<int:pk>/", tasks.task_detail, name="task_detail"),
    path("nhiem-vu/<int:pk>/cap-nhat/", tasks.task_update, name="task_update"),
    path("thong-bao/", old_inbox, name="notification_list"),
    path("nguoi/", people.person_list, name="person_list"),
    path("nguoi/them/", people.person_create, name="person_create"),
    path("nguoi/<int:pk>/", people.person_detail, name="person_detail"),
    path("nguoi/<int:pk>/chuc-vu/", people.position_add, name="position_add"),
]
