"""Error pages inside the layout: 400, 403, 404, 500 and a refused CSRF check, in Vietnamese, with the
menu, what happened in plain words and a way back (the previous page of this site, the overview).

The CSRF page says that what the officer typed is kept in the browser (``danvan/drafts.js`` keeps a draft
of every long form) and links back to the form, where the draft is offered for recovery.
"""

import logging
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _back_url(request):
    """The page the user came from, when it is a page of this site (never another host), else None."""
    referer = request.META.get("HTTP_REFERER", "")
    if not referer or not url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()},
                                                          require_https=request.is_secure()):
        return None
    parts = urlsplit(referer)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    # a form posts to its own page: going back to it (GET) is the way back; a GET to itself is not
    return path if request.method != "GET" or path != request.get_full_path() else None


def _page(request, status, *, title, message, hint="", back_url=None, csrf=False):
    context = {
        "error_status": status, "error_title": title, "error_message": message, "error_hint": hint,
        "back_url": back_url if back_url is not None else _back_url(request), "csrf_failure": csrf,
    }
    try:
        return render(request, "core/error.html", context, status=status)
    except Exception:  # the layout itself failed (database down...): a bare page, still Vietnamese
        logger.exception("error page %s could not be rendered in the layout", status)
        return HttpResponse(
            f"<!doctype html><html lang=vi><meta charset=utf-8><title>{title}</title>"
            f"<h1>{title}</h1><p>{message}</p><p><a href='/'>{_('Back to the overview')}</a></p>",
            status=status)


def bad_request(request, exception=None):
    return _page(request, 400, title=_("The request could not be read"),
                 message=_("The page received data it cannot read. Nothing was changed."))


def permission_denied(request, exception=None):
    return _page(request, 403, title=_("You may not do this"),
                 message=_("Your role does not allow this action. Nothing was changed."),
                 hint=_("If you think you should be able to, ask your unit's administrator."))


def page_not_found(request, exception=None):
    return _page(request, 404, title=_("Page not found"),
                 message=_("This page does not exist, or the record is not in your scope."),
                 hint=_("Check the address, or find the record from the menu."))


def server_error(request):
    return _page(request, 500, title=_("Something went wrong"),
                 message=_("The system could not finish this request. Nothing was saved by it; the error "
                           "has been recorded for the administrators."),
                 hint=_("Try again in a moment. If you were filling a form, go back: what you typed is "
                        "kept in this browser as a draft."))


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: the form was sent with an expired token (signed in again in another tab,
    the session ended). Nothing was saved; the text typed is kept in the browser as a draft."""
    return _page(request, 403, csrf=True, title=_("The form was not saved: your session changed"),
                 message=_("You signed in again or your session ended since this form was opened, so the "
                           "system could not accept it. Nothing was saved."),
                 hint=_("What you typed is kept in this browser: go back to the form, choose \"Restore "
                        "the draft\" and save again."))
