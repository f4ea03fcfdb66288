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


# --- the Quy định 11 report (domain/qd11.py) ---------------------------------------------------------

def _keeps_records(organization) -> bool:
    """Whether ``organization`` keeps its citizens' voice work in the module (any duty, reception,
    dialogue or petition); otherwise its QĐ 11 figures stay typed in."""
    from danvan.voice.models import Dialogue, Petition, ReceptionDuty, ReceptionSession

    return any(m.objects.unscoped("report figure of the report's own organization").filter(
        organization_id=organization.pk).exists() for m in (ReceptionDuty, ReceptionSession, Dialogue, Petition))


def _own(model, organization):
    return model.objects.unscoped("report figure of the report's own organization").filter(
        organization_id=organization.pk)


def reception_days(organization, period) -> dict:
    """{"required", "held"}: the days of regular reception the organization's duty holders owed in the
    period's months (the obligations in force on each month's first day) and the distinct days each held."""
    import datetime

    from django.db.models import Q

    from danvan.voice.models import ReceptionDuty, ReceptionSession
    from danvan.voice.queries.receptions import _obligations, _required

    duties = list(_own(ReceptionDuty, organization).filter(valid_from__lte=period.end).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=period.start)))
    required = held = 0
    by_year = {}
    month = period.start.replace(day=1)
    while month <= period.end:
        last = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
        obligations = by_year.setdefault(month.year, _obligations(month.year))
        for duty in duties:
            if duty.valid_from <= last and (duty.valid_to is None or duty.valid_to >= month):
                required += _required(obligations.get(duty.position, []), month.year, month.month)
        month = last + datetime.timedelta(days=1)
    if duties:
        held = len(set(_own(ReceptionSession, organization).filter(
            held_on__range=(period.start, period.end), receiver_id__in={d.person_id for d in duties})
            .values_list("receiver_id", "held_on")))
    return {"required": required, "held": held}


def qd11_figure(code: str):
    """The source function of one QĐ 11 indicator ``code`` (see ``domain/qd11.py``)."""
    from django.db.models import Q, Sum
    from django.utils import timezone

    from danvan.meetings.models import TaskStatus
    from danvan.voice.domain.qd11 import KINDS
    from danvan.voice.models import CitizenCase, Dialogue, Opinion, Outcome, Petition

    kinds = {short: kind for kind, short, _name in KINDS}

    def figure(organization, period):
        if not _keeps_records(organization):
            return None
        between = (period.start, period.end)
        cases = CitizenCase.objects.unscoped("report figure of the report's own organization").filter(
            session__organization_id=organization.pk, session__held_on__range=between)
        opinions = _own(Opinion, organization).filter(
            Q(dialogue__held_on__range=between) | Q(session__held_on__range=between))
        petitions = _own(Petition, organization)
        parts = code.split("_")
        if code == "QD11_TD_YC":
            return reception_days(organization, period)["required"]
        if code == "QD11_TD_TH":
            return reception_days(organization, period)["held"]
        if code == "QD11_TD_LUOT":
            return cases.aggregate(n=Sum("people"))["n"] or 0
        if code == "QD11_TD_VV":
            return cases.count()
        if code == "QD11_TD_DOAN":
            return cases.filter(people__gte=5).count()
        if code == "QD11_DT":
            return _own(Dialogue, organization).filter(held_on__range=between).count()
        if code == "QD11_YK":
            return opinions.count()
        if code == "QD11_CK":
            return opinions.filter(outcome=Outcome.COMMITMENT).count()
        if code == "QD11_CK_XONG":
            return _own(Opinion, organization).filter(outcome=Outcome.COMMITMENT, task__status=TaskStatus.DONE,
                                                     task__completed_on__range=between).count()
        if parts[1] == "LV":
            return petitions.filter(field=parts[2].lower(), received_on__range=between).count()
        measure, kind = parts[1], kinds[parts[2]]
        of_kind = petitions.filter(kind=kind)
        if measure == "NHAN":
            return of_kind.filter(received_on__range=between).count()
        if measure == "TL":
            return of_kind.filter(accepted_on__range=between).count()
        if measure == "GQ":
            return of_kind.filter(resolved_on__range=between).count()
        # overdue on the period's last day (or today, while the period runs), among those still handled
        return of_kind.filter(due_on__lt=min(period.end, timezone.localdate())).count()

    return figure


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
    from danvan.voice.domain.qd11 import indicators

    for _section, code, _name, _unit in indicators():
        register_source(code, qd11_figure(code), label=_("the citizens' voice records"),
                        url=lambda organization, period: f"/don-thu/?organization={organization.pk}"
                        f"&received_from={period.start:%d/%m/%Y}&received_to={period.end:%d/%m/%Y}")
