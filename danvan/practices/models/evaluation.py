from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.orgs.scoping import ScopedManager, ScopedModel


class Evaluation(ScopedModel, models.Model):
    """One evaluator's scoring of a practice against the criteria of its campaign."""

    practice = models.ForeignKey("practices.Practice", on_delete=models.CASCADE, related_name="evaluations")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    evaluated_on = models.DateField(_("evaluation date"))
    comment = models.TextField(_("general comment"), blank=True)
    total = models.PositiveIntegerField(_("total score"), default=0)
    max_total = models.PositiveIntegerField(_("maximum total"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="practice__organization")

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["evaluated_on", "id"]


class CriterionScore(ScopedModel, models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("practices.Criterion", on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    objects = ScopedManager(via="evaluation__practice__organization")

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        ordering = ["criterion__position", "id"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "criterion"], name="criterion_score_unique")]
