from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.core.models import User
from danvan.orgs.domain import rights
from danvan.orgs.models import Organization, OrganizationSuccession, Role


def scoped_areas(user):
    """Areas a user may place an organization in (the domain's rule, ``rights.placeable_areas``)."""
    return rights.placeable_areas(user)


class OrganizationForm(StyledFormMixin, forms.ModelForm):
    """Add or edit an organization. The fields that define a scope (kind, area, parent) are in the form
    only for someone who may change them (``rights.administers_from_above``): a member of the
    organization edits its name and contact details, and saving leaves the rest as it is."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Organization
        fields = ["name", "short_name", "kind", "area", "parent", "valid_from", "valid_to", "email", "phone", "address"]
        widgets = {"valid_from": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                   "valid_to": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = scoped_areas(user).order_by("level", "name_sort")
        parents = (Organization.objects.for_user(user, "change") | Organization.objects.for_user(user, "manage")).current()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
            self.fields["version"].initial = self.instance.version
        self.fields["parent"].queryset = parents.order_by("name_sort")
        for name in ("area", "parent"):
            self.fields[name].error_messages["invalid_choice"] = _("This choice is not in your scope.")
        if self.instance.pk and not rights.administers_from_above(user, self.instance):
            for name in rights.SCOPE_FIELDS:
                del self.fields[name]


class UserCreateForm(StyledFormMixin, forms.Form):
    username = forms.RegexField(label=_("Username"), max_length=150, regex=r"^[a-zA-Z0-9_.-]+$",
                                error_messages={"invalid": _("A username may contain only unaccented letters, digits and . _ -")})
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("Email"), required=False)
    password = forms.CharField(label=_("Initial password"), widget=forms.PasswordInput, min_length=8)
    organization = forms.ModelChoiceField(label=_("Organizations"), queryset=Organization.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "manage").current().order_by("name_sort")
        self.fields["organization"].error_messages["invalid_choice"] = _("This organization is not in the scope you administer.")
        if not rights.may_grant_leader_somewhere(user):
            self.fields["role"].choices = [(v, label) for v, label in Role.choices if v != Role.LEADER]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(_("This username is already taken."))
        return username


class MembershipForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Organizations"), queryset=Organization.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_user(user, "manage").current().order_by("name_sort")
        self.fields["organization"].error_messages["invalid_choice"] = _("This organization is not in the scope you administer.")
        if not rights.may_grant_leader_somewhere(user):
            self.fields["role"].choices = [(v, label) for v, label in Role.choices if v != Role.LEADER]


class SuccessionForm(StyledFormMixin, forms.Form):
    """Record that organizations were renamed into, merged into or split off to this one."""

    predecessors = forms.ModelMultipleChoiceField(
        label=_("Predecessor organizations"), queryset=Organization.objects.none(),
        help_text=_("The organizations whose work this organization continues."),
    )
    kind = forms.ChoiceField(label=_("Kind of change"), choices=OrganizationSuccession.Kind.choices)
    effective = forms.DateField(label=_("Effective date"), widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                                error_messages={"invalid": _("Invalid date; enter it as dd/mm/yyyy.")})
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, user, successor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["predecessors"].queryset = (
            (Organization.objects.for_user(user, "change") | Organization.objects.for_user(user, "manage"))
            .exclude(pk=successor.pk).order_by("name_sort")
        )
        self.fields["predecessors"].error_messages["invalid_choice"] = _("This choice is not in your scope.")
