"""The one inbox: every module tells a user something through ``notify``.

Core knows users, not organizations: the caller resolves who is told (``danvan.orgs.queries.members.
members_of`` turns organizations and roles into users). A message goes to each user once per ``key``;
an e-mail goes with it when a real mail server is configured (``EMAIL_HOST``)."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from danvan.core.models import Notification

MESSAGE_MAX = 500


def email_configured() -> bool:
    """A mail backend that delivers is configured: SMTP (``EMAIL_HOST``), or the tests' in-memory outbox;
    not the console backend of development nor the dummy one."""
    mailers = getattr(settings, "MAILERS", None) or {}
    backend = mailers.get("default", {}).get("BACKEND", getattr(settings, "EMAIL_BACKEND", ""))
    return bool(backend) and not any(word in backend for word in ("console", "dummy"))


def notify(*, users: Iterable, key: str, message: str, url: str = "", kind: str = "",
           subject: str = "", email: bool = True) -> int:
    """Tell each of ``users`` (user objects; duplicates and inactive users are skipped) ``message``.

    Effects: inserts one ``Notification`` per user that has none with ``key`` yet (a second call with
    the same key adds nothing, also under concurrency: the (user, key) constraint); when ``email`` and a
    mail server is configured, sends the message by e-mail to each newly told user with an address
    (``subject`` or the message's start) and marks those rows ``emailed``; a mail server that fails does
    not stop anything. Returns the number of notifications created."""
    people = {u.pk: u for u in users if u is not None and getattr(u, "is_active", True)}
    if not people:
        return 0
    known = set(Notification.objects.filter(user_id__in=list(people), key=key).values_list("user_id", flat=True))
    fresh = [uid for uid in people if uid not in known]
    if not fresh:
        return 0
    Notification.objects.bulk_create(
        [Notification(user_id=uid, key=key, kind=kind, message=message[:MESSAGE_MAX], url=url) for uid in fresh],
        ignore_conflicts=True)
    if email and email_configured():
        new_rows = Notification.objects.filter(user_id__in=fresh, key=key, emailed=False)
        sent = []
        for note in new_rows:
            address = people[note.user_id].email
            if not address:
                continue
            try:
                send_mail(subject or message[:80], message, settings.DEFAULT_FROM_EMAIL, [address])
            except OSError:  # a mail server down must not stop the work that notifies
                continue
            sent.append(note.pk)
        Notification.objects.filter(pk__in=sent).update(emailed=True)
    return len(fresh)


def mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    """Mark ``user``'s unread notifications (all of them, or those among ``ids``) read.

    Effects: sets ``read_at`` on those rows of this user only (another user's ids are ignored).
    Returns how many."""
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())


def open_notification(*, user, pk: int) -> str | None:
    """The address a notification leads to, marking it read; None when it is not this user's.

    Effects: sets ``read_at`` on the row if it was unread."""
    note = Notification.objects.filter(user=user, pk=pk).first()
    if note is None:
        return None
    if note.read_at is None:
        Notification.objects.filter(pk=note.pk).update(read_at=timezone.now())
    return note.url or ""
