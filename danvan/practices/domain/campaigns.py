"""Campaigns (đợt phát động) and their criteria."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.practices.domain.permissions import commission_can
from danvan.practices.models import DEFAULT_CRITERIA, Campaign, Criterion, CriterionScore

EDITABLE_FIELDS = ["organization", "name", "start_year", "end_year", "registration_deadline", "description"]


def _check(campaign: Campaign, actor) -> None:
    if not commission_can(actor, "change", campaign.organization) or not campaign.organization.is_area_scoped:
        raise ValidationError({"organization": _("A campaign is launched by a dân vận commission or Party "
                                                 "committee within your scope.")})
    if campaign.end_year < campaign.start_year:
        raise ValidationError({"end_year": _("The end year must not be before the start year.")})


def _set_criteria(campaign: Campaign, lines: list[str]) -> None:
    texts = [line.strip() for line in lines if line.strip()]
    if not texts:
        raise ValidationError({"criteria": _("Enter at least one criterion.")})
    if CriterionScore.objects.unscoped("any score under this campaign freezes it").filter(
            criterion__campaign=campaign).exists():
        current = list(campaign.criteria.order_by("position").values_list("text", flat=True))
        if current != texts:
            raise ValidationError({"criteria": _("Models of this campaign have already been scored; its criteria "
                                                 "can no longer be changed.")})
        return
    campaign.criteria.all().delete()
    Criterion.objects.bulk_create([Criterion(campaign=campaign, position=i, text=t[:300])
                                   for i, t in enumerate(texts, start=1)])


@transaction.atomic
def create_campaign(*, actor, criteria: list[str] | None = None, **values) -> Campaign:
    """Launch a campaign.

    Effects: inserts the ``Campaign``, its ``Criterion`` rows (the seven default criteria when
    ``criteria`` is None) and a "create" audit event. Raises ``ValidationError`` when the organization
    is not a commission or Party committee in the actor's scope, or the years are inverted.
    """
    campaign = Campaign(**values)
    _check(campaign, actor)
    campaign.save()
    _set_criteria(campaign, criteria if criteria is not None else [str(c) for c in DEFAULT_CRITERIA])
    audit.record(actor, "create", campaign, changes=audit.diff({}, audit.snapshot(campaign)))
    return campaign


@transaction.atomic
def update_campaign(*, campaign: Campaign, actor, expected_version: int | None = None,
                    criteria: list[str] | None = None, **values) -> Campaign:
    """Change a campaign and (when given) its criteria.

    Effects: updates the row, bumps ``version``, replaces the ``Criterion`` rows when they changed and
    no score uses them, writes an "update" audit event. Raises ``StaleVersion`` on a concurrent edit,
    ``ValidationError`` for an organization out of scope, inverted years, or criteria that are already scored.
    """
    stale = _("This campaign was just changed by someone else. Reload the page and edit again.")
    with edit(campaign, actor=actor, expected_version=expected_version, stale=stale) as locked:
        for key, value in values.items():
            setattr(locked, key, value)
        _check(locked, actor)
        if criteria is not None:
            _set_criteria(locked, criteria)
    return locked
