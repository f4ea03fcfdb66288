"""Creating and editing practices (the registration form). Life-cycle steps are in ``lifecycle``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.refusals import NotAllowed, WrongState
from danvan.orgs.scope import can, restrict
from danvan.practices.models import FINAL, REGISTRATION_ITEMS, Holder, Practice, PracticeEvent, Status

EDITABLE_FIELDS = [
    "name", "kind", "holder", "person_name", "field", "organization", "area", "campaign", "year",
    *REGISTRATION_ITEMS, "beneficiaries", "replicates",
]


def _check(practice: Practice, actor) -> None:
    errors = {}
    if not can(actor, "change", practice.organization):
        errors["organization"] = _("This organization is outside your scope.")
    if practice.holder == Holder.INDIVIDUAL and not practice.person_name.strip():
        errors["person_name"] = _("Enter the person's name for an individual model.")
    if practice.area_id and practice.area.level not in {"commune", "district", "province"}:
        errors["area"] = _("Choose a commune or a higher unit.")
    if practice.year and not 1990 <= practice.year <= 2100:
        errors["year"] = _("The year must be between 1990 and 2100.")
    campaign = practice.campaign
    if campaign and practice.year and not campaign.start_year <= practice.year <= campaign.end_year:
        errors["year"] = _("The year is outside the campaign's period (%(start)s–%(end)s).") % {
            "start": campaign.start_year, "end": campaign.end_year}
    if practice.replicates_id:
        if practice.pk and practice.replicates_id == practice.pk:
            errors["replicates"] = _("A model cannot replicate itself.")
        elif not restrict(Practice.objects.filter(pk=practice.replicates_id), actor).exists():
            errors["replicates"] = _("The replicated model is outside your scope.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_practice(*, actor, **values) -> Practice:
    """Create a practice as a draft (nháp).

    Effects: inserts the ``Practice`` (status draft, ``created_by`` the actor), a ``PracticeEvent``
    ("create") and a "create" audit event. Raises ``ValidationError`` (Vietnamese, by field) when the
    organization is outside the actor's change scope, an individual has no person's name, the year
    is outside the campaign, or the replicated model is not visible to the actor.
    """
    practice = Practice(**values, status=Status.DRAFT, created_by=actor if getattr(actor, "pk", None) else None)
    _check(practice, actor)
    practice.save()
    PracticeEvent.objects.create(practice=practice, actor=practice.created_by, action="create",
                                 to_status=Status.DRAFT)
    audit.record(actor, "create", practice, changes=audit.diff({}, audit.snapshot(practice)))
    return practice


@transaction.atomic
def update_practice(*, practice: Practice, actor, expected_version: int | None = None, **values) -> Practice:
    """Change a practice's registration data.

    Effects: updates the row, bumps ``version`` and writes an "update" audit event with the changed
    fields. Raises ``StaleVersion`` when another user saved in between (``expected_version``
    differs), ``WrongState`` when the practice is recognized or not recognized (final: its data is the
    record of a decision), ``NotAllowed`` when the actor may not change the current organization, and
    ``ValidationError`` (by field) for a new organization outside the actor's scope or the checks of
    ``create_practice``. Nothing is changed then.
    """
    stale = _("This model was just changed by someone else. Reload the page to see the new content, then edit again.")
    with edit(practice, actor=actor, expected_version=expected_version, stale=stale) as locked:
        if locked.status in FINAL:
            raise WrongState(_("A model that has been decided on (recognized or not) can no longer be edited."),
                             code="final")
        if not can(actor, "change", locked.organization):
            raise NotAllowed(_("This organization is outside your scope."))
        for key, value in values.items():
            setattr(locked, key, value)
        _check(locked, actor)
    return practice
