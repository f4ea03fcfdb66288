"""Per-user dialogue queries and the ledger of promises (counted in SQL from the commitments' tasks):
promised / kept on time / kept late / overdue / open, per leader and per organization."""

from django.db.models import Count, F, Q
from django.utils import timezone

from danvan.core.text import leading_name, search_order, search_terms
from danvan.meetings.models import TaskStatus
from danvan.orgs.scope import restrict
from danvan.voice.models import Dialogue, Opinion, Outcome
from danvan.voice.queries.receptions import in_area, under_organization

COMMITMENT_STATES = ["on_time", "late", "overdue", "open"]


def filter_dialogues(user, *, q=None, organization=None, area=None, rule=None, date_from=None, date_to=None,
                     **_ignored):
    qs = restrict(Dialogue.objects.all(), user)
    if organization:
        qs = under_organization(qs, organization)
    if area:
        qs = in_area(qs, area)
    if rule:
        qs = qs.filter(rule=rule)
    if date_from:
        qs = qs.filter(held_on__gte=date_from)
    if date_to:
        qs = qs.filter(held_on__lte=date_to)
    for word in search_terms(q or ""):
        qs = qs.filter(meeting__title_folded__contains=word)
    # what the user meant first: the meeting titled as typed, then the phrase in its title, venue or
    # period, accents as typed; then the latest (``core.text``)
    return qs.select_related("meeting", "organization").annotate(n_opinions=Count("opinions", distinct=True)).order_by(
        *leading_name(q or "", "meeting__title_folded", "meeting__title"),
        *search_order(q or "", words=["meeting__title_folded"], accented=["meeting__title"]), "-held_on", "-id")


def state_q(state: str, today) -> Q:
    """The commitments in ``state`` on ``today`` (derived from the task: never stored)."""
    done = Q(task__status=TaskStatus.DONE)
    return {
        "on_time": done & Q(task__completed_on__lte=F("task__due_date")),
        "late": done & Q(task__completed_on__gt=F("task__due_date")),
        "overdue": ~done & Q(task__due_date__lt=today),
        "open": ~done & Q(task__due_date__gte=today),
    }[state]


def filter_commitments(user, *, state=None, overdue=None, leader=None, organization=None, area=None, today=None,
                       **_ignored):
    """The commitments (opinions promised with a task) ``user`` may see."""
    today = today or timezone.localdate()
    qs = restrict(Opinion.objects.all(), user).filter(outcome=Outcome.COMMITMENT, task__isnull=False)
    if state:
        qs = qs.filter(state_q(state, today))
    if overdue:
        qs = qs.filter(state_q("overdue", today))
    if leader:
        qs = qs.filter(leader_id=getattr(leader, "pk", leader))
    if organization:
        qs = under_organization(qs, organization)
    if area:
        qs = in_area(qs, area)
    return qs.select_related("task", "leader", "addressed_to", "dialogue__meeting").order_by("task__due_date", "id")


def ledger(user, *, area=None, organization=None, today=None):
    """The ledger of promises: {"by_leader": [...], "by_organization": [...], "total": {...}}, each row
    with promised, on_time, late, overdue, open."""
    today = today or timezone.localdate()
    qs = filter_commitments(user, area=area, organization=organization, today=today).order_by()
    counts = {"promised": Count("id")} | {s: Count("id", filter=state_q(s, today)) for s in COMMITMENT_STATES}
    by_leader = list(qs.values("leader_id", "leader__full_name").annotate(**counts).order_by("leader__full_name"))
    by_org = list(qs.values("organization_id", "organization__name").annotate(**counts)
                  .order_by("organization__name"))
    total = qs.aggregate(**counts)
    return {"by_leader": by_leader, "by_organization": by_org, "total": total}


def commitment_state(opinion, today=None) -> str:
    today = today or timezone.localdate()
    task = opinion.task
    if task.status == TaskStatus.DONE:
        return "late" if task.completed_on and task.completed_on > task.due_date else "on_time"
    return "overdue" if task.due_date < today else "open"
