from django.urls import path

from danvan.orgs.views import organizations, users

urlpatterns = [
    path("", organizations.org_list, name="org_list"),
    path("xuat-excel/", organizations.org_export, name="org_export"),
    path("them/", organizations.org_create, name="org_create"),
    path("<int:pk>/", organizations.org_detail, name="org_detail"),
    path("<int:pk>/sua/", organizations.org_edit, name="org_edit"),
    path("<int:pk>/ke-thua/", organizations.org_succession, name="org_succession"),
    path("nguoi-dung/", users.user_list, name="user_list"),
    path("nguoi-dung/them/", users.user_create, name="user_create"),
    path("nguoi-dung/<int:pk>/", users.user_detail, name="user_detail"),
    path("nguoi-dung/<int:pk>/trang-thai/", users.user_set_active, name="user_set_active"),
    path("vai-tro/<int:pk>/ket-thuc/", users.membership_end, name="membership_end"),
]
