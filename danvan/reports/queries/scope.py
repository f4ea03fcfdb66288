"""The reports a user may see, and the organizations a roll-up may count."""

from danvan.orgs.models import Organization
from danvan.orgs.scope import restrict
from danvan.places.models import AreaReach
from danvan.reports.models import Report


def visible_reports(user, action: str = "view"):
    return restrict(Report.objects.all(), user, action)


def organizations_in(user, area=None):
    """Organizations in ``area``'s subtree (legacy units that became part of it included) that ``user``
    may see; ``user`` None means the system (reminders)."""
    qs = Organization.objects.all()
    if area is not None:
        qs = qs.filter(area_id__in=AreaReach.objects.filter(ancestor=area).values("descendant_id"))
    if user is not None:
        qs = restrict(qs, user, "view", via="self")
    return qs


def areas_for(user):
    """The areas a user may ask roll-ups and completeness for: ``pickable_areas`` (the one rule)."""
    from danvan.orgs.scope import pickable_areas

    return pickable_areas(user)

