"""Domain actions on the religious registry. Rights inside (``require``: the actor may change the keeping
organization); refusals typed; ``actor`` None is the system (the demo)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.community.models import Dignitary, PlaceOfWorship, ReligiousOrganization
from danvan.core.domain import audit
from danvan.core.domain.editing import edit
from danvan.core.domain.refusals import WrongState
from danvan.meetings.domain.people import create_person
from danvan.orgs.scope import require


def _keeper(actor, organization) -> None:
    if organization is None:
        raise ValidationError({"organization": _("Choose the keeping organization.")})
    require(actor, "change", organization, _("You may not keep the registry for %(org)s.") % {
        "org": organization.name}, field="organization")


def _dates(since, until, field="until") -> None:
    if since and until and until < since:
        raise ValidationError({field: _("The end date must be after the start date.")})


@transaction.atomic
def add_religious_organization(*, actor, name: str, religion, organization, area, valid_from=None,
                               note: str = "") -> ReligiousOrganization:
    """Register a religious organization. Effects: inserts it; "create" audit event. Raises ``NotAllowed``
    unless ``actor`` may change ``organization``, ``ValidationError`` without a name, religion or area."""
    _keeper(actor, organization)
    if not (name or "").strip():
        raise ValidationError({"name": _("Enter the name.")})
    if religion is None:
        raise ValidationError({"religion": _("Choose the religion.")})
    if area is None:
        raise ValidationError({"area": _("Choose the area.")})
    obj = ReligiousOrganization.objects.create(name=name.strip(), religion=religion, organization=organization,
                                               area=area, valid_from=valid_from, note=(note or "").strip())
    audit.record(actor, "create", obj)
    return obj


@transaction.atomic
def add_place(*, actor, name: str, religion, organization, area, village: str = "", religious_organization=None,
              valid_from=None, note: str = "") -> PlaceOfWorship:
    """Register a place of worship in a commune. Effects: inserts it; "create" audit event. Raises
    ``NotAllowed`` unless ``actor`` may change ``organization`` (and sees ``religious_organization``),
    ``ValidationError`` without a name, religion or commune, or when the religious organization is of
    another religion."""
    _keeper(actor, organization)
    if not (name or "").strip():
        raise ValidationError({"name": _("Enter the name.")})
    if religion is None:
        raise ValidationError({"religion": _("Choose the religion.")})
    if area is None or area.level != "commune":
        raise ValidationError({"area": _("Choose the commune of the place of worship.")})
    if religious_organization is not None:
        require(actor, "view", religious_organization, _("This religious organization is not in your scope."),
                field="religious_organization")
        if religious_organization.religion_id != religion.pk:
            raise ValidationError({"religious_organization": _("The religious organization is of another religion.")})
    obj = PlaceOfWorship.objects.create(name=name.strip(), religion=religion, organization=organization, area=area,
                                        village=(village or "").strip(), religious_organization=religious_organization,
                                        valid_from=valid_from, note=(note or "").strip())
    audit.record(actor, "create", obj)
    return obj


@transaction.atomic
def appoint(*, actor, organization, kind: str, title: str, religion, since: datetime.date, area=None, person=None,
            full_name: str = "", gender: str = "", birth_year=None, religious_organization=None, place=None,
            until=None) -> Dignitary:
    """Record a rank (chức sắc) or a post (chức việc) of a person from ``since`` (to ``until``).

    Effects: adds the person to the people registry when ``person`` is None (``create_person``, a position
    in ``organization``), inserts the ``Dignitary`` row; "create" audit event. Raises ``NotAllowed`` unless
    ``actor`` may change ``organization`` and sees the person, place and religious organization named;
    ``ValidationError`` for a missing title, kind, religion or date, inconsistent dates, a place or
    organization of another religion."""
    _keeper(actor, organization)
    errors = {}
    if kind not in Dignitary.Kind.values:
        errors["kind"] = _("Choose rank or post.")
    if not (title or "").strip():
        errors["title"] = _("Enter the rank or the post.")
    if religion is None:
        errors["religion"] = _("Choose the religion.")
    if since is None:
        errors["since"] = _("Enter the start date.")
    if errors:
        raise ValidationError(errors)
    _dates(since, until)
    for field, obj in (("place", place), ("religious_organization", religious_organization)):
        if obj is not None:
            require(actor, "view", obj, _("This choice is outside your scope."), field=field)
            if obj.religion_id != religion.pk:
                raise ValidationError({field: _("It is of another religion.")})
    area = area or (place.area if place else None) or organization.area
    if person is None:
        if not (full_name or "").strip():
            raise ValidationError({"full_name": _("Enter the person's full name.")})
        person = create_person(actor=actor, full_name=full_name.strip(), gender=gender or "", birth_year=birth_year,
                               title=title.strip(), organization=organization, valid_from=since)
    else:
        require(actor, "view", person, _("This person is not in your scope."), field="person")
    obj = Dignitary.objects.create(person=person, kind=kind, title=title.strip(), religion=religion,
                                   religious_organization=religious_organization, place=place, area=area,
                                   organization=organization, since=since, until=until)
    audit.record(actor, "create", obj)
    return obj


@transaction.atomic
def end_title(*, actor, dignitary: Dignitary, until: datetime.date, note: str = "", expected_version=None) -> Dignitary:
    """End a rank or post (moved, retired, stripped, died…). Effects: sets ``until`` and ``end_note``,
    bumps ``version``; "update" audit event. Raises ``NotAllowed`` unless ``actor`` may change the keeping
    organization, ``WrongState`` when already ended, ``StaleVersion`` on a stale version,
    ``ValidationError`` for a date before ``since``."""
    _keeper(actor, dignitary.organization)
    with edit(dignitary, actor=actor, expected_version=expected_version,
              stale=_("This entry was just changed by someone else. Reload the page and try again.")) as locked:
        if locked.until is not None:
            raise WrongState(_("This rank or post has already ended."))
        if until is None:
            raise ValidationError({"until": _("Enter the end date.")})
        _dates(locked.since, until)
        locked.until, locked.end_note = until, (note or "").strip()[:300]
    return dignitary
