"""Pages of practices: list, detail, create, edit. Thin: parse, call the domain or a query, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.views.helpers import audit_context, refusal_to_form
from danvan.orgs.models import Organization
from danvan.orgs.scope import get_in_scope
from danvan.practices.domain.actions import allowed_actions
from danvan.practices.domain.actions import next_step as practice_next_step
from danvan.practices.domain.evaluation import criteria_for, evaluation_summary
from danvan.practices.domain.permissions import may_edit
from danvan.practices.domain.practices import create_practice, update_practice
from danvan.practices.interfaces.forms import (
    AttachmentForm,
    EvaluationForm,
    PracticeForm,
    ReasonForm,
    RecognizeForm,
)
from danvan.practices.interfaces.lists import PRACTICES
from danvan.practices.models import FINAL, Practice
from danvan.practices.queries.practices import practices_for


def crumbs(*extra):
    return [(_("\"Dân vận khéo\" models"), reverse("practice_list")), *extra]


@login_required
def practice_list(request):
    return PRACTICES.page(request, "practices/list.html", {
        "nav_active": "practices",
        "can_create": request.user.is_superuser or Organization.objects.for_user(request.user, "change").exists(),
        "breadcrumbs": [(_("\"Dân vận khéo\" models"), None)],
    })


def _detail_queryset():
    return Practice.objects.select_related("organization", "area", "campaign", "replicates", "created_by")


@login_required
def practice_detail(request, pk: int):
    practice = get_in_scope(_detail_queryset(), request.user, pk=pk)
    return render_detail(request, practice)


def render_detail(request, practice, *, recognize_form=None, status=200):
    """The practice page; ``recognize_form`` a bound form refused for a field, shown with every value
    the leader chose kept (the level does not fall back to the first choice)."""
    user = request.user
    allowed = allowed_actions(user, practice)
    can_edit = may_edit(user, practice)
    criteria = criteria_for(practice) if "evaluate" in allowed else []
    context = {
        "practice": practice, "nav_active": "practices",
        "events": practice.events.select_related("actor"),
        "attachments": practice.attachments.all(),
        "replicas": practices_for(user).filter(replicates=practice).select_related("area", "organization"),
        "replicates_visible": practice.replicates_id
        and practices_for(user).filter(pk=practice.replicates_id).exists(),
        "summary": evaluation_summary(practice), "next_step": practice_next_step(practice),
        "can_edit": "edit" in allowed,
        "can_register": "register" in allowed,
        "can_start": "start" in allowed,
        "evaluation_form": EvaluationForm(criteria=criteria) if criteria else None,
        "can_decide": "recognize" in allowed,
        "can_outstanding": bool(allowed & {"outstanding", "not_outstanding"}),
        "recognize_form": recognize_form or RecognizeForm(auto_id="recognize_%s"), "reason_form": ReasonForm(auto_id="reject_%s"),
        "attachment_form": AttachmentForm() if can_edit else None,
        "breadcrumbs": crumbs((practice.name[:60], None)),
        **audit_context(practice),
    }
    return render(request, "practices/detail.html", context, status=status)


@login_required
def practice_create(request):
    form = PracticeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            practice = create_practice(actor=request.user, **form.values())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The model “%(name)s” was saved as a draft.") % {"name": practice.name})
            return redirect("practice_detail", pk=practice.pk)
    return render(request, "practices/form.html", {
        "form": form, "nav_active": "practices", "breadcrumbs": crumbs((_("Register a model"), None)),
    })


@login_required
def practice_edit(request, pk: int):
    practice = get_in_scope(_detail_queryset(), request.user, "change", pk=pk)
    form = PracticeForm(request.POST or None, instance=Practice.objects.unscoped("a fresh copy of the practice fetched in scope").get(
        pk=practice.pk), user=request.user)
    if practice.status in FINAL:
        messages.error(request, _("A model that has been decided on (recognized or not) can no longer be edited."))
        return redirect("practice_detail", pk=practice.pk)
    if request.method == "POST" and form.is_valid():
        try:
            update_practice(practice=practice, actor=request.user, expected_version=form.cleaned_data.get("version"),
                            **form.values())
        except ValidationError as exc:
            _add_errors(form, exc)
        except REFUSALS as exc:
            form.add_error(None, message_of(exc))
        else:
            messages.success(request, _("Changes saved."))
            return redirect("practice_detail", pk=practice.pk)
    return render(request, "practices/form.html", {
        "form": form, "practice": practice, "nav_active": "practices",
        "breadcrumbs": crumbs((practice.name[:60], reverse("practice_detail", args=[practice.pk])), (_("Edit"), None)),
    })


def _add_errors(form, exc: ValidationError) -> None:
    refusal_to_form(form, exc, aliases={"replicates": "replicates_id"})
