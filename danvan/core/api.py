from ninja import Router, Schema

from danvan.api.common import answers
from danvan.orgs.scope import active_memberships

router = Router(tags=["Users"])


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


@router.get("/me", response=answers(MeOut), summary="The current user and their organizations")
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
