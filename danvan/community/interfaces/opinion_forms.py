"""Forms of public opinion: the filters of the collaborators, topics and reports lists (one each, for the
page, the export and the API) and the forms that appoint, edit, ask and report (the rules are in
``domain/opinion.py``)."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danvan.community.models import CollaboratorLevel, OpinionReport, SocialGroup
from danvan.core.forms import StyledFormMixin
from danvan.core.lists import DateFilter, ListFilterForm, YesNoField
from danvan.orgs.interfaces.choices import area_label
from danvan.orgs.models import Organization
from danvan.practices.interfaces.forms import OUT_OF_SCOPE
from danvan.practices.queries.practices import areas_for

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _any(label):
    return [("", label)]


class MonthField(forms.CharField):
    """A month: mm/yyyy as typed on the page, or yyyy-mm as the API documents it; the first day."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 7)
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "mm/yyyy"}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        match = re.fullmatch(r"(\d{1,2})/(\d{4})", value) or re.fullmatch(r"(\d{4})-(\d{1,2})", value)
        if match:
            a, b = match.groups()
            month, year = (int(a), int(b)) if "/" in value else (int(b), int(a))
            if 1 <= month <= 12 and 2000 <= year <= 2100:
                return datetime.date(year, month, 1)
        raise ValidationError(_("Enter the month as mm/yyyy, e.g. 11/2026."), code="invalid")


