from django.urls import path

from danvan.voice.views import receptions

urlpatterns = [
    path("tiep-dan/", receptions.reception_list, name="reception_list"),
    path("tiep-dan/them/", receptions.reception_create, name="reception_create"),
    path("tiep-dan/nghia-vu/", receptions.reception_duties, name="reception_duties"),
    path("tiep-dan/<int:pk>/", receptions.reception_detail, name="reception_detail"),
    path("tiep-dan/<int:pk>/vu-viec/", receptions.reception_case_add, name="reception_case_add"),
]
