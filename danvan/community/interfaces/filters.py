"""The filter forms of the module's lists (``interfaces/lists.py``): the page, the XLSX export and the
API validate their parameters with the same form and pass its cleaned data to the list's query."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.community.models import CommunityRole, EntryStatus
from danvan.community.queries.prestige import lists_for
from danvan.core.lists import ListFilterForm
from danvan.orgs.interfaces.choices import area_label
from danvan.practices.interfaces.forms import OUT_OF_SCOPE
from danvan.practices.queries.practices import areas_for

SORT_CHOICES = [("village", _("Village")), ("name", _("Name (A–Z)")), ("-date", _("Newest first")),
                ("status", _("Status"))]


def _any(label):
    return [("", label)]


class PrestigeFilterForm(ListFilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("name or village")}))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_any(_("All statuses")) + EntryStatus.choices)
    role = forms.ChoiceField(label=_("Role in the community"), required=False,
                             choices=_any(_("All roles")) + CommunityRole.choices)
    area = forms.ModelChoiceField(label=_("Area (with its units and the former units merged into it)"),
                                  required=False, queryset=None, empty_label=_("All areas in scope"))
    prestige_list = forms.ModelChoiceField(label=_("List"), required=False, queryset=None,
                                           empty_label=_("All lists"))
    year = forms.IntegerField(label=_("On the list at the end of"), required=False, min_value=2000, max_value=2100,
                              error_messages={"invalid": _("The year must be a number, e.g. 2027."),
                                              "min_value": _("The year must be between 2000 and 2100."),
                                              "max_value": _("The year must be between 2000 and 2100.")})
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["area"].queryset = areas_for(user)
        self.fields["area"].label_from_instance = area_label
        self.fields["prestige_list"].queryset = lists_for(user).select_related("area")
        for name in ("area", "prestige_list"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE
        for name in ("status", "role", "sort"):
            self.fields[name].error_messages["invalid_choice"] = _("“%(value)s” is not a valid choice.")


class DignitaryFilterForm(ListFilterForm):
    """The one filter of the religious registry (the page, the export and the API)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))
    religion = forms.ModelChoiceField(label=_("Religion"), required=False, queryset=None,
                                      empty_label=_("All religions"))
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=_any(_("Ranks and posts")))
    area = forms.ModelChoiceField(label=_("Area (with its units and the former units merged into it)"),
                                  required=False, queryset=None, empty_label=_("All areas in scope"))
    on = forms.DateField(label=_("Holding it on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    current = forms.BooleanField(label=_("Current only"), required=False)

    def __init__(self, *args, user, **kwargs):
        from danvan.community.models import Dignitary, Religion

        super().__init__(*args, user=user, **kwargs)
        self.fields["religion"].queryset = Religion.objects.all()
        self.fields["kind"].choices = _any(_("Ranks and posts")) + Dignitary.Kind.choices
        self.fields["area"].queryset = areas_for(user)
        self.fields["area"].label_from_instance = area_label
        self.fields["area"].error_messages["invalid_choice"] = OUT_OF_SCOPE
        self.fields["religion"].error_messages["invalid_choice"] = _("Choose a religion of the list.")
        self.fields["kind"].error_messages["invalid_choice"] = _("“%(value)s” is not a valid choice.")


class SupportFilterForm(ListFilterForm):
    """The one filter of the visits and gifts (the page and the API)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))
    kind = forms.ChoiceField(label=_("Kind of support"), required=False)
    beneficiary_kind = forms.ChoiceField(label=_("Beneficiary"), required=False)
    area = forms.ModelChoiceField(label=_("Area (with its units and the former units merged into it)"),
                                  required=False, queryset=None, empty_label=_("All areas in scope"))
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100,
                              error_messages={"min_value": _("The year must be between 2000 and 2100."),
                                              "max_value": _("The year must be between 2000 and 2100.")})
    campaign = forms.ModelChoiceField(label=_("Campaign"), required=False, queryset=None,
                                      empty_label=_("All campaigns"))
    exception = forms.BooleanField(label=_("Exceptions only"), required=False)

    def __init__(self, *args, user, **kwargs):
        from danvan.community.models import BeneficiaryKind, SupportKind
        from danvan.community.queries.support import campaigns_for

        super().__init__(*args, user=user, **kwargs)
        self.fields["kind"].choices = _any(_("All kinds")) + SupportKind.choices
        self.fields["beneficiary_kind"].choices = _any(_("All beneficiaries")) + BeneficiaryKind.choices
        self.fields["area"].queryset = areas_for(user)
        self.fields["area"].label_from_instance = area_label
        self.fields["campaign"].queryset = campaigns_for(user)
        for name in ("area", "campaign"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE
        for name in ("kind", "beneficiary_kind"):
            self.fields[name].error_messages["invalid_choice"] = _("“%(value)s” is not a valid choice.")



class HotSpotFilterForm(ListFilterForm):
    """The one filter of hot spots (the page and the API)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))
    field = forms.ModelChoiceField(label=_("Field"), required=False, queryset=None, empty_label=_("All fields"))
    state = forms.ChoiceField(label=_("State"), required=False)
    risk = forms.ChoiceField(label=_("Risk level"), required=False)
    area = forms.ModelChoiceField(label=_("Area (with its units and the former units merged into it)"),
                                  required=False, queryset=None, empty_label=_("All areas in scope"))
    overdue = forms.BooleanField(label=_("Review overdue"), required=False)

    def __init__(self, *args, user, **kwargs):
        from danvan.community.models import HotSpotField, HotSpotState, Risk

        super().__init__(*args, user=user, **kwargs)
        self.fields["field"].queryset = HotSpotField.objects.all()
        self.fields["state"].choices = _any(_("All states")) + HotSpotState.choices
        self.fields["risk"].choices = _any(_("All levels")) + Risk.choices
        self.fields["area"].queryset = areas_for(user)
        self.fields["area"].label_from_instance = area_label
        self.fields["area"].error_messages["invalid_choice"] = OUT_OF_SCOPE
        self.fields["field"].error_messages["invalid_choice"] = _("Choose a field of the list.")
        for name in ("state", "risk"):
            self.fields[name].error_messages["invalid_choice"] = _("“%(value)s” is not a valid choice.")

