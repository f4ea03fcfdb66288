"""Forms of the religious registry pages (the rules are in ``domain/religion.py``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.community.models import Dignitary, Religion
from danvan.community.queries.religion import places_for, religious_organizations_for
from danvan.core.forms import StyledFormMixin
from danvan.orgs.interfaces.choices import area_label
from danvan.orgs.models import Organization
from danvan.practices.interfaces.forms import OUT_OF_SCOPE
from danvan.practices.queries.practices import areas_for

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _Keeper(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Keeping organization"), queryset=None)
    religion = forms.ModelChoiceField(label=_("Religion"), queryset=Religion.objects.all())
    area = forms.ModelChoiceField(label=_("Area"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").order_by("name_sort")
        self.fields["area"].queryset = areas_for(user)
        self.fields["area"].label_from_instance = area_label
        for name in ("organization", "area"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE


class ReligiousOrganizationForm(_Keeper):
    name = forms.CharField(label=_("Name"), max_length=200)
    valid_from = forms.DateField(label=_("Since"), required=False, widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class PlaceForm(_Keeper):
    name = forms.CharField(label=_("Name"), max_length=200)
    village = forms.CharField(label=_("Village"), max_length=120, required=False)
    religious_organization = forms.ModelChoiceField(label=_("Religious organization"), queryset=None, required=False)
    valid_from = forms.DateField(label=_("Since"), required=False, widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["religious_organization"].queryset = religious_organizations_for(user)
        self.fields["religious_organization"].error_messages["invalid_choice"] = OUT_OF_SCOPE


class DignitaryForm(_Keeper):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    birth_year = forms.IntegerField(label=_("Year of birth"), min_value=1900, max_value=2100, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Dignitary.Kind.choices)
    title = forms.CharField(label=_("Rank or post"), max_length=120)
    religious_organization = forms.ModelChoiceField(label=_("Religious organization"), queryset=None, required=False)
    place = forms.ModelChoiceField(label=_("Place of worship"), queryset=None, required=False)
    since = forms.DateField(label=_("Since"), widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["religious_organization"].queryset = religious_organizations_for(user)
        self.fields["place"].queryset = places_for(user)
        for name in ("religious_organization", "place"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE


class EndForm(StyledFormMixin, forms.Form):
    until = forms.DateField(label=_("Until"), widget=DATE)
    note = forms.CharField(label=_("Why it ended"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
