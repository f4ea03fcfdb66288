"""A small in-process cache of the portal's public pages (anonymous GETs): the portal is read by many and
written rarely, and a phone on a slow network should not wait for the database. An entry lives
``DANVAN_PORTAL_CACHE_SECONDS`` (60 by default) and every publication in this process drops them all
(``bump``); other processes see a publication when their entries expire. Nothing personal is ever cached:
the intake form and the status page are not cached.

``warm()`` fills the cache with the portal's front pages (home, showcase, boards, calendar) in the
process that calls it: each gunicorn worker calls it once when it starts (``post_worker_init`` in
deploy/gunicorn.conf.py), so the first visitors of a fresh worker do not wait for the database."""

import threading
import time
from functools import wraps

from django.conf import settings
from django.http import HttpResponse

MAX_ENTRIES = 2000
_lock = threading.Lock()
_entries: dict[str, tuple[float, int, bytes, str, str]] = {}


def bump() -> None:
    """Forget every cached page (after a publication)."""
    with _lock:
        _entries.clear()


# The feeds are not warmed: their links carry the host the visitor asked for.
WARM_PATHS = ("/cong-khai/", "/cong-khai/mo-hinh/", "/cong-khai/bang-cong-khai/", "/cong-khai/lich-doi-thoai/")


def warm(paths=WARM_PATHS) -> int:
    """Render each of ``paths`` as an anonymous visitor would and keep it (through the views' ``cached``).

    Effects: fills this process's entries; reads the portal's tables; writes nothing. Returns how many
    pages were kept. A page that fails is skipped (a worker must start even with the portal empty)."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from django.urls import resolve
    from django.utils import translation

    seconds = getattr(settings, "DANVAN_PORTAL_CACHE_SECONDS", 60)
    if not seconds:
        return 0
    factory, kept = RequestFactory(), 0
    with translation.override(settings.LANGUAGE_CODE):
        for path in paths:
            request = factory.get(path)
            request.user = AnonymousUser()
            try:
                match = resolve(request.path_info)
                response = match.func(request, *match.args, **match.kwargs)
            except Exception:  # noqa: BLE001 - never stop a worker's start (Resolver404 included)
                continue
            kept += request.get_full_path() in _entries and response.status_code == 200
    return kept


def cached(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = getattr(settings, "DANVAN_PORTAL_CACHE_SECONDS", 60)
        if request.method != "GET" or not seconds or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = request.get_full_path()
        now = time.monotonic()
        hit = _entries.get(key)
        if hit and hit[0] > now:
            response = HttpResponse(hit[2], status=hit[1], content_type=hit[3])
            response["Cache-Control"] = hit[4]
            return response
        response = view(request, *args, **kwargs)
        if response.status_code in (200, 404) and not response.streaming:
            with _lock:
                if len(_entries) >= MAX_ENTRIES:
                    _entries.clear()
                _entries[key] = (now + seconds, response.status_code, response.content, response["Content-Type"],
                                 response.get("Cache-Control", ""))
        return response

    return wrapper


class PortalCacheMiddleware:
    """Serve a cached portal page before the rest of the stack runs (sessions, language, CSRF, users,
    messages…): an anonymous GET under ``/cong-khai/`` whose answer ``cached`` kept is sent at once. Placed
    right after the security and CSP middleware, so their headers still go on every answer; the frame
    header the inner stack would add is set here. A request with a session cookie (a signed-in officer
    looking at the portal) goes the usual way."""

    PREFIX = "/cong-khai/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and request.path.startswith(self.PREFIX) and \
                settings.SESSION_COOKIE_NAME not in request.COOKIES:
            hit = _entries.get(request.get_full_path())
            if hit and hit[0] > time.monotonic():
                response = HttpResponse(hit[2], status=hit[1], content_type=hit[3])
                response["Cache-Control"] = hit[4]
                response["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY")
                return response
        return self.get_response(request)
