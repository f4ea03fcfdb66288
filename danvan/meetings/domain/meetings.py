"""Domain actions on meetings, their people, contributions, documents and conclusions.

Views and the API call these inside a transaction; each docstring names every effect. Rights are
checked here, whoever calls (page, API, import): changing a meeting needs "change" on its organizer or
a co-organizer; the organizations, people and co-organizers named must be in the actor's scope.
Refusals raise ``NotAllowed`` (``danvan.core.domain.refusals``); ``actor`` None is the system (demo)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import files
from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.meetings.models import Conclusion, Contribution, Meeting, MeetingDocument, MeetingRole, Person
from danvan.orgs.scope import require
from danvan.reports.models import Period

EDITABLE_FIELDS = ["kind", "title", "organization", "period", "period_label", "period_start", "period_end", "starts_at",
                   "ends_at", "venue", "mode", "agenda", "summary"]


def _check(meeting: Meeting) -> None:
    errors = {}
    if meeting.ends_at and meeting.starts_at and meeting.ends_at < meeting.starts_at:
        errors["ends_at"] = _("End time must be after the start time.")
    if meeting.period_start and meeting.period_end and meeting.period_end < meeting.period_start:
        errors["period_end"] = _("The end of the period reviewed must be after its start.")
    organizer = meeting.organization if meeting.organization_id else None
    if organizer is not None and organizer.valid_to and meeting.starts_at:
        held_on = timezone.localdate(meeting.starts_at)
        if organizer.valid_to < held_on:
            errors["organization"] = _(
                "%(org)s ceased to exist on %(end)s, before the meeting (%(held)s): choose the organization "
                "that took over its work.") % {"org": organizer.name, "end": organizer.valid_to.strftime("%d/%m/%Y"),
                                               "held": held_on.strftime("%d/%m/%Y")}
    if errors:
        raise ValidationError(errors)


def require_meeting(actor, meeting: Meeting) -> None:
    """Refuse unless ``actor`` may change ``meeting`` (as its organizer or a co-organizer)."""
    require(actor, "change", meeting, _("You may not change this meeting."))


def require_named(actor, *, organization=None, co_organizers=(), person=None) -> None:
    """The organizations and people a change names must be in the actor's scope."""
    if organization is not None:
        require(actor, "view", organization, _("This organization is not in your scope."), field="organization")
    for org in co_organizers or ():
        require(actor, "view", org, _("%(org)s is not in your scope.") % {"org": org.name}, field="co_organizers")
    if person is not None:
        require(actor, "view", person, _("This person is not in your scope."), field="person")


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
    Raises ``NotAllowed`` unless ``actor`` may change the organizing organization and sees every
    co-organizer, ``ValidationError`` when the period does not exist or the times or the period are
    inconsistent (nothing is saved)."""
    organization = values.get("organization")
    if organization is None:
        raise ValidationError({"organization": _("Choose the organizing organization.")})
    require(actor, "change", organization, _("You may not organize meetings for %(org)s.") % {
        "org": organization.name}, field="organization")
    require_named(actor, co_organizers=co_organizers)
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
    Raises ``NotAllowed`` unless ``actor`` may change the meeting (and the new organizing organization;
    co-organizers in scope), ``StaleVersion`` when another user saved in between
    (``expected_version``), ``ValidationError`` when the period does not exist or the values are
    inconsistent; nothing is changed then."""
    require_meeting(actor, meeting)
    new_org = values.get("organization")
    if new_org is not None and new_org.pk != meeting.organization_id:
        require(actor, "change", new_org, _("You may not organize meetings for %(org)s.") % {"org": new_org.name},
                field="organization")
    require_named(actor, co_organizers=co_organizers)
    _apply_period(values)
    stale = _("This meeting was just changed by someone else. Reload the page and edit again.")
    with edit(meeting, actor=actor, expected_version=expected_version, stale=stale) as locked:
        for key, value in values.items():
            setattr(locked, key, value)
        _check(locked)
    if co_organizers is not None:
        locked.co_organizers.set(co_organizers)
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
    the person held on the meeting day (unless given); writes an "action" audit event on the meeting.
    Raises ``NotAllowed`` unless ``actor`` may change the meeting and sees the person (and the
    organization given)."""
    require_meeting(actor, meeting)
    require_named(actor, person=person, organization=organization)
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
    """Remove a person's role. Effects: deletes the ``MeetingRole``; audit event on the meeting.
    Raises ``NotAllowed`` unless ``actor`` may change the meeting."""
    meeting = entry.meeting
    require_meeting(actor, meeting)
    entry.delete()
    audit.record(actor, "action", meeting, message=_("Removed %(person)s") % {"person": entry.person.full_name})


@transaction.atomic
def add_conclusion(*, actor, meeting: Meeting, text: str) -> Conclusion:
    """Add the next numbered conclusion item.

    Effects: inserts a ``Conclusion`` numbered one after the last; audit event on the meeting.
    Raises ``NotAllowed`` unless ``actor`` may change the meeting, ``ValidationError`` when the text
    is empty."""
    require_meeting(actor, meeting)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Enter the content of the conclusion.")})
    number = (meeting.conclusions.aggregate(m=Max("number"))["m"] or 0) + 1
    conclusion = Conclusion.objects.create(meeting=meeting, number=number, text=text)
    audit.record(actor, "action", meeting, message=_("Added conclusion %(n)s") % {"n": number})
    return conclusion


@transaction.atomic
def add_contribution(*, actor, meeting: Meeting, summary: str, organization=None, speaker: str = "") -> Contribution:
    """Record a contribution. Effects: inserts a ``Contribution``; audit event on the meeting.
    Raises ``NotAllowed`` unless ``actor`` may change the meeting and sees the organization."""
    require_meeting(actor, meeting)
    require_named(actor, organization=organization)
    if not (summary or "").strip():
        raise ValidationError({"summary": _("Enter the summary of the contribution.")})
    item = Contribution.objects.create(meeting=meeting, organization=organization, speaker=speaker, summary=summary)
    audit.record(actor, "action", meeting, message=_("Added a contribution"))
    return item


@transaction.atomic
def add_document(*, actor, meeting: Meeting, title: str, file=None, link: str = "",
                 register_entry_id=None) -> MeetingDocument:
    """Attach a file or a link to a meeting.

    Effects: stores the file under a random name (its own name kept as ``original_name``) and inserts
    a ``MeetingDocument``; audit event on the meeting. Raises ``NotAllowed`` unless ``actor`` may change
    the meeting, ``ValidationError`` when neither a file nor a link is given, or the file is not a
    PDF, DOCX, DOC, XLSX, JPG or PNG by its content, or is larger than ``DANVAN_MAX_UPLOAD_MB``."""
    require_meeting(actor, meeting)
    if not file and not link:
        raise ValidationError({"file": _("Choose a file or enter a link.")})
    if file:
        files.check_upload(file, allowed=files.DOCUMENTS, field="file")
    doc = MeetingDocument(meeting=meeting, title=title, link=link, register_entry_id=register_entry_id)
    if file:
        doc.original_name = files.original_name(file)
        files.store(doc.file, file)
    doc.save()
    audit.record(actor, "action", meeting, message=_("Attached document: %(title)s") % {"title": title})
    return doc
