from django.urls import path

from danvan.places.views import areas

urlpatterns = [
    path("", areas.area_browser, name="area_browser"),
    path("xuat-excel/", areas.area_export, name="area_export"),
    path("<int:pk>/", areas.area_detail, name="area_detail"),
    path("<int:pk>/con/", areas.area_children, name="area_children"),
]
