"""Evaluation: an evaluator scores each criterion of the practice's campaign, with comments."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.refusals import WrongState
from danvan.practices.domain.lifecycle import _lock, mark_evaluated
from danvan.practices.models import Criterion, CriterionScore, Evaluation, Practice


def criteria_for(practice: Practice) -> list[Criterion]:
    """The criteria in force for ``practice``: its campaign's."""
    if not practice.campaign_id:
        return []
    return list(Criterion.objects.unscoped("the criteria of the practice's campaign").filter(
        campaign_id=practice.campaign_id).order_by("position", "id"))


@transaction.atomic
def record_evaluation(*, practice: Practice, actor, scores: dict, comments: dict | None = None,
                      comment: str = "", evaluated_on: datetime.date | None = None) -> Evaluation:
    """Record one evaluator's scores (``{criterion_id: score}``) and comments for a practice.

    Effects: inserts an ``Evaluation`` with one ``CriterionScore`` per criterion of the campaign and
    its total; moves the practice to "evaluated" through ``mark_evaluated`` (``PracticeEvent`` and
    audit event); writes a "create" audit event for the evaluation. Raises ``ValidationError`` (and
    changes nothing) when a criterion is not scored or a score is outside 0..max; ``WrongState`` when the
    practice has no campaign criteria or its status does not allow evaluation; ``NotAllowed`` when the
    actor may not evaluate it.
    """
    locked = _lock(practice)
    criteria = criteria_for(locked)
    if not criteria:
        raise WrongState(_("This model has no campaign, so there are no criteria to score."), code="criteria")
    comments = comments or {}
    errors = []
    for criterion in criteria:
        value = scores.get(criterion.id)
        if value is None or value == "":
            errors.append(_("Criterion “%(c)s”: enter a score.") % {"c": criterion.text})
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            errors.append(_("Criterion “%(c)s”: the score must be a whole number.") % {"c": criterion.text})
            continue
        if not 0 <= number <= criterion.max_score:
            errors.append(_("Criterion “%(c)s”: the score must be between 0 and %(max)s.")
                          % {"c": criterion.text, "max": criterion.max_score})
    if errors:
        raise ValidationError({"scores": errors})
    mark_evaluated(practice=practice, locked=locked, actor=actor)
    evaluation = Evaluation.objects.create(
        practice=locked, evaluator=actor, evaluated_on=evaluated_on or timezone.localdate(), comment=comment,
        total=sum(int(scores[c.id]) for c in criteria), max_total=sum(c.max_score for c in criteria),
    )
    CriterionScore.objects.bulk_create([
        CriterionScore(evaluation=evaluation, criterion=c, score=int(scores[c.id]),
                       comment=(comments.get(c.id) or "")[:500]) for c in criteria
    ])
    audit.record(actor, "create", evaluation, message=_("Evaluation: %(total)s/%(max)s points")
                 % {"total": evaluation.total, "max": evaluation.max_total})
    return evaluation


def evaluation_summary(practice: Practice) -> dict:
    """The practice's evaluations, the average per criterion and overall (two queries)."""
    evaluations = list(practice.evaluations.select_related("evaluator").prefetch_related("scores__criterion"))
    per_criterion = list(
        CriterionScore.objects.unscoped("the scores of a practice in hand").filter(evaluation__practice=practice)
        .values("criterion_id", "criterion__text", "criterion__max_score", "criterion__position")
        .annotate(average=Avg("score"), n=Count("id")).order_by("criterion__position")
    )
    total = sum(e.total for e in evaluations)
    return {
        "evaluations": evaluations,
        "per_criterion": per_criterion,
        "average_total": (total / len(evaluations)) if evaluations else None,
        "max_total": evaluations[0].max_total if evaluations else None,
    }
