"""Dialogue pages: list, create, read (opinions; citizens masked for those outside the organizing
organization), add an opinion, answer it (a commitment becomes a follow-up task), the ledger of promises."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from danvan.core.domain.refusals import REFUSALS
from danvan.core.views.helpers import audit_context, run_action, run_form_action
from danvan.orgs.scope import can, get_in_scope
from danvan.voice.domain import dialogues as domain
from danvan.voice.interfaces.documents import result_notice
from danvan.voice.interfaces.forms import AnswerForm, DialogueForm, OpinionForm, ResultNoticeForm
from danvan.voice.interfaces.lists import COMMITMENTS, DIALOGUES
from danvan.voice.models import Dialogue, Opinion
from danvan.voice.queries.dialogues import commitment_state, ledger
from danvan.voice.views.receptions import _add_errors

LIST_CRUMB = (gettext_lazy("Dialogues"), "/doi-thoai/")


@login_required
def dialogue_list(request):
    """The dialogues (``DIALOGUES``: the same definition as the API list and the export)."""
    return DIALOGUES.page(request, "voice/dialogue_list.html", {
        "nav_active": "voice", "breadcrumbs": [(_("Dialogues"), None)]})


@login_required
@require_POST
def dialogue_export(request):
    """The dialogues as XLSX with the list's filters (a long list as a background job)."""
    return DIALOGUES.export(request)


@login_required
def dialogue_create(request):
    form = DialogueForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                dialogue = domain.create_dialogue(actor=request.user, **form.cleaned_data)
        except REFUSALS as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The dialogue was recorded."))
            return redirect("dialogue_detail", pk=dialogue.pk)
    return render(request, "voice/form.html", {"form": form, "title": _("New dialogue"), "nav_active": "voice",
                                               "breadcrumbs": [LIST_CRUMB, (_("New dialogue"), None)]})


def _dialogue(request, pk, action="view"):
    return get_in_scope(Dialogue.objects.select_related("meeting", "organization", "organization__area",
                                                        "organization__parent", "result_document"),
                        request.user, action, pk=pk)


@login_required
@require_safe
def dialogue_detail(request, pk: int):
    dialogue = _dialogue(request, pk)
    opinions, see = domain.opinions_for_reader(actor=request.user, dialogue=dialogue)
    today = timezone.localdate()
    for o in opinions:
        o.state = commitment_state(o, today) if o.task_id else ""
    return render(request, "voice/dialogue_detail.html", {
        "dialogue": dialogue, "opinions": opinions, "names_shown": see, "today": today,
        "result_late": dialogue.result_late(today), "can_change": can(request.user, "change", dialogue),
        "opinion_form": OpinionForm(user=request.user), "answer_form": AnswerForm(user=request.user),
        "notice_form": ResultNoticeForm(initial={"issued_on": today}),
        "nav_active": "voice", "breadcrumbs": [LIST_CRUMB, (str(dialogue), None)], **audit_context(dialogue)})


@login_required
@require_POST
def opinion_add(request, pk: int):
    dialogue = _dialogue(request, pk)
    run_form_action(request, OpinionForm(request.POST, user=request.user),
                    lambda data: domain.add_opinion(actor=request.user, dialogue=dialogue, **data),
                    success=_("The opinion was recorded."))
    return redirect("dialogue_detail", pk=dialogue.pk)


@login_required
@require_POST
def opinion_answer(request, pk: int):
    opinion = get_in_scope(Opinion.objects.select_related("dialogue"), request.user, pk=pk)
    run_form_action(request, AnswerForm(request.POST, user=request.user),
                    lambda data: domain.answer_opinion(actor=request.user, opinion=opinion, **data),
                    success=_("The outcome was recorded."))
    if opinion.session_id:
        return redirect("reception_detail", pk=opinion.session_id)
    return redirect("dialogue_detail", pk=opinion.dialogue_id)


@login_required
@require_POST
def dialogue_publish(request, pk: int):
    """Mark the dialogue public on the portal (public=1) or withdraw it (public=0)."""
    dialogue = _dialogue(request, pk)
    public = request.POST.get("public") == "1"
    run_action(request, lambda: domain.set_public(actor=request.user, dialogue=dialogue, public=public),
               success=_("Published on the public portal.") if public else _("Withdrawn from the public portal."))
    return redirect("dialogue_detail", pk=dialogue.pk)


MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf"}


@login_required
@require_POST
def dialogue_result_notice(request, pk: int):
    """Issue the result notice through the register (TB number) with its dates."""
    dialogue = _dialogue(request, pk)
    run_form_action(request, ResultNoticeForm(request.POST),
                    lambda data: domain.issue_result_notice(actor=request.user, dialogue=dialogue, **data),
                    success=lambda _result: _("Result notice issued: %(n)s.") % {
                        "n": dialogue.result_document.number_line})
    return redirect("dialogue_detail", pk=dialogue.pk)


@login_required
@require_safe
def dialogue_result_notice_file(request, pk: int, fmt: str):
    """The result notice in the Party's format (a draft until issued): DOCX or PDF."""
    if fmt not in MIME:
        raise Http404
    from danvan.documents.rendering import render_docx, render_pdf

    dialogue = _dialogue(request, pk)
    doc = result_notice(dialogue)
    response = HttpResponse(render_docx(doc) if fmt == "docx" else render_pdf(doc), content_type=MIME[fmt])
    response["Content-Disposition"] = f'attachment; filename="thong-bao-ket-qua-doi-thoai-{dialogue.pk}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def promise_ledger(request):
    """The ledger of promises: the per-leader and per-organization summary of the filtered commitments
    above their rows (``COMMITMENTS``: the same definition as the API list and the export)."""

    def summary(filters):
        return {"figures": ledger(request.user, area=filters.get("area"), organization=filters.get("organization")),
                "nav_active": "voice", "breadcrumbs": [LIST_CRUMB, (_("Ledger of promises"), None)]}

    return COMMITMENTS.page(request, "voice/ledger.html", summary, partial="voice/_ledger_results.html")


@login_required
@require_POST
def commitment_export(request):
    """The commitments as XLSX with the ledger's filters (a long list as a background job)."""
    return COMMITMENTS.export(request)
