"""The OpenAPI document: the bearer key as security scheme, and the error bodies every
operation can answer with, so that a client (and the contract test) knows them all."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import force_instance
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in Vietnamese, for the person.")
    field = serializers.CharField(
        allow_null=True, help_text="The input (body field or query parameter) it concerns, or null."
    )
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Every refused input with its messages (only when the input was refused).",
    )

    class Meta:
        ref_name = "Error"


ERROR_DESCRIPTIONS = {
    400: "The input was refused (a query parameter, the body, or a business rule of the service).",
    401: "No API key, or the key is unknown, revoked or expired.",
    403: "Your roles do not allow this action.",
    404: "Not found, or outside what your roles let you see (or a page after the last).",
    406: "Only JSON is served.",
    409: "The object changed since you read it (stale `version`), or its state does not allow this move.",
    415: "The body must be JSON.",
    429: "Too many requests with this key; see the Retry-After header.",
}
READ_ERRORS = (400, 401, 404, 406, 429)
WRITE_ERRORS = (400, 401, 403, 404, 406, 409, 415, 429)


class ApiAutoSchema(AutoSchema):
    def _get_parameters(self):
        parameters = super()._get_parameters()
        for parameter in parameters:
            # Ids in paths are positive integers (the route accepts anything and answers 404).
            if parameter["in"] == "path" and parameter["name"] == "id":
                parameter["schema"] = {"type": "integer", "minimum": 1}
        return parameters

    def _get_request_for_media_type(self, serializer, direction="request"):
        # A PATCH whose body has required fields (the `version` read) is documented as
        # it is validated, not as a "patched" serializer with every field optional.
        if self.method == "PATCH" and getattr(force_instance(serializer), "whole_on_patch", False):
            self.method = "PUT"
            try:
                return super()._get_request_for_media_type(serializer, direction)
            finally:
                self.method = "PATCH"
        return super()._get_request_for_media_type(serializer, direction)

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = READ_ERRORS if self.method in ("GET", "HEAD") else WRITE_ERRORS
        for code in codes:
            key = str(code)
            if key not in responses:
                response = self._get_response_for_code(ErrorSerializer, key, direction=direction)
                response["description"] = ERROR_DESCRIPTIONS[code]
                if code == 429:
                    response["headers"] = {
                        "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}
                    }
                responses[key] = response
        return responses


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "dialogue.api.authentication.ApiTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "dt_<prefix>_<secret>",
            "description": "A key issued on the staff page /api-keys/; it acts with its person's roles.",
        }
