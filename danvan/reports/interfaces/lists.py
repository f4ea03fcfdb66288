"""The report list's one definition (``danvan.core.lists``): the page, ``GET /api/v1/reports`` and the
export use ``REPORTS``."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import Column, ListDefinition, ListFilterForm, register
from danvan.reports.models import Form, Period, Status
from danvan.reports.queries.reports import filter_reports


class ReportFilterForm(ListFilterForm):
    form = forms.ModelChoiceField(Form.objects.filter(is_active=True), label=_("Form"), required=False,
                                  empty_label=_("All forms"))
    period = forms.ModelChoiceField(Period.objects.all(), label=_("Period"), required=False,
                                    empty_label=_("All periods"))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses")), *Status.choices])
    q = forms.CharField(label=_("Organization"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))


def _period(r):
    badge = format_html(' <span class="badge text-bg-info">{}</span>', _("compiled")) if r.is_compiled else ""
    return format_html('<a href="{}">{}</a>{}', reverse("report_detail", args=[r.pk]), r.period.label, badge)


def _organization(r):
    return format_html('<span class="{}">{}</span>', "dv-legacy" if r.organization.valid_to else "",
                       r.organization.name)


def _submitted(r):
    return timezone.localtime(r.submitted_at).date() if r.submitted_at else None


REPORTS = register(ListDefinition(
    key="reports", form=ReportFilterForm, query=filter_reports,
    columns=[
        Column("period", _("Period"), value="period.label", display=_period, width=20),
        Column("organization", _("Organization"), value="organization.name", display=_organization, width=44),
        Column("form", _("Form"), value="form.name", width=30),
        Column("status", _("Status"), format="status", width=14),
        Column("submitted_at", _("Submitted"), value=_submitted, format="date", width=12),
    ],
    title=_("Reports"), filename="bao-cao", list_url="report_list", export_url="report_list_export",
    empty=_("No report matches the filters in your scope."),
))
