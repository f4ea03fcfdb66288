"""Forms of the democracy pages (the domain checks again: a form is a convenience, not the check)."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.core.lists import ListFilterForm, YesNoField
from danvan.democracy.models import Channel, DecisionForm, DisclosureItem, EvidenceKind, Matter
from danvan.democracy.rules.state import State
from danvan.orgs.interfaces.choices import area_label
from danvan.orgs.models import Organization
from danvan.places.models import Area

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})
OUT_OF_SCOPE = _("Choose one of the options in your scope.")


def _year_field(required=True):
    return forms.IntegerField(label=_("Year"), required=required, min_value=2000, max_value=2100, error_messages={
        "invalid": _("The year must be a number, e.g. 2026."),
        "min_value": _("The year must be between 2000 and 2100."),
        "max_value": _("The year must be between 2000 and 2100.")})


def _errors(form) -> list[dict]:
    return [{"field": name, "message": f"{form.fields[name].label}: {msg}" if name in form.fields else msg}
            for name, messages in form.errors.items() for msg in messages]


def provinces_for(user):
    """Current provinces the user works in or above (the table's choice list). The scope stays a subquery
    here even in a read-only request (``orgs.scope.scope_ids``): PostgreSQL plans this one well from it,
    and loops over every province's closure when given the list of ids (3 × 14,000 buffers on ``/dan-chu/``)."""
    from danvan.orgs.scope import scope_filter
    from danvan.places.models import AreaReach

    condition = scope_filter(user)
    own = (Organization.objects.all() if condition is None else Organization.objects.filter(condition)).values("area_id")

    return Area.objects.filter(level="province", valid_to__isnull=True, pk__in=AreaReach.objects.filter(
        descendant_id__in=own).values("ancestor_id")).order_by("name_sort")


def communes_for(user):
    """Current communes where the user sees an organization."""
    from danvan.places.models import AreaReach

    own = Organization.objects.for_user(user).values("area_id")
    return Area.objects.filter(level="commune", valid_to__isnull=True, pk__in=AreaReach.objects.filter(
        descendant_id__in=own).values("ancestor_id")).order_by("name_sort")


class TableForm(StyledFormMixin, forms.Form):
    province = forms.ModelChoiceField(label=_("Province"), queryset=None, required=False,
                                      error_messages={"invalid_choice": OUT_OF_SCOPE})
    year = _year_field(required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces_for(user)
        self.fields["province"].label_from_instance = area_label


class GenerateForm(TableForm):
    province = forms.ModelChoiceField(label=_("Province"), queryset=None,
                                      error_messages={"invalid_choice": OUT_OF_SCOPE})
    year = _year_field()


class DisclosureFilterForm(ListFilterForm):
    """The one filter of disclosure obligations: the HTML list, the overdue list, the API and the export
    (``interfaces/lists.py``, the core list mechanism)."""
    area = forms.ModelChoiceField(label=_("Area (with the former units merged into it)"), queryset=None,
                                  required=False, empty_label=_("All areas in scope"),
                                  error_messages={"invalid_choice": OUT_OF_SCOPE})
    item = forms.ModelChoiceField(label=_("Item"), queryset=DisclosureItem.objects.all(), required=False,
                                  empty_label=_("All items"))
    state = forms.ChoiceField(label=_("State"), required=False, choices=[("", _("All states"))] + State.choices)
    year = _year_field(required=False)
    quarter = forms.TypedChoiceField(label=_("Quarter"), required=False, coerce=int, empty_value=None,
                                     choices=[("", _("Whole year")), (1, "I"), (2, "II"), (3, "III"), (4, "IV")])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        from danvan.places.models import AreaReach

        own = Organization.objects.for_user(user).values("area_id")
        self.fields["area"].queryset = Area.objects.filter(pk__in=AreaReach.objects.filter(
            descendant_id__in=own).values("ancestor_id"), valid_to__isnull=True).order_by("level", "name_sort")
        self.fields["area"].label_from_instance = area_label
        self.fields["state"].error_messages["invalid_choice"] = _("“%(value)s” is not a valid choice.")

    def filters(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}

    def error_list(self) -> list[dict]:
        return _errors(self)


class DocumentForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Commune organization"), queryset=None,
                                          error_messages={"invalid_choice": OUT_OF_SCOPE})
    item = forms.ModelChoiceField(label=_("Item"), queryset=DisclosureItem.objects.filter(is_active=True))
    number = forms.CharField(label=_("Document number"), max_length=60)
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    title = forms.CharField(label=_("Document"), max_length=300, required=False)
    issuer = forms.CharField(label=_("Issued by"), max_length=200, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").filter(
            area__level="commune").order_by("name_sort")


class RecordForm(StyledFormMixin, forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    posted_on = forms.DateField(label=_("Made public on"), widget=DATE)
    taken_down_on = forms.DateField(label=_("Taken down on"), widget=DATE, required=False)
    radio_days = forms.IntegerField(label=_("Radio broadcast days"), required=False, min_value=0, max_value=366)
    village_heads_informed = forms.IntegerField(label=_("Village heads informed"), required=False, min_value=0,
                                                max_value=10000)
    village_heads_total = forms.IntegerField(label=_("Of village heads"), required=False, min_value=0,
                                             max_value=10000)
    source_number = forms.CharField(label=_("Document number"), max_length=60, required=False)
    source_date = forms.DateField(label=_("Document date"), widget=DATE, required=False)
    source_issuer = forms.CharField(label=_("Issued by"), max_length=200, required=False)
    link = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class EvidenceForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of evidence"), choices=EvidenceKind.choices)
    taken_on = forms.DateField(label=_("Dated"), widget=DATE, required=False)
    file = forms.FileField(label=_("File"))


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class FindingForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Recorded by"), queryset=None,
                                          error_messages={"invalid_choice": OUT_OF_SCOPE})
    finding = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    recommendation = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 2}),
                                     max_length=4000, required=False)
    found_on = forms.DateField(label=_("Found on"), widget=DATE)
    answer_due = forms.DateField(label=_("Answer due"), widget=DATE, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").order_by("name_sort")


class AnswerForm(StyledFormMixin, forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    answered_on = forms.DateField(label=_("Answered on"), widget=DATE)


class DecisionFormForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Recording organization"), queryset=None,
                                          error_messages={"invalid_choice": OUT_OF_SCOPE})
    village = forms.CharField(label=_("Village (empty: the whole commune)"), max_length=120, required=False)
    matter = forms.ChoiceField(label=_("Matter"), choices=Matter.choices)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    form = forms.ChoiceField(label=_("Form"), choices=DecisionForm.choices)
    households_total = forms.IntegerField(label=_("Households in total"), min_value=1, max_value=10**6)
    participating = forms.IntegerField(label=_("Households present / questionnaires returned"), min_value=0,
                                       max_value=10**6)
    issued = forms.IntegerField(label=_("Questionnaires issued"), min_value=0, max_value=10**6, required=False)
    votes_for = forms.IntegerField(label=_("For"), min_value=0, max_value=10**6)
    votes_against = forms.IntegerField(label=_("Against"), min_value=0, max_value=10**6)
    votes_blank = forms.IntegerField(label=_("Blank or invalid"), min_value=0, max_value=10**6, required=False)
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    sent_on = forms.DateField(label=_("Minutes sent to the commune on"), widget=DATE, required=False)
    minutes = forms.FileField(label=_("Minutes"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").filter(
            area__level="commune").order_by("name_sort")

    def values(self) -> dict:
        v = dict(self.cleaned_data)
        v["votes_blank"] = v.get("votes_blank") or 0
        return v


class SentForm(StyledFormMixin, forms.Form):
    sent_on = forms.DateField(label=_("Minutes sent to the commune on"), widget=DATE)
    recognized_on = forms.DateField(label=_("Recognized on"), widget=DATE, required=False)
    recognition_decision = forms.CharField(label=_("Recognition decision"), max_length=100, required=False)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


def today() -> datetime.date:
    from django.utils import timezone

    return timezone.localdate()


class DecisionFilterForm(ListFilterForm):
    """The one filter of community decisions: the page, the API and the export (``interfaces/lists.py``)."""
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    area = forms.ModelChoiceField(label=_("Area (with the former units merged into it)"), queryset=None,
                                  required=False, empty_label=_("All areas in scope"),
                                  error_messages={"invalid_choice": OUT_OF_SCOPE})
    matter = forms.ChoiceField(label=_("Matter"), required=False, choices=[("", _("All matters"))] + Matter.choices)
    year = _year_field(required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["area"].queryset = DisclosureFilterForm(user=user).fields["area"].queryset
        self.fields["area"].label_from_instance = area_label


class FindingFilterForm(ListFilterForm):
    """The one filter of oversight findings: the page, the API and the export (``interfaces/lists.py``)."""
    area = forms.ModelChoiceField(label=_("Area (with the former units merged into it)"), queryset=None,
                                  required=False, empty_label=_("All areas in scope"),
                                  error_messages={"invalid_choice": OUT_OF_SCOPE})
    unanswered = forms.BooleanField(label=_("Unanswered only"), required=False)
    year = _year_field(required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["area"].queryset = DisclosureFilterForm(user=user).fields["area"].queryset
        self.fields["area"].label_from_instance = area_label


class ConsultationFilterForm(ListFilterForm):
    """The one filter of consultations: the page, the API and the export (``interfaces/lists.py``)."""
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    area = forms.ModelChoiceField(label=_("Area (with the former units merged into it)"), queryset=None,
                                  required=False, empty_label=_("All areas in scope"),
                                  error_messages={"invalid_choice": OUT_OF_SCOPE})
    year = _year_field(required=False)
    has_result = YesNoField(label=_("Result"), any_label=_("With or without a result"),
                            yes=_("Result recorded"), no=_("Result not recorded yet"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["area"].queryset = DisclosureFilterForm(user=user).fields["area"].queryset
        self.fields["area"].label_from_instance = area_label


class ConsultationForm(StyledFormMixin, forms.Form):
    """A draft put to the people (its result is recorded later, ``ConsultationResultForm``)."""
    organization = forms.ModelChoiceField(label=_("Organization consulting"), queryset=None,
                                          error_messages={"invalid_choice": OUT_OF_SCOPE})
    draft = forms.CharField(label=_("Draft put to the people"), max_length=300)
    summary = forms.CharField(label=_("What the draft proposes"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    opens_on = forms.DateField(label=_("Opens on"), widget=DATE)
    closes_on = forms.DateField(label=_("Closes on"), widget=DATE)
    channels = forms.MultipleChoiceField(label=_("Channels"), choices=Channel.choices,
                                         widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "change").filter(
            area__level="commune").order_by("name_sort")


class ConsultationResultForm(StyledFormMixin, forms.Form):
    opinions_received = forms.IntegerField(label=_("Opinions received"), min_value=0, max_value=10**6)
    opinions_taken_in = forms.IntegerField(label=_("Opinions taken in"), min_value=0, max_value=10**6)
    how_taken_in = forms.CharField(label=_("How the opinions were taken in"), max_length=4000,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    result_number = forms.CharField(label=_("Result document number"), max_length=60)
    result_date = forms.DateField(label=_("Result dated"), widget=DATE)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
