"""Forms of the reports pages (every one with ``StyledFormMixin``)."""


from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.core.widgets import RichTextarea
from danvan.orgs.interfaces.choices import area_label
from danvan.orgs.models import Organization
from danvan.orgs.scope import active_memberships, scope_areas
from danvan.places.models import Area, AreaSuccession
from danvan.reports.models import REPORTED_PERIOD_KINDS, Form, Period, PeriodKind


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


def period_token(period) -> str:
    """The value naming a period in a form: "kind:year:index" (stored or not, e.g. "quarter:2025:3")."""
    from danvan.reports.rules.periods import index_of, year_of

    return f"{period.kind}:{year_of(period)}:{index_of(period)}"


def period_choices(*, derived: bool, around=None):
    """The periods a roll-up may be asked for, grouped by year (newest first): with ``derived``, every
    month, quarter, half, the 9 months and the year of the three years up to ``around`` (the latest
    reported month) and the 12 months to its end, whether or not anyone reported for them (their figures
    are derived from their months); without, only the periods that have reports. Writes nothing."""
    from danvan.reports.rules.periods import COUNT_IN_YEAR, bounds, label_for

    latest = around or Period.objects.filter(reports__isnull=False).order_by("-end").first()
    if not derived or latest is None:
        stored = Period.objects.filter(reports__isnull=False).distinct().order_by("-end", "-start")[:200]
        return [(period_token(p), p.label) for p in stored]
    groups, end_year = [], latest.end.year
    rolling = bounds(PeriodKind.ROLLING_12, latest.end.year, latest.end.month)
    groups.append((_("To date"), [(f"{PeriodKind.ROLLING_12}:{latest.end.year}:{latest.end.month}",
                                   label_for(PeriodKind.ROLLING_12, *rolling))]))
    for year in range(end_year, end_year - 3, -1):
        options = []
        for kind in (PeriodKind.YEAR, PeriodKind.NINE_MONTHS, PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH):
            for index in range(COUNT_IN_YEAR.get(kind, 1), 0, -1):
                options.append((f"{kind}:{year}:{index}", label_for(kind, *bounds(kind, year, index))))
        groups.append((str(year), options))
    return groups


class PeriodField(forms.CharField):
    """A period named by its token ("quarter:2025:3") or, for old links, a stored period's number; cleans
    to a ``Period`` — the stored row, or an unsaved one with its bounds and label (``period_for``)."""

    widget = forms.Select

    def clean(self, value):
        from danvan.reports.rules.periods import period_for

        value = super().clean(value)
        if not value:
            return None
        if value.isdigit():
            found = Period.objects.filter(pk=int(value)).first()
            if found is None:
                raise forms.ValidationError(_("Choose a period from the list."), code="invalid")
            return found
        try:
            kind, year, index = value.split(":")
            if kind not in PeriodKind.values or not 2000 <= int(year) <= 2100:
                raise ValueError(value)
            return period_for(kind, int(year), int(index))
        except ValueError:
            raise forms.ValidationError(_("Choose a period from the list."), code="invalid") from None


class AnalysisForm(StyledFormMixin, forms.Form):
    """Form, period and area of a roll-up (``derived=True``: any month, quarter, half, 9 months, year or
    the 12 months to date, derived from the months when nobody reported for it) or of a completeness
    check (only the periods reported for)."""

    form = forms.ModelChoiceField(Form.objects.filter(is_active=True), label=_("Form"), empty_label=None)
    period = PeriodField(label=_("Period"), max_length=40)
    area = forms.ModelChoiceField(Area.objects.none(), label=_("Area"), empty_label=None)

    def __init__(self, *args, user, derived: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = area_choices(user)
        self.fields["area"].label_from_instance = area_label
        self.fields["period"].widget.choices = period_choices(derived=derived)
        raw = self.data.get("period") if self.is_bound else None
        if raw and str(raw).isdigit():  # an old link naming a stored period: shown selected by its token
            found = Period.objects.filter(pk=int(raw)).first()
            if found is not None:
                self.data = self.data.copy()
                self.data["period"] = period_token(found)


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


def values_form_class(indicators, sections, derived=None):
    """A form with one text field per indicator (numbers typed the Vietnamese way) and one rich-text
    field per narrative section, plus the report's ``version`` for the concurrent-edit check.
    ``derived`` ({code: (figure, Source)}, ``reports.domain.sources``): those fields are pre-filled with
    the figure from the records and editable, their help text says where it comes from; each has a
    hidden ``d_<code>`` (the figure shown, so that a figure left as shown follows the records even if
    they changed meanwhile) and a ``r_<code>`` reason, required by the domain when the figure typed
    differs (``corrections_from``)."""
    derived = derived or {}
    fields = {"version": forms.IntegerField(widget=forms.HiddenInput)}
    for ind in indicators:
        label = f"{ind.name} ({ind.unit})" if ind.unit else ind.name
        field = forms.CharField(label=label, required=False, max_length=40,
                                widget=forms.TextInput(attrs={"inputmode": "decimal"}))
        fields[f"v_{ind.code}"] = field
        if ind.code in derived:
            field.help_text = _("calculated from %(source)s") % {"source": derived[ind.code][1].label}
            fields[f"d_{ind.code}"] = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
            fields[f"r_{ind.code}"] = forms.CharField(
                label=_("Reason for the correction"), required=False, max_length=2000,
                help_text=_("Only when you change the figure calculated from the records."))
    for section in sections:
        if section.has_narrative:
            fields[f"n_{section.code}"] = forms.CharField(
                label=section.title, required=False, widget=RichTextarea(),
                help_text=_("Allowed formatting: paragraphs, bold, italics, lists, tables."))
    return type("ReportValuesForm", (StyledFormMixin, forms.Form), fields)


def corrections_from(cleaned_data, indicators, derived) -> dict:
    """{code: {"value", "note"}} for ``save_report``: the figures with a source whose typed value differs
    from the one shown (``d_<code>``). A figure left as shown, or emptied, follows the records."""
    from danvan.reports.rules.validation import parse_number

    result = {}
    for ind in indicators:
        if ind.code not in derived:
            continue
        typed = (cleaned_data.get(f"v_{ind.code}") or "").strip()
        if not typed:
            continue
        try:
            same = parse_number(typed, ind.value_type) == parse_number(cleaned_data.get(f"d_{ind.code}") or "",
                                                                       ind.value_type)
        except ValueError:
            same = False  # a typed value that is not a number: the domain names it
        if not same:
            result[ind.code] = {"value": typed, "note": cleaned_data.get(f"r_{ind.code}") or ""}
    return result
