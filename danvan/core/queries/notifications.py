"""A user's inbox (read-only)."""

from danvan.core.models import Notification


def inbox(user, *, unread_only: bool = False):
    qs = Notification.objects.filter(user=user)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return qs


def unread_count(user) -> int:
    """One indexed COUNT (user, read_at): what the bell in the header shows."""
    if user is None or not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
