"""Domain actions on meetings, their people, contributions, documents and conclusions.

Views and the API call these inside a transaction; each docstring names every effect."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.meetings.models import Conclusion, Contribution, Meeting, MeetingDocument, MeetingRole, Person
from danvan.reports.models import Period

EDITABLE_FIELDS = ["kind", "title", "organization", "period", "period_label", "period_start", "period_end", "starts_at",
                   "ends_at", "venue", "mode", "agenda", "summary"]


def _check(meeting: Meeting) -> None:
    errors = {}
    if meeting.ends_at and meeting.starts_at and meeting.ends_at < meeting.starts_at:
        errors["ends_at"] = _("End time must be after the start time.")
    if meeting.period_start and meeting.period_end and meeting.period_end < meeting.period_start:
        errors["period_end"] = _("The end of the period reviewed must be after its start.")
    if errors:
        raise ValidationError(errors)


def _apply_period(values: dict) -> None:
    """Resolve ``values["period"]`` (a ``Period``, its id or None) and copy its label and dates."""
    if "period" not in values or values["period"] is None:
        return
    period = values["period"]
    if not isinstance(period, Period):
        period = Period.objects.filter(pk=period).first() if str(period).isdigit() else None
        if period is None:
            raise ValidationError({"period": _("The chosen period reviewed does not exist.")})
    values.update(period=period, period_label=period.label, period_start=period.start, period_end=period.end)


@transaction.atomic
def create_meeting(*, actor, co_organizers=(), **values) -> Meeting:
    """Create a meeting.

    Effects: inserts the ``Meeting`` and its co-organizer links; when ``period`` (a ``reports.Period``
    or its id) is given, links it and copies its label, start and end into ``period_label/start/end``
    (otherwise the label is kept as typed); writes a "create" audit event.
    Raises ``ValidationError`` when the period does not exist or the times or the period are
    inconsistent (nothing is saved)."""
    _apply_period(values)
    meeting = Meeting(created_by=actor if getattr(actor, "pk", None) else None, **values)
    _check(meeting)
    meeting.save()
    if co_organizers:
        meeting.co_organizers.set(co_organizers)
    audit.record(actor, "create", meeting, changes=audit.diff({}, audit.snapshot(meeting)))
    return meeting


@transaction.atomic
def update_meeting(meeting: Meeting, *, actor, expected_version=None, co_organizers=None, **values) -> Meeting:
    """Change a meeting's fields.

    Effects: updates the row and bumps ``version``; when ``period`` is given, links it and overwrites
    ``period_label/start/end`` with its label and dates (``period=None`` unlinks and keeps the typed
    label); replaces the co-organizers when given; writes an "update" audit event.
    Raises ``ValidationError`` when another user saved in between (``expected_version``), the period
    does not exist or the values are inconsistent; nothing is changed then."""
    _apply_period(values)
    locked = Meeting.objects.unscoped("domain lock by primary key").select_for_update().get(pk=meeting.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(_("This meeting was just changed by someone else. Reload the page and edit again."),
                              code="conflict")
    before = audit.snapshot(locked)
    for key, value in values.items():
        setattr(locked, key, value)
    _check(locked)
    locked.version += 1
    locked.save()
    if co_organizers is not None:
        locked.co_organizers.set(co_organizers)
    audit.record(actor, "update", locked, changes=audit.diff(before, audit.snapshot(locked)))
    meeting.__dict__.update(locked.__dict__)
    return locked


def current_position(person: Person, on=None):
    """The position ``person`` held on ``on`` (or the latest one)."""
    positions = list(person.positions.select_related("organization"))
    if on:
        for position in positions:
            if (position.valid_from is None or position.valid_from <= on) and (
                    position.valid_to is None or position.valid_to >= on):
                return position
    return positions[0] if positions else None


@transaction.atomic
def add_role(*, actor, meeting: Meeting, person: Person, role: str, position_text: str = "",
             organization=None) -> MeetingRole:
    """Put a person in a role at a meeting.

    Effects: inserts a ``MeetingRole`` whose position text and organization are a snapshot of what
    the person held on the meeting day (unless given); writes an "action" audit event on the meeting."""
    if not position_text or organization is None:
        position = current_position(person, meeting.starts_at.date())
        if position:
            position_text = position_text or position.title
            organization = organization or position.organization
    order = (meeting.roles.aggregate(m=Max("order"))["m"] or 0) + 1
    entry = MeetingRole.objects.create(
        meeting=meeting, person=person, role=role, position_text=position_text, organization=organization,
        organization_name=organization.name if organization else "", order=order,
    )
    audit.record(actor, "action", meeting, message=_("Added %(person)s: %(role)s") % {
        "person": person.full_name, "role": entry.get_role_display()})
    return entry


@transaction.atomic
def remove_role(*, actor, entry: MeetingRole) -> None:
    """Remove a person's role. Effects: deletes the ``MeetingRole``; audit event on the meeting."""
    meeting = entry.meeting
    entry.delete()
    audit.record(actor, "action", meeting, message=_("Removed %(person)s") % {"person": entry.person.full_name})


@transaction.atomic
def add_conclusion(*, actor, meeting: Meeting, text: str) -> Conclusion:
    """Add the next numbered conclusion item.

    Effects: inserts a ``Conclusion`` numbered one after the last; audit event on the meeting.
    Raises ``ValidationError`` when the text is empty."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Enter the content of the conclusion.")})
    number = (meeting.conclusions.aggregate(m=Max("number"))["m"] or 0) + 1
    conclusion = Conclusion.objects.create(meeting=meeting, number=number, text=text)
    audit.record(actor, "action", meeting, message=_("Added conclusion %(n)s") % {"n": number})
    return conclusion


@transaction.atomic
def add_contribution(*, actor, meeting: Meeting, summary: str, organization=None, speaker: str = "") -> Contribution:
    """Record a contribution. Effects: inserts a ``Contribution``; audit event on the meeting."""
    if not (summary or "").strip():
        raise ValidationError({"summary": _("Enter the summary of the contribution.")})
    item = Contribution.objects.create(meeting=meeting, organization=organization, speaker=speaker, summary=summary)
    audit.record(actor, "action", meeting, message=_("Added a contribution"))
    return item


@transaction.atomic
def add_document(*, actor, meeting: Meeting, title: str, file=None, link: str = "",
                 register_entry_id=None) -> MeetingDocument:
    """Attach a file or a link to a meeting.

    Effects: stores the file and inserts a ``MeetingDocument``; audit event on the meeting.
    Raises ``ValidationError`` when neither a file nor a link is given."""
    if not file and not link:
        raise ValidationError({"file": _("Choose a file or enter a link.")})
    doc = MeetingDocument(meeting=meeting, title=title, link=link, register_entry_id=register_entry_id)
    if file:
        doc.file.save(getattr(file, "name", "tep"), file, save=False)
    doc.save()
    audit.record(actor, "action", meeting, message=_("Attached document: %(title)s") % {"title": title})
    return doc
