import time

from django.conf import settings

from dialogue.core.context import client_ip


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = client_ip.set(request.META.get("REMOTE_ADDR"))
        try:
            return self.get_response(request)
        finally:
            client_ip.reset(token)


SESSION_RENEWED = "_renewed"


class SessionRenewalMiddleware:
    """Sessions end after SESSION_COOKIE_AGE of inactivity: each request of a signed-in
    person renews theirs, but at most once every SESSION_RENEW_SECONDS (default 5 minutes).

    Django's SESSION_SAVE_EVERY_REQUEST wrote the session row on every page (an UPDATE and a
    commit per request, measured in bench/national.py); renewing at most every few minutes
    keeps the inactivity limit to within those minutes and leaves most pages read-only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not session.accessed or session.modified:
            return response  # a page that never read the session, or one that saves it anyway
        # Only when the view already looked up the person (AuthenticationMiddleware's cache):
        # asking here would read the session of a public page that did not need it.
        user = request.__dict__.get("_cached_user")
        if user is not None and user.is_authenticated:
            now = int(time.time())
            if now - int(session.get(SESSION_RENEWED, 0)) >= settings.SESSION_RENEW_SECONDS:
                session[SESSION_RENEWED] = now  # marks the session modified: saved with a new expiry
        return response
