"""The one inbox: every module tells a user something through ``notify``.

Core knows users, not organizations: the caller resolves who is told (``danvan.orgs.queries.members.
members_of`` turns organizations and roles into users). A message goes to each user once per ``key``;
an e-mail goes with it when a real mail server is configured (``EMAIL_HOST``)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

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


@dataclass
class Message:
    """One notification to send with ``notify_each``: what ``notify`` takes, for many keys at once."""

    users: list = field(default_factory=list)
    key: str = ""
    message: str = ""
    url: str = ""
    kind: str = ""
    subject: str = ""


def notify_each(messages: Iterable[Message], *, progress=None, batch: int = 500, email: bool = True) -> dict:
    """``notify`` for many messages (a reminder to each of thousands of organizations), in batches.

    Effects: for each batch of ``batch`` messages, one query reads which (user, key) pairs were already
    told and one bulk insert adds a ``Notification`` for every other active user of each message (a key
    told before adds nothing, as with ``notify``); e-mail as ``notify`` when a mail server is configured;
    ``progress.advance`` by the batch's size (a ``core.domain.jobs.Progress``). Queries grow with the
    batches, not with the messages. Returns {"notifications": rows created, "messages": messages that
    told at least one user}."""
    result = {"notifications": 0, "messages": 0}
    chunk: list[Message] = []
    for message in messages:
        chunk.append(message)
        if len(chunk) >= batch:
            _notify_chunk(chunk, result, email)
            if progress is not None:
                progress.advance(len(chunk), force=True)
            chunk = []
    if chunk:
        _notify_chunk(chunk, result, email)
        if progress is not None:
            progress.advance(len(chunk), force=True)
    return result


def _notify_chunk(chunk: list[Message], result: dict, email: bool) -> None:
    wanted = {}  # (user id, key) -> (user, message), first message of a key wins
    for m in chunk:
        for u in m.users:
            if u is not None and getattr(u, "is_active", True):
                wanted.setdefault((u.pk, m.key), (u, m))
    if not wanted:
        return
    keys = {key for _uid, key in wanted}
    known = set(Notification.objects.filter(key__in=keys, user_id__in={uid for uid, _k in wanted})
                .values_list("user_id", "key"))
    fresh = {pair: value for pair, value in wanted.items() if pair not in known}
    if not fresh:
        return
    Notification.objects.bulk_create(
        [Notification(user_id=uid, key=key, kind=m.kind, message=m.message[:MESSAGE_MAX], url=m.url)
         for (uid, key), (_u, m) in fresh.items()], ignore_conflicts=True, batch_size=500)
    result["notifications"] += len(fresh)
    result["messages"] += len({id(m) for _u, m in fresh.values()})
    if email and email_configured():
        sent = []
        rows = Notification.objects.filter(key__in={k for _uid, k in fresh},
                                           user_id__in={uid for uid, _k in fresh}, emailed=False)
        for note in rows:
            if (note.user_id, note.key) not in fresh:
                continue
            user, m = fresh[(note.user_id, note.key)]
            if not user.email:
                continue
            try:
                send_mail(m.subject or m.message[:80], m.message, settings.DEFAULT_FROM_EMAIL, [user.email])
            except OSError:  # a mail server down must not stop the work that notifies
                continue
            sent.append(note.pk)
        Notification.objects.filter(pk__in=sent).update(emailed=True)


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
