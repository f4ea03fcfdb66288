"""Imported practices: the same rules as practices created and moved through their life cycle by hand,
and the write of one import as one unit.

An import may bring a practice in any status, but only one the importing user could have brought it to
by hand: a chuyên viên of a commune creates drafts, registers them and marks them carried out; only a
commission or Party committee covering the practice evaluates it; only a leader of such a body decides
on recognition (a provincial or central level only a provincial body), chooses "tiêu biểu", and a
decision cannot be dated in the future (``lifecycle``)."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.orgs.scope import can
from danvan.places.models.area import LEGACY_END
from danvan.practices.domain.permissions import covering_memberships
from danvan.practices.models import Holder, Practice, PracticeEvent, RecognitionLevel, Status

EVALUATED_OR_LATER = {Status.EVALUATED, Status.RECOGNIZED, Status.NOT_RECOGNIZED}
DECIDED = {Status.RECOGNIZED, Status.NOT_RECOGNIZED}


class ImportRights:
    """What ``actor`` may do by hand, per registering organization (memoized: one import asks the same
    question for thousands of rows of a few organizations)."""

    def __init__(self, actor):
        self.actor = actor
        self.superuser = bool(getattr(actor, "is_superuser", False) and actor.is_active)
        self._cache: dict = {}

    def _memo(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def may_change(self, org) -> bool:
        return self._memo(("change", org.pk), lambda: can(self.actor, "change", org))

    def may_evaluate(self, org) -> bool:
        return self.superuser or self._memo(("evaluate", org.pk),
                                            lambda: bool(covering_memberships(self.actor, "change", org)))

    def may_approve(self, org) -> bool:
        return self.superuser or bool(self._approvers(org))

    def approves_at_province(self, org) -> bool:
        return self.superuser or any(m.organization.area.level == "province" for m in self._approvers(org))

    def _approvers(self, org):
        return self._memo(("approve", org.pk), lambda: covering_memberships(self.actor, "approve", org))


def refusals(*, rights: ImportRights, practice: Practice, today: datetime.date, area_level: str | None,
             campaign=None) -> list[tuple[str, str]]:
    """Why ``practice`` (not saved) could not have been created by ``rights.actor`` by hand, as
    ``(field, Vietnamese reason)`` pairs; empty when it could. Reads nothing but the memoized rights."""
    found = []
    org = practice.organization
    if not rights.may_change(org):
        found.append(("organization", _("this organization is outside your scope")))
        return found
    if practice.holder == Holder.INDIVIDUAL and not practice.person_name.strip():
        found.append(("person_name", _("an individual model needs the person's name")))
    if area_level is not None and area_level not in {"commune", "district", "province"}:
        found.append(("area", _("choose a commune or a higher unit")))
    status = practice.status
    if status != Status.DRAFT:
        if not (practice.situation.strip() and practice.goals.strip() and practice.content.strip()):
            found.append(("status", _("a registered model needs “Current situation and reason”, “Goals and "
                                      "criteria” and “Content and method”")))
        deadline = campaign.registration_deadline if campaign is not None else None
        if deadline and today > deadline:
            found.append(("status", _("the registration deadline of the campaign was %(date)s; it has passed")
                          % {"date": deadline.strftime("%d/%m/%Y")}))
    if status in EVALUATED_OR_LATER and status not in DECIDED and not rights.may_evaluate(org):
        found.append(("status", _("only a dân vận commission or Party committee whose area covers this model "
                                  "may evaluate it")))
    if status in DECIDED and not rights.may_approve(org):
        found.append(("status", _("only a leader of a dân vận commission or Party committee whose area covers "
                                  "this model may decide on its recognition")))
    if status == Status.RECOGNIZED:
        if not practice.level:
            found.append(("level", _("a recognized model needs its recognition level")))
        elif (practice.level in {RecognitionLevel.PROVINCE, RecognitionLevel.CENTRAL}
              and rights.may_approve(org) and not rights.approves_at_province(org)):
            found.append(("level", _("only a leader of a provincial body may record a provincial or central "
                                     "recognition")))
        if not practice.decision_number.strip() or practice.decision_date is None:
            found.append(("decision_number", _("enter the number and date of the recognition decision")))
        if practice.decision_date and practice.decision_date > today:
            found.append(("decision_date", _("the decision date cannot be in the future")))
        if practice.level == RecognitionLevel.DISTRICT and practice.decision_date and \
                practice.decision_date > LEGACY_END:
            found.append(("level", _("the district level existed only until 30/06/2025")))
    elif practice.level or practice.decision_number or practice.decision_date:
        found.append(("level", _("only a recognized model has a recognition level and decision")))
    if practice.is_outstanding:
        if status != Status.RECOGNIZED:
            found.append(("is_outstanding", _("only a recognized model can be outstanding")))
        elif not rights.may_approve(org):
            found.append(("is_outstanding", _("only a leader of a covering commission or Party committee may "
                                              "choose an outstanding model")))
    return found


@transaction.atomic
def save_batch(*, actor, job, practices: list[Practice]) -> list[Practice]:
    """Save one batch of imported practices (already checked with ``refusals``), in one short transaction.

    Effects: inserts the ``Practice`` rows (``created_by`` the actor, ``import_job`` the job, their
    ``import_key``), one ``PracticeEvent`` ("import") and one "create" audit event per practice. Raises
    ``IntegrityError`` (the batch is rolled back) when a row's ``import_key`` was saved meanwhile."""
    for practice in practices:
        practice.fill_derived()
        practice.created_by = actor if getattr(actor, "pk", None) else None
        practice.import_job = job
    saved = Practice.objects.bulk_create(practices)
    PracticeEvent.objects.bulk_create([
        PracticeEvent(practice=p, actor=p.created_by, action="import", to_status=p.status,
                      reason=_("Imported from a spreadsheet")) for p in saved
    ])
    audit.record_many(actor, "create", saved, message=_("Imported from a spreadsheet"))
    return saved


@transaction.atomic
def undo_import(*, job) -> int:
    """Remove what a failed or interrupted import wrote, so that an import is all or nothing.

    Effects: deletes every ``Practice`` whose ``import_job`` is ``job`` (their events cascade).
    Returns how many were deleted."""
    deleted, _detail = Practice.objects.filter(import_job=job).delete()
    return deleted
