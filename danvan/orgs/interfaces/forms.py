from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import StyledFormMixin
from danvan.core.models import User
from danvan.orgs.models import Kind, Organization, OrganizationSuccession, Role
from danvan.places.models import Area


def scoped_areas(user):
    """Areas a user may place an organization in: current units under the areas of the user's
    organizations (all current units for a superuser)."""
    from danvan.orgs.scope import active_memberships

    qs = Area.objects.current()
    if user.is_superuser:
        return qs.filter(level="province") | qs.filter(level="commune")
    roots = {m.organization.area_id for m in active_memberships(user)}
    return qs.filter(reach_up__ancestor_id__in=roots, reach_up__via_history=False).distinct()


class OrganizationFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. mat tran bao ai")}))
    kind = forms.ChoiceField(label=_("Organization kind"), required=False, choices=[("", _("All kinds")), *Kind.choices])
    area = forms.ModelChoiceField(label=_("Areas"), required=False, queryset=Area.objects.none(),
                                  empty_label=_("Every area in your scope"),
                                  error_messages={"invalid_choice": _("This area is not in your scope.")})
    include_former = forms.BooleanField(label=_("Include dissolved and merged organizations"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = scoped_areas(user).order_by("level", "name_sort")


class OrganizationForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Organization
        fields = ["name", "short_name", "kind", "area", "parent", "valid_from", "valid_to", "email", "phone", "address"]
        widgets = {"valid_from": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
                   "valid_to": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = scoped_areas(user).order_by("level", "name_sort")
        parents = Organization.objects.for_user(user, "change").current()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
            self.fields["version"].initial = self.instance.version
        self.fields["parent"].queryset = parents.order_by("name_sort")
        for name in ("area", "parent"):
            self.fields[name].error_messages["invalid_choice"] = _("This choice is not in your scope.")


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
            Organization.objects.for_user(user, "change").exclude(pk=successor.pk).order_by("name_sort")
        )
        self.fields["predecessors"].error_messages["invalid_choice"] = _("This choice is not in your scope.")
