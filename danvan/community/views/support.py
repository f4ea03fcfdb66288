"""Pages of visits and gifts: the events (one filter), recording one (checked against the policy), an
event's page, the campaigns with their progress per commune, totals and printed list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.community.domain import support as actions
from danvan.community.interfaces.lists import SUPPORT_EVENTS
from danvan.community.interfaces.support_forms import CampaignForm, EventForm
from danvan.community.models import SupportPolicy
from danvan.community.queries.support import (
    campaign_or_404,
    campaign_progress,
    campaigns_for,
    event_or_404,
    totals,
)
from danvan.core.domain.refusals import REFUSALS, message_of
from danvan.core.views.helpers import audit_context
from danvan.core.views.helpers import refusal_to_form as _errors
from danvan.documents.compose import compose
from danvan.documents.rendering import Paragraph, Table, render_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def crumbs(*extra):
    return [(_("Visits and gifts"), reverse("support_list")), *extra]


@login_required
def event_list(request):
    return SUPPORT_EVENTS.page(request, "community/support/list.html", {
        "campaigns": campaigns_for(request.user).select_related("area")[:20],
        "policies": SupportPolicy.objects.select_related("area").order_by("kind", "hospital_level", "-valid_from"),
        "nav_active": "community", "breadcrumbs": [(_("Visits and gifts"), None)]})


@login_required
def event_export(request):
    return SUPPORT_EVENTS.export(request)


@login_required
def event_create(request):
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            event = actions.record_event(actor=request.user, **form.values())
        except ValidationError as exc:
            _errors(form, exc)
        except REFUSALS as exc:
            form.add_error(None, message_of(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect("support_event", pk=event.pk)
    return render(request, "community/support/form.html", {
        "form": form, "title": _("Record a visit or gift"), "nav_active": "community",
        "breadcrumbs": crumbs((_("Record a visit or gift"), None))})


@login_required
def event_detail(request, pk: int):
    event = event_or_404(request.user, pk)
    return render(request, "community/support/detail.html", {
        "event": event, "nav_active": "community", "breadcrumbs": crumbs((str(event), None)), **audit_context(event)})


@login_required
def campaign_create(request):
    form = CampaignForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = actions.create_campaign(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        except REFUSALS as exc:
            form.add_error(None, message_of(exc))
        else:
            return redirect("support_campaign", pk=campaign.pk)
    return render(request, "community/support/form.html", {
        "form": form, "title": _("New campaign"), "nav_active": "community",
        "breadcrumbs": crumbs((_("New campaign"), None))})


def _campaign_data(request, pk):
    campaign = campaign_or_404(request.user, pk)
    rows = campaign_progress(campaign)
    figures = totals(request.user, area=campaign.area, date_from=campaign.date_from, date_to=campaign.date_to)
    total = {"targets": sum(r["targets"] for r in rows), "reached": sum(r["reached"] for r in rows)}
    total["percent"] = round(100 * total["reached"] / total["targets"], 2) if total["targets"] else None
    return campaign, rows, figures, total


@login_required
def campaign_detail(request, pk: int):
    campaign, rows, figures, total = _campaign_data(request, pk)
    return render(request, "community/support/campaign.html", {
        "campaign": campaign, "rows": rows, "figures": figures, "total": total, "nav_active": "community",
        "breadcrumbs": crumbs((campaign.name, None)), **audit_context(campaign)})


@login_required
def campaign_docx(request, pk: int):
    campaign, rows, figures, total = _campaign_data(request, pk)
    money = lambda n: f"{n:,}".replace(",", ".")  # noqa: E731
    table = [[i, f"{r['area'].kind_name} {r['area'].name}", r["targets"], r["reached"], money(r["cash"]),
              money(r["in_kind"])] for i, r in enumerate(rows, start=1)]
    doc = compose(  # a draft (DỰ THẢO, "Số    -BC/…"), signed by the organization's default signer
        organization=campaign.organization, doc_type="BC",
        place=campaign.organization.area.name, date=campaign.date_to, doc_type_title=_("REPORT"),
        summary=_("Results of %(name)s") % {"name": campaign.name},
        blocks=[Paragraph(_("Beneficiaries: %(t)s; reached: %(r)s; cash: %(c)s đ; in kind: %(k)s đ.") % {
            "t": money(total["targets"]), "r": money(total["reached"]), "c": money(figures["total"]["cash"]),
            "k": money(figures["total"]["in_kind"])}),
            Table(columns=[_("No."), _("Commune"), _("Beneficiaries"), _("Reached"), _("Cash (đ)"),
                           _("Value in kind (đ)")], rows=table, numeric_columns={0, 2, 3, 4, 5})],
        recipients=[_("Participating organizations,"), _("Filed.")])
    response = HttpResponse(render_docx(doc), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="chien-dich-{campaign.pk}.docx"'
    return response
