"""The nomination list's one definition (``danvan.core.lists``): the page, ``GET /api/v1/nominations``
and the XLSX list (danh sách đề nghị) use ``NOMINATIONS``. The export has no cap: above
``DANVAN_EXPORT_INLINE_MAX`` rows the page's export button runs it as a background job."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danvan.awards.models import AwardKind, NominationStatus
from danvan.awards.queries import filter_nominations
from danvan.core.lists import Column, ListDefinition, ListFilterForm, register
from danvan.orgs.scope import pickable_areas


class NominationFilterForm(ListFilterForm):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))
    award_kind = forms.ModelChoiceField(label=_("Award kind"), required=False, queryset=AwardKind.objects.all(),
                                        empty_label=_("All award kinds"))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses")), *NominationStatus.choices])
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    area = forms.ModelChoiceField(label=_("Area"), required=False, queryset=None, empty_label=_("All areas in scope"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.scope_choices(area=pickable_areas(user).order_by("level", "name_sort"))


def nominations_in_order(user, **filters):
    return filter_nominations(user, **filters)


def _nominee(n):
    return format_html('<a href="{}">{}</a><div class="small text-muted">{}</div>',
                       reverse("nomination_detail", args=[n.pk]), n.nominee_name, n.nominee_position)


def decision(n) -> str:
    return f"{n.decision_number} ({n.decision_date:%d/%m/%Y})" if n.decision_number and n.decision_date else ""


def heading(filters) -> str:
    year = filters.get("year")
    return gettext("List of nominations for awards, year %(y)s") % {"y": year} if year \
        else gettext("List of nominations for awards")


NOMINATIONS = register(ListDefinition(
    key="nominations", form=NominationFilterForm, query=nominations_in_order,
    rows=lambda qs: qs.select_related("award_kind", "organization"),
    columns=[
        Column("nominee_name", _("Nominee"), display=_nominee, width=28),
        Column("nominee_position", _("Position, unit"), table=False, width=36),
        Column("award_kind", _("Award kind"), value="award_kind.name", width=30),
        Column("organization", _("Nominating organization"), value="organization.name", width=36),
        Column("year", _("Year"), width=8),
        Column("status", _("Status"), format="choice", width=14),
        Column("decision", _("Decision"), value=decision, width=26),
    ],
    title=_("Nominations"), filename="danh-sach-de-nghi-khen-thuong", list_url="nomination_list",
    export_url="nomination_export_xlsx", heading=heading, numbered=True,
    empty=_("No nomination in your scope matches the filters."),
))
