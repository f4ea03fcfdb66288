"""Pages of public opinion: collaborators (identity masked for a confidential one), the topics the Ban
asks about, the opinion reports, the monthly summary per topic and social group and the Ban's summary
report (DOCX), the leaders' dashboard panel of urgent reports and their acknowledgement. Thin: parse,
call the domain or a query, render; every read of personal data is logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.community.domain import opinion as domain
from danvan.community.domain.privacy import record_identity_read, record_read, sees_identity
from danvan.community.interfaces.documents import summary_document
from danvan.community.interfaces.lists import COLLABORATORS, OPINION_REPORTS, TOPICS
from danvan.community.interfaces.opinion_forms import (
    CollaboratorEditForm,
    CollaboratorForm,
    ReportForm,
    SummaryForm,
    TopicForm,
)
from danvan.community.interfaces.present import present_collaborator, present_opinion
from danvan.community.models import SocialGroup
from danvan.community.queries import opinion as q
from danvan.core.domain.refusals import REFUSALS
from danvan.core.views.helpers import audit_context, form_errors_message, run_action
from danvan.core.views.helpers import refusal_to_form as _errors
from danvan.documents.rendering import render_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def crumbs(*extra):
    return [(_("Public opinion"), reverse("opinion_list")), *extra]


def _create(request, form, call, *, title, back, done):
    if request.method == "POST" and form.is_valid():
        try:
            obj = call(form.cleaned_data)
        except (ValidationError, *REFUSALS) as exc:
            _errors(form, exc)
        else:
            return redirect(done(obj))
    return render(request, "community/support/form.html", {
        "form": form, "title": title, "nav_active": "community", "breadcrumbs": crumbs((title, None)),
        "back": back})


# Collaborators -----------------------------------------------------------------------------------------
@login_required
def collaborator_list(request):
    return COLLABORATORS.page(request, "community/list.html", {
        "title": _("Opinion collaborators"), "create_url": reverse("collaborator_create"),
        "create_label": _("Appoint a collaborator"), "nav_active": "community",
        "breadcrumbs": crumbs((_("Opinion collaborators"), None))})


@login_required
def collaborator_export(request):
    return COLLABORATORS.export(request)


@login_required
def collaborator_create(request):
    form = CollaboratorForm(request.POST or None, user=request.user)
    return _create(request, form, lambda data: domain.appoint_collaborator(actor=request.user, **data),
                   title=_("Appoint a collaborator"), back=reverse("collaborator_list"),
                   done=lambda c: reverse("collaborator_detail", args=[c.pk]))


@login_required
def collaborator_detail(request, pk: int):
    c = q.collaborator_or_404(request.user, pk)
    record_identity_read(actor=request.user, collaborators=[c], where=_("collaborator page"))
    identity = sees_identity(request.user, c)
    row = present_collaborator(c, request.user)
    initial = {k: v for k, v in row.items()} | {"area": c.area_id}
    if not identity:
        initial = {k: v for k, v in initial.items() if k not in {"full_name", "gender", "birth_year", "occupation",
                                                                 "phone"}}
    form = CollaboratorEditForm(initial=initial, user=request.user, identity=identity)
    reports = c.reports.select_related("topic", "area").order_by("-date")[:20]
    return render(request, "community/opinion/collaborator.html", {
        "c": c, "row": row, "form": form, "reports": reports, "identity": identity,
        "group": SocialGroup(c.social_group).label, "nav_active": "community",
        "breadcrumbs": crumbs((_("Opinion collaborators"), reverse("collaborator_list")), (c.code, None)),
        **audit_context(c)})


@login_required
@require_POST
def collaborator_edit(request, pk: int):
    c = q.collaborator_or_404(request.user, pk)
    form = CollaboratorEditForm(request.POST, user=request.user, identity=sees_identity(request.user, c))
    if not form.is_valid():
        messages.error(request, form_errors_message(form))
        return redirect("collaborator_detail", pk=c.pk)
    data = dict(form.cleaned_data)
    version = data.pop("version")
    run_action(request, lambda: domain.update_collaborator(actor=request.user, collaborator=c,
                                                           expected_version=version, **data), success=_("Saved."))
    return redirect("collaborator_detail", pk=c.pk)


# Topics ----------------------------------------------------------------------------------------------
@login_required
def topic_list(request):
    return TOPICS.page(request, "community/list.html", {
        "title": _("Opinion topics"), "create_url": reverse("opinion_topic_create"), "create_label": _("Ask a topic"),
        "nav_active": "community", "breadcrumbs": crumbs((_("Opinion topics"), None))})


@login_required
def topic_create(request):
    form = TopicForm(request.POST or None, user=request.user)
    return _create(request, form, lambda data: domain.create_topic(actor=request.user, **data),
                   title=_("Ask a topic"), back=reverse("opinion_topic_list"),
                   done=lambda t: reverse("opinion_topic", args=[t.pk]))


@login_required
def topic_detail(request, pk: int):
    topic = q.topic_or_404(request.user, pk)
    reports = list(q.filter_reports(request.user, topic=topic)[:200])
    record_read(actor=request.user, objects=reports, where=_("topic page"))
    summary = q.monthly_summary(request.user, month=topic.due_date, topic=topic)
    return render(request, "community/opinion/topic.html", {
        "topic": topic, "rows": [present_opinion(r, request.user) for r in reports], "summary": _labelled(summary),
        "nav_active": "community",
        "breadcrumbs": crumbs((_("Opinion topics"), reverse("opinion_topic_list")), (topic.title, None)),
        **audit_context(topic)})


# Reports ---------------------------------------------------------------------------------------------
@login_required
def report_list(request):
    return OPINION_REPORTS.page(request, "community/list.html", {
        "title": _("Opinion reports"), "create_url": reverse("opinion_create"), "create_label": _("Report opinion"),
        "links": [(reverse("opinion_topic_list"), _("Topics")), (reverse("collaborator_list"), _("Collaborators")),
                  (reverse("opinion_summary"), _("Monthly summary"))],
        "nav_active": "community", "breadcrumbs": [(_("Public opinion"), None)]})


@login_required
def report_export(request):
    return OPINION_REPORTS.export(request)


@login_required
def report_create(request):
    form = ReportForm(request.POST or None, user=request.user)
    return _create(request, form, lambda data: domain.file_report(actor=request.user, **data),
                   title=_("Report opinion"), back=reverse("opinion_list"),
                   done=lambda r: reverse("opinion_detail", args=[r.pk]))


@login_required
def report_detail(request, pk: int):
    report = q.report_or_404(request.user, pk)
    record_read(actor=request.user, objects=[report], where=_("report page"))
    return render(request, "community/opinion/report.html", {
        "report": report, "row": present_opinion(report, request.user), "nav_active": "community",
        "can_acknowledge": report.urgent and report.acknowledged_at is None
        and q.reports_for(request.user, "approve").filter(pk=report.pk).exists(),
        "breadcrumbs": crumbs((str(report), None)), **audit_context(report)})


# The monthly summary and the Ban's report ----------------------------------------------------------------
def _labelled(rows):
    labels = dict(SocialGroup.choices)
    return [{**r, "group": labels.get(r["social_group"], r["social_group"])} for r in rows]


def _summary_form(request):
    data = request.GET.copy()
    data.setdefault("month", timezone.localdate().strftime("%m/%Y"))
    return SummaryForm(data, user=request.user)


@login_required
def summary(request):
    form = _summary_form(request)
    rows = []
    if form.is_valid():
        rows = _labelled(q.monthly_summary(request.user, **form.filters()))
    return render(request, "community/opinion/summary.html", {
        "form": form, "rows": rows, "query": request.GET.urlencode(), "nav_active": "community",
        "breadcrumbs": crumbs((_("Monthly summary"), None))})


@login_required
def summary_docx(request):
    form = _summary_form(request)
    if not form.is_valid():
        messages.error(request, " ".join(e["message"] for e in form.error_list()))
        return redirect("opinion_summary")
    filters = form.filters()
    rows = _labelled(q.monthly_summary(request.user, **filters))
    reports = list(q.filter_reports(request.user, **filters)[:500])
    record_read(actor=request.user, objects=reports, where=_("Party document"))
    document = summary_document(request.user, rows=rows, reports=reports, **filters)
    response = HttpResponse(render_docx(document), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="tong-hop-du-luan-{filters["month"]:%Y-%m}.docx"'
    return response


# The dashboard ---------------------------------------------------------------------------------------
def urgent_panel(request):
    """Dashboard panel: urgent opinion reports waiting for this leader's acknowledgement."""
    if not getattr(request.user, "is_authenticated", False):
        return None
    reports = list(q.urgent_waiting(request.user)[:10])
    if not reports:
        return None
    return {"template": "community/opinion/_urgent_panel.html", "order": 5, "reports": reports}


@login_required
@require_POST
def report_acknowledge(request, pk: int):
    report = q.report_or_404(request.user, pk)
    run_action(request, lambda: domain.acknowledge(actor=request.user, report=report), success=_("Acknowledged."))
    return redirect("dashboard")
