"""Reports: one per form, period and organization, with values, narratives and a transition log."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.orgs.scoping import ScopedManager, ScopedModel


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")


RECEIVED_STATUSES = (Status.SUBMITTED, Status.APPROVED)
EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)


class Report(ScopedModel, models.Model):
    form_version = models.ForeignKey("reports.FormVersion", verbose_name=_("form"), on_delete=models.PROTECT,
                                     related_name="reports")
    form = models.ForeignKey("reports.Form", on_delete=models.PROTECT, related_name="reports", editable=False)
    period = models.ForeignKey("reports.Period", verbose_name=_("period"), on_delete=models.PROTECT,
                               related_name="reports")
    organization = models.ForeignKey("orgs.Organization", verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="reports")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_compiled = models.BooleanField(_("compiled from the units below"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    returned_reason = models.TextField(_("reason for returning"), blank=True)
    number_line = models.CharField(_("number and symbol"), max_length=60, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    signer_name = models.CharField(_("signer"), max_length=150, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=150, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(via="organization")

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-period__end", "organization__name_sort", "id"]
        constraints = [
            # one report of its own per organization and period, and one compiled report of its area
            models.UniqueConstraint(fields=["form", "period", "organization", "is_compiled"],
                                    name="report_one_per_period"),
        ]
        indexes = [
            # covering: the roll-up selects a period's counted reports (id, organization) from the index alone
            models.Index(fields=["period", "form", "organization", "status", "is_compiled", "id"],
                         name="report_counted_idx"),
            models.Index(fields=["organization", "period"], name="report_org_period_idx"),
        ]

    def __str__(self):
        return f"{self.form_version.form.name} — {self.period.label} — {self.organization.name}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_received(self) -> bool:
        return self.status in RECEIVED_STATUSES

    def is_on_time(self) -> bool | None:
        if not self.submitted_at:
            return None
        form = self.form_version.form
        deadline = self.period.deadline(form) + datetime.timedelta(days=form.grace_days)
        return timezone.localdate(self.submitted_at) <= deadline

    def save(self, *args, **kwargs):
        if self.form_version_id and not self.form_id:
            self.form_id = self.form_version.form_id
        super().save(*args, **kwargs)


class ReportValue(ScopedModel, models.Model):
    """One figure of a report. ``value`` is the figure reported (what the roll-up, the documents, the API
    and the aggregates read). For an indicator with a source (``reports.domain.sources``) ``derived`` is
    the figure counted from the records at the last save or submission; ``correction_note`` is the
    officer's reason when the reported figure is a correction of it (empty: the value follows the
    records, and equals ``derived``)."""

    # no index of its own: report_value_unique and report_value_cover_idx both start with report
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values", db_index=False)
    indicator = models.ForeignKey("reports.Indicator", on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    text = models.TextField(blank=True)
    derived = models.DecimalField(_("figure from the records"), max_digits=20, decimal_places=4, null=True,
                                  blank=True)
    # a database default too: bulk loads (the benchmark's COPY) name only the columns they fill
    correction_note = models.TextField(_("reason for the correction"), blank=True, default="", db_default="")

    objects = ScopedManager(via="report__organization")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="report_value_unique")]
        indexes = [
            # covering: the roll-up's GROUP BY reads a report's values from the index alone
            models.Index(fields=["report", "indicator", "value"], name="report_value_cover_idx"),
        ]

    @property
    def is_corrected(self) -> bool:
        return bool(self.correction_note)

    @property
    def difference(self):
        """The reported figure minus the one from the records (``None`` without both)."""
        if self.value is None or self.derived is None:
            return None
        return self.value - self.derived


class ReportNarrative(ScopedModel, models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="narratives")
    section = models.ForeignKey("reports.Section", on_delete=models.PROTECT, related_name="+")
    html = models.TextField(blank=True)

    objects = ScopedManager(via="report__organization")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "section"], name="report_narrative_unique")]


class ReportEvent(ScopedModel, models.Model):
    """One transition of a report (created, saved, submitted, returned, approved, reopened, compiled)."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        COMPILE = "compile", _("compiled from the units below")
        SUBMIT = "submit", _("submitted")
        RETURN = "return", _("returned")
        APPROVE = "approve", _("approved")
        REOPEN = "reopen", _("reopened")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=10, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    from_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Status.choices)
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via="report__organization")

    class Meta:
        ordering = ["-at", "-id"]
