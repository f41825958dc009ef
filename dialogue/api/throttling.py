"""A rate limit per API key, counted in the database (`dialogue.core.ratelimit`) so that
every application process shares one count. Over the limit the API answers 429 with
Retry-After."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import BaseThrottle

from dialogue.api.models import ApiToken
from dialogue.core import ratelimit

WINDOW_SECONDS = 60
DEFAULT_PER_MINUTE = 600


def per_minute() -> int:
    """Requests a key may make each minute (`API_RATE_PER_MINUTE`; 0 turns the limit off)."""
    return int(getattr(settings, "API_RATE_PER_MINUTE", DEFAULT_PER_MINUTE))


class TokenRateThrottle(BaseThrottle):
    def allow_request(self, request, view) -> bool:
        token = request.auth
        limit = per_minute()
        if not isinstance(token, ApiToken) or limit <= 0:
            return True
        return ratelimit.allow(f"api:token:{token.pk}", limit=limit, seconds=WINDOW_SECONDS)

    def wait(self) -> float:
        # The window is fixed (aligned on the minute), so the count resets at its end.
        return ratelimit.seconds_left(WINDOW_SECONDS)
