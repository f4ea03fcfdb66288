"""Reception pages: list, record, read (citizens masked for those who do not follow the cases up),
add a case, and the duty table. Thin: parse, call the domain, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from danvan.core.domain.refusals import REFUSALS
from danvan.core.views.helpers import audit_context, run_form_action
from danvan.core.views.helpers import refusal_to_form as _add_errors
from danvan.orgs.scope import can, get_in_scope
from danvan.voice.domain import dialogues as dialogue_domain
from danvan.voice.domain import receptions as domain
from danvan.voice.interfaces.filters import DutyTableForm
from danvan.voice.interfaces.forms import AnswerForm, CaseForm, OpinionForm, SessionForm
from danvan.voice.interfaces.lists import RECEPTIONS
from danvan.voice.models import ReceptionSession
from danvan.voice.queries.dialogues import commitment_state
from danvan.voice.queries.receptions import duty_table

LIST_CRUMB = (gettext_lazy("Receptions"), "/tiep-dan/")


@login_required
def reception_list(request):
    """The receptions (``RECEPTIONS``: the same definition as the API list and the export)."""
    return RECEPTIONS.page(request, "voice/reception_list.html", {
        "nav_active": "voice", "breadcrumbs": [(_("Receptions"), None)]})


@login_required
@require_POST
def reception_export(request):
    """The receptions as XLSX with the list's filters (a long list as a background job)."""
    return RECEPTIONS.export(request)


@login_required
def reception_create(request):
    form = SessionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                session = domain.create_session(actor=request.user, **form.cleaned_data)
        except (ValidationError, *REFUSALS) as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The reception was recorded: add the citizens received."))
            return redirect("reception_detail", pk=session.pk)
    return render(request, "voice/form.html", {
        "form": form, "title": _("Record a reception"), "nav_active": "voice",
        "breadcrumbs": [LIST_CRUMB, (_("Record a reception"), None)]})


def _session(request, pk, action="view"):
    return get_in_scope(ReceptionSession.objects.select_related("organization", "receiver"), request.user, action,
                        pk=pk)


@login_required
@require_safe
def reception_detail(request, pk: int):
    session = _session(request, pk)
    cases, see = domain.cases_for_reader(actor=request.user, session=session)
    opinions, _see = dialogue_domain.opinions_for_reader(actor=request.user, session=session)
    today = timezone.localdate()
    for o in opinions:
        o.state = commitment_state(o, today) if o.task_id else ""
    return render(request, "voice/reception_detail.html", {
        "session": session, "cases": cases, "names_shown": see, "case_form": CaseForm(), "opinions": opinions,
        "opinion_form": OpinionForm(user=request.user), "answer_form": AnswerForm(user=request.user),
        "can_change": can(request.user, "change", session), "nav_active": "voice",
        "breadcrumbs": [LIST_CRUMB, (str(session), None)], **audit_context(session)})


@login_required
@require_POST
def reception_opinion_add(request, pk: int):
    session = _session(request, pk)
    run_form_action(request, OpinionForm(request.POST, user=request.user),
                    lambda data: dialogue_domain.add_reception_opinion(actor=request.user, session=session, **data),
                    success=_("The opinion was recorded."))
    return redirect("reception_detail", pk=session.pk)


@login_required
@require_POST
def reception_case_add(request, pk: int):
    session = _session(request, pk)
    run_form_action(request, CaseForm(request.POST),
                    lambda data: domain.add_case(actor=request.user, session=session, **data),
                    success=_("The case was added."))
    return redirect("reception_detail", pk=session.pk)


@login_required
def reception_duties(request):
    form = DutyTableForm(request.GET or None, user=request.user)
    filters = form.filters() if form.is_valid() else {}
    year = filters.pop("year", None) or form.chosen_year()
    rows, by_area = duty_table(request.user, year, **filters)
    return render(request, "voice/duties.html", {
        "form": form, "year": year, "rows": rows, "by_area": by_area, "months": range(1, 13),
        "nav_active": "voice", "breadcrumbs": [LIST_CRUMB, (_("Reception duties"), None)]})
