"""Domain actions on reports. Views and the API call these inside a transaction (through the dispatcher
``danvan.reports.domain.actions`` for transitions); each docstring names every effect. Refusals are the
typed ones of ``danvan.core.domain.refusals``: ``NotAllowed`` (a right is missing, 403), ``WrongState``
(the status does not allow the step, 409), ``ReportConflict`` (a concurrent save, 409) and
``ValidationError`` ({indicator code: message}, 422)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.domain import audit, editing
from danvan.core.domain.refusals import NotAllowed, StaleVersion, WrongState
from danvan.core.rich_text import sanitize
from danvan.core.text import clean_text
from danvan.reports.domain import access, notifications, rollups, sources
from danvan.reports.models import Report, ReportEvent, ReportNarrative, ReportValue, Status
from danvan.reports.rules.validation import clean_values, fmt_number, indicators_for, parse_number

__all__ = ["NotAllowed", "ReportConflict", "WrongState", "sanitize"]


class ReportConflict(StaleVersion):
    """Another user saved the report after this user opened it."""


@transaction.atomic
def create_report(*, actor, form, period, organization, is_compiled=False) -> Report:
    """Start a draft report of ``organization`` for ``form`` and ``period`` on the form's current version.

    Effects: inserts a ``Report`` (status draft), a "create" ``ReportEvent`` and a "create" audit event.
    Raises ``NotAllowed`` when ``actor`` is not a chuyên viên/lãnh đạo of ``organization``, and
    ``ValidationError`` when the period kind or the organization kind does not fit the form, the period has
    not begun, or the report exists already.
    """
    if not (actor.is_superuser or access._member_with(actor, organization, "change")):
        raise NotAllowed(_("Only the staff of %(org)s can start its report.") % {"org": organization.name})
    if period.kind not in form.period_kinds:
        raise ValidationError({"period": _("The form \"%(form)s\" is not reported for this kind of period.")
                               % {"form": form.name}})
    today = timezone.localdate()
    if period.start > today:
        raise ValidationError({"period": _("The period %(period)s has not begun (it starts on %(start)s): a report "
                                           "is started once its period has begun.") % {
            "period": period.label, "start": period.start.strftime("%d/%m/%Y")}})
    if form.applies_to_kinds and organization.kind not in form.applies_to_kinds:
        raise ValidationError({"organization": _("The form \"%(form)s\" does not apply to this kind of "
                                                 "organization.") % {"form": form.name}})
    version = form.current_version()
    if version is None:
        raise ValidationError({"form": _("The form has no published version.")})
    try:
        with transaction.atomic():
            report = Report.objects.create(form_version=version, form=form, period=period, organization=organization,
                                           created_by=actor, is_compiled=is_compiled)
    except IntegrityError as exc:
        raise ValidationError({"period": _("%(org)s already has a report for %(period)s.")
                               % {"org": organization.name, "period": period.label}}) from exc
    ReportEvent.objects.create(report=report, action=ReportEvent.Action.CREATE, actor=actor,
                               to_status=Status.DRAFT)
    audit.record(actor, "create", report)
    return report


def _lock(report: Report, expected_version: int | None) -> Report:
    locked = editing.lock(report, "organization__area", "form_version__form", "period")
    editing.check_version(locked, expected_version, refusal=ReportConflict, stale=_(
        "Someone else saved this report while you were editing it. Your figures are shown below and "
        "were NOT saved: compare them with the saved report (open it in a new tab), then save again."))
    return locked


MAX_NOTE = 2000


@transaction.atomic
def save_report(report: Report, *, actor, expected_version: int | None, values: dict,
                narratives: dict | None = None, corrections: dict | None = None) -> Report:
    """Save the figures and narratives of a draft or returned report.

    ``values`` is {indicator code: text or number}; ``narratives`` {section code: HTML};
    ``corrections`` {indicator code: {"value": number or text, "note": reason}}: the figures with a
    source (``reports.domain.sources``) that the officer corrects — ``None`` keeps the corrections
    stored, a mapping replaces them (a figure with a source not in it follows the records).
    Effects: replaces the report's ``ReportValue`` rows for the indicators that apply to it (a counted
    report's old values leave the roll-up aggregates and its new ones enter them,
    ``rollups.recounting``), updates the ``ReportNarrative`` rows (sanitized HTML), bumps ``version``;
    an indicator with a source stores the figure derived from the records in ``derived`` and, as its
    ``value``, that figure (a typed value is ignored) or the correction with its reason
    (``correction_note``); a correction equal to the derived figure, or empty, removes the correction
    (the value follows the records again); a correction of an indicator without a source figure is
    taken as its typed value. Writes an "update" audit event with the changed figures and, when a
    correction is made, changed or removed, one listing each (from the records → reported, reason).
    Raises ``ReportConflict`` when ``expected_version`` is stale, ``WrongState`` when the report is
    locked, ``NotAllowed`` when ``actor`` may not edit it, ``ValidationError`` ({code: message}) for
    bad values and for a correction without a reason — in every case nothing is changed.
    """
    locked = _lock(report, expected_version)
    if not access.may_edit(actor, locked):
        if locked.status not in (Status.DRAFT, Status.RETURNED):
            raise WrongState(_("This report is %(status)s and can no longer be changed.")
                             % {"status": locked.get_status_display().lower()})
        raise NotAllowed(_("Only the staff of %(org)s can change its report.") % {"org": locked.organization.name})
    indicators = indicators_for(locked.form_version, locked.organization)
    by_code = {ind.code: ind for ind in indicators}
    derived = sources.derived_for(locked, indicators)
    stored = {row.indicator.code: row for row in locked.values.select_related("indicator")}
    if corrections is None:
        corrections = {code: {"value": row.value, "note": row.correction_note}
                       for code, row in stored.items() if row.correction_note and code in derived}
    values = {**values, **{code: figure for code, (figure, _source) in derived.items()}}
    notes, note_errors = _corrections(by_code, derived, corrections, values)
    cleaned, errors = clean_values(indicators, values, list(locked.form_version.rules.all()))
    errors = {**note_errors, **errors}
    if errors:
        raise ValidationError(errors)
    before = {c: str(v) for c, v in _stored_values(locked).items()}
    with rollups.recounting(locked):
        locked.values.all().delete()
        ReportValue.objects.bulk_create([
            ReportValue(report=locked, indicator=by_code[code],
                        value=None if by_code[code].value_type == "text" else value,
                        text=value if by_code[code].value_type == "text" else "",
                        derived=derived[code][0] if code in derived else None,
                        correction_note=notes.get(code, ""))
            for code, value in cleaned.items() if value is not None
        ])
    if narratives is not None:
        _save_narratives(locked, narratives)
    locked.version += 1
    locked.save(update_fields=["version", "updated_at"])
    after = {c: str(v) for c, v in cleaned.items() if v is not None}
    audit.record(actor, "update", locked, changes=audit.diff(before, after))
    _audit_corrections(actor, locked, stored, derived, cleaned, notes)
    report.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return locked


def _corrections(by_code, derived, corrections, values) -> tuple[dict, dict]:
    """Apply ``corrections`` to ``values`` (in place). Returns ({code: reason} of the figures corrected,
    {code: message} of the corrections refused)."""
    notes, errors = {}, {}
    for code, correction in (corrections or {}).items():
        ind = by_code.get(code)
        if ind is None:
            continue
        raw = correction.get("value") if isinstance(correction, dict) else correction
        note = clean_text(str((correction.get("note") if isinstance(correction, dict) else "") or ""),
                          multiline=True).strip()
        if code not in derived:
            values[code] = raw  # no figure from the records: a typed value
            continue
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue  # left empty: follows the records
        try:
            number = parse_number(raw, ind.value_type)
        except ValueError:
            values[code] = raw  # clean_values names the bad number
            continue
        figure = derived[code][0]
        if number == figure:
            continue  # the records' own figure: not a correction
        values[code] = number
        if not note:
            errors[code] = _('"%(name)s" (%(code)s): the records give %(derived)s and %(value)s was entered: '
                             'write the reason for the correction.') % {
                "name": ind.name, "code": code, "derived": fmt_number(figure), "value": fmt_number(number)}
        elif len(note) > MAX_NOTE:
            errors[code] = _('"%(name)s" (%(code)s): the reason for the correction is at most %(n)s '
                             'characters.') % {"name": ind.name, "code": code, "n": MAX_NOTE}
        else:
            notes[code] = note
    return notes, errors


def _audit_corrections(actor, report, stored, derived, cleaned, notes) -> None:
    """One audit event listing the corrections made, changed or removed by a save (none: nothing)."""
    changes = {}
    reason = _("reason")
    for code in sorted(set(notes) | {c for c, row in stored.items() if row.correction_note}):
        old = stored.get(code)
        old_note, old_value = (old.correction_note, old.value) if old is not None else ("", None)
        new_note, new_value = notes.get(code, ""), cleaned.get(code)
        if (old_note, old_value) == (new_note, new_value) or (not old_note and not new_note):
            continue
        if new_note:
            figure = derived[code][0]
            changes[code] = [fmt_number(figure), fmt_number(new_value)]
        else:
            changes[code] = [fmt_number(old_value), fmt_number(new_value) if new_value is not None else ""]
        changes[f"{code} ({reason})"] = [old_note, new_note]
    if changes:
        audit.record(actor, "update", report, changes=changes,
                     message=_("Figures calculated from the records: correction (from the records → reported) "
                               "with its reason"))


def _save_narratives(report: Report, narratives: dict) -> None:
    sections = {s.code: s for s in report.form_version.sections.all()}
    existing = {n.section_id: n for n in report.narratives.all()}
    for code, html in narratives.items():
        section = sections.get(code)
        if section is None:
            continue
        clean = sanitize(html)
        row = existing.get(section.id)
        if row is None:
            if clean:
                ReportNarrative.objects.create(report=report, section=section, html=clean)
        elif row.html != clean:
            row.html = clean
            row.save(update_fields=["html"])


def _refresh_derived(report: Report, indicators) -> dict:
    """Bring the figures with a source of ``report`` (a draft or returned report: not counted in the
    roll-up) in line with the records: a figure not corrected takes the derived one, a corrected one
    keeps its value and gets the new ``derived``. Returns {code: (derived, value, reason)} of the
    corrections kept."""
    derived = sources.derived_for(report, indicators)
    if not derived:  # nothing from the records (the common case): one statement
        report.values.filter(derived__isnull=False).update(derived=None, correction_note="")
        return {}
    rows = {row.indicator_id: row for row in report.values.all()}
    kept, changed, new = {}, [], []
    for ind in indicators:
        row = rows.get(ind.id)
        if ind.code not in derived:
            if row is not None and (row.derived is not None or row.correction_note):
                row.derived, row.correction_note = None, ""  # no longer from the records: a typed value
                changed.append(row)
            continue
        figure = derived[ind.code][0]
        if row is None:
            new.append(ReportValue(report=report, indicator=ind, value=figure, derived=figure))
            continue
        if row.correction_note:
            kept[ind.code] = (figure, row.value, row.correction_note)
        else:
            row.value = figure
        row.derived = figure
        changed.append(row)
    if changed:
        ReportValue.objects.bulk_update(changed, ["value", "derived", "correction_note"])
    if new:
        ReportValue.objects.bulk_create(new)
    return kept


def _stored_values(report: Report) -> dict:
    return {code: (text or value) for code, value, text in
            report.values.values_list("indicator__code", "value", "text")}


def _transition(report, *, actor, action, allowed_from, to_status, check, expected_version=None):
    locked = _lock(report, expected_version)
    if locked.status not in allowed_from:
        raise WrongState(_("This report is %(status)s: it cannot be %(action)s now.") % {
            "status": locked.get_status_display().lower(), "action": ReportEvent.Action(action).label})
    check(locked)
    from_status = locked.status
    locked.status = to_status
    locked.version += 1
    return locked, from_status


def _finish(report, locked, *, actor, action, from_status, note, fields) -> Report:
    locked.save(update_fields=["status", "version", "updated_at", *fields])
    ReportEvent.objects.create(report=locked, action=action, actor=actor, from_status=from_status,
                               to_status=locked.status, note=note)
    audit.record(actor, "action", locked, message=f"{ReportEvent.Action(action).label}: {note}".strip(": "),
                 changes={"status": [from_status, locked.status]})
    report.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return locked


@transaction.atomic
def submit_report(report: Report, *, actor, expected_version=None) -> Report:
    """Send a draft or returned report up.

    Effects: recomputes the figures of indicators with a source from the records (``derived`` of
    every such ``ReportValue``, and its ``value`` unless the officer corrected it: a correction is kept,
    and an audit event lists each one kept with the figure of the records that day and its reason); checks every required figure and rule on the stored values; sets status "submitted",
    ``submitted_at``/``submitted_by``, bumps ``version``; a "submit" ``ReportEvent``; an audit event;
    the report's figures enter the roll-up aggregates (``rollups.count_in``); a notification to the
    leaders who will review it (``notifications.notify_submitted``).
    Raises ``WrongState`` (not a draft or returned), ``NotAllowed`` (not the report's own staff) or ``ValidationError``
    ({code: message}) when figures are missing or inconsistent; nothing changes then.
    """
    def check(locked):
        if not access.may_submit(actor, locked):
            raise NotAllowed(_("Only the staff of %(org)s can submit its report.") % {"org": locked.organization.name})

    locked, from_status = _transition(report, actor=actor, action="submit", allowed_from=(Status.DRAFT,
                                      Status.RETURNED), to_status=Status.SUBMITTED, check=check,
                                      expected_version=expected_version)
    indicators = indicators_for(locked.form_version, locked.organization)
    kept = _refresh_derived(locked, indicators)
    _cleaned, errors = clean_values(indicators, _stored_values(locked), list(locked.form_version.rules.all()),
                                    for_submit=True)
    if errors:
        raise ValidationError(errors)
    locked.submitted_at, locked.submitted_by = timezone.now(), actor
    locked.returned_reason = ""
    result = _finish(report, locked, actor=actor, action="submit", from_status=from_status, note="",
                     fields=["submitted_at", "submitted_by", "returned_reason"])
    if kept:
        reason = _("reason")
        changes = {}
        for code, (figure, value, note) in sorted(kept.items()):
            changes[code] = [fmt_number(figure), fmt_number(value)]
            changes[f"{code} ({reason})"] = ["", note]
        audit.record(actor, "update", locked, changes=changes, message=_(
            "Submitted with figures corrected from the records (from the records on that day → reported)"))
    rollups.count_in([locked.pk])
    notifications.notify_submitted(locked)
    return result


def _require_reviewer(actor, report, verb: str):
    if not access.may_review(actor, report):
        raise NotAllowed(_("Only a leader of an organization above %(org)s can %(verb)s its report.")
                         % {"org": report.organization.name, "verb": verb})


@transaction.atomic
def return_report(report: Report, *, actor, reason: str) -> Report:
    """Send a submitted report back to its organization with a reason.

    Effects: status "returned", ``returned_reason``, bumps ``version``; a "return" ``ReportEvent``;
    an audit event; a notification to the person who submitted it (``notifications.notify_returned``); the report's figures leave the
    roll-up aggregates (``rollups.count_out``). Raises ``WrongState`` (not submitted),
    ``NotAllowed`` (not a leader above) or ``ValidationError`` (empty reason).
    """
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Write the reason for returning the report.")})
    locked, from_status = _transition(report, actor=actor, action="return", allowed_from=(Status.SUBMITTED,),
                                      to_status=Status.RETURNED,
                                      check=lambda r: _require_reviewer(actor, r, _("return")))
    locked.returned_reason = reason.strip()
    result = _finish(report, locked, actor=actor, action="return", from_status=from_status, note=reason.strip(),
                     fields=["returned_reason"])
    rollups.count_out([locked.pk])
    notifications.notify_returned(locked, reason.strip())
    return result


@transaction.atomic
def approve_report(report: Report, *, actor) -> Report:
    """Approve a submitted report; it is locked from then on.

    Effects: status "approved", ``approved_at``/``approved_by``, bumps ``version``; an "approve"
    ``ReportEvent``; an audit event. The roll-up aggregates do not change (a submitted report already
    counts). Raises ``WrongState`` (not submitted) or ``NotAllowed`` (``actor``
    is not a leader above the report's organization).
    """
    locked, from_status = _transition(report, actor=actor, action="approve", allowed_from=(Status.SUBMITTED,),
                                      to_status=Status.APPROVED,
                                      check=lambda r: _require_reviewer(actor, r, _("approve")))
    locked.approved_at, locked.approved_by = timezone.now(), actor
    return _finish(report, locked, actor=actor, action="approve", from_status=from_status, note="",
                   fields=["approved_at", "approved_by"])


@transaction.atomic
@transaction.atomic
def approve_reports(reports, *, actor) -> list[Report]:
    """Approve many submitted reports at once (a leader's bulk action), in one transaction and a fixed
    number of queries, whatever their count.

    Effects, for every report: those of ``approve_report`` (status "approved", ``approved_at``/
    ``approved_by``, ``version`` + 1, an "approve" ``ReportEvent``, an audit event), written set-wise:
    one locking read of all the reports (in primary-key order, so two bulk approvals never deadlock),
    one UPDATE, one insert of the events and one of the audit events. The roll-up aggregates do not
    change (submitted reports already count). Refusals are checked for every report before anything is
    written, in the given order: ``WrongState`` (one is not submitted) or ``NotAllowed`` (the actor is
    not a leader above one of them); nothing is approved then. Returns the approved reports, in the
    given order, with their new status and version.
    """
    ids = list(dict.fromkeys(report.pk for report in reports))
    if not ids:
        return []
    locked = {r.pk: r for r in Report.objects.unscoped("domain lock of the reports being approved, by primary key")
              .select_for_update(of=("self",)).select_related("organization__area", "period", "form_version__form")
              .filter(pk__in=ids).order_by("pk")}
    allowed = access.reviewable_ids(actor, list(locked.values()))
    for pk in ids:
        report = locked[pk]
        if report.status != Status.SUBMITTED:
            raise WrongState(_("This report is %(status)s: it cannot be %(action)s now.") % {
                "status": report.get_status_display().lower(), "action": ReportEvent.Action.APPROVE.label})
        if pk not in allowed:
            _require_reviewer(actor, report, _("approve"))
    now = timezone.now()
    Report.objects.unscoped("bulk approval of the reports locked above").filter(pk__in=ids).update(
        status=Status.APPROVED, version=F("version") + 1, approved_at=now, approved_by=actor, updated_at=now)
    label = ReportEvent.Action.APPROVE.label
    ReportEvent.objects.bulk_create([
        ReportEvent(report_id=pk, action="approve", actor=actor, from_status=Status.SUBMITTED,
                    to_status=Status.APPROVED, note="") for pk in ids], batch_size=1000)
    result = []
    for pk in ids:
        report = locked[pk]
        report.status, report.version = Status.APPROVED, report.version + 1
        report.approved_at, report.approved_by, report.updated_at = now, actor, now
        result.append(report)
    audit.record_many(actor, "action", result, message=label,
                      changes={"status": [Status.SUBMITTED, Status.APPROVED]})
    given = {report.pk: report for report in reports}
    for report in result:
        if report.pk in given:
            given[report.pk].__dict__.update({k: v for k, v in report.__dict__.items() if not k.startswith("_")})
    return result


@transaction.atomic
def reopen_report(report: Report, *, actor, reason: str) -> Report:
    """Unlock an approved report so that its organization can correct it (a recorded action).

    Effects: status "draft", clears ``approved_at``/``approved_by``, bumps ``version``; a "reopen"
    ``ReportEvent`` with the reason; an audit event; the report's figures leave the roll-up
    aggregates (``rollups.count_out``). Raises ``WrongState`` (not approved), ``NotAllowed``
    or ``ValidationError`` (empty reason).
    """
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Write the reason for reopening the report.")})
    locked, from_status = _transition(report, actor=actor, action="reopen", allowed_from=(Status.APPROVED,),
                                      to_status=Status.DRAFT,
                                      check=lambda r: _require_reviewer(actor, r, _("reopen")))
    locked.approved_at, locked.approved_by = None, None
    result = _finish(report, locked, actor=actor, action="reopen", from_status=from_status, note=reason.strip(),
                     fields=["approved_at", "approved_by"])
    rollups.count_out([locked.pk])
    return result
