from .award import AwardKind, EligibilityRule, RuleCheck
from .nomination import Nomination, NominationFile, NominationStatus, NominationStep, NomineeType

__all__ = [
    "AwardKind", "EligibilityRule", "Nomination", "NominationFile", "NominationStatus", "NominationStep",
    "NomineeType", "RuleCheck",
]
