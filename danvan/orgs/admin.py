from django.contrib import admin

from danvan.orgs.models import Membership, Organization, OrganizationSuccession


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "area", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")
    raw_id_fields = ("area", "parent")
    readonly_fields = ("version",)


@admin.register(OrganizationSuccession)
class OrganizationSuccessionAdmin(admin.ModelAdmin):
    list_display = ("predecessor", "successor", "kind", "effective")
    raw_id_fields = ("predecessor", "successor")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organization", "role", "position", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("user", "organization")
