"""The organizations' and the users' list definitions (``danvan.core.lists``): the page, ``GET
/api/v1/organizations`` and the export use ``ORGANIZATIONS``; the user management page uses ``USERS``
(page only: accounts are not exported)."""

from django import forms
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danvan.core.lists import Column, ListDefinition, ListFilterForm, register
from danvan.orgs.models import Kind
from danvan.orgs.queries.organizations import filter_organizations
from danvan.orgs.queries.users import user_list, with_memberships
from danvan.orgs.scope import pickable_areas
from danvan.places.models import Area


class OrganizationFilterForm(ListFilterForm):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. mat tran bao ai")}))
    kind = forms.ChoiceField(label=_("Organization kind"), required=False, choices=[("", _("All kinds")), *Kind.choices])
    area = forms.ModelChoiceField(label=_("Areas"), required=False, queryset=Area.objects.none(),
                                  empty_label=_("Every area in your scope"),
                                  error_messages={"invalid_choice": _("This area is not in your scope.")})
    include_former = forms.BooleanField(label=_("Include dissolved and merged organizations"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["area"].queryset = pickable_areas(user).order_by("level", "name_sort")


def _active(org):
    if org.valid_to:
        return gettext("until %(d)s") % {"d": date_format(org.valid_to, "d/m/Y")}
    return gettext("active")


ORGANIZATIONS = register(ListDefinition(
    key="organizations", form=OrganizationFilterForm, query=filter_organizations,
    rows=lambda qs: qs.select_related("area", "parent"),
    columns=[
        Column("name", _("Organization"), link=lambda o: reverse("org_detail", args=[o.pk]), width=50),
        Column("kind", _("Kind"), format="choice", width=24),
        Column("area", _("Areas"), value="area.full_name", width=30),
        Column("parent", _("Parent"), value="parent.name", css="d-none d-lg-table-cell", width=40),
        Column("active", _("Active"), value=_active, css="d-none d-md-table-cell", width=14),
    ],
    title=_("Organizations"), filename="to-chuc", list_url="org_list", export_url="org_export",
    empty=_("No organization in your scope matches these filters. Remove a filter, or tick “Include dissolved "
            "and merged organizations”."),
))


class UserFilterForm(ListFilterForm):
    q = forms.CharField(label=_("Search users"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search",
                                                      "placeholder": _("Search by name, username or email")}))


def _memberships(user):
    return format_html_join("", "<div>{} — {}</div>", ((m.organization.name, m.get_role_display())
                                                        for m in user.memberships.all()))


def _status(user):
    return gettext("active") if user.is_active else format_html('<span class="text-danger">{}</span>', gettext("locked"))


USERS = register(ListDefinition(
    key="users", form=UserFilterForm, query=user_list, rows=with_memberships,
    columns=[
        Column("full_name", _("Full name"), value="get_full_name", link=lambda u: reverse("user_detail", args=[u.pk])),
        Column("username", _("Username")),
        Column("memberships", _("Organizations and roles"), display=_memberships, css="small"),
        Column("status", _("Status"), display=_status),
    ],
    title=_("Users"), filename="nguoi-dung", list_url="user_list",
    empty=_("No users. Press “Add user” to create accounts for your unit's staff."),
))
