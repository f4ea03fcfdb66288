"""Domain actions on the people registry (shared by meetings and awards)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.domain import audit
from danvan.meetings.models import Person, Position

PERSON_FIELDS = ["full_name", "gender", "birth_year", "ethnicity", "mobilization_since", "last_discipline_year", "note"]


def _check_position(position: Position) -> None:
    if position.valid_from and position.valid_to and position.valid_to < position.valid_from:
        raise ValidationError({"valid_to": _("The end date of the position must be after its start date.")})


@transaction.atomic
def create_person(*, actor, title: str, organization, valid_from=None, valid_to=None, **values) -> Person:
    """Add a person to the registry with a first position (so the person is in someone's scope).

    Effects: inserts the ``Person`` and one ``Position``; writes a "create" audit event.
    Raises ``ValidationError`` when the name is empty or the dates are inconsistent."""
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

    Effects: updates the row, bumps ``version``, "update" audit event. Raises ``ValidationError`` on
    a concurrent edit (nothing changed)."""
    locked = Person.objects.unscoped("domain lock by primary key").select_for_update().get(pk=person.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(_("This person was just changed by someone else. Reload the page and edit again."),
                              code="conflict")
    before = audit.snapshot(locked)
    for key, value in values.items():
        setattr(locked, key, value)
    locked.version += 1
    locked.save()
    audit.record(actor, "update", locked, changes=audit.diff(before, audit.snapshot(locked)))
    person.__dict__.update(locked.__dict__)
    return locked


@transaction.atomic
def add_position(*, actor, person: Person, title: str, organization, valid_from=None, valid_to=None) -> Position:
    """Record one more position of a person (one person, many positions over the years).

    Effects: inserts a ``Position``; "action" audit event on the person."""
    position = Position(person=person, title=title, organization=organization, valid_from=valid_from,
                        valid_to=valid_to)
    _check_position(position)
    position.save()
    audit.record(actor, "action", person, message=_("Added position: %(p)s") % {"p": position})
    return position


def record_view(*, actor, person: Person) -> None:
    """Log that ``actor`` read a person's personal data. Effects: one "view" audit event."""
    audit.record(actor, "view", person)
