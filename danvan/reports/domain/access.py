"""Who may do what with a report, on top of the scope (``danvan.orgs.scope``).

- fill in and submit: a chuyên viên or lãnh đạo of the report's own organization ("change");
- return and approve, and reopen an approved report: a lãnh đạo ("approve") of an organization above
  whose scope covers the report's organization; a lãnh đạo may approve their own organization's
  report only when that organization is at the top (its area has no parent: a province);
- a superuser may do everything.
A user who may not even see the report gets 404 from ``get_in_scope`` before any of this is asked.
"""

from danvan.orgs.models import OrganizationReach
from danvan.orgs.scope import active_memberships
from danvan.places.models import AreaReach
from danvan.reports.models import EDITABLE_STATUSES, Report, Status


def _member_with(user, organization, action: str) -> bool:
    return any(m.organization_id == organization.id and action in m.actions for m in active_memberships(user))


def _covers(membership, organization) -> bool:
    """Whether this one membership's scope covers ``organization``."""
    own = membership.organization
    if own.is_area_scoped:
        return AreaReach.objects.filter(ancestor_id=own.area_id, descendant_id=organization.area_id).exists()
    return OrganizationReach.objects.filter(ancestor_id=own.id, descendant_id=organization.id).exists()


def is_top(organization) -> bool:
    return organization.area.parent_id is None


def may_edit(user, report: Report) -> bool:
    if report.status not in EDITABLE_STATUSES:
        return False
    return bool(user.is_superuser) or _member_with(user, report.organization, "change")


def may_submit(user, report: Report) -> bool:
    return may_edit(user, report)


def may_review(user, report: Report) -> bool:
    """Return or approve (and reopen): see the module docstring."""
    if user.is_superuser:
        return True
    for membership in active_memberships(user):
        if "approve" not in membership.actions:
            continue
        if membership.organization_id == report.organization_id:
            if is_top(report.organization):
                return True
            continue
        if _covers(membership, report.organization):
            return True
    return False


def reviewable_ids(user, reports: list[Report]) -> set[int]:
    """The primary keys of ``reports`` that ``user`` may return, approve or reopen: ``may_review`` for
    many reports in one query per membership (the bulk approval's check)."""
    if user.is_superuser:
        return {r.pk for r in reports}
    allowed: set[int] = set()
    area_ids = {r.organization.area_id for r in reports}
    org_ids = {r.organization_id for r in reports}
    for membership in active_memberships(user):
        if "approve" not in membership.actions:
            continue
        own = membership.organization
        if own.is_area_scoped:
            covered = set(AreaReach.objects.filter(ancestor_id=own.area_id, descendant_id__in=area_ids)
                          .values_list("descendant_id", flat=True))
            hit = {r.pk for r in reports if r.organization.area_id in covered}
        else:
            covered = set(OrganizationReach.objects.filter(ancestor_id=own.id, descendant_id__in=org_ids)
                          .values_list("descendant_id", flat=True))
            hit = {r.pk for r in reports if r.organization_id in covered}
        allowed |= {r.pk for r in reports if r.pk in hit and (r.organization_id != own.id or is_top(r.organization))}
    return allowed


def allowed_actions(user, report: Report) -> set[str]:
    """The transitions ``user`` may make on ``report`` now (for buttons and the API)."""
    actions = set()
    if may_edit(user, report):
        actions |= {"edit", "submit"}
    if report.status == Status.SUBMITTED and may_review(user, report):
        actions |= {"return", "approve"}
    if report.status == Status.APPROVED and may_review(user, report):
        actions.add("reopen")
    return actions
