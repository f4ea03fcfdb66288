"""Domain actions on follow-up tasks: creation from a conclusion, progress updates, transitions.

Rights are checked here (``NotAllowed``), whoever calls; ``actor`` None is the system (demo)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import files
from danvan.core.domain import audit
from danvan.core.domain.notifications import notify
from danvan.meetings.domain.meetings import require_meeting
from danvan.meetings.domain.task_checks import check_due_date, check_update
from danvan.meetings.models import Conclusion, FollowUpTask, TaskAssignment, TaskStatus, TaskUpdate
from danvan.orgs.queries.members import members_of
from danvan.orgs.scope import require

# Allowed status changes; anything else is refused.
TRANSITIONS = {
    TaskStatus.NOT_STARTED: {TaskStatus.IN_PROGRESS, TaskStatus.DONE},
    TaskStatus.IN_PROGRESS: {TaskStatus.DONE},
    TaskStatus.DONE: {TaskStatus.IN_PROGRESS},
}


@transaction.atomic
def create_task(*, actor, conclusion: Conclusion, title: str, assignees, due_date: datetime.date,
                description: str = "") -> FollowUpTask:
    """Turn a conclusion into a task assigned to one or more organizations.

    Effects: inserts the ``FollowUpTask`` (organizer = the meeting's organization) and one
    ``TaskAssignment`` per assignee; "create" audit event; a notification to the staff of every
    assignee other than the organizer (``notify_assigned``). Raises ``NotAllowed`` unless ``actor`` may
    change the meeting and sees every assignee, ``ValidationError`` when there is no assignee, no
    title, no due date or a due date before the meeting (``task_checks.check_due_date``)."""
    assignees = list(assignees or [])
    require_meeting(actor, conclusion.meeting)
    for org in assignees:
        require(actor, "view", org, _("%(org)s is not in your scope.") % {"org": org.name}, field="assignees")
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Enter the task.")
    if not assignees:
        errors["assignees"] = _("Choose at least one organization to carry out the task.")
    if not due_date:
        errors["due_date"] = _("Enter the due date.")
    if errors:
        raise ValidationError(errors)
    check_due_date(conclusion.meeting, due_date)
    meeting = conclusion.meeting
    task = FollowUpTask.objects.create(conclusion=conclusion, meeting=meeting, organization_id=meeting.organization_id,
                                       title=title.strip(), description=description, due_date=due_date)
    TaskAssignment.objects.bulk_create([TaskAssignment(task=task, organization=org) for org in assignees])
    audit.record(actor, "create", task, changes=audit.diff({}, audit.snapshot(task)))
    notify_assigned(task, assignees)
    return task


def notify_assigned(task: FollowUpTask, assignees) -> int:
    """Tell the staff of each assignee that a task is theirs. Effects: ``notify`` (once per task)."""
    message = _("%(org)s assigned your organization a task due %(date)s: %(title)s") % {
        "org": task.meeting.organization.name, "date": task.due_date.strftime("%d/%m/%Y"), "title": task.title}
    return notify(users=members_of([o.pk for o in assignees if o.pk != task.organization_id]),
                  kind="meetings.task_assigned", key=f"task:{task.pk}:assigned", message=message,
                  url=reverse("task_detail", args=[task.pk]))


@transaction.atomic
def report_progress(*, actor, task: FollowUpTask, status: str, progress: int, note: str, on: datetime.date,
                    organization=None, evidence=None, expected_version: int | None = None) -> TaskUpdate:
    """Record a dated update of a task and move its status.

    Effects: inserts a ``TaskUpdate`` (with the evidence file, checked by content and size and stored
    under a random name); updates the task's status, progress
    (100 when done) and ``completed_on`` (set when done, cleared when reopened), bumps ``version``;
    "action" audit event. Raises ``ValidationError`` (nothing changed) for a refused transition
    (e.g. back to "not started"), a progress outside 0–100, a missing note, a date in the future or
    "done" below 100% (``task_checks.check_update``), a bad file, or a
    concurrent edit; ``NotAllowed`` unless ``actor`` may change the task (as its organizer or an
    assignee) and sees the reporting organization."""
    require(actor, "change", task, _("You may not report on this task."))
    if organization is not None:
        require(actor, "view", organization, _("This organization is not in your scope."), field="organization")
    locked = FollowUpTask.objects.unscoped("domain lock by primary key").select_for_update().get(pk=task.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(_("This task was just updated by someone else. Reload the page and try again."),
                              code="conflict")
    if status != locked.status and status not in TRANSITIONS.get(locked.status, set()):
        raise ValidationError({"status": _("A task cannot go from “%(old)s” to “%(new)s”.") % {
            "old": locked.get_status_display(), "new": TaskStatus(status).label if status in TaskStatus.values
            else status}})
    if progress is None or not 0 <= int(progress) <= 100:
        raise ValidationError({"progress": _("Progress must be between 0 and 100%.")})
    if not (note or "").strip():
        raise ValidationError({"note": _("Describe what was done.")})
    check_update(status=status, progress=progress, on=on)
    if evidence:
        files.check_upload(evidence, allowed=files.DOCUMENTS, field="evidence")
    progress = 100 if status == TaskStatus.DONE else int(progress)
    if status == TaskStatus.IN_PROGRESS and progress == 100:
        raise ValidationError({"progress": _("A task in progress cannot be at 100%; mark it done instead.")})
    update = TaskUpdate(task=locked, on=on, author=actor if getattr(actor, "pk", None) else None,
                        organization=organization, status=status, progress=progress, note=note.strip())
    if evidence:
        update.evidence_name = files.original_name(evidence)
        files.store(update.evidence, evidence)
    update.save()
    old = locked.get_status_display()
    locked.status, locked.progress = status, progress
    locked.completed_on = on if status == TaskStatus.DONE else None
    locked.version += 1
    locked.save(update_fields=["status", "progress", "completed_on", "version"])
    audit.record(actor, "action", locked, message=_("%(old)s → %(new)s, %(p)s%%: %(note)s") % {
        "old": old, "new": locked.get_status_display(), "p": progress, "note": note.strip()[:200]})
    task.__dict__.update(locked.__dict__)
    return update
