"""Report forms (biểu mẫu) as data: a form, its versions, their sections, indicators and rules."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.orgs.models import Kind as OrgKind


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    HALF = "half", _("6 months")
    NINE_MONTHS = "nine_months", _("9 months")
    YEAR = "year", _("Year")
    ROLLING_12 = "rolling_12", _("12 months to date")  # derived only: no form is reported for it


REPORTED_PERIOD_KINDS = [k for k in PeriodKind.choices if k[0] != PeriodKind.ROLLING_12]


class Form(models.Model):
    """A report form, e.g. "Báo cáo công tác dân vận". Its content lives in versions; a report points
    at the version it was filled with, so changing a form never changes a report already written."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    period_kinds = models.JSONField(_("period kinds"), default=list)
    applies_to_kinds = models.JSONField(_("organization kinds that report"), default=list)
    deadline_days = models.PositiveSmallIntegerField(_("deadline (days after the period ends)"), default=5)
    grace_days = models.PositiveSmallIntegerField(
        _("on-time window (days after the deadline still counted on time)"), default=0
    )
    remind_days_before = models.PositiveSmallIntegerField(_("remind days before the deadline"), default=3)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("report form")
        verbose_name_plural = _("report forms")
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def current_version(self):
        return self.versions.filter(is_current=True).order_by("-number").first()

    def kind_labels(self) -> list[str]:
        labels = dict(OrgKind.choices)
        return [str(labels.get(k, k)) for k in self.applies_to_kinds]


class FormVersion(models.Model):
    form = models.ForeignKey(Form, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    is_current = models.BooleanField(_("current"), default=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        constraints = [models.UniqueConstraint(fields=["form", "number"], name="form_version_unique")]
        ordering = ["form_id", "-number"]

    def __str__(self):
        return f"{self.form.name} (v{self.number})"


class Section(models.Model):
    """A narrative section of a form version (I. Dân vận của cấp ủy, ...); indicators hang under it."""

    version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="sections")
    code = models.CharField(_("code"), max_length=30)
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    has_narrative = models.BooleanField(_("has narrative text"), default=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["version_id", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="section_code_unique")]

    def __str__(self):
        return self.title


class ValueType(models.TextChoices):
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    PERCENT = "percent", _("Percent")
    MONEY = "money", _("Money (VND)")
    TEXT = "text", _("Text")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum")
    AVG = "avg", _("Average")
    MAX = "max", _("Maximum")
    LATEST = "latest", _("Latest value")
    NONE = "none", _("Not combined")


class Indicator(models.Model):
    """One figure of a form version. Its ``code`` is stable across versions: roll-ups group by it."""

    version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="indicators")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    value_type = models.CharField(_("value type"), max_length=10, choices=ValueType.choices,
                                  default=ValueType.INTEGER)
    aggregation = models.CharField(_("aggregation"), max_length=10, choices=Aggregation.choices,
                                   default=Aggregation.SUM)
    min_value = models.DecimalField(_("minimum"), max_digits=20, decimal_places=4, null=True, blank=True)
    max_value = models.DecimalField(_("maximum"), max_digits=20, decimal_places=4, null=True, blank=True)
    required = models.BooleanField(_("required to submit"), default=False)
    applies_to_kinds = models.JSONField(_("organization kinds (empty: all)"), default=list, blank=True)
    applies_to_areas = models.ManyToManyField("places.Area", blank=True, verbose_name=_("areas (empty: all)"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["version_id", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="indicator_code_unique")]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def is_numeric(self) -> bool:
        return self.value_type != ValueType.TEXT

    @property
    def decimals(self) -> int:
        return 2 if self.value_type in (ValueType.DECIMAL, ValueType.PERCENT) else 0


class IndicatorRule(models.Model):
    """A relation between two indicators, kept as data: ``left operator right`` must hold."""

    class Operator(models.TextChoices):
        LE = "<=", "≤"
        LT = "<", "<"
        GE = ">=", "≥"
        GT = ">", ">"
        EQ = "==", "="

    version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="rules")
    left_code = models.CharField(_("left indicator"), max_length=30)
    operator = models.CharField(_("operator"), max_length=2, choices=Operator.choices, default=Operator.LE)
    right_code = models.CharField(_("right indicator"), max_length=30)
    message = models.CharField(_("message (Vietnamese)"), max_length=300)

    class Meta:
        verbose_name = _("indicator rule")
        verbose_name_plural = _("indicator rules")

    def __str__(self):
        return f"{self.left_code} {self.operator} {self.right_code}"

    def holds(self, left, right) -> bool:
        return {
            "<=": left <= right, "<": left < right, ">=": left >= right, ">": left > right, "==": left == right,
        }[self.operator]
