"""Forms of the hot-spot pages (the rules are in ``domain/hotspots.py``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.community.models import HotSpotField, Risk
from danvan.core.forms import StyledFormMixin
from danvan.orgs.interfaces.choices import area_label
from danvan.orgs.models import Organization
from danvan.practices.interfaces.forms import OUT_OF_SCOPE
from danvan.practices.queries.practices import areas_for

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class HotSpotForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Responsible organization"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=200)
    field = forms.ModelChoiceField(label=_("Field"), queryset=HotSpotField.objects.all())
    area = forms.ModelChoiceField(label=_("Commune"), queryset=None)
    village = forms.CharField(label=_("Village"), max_length=120, required=False)
    people_involved = forms.IntegerField(label=_("People involved"), min_value=0, max_value=10**7, required=False)
    risk = forms.ChoiceField(label=_("Risk level"), choices=Risk.choices, initial=Risk.MEDIUM)
    review_date = forms.DateField(label=_("Next review"), widget=DATE)
    latitude = forms.DecimalField(label=_("Latitude"), max_digits=8, decimal_places=5, required=False)
    longitude = forms.DecimalField(label=_("Longitude"), max_digits=8, decimal_places=5, required=False)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    petitions = forms.ModelMultipleChoiceField(label=_("Linked petitions"), queryset=None, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").order_by("name_sort")
        self.fields["area"].queryset = areas_for(user).filter(level="commune")
        self.fields["area"].label_from_instance = area_label
        from danvan.orgs.scope import restrict
        from danvan.voice.models import Petition

        self.fields["petitions"].queryset = restrict(Petition.objects.all(), user).order_by("-received_on")
        self.fields["petitions"].label_from_instance = lambda p: f"{p.code}: {p.subject[:80]}"
        for name in ("organization", "area", "petitions"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE


class UpdateForm(StyledFormMixin, forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)
    text = forms.CharField(label=_("Update"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    review_date = forms.DateField(label=_("Next review"), widget=DATE, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
