from .membership import Membership, Role
from .organization import Kind, Organization, OrganizationReach, OrganizationSuccession

__all__ = ["Kind", "Membership", "Organization", "OrganizationReach", "OrganizationSuccession", "Role"]
