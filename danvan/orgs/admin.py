from django.contrib import admin

from danvan.orgs.models import Membership, Organization, OrganizationSuccession


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "area", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")
    raw_id_fields = ("area", "parent")
    readonly_fields = ("version",)

    def save_model(self, request, obj, form, change):
        """Admin edits go through the same closure upkeep and audit trail as the interface."""
        from danvan.core.domain import audit
        from danvan.orgs.domain.organizations import rebuild_reach

        super().save_model(request, obj, form, change)
        if not change or "parent" in form.changed_data:
            rebuild_reach()
        audit.record(request.user, "update" if change else "create", obj,
                     changes={f: ["", str(form.cleaned_data.get(f, ""))] for f in form.changed_data})


@admin.register(OrganizationSuccession)
class OrganizationSuccessionAdmin(admin.ModelAdmin):
    list_display = ("predecessor", "successor", "kind", "effective")
    raw_id_fields = ("predecessor", "successor")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organization", "role", "position", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("user", "organization")
