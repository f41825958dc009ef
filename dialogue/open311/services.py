"""Receiving a GeoReport v2 service request as a citizen's petition.

A connected application (a city app, a province's 1022 portal) sends what a citizen typed
with its `api_key`. The request becomes a petition through the same intake as the
portal's form (`petition_submit_public`): consent is required and stored word for word
(Law 91/2025/QH15, Decree 356/2025/NĐ-CP), the petitioner gets a tracking code, and the
receiving body is told. The service chosen is recorded as the petition's field, which the
receiving body confirms or changes when it classifies the petition.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.api.models import ApiToken
from dialogue.core.services import audit_record
from dialogue.open311 import selectors
from dialogue.organisation.models import Unit
from dialogue.petitions.models import Channel, Field, NotifyChannel, Petition
from dialogue.petitions.public import Submission, petition_submit_public

MSG_KEY_SCOPE = _("This api_key may not send petitions to this province or commune.")

# Submission keys of Open311 requests live in their own namespace, so they never meet the
# portal's form keys.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:doithoai:open311:v2")


@dataclass
class RequestInput:
    """What a POST requests.<format> carried, already checked for form (see views)."""

    description: str
    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    email: str = ""
    address_string: str = ""
    media_url: str = ""
    device_id: str = ""
    account_id: str = ""
    consent: bool = False
    identity_protected: bool = False
    notify_by: str = NotifyChannel.NONE
    request_key: str = ""
    # The request's parameters (without the key), for a key derived from the content
    # when the application sends no request_key of its own.
    fingerprint: str = ""


def fingerprint_of(params: dict[str, list[str]]) -> str:
    """A digest of a request's parameters, the api_key left out, in a fixed order."""
    items = sorted((k, sorted(v)) for k, v in params.items() if k != "api_key")
    return hashlib.sha256(json.dumps(items, ensure_ascii=False).encode()).hexdigest()


def submission_key(token: ApiToken, data: RequestInput) -> uuid.UUID:
    """The same request sent again by the same application (a retry after a timeout, a
    double tap) carries the same key, so it is recorded once: the key of the application's
    account, the device or account, and the application's request_key or else the
    request's content."""
    parts = [str(token.user_id), data.device_id, data.account_id, data.request_key or data.fingerprint]
    return uuid.uuid5(_NAMESPACE, "\n".join(parts))


def _content(data: RequestInput) -> str:
    content = data.description or ""
    if data.media_url:
        # Nothing is fetched (no network at run time): the officer sees the address.
        content = f"{content}\n\n{gettext(selectors.MEDIA_LINE) % {'url': data.media_url}}"
    return content


@transaction.atomic
def request_submit(*, token: ApiToken, area: Unit, field: Field, data: RequestInput) -> tuple[Petition, bool]:
    """Record a connected application's service request as a citizen's petition to the
    body that receives `area`'s petitions; return it and whether it is new (False: the
    same request was recorded before and nothing was written).

    The key's person must be allowed to enter petitions for `area` (a role with
    petition intake over the province or commune). Consent is required (Law 91/2025/QH15);
    every other rule is the public intake's."""
    if not selectors.key_may_submit(token.user, area):
        raise PermissionDenied(MSG_KEY_SCOPE)
    key = submission_key(token, data)
    existing = Petition.objects.filter(submission_key=key).first()
    if existing is not None:
        return existing, False
    name = " ".join(part for part in (data.last_name.strip(), data.first_name.strip()) if part)
    petition = petition_submit_public(
        Submission(
            content=_content(data),
            name=name,
            phone=data.phone,
            consent=data.consent,
            area=area,
            address=data.address_string,
            email=data.email,
            identity_protected=data.identity_protected,
            notify_by=data.notify_by,
            submission_key=key,
            channel=Channel.OPEN311,
            source_client=selectors.client_label(token),
        )
    )
    # The service the citizen chose is the petition's field until the receiving body
    # classifies it; a twin request that won a race has set it already.
    if not Petition.objects.filter(pk=petition.pk, field__isnull=True).update(field=field):
        return petition, False
    petition.field = field
    audit_record(
        actor=token.user,
        action="open311.request_submit",
        target=petition,
        unit=petition.receiving_unit,
        after={
            "service_code": field.code,
            "field": field.name,
            "jurisdiction_id": area.code,
            "key": token.prefix,
            "media_url": bool(data.media_url),
        },
    )
    return petition, True
