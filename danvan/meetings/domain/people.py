"""Domain actions on the people registry (shared by meetings and awards).

Rights are checked here, whoever calls: a person is changed by a user who may change an organization
the person holds (or held) a position in; a position is recorded in an organization the user may
change. Refusals raise ``NotAllowed``; ``actor`` None is the system (demo)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.meetings.models import Person, Position
from danvan.orgs.scope import require

PERSON_FIELDS = ["full_name", "gender", "birth_year", "ethnicity", "mobilization_since", "last_discipline_year", "note"]


def _check_position(position: Position) -> None:
    if position.valid_from and position.valid_to and position.valid_to < position.valid_from:
        raise ValidationError({"valid_to": _("The end date of the position must be after its start date.")})


def _require_position_in(actor, organization) -> None:
    if organization is None:
        raise ValidationError({"organization": _("Choose the organization of the position.")})
    require(actor, "change", organization, _("You may not record positions in %(org)s.") % {
        "org": organization.name}, field="organization")


@transaction.atomic
def create_person(*, actor, title: str, organization, valid_from=None, valid_to=None, **values) -> Person:
    """Add a person to the registry with a first position (so the person is in someone's scope).

    Effects: inserts the ``Person`` and one ``Position``; writes a "create" audit event.
    Raises ``NotAllowed`` unless ``actor`` may change ``organization``, ``ValidationError`` when the
    name is empty or the dates are inconsistent."""
    _require_position_in(actor, organization)
    if not (values.get("full_name") or "").strip():
        raise ValidationError({"full_name": _("Enter the person's full name.")})
    person = Person(**values)
    position = Position(title=title, organization=organization, valid_from=valid_from, valid_to=valid_to)
    _check_position(position)
    person.save()
    position.person = person
    position.save()
    audit.record(actor, "create", person, changes=audit.diff({}, audit.snapshot(person)))
    return person


@transaction.atomic
def update_person(person: Person, *, actor, expected_version=None, **values) -> Person:
    """Change a person's fields.

    Effects: updates the row, bumps ``version``, "update" audit event. Raises ``NotAllowed`` unless
    ``actor`` may change an organization the person holds (or held) a position in, ``StaleVersion``
    on a concurrent edit (nothing changed)."""
    require(actor, "change", person, _("You may not change this person."))
    stale = _("This person was just changed by someone else. Reload the page and edit again.")
    with edit(person, actor=actor, expected_version=expected_version, stale=stale) as locked:
        for key, value in values.items():
            setattr(locked, key, value)
    return locked


@transaction.atomic
def add_position(*, actor, person: Person, title: str, organization, valid_from=None, valid_to=None) -> Position:
    """Record one more position of a person (one person, many positions over the years).

    Effects: inserts a ``Position``; "action" audit event on the person. Raises ``NotAllowed`` unless
    ``actor`` sees the person and may change ``organization``."""
    require(actor, "view", person, _("This person is not in your scope."), field="person")
    _require_position_in(actor, organization)
    position = Position(person=person, title=title, organization=organization, valid_from=valid_from,
                        valid_to=valid_to)
    _check_position(position)
    position.save()
    audit.record(actor, "action", person, message=_("Added position: %(p)s") % {"p": position})
    return position


def record_view(*, actor, person: Person) -> None:
    """Log that ``actor`` read a person's personal data. Effects: one "view" audit event."""
    audit.record(actor, "view", person)


def record_meeting_people_view(*, actor, meeting, shown: int) -> None:
    """Log that ``actor`` read the people of ``meeting`` (names, positions and organizations at the time),
    on the page or through the API alike. Effects: one "view" audit event on the meeting when ``shown``
    people were listed; nothing when none were."""
    if shown:
        audit.record(actor, "view", meeting, message=_("Read the people of the meeting (%(n)s)") % {"n": shown})
