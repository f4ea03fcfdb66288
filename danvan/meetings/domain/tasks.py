"""Domain actions on follow-up tasks: creation from a conclusion, progress updates, transitions."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.meetings.models import Conclusion, FollowUpTask, TaskAssignment, TaskStatus, TaskUpdate

# Allowed status changes; anything else is refused.
TRANSITIONS = {
    TaskStatus.NOT_STARTED: {TaskStatus.IN_PROGRESS, TaskStatus.DONE},
    TaskStatus.IN_PROGRESS: {TaskStatus.DONE},
    TaskStatus.DONE: {TaskStatus.IN_PROGRESS},
}
EVIDENCE_TYPES = {"pdf", "docx", "doc", "xlsx", "jpg", "jpeg", "png"}
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024


def check_file(file, *, field: str = "evidence", allowed=EVIDENCE_TYPES, max_bytes=EVIDENCE_MAX_BYTES) -> None:
    """Refuse a file of the wrong type or size (message names the field)."""
    name = getattr(file, "name", "") or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in allowed:
        raise ValidationError({field: _("File type not accepted; use one of: %(types)s.") % {
            "types": ", ".join(sorted(allowed))}})
    if getattr(file, "size", 0) > max_bytes:
        raise ValidationError({field: _("The file is larger than %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)}})


@transaction.atomic
def create_task(*, actor, conclusion: Conclusion, title: str, assignees, due_date: datetime.date,
                description: str = "") -> FollowUpTask:
    """Turn a conclusion into a task assigned to one or more organizations.

    Effects: inserts the ``FollowUpTask`` (organizer = the meeting's organization) and one
    ``TaskAssignment`` per assignee; "create" audit event. Raises ``ValidationError`` when there is
    no assignee, no title or no due date."""
    assignees = list(assignees or [])
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Enter the task.")
    if not assignees:
        errors["assignees"] = _("Choose at least one organization to carry out the task.")
    if not due_date:
        errors["due_date"] = _("Enter the due date.")
    if errors:
        raise ValidationError(errors)
    meeting = conclusion.meeting
    task = FollowUpTask.objects.create(conclusion=conclusion, meeting=meeting, organization_id=meeting.organization_id,
                                       title=title.strip(), description=description, due_date=due_date)
    TaskAssignment.objects.bulk_create([TaskAssignment(task=task, organization=org) for org in assignees])
    audit.record(actor, "create", task, changes=audit.diff({}, audit.snapshot(task)))
    return task


@transaction.atomic
def report_progress(*, actor, task: FollowUpTask, status: str, progress: int, note: str, on: datetime.date,
                    organization=None, evidence=None, expected_version: int | None = None) -> TaskUpdate:
    """Record a dated update of a task and move its status.

    Effects: inserts a ``TaskUpdate`` (with the evidence file); updates the task's status, progress
    (100 when done) and ``completed_on`` (set when done, cleared when reopened), bumps ``version``;
    "action" audit event. Raises ``ValidationError`` (nothing changed) for a refused transition
    (e.g. back to "not started"), a progress outside 0–100, a missing note, a bad file, or a
    concurrent edit."""
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
    if evidence:
        check_file(evidence)
    progress = 100 if status == TaskStatus.DONE else int(progress)
    if status == TaskStatus.IN_PROGRESS and progress == 100:
        raise ValidationError({"progress": _("A task in progress cannot be at 100%; mark it done instead.")})
    update = TaskUpdate(task=locked, on=on, author=actor if getattr(actor, "pk", None) else None,
                        organization=organization, status=status, progress=progress, note=note.strip())
    if evidence:
        update.evidence.save(getattr(evidence, "name", "minh-chung"), evidence, save=False)
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
