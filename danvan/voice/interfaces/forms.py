"""Entry forms of the voice pages (every one with ``StyledFormMixin``; choices limited to the scope)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.meetings.models import Person
from danvan.orgs.models import Organization
from danvan.orgs.scope import pickable_areas, restrict
from danvan.voice.interfaces.filters import DATE_WIDGET, OUT_OF_SCOPE
from danvan.voice.models import (
    CaseKind,
    Channel,
    Complexity,
    DialogueRule,
    Field,
    HolderPosition,
    Outcome,
    Rule,
    SessionKind,
)


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


class DialogueForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Organizing organization"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=300)
    held_on = forms.DateField(label=_("Held on"), widget=DATE_WIDGET)
    rule = forms.ChoiceField(label=_("Rule"), choices=DialogueRule.choices)
    venue = forms.CharField(label=_("Place"), required=False, max_length=300)
    notice_published_on = forms.DateField(label=_("Notice published on"), required=False, widget=DATE_WIDGET,
                                          help_text=_("At least 7 days before the dialogue."))
    notice_late_reason = forms.CharField(label=_("Reason the notice was late"), required=False, max_length=500)
    front_opinions = forms.CharField(label=_("Opinions gathered by the Front beforehand"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").filter(
            valid_to__isnull=True).order_by("name_sort")
        self.fields["organization"].error_messages["invalid_choice"] = OUT_OF_SCOPE


class OpinionForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Opinion"), widget=forms.Textarea(attrs={"rows": 2}))
    field = forms.ChoiceField(label=_("Field"), choices=Field.choices, initial=Field.OTHER)
    addressed_to = forms.ModelChoiceField(label=_("Addressed to"), queryset=None, required=False)
    citizen_name = forms.CharField(label=_("Citizen (if given)"), required=False, max_length=200)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addressed_to"].queryset = Organization.objects.for_user(user).filter(
            valid_to__isnull=True).order_by("name_sort")
        self.fields["addressed_to"].error_messages["invalid_choice"] = OUT_OF_SCOPE


class AnswerForm(StyledFormMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[c for c in Outcome.choices if c[0] != "pending"])
    answer = forms.CharField(label=_("Answer"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    leader = forms.ModelChoiceField(label=_("Leader"), queryset=None, required=False)
    due_date = forms.DateField(label=_("Promised by"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = restrict(Person.objects.all(), user).order_by("name_sort")
        self.fields["leader"].error_messages["invalid_choice"] = OUT_OF_SCOPE


class ResultNoticeForm(StyledFormMixin, forms.Form):
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE_WIDGET)
    posted_on = forms.DateField(label=_("Posted at the office on"), required=False, widget=DATE_WIDGET)
    sent_on = forms.DateField(label=_("Sent to the village heads on"), required=False, widget=DATE_WIDGET)


class PetitionForm(StyledFormMixin, forms.Form):
    """Intake of one petition into a register (the domain checks the rest: ``receive_petition``)."""

    organization = forms.ModelChoiceField(label=_("Handling organization"), queryset=None)
    code = forms.CharField(label=_("Tracking code"), max_length=40)
    received_on = forms.DateField(label=_("Received on"), widget=DATE_WIDGET)
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    transferred_from = forms.CharField(label=_("Transferred from"), required=False, max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=CaseKind.choices)
    subject = forms.CharField(label=_("Subject"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    field = forms.ChoiceField(label=_("Field"), choices=Field.choices, initial=Field.OTHER)
    area = forms.ModelChoiceField(label=_("Area"), queryset=None)
    sender_name = forms.CharField(label=_("Sender"), required=False, max_length=300)
    sender_address = forms.CharField(label=_("Sender's address"), required=False, max_length=300)
    signatories = forms.IntegerField(label=_("Number of signatories"), min_value=1, max_value=100000, initial=1)
    anonymous = forms.BooleanField(label=_("Anonymous"), required=False)
    instance = forms.TypedChoiceField(label=_("Instance"), coerce=int, choices=[(1, _("First")), (2, _("Second"))])
    remote = forms.BooleanField(label=_("Remote, hard-to-reach area"), required=False)
    complexity = forms.ChoiceField(label=_("Complexity"), choices=Complexity.choices)
    within_competence = forms.BooleanField(label=_("Within competence"), required=False, initial=True)
    repeat = forms.IntegerField(label=_("Sent for the nth time"), min_value=1, max_value=100, initial=1)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").filter(
            valid_to__isnull=True).order_by("name_sort")
        self.fields["area"].queryset = pickable_areas(user).order_by("name_sort")
        for name in ("organization", "area"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE
