"""Roll-up aggregates: a form's figures already combined per area, month and kind of organization,
kept up to date in the same transaction as every change to what a roll-up counts
(``danvan.reports.domain.rollups``; docs/reports.md "Roll-up aggregates").

Rows exist for the areas of level province and district (current and legacy) and for the nation
(``area`` 0). A report counts in the rows of every such area whose ``AreaReach`` subtree holds its
organization's area, so a 2023 report of a legacy Yên Bái unit is in legacy Yên Bái's rows and in new
Lào Cai's rows, as the raw roll-up counts it.
"""

from django.db import models

NATION = 0  # the ``area`` of the rows that count every area


class RollupCell(models.Model):
    """The values of one indicator code over the counted reports of one (area, form, period, kind):
    their sum, their number (the mean is ``total / n``) and their largest (``top``)."""

    area = models.IntegerField()  # an ``Area`` id, or NATION (0); no foreign key, so that 0 fits
    form = models.ForeignKey("reports.Form", on_delete=models.CASCADE, related_name="+", db_index=False)
    period = models.ForeignKey("reports.Period", on_delete=models.CASCADE, related_name="+", db_index=False)
    kind = models.CharField(max_length=32)  # the organization's kind
    code = models.CharField(max_length=30)  # the indicator code, shared by every version of the form
    total = models.DecimalField(max_digits=30, decimal_places=4, default=0)
    n = models.IntegerField(default=0)
    top = models.DecimalField(max_digits=20, decimal_places=4, null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["area", "form", "period", "kind", "code"],
                                               name="rollup_cell_key")]


class RollupCount(models.Model):
    """The number of counted reports of one (area, form, period, kind)."""

    area = models.IntegerField()
    form = models.ForeignKey("reports.Form", on_delete=models.CASCADE, related_name="+", db_index=False)
    period = models.ForeignKey("reports.Period", on_delete=models.CASCADE, related_name="+", db_index=False)
    kind = models.CharField(max_length=32)
    reports = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["area", "form", "period", "kind"], name="rollup_count_key")]
