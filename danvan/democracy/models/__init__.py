from danvan.democracy.models.calendar import PublicHoliday
from danvan.democracy.models.items import (
    PERIODIC_RECURRENCES,
    POSTING_CHANNELS,
    Channel,
    DisclosureItem,
    Recurrence,
)
from danvan.democracy.models.obligations import DisclosureRecord, Evidence, EvidenceKind, Obligation
from danvan.democracy.models.people import (
    BoardKind,
    CommunityDecision,
    Consultation,
    DecisionForm,
    DecisionRule,
    Matter,
    OversightBoard,
    OversightFinding,
)
from danvan.democracy.models.portal import PortalEntry, PortalPhoto, PortalSubmission

__all__ = [
    "PERIODIC_RECURRENCES", "POSTING_CHANNELS", "BoardKind", "Channel", "CommunityDecision", "Consultation", "DecisionForm", "DecisionRule",
    "DisclosureItem", "DisclosureRecord", "Evidence", "EvidenceKind", "Matter", "Obligation", "OversightBoard",
    "OversightFinding", "PortalEntry", "PortalPhoto", "PortalSubmission", "PublicHoliday", "Recurrence",
]
