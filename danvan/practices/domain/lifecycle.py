"""The life cycle of a practice: one keyword-only function per transition.

nháp → đã đăng ký → đang thực hiện → đã đánh giá → công nhận | không công nhận; tiêu biểu on a
recognized practice. Each function checks the transition and the actor's rights, refuses with a
Vietnamese reason through the typed refusals of ``danvan.core.domain.refusals`` (``NotAllowed``: the
actor's rights; ``WrongState``: the status, an incomplete registration or a passed deadline;
``ValidationError`` by field: the decision's level, number, date, the reason), and records who, when
and why (``PracticeEvent`` and the audit trail). Views and the API call them through the dispatcher
``danvan.practices.domain.actions``.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.refusals import NotAllowed, WrongState
from danvan.orgs.scope import can
from danvan.places.models.area import LEGACY_END
from danvan.practices.domain.permissions import covering_memberships, may_approve, may_evaluate
from danvan.practices.models import Practice, PracticeEvent, RecognitionLevel, Status

ALLOWED = {
    Status.DRAFT: {Status.REGISTERED},
    Status.REGISTERED: {Status.IN_PROGRESS},
    Status.IN_PROGRESS: {Status.EVALUATED},
    Status.EVALUATED: {Status.EVALUATED, Status.RECOGNIZED, Status.NOT_RECOGNIZED},
    Status.RECOGNIZED: set(),
    Status.NOT_RECOGNIZED: set(),
}


TransitionRefused = (NotAllowed, WrongState, ValidationError)
"""Every way a life-cycle step can be refused (for ``except``)."""


def _lock(practice: Practice) -> Practice:
    locked = Practice.objects.unscoped("domain lock by primary key").select_for_update(of=("self",)).select_related("organization", "campaign")
    return locked.get(pk=practice.pk)


def _check_step(locked: Practice, target: str) -> None:
    if target not in ALLOWED[locked.status]:
        raise WrongState(
            _("A model with status “%(current)s” cannot move to “%(target)s”.")
            % {"current": locked.get_status_display(), "target": Status(target).label}, code="transition")


def _move(practice: Practice, locked: Practice, *, actor, action: str, target: str, reason: str,
          extra_fields: tuple = ()) -> Practice:
    source = locked.status
    locked.status = target
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at", *extra_fields])
    PracticeEvent.objects.create(practice=locked, actor=actor if getattr(actor, "pk", None) else None,
                                 action=action, from_status=source, to_status=target, reason=reason)
    audit.record(actor, "action", locked, changes={"status": [source, target]}, message=reason or action)
    practice.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return practice


@transaction.atomic
def register_practice(*, practice: Practice, actor, today: datetime.date | None = None) -> Practice:
    """Register a draft practice with the body that launched the movement (nháp → đã đăng ký).

    Effects: sets ``status`` to registered and ``registered_on`` to today, bumps ``version``, writes a
    ``PracticeEvent`` ("register") and an audit event. Refuses when the actor may not change the
    registering organization, when the practice is not a draft, when a required registration item is
    empty, or when the campaign's registration deadline has passed.
    """
    locked = _lock(practice)
    if not can(actor, "change", locked.organization):
        raise NotAllowed(_("You may not register models for this organization."))
    _check_step(locked, Status.REGISTERED)
    if not (locked.situation.strip() and locked.goals.strip() and locked.content.strip()):
        raise WrongState(
            _("Fill in “Current situation and reason”, “Goals and criteria” and “Content and method” "
              "before registering."), code="incomplete")
    today = today or timezone.localdate()
    deadline = locked.campaign.registration_deadline if locked.campaign_id else None
    if deadline and today > deadline:
        raise WrongState(
            _("The registration deadline of campaign “%(campaign)s” was %(date)s; it has passed.")
            % {"campaign": locked.campaign.name, "date": deadline.strftime("%d/%m/%Y")}, code="deadline")
    locked.registered_on = today
    return _move(practice, locked, actor=actor, action="register", target=Status.REGISTERED, reason="",
                 extra_fields=("registered_on",))


@transaction.atomic
def start_practice(*, practice: Practice, actor, reason: str = "") -> Practice:
    """Mark a registered practice as carried out (đã đăng ký → đang thực hiện).

    Effects: sets ``status`` to in_progress, bumps ``version``, writes a ``PracticeEvent`` ("start")
    and an audit event. Refuses when the actor may not change the registering organization or the
    practice is not registered.
    """
    locked = _lock(practice)
    if not can(actor, "change", locked.organization):
        raise NotAllowed(_("You may not change models of this organization."))
    _check_step(locked, Status.IN_PROGRESS)
    return _move(practice, locked, actor=actor, action="start", target=Status.IN_PROGRESS, reason=reason)


def mark_evaluated(*, practice: Practice, locked: Practice, actor, reason: str = "") -> Practice:
    """Move a practice to "evaluated" after an evaluation was recorded (called by ``record_evaluation``
    inside its transaction).

    Effects: sets ``status`` to evaluated (if not already), bumps ``version``, writes a
    ``PracticeEvent`` ("evaluate") and an audit event. Refuses when the actor is not an officer or
    leader of a commission or Party committee covering the practice, or the status does not allow it.
    """
    if not may_evaluate(actor, locked):
        raise NotAllowed(
            _("Only a dân vận commission or Party committee whose area covers this model may evaluate it."))
    _check_step(locked, Status.EVALUATED)
    return _move(practice, locked, actor=actor, action="evaluate", target=Status.EVALUATED, reason=reason)


def _check_approver(actor, locked: Practice) -> None:
    if not may_approve(actor, locked):
        raise NotAllowed(
            _("Only a leader of a dân vận commission or Party committee whose area covers this model may "
              "decide on its recognition."))


@transaction.atomic
def recognize_practice(*, practice: Practice, actor, level: str, decision_number: str,
                       decision_date: datetime.date, reason: str = "") -> Practice:
    """Recognize an evaluated practice (đã đánh giá → công nhận) at ``level`` by a decision.

    Effects: sets ``status`` to recognized, ``level``, ``decision_number`` and ``decision_date``,
    bumps ``version``, writes a ``PracticeEvent`` ("recognize") and an audit event. Refuses when the
    actor is not a leader (action "approve") of a commission or Party committee covering the
    practice, when the practice is not evaluated, when the decision number or date is missing or the
    date is in the future, when the district level is chosen for a decision after 30/06/2025 (no
    district level since the reform), or when a provincial or central level is chosen by a leader of
    a commune-level body.
    """
    locked = _lock(practice)
    _check_approver(actor, locked)
    _check_step(locked, Status.RECOGNIZED)
    if level not in RecognitionLevel.values:
        raise ValidationError({"level": _("Choose a recognition level.")}, code="level")
    if not decision_number.strip() or decision_date is None:
        raise ValidationError({"decision_number": _("Enter the number and date of the recognition decision.")}, code="decision")
    if decision_date > timezone.localdate():
        raise ValidationError({"decision_date": _("The decision date cannot be in the future.")}, code="decision")
    if level == RecognitionLevel.DISTRICT and decision_date > LEGACY_END:
        raise ValidationError({"level": _("The district level existed only until 30/06/2025; choose the grassroots or provincial level.")}, code="level")
    if level in {RecognitionLevel.PROVINCE, RecognitionLevel.CENTRAL} and not actor.is_superuser and not any(
        m.organization.area.level == "province" for m in covering_memberships(actor, "approve", locked.organization)
    ):
        raise ValidationError({"level": _("Only a leader of a provincial body may record a provincial or central recognition.")}, code="level")
    locked.level = level
    locked.decision_number = decision_number.strip()
    locked.decision_date = decision_date
    return _move(practice, locked, actor=actor, action="recognize", target=Status.RECOGNIZED, reason=reason,
                 extra_fields=("level", "decision_number", "decision_date"))


@transaction.atomic
def reject_practice(*, practice: Practice, actor, reason: str) -> Practice:
    """Decide not to recognize an evaluated practice (đã đánh giá → không công nhận).

    Effects: sets ``status`` to not_recognized, bumps ``version``, writes a ``PracticeEvent``
    ("reject") with the reason and an audit event. Refuses when the actor is not a covering leader,
    when the practice is not evaluated, or when no reason is given.
    """
    locked = _lock(practice)
    _check_approver(actor, locked)
    _check_step(locked, Status.NOT_RECOGNIZED)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason why the model is not recognized.")}, code="reason")
    return _move(practice, locked, actor=actor, action="reject", target=Status.NOT_RECOGNIZED, reason=reason.strip())


@transaction.atomic
def set_outstanding(*, practice: Practice, actor, outstanding: bool, reason: str = "") -> Practice:
    """Choose a recognized practice as outstanding (tiêu biểu), or withdraw the choice.

    Effects: sets ``is_outstanding``, bumps ``version``, writes a ``PracticeEvent`` ("outstanding" or
    "not_outstanding", status unchanged) and an audit event. Refuses when the actor is not a
    covering leader or the practice is not recognized.
    """
    locked = _lock(practice)
    _check_approver(actor, locked)
    if locked.status != Status.RECOGNIZED:
        raise WrongState(_("Only a recognized model can be chosen as outstanding."), code="transition")
    locked.is_outstanding = outstanding
    locked.version += 1
    locked.save(update_fields=["is_outstanding", "version", "updated_at"])
    action = "outstanding" if outstanding else "not_outstanding"
    PracticeEvent.objects.create(practice=locked, actor=actor, action=action, from_status=locked.status,
                                 to_status=locked.status, reason=reason)
    audit.record(actor, "action", locked, changes={"is_outstanding": [str(not outstanding), str(outstanding)]},
                 message=reason or action)
    practice.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return practice
