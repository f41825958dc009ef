"""Small builders for tests and the demo loader: units and people without the ceremony
of the services' permission checks. Production code goes through services."""

from __future__ import annotations

from dialogue.lib.text import fold
from dialogue.organisation.models import RoleAssignment, Unit, UnitKind, User

DEFAULT_PASSWORD = "Doithoai@2026"  # noqa: S105 - the published demo password


def make_unit(name: str, kind: str, parent: Unit | None = None, code: str = "", **extra) -> Unit:
    kind_obj = UnitKind.objects.get(code=kind)
    unit = Unit.objects.create(
        kind=kind_obj,
        parent=parent,
        name=name,
        short_name=extra.pop("short_name", ""),
        name_folded=fold(name),
        code=code,
        level=kind_obj.level if kind_obj.level is not None else parent.level,
        depth=parent.depth + 1 if parent else 0,
        path="",
        **extra,
    )
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.save(update_fields=["path"])
    return unit


def make_person(
    username: str,
    full_name: str,
    *,
    organisation: Unit | None = None,
    roles: list[tuple[str, Unit | None]] = (),
    password: str = DEFAULT_PASSWORD,
    position: str = "",
    email: str = "",
) -> User:
    person = User(
        username=username,
        full_name=full_name,
        organisation=organisation,
        position=position,
        email=email or f"{username}@example.vn",
        search_folded=fold(f"{full_name} {username}"),
    )
    person.set_password(password)
    person.save()
    for role, unit in roles:
        RoleAssignment.objects.create(user=person, role=role, unit=unit)
    return person
