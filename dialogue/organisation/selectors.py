"""Reads of the organisation tree, always scoped to what the person's roles cover."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from dialogue.lib.text import fold
from dialogue.organisation.models import Level, RoleAssignment, Unit, UnitCategory, UnitStatus, User
from dialogue.organisation.roles import roles_with


def active_roles(user) -> list[RoleAssignment]:
    """The person's active roles, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_active_roles", None)
    if cached is None:
        cached = list(RoleAssignment.objects.filter(user=user, is_active=True).select_related("unit", "unit__kind"))
        user._active_roles = cached
    return cached


def scope_paths(user, capability: str) -> list[str] | None:
    """Tree paths the person may act on with `capability`; None means the whole country,
    an empty list means nowhere."""
    allowed = roles_with(capability)
    paths: list[str] = []
    for assignment in active_roles(user):
        if assignment.role not in allowed:
            continue
        if assignment.unit_id is None:
            return None
        paths.append(assignment.unit.path)
    return paths


def scope_q(user, capability: str, *, field: str = "path") -> Q:
    """A filter matching rows whose tree path lies under one of the person's units."""
    paths = scope_paths(user, capability)
    if paths is None:
        return Q()
    if not paths:
        return Q(pk__in=[])
    q = Q()
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def any_of(*conditions: Q) -> Q:
    """OR of scope filters. An empty Q means “no restriction” (a national role), and
    `Q() | x` would silently narrow that to `x`, so it is kept as it is."""
    if any(not condition for condition in conditions):
        return Q()
    result = conditions[0]
    for condition in conditions[1:]:
        result |= condition
    return result


def user_can(user, capability: str, unit: Unit | None = None) -> bool:
    """Whether the person holds `capability` at all (unit None) or over `unit`."""
    paths = scope_paths(user, capability)
    if paths is None:
        return True
    if unit is None:
        return bool(paths)
    return any(unit.path.startswith(p) for p in paths)


def unit_list_for_user(
    *, user, capability: str = "unit.view", parent: Unit | None = None, query: str = "", include_dissolved=False
) -> QuerySet[Unit]:
    qs = Unit.objects.filter(scope_q(user, capability)).select_related("kind", "parent")
    if not include_dissolved:
        qs = qs.filter(status="active")
    if query:
        for word in fold(query).split():
            qs = qs.filter(name_folded__contains=word)
    elif parent is not None:
        qs = qs.filter(parent=parent)
    return qs.order_by("level", "kind__sort_order", "name_folded")


def unit_roots_for_user(*, user, capability: str = "unit.view") -> QuerySet[Unit]:
    """The top of what the person may see: the whole country's provinces, or their own units."""
    paths = scope_paths(user, capability)
    qs = Unit.objects.select_related("kind")
    if paths is None:
        return qs.filter(parent__isnull=True, status="active").order_by("name_folded")
    # Only the outermost of the person's units (a province role hides its communes' roles).
    outer = [p for p in paths if not any(p != o and p.startswith(o) for o in paths)]
    return qs.filter(path__in=outer).order_by("level", "name_folded")


def unit_get_for_user(*, user, pk: int, capability: str = "unit.view") -> Unit:
    try:
        return Unit.objects.select_related("kind", "parent").get(Q(pk=pk) & scope_q(user, capability))
    except Unit.DoesNotExist:
        raise Http404 from None


def unit_ancestors(unit: Unit) -> list[Unit]:
    ids = unit.ancestor_ids()
    by_id = Unit.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def unit_subtree_counts(unit: Unit) -> dict[str, int]:
    """How many living units of each kind lie below `unit`."""
    from django.db.models import Count

    rows = (
        Unit.objects.filter(path__startswith=unit.path, status="active")
        .exclude(pk=unit.pk)
        .values("kind__name", "kind__sort_order")
        .annotate(n=Count("id"))
        .order_by("kind__sort_order")
    )
    return {row["kind__name"]: row["n"] for row in rows}


def _people_in_scope_q(user, capability: str) -> Q:
    """People who hold an active role, or work, inside the person's scope."""
    paths = scope_paths(user, capability)
    if paths is None:
        return Q()
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(organisation__path__startswith=path)
        q |= Q(pk__in=RoleAssignment.objects.filter(is_active=True, unit__path__startswith=path).values("user_id"))
    return q


def person_list_for_user(*, user, query: str = "") -> QuerySet[User]:
    qs = User.objects.filter(_people_in_scope_q(user, "person.view")).select_related("organisation")
    for word in fold(query).split():
        qs = qs.filter(search_folded__contains=word)
    return qs.order_by("full_name")


def person_get_for_user(*, user, pk: int, capability: str = "person.view") -> User:
    person = User.objects.filter(Q(pk=pk) & _people_in_scope_q(user, capability)).select_related("organisation").first()
    if person is None:
        raise Http404
    return person


def province_of(unit: Unit) -> Unit:
    """The province a unit belongs to today: the first province on its path.

    A province dissolved in the 2025 reform (Bắc Giang, merged into Bắc Ninh) hangs under
    its successor, so its historical communes and bodies belong to the successor: a
    matter raised in old Bắc Giang is now Bắc Ninh's. A unit outside any province (a
    central body) gets the root of its path.
    """
    ids = [*unit.ancestor_ids(), unit.pk]
    found = {u.pk: u for u in Unit.objects.filter(pk__in=ids).filter(Q(level=Level.PROVINCE) | Q(pk=ids[0]))}
    found[unit.pk] = unit
    return next((found[i] for i in ids if i in found and found[i].level == Level.PROVINCE), found[ids[0]])


def bodies_in(area: Unit, *, max_depth: int | None = None, active_only: bool = True) -> QuerySet[Unit]:
    """Bodies (not administrative units) in an area — agencies, committees, boards and
    organisations that can do a duty, answer or support a petition; living ones only
    unless `active_only` is False; at most `max_depth` levels below the area."""
    bodies = Unit.objects.filter(path__startswith=area.path).exclude(kind__category=UnitCategory.ADMINISTRATIVE)
    if active_only:
        bodies = bodies.filter(status=UnitStatus.ACTIVE)
    if max_depth is not None:
        bodies = bodies.filter(depth__lte=area.depth + max_depth)
    return bodies.select_related("kind").order_by("level", "kind__sort_order", "name_folded")
