"""Reusable area queries for views and the API."""

import datetime

from danvan.core.text import level_rank, search_order
from danvan.places.models import Area


def filter_areas(*, level=None, at: datetime.date | None = None, q=None, parent=None, under=None, **_ignored):
    """Areas filtered the way the area browser and ``GET /api/v1/areas`` do, in Vietnamese order."""
    qs = Area.objects.all()
    if level:
        qs = qs.filter(level=level)
    if at:
        qs = qs.valid_on(at)
    if parent:
        qs = qs.filter(parent_id=parent)
    if under:
        root = Area.objects.filter(pk=under).first()
        qs = qs.under(root) if root else qs.none()
    if q:
        # what the user meant first: the whole name, then the phrase, accents as typed; provinces first
        return qs.search(q).order_by(*search_order(q, names=["name_folded"], accented=["name"]),
                                     level_rank(), "name_sort", "id")
    return qs.order_by("name_sort", "id")


def area_list(user, **filters):
    """The area list (``places.interfaces.lists.AREAS``): areas are public reference data, so every
    user gets the same rows for the same filters."""
    return filter_areas(**filters)
