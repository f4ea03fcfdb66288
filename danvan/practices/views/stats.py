"""The statistics page (tables beside Chart.js charts, printable) and the dashboard panel."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.forms import StyledFormMixin
from danvan.orgs.interfaces.choices import area_label
from danvan.orgs.scope import active_memberships
from danvan.practices.interfaces.forms import OUT_OF_SCOPE
from danvan.practices.models import Holder, PracticeField, RecognitionLevel, Status
from danvan.practices.queries import stats
from danvan.practices.queries.practices import areas_for, campaigns_for


class StatsForm(StyledFormMixin, forms.Form):
    area = forms.ModelChoiceField(label=gettext_lazy("Area"), required=False, queryset=None,
                                  empty_label=gettext_lazy("Whole scope"))
    year = forms.IntegerField(label=gettext_lazy("Year"), required=False, min_value=1990, max_value=2100)
    campaign = forms.ModelChoiceField(label=gettext_lazy("Campaign"), required=False, queryset=None,
                                      empty_label=gettext_lazy("All campaigns"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas_for(user).exclude(level="commune", valid_to__isnull=False)
        self.fields["area"].label_from_instance = area_label
        self.fields["campaign"].queryset = campaigns_for(user)
        for name in ("area", "campaign"):
            self.fields[name].error_messages["invalid_choice"] = OUT_OF_SCOPE


def default_area(user):
    memberships = active_memberships(user)
    return memberships[0].organization.area if memberships else None


@login_required
def practice_stats(request):
    default = default_area(request.user)
    # the page first opens on the user's own unit: the area list shows it chosen (it said "whole scope")
    form = StatsForm(request.GET or None, user=request.user, initial={"area": default.pk} if default else None)
    params = form.cleaned_data if form.is_valid() else {}
    area = params.get("area") or (None if request.GET.get("area") == "" else default)
    year, campaign = params.get("year"), params.get("campaign")
    data, children, years = stats.page(request.user, area=area, year=year, campaign=campaign)
    field_rows = [{"label": f.label, "key": f.value, "cells": [data["grid"][f.value][s] for s in Status.values],
                   "total": data["by_field"][f.value]} for f in PracticeField]
    chart = {
        "fields": {"labels": [str(f.label) for f in PracticeField], "values": [data["by_field"][f] for f in PracticeField.values]},
        "statuses": {"labels": [str(s.label) for s in Status], "values": [data["by_status"][s] for s in Status.values]},
        "levels": {"labels": [str(v.label) for v in RecognitionLevel],
                   "values": [data["by_level"][v] for v in RecognitionLevel.values]},
        "funnel": {"labels": [_("Registered"), _("Carried out"), _("Recognized"), _("Outstanding")],
                   "values": [data["registered"], data["carried_out"], data["recognized"], data["outstanding"]]},
        "children": {"labels": [r["area"].name if r["area"] else _("Former units above commune level")
                                for r in children], "values": [r["n"] for r in children]},
        "years": {"labels": [str(r["year"]) for r in years], "total": [r["total"] for r in years],
                  "recognized": [r["recognized"] for r in years]},
        "titles": {"total": _("Models"), "recognized": _("Recognized")},
    }
    context = {
        "form": form, "area": area, "year": year, "campaign": campaign, "data": data, "children": children,
        "years": years, "field_rows": field_rows, "statuses": list(Status), "levels": list(RecognitionLevel),
        "holders": [(h.label, data["by_holder"][h.value], data["recognized_by_holder"][h.value]) for h in Holder],
        "chart": chart, "nav_active": "practices",
        "breadcrumbs": [(_("\"Dân vận khéo\" models"), reverse("practice_list")), (_("Statistics"), None)],
    }
    return render(request, "practices/stats.html", context)


def dashboard_panel(request):
    """The dashboard's panel: counts of the practices in the user's scope."""
    if not request.user.is_authenticated:
        return None
    data = stats.summary(request.user)
    return {"template": "practices/_dashboard_panel.html", "order": 20, "practice_summary": data}
