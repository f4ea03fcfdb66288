"""Throttling of failed logins, per username and per client address, in the cache (Redis in
production so that every app server sees the same counters)."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from danvan.core.text import fold


def _keys(username: str, address: str) -> list[str]:
    user_key = hashlib.sha256(fold(username).encode()).hexdigest()[:32]
    return [f"login-fail:u:{user_key}", f"login-fail:a:{address}"]


def is_blocked(username: str, address: str) -> bool:
    limit = settings.LOGIN_FAILURE_LIMIT
    return any((cache.get(key) or 0) >= limit for key in _keys(username, address))


def record_failure(username: str, address: str) -> None:
    """Effects: increments the two failure counters (each expires after LOGIN_FAILURE_WINDOW s)."""
    for key in _keys(username, address):
        if not cache.add(key, 1, settings.LOGIN_FAILURE_WINDOW):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, settings.LOGIN_FAILURE_WINDOW)


def reset(username: str, address: str) -> None:
    """Effects: clears the username counter after a successful login."""
    cache.delete(_keys(username, address)[0])
