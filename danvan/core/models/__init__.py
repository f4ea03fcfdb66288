from .audit import AuditEvent
from .tokens import ApiToken
from .user import User

__all__ = ["ApiToken", "AuditEvent", "User"]
