"""Domain actions on petitions: intake, the steps of their life, and who may read a sender's identity.

Every step is a ``PetitionStep`` (dated, by whom, a register number where a document is issued) and moves
``state``; the clocks are derived (``domain.clocks``). Rights: recording needs "change" on the handling
organization (``NotAllowed``); a step not allowed from the current state is ``WrongState`` (409); bad
data is ``ValidationError`` naming the field; nothing is changed then. ``actor`` None is the system."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.refusals import WrongState
from danvan.core.text import folded_key
from danvan.orgs.models import Role
from danvan.orgs.scope import active_memberships, require
from danvan.voice import clocks
from danvan.voice.models import (
    MASK,
    CaseKind,
    Channel,
    Complexity,
    Field,
    Petition,
    PetitionState,
    PetitionStep,
    PetitionTally,
)

S = PetitionState
PROTECTED = gettext_lazy("the denouncer (identity protected)")

# action: (allowed from, to state or None for "stays", needs a document number)
STEPS = {
    "classify": ({S.RECEIVED}, S.CLASSIFIED, False),
    "guide": ({S.RECEIVED, S.CLASSIFIED}, S.GUIDED, False),
    "transfer": ({S.RECEIVED, S.CLASSIFIED}, S.TRANSFERRED, False),
    "return": ({S.RECEIVED, S.CLASSIFIED}, S.RETURNED, False),
    "file": ({S.RECEIVED, S.CLASSIFIED}, S.FILED, False),
    "accept": ({S.RECEIVED, S.CLASSIFIED}, S.ACCEPTED, True),
    "verify": ({S.ACCEPTED}, S.VERIFICATION, False),
    "dialogue": ({S.VERIFICATION}, S.DIALOGUE, False),
    "decide": ({S.ACCEPTED, S.VERIFICATION, S.DIALOGUE}, S.DECIDED, True),
    "enforce": ({S.DECIDED}, S.ENFORCEMENT, False),
    "close": ({S.DECIDED, S.ENFORCEMENT}, S.CLOSED, False),
    "extend": ({S.ACCEPTED, S.VERIFICATION}, None, True),
    "withdraw": ({S.RECEIVED, S.CLASSIFIED, S.ACCEPTED, S.VERIFICATION, S.DIALOGUE}, S.WITHDRAWN, False),
    "reopen": ({S.DECIDED, S.ENFORCEMENT, S.CLOSED, S.FILED, S.WITHDRAWN}, S.ACCEPTED, True),
}
STEP_LABELS = {
    "receive": gettext_lazy("Receive"), "classify": gettext_lazy("Classify"), "guide": gettext_lazy("Guide"),
    "transfer": gettext_lazy("Transfer"), "return": gettext_lazy("Return"), "file": gettext_lazy("File"),
    "accept": gettext_lazy("Accept"), "verify": gettext_lazy("Start verification"),
    "dialogue": gettext_lazy("Hold a dialogue"), "decide": gettext_lazy("Decide or conclude"),
    "enforce": gettext_lazy("Enforce"), "close": gettext_lazy("Close"), "extend": gettext_lazy("Extend"),
    "withdraw": gettext_lazy("Withdrawal"), "reopen": gettext_lazy("Reopen"),
}


def intake_errors(*, code, received_on, kind, subject, area, channel, field, complexity, instance,
                  signatories) -> dict:
    """The intake rules of one petition as {field: message} (empty when it may be received): the page,
    the API and the spreadsheet import all go through them. Changes nothing."""
    errors = {}
    if not (code or "").strip():
        errors["code"] = _("Enter the tracking code.")
    if not received_on:
        errors["received_on"] = _("Enter the date received.")
    elif received_on > timezone.localdate():
        errors["received_on"] = _("The date received cannot be in the future.")
    if not (subject or "").strip():
        errors["subject"] = _("Enter the subject of the petition.")
    if area is None:
        errors["area"] = _("Choose the area the petition concerns.")
    for name, value, choices in (("kind", kind, CaseKind), ("channel", channel, Channel), ("field", field, Field),
                                 ("complexity", complexity, Complexity)):
        if value not in choices.values:
            errors[name] = _("Choose a value from the list.")
    if instance not in (1, 2):
        errors["instance"] = _("The instance is 1 (first) or 2 (second).")
    if not signatories or int(signatories) < 1:
        errors["signatories"] = _("The number of signatories must be at least 1.")
    return errors


@transaction.atomic
def receive_petition(*, actor, organization, code: str, received_on: datetime.date, kind: str, subject: str, area,
                     channel: str = Channel.IN_PERSON, field: str = Field.OTHER, sender_name: str = "",
                     sender_address: str = "", signatories: int = 1, anonymous: bool = False, instance: int = 1,
                     remote: bool = False, complexity: str = Complexity.NORMAL, within_competence: bool = True,
                     handler=None, transferred_from: str = "", repeat: int = 1, duplicate_of=None,
                     dialogue=None) -> Petition:
    """Receive a petition into ``organization``'s register.

    Effects: inserts the ``Petition`` (state "received", its acceptance due date cached in ``due_on``)
    and its first ``PetitionStep`` ("receive"); adds 1 to its ``PetitionTally``; "create" audit event (without the sender's identity). Raises ``NotAllowed`` unless ``actor`` may
    change ``organization``; ``ValidationError`` naming the field for a missing code, date, subject or
    area, a date in the future, an unknown kind/channel/field/complexity, an instance other than 1 or 2,
    fewer than 1 signatory, or a code already in the register."""
    require(actor, "change", organization, _("You may not record petitions for %(org)s.") % {
        "org": organization.name}, field="organization")
    errors = intake_errors(code=code, received_on=received_on, kind=kind, subject=subject, area=area,
                           channel=channel, field=field, complexity=complexity, instance=instance,
                           signatories=signatories)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            petition = Petition.objects.create(
                organization=organization, code=code.strip(), received_on=received_on, kind=kind,
                subject=subject.strip(), area=area, channel=channel, field=field, sender_name=sender_name.strip(),
                sender_address=sender_address.strip(), signatories=int(signatories), anonymous=anonymous,
                instance=instance, remote=remote, complexity=complexity, within_competence=within_competence,
                handler=handler, transferred_from=transferred_from.strip(), repeat=repeat,
                duplicate_of=duplicate_of, dialogue=dialogue, subject_folded=folded_key(code, subject)[:600])
    except IntegrityError as exc:
        raise ValidationError({"code": _("The register already has a petition with this code.")}) from exc
    _keep_due(petition)
    Petition.objects.unscoped("cache of the derived deadline").filter(pk=petition.pk).update(
        due_on=petition.due_on, due_stage=petition.due_stage)
    tally([(petition.organization_id, petition.area_id, petition.kind, petition.state, 1)])
    PetitionStep.objects.create(petition=petition, action="receive", on=received_on, to_state=S.RECEIVED,
                                actor=actor if getattr(actor, "pk", None) else None)
    audit.record(actor, "create", petition, message=petition.code)
    return petition


@transaction.atomic
def step(petition: Petition, *, actor, action: str, on: datetime.date | None = None, number: str = "",
         note: str = "", expected_version: int | None = None) -> Petition:
    """Record one step of ``petition``'s life (see ``STEPS``).

    Effects: inserts a ``PetitionStep``; moves ``state``; "accept" and "reopen" set ``accepted_on``
    (a reopened case starts a new resolution clock: ``resolved_on`` cleared, extensions back to 0);
    "decide" sets ``resolved_on``; "extend" adds one extension; recomputes the cached due date
    (``due_on``, ``due_stage``); moves one count between ``PetitionTally`` rows when the state changes;
    bumps ``version``; "action" audit events (the changed fields, and the step with its number) through
    ``core.domain.editing.edit``. Raises ``NotAllowed`` (not the handling organization's staff), ``WrongState`` (the step is not
    allowed from the current state), ``ValidationError`` for an unknown step, a missing document number
    where a document is issued, a date before receipt or in the future, an extension of anything but a
    denunciation or beyond what its complexity allows, a dialogue for anything but a complaint, or an
    acceptance of a petition outside the competence; ``StaleVersion`` (409) for a stale ``expected_version``."""
    if action not in STEPS:
        raise ValidationError({"action": _("Unknown step “%(a)s”.") % {"a": action}})
    require(actor, "change", petition, _("You may not handle this petition."))
    with edit(petition, actor=actor, expected_version=expected_version, action="action",
              stale=_("This petition was just changed by someone else. Reload the page and try again.")) as locked:
        from_state = _apply_step(locked, action=action, on=on, number=number)
    PetitionStep.objects.create(petition=locked, action=action, on=on or timezone.localdate(), from_state=from_state,
                                to_state=locked.state, number=(number or "").strip(), note=(note or "").strip(),
                                actor=actor if getattr(actor, "pk", None) else None)
    audit.record(actor, "action", locked, message=f"{STEP_LABELS[action]} {number}".strip())
    return locked


def _apply_step(locked: Petition, *, action: str, on, number: str) -> str:
    """Check and apply one step to the locked petition (not saved); returns the state it left."""
    allowed_from, to_state, needs_number = STEPS[action]
    if locked.state not in allowed_from:
        raise WrongState(_("The petition is “%(state)s”: the step “%(step)s” is not possible now.") % {
            "state": locked.get_state_display(), "step": STEP_LABELS[action]})
    on = on or timezone.localdate()
    errors = {}
    if on < locked.received_on:
        errors["on"] = _("A step cannot come before the petition was received.")
    elif on > timezone.localdate():
        errors["on"] = _("A step cannot be recorded in the future.")
    if needs_number and not (number or "").strip():
        errors["number"] = _("Enter the number of the document issued for this step.")
    if action == "accept" and not locked.within_competence:
        errors["action"] = _("A petition outside the competence is guided, transferred or returned, not accepted.")
    if action == "dialogue" and locked.kind not in (CaseKind.COMPLAINT, CaseKind.MIXED):
        errors["action"] = _("A dialogue is a step of complaints only.")
    if action == "extend":
        clock = clocks.clocks(on).get((locked.kind, 1, "resolve"))
        allowed = clocks.extensions_allowed(clock, locked.complexity) if clock else 0
        if locked.kind != CaseKind.DENUNCIATION:
            errors["action"] = _("Only the resolution of a denunciation can be extended.")
        elif locked.extensions >= allowed:
            errors["action"] = _("No more extension is allowed for a %(c)s case (%(n)s at most).") % {
                "c": locked.get_complexity_display().lower(), "n": allowed}
    if errors:
        raise ValidationError(errors)
    from_state = locked.state
    if to_state is not None:
        locked.state = to_state
    if action in ("accept", "reopen"):
        locked.accepted_on, locked.resolved_on, locked.extensions = on, None, 0
    if action == "decide":
        locked.resolved_on = on
    if action == "extend":
        locked.extensions += 1
    _keep_due(locked)
    if from_state != locked.state:
        tally([(locked.organization_id, locked.area_id, locked.kind, from_state, -1),
               (locked.organization_id, locked.area_id, locked.kind, locked.state, 1)])
    return from_state


def _keep_due(petition: Petition, table=None) -> None:
    """Cache the running clock's due date on ``petition`` (not saved): ``clocks.deadline`` or nothing."""
    due = clocks.deadline(petition, table)
    petition.due_stage, petition.due_on = due if due else ("", None)


def tally(deltas) -> None:
    """Add ``deltas`` [(organization id, area id, kind, state, ±n)] to the ``PetitionTally`` rows in one
    statement (``INSERT … ON CONFLICT DO UPDATE SET n = n + delta``, under the row lock on both
    databases), in key order. Effects: inserts or updates ``PetitionTally`` rows."""
    merged = {}
    for org, area, kind, state, delta in deltas:
        merged[(org, area, str(kind), str(state))] = merged.get((org, area, str(kind), str(state)), 0) + delta
    rows = [(*key, delta) for key, delta in sorted(merged.items()) if delta]
    if not rows:
        return
    table = PetitionTally._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            batch = rows[start:start + 500]
            cursor.execute(
                f"INSERT INTO {table} (organization_id, area_id, kind, state, n) VALUES "
                + ", ".join(["(%s, %s, %s, %s, %s)"] * len(batch))
                + f" ON CONFLICT (organization_id, area_id, kind, state) DO UPDATE SET n = {table}.n + excluded.n",
                [value for row in batch for value in row])


def check_register(*, today: datetime.date | None = None) -> dict:
    """Compare the caches with the register (system check, every organization): the petitions whose
    ``due_on``/``due_stage`` differ from ``clocks.deadline`` today, and the tallies that differ from a
    count of the petitions. Returns {"due": [petition ids], "tally": [(org, area, kind, state, kept, counted)]};
    changes nothing."""
    table = clocks.clocks(today)
    wrong = []
    petitions = Petition.objects.unscoped("system check over every organization").only(
        "id", "state", "kind", "instance", "received_on", "accepted_on", "complexity", "remote", "extensions",
        "due_on", "due_stage")
    for p in petitions.iterator(chunk_size=2000):
        due = clocks.deadline(p, table)
        if (p.due_stage, p.due_on) != (due if due else ("", None)):
            wrong.append(p.pk)
    counted = {(r["organization_id"], r["area_id"], r["kind"], r["state"]): r["n"] for r in
               petitions.order_by().values("organization_id", "area_id", "kind", "state").annotate(n=Count("id"))}
    kept = {(r.organization_id, r.area_id, r.kind, r.state): r.n for r in
            PetitionTally.objects.unscoped("system check over every organization").all()}
    tallies = [(*key, kept.get(key, 0), counted.get(key, 0)) for key in sorted(set(counted) | set(kept))
               if kept.get(key, 0) != counted.get(key, 0)]
    return {"due": wrong, "tally": tallies}


@transaction.atomic
def refresh_deadlines(*, today: datetime.date | None = None, rebuild_tallies: bool = False) -> int:
    """Recompute the cached due date of every petition whose cache differs from the clocks in force
    (after a clock row was added or amended, or a row came into force: the daily job runs this), and
    with ``rebuild_tallies`` rebuild the ``PetitionTally`` rows from the register (after a bulk load).
    Effects: updates ``due_on``/``due_stage`` of those petitions; replaces the tallies when asked.
    Returns how many due dates changed."""
    table = clocks.clocks(today)
    everything = Petition.objects.unscoped("system job over every organization")
    changed = []
    for p in everything.only("id", "state", "kind", "instance", "received_on", "accepted_on", "complexity",
                             "remote", "extensions", "due_on", "due_stage").iterator(chunk_size=2000):
        before = (p.due_stage, p.due_on)
        _keep_due(p, table)
        if (p.due_stage, p.due_on) != before:
            changed.append(p)
    everything.bulk_update(changed, ["due_on", "due_stage"], batch_size=1000)
    if rebuild_tallies:
        PetitionTally.objects.unscoped("rebuilt from the register").all().delete()
        tally([(r["organization_id"], r["area_id"], r["kind"], r["state"], r["n"]) for r in
               everything.order_by().values("organization_id", "area_id", "kind", "state").annotate(n=Count("id"))])
    return len(changed)


def may_see_sender(user, petition: Petition) -> bool:
    """A denouncer's identity (Luật Tố cáo 2018) is for the assigned handler and the head (lãnh đạo) of
    the handling organization only; another sender's identity for the handling organization's staff."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if petition.kind in (CaseKind.DENUNCIATION, CaseKind.MIXED):
        if petition.handler_id and petition.handler_id == user.pk:
            return True
        return any(m.organization_id == petition.organization_id and m.role == Role.LEADER
                   for m in active_memberships(user))
    return any(m.organization_id == petition.organization_id and "change" in m.actions
               for m in active_memberships(user))


def masked_sender(petition: Petition) -> str:
    if not (petition.sender_name or petition.sender_address):
        return ""
    return str(PROTECTED) if petition.kind in (CaseKind.DENUNCIATION, CaseKind.MIXED) else MASK


def for_reader(*, actor, petitions) -> list:
    """The petitions as ``actor`` may read them: each sender's name and address masked unless
    ``may_see_sender``; page, export and API all call this. Effects: one "view" audit event per petition
    whose sender's identity was shown."""
    shown = []
    result = list(petitions)
    for p in result:
        if may_see_sender(actor, p):
            if p.sender_name or p.sender_address:
                shown.append(p)
        else:
            p.sender_name, p.sender_address = masked_sender(p), ""
    for p in shown:
        audit.record(actor, "view", p, message=_("Read the sender's identity"))
    return result


@transaction.atomic
def notify_overdue(*, today: datetime.date | None = None) -> int:
    """Tell the handler of every overdue petition, and the leaders (lãnh đạo) of the organization above its
    handling organization, once per petition and due date (system job: no actor, every organization).

    Effects: first ``refresh_deadlines`` (the clocks in force today); ``core.domain.notifications.notify`` (keyed, so a second run the same day adds none; e-mail
    when configured). Returns how many notifications were created."""
    from danvan.core.domain.notifications import notify
    from danvan.core.models import User
    from danvan.orgs.models import Membership

    today = today or timezone.localdate()
    refresh_deadlines(today=today)
    table = clocks.clocks(today)
    overdue = (Petition.objects.unscoped("system job over every organization")
               .filter(due_on__lt=today).select_related("organization"))
    made = 0
    for petition in overdue:
        due = clocks.deadline(petition, table)
        if due is None:
            continue
        users = set()
        if petition.handler_id:
            users.add(petition.handler_id)
        if petition.organization.parent_id:
            users |= set(Membership.objects.filter(organization_id=petition.organization.parent_id, role=Role.LEADER,
                                                   is_active=True).values_list("user_id", flat=True))
        message = _("Petition %(code)s is overdue (due %(due)s): %(subject)s") % {
            "code": petition.code, "due": due[1].strftime("%d/%m/%Y"), "subject": petition.subject[:200]}
        made += notify(users=User.objects.filter(pk__in=users), kind="voice.petition_overdue",
                       key=f"petition:{petition.pk}:{due[1]:%Y%m%d}", message=message,
                       url=f"/don-thu/{petition.pk}/")
    return made
