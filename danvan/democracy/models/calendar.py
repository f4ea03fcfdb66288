"""Public holidays, as data: the days the 5-working-day rule does not count (Bộ luật Lao động 2019, Điều
112). One row per day off and year (the lunar new year and the Hùng Kings' day move every year, and the
Government fixes the days off around them), edited by an administrator in the admin site."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicHoliday(models.Model):
    day = models.DateField(_("day"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    unconfirmed = models.BooleanField(_("to confirm"), default=False, help_text=_(
        "A day seeded ahead of the Government's notice of the year's days off; check it and untick."))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.name}"
