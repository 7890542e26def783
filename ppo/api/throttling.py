"""Rate limits: per key for calls with a key, per address for anonymous calls (rates in settings)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from ppo.api.models import ApiKey


class KeyOrAddressThrottle(SimpleRateThrottle):
    def __init__(self):
        pass  # the rate depends on the request (key or address): chosen in allow_request

    def allow_request(self, request, view):
        self.scope = "key" if isinstance(request.auth, ApiKey) else "anonyme"
        self.rate = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][self.scope]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiKey):
            return f"api-throttle-key-{request.auth.pk}"
        return f"api-throttle-ip-{self.get_ident(request)}"
