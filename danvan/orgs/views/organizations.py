from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.core.domain.refusals import StaleVersion
from danvan.core.views.helpers import audit_context
from danvan.orgs.domain import rights
from danvan.orgs.domain.organizations import (
    EDITABLE_FIELDS,
    create_organization,
    record_succession,
    update_organization,
)
from danvan.orgs.interfaces.forms import OrganizationForm, SuccessionForm
from danvan.orgs.interfaces.lists import ORGANIZATIONS
from danvan.orgs.models import Organization
from danvan.orgs.queries.organizations import members_of, successions_of
from danvan.orgs.scope import can, get_in_scope

LIST_CRUMB = (gettext_lazy("Organizations"), "/to-chuc/")


@login_required
def org_list(request):
    return ORGANIZATIONS.page(request, "orgs/list.html", {
        "nav_active": "orgs", "can_create": _can_create(request.user), "breadcrumbs": [(_("Organizations"), None)]})


@login_required
@require_POST
def org_export(request):
    return ORGANIZATIONS.export(request)


def _can_create(user) -> bool:
    return (user.is_superuser or Organization.objects.for_user(user, "change").exists()
            or Organization.objects.for_user(user, "manage").exists())


def _editable_or_404(user, pk):
    """The organization if ``user`` may edit it (officers and leaders in scope, a quản trị above)."""
    try:
        return get_in_scope(Organization.objects.all(), user, "change", via="self", pk=pk)
    except Http404:
        return get_in_scope(Organization.objects.all(), user, "manage", via="self", pk=pk)


@login_required
def org_detail(request, pk: int):
    org = get_in_scope(Organization.objects.select_related("area", "parent"), request.user, via="self", pk=pk)
    predecessors, successors = successions_of(request.user, org)
    context = {
        "org": org,
        "children": Organization.objects.for_user(request.user).filter(parent=org).select_related("area"),
        "predecessors": predecessors,
        "successors": successors,
        "members": members_of(request.user, org) if can(request.user, "view", org) else [],
        "can_change": rights.may_edit(request.user, org),
        "can_manage": can(request.user, "manage", org),
        "nav_active": "orgs",
        "breadcrumbs": [LIST_CRUMB, (org.name, None)],
        **audit_context(org),
    }
    return render(request, "orgs/detail.html", context)


@login_required
def org_create(request):
    if not _can_create(request.user):
        return redirect("org_list")
    form = OrganizationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        values = {k: form.cleaned_data[k] for k in EDITABLE_FIELDS}
        try:
            org = create_organization(actor=request.user, **values)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Organization %(name)s created.") % {"name": org.name})
            return redirect("org_detail", pk=org.pk)
    return render(request, "orgs/form.html", {
        "form": form, "nav_active": "orgs", "breadcrumbs": [LIST_CRUMB, (_("Add organization"), None)],
    })


@login_required
def org_edit(request, pk: int):
    org = _editable_or_404(request.user, pk)
    form = OrganizationForm(request.POST or None, instance=org, user=request.user)
    if request.method == "POST" and form.is_valid():
        values = {k: form.cleaned_data[k] for k in EDITABLE_FIELDS if k in form.fields}
        try:
            update_organization(org, actor=request.user, expected_version=form.cleaned_data.get("version"), **values)
        except (ValidationError, StaleVersion) as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("org_detail", pk=org.pk)
    return render(request, "orgs/form.html", {
        "form": form, "org": org, "nav_active": "orgs",
        "breadcrumbs": [LIST_CRUMB, (org.name, f"/to-chuc/{org.pk}/"), (_("Edit"), None)],
    })


@login_required
def org_succession(request, pk: int):
    """Record that other organizations (in scope) were renamed, merged or split into this one."""
    org = _editable_or_404(request.user, pk)
    form = SuccessionForm(request.POST or None, user=request.user, successor=org)
    if request.method == "POST" and form.is_valid():
        try:
            record_succession(list(form.cleaned_data["predecessors"]), org, kind=form.cleaned_data["kind"],
                              effective=form.cleaned_data["effective"], note=form.cleaned_data["note"],
                              actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Succession recorded."))
            return redirect("org_detail", pk=org.pk)
    return render(request, "orgs/succession_form.html", {
        "form": form, "org": org, "nav_active": "orgs",
        "breadcrumbs": [LIST_CRUMB, (org.name, f"/to-chuc/{org.pk}/"), (_("Record a succession"), None)],
    })
