import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.common import Id, Pagination, Ref, SearchText, answers
from danvan.places.interfaces.lists import AREAS
from danvan.places.models import Area

router = Router(tags=["Areas"])


class AreaOut(Schema):
    id: int
    code: str
    name: str
    full_name: str
    level: str
    kind_name: str
    parent: Ref | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None

    @staticmethod
    def resolve_parent(obj):
        p = obj.parent
        return {"id": p.id, "code": p.code, "name": p.full_name} if p else None


class AreaDetailOut(AreaOut):
    predecessors: list[Ref]
    successors: list[Ref]
    children_count: int


class AreaFilters(Schema):
    level: Literal["province", "district", "commune"] | None = None
    at: datetime.date | None = None
    q: SearchText | None = None
    parent: Id | None = None
    under: Id | None = None


def _ref(area: Area) -> dict:
    return {"id": area.id, "code": area.code, "name": area.full_name}


@router.get("", response=answers(list[AreaOut]), summary="Areas (filters: level, valid on a date, name, parent, subtree with history)")
@paginate(Pagination)
def list_areas(request, filters: Query[AreaFilters]):
    return AREAS.api(request)


@router.get("/{area_id}", response=answers(AreaDetailOut, 404), summary="One area, with its predecessors and successors")
def get_area(request, area_id: Id):
    area = get_object_or_404(Area.objects.select_related("parent"), pk=area_id)
    area.predecessors = [_ref(link.predecessor) for link in area.predecessor_links.select_related("predecessor")]
    area.successors = [_ref(link.successor) for link in area.successor_links.select_related("successor")]
    area.children_count = area.children.count()
    return area
