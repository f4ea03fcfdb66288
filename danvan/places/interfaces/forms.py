from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.places.models.area import Level


class AreaFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"placeholder": _("e.g. bao ai, yen bai"), "type": "search"}))
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("All levels")), *Level.choices])
    at = forms.DateField(label=_("Administrative map on"), required=False,
                         widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                         error_messages={"invalid": _("Invalid date; enter it as dd/mm/yyyy.")})
