from danvan.practices.models.campaign import DEFAULT_CRITERIA, Campaign, Criterion
from danvan.practices.models.choices import (
    CARRIED_OUT,
    FINAL,
    Holder,
    PracticeField,
    PracticeKind,
    RecognitionLevel,
    Status,
)
from danvan.practices.models.evaluation import CriterionScore, Evaluation
from danvan.practices.models.practice import REGISTRATION_ITEMS, Practice, PracticeAttachment, PracticeEvent

__all__ = [
    "CARRIED_OUT", "DEFAULT_CRITERIA", "FINAL", "REGISTRATION_ITEMS", "Campaign", "Criterion", "CriterionScore",
    "Evaluation", "Holder", "Practice", "PracticeAttachment", "PracticeEvent", "PracticeField", "PracticeKind",
    "RecognitionLevel", "Status",
]
