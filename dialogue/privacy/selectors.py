"""Reads of personal data, scoped to the person who reads.

- Looking a citizen up, exporting and anonymising their data: a system administrator,
  over the units their role covers (a national administrator: everywhere).
- The access log: administrators and the synthesis board (`Capability.AUDIT_VIEW`), over
  the receiving units of the petitions, like the audit log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from dialogue.lib.phones import normalize_phone
from dialogue.lib.text import fold
from dialogue.organisation.models import User
from dialogue.organisation.roles import Capability, Role
from dialogue.organisation.selectors import active_roles, person_get_for_user, scope_paths, user_can
from dialogue.petitions.models import Petition
from dialogue.privacy.models import ContactAccess, ErasedPetition, Erasure

# A name search reads at most this many petitions whose folded text has every word.
NAME_CANDIDATES = 2000
LOOKUP_LIMIT = 200


def admin_paths(user) -> list[str] | None:
    """Tree paths over which the person is a system administrator; None: the whole country."""
    paths: list[str] = []
    for assignment in active_roles(user):
        if assignment.role != Role.ADMIN:
            continue
        if assignment.unit_id is None:
            return None
        paths.append(assignment.unit.path)
    return paths


def is_privacy_admin(user) -> bool:
    return admin_paths(user) != []


def _paths_q(paths: list[str] | None, field: str) -> Q:
    if paths is None:
        return Q()
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def admin_petitions(user) -> QuerySet[Petition]:
    """Petitions received by units where the person is an administrator."""
    return Petition.objects.filter(_paths_q(admin_paths(user), "receiving_unit__path"))


def can_anonymise(user, petition: Petition) -> bool:
    paths = admin_paths(user)
    return paths is None or any(petition.receiving_unit.path.startswith(p) for p in paths)


# ---------------------------------------------------------------- looking a person up


class LookupKind:
    PHONE = "phone"
    EMAIL = "email"
    NAME = "name"


@dataclass
class Lookup:
    kind: str
    value: str  # the normalised telephone number, the e-mail address, or the folded name


def parse_lookup(raw: str) -> Lookup | None:
    """What the administrator typed: an e-mail address, a telephone number (any usual
    spelling), or a name (with or without accents). None when it is none of them; a
    malformed telephone number raises `InvalidPhone` with the message to show."""
    text = (raw or "").strip()
    if not text:
        return None
    if "@" in text:
        return Lookup(LookupKind.EMAIL, text.lower())
    if re.fullmatch(r"[\d\s.\-()+]+", text):
        return Lookup(LookupKind.PHONE, normalize_phone(text))
    folded = " ".join(fold(text).split())
    if len(folded.replace(" ", "")) < 2:
        return None
    return Lookup(LookupKind.NAME, folded)


def person_lookup(*, user, lookup: Lookup) -> list[Petition]:
    """The petitions within the administrator's units whose petitioner has this telephone
    number or e-mail address, or whose petitioner's name contains these words (accents
    ignored), latest first. A name is matched on the name itself, not on the content."""
    qs = admin_petitions(user).select_related("receiving_unit", "conference", "import_batch")
    if lookup.kind == LookupKind.PHONE:
        qs = qs.filter(phone=lookup.value)
    elif lookup.kind == LookupKind.EMAIL:
        qs = qs.filter(email__iexact=lookup.value)
    else:
        # The folded text holds the name with the content: it narrows the rows in SQL,
        # then the name itself is compared without accents.
        for word in lookup.value.split():
            qs = qs.filter(search_folded__contains=word)
        wanted = f" {lookup.value} "
        found = []
        for petition in qs.order_by("-received_on", "-id")[:NAME_CANDIDATES]:
            if wanted in f" {' '.join(fold(petition.name).split())} ":
                found.append(petition)
                if len(found) >= LOOKUP_LIMIT:
                    break
        return found
    return list(qs.order_by("-received_on", "-id")[:LOOKUP_LIMIT])


def chosen_petitions(*, user, ids) -> list[Petition]:
    """The petitions an administrator ticked, each within their units; any other id is 404."""
    wanted = set()
    for raw in ids:
        if not str(raw).isdigit():
            raise Http404
        wanted.add(int(raw))
    if not wanted:
        return []
    found = list(
        admin_petitions(user)
        .filter(pk__in=wanted)
        .select_related("receiving_unit", "conference", "field", "group", "address_unit", "import_batch")
        .order_by("received_on", "id")
    )
    if len(found) != len(wanted):
        raise Http404
    return found


def erased_ids(petitions) -> set[int]:
    return set(
        ErasedPetition.objects.filter(petition_id__in=[p.pk for p in petitions]).values_list("petition_id", flat=True)
    )


# ---------------------------------------------------------------- the access log


def can_read_access_log(user, unit=None) -> bool:
    return user_can(user, Capability.AUDIT_VIEW, unit)


def access_scope_q(user) -> Q:
    return _paths_q(scope_paths(user, Capability.AUDIT_VIEW), "unit_path")


@dataclass
class AccessFilters:
    petition: int | None = None
    staff: int | None = None
    view: str = ""


def access_list_for_user(*, user, filters: AccessFilters | None = None) -> QuerySet[ContactAccess]:
    f = filters or AccessFilters()
    qs = ContactAccess.objects.filter(access_scope_q(user)).select_related("unit")
    if f.petition:
        qs = qs.filter(petition_id=f.petition)
    if f.staff:
        qs = qs.filter(user_id=f.staff)
    if f.view:
        qs = qs.filter(view=f.view)
    return qs.order_by("-at", "-id")


def access_petition_get_for_user(*, user, pk: int) -> Petition:
    """A petition whose access log the person may read (its receiving unit lies in their
    audit scope); 404 otherwise."""
    petition = (
        Petition.objects.filter(_paths_q(scope_paths(user, Capability.AUDIT_VIEW), "receiving_unit__path"), pk=pk)
        .select_related("receiving_unit")
        .first()
    )
    if petition is None:
        raise Http404
    return petition


def access_staff_get_for_user(*, user, pk: int) -> User:
    """A member of staff whose accesses the person may read: someone working or holding a
    role in the reader's audit scope; 404 otherwise."""
    return person_get_for_user(user=user, pk=pk, capability=Capability.AUDIT_VIEW)


def person_access_log(petitions) -> QuerySet[ContactAccess]:
    """Every access to these petitions' contact details (for the person's export)."""
    return ContactAccess.objects.filter(petition_id__in=[p.pk for p in petitions]).select_related("unit")


def erasure_list_for_user(*, user, limit: int = 10) -> list[Erasure]:
    """The latest anonymisations in the administrator's units."""
    paths = admin_paths(user)
    if paths == []:
        return []
    qs = Erasure.objects.all() if paths is None else Erasure.objects.filter(_paths_q(paths, "unit_path"))
    return list(qs.select_related("unit").order_by("-at", "-id")[:limit])
