"""The report figures this module supplies (``reports.domain.sources``): dialogues held, petitions
received and resolved, counted from the organization's own records for the period. An organization
that keeps no such record in the module gets ``None`` (its figure stays typed in)."""

from django.utils.translation import gettext_lazy as _


def dialogues_held(organization, period):
    from danvan.voice.models import Dialogue

    own = Dialogue.objects.unscoped("report figure of the report's own organization").filter(
        organization_id=organization.pk)
    if not own.exists():
        return None
    return own.filter(held_on__range=(period.start, period.end)).count()


def _petitions(organization):
    from danvan.voice.models import Petition

    own = Petition.objects.unscoped("report figure of the report's own organization").filter(
        organization_id=organization.pk)
    return own if own.exists() else None


def petitions_received(organization, period):
    own = _petitions(organization)
    return None if own is None else own.filter(received_on__range=(period.start, period.end)).count()


def petitions_resolved(organization, period):
    own = _petitions(organization)
    return None if own is None else own.filter(resolved_on__range=(period.start, period.end)).count()


def register():
    from danvan.reports.domain.sources import register_source

    register_source("DV_DT_SO", dialogues_held, label=_("the dialogues recorded"),
                    url=lambda organization, period: f"/doi-thoai/?organization={organization.pk}"
                    f"&date_from={period.start:%d/%m/%Y}&date_to={period.end:%d/%m/%Y}")
    register_source("DV_DON_NHAN", petitions_received, label=_("the petition register"),
                    url=lambda organization, period: f"/don-thu/?organization={organization.pk}"
                    f"&received_from={period.start:%d/%m/%Y}&received_to={period.end:%d/%m/%Y}")
    register_source("DV_DON_GQ", petitions_resolved, label=_("the petition register (resolved)"),
                    url=lambda organization, period: f"/don-thu/?organization={organization.pk}"
                    f"&state=resolved")
