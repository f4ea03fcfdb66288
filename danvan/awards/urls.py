from django.urls import path

from danvan.awards.views import exports, files, nominations

urlpatterns = [
    path("", nominations.nomination_list, name="nomination_list"),
    path("them/", nominations.nomination_create, name="nomination_create"),
    path("danh-sach.<str:fmt>", exports.nomination_export, name="nomination_export"),
    path("xuat-excel/", exports.nomination_export_xlsx, name="nomination_export_xlsx"),
    path("<int:pk>/", nominations.nomination_detail, name="nomination_detail"),
    path("<int:pk>/sua/", nominations.nomination_edit, name="nomination_edit"),
    path("<int:pk>/buoc/", nominations.nomination_step, name="nomination_step"),
    path("<int:pk>/ho-so/", nominations.nomination_file, name="nomination_file"),
    path("ho-so/<int:pk>/tai-ve/", files.nomination_file_download, name="nomination_file_download"),
]
