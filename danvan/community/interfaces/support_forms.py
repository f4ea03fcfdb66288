"""Forms of the visits-and-gifts pages (the rules are in ``domain/support.py``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.community.models import BeneficiaryKind, HospitalLevel, Occasion, SupportKind
from danvan.community.queries.prestige import entries_for
from danvan.community.queries.religion import dignitaries_for, religious_organizations_for
from danvan.core.forms import StyledFormMixin
from danvan.core.models import User
from danvan.orgs.interfaces.choices import area_label
from danvan.orgs.models import Organization
from danvan.orgs.scope import visible_organizations
from danvan.practices.interfaces.forms import OUT_OF_SCOPE
from danvan.practices.queries.practices import areas_for

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EventForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Giving organization"), queryset=None)
    beneficiary_kind = forms.ChoiceField(label=_("Beneficiary"), choices=BeneficiaryKind.choices)
    prestige_entry = forms.ModelChoiceField(label=_("Person of prestige"), queryset=None, required=False)
    dignitary = forms.ModelChoiceField(label=_("Dignitary"), queryset=None, required=False)
    religious_organization = forms.ModelChoiceField(label=_("Religious organization"), queryset=None, required=False)
    beneficiary_name = forms.CharField(label=_("Beneficiary's name (family, household)"), max_length=200,
                                       required=False)
    area = forms.ModelChoiceField(label=_("Area"), queryset=None, required=False)
    date = forms.DateField(label=_("Date"), widget=DATE)
    occasion = forms.ChoiceField(label=_("Occasion"), choices=Occasion.choices)
    kind = forms.ChoiceField(label=_("Kind of support"), choices=SupportKind.choices)
    hospital_level = forms.ChoiceField(label=_("Hospital level"), choices=[("", "—")] + HospitalLevel.choices,
                                       required=False)
    leader = forms.CharField(label=_("Leader who visited"), max_length=200, required=False)
    cash = forms.IntegerField(label=_("Cash (đ)"), min_value=0, max_value=10**12, required=False, initial=0)
    in_kind = forms.IntegerField(label=_("Value in kind (đ)"), min_value=0, max_value=10**12, required=False,
                                 initial=0)
    funds_source = forms.CharField(label=_("Source of funds"), max_length=200, required=False)
    certificate = forms.CharField(label=_("Certificate"), max_length=300, required=False)
    exception_reason = forms.CharField(label=_("Reason for the exception"), max_length=300, required=False)
    exception_approver = forms.ModelChoiceField(label=_("Approved by"), queryset=None, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").order_by("name_sort")
        self.fields["prestige_entry"].queryset = entries_for(user).select_related("person")
        self.fields["dignitary"].queryset = dignitaries_for(user).filter(until__isnull=True).select_related("person")
        self.fields["religious_organization"].queryset = religious_organizations_for(user)
        self.fields["area"].queryset = areas_for(user)
        self.fields["area"].label_from_instance = area_label
        self.fields["exception_approver"].queryset = User.objects.filter(
            memberships__role="leader", memberships__is_active=True,
            memberships__organization__in=visible_organizations(user)).distinct().order_by("full_name")
        for name in ("organization", "prestige_entry", "dignitary", "religious_organization", "area",
                     "exception_approver"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data["cash"], data["in_kind"] = data.get("cash") or 0, data.get("in_kind") or 0
        return data


class CampaignForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Launching organization"), queryset=None)
    name = forms.CharField(label=_("Name"), max_length=200)
    area = forms.ModelChoiceField(label=_("Area"), queryset=None)
    occasion = forms.ChoiceField(label=_("Occasion"), choices=Occasion.choices)
    date_from = forms.DateField(label=_("From"), widget=DATE)
    date_to = forms.DateField(label=_("To"), widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").order_by("name_sort")
        self.fields["area"].queryset = areas_for(user)
        self.fields["area"].label_from_instance = area_label
        for name in ("organization", "area"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE
