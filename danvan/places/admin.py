from django.contrib import admin

from danvan.places.models import Area, AreaSuccession


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("full_name", "code", "level", "parent", "valid_from", "valid_to")
    list_filter = ("level", "kind_name")
    search_fields = ("name", "code")
    raw_id_fields = ("parent",)


@admin.register(AreaSuccession)
class AreaSuccessionAdmin(admin.ModelAdmin):
    list_display = ("predecessor", "successor", "kind", "effective", "is_main")
    list_filter = ("kind",)
    raw_id_fields = ("predecessor", "successor")
