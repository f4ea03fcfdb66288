from .prestige import (
           CommunityRole,
           EndReason,
           EntryKind,
           EntryStatus,
           LegalBasis,
           PrestigeEntry,
           PrestigeList,
)
from .privacy import Category, SensitiveGrant
from .religion import Dignitary, PlaceOfWorship, Religion, ReligiousOrganization

__all__ = ["Category", "CommunityRole", "Dignitary", "EndReason", "EntryKind", "EntryStatus", "LegalBasis",
           "PlaceOfWorship", "PrestigeEntry", "PrestigeList", "Religion", "ReligiousOrganization", "SensitiveGrant"]
