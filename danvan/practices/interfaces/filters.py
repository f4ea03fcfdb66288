"""The one filter of practice lists: the HTML list, the XLSX export and the API all validate their
parameters with ``PracticeFilterForm`` and pass its cleaned data to ``filter_practices``."""

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import ListFilterForm
from danvan.orgs.interfaces.choices import area_label, area_options, organization_options
from danvan.orgs.models import Organization
from danvan.practices.interfaces.forms import OUT_OF_SCOPE
from danvan.practices.models import Holder, PracticeField, PracticeKind, RecognitionLevel, Status
from danvan.practices.queries.practices import areas_for, campaigns_for

SORT_CHOICES = [
    ("name", _("Name (A–Z)")), ("-name", _("Name (Z–A)")), ("-date", _("Newest first")), ("date", _("Oldest first")),
    ("status", _("Status")), ("-year", _("Year, newest first")),
]


FORMER = _("before 01/07/2025")


class _Lazy(BaseChoiceIterator):
    """Choices computed only when the widget is rendered, then kept (the API never renders them). A
    ``BaseChoiceIterator`` is left as it is when assigned to ``widget.choices``; any other iterable is
    read at once by Django's ``normalize_choices``."""

    def __init__(self, build):
        self.build = build
        self.items = None

    def __iter__(self):
        if self.items is None:
            self.items = self.build()
        return iter(self.items)


def _any(label):
    return [("", label)]


class PracticeFilterForm(ListFilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. nong thon moi")}))
    field = forms.ChoiceField(label=_("Field"), required=False, choices=_any(_("All fields")) + PracticeField.choices)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_any(_("All statuses")) + Status.choices)
    level = forms.ChoiceField(label=_("Recognition level"), required=False,
                              choices=_any(_("All levels")) + RecognitionLevel.choices)
    holder = forms.ChoiceField(label=_("Holder"), required=False, choices=_any(_("Collective and individual"))
                               + Holder.choices)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=_any(_("Models and exemplars"))
                             + PracticeKind.choices)
    campaign = forms.ModelChoiceField(label=_("Campaign"), required=False, queryset=None,
                                      empty_label=_("All campaigns"))
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100,
                              error_messages={"invalid": _("The year must be a number, e.g. 2023."),
                                              "min_value": _("The year must be between 1990 and 2100."),
                                              "max_value": _("The year must be between 1990 and 2100.")})
    area = forms.ModelChoiceField(label=_("Area (with its units and the former units merged into it)"),
                                  required=False, queryset=None, empty_label=_("All areas in scope"))
    organization = forms.ModelChoiceField(label=_("Registering organization (and those below it)"), required=False,
                                          queryset=None, empty_label=_("All organizations in scope"))
    outstanding = forms.BooleanField(label=_("Outstanding only"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["campaign"].queryset = campaigns_for(user)
        self.fields["area"].queryset = areas_for(user)
        self.fields["area"].label_from_instance = area_label
        self.fields["organization"].queryset = Organization.objects.for_user(user).order_by("name_sort")
        for name in ("campaign", "area", "organization"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE
        # Options from plain tuples (no model instances); legacy communes are not listed, they count under
        # the commune they became part of (an id typed in the URL or the API is still accepted).
        areas = self.fields["area"].queryset.exclude(level="commune", valid_to__isnull=False)
        self.fields["area"].widget.choices = _Lazy(lambda: [("", self.fields["area"].empty_label)]
                                                   + area_options(areas))
        orgs = self.fields["organization"].queryset
        self.fields["organization"].widget.choices = _Lazy(lambda: [("", self.fields["organization"].empty_label)]
                                                           + organization_options(orgs))
        self.fields["campaign"].widget.choices = self.fields["campaign"].choices
        for name in ("field", "status", "level", "holder", "kind", "sort"):
            self.fields[name].error_messages["invalid_choice"] = _("“%(value)s” is not a valid choice.")
