from .audit import AuditEvent
from .job import Job
from .notification import Notification
from .tokens import ApiToken
from .user import User

__all__ = ["ApiToken", "AuditEvent", "Job", "Notification", "User"]
