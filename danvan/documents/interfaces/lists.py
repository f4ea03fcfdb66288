"""The document register's one definition (``danvan.core.lists``): the page, ``GET /api/v1/documents``
and the XLSX export (Sổ văn bản) use ``DOCUMENTS``."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from danvan.core.lists import Column, ListDefinition, ListFilterForm, register
from danvan.documents.models import DocType, PartyTerm
from danvan.documents.queries.documents import filter_documents
from danvan.orgs.models import Organization


class DocumentFilterForm(ListFilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. ket qua dan van")}))
    doc_type = forms.ChoiceField(label=_("Document type"), required=False,
                                 choices=[("", _("All types")), *DocType.choices])
    term = forms.ModelChoiceField(label=_("Term"), required=False, queryset=PartyTerm.objects.all(),
                                  empty_label=_("All terms"))
    organization = forms.ModelChoiceField(label=_("Issuing organization"), required=False,
                                          queryset=Organization.objects.none(), empty_label=_("All organizations"))
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1930, max_value=2100,
                              error_messages={"invalid": _("Enter a year as a number, e.g. 2025.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user).order_by("name_sort")
        self.fields["organization"].error_messages["invalid_choice"] = _("This organization is not in your scope.")
        self.fields["term"].error_messages["invalid_choice"] = _("This term does not exist.")
        self.fields["doc_type"].error_messages["invalid_choice"] = _("Unknown document type.")


def _numbered_by(doc):
    return doc.created_by.get_full_name() if doc.created_by else ""


DOCUMENTS = register(ListDefinition(
    key="documents", form=DocumentFilterForm, query=filter_documents,
    rows=lambda qs: qs.select_related("organization", "term", "created_by", "content_type"),
    columns=[
        Column("symbol", _("Number and symbol"), link=lambda d: reverse("document_detail", args=[d.pk]),
               css="text-nowrap", width=16),
        Column("number", _("Number"), table=False, width=9),
        Column("issued_on", _("Date issued"), format="date", width=13),
        Column("doc_type", _("Document type"), format="choice", width=16),
        Column("title", pgettext_lazy("document register", "Summary"), width=60),
        Column("organization", _("Issuing organization"), value="organization.name", width=40),
        Column("term", _("Term"), value="term.name", width=12),
        Column("created_by", _("Numbered by"), value=_numbered_by, width=24),
        Column("created_at", _("Numbered at"), table=False, width=18),
    ],
    title=_("Document register"), filename="so-van-ban", list_url="document_list", export_url="document_export",
    empty=_("No document in your scope matches the filters. Remove some conditions, or reserve a number."),
))
