"""`Authorization: Bearer ppo_…` (or `X-Api-Key: ppo_…`): the key's scope decides what a call may read or write."""

from django.contrib.auth.models import AnonymousUser
from rest_framework import authentication, exceptions

from ppo.api import perms
from ppo.api.models import ApiKey
from ppo.api.services import SECRET_PREFIX, key_digest


def _secret_from(request) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    return request.META.get("HTTP_X_API_KEY", "").strip() or None


class ApiKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        secret = _secret_from(request)
        if secret is None:
            return None
        if not secret.startswith(SECRET_PREFIX):
            raise exceptions.AuthenticationFailed("Clé d’API invalide.")
        key = (
            ApiKey.objects.select_related("academie", "bassin__academie", "structure", "created_by")
            .filter(digest=key_digest(secret))
            .first()
        )
        if key is None:
            raise exceptions.AuthenticationFailed("Clé d’API invalide.")
        if not perms.key_still_allowed(key):
            raise exceptions.AuthenticationFailed(
                "Cette clé d’API est révoquée, ou la personne qui l’a créée n’a plus accès à ce périmètre."
            )
        # The key acts for its scope, not with every right of its author: views read `request.auth`.
        return AnonymousUser(), key

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
