"""Domain actions on follow-up tasks: creation from a conclusion, progress updates, transitions.

Rights are checked here (``NotAllowed``), whoever calls; ``actor`` None is the system (demo)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import files
from danvan.core.domain import audit
from danvan.core.domain.editing import edit
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


def every_organization(actor, *, kind: str, area, level: str = "") -> list:
    """Every current organization of ``kind`` located in ``area``'s subtree (at ``level`` — "commune",
    "district", "province" — when given) that ``actor`` sees: the assignees of "every commune's MTTQ
    committee" in one action."""
    from danvan.orgs.models import Organization

    qs = Organization.objects.current().filter(kind=kind).in_area(area, history=False)
    if level:
        qs = qs.filter(area__level=level)
    if actor is not None:
        qs = qs.for_user(actor)
    return list(qs.order_by("name_sort", "id"))


@transaction.atomic
def create_task(*, actor, conclusion: Conclusion, title: str, assignees, due_date: datetime.date,
                description: str = "", every_kind: str = "", every_area=None, every_level: str = "") -> FollowUpTask:
    """Turn a conclusion into a task assigned to one or more organizations — those named in
    ``assignees`` and, with ``every_kind`` and ``every_area``, every organization of that kind in that
    area (``every_organization``; at ``every_level``), each with its own status and progress.

    Effects: inserts the ``FollowUpTask`` (organizer = the meeting's organization) and one
    ``TaskAssignment`` per assignee; "create" audit event; a notification to the staff of every
    assignee other than the organizer (``notify_assigned``). Raises ``NotAllowed`` unless ``actor`` may
    change the meeting and sees every assignee, ``ValidationError`` when there is no assignee, no
    title, no due date or a due date before the meeting (``task_checks.check_due_date``)."""
    assignees = list(assignees or [])
    require_meeting(actor, conclusion.meeting)
    if every_kind:
        if every_area is None:
            raise ValidationError({"every_area": _("Choose the area whose organizations of this kind get the task.")})
        found = every_organization(actor, kind=every_kind, area=every_area, level=every_level)
        if not found:
            raise ValidationError({"every_kind": _("No organization of this kind in %(area)s.") % {
                "area": every_area.full_name}})
        known = {o.pk for o in assignees}
        assignees += [o for o in found if o.pk not in known]
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


def _assignment_for(task: FollowUpTask, organization, actor):
    """The assignment an update is about: ``organization``'s, or the only one of the task. Refused
    (``ValidationError`` on ``organization``) when it is not an assignee, or when it is missing and the
    task has several assignees."""
    assignments = list(task.assignments.select_related("organization"))
    if organization is not None:
        found = next((a for a in assignments if a.organization_id == organization.pk), None)
        if found is None:
            raise ValidationError({"organization": _("%(org)s is not assigned this task.") % {
                "org": organization.name}})
        return found
    if len(assignments) == 1:
        return assignments[0]
    raise ValidationError({"organization": _("Choose the assigned organization whose progress you report.")})


def _roll_up(locked: FollowUpTask) -> None:
    """The task's status and progress from its assignments: done when every assignee is done (on the
    last one's date), in progress once one has started, the progress their mean."""
    rows = list(TaskAssignment._base_manager.filter(task_id=locked.pk).values_list("status", "progress",
                                                                                    "completed_on"))
    statuses = {status for status, _p, _d in rows}
    if rows and statuses == {TaskStatus.DONE}:
        locked.status, locked.progress = TaskStatus.DONE, 100
        locked.completed_on = max(d for _s, _p, d in rows if d)
        return
    locked.status = TaskStatus.NOT_STARTED if statuses <= {TaskStatus.NOT_STARTED} else TaskStatus.IN_PROGRESS
    locked.progress = round(sum(p for _s, p, _d in rows) / len(rows)) if rows else 0
    if locked.status == TaskStatus.IN_PROGRESS and locked.progress == 100:
        locked.progress = 99
    locked.completed_on = None


@transaction.atomic
def report_progress(*, actor, task: FollowUpTask, status: str, progress: int, note: str, on: datetime.date,
                    organization=None, evidence=None, expected_version: int | None = None) -> TaskUpdate:
    """Record a dated update of one assignee's work on a task and move that assignee's status.

    Each assignee has its own status and progress (``TaskAssignment``); the update is about
    ``organization`` (an assignee; may be omitted when the task has one). Effects: inserts a
    ``TaskUpdate`` (with the evidence file, checked by content and size and stored under a random
    name); updates the assignment's status, progress (100 when done), ``completed_on`` (set when done,
    cleared when reopened) and ``updated_on``; then the task's status and progress derived from all its
    assignments (``_roll_up``), bumps the task's ``version`` and audits the changed fields
    (``core.domain.editing.edit``). Raises ``ValidationError`` (nothing changed) for a refused transition
    (e.g. back to "not started"), a progress outside 0–100, a missing note, a date in the future or "done" below 100%
    (``task_checks.check_update``), a bad file, an organization
    that is not an assignee; ``StaleVersion`` for a concurrent edit; ``NotAllowed`` unless ``actor`` may
    change the task (as its organizer or an assignee) and sees the reporting organization."""
    require(actor, "change", task, _("You may not report on this task."))
    if organization is not None:
        require(actor, "view", organization, _("This organization is not in your scope."), field="organization")
    stale = _("This task was just updated by someone else. Reload the page and try again.")
    with edit(task, actor=actor, expected_version=expected_version, stale=stale, action="action") as locked:
        assignment = _assignment_for(locked, organization, actor)
        assignment = TaskAssignment._base_manager.select_for_update().get(pk=assignment.pk)
        if status != assignment.status and status not in TRANSITIONS.get(assignment.status, set()):
            raise ValidationError({"status": _("A task cannot go from “%(old)s” to “%(new)s”.") % {
                "old": assignment.get_status_display(),
                "new": TaskStatus(status).label if status in TaskStatus.values else status}})
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
                            organization=assignment.organization, status=status, progress=progress,
                            note=note.strip())
        if evidence:
            update.evidence_name = files.original_name(evidence)
            files.store(update.evidence, evidence)
        update.save()
        assignment.status, assignment.progress, assignment.updated_on = status, progress, on
        assignment.completed_on = on if status == TaskStatus.DONE else None
        assignment.save(update_fields=["status", "progress", "completed_on", "updated_on"])
        _roll_up(locked)
    return update
