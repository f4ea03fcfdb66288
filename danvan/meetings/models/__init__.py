from .meeting import (
    BridgePoint,
    Conclusion,
    Contribution,
    Meeting,
    MeetingDocument,
    MeetingKind,
    MeetingRole,
    Mode,
    Role,
)
from .people import Person, Position
from .task import FollowUpTask, TaskAssignment, TaskStatus, TaskUpdate, late_q, overdue_q

__all__ = [
    "BridgePoint", "Conclusion", "Contribution", "FollowUpTask", "Meeting", "MeetingDocument", "MeetingKind",
    "MeetingRole", "Mode", "Person", "Position", "Role", "TaskAssignment", "TaskStatus", "TaskUpdate",
    "late_q", "overdue_q",
]
