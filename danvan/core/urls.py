from django.contrib.auth import views as auth_views
from django.urls import path

from danvan.core.views import auth, health, notifications, pages

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("dang-nhap/", auth.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("doi-mat-khau/xong/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("thong-bao/", notifications.notification_list, name="notifications"),
    path("cong-viec/", pages.job_list, name="job_list"),
    path("cong-viec/<int:pk>/", pages.job_detail, name="job_detail"),
    path("cong-viec/<int:pk>/tai-ve/", pages.job_download, name="job_download"),
    path("cong-viec/<int:pk>/tep-dau-vao/", pages.job_input, name="job_input"),
    path("cong-viec/<int:pk>/chay-lai/", pages.job_retry, name="job_retry"),
]
