"""Forms of the reports pages (every one with ``StyledFormMixin``)."""


from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.orgs.models import Organization
from danvan.orgs.scope import active_memberships, scope_areas
from danvan.places.models import Area, AreaSuccession
from danvan.reports.models import REPORTED_PERIOD_KINDS, Form, Period, PeriodKind, Status


def area_choices(user):
    """The areas a user may pick for a roll-up: the roots of their scope, their children and the legacy
    units merged into them (a superuser: the provinces, current and legacy)."""
    if user.is_superuser:
        return Area.objects.filter(level="province").order_by("valid_to", "name_sort")
    roots = [a.id for a in scope_areas(user)]
    preds = AreaSuccession.objects.filter(successor_id__in=roots).values("predecessor_id")
    return Area.objects.filter(Q(id__in=roots) | Q(parent_id__in=roots) | Q(id__in=preds)).order_by(
        "level", "valid_to", "name_sort")


def default_area(user):
    areas = scope_areas(user)
    if areas:
        return areas[0]
    return None


class ReportFilterForm(StyledFormMixin, forms.Form):
    form = forms.ModelChoiceField(Form.objects.filter(is_active=True), label=_("Form"), required=False,
                                  empty_label=_("All forms"))
    period = forms.ModelChoiceField(Period.objects.all(), label=_("Period"), required=False,
                                    empty_label=_("All periods"))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses")), *Status.choices])
    q = forms.CharField(label=_("Organization"), required=False, max_length=100)


class ReportCreateForm(StyledFormMixin, forms.Form):
    form = forms.ModelChoiceField(Form.objects.filter(is_active=True), label=_("Form"), empty_label=None)
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Reporting organization"),
                                          empty_label=None)
    kind = forms.ChoiceField(label=_("Period kind"), choices=REPORTED_PERIOD_KINDS, initial=PeriodKind.MONTH)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    index = forms.IntegerField(label=_("Month / quarter / half"), min_value=1, max_value=12, initial=1,
                               help_text=_("Month 1–12, quarter 1–4, half 1–2; ignored for 9 months and year."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        own = [m.organization_id for m in active_memberships(user) if "change" in m.actions]
        qs = Organization.objects.current().order_by("name_sort")
        self.fields["organization"].queryset = qs if user.is_superuser else qs.filter(id__in=own)
        today = timezone.localdate()
        self.fields["year"].initial = today.year

    def clean(self):
        data = super().clean()
        kind, index = data.get("kind"), data.get("index") or 1
        limit = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2}.get(kind, 1)
        if kind and index > limit:
            self.add_error("index", _("For this period kind the number must be between 1 and %(n)s.") % {"n": limit})
        return data


class AnalysisForm(StyledFormMixin, forms.Form):
    form = forms.ModelChoiceField(Form.objects.filter(is_active=True), label=_("Form"), empty_label=None)
    period = forms.ModelChoiceField(Period.objects.all(), label=_("Period"), empty_label=None)
    area = forms.ModelChoiceField(Area.objects.none(), label=_("Area"), empty_label=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = area_choices(user)
        self.fields["area"].label_from_instance = lambda a: (
            f"{a.full_name}{' (' + str(_('before 01/07/2025')) + ')' if a.valid_to else ''}")


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


def values_form_class(indicators, sections, derived=None):
    """A form with one text field per indicator (numbers typed the Vietnamese way) and one rich-text
    field per narrative section, plus the report's ``version`` for the concurrent-edit check.
    ``derived`` ({code: (figure, Source)}, ``reports.domain.sources``): those fields are read-only
    (disabled: a posted value is ignored), their help text says where the figure comes from."""
    derived = derived or {}
    fields = {"version": forms.IntegerField(widget=forms.HiddenInput)}
    for ind in indicators:
        label = f"{ind.name} ({ind.unit})" if ind.unit else ind.name
        field = forms.CharField(label=label, required=False, max_length=40,
                                widget=forms.TextInput(attrs={"inputmode": "decimal"}))
        if ind.code in derived:
            field.disabled = True
            field.help_text = _("calculated from %(source)s") % {"source": derived[ind.code][1].label}
        fields[f"v_{ind.code}"] = field
    for section in sections:
        if section.has_narrative:
            fields[f"n_{section.code}"] = forms.CharField(
                label=section.title, required=False, widget=forms.Textarea(attrs={"rows": 5}),
                help_text=_("Allowed formatting: paragraphs, bold, italics, lists, tables."))
    return type("ReportValuesForm", (StyledFormMixin, forms.Form), fields)
