"""Community decisions: recording them, the ratio rule (as data) and the 5-working-day rule (derived)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import files
from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.democracy.models import CommunityDecision, DecisionForm, DecisionRule, Matter
from danvan.democracy.queries.calendar import holidays as holiday_dates
from danvan.democracy.rules.calendar import add_working_days
from danvan.orgs.scope import require

SEND_WITHIN_WORKING_DAYS = 5  # Luật 10/2022/QH15: the minutes reach the commune within 5 working days
HOLIDAY_WINDOW = 40  # days after a decision whose holidays can matter (5 working days + Tết + weekends)


def send_deadline(decision, holidays=None) -> datetime.date:
    """The day the minutes must reach the commune by: 5 working days after the decision, weekends and the
    public holidays of the table not counted (``holidays``: the days off, read from the table when not
    given; a list page reads them once for all its rows)."""
    if holidays is None:
        holidays = holiday_dates(decision.decided_on, decision.decided_on + datetime.timedelta(days=HOLIDAY_WINDOW))
    return add_working_days(decision.decided_on, SEND_WITHIN_WORKING_DAYS, holidays)


def is_sent_late(decision, *, today: datetime.date, holidays=None) -> bool:
    """Late when the minutes reached the commune after the deadline, or have not reached it and the
    deadline has passed."""
    deadline = send_deadline(decision, holidays)
    return decision.sent_on > deadline if decision.sent_on else today > deadline


def rule_for(matter: str) -> DecisionRule:
    rule = DecisionRule.objects.filter(matter=matter).first()
    return rule or DecisionRule(matter=matter)  # the defaults of the model: > 50% of all households


def outcome(decision, rule: DecisionRule | None = None) -> dict:
    """Whether the people approved: participation at least ``quorum_percent`` of households, and
    ``votes_for`` more than ``threshold_percent`` of the rule's base. Returns {"approved", "quorum",
    "percent_for", "participation"} (percentages as Decimal with 2 places)."""
    rule = rule or rule_for(decision.matter)
    total = decision.households_total or 0
    base = total if rule.base == DecisionRule.Base.TOTAL else decision.participating
    participation = Decimal(decision.participating * 100) / total if total else Decimal(0)
    percent_for = Decimal(decision.votes_for * 100) / base if base else Decimal(0)
    quorum = participation >= Decimal(rule.quorum_percent)
    return {"approved": bool(quorum and percent_for > Decimal(rule.threshold_percent)), "quorum": quorum,
            "percent_for": percent_for.quantize(Decimal("0.01")),
            "participation": participation.quantize(Decimal("0.01"))}


FIELDS = ("village", "matter", "subject", "form", "households_total", "participating", "issued", "votes_for",
          "votes_against", "votes_blank", "decided_on", "sent_on", "recognized_on", "recognition_decision")


def _validate(v: dict) -> None:
    errors = {}
    if v.get("matter") not in Matter.values:
        errors["matter"] = [_("Choose a matter from the list.")]
    if v.get("form") not in DecisionForm.values:
        errors["form"] = [_("Choose a form from the list.")]
    if not (v.get("subject") or "").strip():
        errors["subject"] = [_("Say what was decided.")]
    total, part = v.get("households_total") or 0, v.get("participating") or 0
    if total <= 0:
        errors["households_total"] = [_("Enter the number of households (more than 0).")]
    elif part > total:
        errors["participating"] = [_("More households took part than there are households.")]
    votes = (v.get("votes_for") or 0) + (v.get("votes_against") or 0) + (v.get("votes_blank") or 0)
    if votes > part:
        errors["votes_for"] = [_("For, against and blank add up to %(votes)s, more than the %(part)s households "
                                 "that took part.") % {"votes": votes, "part": part}]
    if v.get("form") == DecisionForm.QUESTIONNAIRE and v.get("issued") is not None and part > v["issued"]:
        errors["participating"] = [_("More questionnaires returned than issued.")]
    decided = v.get("decided_on")
    for name in ("sent_on", "recognized_on"):
        if v.get(name) and decided and v[name] < decided:
            errors[name] = [_("This date cannot be before the decision.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_decision(*, actor, organization, minutes=None, **values) -> CommunityDecision:
    """Record a decision the people took (village or whole commune).

    Effects: checks that ``actor`` may change ``organization`` (a commune organization) and the figures
    (participation ≤ households, votes ≤ participation, dates in order); stores the minutes file (checked
    by ``core.files``) under a random name; inserts one ``CommunityDecision`` and one audit event."""
    require(actor, "change", organization, _("You may not record decisions for this organization."),
            field="organization")
    values = {k: values.get(k) for k in FIELDS if k in values}
    _validate(values)
    if organization.area.level != "commune":
        raise ValidationError({"organization": [_("Choose the organization of a commune.")]})
    decision = CommunityDecision(organization=organization, area=organization.area, **{
        k: v for k, v in values.items() if v is not None})
    if minutes is not None:
        files.check_upload(minutes, allowed=files.DOCUMENTS, field="minutes")
        decision.minutes_name = files.original_name(minutes)
        files.store(decision.minutes, minutes)
    decision.save()
    audit.record(actor, "create", decision)
    return decision


@transaction.atomic
def mark_sent(*, actor, decision, sent_on: datetime.date, recognized_on=None, recognition_decision: str = "",
              expected_version=None) -> CommunityDecision:
    """Effects: records when the minutes reached the commune (and its recognition decision); increments
    ``version``; one audit event with the changed fields (``core.domain.editing.edit``). A stale version
    is refused (``StaleVersion``); bad dates are refused naming the field, nothing changed."""
    require(actor, "change", decision, _("You may not change this decision."), field="decision")
    with edit(decision, actor=actor, expected_version=expected_version, action="change",
              stale=_("Someone changed this decision after you opened it; reload the page.")) as locked:
        values = {f: getattr(locked, f) for f in FIELDS}
        values.update(sent_on=sent_on, recognized_on=recognized_on or locked.recognized_on)
        _validate(values)
        locked.sent_on, locked.recognized_on = sent_on, values["recognized_on"]
        if recognition_decision:
            locked.recognition_decision = recognition_decision[:100]
    return decision
