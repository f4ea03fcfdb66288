from django.urls import path

from danvan.documents.views import register

urlpatterns = [
    path("", register.document_list, name="document_list"),
    path("xuat-excel/", register.document_export, name="document_export"),
    path("lay-so/", register.document_reserve, name="document_reserve"),
    path("nguoi-ky/", register.signer_list, name="document_signers"),
    path("<int:pk>/", register.document_detail, name="document_detail"),
]
