from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardKind(models.Model):
    """A kind of award: Kỷ niệm chương "Vì sự nghiệp dân vận", Bằng khen, Giấy khen, ...

    Who may receive it (individuals, collectives) and its eligibility rules are data an administrator
    edits in the admin; the defaults loaded by the demo are examples, the real criteria are unconfirmed."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    for_individuals = models.BooleanField(_("for individuals"), default=True)
    for_collectives = models.BooleanField(_("for collectives"), default=False)
    granted_by = models.CharField(_("granted by"), max_length=200, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("award kind")
        verbose_name_plural = _("award kinds")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RuleCheck(models.TextChoices):
    MIN_YEARS_IN_WORK = "min_years_in_work", _("At least N years in dân vận work")
    NO_DISCIPLINE_YEARS = "no_discipline_years", _("No disciplinary measure within the last N years")
    MIN_AGE_YEARS = "min_years_established", _("Collective established for at least N years")
    NOT_ALREADY_AWARDED = "not_already_awarded", _("Not already received this award")
    JUSTIFICATION_LENGTH = "justification_length", _("Justification of at least N characters")
    DOSSIER_FILES = "dossier_files", _("At least N dossier files")


class EligibilityRule(models.Model):
    """One editable eligibility rule of an award kind: a check and its parameter N."""

    award_kind = models.ForeignKey(AwardKind, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("check"), max_length=30, choices=RuleCheck.choices)
    value = models.PositiveIntegerField(_("parameter N"), default=0)
    label = models.CharField(_("rule as shown"), max_length=300, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        ordering = ["award_kind", "id"]

    def __str__(self):
        return self.label or f"{self.get_kind_display()} (N = {self.value})"
