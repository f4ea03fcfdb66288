"""Forms of the people-of-prestige pages (the rules themselves are in ``domain/prestige.py``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.community.models import CommunityRole, EndReason, LegalBasis
from danvan.core.forms import StyledFormMixin
from danvan.meetings.models import Person
from danvan.orgs.interfaces.choices import area_label
from danvan.orgs.models import Organization
from danvan.practices.interfaces.forms import OUT_OF_SCOPE
from danvan.practices.queries.practices import areas_for

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ListForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Keeping organization"), queryset=None)
    area = forms.ModelChoiceField(label=_("Commune"), queryset=None)
    selection_year = forms.IntegerField(label=_("Selection year"), min_value=2000, max_value=2100)
    legal_basis = forms.ChoiceField(label=_("Legal basis"), choices=LegalBasis.choices, initial=LegalBasis.QD_28_2023)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").order_by("name_sort")
        self.fields["area"].queryset = areas_for(user).filter(level="commune")
        self.fields["area"].label_from_instance = area_label
        for name in ("organization", "area"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE


class NominateForm(StyledFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    gender = forms.ChoiceField(label=_("Gender"), choices=[("", "—")] + Person.Gender.choices, required=False)
    birth_year = forms.IntegerField(label=_("Year of birth"), min_value=1900, max_value=2100, required=False)
    ethnicity = forms.CharField(label=_("Ethnicity"), max_length=50, required=False)
    religion = forms.CharField(label=_("Religion"), max_length=80, required=False)
    village = forms.CharField(label=_("Village"), max_length=120)
    role = forms.ChoiceField(label=_("Role in the community"), choices=CommunityRole.choices)
    village_meeting_on = forms.DateField(label=_("Village meeting date"), widget=DATE)
    households_present = forms.IntegerField(label=_("Households present"), min_value=0, max_value=100000)
    households_total = forms.IntegerField(label=_("Households in the village"), min_value=1, max_value=100000)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("selection", _("Five-yearly selection")),
                                                       ("addition", _("Added or replaced during the term"))])


class DecisionForm(StyledFormMixin, forms.Form):
    decision_number = forms.CharField(label=_("Recognition decision number"), max_length=60)
    decision_date = forms.DateField(label=_("Recognition decision date"), widget=DATE)
    authority = forms.CharField(label=_("Recognizing authority"), max_length=200)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class StepForm(StyledFormMixin, forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)
    decision_number = forms.CharField(label=_("Decision number"), max_length=60, required=False)
    reason = forms.ChoiceField(label=_("Reason"), choices=[("", "—")] + EndReason.choices, required=False)
    decision = forms.CharField(label=_("Decision removing or replacing"), max_length=60, required=False)
    note = forms.CharField(label=_("Details"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
