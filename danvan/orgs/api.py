import datetime

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.common import Id, Pagination, Ref, SearchText, answers, choices_enum
from danvan.orgs.interfaces.lists import ORGANIZATIONS
from danvan.orgs.models import Kind, Organization
from danvan.orgs.queries.organizations import successions_of
from danvan.orgs.scope import active_memberships, get_in_scope

router = Router(tags=["Organizations"])
me_router = Router(tags=["Users"])  # mounted at /api/v1/ (GET /me)

OrganizationKind = choices_enum("OrganizationKind", Kind)


class OrganizationOut(Schema):
    id: int
    name: str
    short_name: str
    kind: OrganizationKind
    kind_name: str
    area: Ref
    parent: Ref | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None

    @staticmethod
    def resolve_kind_name(obj):
        return obj.get_kind_display()

    @staticmethod
    def resolve_area(obj):
        return {"id": obj.area.id, "code": obj.area.code, "name": obj.area.full_name}

    @staticmethod
    def resolve_parent(obj):
        return {"id": obj.parent.id, "name": obj.parent.name} if obj.parent else None


class OrganizationDetailOut(OrganizationOut):
    predecessors: list[Ref]
    successors: list[Ref]


class OrganizationFilters(Schema):
    """The filters of the organization list page (validated by the same ``OrganizationFilterForm``)."""

    area: Id | None = None
    kind: OrganizationKind | None = None
    q: SearchText | None = None
    include_former: bool = False


@router.get("", response=answers(list[OrganizationOut]), summary="Organizations in the user's scope (filters: area with subtree and history, kind, q)")
@paginate(Pagination)
def list_organizations(request, filters: Query[OrganizationFilters]):
    return ORGANIZATIONS.api(request)


@router.get("/{org_id}", response=answers(OrganizationDetailOut, 404), summary="One organization (404 when out of scope)")
def get_organization(request, org_id: Id):
    org = get_in_scope(Organization.objects.select_related("area", "parent"), request.user, via="self", pk=org_id)
    predecessors, successors = successions_of(request.user, org)
    org.predecessors = [{"id": s.predecessor.id, "name": s.predecessor.name} for s in predecessors]
    org.successors = [{"id": s.successor.id, "name": s.successor.name} for s in successors]
    return org


class MembershipOut(Schema):
    organization_id: int
    organization: str
    kind: str
    area_id: int
    area: str
    role: str
    position: str


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    email: str
    is_superuser: bool
    memberships: list[MembershipOut]


# operation_id kept from when the route lived in core, so the published document does not change
@me_router.get("/me", response=answers(MeOut), summary="The current user and their organizations",
               operation_id="danvan_core_api_me")
def me(request):
    user = request.user
    return {
        "id": user.id, "username": user.username, "full_name": user.get_full_name(), "email": user.email,
        "is_superuser": user.is_superuser,
        "memberships": [
            {"organization_id": m.organization_id, "organization": m.organization.name, "kind": m.organization.kind,
             "area_id": m.organization.area_id, "area": m.organization.area.full_name, "role": m.role,
             "position": m.position}
            for m in active_memberships(user)
        ],
    }
