"""Forms of the meetings module; every choice list is limited to the user's scope."""


from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.meetings.models import Meeting, Person, Role, TaskStatus
from danvan.meetings.queries import visible_people
from danvan.orgs.interfaces.choices import area_label, offer_areas, offer_organizations
from danvan.orgs.models import Kind, Organization
from danvan.orgs.scope import pickable_areas
from danvan.places.models import Area
from danvan.places.models.area import Level
from danvan.reports.models import Period

OUT_OF_SCOPE = _("This choice is not in your scope.")
NO_SUCH_PERIOD = _("The chosen period reviewed does not exist.")
DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})


def areas_with_history(user):
    """Areas under the user's scope roots, legacy units included: ``pickable_areas`` (the one rule)."""
    return pickable_areas(user)


def _scoped(field, qs):
    if getattr(field, "empty_label", None) is not None and str(field.empty_label).startswith("-"):
        field.empty_label = _("— choose —")
    if qs.model is Organization:
        offer_organizations(field, qs)  # current first, the dissolved marked with their end date
    elif qs.model is Area:
        offer_areas(field, qs)  # current units first, the former ones marked "(trước 01/07/2025)"
    else:
        field.queryset = qs
    field.error_messages["invalid_choice"] = OUT_OF_SCOPE
    field.error_messages.setdefault("invalid_pk_value", OUT_OF_SCOPE)


class MeetingForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=forms.DateTimeInput(
        attrs={"placeholder": "dd/mm/yyyy hh:mm"}, format="%d/%m/%Y %H:%M"))
    ends_at = forms.DateTimeField(label=_("Ends at"), required=False, widget=forms.DateTimeInput(
        attrs={"placeholder": "dd/mm/yyyy hh:mm"}, format="%d/%m/%Y %H:%M"))

    class Meta:
        model = Meeting
        fields = ["kind", "title", "organization", "co_organizers", "period", "period_label", "period_start", "period_end",
                  "starts_at", "ends_at", "venue", "mode", "agenda", "summary"]
        widgets = {"period_start": DATE_WIDGET, "period_end": DATE_WIDGET,
                   "agenda": forms.Textarea(attrs={"rows": 4}), "summary": forms.Textarea(attrs={"rows": 4}),
                   "period_label": forms.TextInput(attrs={"placeholder": _("e.g. 9 tháng năm 2021")})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self.fields["organization"], Organization.objects.for_user(user, "change").order_by("name_sort"))
        _scoped(self.fields["co_organizers"], Organization.objects.for_user(user).order_by("name_sort"))
        self.fields["co_organizers"].required = False
        period = self.fields["period"]
        period.queryset = Period.objects.order_by("-end", "start")  # newest first; labels are Vietnamese
        period.label, period.empty_label = _("Period reviewed"), _("— none (type the period below) —")
        period.help_text = _("Choosing a period fills the name and the dates of the period reviewed.")
        period.error_messages["invalid_choice"] = NO_SUCH_PERIOD
        self.fields["period_label"].label = _("Name of the period reviewed")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class BulkPointsForm(StyledFormMixin, forms.Form):
    LEVELS = [("commune", _("Every commune of the chosen area")), ("district", _("Every district of the chosen area")),
              ("province", _("Every province"))]
    level = forms.ChoiceField(label=_("Add"), choices=LEVELS)
    parent = forms.ModelChoiceField(label=_("Of the area"), required=False, queryset=None,
                                    empty_label=_("the whole country"))
    expected = forms.IntegerField(label=_("Expected delegates per point"), min_value=0, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        areas = areas_with_history(user).filter(level__in=["province", "district"])
        _scoped(self.fields["parent"], areas.order_by("level", "valid_to", "name_sort"))

    def clean(self):
        data = super().clean()
        if data.get("level") in ("commune", "district") and not data.get("parent"):
            self.add_error("parent", _("Choose the province (or district) whose units become bridge points."))
        return data


class BridgePointForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Bridge point"), max_length=300, required=False)
    organization = forms.ModelChoiceField(label=_("Organization"), required=False, queryset=None)
    host_name = forms.CharField(label=_("Host"), max_length=200, required=False)
    expected = forms.IntegerField(label=_("Expected delegates"), min_value=0, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self.fields["organization"], Organization.objects.for_user(user).current().order_by("name_sort"))

    def clean(self):
        data = super().clean()
        if not data.get("name") and not data.get("organization"):
            self.add_error("name", _("Enter the name of the bridge point or choose an organization."))
        return data


class RoleForm(StyledFormMixin, forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=None)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    position_text = forms.CharField(label=_("Position at that time"), max_length=300, required=False,
                                    help_text=_("Left empty: taken from the person's position on the meeting day."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self.fields["person"], visible_people(user).order_by("name_sort"))


class ConclusionForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 3}))


class ContributionForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Organization"), required=False, queryset=None)
    speaker = forms.CharField(label=_("Speaker"), max_length=200, required=False)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self.fields["organization"], Organization.objects.for_user(user).order_by("name_sort"))


class DocumentForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(label=_("File"), required=False)
    link = forms.URLField(label=_("Link"), required=False)


class TaskForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    assignees = forms.ModelMultipleChoiceField(label=_("Assigned organizations"), queryset=None, required=False,
                                               widget=forms.SelectMultiple(attrs={"size": 8}))
    every_kind = forms.ChoiceField(label=_("Or every organization of this kind"), required=False,
                                   choices=[("", _("— choose —")), *Kind.choices])
    every_level = forms.ChoiceField(label=_("At level"), required=False,
                                    choices=[("", _("Every level")), *Level.choices])
    every_area = forms.ModelChoiceField(label=_("In the area"), queryset=None, required=False)
    due_date = forms.DateField(label=_("Due date"), widget=DATE_WIDGET)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self.fields["assignees"], Organization.objects.for_user(user).current().order_by("name_sort"))
        # areas that hold other units (a province, a district): a commune is chosen in the list above
        areas = areas_with_history(user).filter(valid_to__isnull=True).exclude(level=Level.COMMUNE)
        _scoped(self.fields["every_area"], areas.order_by("name_sort"))
        self.fields["every_area"].label_from_instance = area_label
        self.fields["every_area"].empty_label = _("— choose —")

    def clean(self):
        data = super().clean()
        if not data.get("assignees") and not data.get("every_kind"):
            self.add_error("assignees", _("Choose at least one organization to carry out the task."))
        if data.get("every_kind") and not data.get("every_area"):
            self.add_error("every_area", _("Choose the area whose organizations of this kind get the task."))
        return data


class TaskUpdateForm(StyledFormMixin, forms.Form):
    """A progress update; ``organization`` is the assignee it is about, offered only when the user may
    report for several (the organizer); an assignee's officer reports for its own organization."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    organization = forms.ModelChoiceField(label=_("Assigned organization"), queryset=Organization.objects.none(),
                                          required=False)
    on = forms.DateField(label=_("Date"), widget=DATE_WIDGET, initial=timezone.localdate)
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    note = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("Evidence"), required=False)

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(choices or [])
        if len(choices) > 1:
            self.fields["organization"].queryset = Organization.objects.filter(pk__in=[o.pk for o in choices]
                                                                               ).order_by("name_sort")
            self.fields["organization"].required = True
        else:
            del self.fields["organization"]
            self.only = choices[0] if choices else None


class PersonForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Person
        fields = ["full_name", "gender", "birth_year", "ethnicity", "mobilization_since", "last_discipline_year",
                  "note"]


class PositionForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Position"), max_length=200)
    organization = forms.ModelChoiceField(label=_("Organization"), queryset=None)
    valid_from = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    valid_to = forms.DateField(label=_("To"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _scoped(self.fields["organization"], Organization.objects.for_user(user, "change").order_by("name_sort"))
