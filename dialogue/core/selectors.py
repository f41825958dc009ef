from django.db.models import Q, QuerySet
from django.http import Http404

from dialogue.core.models import AuditEntry
from dialogue.lib.text import fold
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import scope_paths


def _audit_scope_q(user) -> Q:
    """Entries about units inside the person's scope; national entries (no unit) only
    for someone whose scope is the whole country."""
    paths = scope_paths(user, Capability.AUDIT_VIEW)
    if paths is None:
        return Q()
    if not paths:
        return Q(pk__in=[])
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(unit_path__startswith=path)
    return q


def audit_list_for_user(*, user, action: str = "", actor: str = "", query: str = "") -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.filter(_audit_scope_q(user)).select_related("actor", "unit")
    if action:
        qs = qs.filter(action=action)
    if actor:
        qs = qs.filter(actor__search_folded__contains=fold(actor))
    if query:
        qs = qs.filter(Q(target_repr__icontains=query) | Q(actor_repr__icontains=query))
    return qs.order_by("-at", "-id")


def audit_entry_get_for_user(*, user, pk: int) -> AuditEntry:
    entry = AuditEntry.objects.filter(Q(pk=pk) & _audit_scope_q(user)).select_related("actor", "unit").first()
    if entry is None:
        raise Http404
    return entry
