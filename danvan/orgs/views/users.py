from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.core.models import User
from danvan.core.views.helpers import audit_context
from danvan.orgs.domain import users as actions
from danvan.orgs.interfaces.forms import MembershipForm, UserCreateForm
from danvan.orgs.interfaces.lists import USERS
from danvan.orgs.models import Membership, Role
from danvan.orgs.queries.users import managed_users
from danvan.orgs.scope import active_memberships, get_in_scope, visible_organizations

CRUMB = (gettext_lazy("Users"), "/to-chuc/nguoi-dung/")


def can_manage_users(user) -> bool:
    """Superusers, and users who are quản trị somewhere, see the user management pages."""
    return user.is_superuser or any(m.role == Role.ADMIN for m in active_memberships(user))


@login_required
def user_list(request):
    if not can_manage_users(request.user):
        raise Http404
    return USERS.page(request, "orgs/users/list.html", {"nav_active": "users", "breadcrumbs": [(_("Users"), None)]})


@login_required
def user_create(request):
    if not can_manage_users(request.user):
        raise Http404
    form = UserCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            created = actions.create_user(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Account %(name)s created.") % {"name": created.username})
            return redirect("user_detail", pk=created.pk)
    return render(request, "orgs/users/form.html", {
        "form": form, "nav_active": "users", "breadcrumbs": [CRUMB, (_("Add user"), None)],
    })


@login_required
def user_detail(request, pk: int):
    target = _managed_or_404(request.user, pk)
    form = MembershipForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_membership(actor=request.user, user=target, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Role updated."))
            return redirect("user_detail", pk=target.pk)
    visible = visible_organizations(request.user)
    return render(request, "orgs/users/detail.html", {
        "target": target, "form": form,
        "memberships": target.memberships.filter(organization__in=visible).select_related("organization__area"),
        "nav_active": "users", "breadcrumbs": [CRUMB, (target.get_full_name(), None)],
        **audit_context(target),
    })


def _managed_or_404(actor, pk):
    if not can_manage_users(actor):
        raise Http404
    try:
        return managed_users(actor).get(pk=pk)
    except (User.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


@login_required
@require_POST
def membership_end(request, pk: int):
    membership = get_in_scope(Membership.objects.select_related("user", "organization"), request.user, "manage", pk=pk)
    try:
        actions.end_membership(actor=request.user, membership=membership)
        messages.success(request, _("Role ended."))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    return redirect("user_detail", pk=membership.user_id)


@login_required
@require_POST
def user_set_active(request, pk: int):
    target = _managed_or_404(request.user, pk)
    active = request.POST.get("active") == "1"
    try:
        actions.set_active(actor=request.user, user=target, active=active)
        messages.success(request, _("Account unlocked.") if active else _("Account locked."))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    return redirect("user_detail", pk=target.pk)
