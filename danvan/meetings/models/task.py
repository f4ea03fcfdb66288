import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.files import RandomName
from danvan.core.text import folded_key
from danvan.orgs.scoping import ScopedManager, ScopedModel, ScopedQuerySet, scoped_manager_for


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


def overdue_q(today: datetime.date | None = None) -> Q:
    """Tasks that are overdue on ``today``: not done and past their due date (derived, never stored)."""
    return ~Q(status=TaskStatus.DONE) & Q(due_date__lt=today or timezone.localdate())


def late_q() -> Q:
    """Tasks done after their due date."""
    return Q(status=TaskStatus.DONE, completed_on__gt=models.F("due_date"))


class TaskQuerySet(ScopedQuerySet):
    def overdue(self, today=None):
        return self.filter(overdue_q(today))

    def open(self):
        return self.exclude(status=TaskStatus.DONE)


class FollowUpTask(ScopedModel, models.Model):
    """A task that comes from a conclusion of a meeting, assigned to one or more organizations.

    ``organization`` is the organizer's (the meeting's) organization; assignees see the task through
    ``TaskAssignment``. Overdue is derived from ``due_date`` and ``status``."""

    conclusion = models.ForeignKey("meetings.Conclusion", verbose_name=_("conclusion"), on_delete=models.PROTECT,
                                   related_name="tasks")
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="tasks", editable=False)
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+", editable=False)
    title = models.CharField(_("task"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    assignees = models.ManyToManyField("orgs.Organization", through="meetings.TaskAssignment",
                                       verbose_name=_("assigned organizations"), related_name="assigned_tasks")
    due_date = models.DateField(_("due date"), db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices,
                              default=TaskStatus.NOT_STARTED, db_index=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    title_folded = models.CharField(max_length=400, editable=False, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager_for(TaskQuerySet)(via=("organization", "assignments__organization"))

    class Meta:
        verbose_name = _("follow-up task")
        verbose_name_plural = _("follow-up tasks")
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(fields=["organization", "status", "due_date"], name="task_org_status_idx"),
            models.Index(fields=["meeting", "status"], name="task_meeting_status_idx"),
            # Covers the organizer's overview (the scope's organizations, grouped by meeting and status,
            # counting overdue and late) without reading the table.
            models.Index(fields=["organization", "meeting", "status", "due_date", "completed_on"],
                         name="task_org_overview_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title_folded = folded_key(self.title)
        super().save(*args, **kwargs)

    def is_overdue(self, today=None) -> bool:
        return self.status != TaskStatus.DONE and self.due_date < (today or timezone.localdate())

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def late(self) -> bool:
        return self.status == TaskStatus.DONE and bool(self.completed_on) and self.completed_on > self.due_date

    @property
    def status_label(self) -> str:
        return str(_("Overdue")) if self.overdue else self.get_status_display()


class TaskAssignment(ScopedModel, models.Model):
    """One assignee of a task, with its own status and progress (each reports for itself; the task's
    status and progress are derived from its assignments by ``report_progress``)."""

    task = models.ForeignKey(FollowUpTask, on_delete=models.CASCADE, related_name="assignments")
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="task_assignments")
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    updated_on = models.DateField(_("last update"), null=True, blank=True)

    objects = ScopedManager(via=("task__organization", "organization"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task", "organization"], name="task_assignment_unique")]
        indexes = [models.Index(fields=["organization", "task"], name="task_assignee_idx")]


class TaskUpdate(ScopedModel, models.Model):
    """A dated progress update of a task, with optional evidence."""

    task = models.ForeignKey(FollowUpTask, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField(_("date"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    organization = models.ForeignKey("orgs.Organization", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    note = models.TextField(_("what was done"))
    evidence = models.FileField(_("evidence"), upload_to=RandomName("tasks"), max_length=200, blank=True)
    evidence_name = models.CharField(_("file name"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(via=("task__organization", "task__assignments__organization"))

    class Meta:
        ordering = ["-on", "-id"]
