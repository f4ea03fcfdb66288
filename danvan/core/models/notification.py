from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One message in one user's inbox (the bell in the header, the page ``/thong-bao/``).

    Every module writes it through ``danvan.core.domain.notifications.notify``; ``key`` makes a message
    go out once per user (a reminder job may run many times a day). ``kind`` says which module and event
    it came from (``reports.returned``, ``meetings.task_assigned``…), for filtering and tests."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    key = models.CharField(max_length=150)
    message = models.CharField(_("message"), max_length=500)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="core_notification_once")]
        indexes = [models.Index(fields=["user", "read_at"], name="core_notification_unread_idx")]

    def __str__(self) -> str:
        return self.message
