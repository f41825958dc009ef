"""Security headers Django's SecurityMiddleware does not set: Content-Security-Policy and
Permissions-Policy (Cross-Origin-Opener-Policy comes from SecurityMiddleware, through
SECURE_CROSS_ORIGIN_OPENER_POLICY).

The policy allows scripts and styles from this site only: no inline <script>, no on*=
handler, no <style> element and no style="..." attribute anywhere (pages are wired by
data attributes in static/js; tests/test_accounts_security.py scans templates and
rendered pages). A few lines, rather than django-csp, because the policy is one fixed
string with no per-request nonce: nothing inline is allowed at all.
"""

from django.conf import settings


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.csp = settings.CONTENT_SECURITY_POLICY
        self.permissions = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        # setdefault: a view may set a stricter policy of its own.
        if self.csp:
            response.headers.setdefault("Content-Security-Policy", self.csp)
        if self.permissions:
            response.headers.setdefault("Permissions-Policy", self.permissions)
        return response
