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

__all__ = ["Category", "CommunityRole", "EndReason", "EntryKind", "EntryStatus", "LegalBasis", "PrestigeEntry",
           "PrestigeList", "SensitiveGrant"]
