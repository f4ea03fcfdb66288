"""Reporting periods: month, quarter, 6 months, 9 months and year, with their Vietnamese labels."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.reports.models.forms import PeriodKind

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class Period(models.Model):
    """One period of one kind; shared by every form and organization."""

    kind = models.CharField(_("kind"), max_length=12, choices=PeriodKind.choices)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    label = models.CharField(_("label"), max_length=60)

    class Meta:
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        ordering = ["-end", "start"]
        constraints = [models.UniqueConstraint(fields=["kind", "start"], name="period_kind_start_unique")]
        indexes = [models.Index(fields=["kind", "start", "end"], name="period_kind_range_idx")]

    def __str__(self):
        return self.label

    @property
    def year(self) -> int:
        return self.start.year

    def deadline(self, form) -> datetime.date:
        return self.end + datetime.timedelta(days=form.deadline_days)
