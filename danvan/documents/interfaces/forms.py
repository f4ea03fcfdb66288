import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.documents.models import DocType
from danvan.orgs.models import Organization


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
