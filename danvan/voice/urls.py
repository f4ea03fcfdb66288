from django.urls import path

from danvan.voice.views import dialogues, petitions, receptions

urlpatterns = [
    path("tiep-dan/", receptions.reception_list, name="reception_list"),
    path("tiep-dan/xuat/", receptions.reception_export, name="reception_export"),
    path("tiep-dan/them/", receptions.reception_create, name="reception_create"),
    path("tiep-dan/nghia-vu/", receptions.reception_duties, name="reception_duties"),
    path("tiep-dan/<int:pk>/", receptions.reception_detail, name="reception_detail"),
    path("tiep-dan/<int:pk>/y-kien/", receptions.reception_opinion_add, name="reception_opinion_add"),
    path("tiep-dan/<int:pk>/vu-viec/", receptions.reception_case_add, name="reception_case_add"),
    path("doi-thoai/", dialogues.dialogue_list, name="dialogue_list"),
    path("doi-thoai/xuat/", dialogues.dialogue_export, name="dialogue_export"),
    path("doi-thoai/them/", dialogues.dialogue_create, name="dialogue_create"),
    path("doi-thoai/so-theo-doi-loi-hua/", dialogues.promise_ledger, name="promise_ledger"),
    path("doi-thoai/so-theo-doi-loi-hua/xuat/", dialogues.commitment_export, name="commitment_export"),
    path("doi-thoai/<int:pk>/", dialogues.dialogue_detail, name="dialogue_detail"),
    path("doi-thoai/<int:pk>/cong-khai/", dialogues.dialogue_publish, name="dialogue_publish"),
    path("doi-thoai/<int:pk>/thong-bao-ket-qua/", dialogues.dialogue_result_notice, name="dialogue_result_notice"),
    path("doi-thoai/<int:pk>/thong-bao-ket-qua.<str:fmt>", dialogues.dialogue_result_notice_file,
         name="dialogue_result_notice_file"),
    path("doi-thoai/<int:pk>/y-kien/", dialogues.opinion_add, name="dialogue_opinion_add"),
    path("doi-thoai/y-kien/<int:pk>/tra-loi/", dialogues.opinion_answer, name="opinion_answer"),
    path("don-thu/", petitions.petition_list, name="petition_list"),
    path("don-thu/them/", petitions.petition_create, name="petition_create"),
    path("don-thu/nhap-excel/", petitions.petition_import, name="petition_import"),
    path("don-thu/nhap-excel/mau/", petitions.petition_import_template, name="petition_import_template"),
    path("don-thu/xuat/", petitions.petition_export, name="petition_export"),
    path("don-thu/<int:pk>/", petitions.petition_detail, name="petition_detail"),
    path("don-thu/<int:pk>/buoc/<str:action>/", petitions.petition_step, name="petition_step"),
]
