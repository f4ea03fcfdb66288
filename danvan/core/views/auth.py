import ipaddress

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.domain import login_throttle
from danvan.core.forms import StyledFormMixin


def _networks(entries) -> list:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            continue
    return networks


def _parse(address: str):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def client_address(request) -> str:
    """The address of the client a request comes from.

    ``REMOTE_ADDR``, unless it is one of the trusted reverse proxies (``DANVAN_TRUSTED_PROXIES``:
    addresses or networks); then ``X-Forwarded-For`` is read from the right, skipping trusted proxies,
    and the first other address is the client. Whatever a client writes further left is ignored, and
    ``X-Forwarded-For`` from an untrusted address is never read.
    """
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    trusted = _networks(getattr(settings, "DANVAN_TRUSTED_PROXIES", []))
    if not trusted:
        return remote

    def is_trusted(address) -> bool:
        return address is not None and any(address in network for network in trusted)

    if not is_trusted(_parse(remote)):
        return remote
    client = remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _parse(hop)
        if address is None:
            break
        client = str(address)
        if not is_trusted(address):
            break
    return client


class ThrottleMixin:
    """Refuses a sign-in while the throttle blocks that username or client, counts each failure
    (``core.domain.login_throttle``). Used by the main login page and the admin site's."""

    def clean(self):
        username = self.data.get("username", "")
        address = client_address(self.request) if self.request else ""
        if login_throttle.is_blocked(username, address):
            raise forms.ValidationError(
                _("Too many failed sign-ins. Try again in %(minutes)d minutes.")
                % {"minutes": max(1, settings.LOGIN_FAILURE_WINDOW // 60)},
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            login_throttle.record_failure(username, address)
            raise
        login_throttle.reset(username, address)
        return cleaned


class ThrottledAuthenticationForm(ThrottleMixin, StyledFormMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": gettext_lazy("Wrong username or password. Passwords are case-sensitive."),
        "inactive": gettext_lazy("This account is locked. Contact your unit's administrator."),
    }


class ThrottledAdminAuthenticationForm(ThrottleMixin, AdminAuthenticationForm):
    """The admin site's login form, throttled like the main one (same counters)."""


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True
