from .hotspot import HotSpot, HotSpotField, HotSpotState, HotSpotUpdate, Risk
from .opinion import CollaboratorLevel, OpinionCollaborator, OpinionReport, OpinionTopic, SocialGroup
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
from .support import (
    BeneficiaryKind,
    HospitalLevel,
    Occasion,
    SupportCampaign,
    SupportEvent,
    SupportKind,
    SupportPolicy,
)

__all__ = ["BeneficiaryKind", "Category", "CommunityRole", "Dignitary", "EndReason", "EntryKind", "EntryStatus",
           "HospitalLevel", "HotSpot", "HotSpotField", "HotSpotState", "HotSpotUpdate", "LegalBasis", "Occasion", "OpinionCollaborator", "OpinionReport", "OpinionTopic", "CollaboratorLevel", "SocialGroup", "PlaceOfWorship", "PrestigeEntry", "PrestigeList", "Religion",
           "ReligiousOrganization", "Risk", "SensitiveGrant", "SupportCampaign", "SupportEvent", "SupportKind",
           "SupportPolicy"]
