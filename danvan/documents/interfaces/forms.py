import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.documents.models import DocType, PartyTerm
from danvan.orgs.models import Organization


class DocumentFilterForm(StyledFormMixin, forms.Form):
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
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user).order_by("name_sort")
        self.fields["organization"].error_messages["invalid_choice"] = _("This organization is not in your scope.")
        self.fields["term"].error_messages["invalid_choice"] = _("This term does not exist.")
        self.fields["doc_type"].error_messages["invalid_choice"] = _("Unknown document type.")


class ReserveNumberForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Issuing organization"), queryset=Organization.objects.none(),
                                          error_messages={"required": _("Choose the issuing organization.")})
    doc_type = forms.ChoiceField(label=_("Document type"), choices=DocType.choices,
                                 error_messages={"required": _("Choose the document type.")})
    issued_on = forms.DateField(label=_("Date issued"), initial=datetime.date.today,
                                widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                                error_messages={"required": _("Enter the date the document is issued."),
                                                "invalid": _("Enter the date as dd/mm/yyyy, e.g. 05/01/2026.")})
    title = forms.CharField(label=_("Summary (trích yếu)"), max_length=500,
                            widget=forms.Textarea(attrs={"rows": 3}),
                            error_messages={"required": _("Enter the summary (trích yếu) of the document.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (
            Organization.objects.for_user(user, "change").current().order_by("name_sort"))
        self.fields["organization"].error_messages["invalid_choice"] = _(
            "You may not reserve numbers for this organization.")
        self.fields["doc_type"].error_messages["invalid_choice"] = _("Unknown document type.")
