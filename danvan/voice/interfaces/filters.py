"""The one filter of each voice list: the HTML list, the API list and the export validate their
parameters with the same form and pass its cleaned data to the ``queries`` function."""


from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import ListFilterForm
from danvan.meetings.interfaces.forms import areas_with_history
from danvan.orgs.models import Organization
from danvan.voice.models import CaseKind, DialogueRule, PetitionState, Rule, SessionKind

DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})
OUT_OF_SCOPE = _("This choice is not in your scope.")


def _any(label):
    return [("", label)]


class ScopedFilterForm(ListFilterForm):
    """Shared fields of the voice lists: search, area (with its history) and organization in scope (the
    filter form of their list definitions, ``interfaces/lists.py``)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))
    area = forms.ModelChoiceField(label=_("Area (with the former units merged into it)"), required=False,
                                  queryset=None, empty_label=_("All areas in scope"))
    organization = forms.ModelChoiceField(label=_("Organization (and those below it)"), required=False,
                                          queryset=None, empty_label=_("All organizations in scope"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["area"].queryset = areas_with_history(user).order_by("valid_to", "level", "name_sort")
        self.fields["organization"].queryset = Organization.objects.for_user(user).order_by("name_sort")
        for name in ("area", "organization"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE


class ReceptionFilterForm(ScopedFilterForm):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=_any(_("Regular and ad hoc"))
                             + SessionKind.choices)
    rule = forms.ChoiceField(label=_("Rule"), required=False, choices=_any(_("All rules")) + Rule.choices)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE_WIDGET)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return data


class DutyTableForm(ScopedFilterForm):
    year = forms.IntegerField(label=_("Year"), min_value=2019, max_value=2100, required=False,
                              error_messages={"min_value": _("The year must be between 2019 and 2100."),
                                              "max_value": _("The year must be between 2019 and 2100."),
                                              "invalid": _("The year must be a number, e.g. 2026.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["q"]
        self.fields["year"].initial = timezone.localdate().year

    def chosen_year(self) -> int:
        return (self.cleaned_data.get("year") if self.is_valid() else None) or timezone.localdate().year




class DialogueFilterForm(ScopedFilterForm):
    rule = forms.ChoiceField(label=_("Rule"), required=False, choices=_any(_("All rules")) + DialogueRule.choices)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE_WIDGET)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return data


class CommitmentFilterForm(ScopedFilterForm):
    state = forms.ChoiceField(label=_("State"), required=False, choices=_any(_("All states")) + [
        ("on_time", _("Kept on time")), ("late", _("Kept late")), ("overdue", _("Overdue")), ("open", _("Open"))])
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    leader = forms.ModelChoiceField(label=_("Leader"), required=False, queryset=None, empty_label=_("All leaders"))

    def __init__(self, *args, user, **kwargs):
        from danvan.meetings.models import Person
        from danvan.orgs.scope import restrict

        super().__init__(*args, user=user, **kwargs)
        del self.fields["q"]
        self.fields["leader"].queryset = restrict(Person.objects.all(), user).order_by("name_sort")
        self.fields["leader"].error_messages["invalid_choice"] = OUT_OF_SCOPE


class PetitionFilterForm(ScopedFilterForm):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=_any(_("All kinds")) + CaseKind.choices)
    state = forms.ChoiceField(label=_("State"), required=False, choices=_any(_("All states"))
                              + [("resolved", _("Resolved (decided, enforced or closed)"))] + PetitionState.choices)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    handler = forms.IntegerField(label=_("Handling officer (id)"), required=False, min_value=1, widget=forms.HiddenInput)
    received_from = forms.DateField(label=_("Received from"), required=False, widget=DATE_WIDGET)
    received_to = forms.DateField(label=_("Received to"), required=False, widget=DATE_WIDGET)

    def clean(self):
        data = super().clean()
        if data.get("received_from") and data.get("received_to") and data["received_to"] < data["received_from"]:
            self.add_error("received_to", _("The end date must not be before the start date."))
        return data
