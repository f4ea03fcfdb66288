"""Pages of the people's part: community decisions and oversight findings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from danvan.core import files
from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.views.helpers import audit_context, form_errors_message, paginate, render_list, run_action
from danvan.democracy.domain import decisions as decision_actions
from danvan.democracy.domain import findings as finding_actions
from danvan.democracy.interfaces.forms import (
    AnswerForm,
    DecisionFormForm,
    SentForm,
    today,
)
from danvan.democracy.interfaces.lists import DECISIONS, FINDINGS, annotate_decisions, annotate_findings
from danvan.democracy.queries.people import decisions_for, findings_for
from danvan.democracy.views.disclosures import add_errors, crumbs
from danvan.orgs.scope import can, get_in_scope


@login_required
@require_GET
def decision_list(request):
    form = DECISIONS.bind(request.GET, request.user)
    valid = not form.is_bound or form.is_valid()
    qs = DECISIONS.queryset(request.user, form.filters() if form.is_bound and valid else {})
    page = paginate(request, qs if valid else qs.none())
    page.object_list = annotate_decisions(list(page.object_list), today=today())
    return render_list(request, "democracy/decisions.html", "democracy/_decisions.html", {
        "form": form, "page_obj": page, "nav_active": "democracy", "export_action": reverse("decision_export"),
        "breadcrumbs": crumbs((_("Community decisions"), None))})


@login_required
@require_http_methods(["GET", "POST"])
def decision_export(request):
    """The XLSX of the decisions the filters select (the core list mechanism; a job when long)."""
    return DECISIONS.export(request)


@login_required
@require_http_methods(["GET", "POST"])
def decision_create(request):
    form = DecisionFormForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        values = form.values()
        organization, minutes = values.pop("organization"), values.pop("minutes", None)
        try:
            decision = decision_actions.record_decision(actor=request.user, organization=organization,
                                                        minutes=minutes, **values)
        except ValidationError as exc:
            add_errors(form, exc)
        except REFUSALS as exc:
            form.add_error(None, message_of(exc))
        else:
            messages.success(request, _("Decision recorded."))
            return redirect("decision_detail", pk=decision.pk)
    return render(request, "democracy/decision_form.html", {
        "form": form, "nav_active": "democracy",
        "breadcrumbs": crumbs((_("Community decisions"), reverse("decision_list")), (_("Record a decision"), None))})


@login_required
@require_GET
def decision_detail(request, pk: int):
    decision = get_in_scope(decisions_for(request.user).select_related("area", "organization"), request.user, pk=pk)
    day = today()
    return render(request, "democracy/decision.html", {
        "d": decision, "outcome": decision_actions.outcome(decision),
        "rule": decision_actions.rule_for(decision.matter), "deadline": decision_actions.send_deadline(decision),
        "late": decision_actions.is_sent_late(decision, today=day), "nav_active": "democracy",
        "sent_form": SentForm(initial={"version": decision.version, "sent_on": decision.sent_on,
                                       "recognized_on": decision.recognized_on,
                                       "recognition_decision": decision.recognition_decision})
        if can(request.user, "change", decision) else None,
        "breadcrumbs": crumbs((_("Community decisions"), reverse("decision_list")), (decision.subject[:60], None)),
        **audit_context(decision)})


@login_required
@require_POST
def decision_sent(request, pk: int):
    decision = get_in_scope(decisions_for(request.user), request.user, pk=pk)
    form = SentForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        run_action(request, lambda: decision_actions.mark_sent(
            actor=request.user, decision=decision, sent_on=d["sent_on"], recognized_on=d["recognized_on"],
            recognition_decision=d["recognition_decision"], expected_version=d["version"]), success=_("Saved."))
    else:
        messages.error(request, form_errors_message(form))
    return redirect("decision_detail", pk=decision.pk)


@login_required
@require_GET
def decision_minutes(request, pk: int):
    decision = get_in_scope(decisions_for(request.user), request.user, pk=pk)
    if not decision.minutes:
        from django.http import Http404

        raise Http404
    return files.serve(decision.minutes, filename=decision.minutes_name,
                       content_type=files.content_type_for(decision.minutes_name))


@login_required
@require_GET
def finding_list(request):
    form = FINDINGS.bind(request.GET, request.user)
    valid = not form.is_bound or form.is_valid()
    qs = FINDINGS.queryset(request.user, form.filters() if form.is_bound and valid else {})
    page = paginate(request, qs if valid else qs.none())
    day = today()
    page.object_list = annotate_findings(list(page.object_list), today=day)
    for f in page.object_list:
        f.may_answer = f.answered_on is None and can(request.user, "change", f.addressed_to)
    return render_list(request, "democracy/findings.html", "democracy/_findings.html", {
        "form": form, "page_obj": page, "answer_form": AnswerForm(initial={"answered_on": day}),
        "nav_active": "democracy", "export_action": reverse("finding_export"), "breadcrumbs": crumbs((_("Oversight findings"), None))})


@login_required
@require_POST
def finding_answer(request, pk: int):
    finding = get_in_scope(findings_for(request.user).select_related("addressed_to"), request.user, pk=pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        run_action(request, lambda: finding_actions.answer_finding(
            actor=request.user, finding=finding, answer=form.cleaned_data["answer"],
            answered_on=form.cleaned_data["answered_on"]), success=_("Answer recorded."))
    else:
        messages.error(request, form_errors_message(form))
    return redirect("finding_list")


@login_required
@require_http_methods(["GET", "POST"])
def finding_export(request):
    """The XLSX of the findings the filters select (the core list mechanism; a job when long)."""
    return FINDINGS.export(request)
