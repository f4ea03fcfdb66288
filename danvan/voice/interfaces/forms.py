"""Entry forms of the voice pages (every one with ``StyledFormMixin``; choices limited to the scope)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.meetings.models import Person
from danvan.orgs.models import Organization
from danvan.orgs.scope import restrict
from danvan.voice.interfaces.filters import DATE_WIDGET, OUT_OF_SCOPE
from danvan.voice.models import CaseKind, Field, HolderPosition, Rule, SessionKind


class SessionForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Organization"), queryset=None)
    receiver = forms.ModelChoiceField(label=_("Received by"), queryset=None)
    held_on = forms.DateField(label=_("Held on"), widget=DATE_WIDGET)
    rule = forms.ChoiceField(label=_("Rule"), choices=Rule.choices)
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)
    position = forms.ChoiceField(label=_("Position at that time"), required=False,
                                 choices=[("", _("From the person's duty"))] + HolderPosition.choices)
    place = forms.CharField(label=_("Place"), required=False, max_length=300)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").filter(
            valid_to__isnull=True).order_by("name_sort")
        self.fields["receiver"].queryset = restrict(Person.objects.all(), user).order_by("name_sort")
        for name in ("organization", "receiver"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE


class CaseForm(StyledFormMixin, forms.Form):
    subject = forms.CharField(label=_("What was raised"), max_length=500)
    citizen_name = forms.CharField(label=_("Citizen (if given)"), required=False, max_length=200)
    people = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=100000, initial=1)
    kind = forms.ChoiceField(label=_("Kind"), choices=CaseKind.choices, initial=CaseKind.RECOMMENDATION)
    field = forms.ChoiceField(label=_("Field"), choices=Field.choices, initial=Field.OTHER)
    outcome = forms.CharField(label=_("Answer or direction"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
