"""Disclosure obligations: generated per commune and period for a province (a background job), or
triggered by a document; marked not applicable; due dates kept in line with the items' deadlines."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.jobs import runner, start_job
from danvan.core.domain.refusals import NotAllowed, WrongState
from danvan.democracy.models import PERIODIC_RECURRENCES, DisclosureItem, Obligation
from danvan.democracy.rules.periods import document_key, periods_of
from danvan.orgs.models import Kind, Organization
from danvan.orgs.scope import require
from danvan.places.models import Area, AreaReach

# The organization that answers for a commune's disclosures: its People's Committee when it is in the
# system, else the commune's Front, else any current organization of the commune.
RESPONSIBLE_KINDS = [Kind.STATE, Kind.FATHERLAND_FRONT]
BATCH = 2000


def communes_of(province) -> list[Area]:
    """The current commune-level units under ``province``, in Vietnamese order."""
    below = AreaReach.objects.filter(ancestor_id=province.pk).values("descendant_id")
    return list(Area.objects.filter(pk__in=below, level="commune", valid_to__isnull=True).order_by("name_sort"))


def responsible_organizations(area_ids) -> dict[int, Organization]:
    """For each commune area id, the organization that answers for its disclosures (see RESPONSIBLE_KINDS)."""
    rank = {k: i for i, k in enumerate(RESPONSIBLE_KINDS)}
    best: dict[int, tuple[int, Organization]] = {}
    for org in Organization.objects.filter(area_id__in=list(area_ids), valid_to__isnull=True).order_by("id"):
        r = rank.get(org.kind, len(rank))
        if org.area_id not in best or r < best[org.area_id][0]:
            best[org.area_id] = (r, org)
    return {area_id: org for area_id, (_r, org) in best.items()}


def due_date(item: DisclosureItem, basis: datetime.date) -> datetime.date:
    return basis + datetime.timedelta(days=item.deadline_days)


def check_province(*, actor, province, year) -> None:
    """Refuse unless ``province`` is a current province and ``actor`` may change every commune's
    responsible organization there (the province's commission may; a commune may not)."""
    errors = {}
    if province is None or province.level != "province" or province.valid_to is not None:
        errors["province"] = [_("Choose a current province.")]
    if not 2000 <= int(year or 0) <= 2100:
        errors["year"] = [_("The year must be between 2000 and 2100.")]
    if errors:
        raise ValidationError(errors)
    if actor is None or actor.is_superuser:
        return
    orgs = responsible_organizations([a.pk for a in communes_of(province)]).values()
    allowed = set(Organization.objects.for_user(actor, "change").filter(
        pk__in=[o.pk for o in orgs]).values_list("pk", flat=True))
    if not orgs or any(o.pk not in allowed for o in orgs):
        raise NotAllowed(_("Only the province's commission may generate the obligations of all its communes."),
                         field="province")


def start_generation(*, actor, province, year: int):
    """Start the background job that generates a province's periodic obligations for ``year``.

    Effects: checks the rights (``check_province``), inserts a ``core.Job`` (kind "democracy.generate")
    and enqueues it; the job writes the obligations (see ``generate``). Returns the job."""
    check_province(actor=actor, province=province, year=year)
    home = Organization.objects.for_user(actor, "change").filter(area_id=province.pk).first() if actor else None
    return start_job(kind="democracy.generate", user=actor, organization=home,
                     title=_("Disclosure obligations %(year)s for %(province)s") % {
                         "year": year, "province": f"{province.kind_name} {province.name}"},
                     params={"province": province.pk, "year": int(year)})


def generate(*, province, year: int, job=None, progress=None) -> dict:
    """Create the missing periodic obligations (items quarterly, half-yearly, yearly) of every current
    commune of ``province`` for ``year``. Idempotent: an obligation that exists (same commune, item and
    period) is left as it is, so running it twice creates nothing the second time.

    Effects: inserts ``Obligation`` rows (tagged with ``job``) in batches, one commune at a time, with the
    due date from each item's deadline; reports progress per commune. Returns {"communes": n, "created": n,
    "existing": n, "without_organization": n}."""
    items = list(DisclosureItem.objects.filter(is_active=True, recurrence__in=PERIODIC_RECURRENCES))
    communes = communes_of(province)
    orgs = responsible_organizations([a.pk for a in communes])
    existing = set(Obligation.objects.unscoped("system job: which obligations exist already").filter(
        area_id__in=[a.pk for a in communes], year=year).values_list("area_id", "item_id", "period_key"))
    counts = {"communes": len(communes), "created": 0, "existing": 0, "without_organization": 0}
    if progress:
        progress.set_total(len(communes))
    pending = []
    for area in communes:
        org = orgs.get(area.pk)
        if org is None:
            counts["without_organization"] += 1
        else:
            for item in items:
                for key, end in periods_of(item.recurrence, year):
                    if (area.pk, item.pk, key) in existing:
                        counts["existing"] += 1
                        continue
                    pending.append(Obligation(organization=org, area=area, item=item, year=year, period_key=key,
                                              basis_date=end, due_on=due_date(item, end), job=job))
        if len(pending) >= BATCH:
            counts["created"] += _write(pending)
            pending = []
        if progress:
            progress.advance()
    counts["created"] += _write(pending)
    return counts


def _write(rows) -> int:
    with transaction.atomic():
        Obligation.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    return len(rows)


@runner("democracy.generate", undo=lambda job: Obligation.objects.unscoped(
    "undo of a failed generation job").filter(job=job, records__isnull=True).delete())
def run_generation(job, progress):
    province = Area.objects.get(pk=job.params["province"])
    counts = generate(province=province, year=job.params["year"], job=job, progress=progress)
    from danvan.core.models import Job

    Job.objects.filter(pk=job.pk).update(message=_(
        "%(created)s obligations created for %(communes)s communes (%(existing)s existed already).") % counts)


@transaction.atomic
def trigger_by_document(*, actor, organization, item, number: str, issued_on: datetime.date, title: str = "",
                        issuer: str = "") -> Obligation:
    """An obligation triggered by a document (a project approval, a land-recovery plan, a regulation…).

    Effects: checks that ``actor`` may change ``organization`` (a commune organization); inserts one
    ``Obligation`` for the organization's commune, due ``item.deadline_days`` after ``issued_on``, and
    an audit event. Refuses the same document twice (same commune, item, number and date)."""
    require(actor, "change", organization, _("You may not record disclosures for this organization."),
            field="organization")
    errors = {}
    if organization.area.level != "commune":
        errors["organization"] = [_("Choose the organization of a commune.")]
    if not (number or "").strip():
        errors["number"] = [_("Enter the document's number.")]
    if errors:
        raise ValidationError(errors)
    key = document_key(number.strip(), issued_on)
    if Obligation.objects.unscoped("uniqueness check").filter(area=organization.area, item=item,
                                                                period_key=key).exists():
        raise ValidationError({"number": [_("This document already has an obligation for this item.")]})
    obligation = Obligation.objects.create(
        organization=organization, area=organization.area, item=item, year=issued_on.year, period_key=key,
        basis_date=issued_on, due_on=due_date(item, issued_on), document_number=number.strip()[:60],
        document_title=title[:300], document_issuer=issuer[:200])
    audit.record(actor, "create", obligation)
    return obligation


STALE = _lazy("Someone changed this obligation after you opened it; reload the page.")


@transaction.atomic
def mark_not_applicable(*, actor, obligation, reason: str, expected_version=None) -> Obligation:
    """Effects: sets ``not_applicable`` with ``reason`` (required), increments ``version``, one audit event
    ("exempt", with the changed fields). A stale ``expected_version`` is refused (``StaleVersion``)."""
    require(actor, "change", obligation, _("You may not change this obligation."), field="obligation")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the item does not apply.")]})
    with edit(obligation, actor=actor, expected_version=expected_version, stale=STALE, action="exempt") as locked:
        if locked.not_applicable:
            raise WrongState(_("This obligation is already marked not applicable."))
        locked.not_applicable, locked.not_applicable_reason = True, reason[:500]
    return obligation


@transaction.atomic
def reapply(*, actor, obligation, expected_version=None) -> Obligation:
    """Effects: clears ``not_applicable`` and its reason, increments ``version``, one audit event
    ("reapply"). A stale ``expected_version`` is refused (``StaleVersion``)."""
    require(actor, "change", obligation, _("You may not change this obligation."), field="obligation")
    with edit(obligation, actor=actor, expected_version=expected_version, stale=STALE, action="reapply") as locked:
        if not locked.not_applicable:
            raise WrongState(_("This obligation already applies."))
        locked.not_applicable, locked.not_applicable_reason = False, ""
    return obligation


@transaction.atomic
def update_item(*, actor, item, **values) -> DisclosureItem:
    """An administrator changes an item's rules (deadline, channels, posting period…).

    Effects: saves the item; when the deadline changed, recomputes ``due_on`` of every obligation of the
    item (their state follows, being derived); one audit event. Only a superuser may (reference data)."""
    if actor is not None and not actor.is_superuser:
        raise NotAllowed(_("Only an administrator of the system may change the kinds of item."))
    old_deadline = item.deadline_days
    for name, value in values.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    if item.deadline_days != old_deadline:
        from django.db.models import DateField, ExpressionWrapper, F

        delta = datetime.timedelta(days=item.deadline_days)
        Obligation.objects.unscoped("reference data changed: every obligation of the item").filter(item=item).update(
            due_on=ExpressionWrapper(F("basis_date") + delta, output_field=DateField()))
    audit.record(actor, "change", item)
    return item
