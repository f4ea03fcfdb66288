"""How organizations are offered in choice lists: current ones first, then those that no longer
exist, each of those marked with the day it ended ("(trước 01/07/2025)"), so that two organizations of
the same name (the Ban of a province before and after the 2025 reorganization) never look alike.

``register()`` (called by ``OrgsConfig.ready``) makes it the rule of every form's model choice field
(``core.forms.register_choice_presentation``), whatever the module; ``offer_organizations`` and
``offer_areas`` remain for a form that wants the labels and order set explicitly, and
``organization_options``/``area_options`` give the same options as plain tuples for a fast widget."""

import datetime

from django.db.models import F


def organization_label(org) -> str:
    """ "Ban Dân vận Tỉnh ủy Lào Cai (trước 01/07/2025)" for an organization that ended on 30/06/2025;
    the name alone for a current one."""
    from danvan.core.forms import ended_mark

    return ended_mark(org.name, ended_on(org))


def offer_organizations(field, queryset) -> None:
    """Set a (multiple) choice field's organizations: current first, then by end, newest first, then by
    name (``core.forms.current_first``), labelled by ``organization_label``."""
    from danvan.core.forms import current_first

    field.queryset = current_first(queryset.order_by("name_sort"))
    field.label_from_instance = organization_label


def area_label(area) -> str:
    """ "Tỉnh Lào Cai (trước 01/07/2025)" for a unit that ended on 30/06/2025; the full name otherwise,
    so that the legacy and the current province of the same name never look alike."""
    from danvan.core.forms import ended_mark

    return ended_mark(area.full_name, ended_on(area))


# Both give the registered presentation's labels (``register`` below): a choice list they label is read
# as rows, without model instances (``core.forms.PresentedChoiceIterator``).
organization_label.presents_choice = area_label.presents_choice = True


def offer_areas(field, queryset, *, by_level: bool = True) -> None:
    """Set a choice field's areas: current units first (by level, then name), then the former ones,
    newest end first, each marked by ``area_label``."""
    order = [F("valid_to").desc(nulls_first=True), *(["level"] if by_level else []), "name_sort"]
    field.queryset = queryset.order_by(*order)
    field.label_from_instance = area_label


def ended_on(record):
    """The first day ``record`` (an organization or a unit) no longer exists; None while it does."""
    return _day_after(record.valid_to)


def _day_after(valid_to):
    return valid_to + datetime.timedelta(days=1) if valid_to else None


def register() -> None:
    """Every form's organization and unit choices: current first, the dissolved marked (``core.forms``)."""
    from danvan.core.forms import register_choice_presentation
    from danvan.orgs.models import Organization
    from danvan.places.models import Area

    # the plain names: core adds the mark of an ended record
    register_choice_presentation(Organization, label=lambda org: org.name, ended=ended_on,
                                 columns=("pk", "name", "valid_to"),
                                 from_row=lambda row: (row[0], row[1], _day_after(row[2])))
    register_choice_presentation(Area, label=lambda area: area.full_name, ended=ended_on,
                                 columns=("pk", "kind_name", "name", "valid_to"),
                                 from_row=lambda row: (row[0], f"{row[1]} {row[2]}", _day_after(row[3])))


def organization_options(queryset) -> list[tuple[int, str]]:
    """(id, label) of the organizations, current first, the dissolved marked, from one ``values_list``
    (no model instances: for a list filter of thousands of organizations)."""
    return _options(queryset)


def area_options(queryset) -> list[tuple[int, str]]:
    """(id, "Xã Bảo Ái" / "Tỉnh Yên Bái (trước 01/07/2025)") of the units, current first, from one
    ``values_list``."""
    return _options(queryset)


def _options(queryset) -> list[tuple[int, str]]:
    """The options every form's choice list shows for these records (``register`` below), as tuples."""
    from danvan.core.forms import current_first, ended_mark, presentation_for

    p = presentation_for(queryset.model)
    rows = current_first(queryset).values_list(*p.columns)
    return [(pk, ended_mark(label, ended)) for pk, label, ended in map(p.from_row, rows)]
