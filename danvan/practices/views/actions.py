"""Life-cycle actions, evaluation and attachments of one practice (POST only; thin)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.core import files
from danvan.core.domain import audit
from danvan.core.domain.refusals import message_of
from danvan.core.views.helpers import form_errors_message, run_action
from danvan.orgs.scope import get_in_scope
from danvan.practices.domain import actions
from danvan.practices.domain.attachments import add_attachment, remove_attachment
from danvan.practices.domain.evaluation import criteria_for
from danvan.practices.interfaces.forms import AttachmentForm, EvaluationForm, ReasonForm, RecognizeForm
from danvan.practices.models import Practice, PracticeAttachment

DONE = {
    "register": gettext_lazy("The model was registered."),
    "start": gettext_lazy("The model is now marked as carried out."),
    "recognize": gettext_lazy("The model was recognized."),
    "reject": gettext_lazy("The model was not recognized; the reason is recorded."),
    "outstanding": gettext_lazy("The model was chosen as outstanding."),
    "not_outstanding": gettext_lazy("The model is no longer outstanding."),
}


def _errors(exc: ValidationError) -> str:
    return message_of(exc)


def _refused_recognition(request, practice, form):
    """A refused "Công nhận": the page again with every value kept (level, number, date, note)."""
    from danvan.practices.views.practices import _detail_queryset, render_detail

    practice = get_in_scope(_detail_queryset(), request.user, pk=practice.pk)
    return render_detail(request, practice, recognize_form=form, status=422)


@login_required
@require_POST
def practice_action(request, pk: int, action: str):
    """Run one life-cycle step through the dispatcher; a refused step shows its Vietnamese reason
    (the one mapping of ``danvan.core.domain.refusals``) and changes nothing."""
    practice = get_in_scope(Practice.objects.select_related("organization"), request.user, pk=pk)
    params = {"reason": request.POST.get("reason", "")}
    if action == "recognize":
        form = RecognizeForm(request.POST, auto_id="recognize_%s")
        if not form.is_valid():
            messages.error(request, form_errors_message(form))
            return _refused_recognition(request, practice, form)
        params.update(form.cleaned_data)
        ok, _result = run_action(request, lambda: actions.perform(practice, action, actor=request.user, **params),
                                 success=DONE.get(action))
        return redirect("practice_detail", pk=practice.pk) if ok else _refused_recognition(request, practice, form)
    elif action == "reject":
        form = ReasonForm(request.POST)
        form.is_valid()
        params["reason"] = form.cleaned_data.get("reason", "")
    elif action == "evaluate":
        return practice_evaluate(request, pk)
    run_action(request, lambda: actions.perform(practice, action, actor=request.user, **params),
               success=DONE.get(action))
    return redirect("practice_detail", pk=practice.pk)


@login_required
@require_POST
def practice_evaluate(request, pk: int):
    practice = get_in_scope(Practice.objects.select_related("organization", "campaign"), request.user, pk=pk)
    form = EvaluationForm(request.POST, criteria=criteria_for(practice))
    if not form.is_valid():
        messages.error(request, " ".join(f"{form.fields[f].label}: {m}" if f in form.fields else str(m)
                                         for f, ms in form.errors.items() for m in ms))
        return redirect("practice_detail", pk=practice.pk)
    run_action(request, lambda: actions.perform(practice, "evaluate", actor=request.user, scores=form.scores(),
                                                comments=form.comments(), comment=form.cleaned_data["comment"]),
               success=lambda evaluation: _("Evaluation recorded: %(total)s/%(max)s points.")
               % {"total": evaluation.total, "max": evaluation.max_total})
    return redirect("practice_detail", pk=practice.pk)


@login_required
@require_POST
def attachment_upload(request, pk: int):
    practice = get_in_scope(Practice.objects.select_related("organization"), request.user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for ms in form.errors.values() for m in ms))
        return redirect("practice_detail", pk=practice.pk)
    try:
        add_attachment(practice=practice, actor=request.user, upload=form.cleaned_data["file"],
                       caption=form.cleaned_data["caption"])
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, _("File attached."))
    return redirect("practice_detail", pk=practice.pk)


@login_required
def attachment_download(request, pk: int):
    """The file, only to users who may see its practice (404 otherwise); never a public media URL."""
    attachment = get_in_scope(PracticeAttachment.objects.select_related("practice"), request.user,
                              via="practice__organization", pk=pk)
    audit.record(request.user, "view", attachment.practice, message=_("Downloaded %(name)s")
                 % {"name": attachment.original_name})
    return files.serve(attachment.file, filename=attachment.original_name, content_type=attachment.content_type)


@login_required
@require_POST
def attachment_delete(request, pk: int):
    attachment = get_in_scope(PracticeAttachment.objects.select_related("practice__organization"), request.user,
                              "change", via="practice__organization", pk=pk)
    practice_id = attachment.practice_id
    try:
        remove_attachment(attachment=attachment, actor=request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, _("Attachment removed."))
    return redirect("practice_detail", pk=practice_id)
