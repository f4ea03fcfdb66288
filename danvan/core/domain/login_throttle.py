"""Throttling of failed sign-ins (the main login page and the admin site's), in the shared cache.

Three counters, so that the limits hold per account and per client without one person locking out
others (issue 9 §3):

- **account from one client** (``LOGIN_FAILURE_LIMIT``, 5): one client guessing one account;
- **client** (``LOGIN_FAILURE_CLIENT_LIMIT``, 30): one client trying many accounts (five colleagues
  behind one office address mistyping once each stay far below it);
- **account from every client** (``LOGIN_FAILURE_ACCOUNT_LIMIT``, 100): a guess spread over many
  clients. One client is stopped by its own counters long before it can reach this one, so nobody
  locks an account for its owner on their own.

The username is normalized as authentication normalizes it (Unicode NFKC, so a fullwidth
``ｂａｏａｉ.mttq`` is ``baoai.mttq``) and case-folded (usernames are unique regardless of case).
The client is the address ``core.views.auth.client_address`` finds (behind a trusted proxy only).
Every counter lives in the ``default`` cache: Redis when configured, otherwise the database cache, so
every worker process and every app server sees the same counts. All counters expire
``LOGIN_FAILURE_WINDOW`` seconds after the first failure.
"""

import hashlib
import unicodedata

from django.conf import settings
from django.core.cache import caches


def normalize_username(username: str) -> str:
    return unicodedata.normalize("NFKC", username or "").casefold().strip()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _counters(username: str, address: str) -> list[tuple[str, int]]:
    user, client = _digest(normalize_username(username)), _digest(address or "unknown")
    return [
        (f"login-fail:uc:{user}:{client}", settings.LOGIN_FAILURE_LIMIT),
        (f"login-fail:c:{client}", settings.LOGIN_FAILURE_CLIENT_LIMIT),
        (f"login-fail:u:{user}", settings.LOGIN_FAILURE_ACCOUNT_LIMIT),
    ]


def _store(store):
    return store if store is not None else caches["default"]


def is_blocked(username: str, address: str, *, store=None) -> bool:
    """Whether a sign-in as ``username`` from ``address`` is refused now (one of the limits reached)."""
    store = _store(store)
    counters = _counters(username, address)
    values = store.get_many([key for key, _limit in counters])
    return any((values.get(key) or 0) >= limit for key, limit in counters)


def record_failure(username: str, address: str, *, store=None) -> None:
    """Effects: increments the three failure counters (each expires LOGIN_FAILURE_WINDOW s after its
    first failure)."""
    store = _store(store)
    for key, _limit in _counters(username, address):
        if not store.add(key, 1, settings.LOGIN_FAILURE_WINDOW):
            try:
                store.incr(key)
            except ValueError:  # expired between add and incr
                store.set(key, 1, settings.LOGIN_FAILURE_WINDOW)


def reset(username: str, address: str, *, store=None) -> None:
    """Effects: clears the account-from-this-client counter after a successful sign-in."""
    _store(store).delete(_counters(username, address)[0][0])
