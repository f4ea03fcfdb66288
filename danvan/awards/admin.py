from django.contrib import admin

from danvan.awards.models import AwardKind, EligibilityRule


class RuleInline(admin.TabularInline):
    model = EligibilityRule
    extra = 1


@admin.register(AwardKind)
class AwardKindAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "for_individuals", "for_collectives", "is_active"]
    inlines = [RuleInline]
