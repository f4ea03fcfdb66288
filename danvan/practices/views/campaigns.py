"""Campaigns (đợt phát động): list, launch, edit with their criteria."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.domain.refusals import StaleVersion
from danvan.core.views.helpers import audit_context
from danvan.orgs.models import Organization
from danvan.orgs.models.organization import AREA_SCOPED_KINDS
from danvan.practices.domain.campaigns import create_campaign, update_campaign
from danvan.practices.domain.permissions import commission_can
from danvan.practices.interfaces.forms import CampaignForm
from danvan.practices.interfaces.lists import CAMPAIGNS
from danvan.practices.queries.practices import campaigns_for, practices_for


def _crumbs(*extra):
    return [(_("\"Dân vận khéo\" models"), reverse("practice_list")), (_("Campaigns"), reverse("campaign_list")),
            *extra]


def _can_launch(user) -> bool:
    return user.is_superuser or Organization.objects.for_user(user, "change").filter(kind__in=AREA_SCOPED_KINDS).exists()


@login_required
def campaign_list(request):
    return CAMPAIGNS.page(request, "practices/campaigns.html", {
        "can_create": _can_launch(request.user), "nav_active": "practices",
        "breadcrumbs": _crumbs()[:1] + [(_("Campaigns"), None)],
    })


@login_required
def campaign_detail(request, pk: int):
    campaign = campaigns_for(request.user).select_related("organization").filter(pk=pk).first()
    if campaign is None:
        raise Http404
    return render(request, "practices/campaign_detail.html", {
        "campaign": campaign, "criteria": campaign.criteria.all(),
        "practice_count": practices_for(request.user).filter(campaign=campaign).count(),
        "can_change": commission_can(request.user, "change", campaign.organization), "nav_active": "practices",
        "breadcrumbs": _crumbs((campaign.name, None)), **audit_context(campaign),
    })


@login_required
def campaign_form(request, pk: int | None = None):
    campaign = None
    if pk is not None:
        campaign = campaigns_for(request.user).select_related("organization").filter(pk=pk).first()
        if campaign is None or not commission_can(request.user, "change", campaign.organization):
            raise Http404
    elif not _can_launch(request.user):
        raise Http404
    form = CampaignForm(request.POST or None, instance=campaign, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            if campaign:
                campaign = update_campaign(campaign=campaign, actor=request.user, criteria=form.criteria_lines(),
                                           expected_version=form.cleaned_data.get("version"), **form.values())
            else:
                campaign = create_campaign(actor=request.user, criteria=form.criteria_lines(), **form.values())
        except StaleVersion as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("Campaign saved."))
            return redirect("campaign_detail", pk=campaign.pk)
    title = _("Edit campaign") if campaign else _("Launch a campaign")
    return render(request, "practices/campaign_form.html", {
        "form": form, "campaign": campaign, "title": title, "nav_active": "practices",
        "breadcrumbs": _crumbs((title, None)),
    })
