"""API authentication: ``Authorization: Bearer <token>`` (tokens from ``manage.py create_api_token``)
or the browser session. Either way the request's user then goes through the same scope as the
interface."""

from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from danvan.core.models import ApiToken
from danvan.core.models.tokens import hash_token


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        if not token:
            return None
        api_token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(token)).first()
        if api_token is None or not api_token.user.is_active:
            return None
        if api_token.expires_at and api_token.expires_at < timezone.now():
            return None
        if api_token.last_used_at is None or (timezone.now() - api_token.last_used_at).total_seconds() > 300:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        request.user = api_token.user
        return api_token.user


AUTH = [BearerToken(), SessionAuth()]
