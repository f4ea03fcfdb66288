"""The practice list's one definition (``danvan.core.lists``): the page, ``GET /api/v1/practices`` and
the XLSX export all use ``PRACTICES``. The export's columns are the import template's
(``interfaces/columns.py``), so an exported sheet can be corrected and imported again."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import Column, ListDefinition, ListFilterForm, register
from danvan.practices.interfaces.columns import COLUMNS
from danvan.practices.interfaces.filters import PracticeFilterForm
from danvan.practices.queries.practices import campaign_list, filter_practices, list_queryset

_EXPORT_VALUES = {
    "organization": "organization.name", "area": "area_id", "area_name": "area.full_name",
    "campaign": "campaign_id", "replicates": "replicates_id",
}
_FORMATS = {"is_outstanding": "bool", "decision_date": "date", "beneficiaries": "number"}


def _name(p):
    extra = []
    if p.holder == "individual":
        extra.append(format_html(' <span class="text-muted small">({})</span>', p.person_name))
    if p.kind == "exemplar":
        extra.append(format_html(' <span class="badge text-bg-light">{}</span>', p.get_kind_display()))
    return format_html('<a href="{}">{}</a>{}', reverse("practice_detail", args=[p.pk]), p.name,
                       format_html_join("", "{}", ((e,) for e in extra)))


def _status(p):
    html = format_html('<span class="badge dv-status-{}">{}</span>', p.status, p.get_status_display())
    if p.level:
        html = format_html('{} <span class="small">{}</span>', html, p.get_level_display())
    if p.is_outstanding:
        html = format_html('{} <i class="bi bi-star-fill text-warning" title="{}"></i>', html, _("Outstanding"))
    return html


def _area(p):
    return format_html('<span class="{}">{}</span>', "dv-legacy" if p.area.valid_to else "", p.area.full_name)


_TABLE = {"name": {"display": _name}, "field": {}, "organization": {},
          "area_name": {"display": _area}, "year": {}, "status": {"display": _status}}


def _column(c):
    shown = c.key in _TABLE
    return Column(c.key, c.label, value=_EXPORT_VALUES.get(c.key),
                  format="choice" if c.choices else _FORMATS.get(c.key, "text"), width=c.width, table=shown,
                  **(_TABLE.get(c.key) or {}))


PRACTICES = register(ListDefinition(
    key="practices", form=PracticeFilterForm, query=filter_practices, rows=list_queryset,
    export_rows=lambda qs: qs.select_related("organization", "area"),
    columns=[_column(c) for c in COLUMNS], title=_("Models"), filename="mo-hinh-dan-van-kheo", row_numbers=True,
    list_url="practice_list", export_url="practice_export",
    empty=_("No model in your scope matches these filters. Remove some conditions, or register a model."),
))


class CampaignFilterForm(ListFilterForm):
    year = forms.IntegerField(label=_("Running in year"), required=False, min_value=2000, max_value=2100)


CAMPAIGNS = register(ListDefinition(
    key="campaigns", form=CampaignFilterForm, query=campaign_list, rows=lambda qs: qs.select_related("organization"),
    columns=[
        Column("name", _("Campaign"), link=lambda c: reverse("campaign_detail", args=[c.pk]), width=50),
        Column("organization", _("Launched by"), value="organization.name", width=40),
        Column("period", _("Period"), value=lambda c: f"{c.start_year}–{c.end_year}", width=12),
        Column("registration_deadline", _("Registration deadline"), format="date", width=14),
        Column("criteria", _("Criteria"), value="n", format="number", width=10),
    ],
    title=_("Campaigns"), filename="dot-phat-dong", list_url="campaign_list",
    empty=_("No campaign has been launched in your area yet."),
))
