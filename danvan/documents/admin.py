from django.contrib import admin

from danvan.documents.models import IssuedDocument, PartyTerm
from danvan.orgs.scoping import ScopedAdminMixin


@admin.register(PartyTerm)
class PartyTermAdmin(admin.ModelAdmin):
    """Party terms are editable data (a committee whose term differs, a new term)."""

    list_display = ["name", "start", "end"]


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """Read-only: numbers are reserved through ``issue_number`` only."""

    list_display = ["symbol", "doc_type", "issued_on", "organization", "term"]
    list_filter = ["doc_type", "term"]
    search_fields = ["symbol", "title_folded"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
