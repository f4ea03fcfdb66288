"""Reference data an administrator edits: the 14 items, the ratio rules and the public holidays."""

from django.contrib import admin

from danvan.democracy.models import DecisionRule, DisclosureItem, PublicHoliday


@admin.register(DisclosureItem)
class DisclosureItemAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "recurrence", "deadline_days", "min_posting_days", "unconfirmed", "is_active"]
    ordering = ["number"]

    def save_model(self, request, obj, form, change):
        """A changed deadline moves the due dates of the item's obligations (``update_item``)."""
        from danvan.democracy.domain.obligations import update_item

        if change:
            stored = DisclosureItem.objects.get(pk=obj.pk)  # the form already changed ``obj``
            update_item(actor=request.user, item=stored, **{f: getattr(obj, f) for f in form.changed_data})
        else:
            super().save_model(request, obj, form, change)


@admin.register(DecisionRule)
class DecisionRuleAdmin(admin.ModelAdmin):
    list_display = ["matter", "base", "threshold_percent", "quorum_percent", "unconfirmed"]


@admin.register(PublicHoliday)
class PublicHolidayAdmin(admin.ModelAdmin):
    list_display = ["day", "name", "unconfirmed", "note"]
    list_filter = ["unconfirmed"]
    date_hierarchy = "day"
    search_fields = ["name"]
