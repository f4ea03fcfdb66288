"""Support events checked against the policies in force, campaigns, and the totals that feed reports.

The check (``check_event``): the policy is the row of the event's kind (and hospital level for an
illness), for its beneficiary kind (or any), valid on the event's date, the province's own row before the
national one. Over the ceiling per time, over the times per year or over the ceiling per year (counted
over the calendar year for the same beneficiary and kind, whichever policy row applied to the earlier
events: a policy that changes mid-year still counts them) is refused, unless recorded as an exception
with its reason and an approver who may approve for the giving organization."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from danvan.community.models import (
    BeneficiaryKind,
    SupportCampaign,
    SupportEvent,
    SupportKind,
    SupportPolicy,
)
from danvan.core.domain import audit
from danvan.core.text import fold
from danvan.orgs.scope import can, require
from danvan.places.models import AreaReach


def _money(n: int) -> str:
    return f"{n:,}".replace(",", ".") + " đ"


def policy_for(*, kind: str, beneficiary_kind: str, hospital_level: str, area, on: datetime.date):
    """The policy in force for an event (the province's row first, then the national one), or None."""
    provinces = AreaReach.objects.filter(descendant_id=getattr(area, "pk", area)).values("ancestor_id")
    qs = SupportPolicy.objects.filter(
        Q(kind=kind), Q(beneficiary_kind__in=[beneficiary_kind, ""]), Q(valid_from__lte=on),
        Q(valid_to__isnull=True) | Q(valid_to__gte=on), Q(area__isnull=True) | Q(area_id__in=provinces))
    if kind == SupportKind.ILLNESS:
        qs = qs.filter(hospital_level=hospital_level)
    candidates = sorted(qs, key=lambda p: (p.area_id is None, p.beneficiary_kind == "", -p.valid_from.toordinal()))
    return candidates[0] if candidates else None


def beneficiary_key(*, beneficiary_kind, prestige_entry=None, dignitary=None, religious_organization=None,
                    beneficiary_name="", area=None) -> str:
    if beneficiary_kind == BeneficiaryKind.PRESTIGE and prestige_entry is not None:
        return f"prestige:{prestige_entry.person_id}"
    if beneficiary_kind == BeneficiaryKind.DIGNITARY and dignitary is not None:
        return f"dignitary:{dignitary.person_id}"
    if beneficiary_kind == BeneficiaryKind.RELIGIOUS_ORG and religious_organization is not None:
        return f"religious_org:{religious_organization.pk}"
    return f"household:{getattr(area, 'pk', area)}:{fold(beneficiary_name).strip()[:80]}"


def check_event(*, key: str, kind: str, beneficiary_kind: str, hospital_level: str, area, on: datetime.date,
                value: int) -> tuple:
    """(policy, problems): the policy in force and the Vietnamese reasons the event breaks it (empty when
    it does not). Reads one policy query and one aggregate over the beneficiary's events of the year."""
    policy = policy_for(kind=kind, beneficiary_kind=beneficiary_kind, hospital_level=hospital_level, area=area, on=on)
    if policy is None:
        return None, []
    problems = []
    if value > policy.ceiling_per_time:
        problems.append(_("%(v)s is over the ceiling of %(c)s a time (%(p)s).") % {
            "v": _money(value), "c": _money(policy.ceiling_per_time), "p": policy.legal_basis})
    year = SupportEvent.objects.unscoped("the beneficiary's events of the year, for the ceiling check").filter(
        beneficiary_key=key, kind=kind, date__year=on.year).aggregate(n=Count("id"), cash=Sum("cash"),
                                                                        goods=Sum("in_kind"))
    if policy.times_per_year is not None and year["n"] + 1 > policy.times_per_year:
        problems.append(_("This would be time %(n)s this year; the policy allows %(t)s (%(p)s).") % {
            "n": year["n"] + 1, "t": policy.times_per_year, "p": policy.legal_basis})
    spent = (year["cash"] or 0) + (year["goods"] or 0)
    if policy.ceiling_per_year is not None and spent + value > policy.ceiling_per_year:
        problems.append(_("%(v)s this year would exceed the ceiling of %(c)s a year (%(p)s).") % {
            "v": _money(spent + value), "c": _money(policy.ceiling_per_year), "p": policy.legal_basis})
    return policy, problems


@transaction.atomic
def record_event(*, actor, organization, beneficiary_kind: str, date: datetime.date, occasion: str, kind: str,
                 cash: int = 0, in_kind: int = 0, area=None, prestige_entry=None, dignitary=None,
                 religious_organization=None, beneficiary_name: str = "", hospital_level: str = "", leader: str = "",
                 funds_source: str = "", certificate: str = "", campaign=None, exception_reason: str = "",
                 exception_approver=None) -> SupportEvent:
    """Record a visit, gift or support, checked against the policy in force.

    Effects: inserts the ``SupportEvent`` (with the policy applied; ``is_exception`` when it breaks the
    policy and an exception is given); "create" audit event. Raises ``NotAllowed`` unless ``actor`` may
    change ``organization`` and sees the beneficiary named; ``ValidationError`` when over the ceiling per
    time, the times or the ceiling per year without an exception (``cash`` names the problems), when the
    exception's approver may not approve for ``organization`` (``exception_approver``), for a missing
    beneficiary, an illness without the hospital level, or negative amounts."""
    require(actor, "change", organization, _("You may not record support given by %(org)s.") % {
        "org": organization.name}, field="organization")
    if beneficiary_kind not in BeneficiaryKind.values:
        raise ValidationError({"beneficiary_kind": _("Choose the kind of beneficiary.")})
    if kind not in SupportKind.values:
        raise ValidationError({"kind": _("Choose the kind of support.")})
    if date is None:
        raise ValidationError({"date": _("Enter the date.")})
    if (cash or 0) < 0 or (in_kind or 0) < 0 or (cash or 0) + (in_kind or 0) == 0:
        raise ValidationError({"cash": _("Enter the cash or the value in kind (đ).")})
    if kind == SupportKind.ILLNESS and not hospital_level:
        raise ValidationError({"hospital_level": _("Choose the level of the treating hospital.")})
    target = {BeneficiaryKind.PRESTIGE: ("prestige_entry", prestige_entry),
              BeneficiaryKind.DIGNITARY: ("dignitary", dignitary),
              BeneficiaryKind.RELIGIOUS_ORG: ("religious_organization", religious_organization)}.get(beneficiary_kind)
    if target:
        field, obj = target
        if obj is None:
            raise ValidationError({field: _("Choose the beneficiary.")})
        require(actor, "view", obj, _("This beneficiary is not in your scope."), field=field)
        if beneficiary_kind == BeneficiaryKind.PRESTIGE:
            beneficiary_name, area = obj.person.full_name, area or obj.area
        elif beneficiary_kind == BeneficiaryKind.DIGNITARY:
            beneficiary_name, area = obj.person.full_name, area or obj.area
        else:
            beneficiary_name, area = obj.name, area or obj.area
    elif not (beneficiary_name or "").strip():
        raise ValidationError({"beneficiary_name": _("Enter the beneficiary's name.")})
    if area is None:
        raise ValidationError({"area": _("Choose the area.")})
    key = beneficiary_key(beneficiary_kind=beneficiary_kind, prestige_entry=prestige_entry, dignitary=dignitary,
                          religious_organization=religious_organization, beneficiary_name=beneficiary_name, area=area)
    value = (cash or 0) + (in_kind or 0)
    policy, problems = check_event(key=key, kind=kind, beneficiary_kind=beneficiary_kind,
                                   hospital_level=hospital_level if kind == SupportKind.ILLNESS else "", area=area,
                                   on=date, value=value)
    exception = bool((exception_reason or "").strip())
    if problems and not exception:
        raise ValidationError({"cash": problems})
    if problems:
        if exception_approver is None or not can(exception_approver, "approve", organization):
            raise ValidationError({"exception_approver": _(
                "An exception needs an approver who leads %(org)s or an organization above it.") % {
                "org": organization.name}})
    event = SupportEvent.objects.create(
        organization=organization, beneficiary_kind=beneficiary_kind, prestige_entry=prestige_entry,
        dignitary=dignitary, religious_organization=religious_organization,
        beneficiary_name=beneficiary_name.strip(), beneficiary_key=key, area=area, date=date, occasion=occasion,
        kind=kind, hospital_level=hospital_level or "", policy=policy, leader=(leader or "").strip(),
        cash=cash or 0, in_kind=in_kind or 0, funds_source=(funds_source or "").strip(),
        certificate=(certificate or "").strip(), campaign=campaign, is_exception=bool(problems),
        exception_reason=(exception_reason or "").strip() if problems else "",
        exception_approver=exception_approver if problems else None)
    audit.record(actor, "create", event, message="; ".join(problems))
    return event


@transaction.atomic
def create_campaign(*, actor, organization, name: str, area, occasion: str, date_from, date_to) -> SupportCampaign:
    """Launch a campaign of visits over an area. Effects: inserts it; "create" audit event. Raises
    ``NotAllowed`` unless ``actor`` may change ``organization``; ``ValidationError`` for a missing name or
    area, or dates in the wrong order."""
    require(actor, "change", organization, _("You may not launch campaigns for %(org)s.") % {
        "org": organization.name}, field="organization")
    if not (name or "").strip():
        raise ValidationError({"name": _("Enter the name.")})
    if area is None:
        raise ValidationError({"area": _("Choose the area.")})
    if date_from is None or date_to is None or date_to < date_from:
        raise ValidationError({"date_to": _("The end date must be after the start date.")})
    campaign = SupportCampaign.objects.create(organization=organization, name=name.strip(), area=area,
                                              occasion=occasion, date_from=date_from, date_to=date_to)
    audit.record(actor, "create", campaign)
    return campaign
