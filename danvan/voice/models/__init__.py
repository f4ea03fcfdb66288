from danvan.voice.models.common import MASK, CaseKind, Field
from danvan.voice.models.dialogues import Dialogue, DialogueRule, Opinion, Outcome
from danvan.voice.models.petitions import (
    Channel,
    ClockStage,
    Complexity,
    Petition,
    PetitionClock,
    PetitionState,
    PetitionStep,
    PetitionTally,
)
from danvan.voice.models.receptions import (
    CitizenCase,
    HolderPosition,
    Per,
    ReceptionDuty,
    ReceptionObligation,
    ReceptionSession,
    Rule,
    SessionKind,
)

__all__ = ["MASK", "CaseKind", "Channel", "CitizenCase", "ClockStage", "Complexity", "Dialogue", "DialogueRule",
           "Field", "HolderPosition", "Opinion", "Outcome", "Per", "Petition", "PetitionClock", "PetitionState",
           "PetitionStep", "PetitionTally", "ReceptionDuty", "ReceptionObligation", "ReceptionSession", "Rule", "SessionKind"]
