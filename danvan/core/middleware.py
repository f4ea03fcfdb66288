import hashlib
import time

from django.conf import settings
from django.contrib.auth import logout
from django.core import signing
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    """Vietnamese unless the user chose another language (the language cookie set by /i18n/setlang/).

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language, so a Ban officer whose
    browser is in English still gets the Vietnamese interface by default.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.available:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


ACTIVITY_COOKIE = "danvan_activity"
_AUTH_AT = "_danvan_auth_at"
_SALT = "danvan.session-activity"


def _session_tag(session_key: str) -> str:
    return hashlib.sha256((session_key or "").encode()).hexdigest()[:16]


def activity_stamp(session_key: str, *, at: float) -> str:
    """The signed value of the activity cookie: the session it belongs to and when it was last used."""
    return signing.Signer(salt=_SALT).sign(f"{_session_tag(session_key)}:{int(at)}")


def _last_activity(request) -> float | None:
    """When this session was last used: the activity cookie if it is genuine and belongs to this
    session, else the moment of sign-in (kept in the session); None for a session with neither."""
    value = request.COOKIES.get(ACTIVITY_COOKIE)
    if value:
        try:
            tag, at = signing.Signer(salt=_SALT).unsign(value).split(":")
            if tag == _session_tag(request.session.session_key):
                return float(at)
        except (signing.BadSignature, ValueError):
            pass
    return request.session.get(_AUTH_AT)


def remember_sign_in(sender, request, user, **kwargs):
    """``user_logged_in`` receiver: note the sign-in time in the session (the idle clock starts)."""
    if request is not None and hasattr(request, "session"):
        request.session[_AUTH_AT] = time.time()


class SessionIdleMiddleware:
    """Signs out a session unused for ``DANVAN_SESSION_IDLE`` seconds.

    The last use is kept in a signed cookie bound to the session (set on every response to a signed-in
    user), so that reading a page writes nothing to the database. A cookie of another session, a
    forged one or none at all falls back to the sign-in time. The session's whole life is bounded by
    ``SESSION_COOKIE_AGE`` (a working day) and by closing the browser.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated and session.session_key:
            last = _last_activity(request)
            if last is None or time.time() - last > settings.DANVAN_SESSION_IDLE:
                logout(request)
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if (session is not None and getattr(request, "user", None) is not None
                and request.user.is_authenticated and session.session_key):
            response.set_cookie(
                ACTIVITY_COOKIE, activity_stamp(session.session_key, at=time.time()), httponly=True,
                secure=settings.SESSION_COOKIE_SECURE, samesite="Lax", path=settings.SESSION_COOKIE_PATH,
            )
        elif ACTIVITY_COOKIE in request.COOKIES:
            response.delete_cookie(ACTIVITY_COOKIE, path=settings.SESSION_COOKIE_PATH)
        return response


class PrivateCacheMiddleware:
    """Pages for a signed-in user (session or API token) are theirs alone: ``Cache-Control: private,
    no-store`` so that neither a shared proxy nor the browser's disk keeps them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or "HTTP_AUTHORIZATION" in request.META:
            response.headers["Cache-Control"] = "private, no-store"
            patch_vary_headers(response, ["Cookie"])
        return response
