"""The area list's one definition (``danvan.core.lists``): the area browser's search results,
``GET /api/v1/areas`` and the export use ``AREAS``. Areas are public reference data (the administrative
map), so the query ignores the user; the browser's tree (no search) is a view of its own."""

from django import forms
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import Column, DateFilter, ListDefinition, ListFilterForm, register
from danvan.places.models.area import Level
from danvan.places.queries.areas import area_list

# the filters that turn the browser's tree into a list of results (``at`` alone only dates the tree)
SEARCH_FILTERS = ("q", "level", "parent", "under")


class AreaFilterForm(ListFilterForm):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"placeholder": _("e.g. bao ai, yen bai"), "type": "search"}))
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("All levels")), *Level.choices])
    at = DateFilter(label=_("Administrative map on"),
                    error_messages={"invalid": _("Invalid date; enter it as dd/mm/yyyy.")})
    # the API's filters: the units directly under one, or the whole subtree of one (history included)
    parent = forms.IntegerField(label=_("Part of"), required=False, min_value=1, widget=forms.HiddenInput)
    under = forms.IntegerField(label=_("Under"), required=False, min_value=1, widget=forms.HiddenInput)

    def searching(self) -> bool:
        """Whether the filters ask for a list of results rather than the tree."""
        return self.is_bound and (not self.is_valid() or any(self.filters().get(k) for k in SEARCH_FILTERS))


def _part_of(area) -> str:
    parent = area.parent
    if parent is None:
        return ""
    return f"{parent.full_name}, {parent.parent.full_name}" if parent.parent else parent.full_name


def _validity(area) -> str:
    if area.valid_to:
        return gettext("until %(d)s") % {"d": date_format(area.valid_to, "d/m/Y")}
    return gettext("current")


AREAS = register(ListDefinition(
    key="areas", form=AreaFilterForm, query=area_list,
    rows=lambda qs: qs.select_related("parent__parent"),
    columns=[
        Column("name", _("Name"), value="full_name", link=lambda a: reverse("area_detail", args=[a.pk]), width=36),
        Column("code", _("Code"), width=10),
        Column("level", _("Level"), format="choice", table=False, width=12),
        Column("parent", _("Part of"), value=_part_of, width=44),
        Column("validity", _("Validity"), value=_validity, export=False),
        Column("valid_from", _("Valid from"), format="date", table=False, width=14),
        Column("valid_to", _("Valid until"), format="date", table=False, width=14),
    ],
    title=_("Administrative areas"), filename="dia-ban", list_url="area_browser", export_url="area_export",
    empty=_("No area matches. Type fewer letters; accents are not needed (for example: bao ai)."),
))
