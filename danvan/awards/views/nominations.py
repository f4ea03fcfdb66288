"""Nomination pages: list, recipients by year and area, detail with eligibility, steps, files, exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.awards.domain import actions as dispatcher
from danvan.awards.domain import nominations as actions
from danvan.awards.domain.eligibility import evaluate
from danvan.awards.interfaces.forms import FileForm, NominationForm, StepForm
from danvan.awards.interfaces.lists import NOMINATIONS
from danvan.awards.queries import nomination_or_404, recipients_summary
from danvan.core.domain.refusals import NotAllowed, StaleVersion
from danvan.core.views.helpers import audit_context, form_errors_message
from danvan.orgs.models import Organization

CRUMB = (gettext_lazy("Awards"), "/khen-thuong/")


@login_required
def nomination_list(request):
    return NOMINATIONS.page(request, "awards/list.html", lambda filters: {
        "nav_active": "awards",
        "can_create": request.user.is_superuser or Organization.objects.for_user(request.user, "change").exists(),
        "summary": recipients_summary(request.user, year=filters.get("year"), area=filters.get("area")),
        "query": request.GET.urlencode(), "breadcrumbs": [(_("Awards"), None)],
    }, partial="awards/_results.html")


@login_required
def nomination_detail(request, pk: int):
    n = nomination_or_404(request.user, pk)
    actions.record_view(actor=request.user, nomination=n)
    allowed = dispatcher.allowed_actions(request.user, n)
    return render(request, "awards/detail.html", {
        "n": n, "results": evaluate(n), "steps": n.steps.select_related("actor", "organization"),
        "files": n.files.all(), "file_form": FileForm(), "step_form": StepForm(),
        "allowed": allowed, "next_step": dispatcher.next_step(n),
        "can_change": "edit" in allowed, "can_submit": "submit" in allowed,
        "can_appraise": "appraise" in allowed, "can_decide": "decide" in allowed,
        "nav_active": "awards", "breadcrumbs": [CRUMB, (n.nominee_name, None)], **audit_context(n),
    })


@login_required
def nomination_create(request):
    form = NominationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            n = actions.create_nomination(actor=request.user, **data)
        except (ValidationError, NotAllowed) as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Nomination created as a draft."))
            return redirect("nomination_detail", pk=n.pk)
    return render(request, "awards/form.html", {"form": form, "nav_active": "awards",
                                                "breadcrumbs": [CRUMB, (_("New nomination"), None)]})


@login_required
def nomination_edit(request, pk: int):
    n = nomination_or_404(request.user, pk, "change")
    form = NominationForm(request.POST or None, instance=n, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        try:
            actions.update_nomination(n, actor=request.user, expected_version=version, **data)
        except (ValidationError, NotAllowed, StaleVersion) as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("nomination_detail", pk=n.pk)
    return render(request, "awards/form.html", {"form": form, "n": n, "nav_active": "awards",
                                                "breadcrumbs": [CRUMB, (n.nominee_name, None)]})


@login_required
@require_POST
def nomination_step(request, pk: int):
    n = nomination_or_404(request.user, pk)
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Unknown action."))
        return redirect("nomination_detail", pk=n.pk)
    d = form.cleaned_data
    try:
        dispatcher.perform(n, d["action"], actor=request.user, reason=d["reason"],
                           decision_number=d["decision_number"], decision_date=d["decision_date"])
    except (ValidationError, NotAllowed) as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Status is now: %(s)s.") % {"s": n.get_status_display()})
    return redirect("nomination_detail", pk=n.pk)


@login_required
@require_POST
def nomination_file(request, pk: int):
    n = nomination_or_404(request.user, pk, "change")
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_file(actor=request.user, nomination=n, **form.cleaned_data)
        except (ValidationError, NotAllowed) as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("File added to the dossier."))
    else:
        messages.error(request, form_errors_message(form))
    return redirect("nomination_detail", pk=n.pk)
