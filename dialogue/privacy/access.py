"""Recording who was shown a petitioner's contact details (Law 91/2025/QH15: the
controller keeps a record of the processing of personal data; Decree 356/2025/NĐ-CP).

Each page, API call or export that shows a petitioner's name, telephone number, address
or e-mail calls one of these functions once, with what it shows. Only petitions whose
petitioner the person really saw are recorded — not those whose identity was kept from
them (`can_see_identity`), nor those that hold no personal data (anonymised, or entered
without a name) — in one bulk insert per request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from dialogue.core.context import client_ip
from dialogue.organisation.models import Unit
from dialogue.petitions.models import Petition
from dialogue.petitions.selectors import identity_hidden_ids
from dialogue.privacy.models import AccessView, ContactAccess

# What an anonymised petition's name reads (stored in Vietnamese, like any data).
ANONYMISED_NAME = _("Anonymised petitioner")

# Documents that never name a protected petitioner, whoever asks (the synthesis report's
# Excel list, and the dossier that holds it): protected petitions are not recorded there.
_ANNEX_VIEWS = {AccessView.SYNTHESIS_WORKBOOK, AccessView.DOSSIER}

_FIELDS = ("id", "name", "phone", "address", "email", "identity_protected", "receiving_unit_id")


def anonymised_name() -> str:
    with translation.override("vi"):
        return str(ANONYMISED_NAME)


def has_personal_data(petition: Petition) -> bool:
    name = (petition.name or "").strip()
    return bool(
        (name and name != anonymised_name()) or (petition.phone or "").strip() or petition.address or petition.email
    )


def _unit_paths(petitions: list[Petition]) -> dict[int, str]:
    known = {}
    missing = set()
    for petition in petitions:
        cached = petition._state.fields_cache.get("receiving_unit")
        if cached is not None:
            known[cached.pk] = cached.path
        else:
            missing.add(petition.receiving_unit_id)
    missing -= set(known)
    if missing:
        known.update(Unit.objects.filter(pk__in=missing).values_list("pk", "path"))
    return known


def record_contact_access(user, petitions: Iterable[Petition], *, where: str) -> int:
    """Record that `user` was shown the contact details of each of `petitions` on `where`
    (an `AccessView`); returns how many entries were written (one INSERT)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    shown = [p for p in petitions if has_personal_data(p)]
    if where in _ANNEX_VIEWS:
        shown = [p for p in shown if not p.identity_protected]
    else:
        hidden = identity_hidden_ids(user=user, petitions=shown)
        shown = [p for p in shown if p.pk not in hidden]
    if not shown:
        return 0
    paths = _unit_paths(shown)
    ip = client_ip.get()
    name = user.get_full_name() or user.get_username()
    rows, seen = [], set()
    for petition in shown:
        if petition.pk in seen:
            continue
        seen.add(petition.pk)
        rows.append(
            ContactAccess(
                user=user,
                user_repr=name[:255],
                petition_id=petition.pk,
                view=where,
                unit_id=petition.receiving_unit_id,
                unit_path=paths.get(petition.receiving_unit_id, ""),
                ip=ip,
            )
        )
    ContactAccess.objects.bulk_create(rows)
    return len(rows)


def record_group_access(user, groups, *, where: str) -> int:
    """The same for the petitions of `groups` (a document listing each group's
    petitioners). Call it after the document was built from the same queryset: its
    petitions are then read from the prefetch, without another query."""
    petitions = [petition for group in groups for petition in group.petitions.all()]
    return record_contact_access(user, petitions, where=where)


def record_dossier_access(user, export) -> int:
    """A conference dossier was downloaded: its Excel list names the petitioners of the
    groups the person who asked for it could see (protected petitioners excepted)."""
    from dialogue.petitions.selectors import group_list_for_user

    requester = export.requested_by or user
    groups = group_list_for_user(user=requester, conference=export.conference).values("pk")
    petitions = list(Petition.objects.filter(group__in=groups).only(*_FIELDS))
    return record_contact_access(user, petitions, where=AccessView.DOSSIER)


def record_import_access(user, batch) -> int:
    """The report of an Excel import was shown with the names and telephone numbers of
    its rows: record the petitions already imported from those rows."""
    rows = [row.get("row") for row in (batch.report or {}).get("rows", []) if row.get("phone") or row.get("name")]
    if not rows:
        return 0
    petitions = list(Petition.objects.filter(import_batch=batch, import_row__in=rows).only(*_FIELDS))
    return record_contact_access(user, petitions, where=AccessView.IMPORT_REPORT)


# Keys of the messages sent to petitioners (portal.notify, followup.satisfaction).
_PETITION_KEY = re.compile(r"^(?:portal|portal-receipt):(\d+):|^escalation-answer:\d+:(\d+):")
_SATISFACTION_KEY = re.compile(r"^satisfaction:(\d+):")


def petition_ids_of_messages(messages) -> dict[int, int]:
    """message id -> petition id, for the messages sent to a petitioner."""
    from dialogue.followup.models import SatisfactionRequest

    found, requests = {}, {}
    for message in messages:
        if message.recipient_id is not None:
            continue
        match = _PETITION_KEY.match(message.key)
        if match:
            found[message.pk] = int(match.group(1) or match.group(2))
            continue
        match = _SATISFACTION_KEY.match(message.key)
        if match:
            requests[message.pk] = int(match.group(1))
    if requests:
        petition_of = dict(
            SatisfactionRequest.objects.filter(pk__in=set(requests.values())).values_list("pk", "petition_id")
        )
        for message_pk, request_pk in requests.items():
            if request_pk in petition_of:
                found[message_pk] = petition_of[request_pk]
    return found


def record_message_access(user, messages) -> int:
    """Messages sent to petitioners were listed with the number or address they went to.
    `messages` is a page (its list is read once and kept) or a list of messages."""
    if hasattr(messages, "object_list"):
        messages.object_list = list(messages.object_list)
        messages = messages.object_list
    shown = [m for m in messages if m.address]
    ids = set(petition_ids_of_messages(shown).values())
    if not ids:
        return 0
    petitions = list(Petition.objects.filter(pk__in=ids).only(*_FIELDS))
    return record_contact_access(user, petitions, where=AccessView.MESSAGES)
