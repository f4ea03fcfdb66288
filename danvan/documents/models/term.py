import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PartyTermQuerySet(models.QuerySet):
    def covering(self, day: datetime.date):
        """The terms whose period contains ``day`` (at most one when the data is consistent)."""
        return self.filter(start__lte=day, end__gte=day)


class PartyTerm(models.Model):
    """A term (nhiệm kỳ) of the Party committees, e.g. 2020–2025. Document numbers restart at 01 for
    each document type in each term. Editable data: the default rows come from a data migration."""

    name = models.CharField(pgettext_lazy("party term", "name"), max_length=50, unique=True)
    start = models.DateField(_("start date"))
    end = models.DateField(_("end date"))

    objects = PartyTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("Party term")
        verbose_name_plural = _("Party terms")
        ordering = ["-start"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start and self.end:
            if self.end < self.start:
                raise ValidationError({"end": _("The end date of a term must be after its start date.")})
            overlapping = PartyTerm.objects.filter(start__lte=self.end, end__gte=self.start).exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError(_("This term overlaps the term %(name)s.") % {"name": overlapping.first()})
