from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.files import RandomName


class Job(models.Model):
    """A long piece of work (an import, an export, a batch) run by a background task.

    The task updates ``done``/``total`` as it goes; the job page polls it (htmx) to show progress.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Finished")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("job kind"), max_length=60)
    title = models.CharField(_("job title"), max_length=255)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    organization = models.ForeignKey("orgs.Organization", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    params = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    message = models.TextField(_("message text"), blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    result_file = models.FileField(_("result file"), upload_to=RandomName("jobs"), max_length=200, blank=True)
    result_name = models.CharField(max_length=200, blank=True)
    input_file = models.FileField(upload_to=RandomName("jobs/input"), max_length=200, blank=True)
    input_name = models.CharField(max_length=200, blank=True)
    # Written by the running task (at least every few seconds of work); a running job whose
    # heartbeat is older than DANVAN_JOB_STALE_SECONDS had its worker die and is marked failed.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background job")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    @property
    def percent(self) -> int:
        if self.status == self.Status.SUCCEEDED:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.SUCCEEDED, self.Status.FAILED}