class CollaboratorFilterForm(ListFilterForm):
    q = forms.CharField(label=_("Code"), required=False, max_length=40,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": "CTV-"}))
    social_group = forms.ChoiceField(label=_("Social group"), required=False,
                                     choices=_any(_("All groups")) + SocialGroup.choices)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=_any(_("All levels")) + CollaboratorLevel.choices)
    area = forms.ModelChoiceField(label=_("Area (with its units and the former units merged into it)"),
                                  required=False, queryset=None, empty_label=_("All areas in scope"))
    confidential = YesNoField(label=_("Confidential"), any_label=_("All"), yes=_("Confidential only"),
                              no=_("Not confidential"))
    current = forms.BooleanField(label=_("In their term today"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.scope_choices(area=areas_for(user))
        self.fields["area"].label_from_instance = area_label


class TopicFilterForm(ListFilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))
    month = MonthField(label=_("Due in the month"))


class OpinionFilterForm(ListFilterForm):
    topic = forms.ModelChoiceField(label=_("Topic"), required=False, queryset=None, empty_label=_("All topics"))
    social_group = forms.ChoiceField(label=_("Social group"), required=False,
                                     choices=_any(_("All groups")) + SocialGroup.choices)
    stance = forms.ChoiceField(label=_("Stance"), required=False,
                               choices=_any(_("All stances")) + OpinionReport.Stance.choices)
    area = forms.ModelChoiceField(label=_("Area (with its units and the former units merged into it)"),
                                  required=False, queryset=None, empty_label=_("All areas in scope"))
    month = MonthField(label=_("Month"))
    urgent = YesNoField(label=_("Urgent"), any_label=_("All"), yes=_("Urgent only"), no=_("Not urgent"))
    waiting = forms.BooleanField(label=_("Waiting for acknowledgement"), required=False)

    def __init__(self, *args, user, **kwargs):
        from danvan.community.queries.opinion import topics_for

        super().__init__(*args, user=user, **kwargs)
        self.scope_choices(area=areas_for(user), topic=topics_for(user).order_by("-due_date"))
        self.fields["area"].label_from_instance = area_label


class SummaryForm(ListFilterForm):
    """The monthly summary's choice: the month (required), the area, one topic."""

    month = MonthField(label=_("Month"), required=True)
    area = forms.ModelChoiceField(label=_("Area (with its units and the former units merged into it)"),
                                  required=False, queryset=None, empty_label=_("All areas in scope"))
    topic = forms.ModelChoiceField(label=_("Topic"), required=False, queryset=None, empty_label=_("All topics"))

    def __init__(self, *args, user, **kwargs):
        from danvan.community.queries.opinion import topics_for

        super().__init__(*args, user=user, **kwargs)
        self.scope_choices(area=areas_for(user), topic=topics_for(user).order_by("-due_date"))
        self.fields["area"].label_from_instance = area_label


class CollaboratorForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Managing organization"), queryset=None)
    full_name = forms.CharField(label=_("Full name"), max_length=120)
    gender = forms.ChoiceField(label=_("Gender"), required=False,
                               choices=[("", "—"), ("male", _("Male")), ("female", _("Female"))])
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False, min_value=1900, max_value=2100)
    occupation = forms.CharField(label=_("Occupation or position"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    level = forms.ChoiceField(label=_("Level"), choices=CollaboratorLevel.choices)
    social_group = forms.ChoiceField(label=_("Social group represented"), choices=SocialGroup.choices)
    area = forms.ModelChoiceField(label=_("Area"), queryset=None)
    decision_number = forms.CharField(label=_("Appointment decision"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Decision date"), required=False, widget=DATE)
    term_from = forms.DateField(label=_("Term from"), widget=DATE)
    term_to = forms.DateField(label=_("Term until"), required=False, widget=DATE)
    confidential = forms.BooleanField(label=_("Confidential (đơn tuyến): only the leaders of the managing "
                                              "organization see who it is"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").order_by("name_sort")
        self.fields["area"].queryset = areas_for(user).filter(valid_to__isnull=True)
        self.fields["area"].label_from_instance = area_label
        for name in ("organization", "area"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE


class CollaboratorEditForm(CollaboratorForm):
    """The same fields without the organization; the identity only for who may see it."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, identity: bool, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        del self.fields["organization"]
        if not identity:
            for name in ("full_name", "gender", "birth_year", "occupation", "phone"):
                del self.fields[name]


class TopicForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Asking organization"), queryset=None)
    title = forms.CharField(label=_("Topic"), max_length=200)
    guidance = forms.CharField(label=_("Guidance"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    due_date = forms.DateField(label=_("Due date"), widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").order_by("name_sort")
        self.fields["organization"].error_messages["invalid_choice"] = OUT_OF_SCOPE


class ReportForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Reporting organization"), queryset=None)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=None, required=False, empty_label=_("No topic"))
    collaborator = forms.ModelChoiceField(label=_("From the collaborator (code)"), queryset=None, required=False,
                                          empty_label=_("The organization itself"))
    area = forms.ModelChoiceField(label=_("Area"), queryset=None)
    date = forms.DateField(label=_("Date"), widget=DATE)
    social_group = forms.ChoiceField(label=_("Main social group"), choices=SocialGroup.choices)
    social_groups = forms.CharField(label=_("Social groups (details)"), max_length=200)
    statement = forms.CharField(label=_("Current of opinion (never name the people quoted)"),
                                widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    stance = forms.ChoiceField(label=_("Stance"), choices=OpinionReport.Stance.choices)
    strength = forms.IntegerField(label=_("Strength (1–5)"), min_value=1, max_value=5)
    spread = forms.IntegerField(label=_("How widespread (1–5)"), min_value=1, max_value=5)
    source = forms.ChoiceField(label=_("Source"), choices=OpinionReport.Source.choices)
    recommendation = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 2}),
                                     required=False, max_length=4000)
    urgent = forms.BooleanField(label=_("Urgent: notify the leaders at once"), required=False)

    def __init__(self, *args, user, **kwargs):
        from danvan.community.queries.opinion import collaborators_for, topics_for

        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").order_by("name_sort")
        self.fields["topic"].queryset = topics_for(user).order_by("-due_date")
        self.fields["collaborator"].queryset = collaborators_for(user)
        self.fields["collaborator"].label_from_instance = lambda c: c.code
        self.fields["area"].queryset = areas_for(user).filter(valid_to__isnull=True)
        self.fields["area"].label_from_instance = area_label
        for name in ("organization", "topic", "collaborator", "area"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE


class ReadLogFilterForm(ListFilterForm):
    """The filter of the log of reads of sensitive data (the administrator's page)."""

    q = forms.CharField(label=_("Read by"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))
    kind = forms.ChoiceField(label=_("Records"), required=False, choices=[
        ("", _("All records")), ("prestige", _("People of prestige")), ("dignitary", _("Dignitaries")),
        ("opinion", _("Opinion reports")), ("collaborator", _("Opinion collaborators"))])
    date_from = DateFilter(label=_("From"))
    date_to = DateFilter(label=_("To"))
