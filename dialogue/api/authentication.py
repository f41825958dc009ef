"""`Authorization: Bearer dt_…` (or `Token dt_…`): the key acts as its person, with that
person's roles and nothing more (`dialogue.api.tokens`)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from dialogue.api.tokens import token_for_key

MSG_INVALID = _("The API key is not valid, has expired or has been revoked.")


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower().decode(errors="replace") not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(MSG_INVALID)
        token = token_for_key(header[1].decode(errors="replace"))
        if token is None:
            raise exceptions.AuthenticationFailed(MSG_INVALID)
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
