"""Writes to the organisation tree, people and roles. Each checks the actor's scope,
runs in one transaction and leaves an audit entry."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogue.core.errors import ServiceError
from dialogue.core.services import audit_record, snapshot
from dialogue.lib.text import fold, normalize_text
from dialogue.organisation.models import RoleAssignment, Unit, UnitKind, UnitStatus, User
from dialogue.organisation.roles import NATIONAL_ROLES, Capability, Role
from dialogue.organisation.selectors import scope_paths, user_can
from dialogue.organisation.signals import unit_paths_changed
from dialogue.organisation.states import UNIT_TRANSITIONS

MSG_NOT_ALLOWED = _("You are not allowed to change this unit.")
MSG_NAME_REQUIRED = _("Enter the unit's name.")
MSG_KIND_NEEDS_PARENT = _("A unit of kind “%(kind)s” must have a parent unit.")
MSG_LEVEL_ABOVE_PARENT = _("A unit of kind “%(kind)s” cannot be placed under “%(parent)s”.")
MSG_PARENT_INSIDE_ITSELF = _("A unit cannot be moved under itself or one of its own sub-units.")
MSG_CODE_TAKEN = _("Another active unit of this kind already has the code “%(code)s”.")
MSG_PARENT_DISSOLVED = _("A new unit cannot be placed under a dissolved unit.")
MSG_DISSOLVE_DATE = _("Enter the date the unit was dissolved or merged.")
MSG_HAS_ACTIVE_CHILDREN = _("Dissolve or move its %(count)s active sub-units first.")
MSG_USERNAME_TAKEN = _("This sign-in name is already used.")
MSG_FULL_NAME_REQUIRED = _("Enter the person's full name.")
MSG_NATIONAL_ONLY_ADMIN = _("Only a system administrator can hold a role over the whole country.")
MSG_ROLE_EXISTS = _("This person already holds this role in this unit.")
MSG_NOT_ALLOWED_PERSON = _("You are not allowed to manage this person.")

UNIT_AUDIT_FIELDS = ["kind", "parent", "name", "short_name", "code", "status", "dissolved_on", "note"]
PERSON_AUDIT_FIELDS = ["username", "full_name", "email", "phone", "position", "organisation", "is_active"]


def _require(actor, capability: str, unit: Unit | None, message=MSG_NOT_ALLOWED) -> None:
    if unit is None:
        # Only someone whose scope is the whole country may act at the root.
        if scope_paths(actor, capability) is not None:
            raise PermissionDenied(message)
    elif not user_can(actor, capability, unit):
        raise PermissionDenied(message)


def _level_for(kind: UnitKind, parent: Unit | None) -> int:
    if kind.level is not None:
        if parent is not None and kind.level < parent.level:
            raise ServiceError(MSG_LEVEL_ABOVE_PARENT % {"kind": kind.name, "parent": parent.name}, field="parent")
        return kind.level
    if parent is None:
        raise ServiceError(MSG_KIND_NEEDS_PARENT % {"kind": kind.name}, field="parent")
    return parent.level


def _check_code(kind: UnitKind, code: str, exclude_pk: int | None = None) -> None:
    if not code:
        return
    clash = Unit.objects.filter(kind=kind, code=code, status=UnitStatus.ACTIVE)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ServiceError(MSG_CODE_TAKEN % {"code": code}, field="code")


@transaction.atomic
def unit_create(
    *,
    actor,
    kind: UnitKind,
    parent: Unit | None,
    name: str,
    short_name: str = "",
    code: str = "",
    note: str = "",
    dissolved_on: date | None = None,
) -> Unit:
    """Add a unit to the tree. Its level comes from its kind, or from its parent for
    bodies (a Sở takes its province's level), and decides jurisdiction later.

    With `dissolved_on` the unit is recorded as historical (a body of a town abolished
    in July 2025), which is the only way to add something under a dissolved unit."""
    _require(actor, Capability.UNIT_MANAGE, parent)
    name = normalize_text(name)
    if not name:
        raise ServiceError(MSG_NAME_REQUIRED, field="name")
    if parent is not None and not parent.is_active and dissolved_on is None:
        raise ServiceError(MSG_PARENT_DISSOLVED, field="parent")
    code = normalize_text(code)
    if dissolved_on is None:
        _check_code(kind, code)
    unit = Unit(
        kind=kind,
        parent=parent,
        name=name,
        short_name=normalize_text(short_name),
        name_folded=fold(name),
        code=code,
        note=normalize_text(note),
        level=_level_for(kind, parent),
        depth=(parent.depth + 1) if parent else 0,
        path="",
        status=UnitStatus.DISSOLVED if dissolved_on else UnitStatus.ACTIVE,
        dissolved_on=dissolved_on,
    )
    unit.save()
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.save(update_fields=["path"])
    audit_record(actor=actor, action="unit.create", target=unit, after=snapshot(unit, UNIT_AUDIT_FIELDS), unit=unit)
    return unit


@transaction.atomic
def unit_update(
    *,
    actor,
    unit: Unit,
    kind: UnitKind,
    parent: Unit | None,
    name: str,
    short_name: str = "",
    code: str = "",
    note: str = "",
) -> Unit:
    """Edit a unit; moving it to another parent carries its whole subtree along."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    _require(actor, Capability.UNIT_MANAGE, unit)
    if parent != unit.parent:
        _require(actor, Capability.UNIT_MANAGE, parent)
        if parent is not None and parent.path.startswith(unit.path):
            raise ServiceError(MSG_PARENT_INSIDE_ITSELF, field="parent")
    name = normalize_text(name)
    if not name:
        raise ServiceError(MSG_NAME_REQUIRED, field="name")
    code = normalize_text(code)
    _check_code(kind, code, exclude_pk=unit.pk)
    before = snapshot(unit, UNIT_AUDIT_FIELDS)
    old_path = unit.path
    unit.kind, unit.parent = kind, parent
    unit.name, unit.short_name, unit.name_folded = name, normalize_text(short_name), fold(name)
    unit.code, unit.note = code, normalize_text(note)
    unit.level = _level_for(kind, parent)
    unit.depth = (parent.depth + 1) if parent else 0
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.save()
    if unit.path != old_path:
        _rewrite_subtree(unit, old_path)
    audit_record(
        actor=actor,
        action="unit.update",
        target=unit,
        before=before,
        after=snapshot(unit, UNIT_AUDIT_FIELDS),
        unit=unit,
    )
    return unit


def _rewrite_subtree(unit: Unit, old_path: str) -> None:
    descendants = list(Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk).select_related("kind"))
    by_pk = {unit.pk: unit}
    for child in sorted(descendants, key=lambda u: u.depth):
        parent = by_pk[child.parent_id]
        child.path = f"{parent.path}{child.pk}/"
        child.depth = parent.depth + 1
        child.level = child.kind.level if child.kind.level is not None else parent.level
        by_pk[child.pk] = child
    Unit.objects.bulk_update(descendants, ["path", "depth", "level"], batch_size=500)
    unit_paths_changed.send(sender=Unit, unit_ids=[unit.pk, *(d.pk for d in descendants)])


@transaction.atomic
def unit_set_status(*, actor, unit: Unit, status: str, on_date: date | None = None) -> Unit:
    """Dissolve (or restore) a unit. Its records stay readable: history is never deleted."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    _require(actor, Capability.UNIT_MANAGE, unit)
    UNIT_TRANSITIONS.check(unit.status, status)
    before = snapshot(unit, UNIT_AUDIT_FIELDS)
    if status == UnitStatus.DISSOLVED:
        if on_date is None:
            raise ServiceError(MSG_DISSOLVE_DATE, field="on_date")
        active_children = unit.children.filter(status=UnitStatus.ACTIVE).count()
        if active_children:
            raise ServiceError(MSG_HAS_ACTIVE_CHILDREN % {"count": active_children})
        unit.dissolved_on = on_date
    else:
        _check_code(unit.kind, unit.code, exclude_pk=unit.pk)
        unit.dissolved_on = None
    unit.status = status
    unit.save(update_fields=["status", "dissolved_on", "updated_at"])
    audit_record(
        actor=actor,
        action=f"unit.{'dissolve' if status == UnitStatus.DISSOLVED else 'restore'}",
        target=unit,
        before=before,
        after=snapshot(unit, UNIT_AUDIT_FIELDS),
        unit=unit,
    )
    return unit


def _user_save_new(
    *, username: str, full_name: str, password: str, organisation: Unit | None, email="", phone="", position=""
) -> User:
    """Build a staff account, check the password against it with Django's validators (they
    compare it with the person's own names), hash it and save. Raises ValidationError."""
    person = User(
        username=username,
        full_name=full_name,
        email=email,
        phone=phone,
        position=position,
        organisation=organisation,
        search_folded=fold(f"{full_name} {username}"),
    )
    validate_password(password, person)
    person.set_password(password)
    person.save()
    return person


@transaction.atomic
def person_create(
    *,
    actor,
    username: str,
    full_name: str,
    organisation: Unit,
    password: str,
    email: str = "",
    phone: str = "",
    position: str = "",
) -> User:
    """Open a staff account at a unit the actor manages; Django's password rules apply."""
    _require(actor, Capability.PERSON_MANAGE, organisation, MSG_NOT_ALLOWED_PERSON)
    username = normalize_text(username).lower()
    full_name = normalize_text(full_name)
    if not full_name:
        raise ServiceError(MSG_FULL_NAME_REQUIRED, field="full_name")
    if User.objects.filter(username__iexact=username).exists():
        raise ServiceError(MSG_USERNAME_TAKEN, field="username")
    try:
        person = _user_save_new(
            username=username,
            full_name=full_name,
            password=password,
            organisation=organisation,
            email=normalize_text(email),
            phone=normalize_text(phone),
            position=normalize_text(position),
        )
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages), field="password") from exc
    audit_record(
        actor=actor,
        action="person.create",
        target=person,
        after=snapshot(person, PERSON_AUDIT_FIELDS),
        unit=organisation,
    )
    return person


@transaction.atomic
def person_update(
    *,
    actor,
    person: User,
    full_name: str,
    organisation: Unit,
    email: str = "",
    phone: str = "",
    position: str = "",
    is_active: bool = True,
) -> User:
    person = User.objects.select_for_update().get(pk=person.pk)
    _require(actor, Capability.PERSON_MANAGE, person.organisation, MSG_NOT_ALLOWED_PERSON)
    _require(actor, Capability.PERSON_MANAGE, organisation, MSG_NOT_ALLOWED_PERSON)
    full_name = normalize_text(full_name)
    if not full_name:
        raise ServiceError(MSG_FULL_NAME_REQUIRED, field="full_name")
    before = snapshot(person, PERSON_AUDIT_FIELDS)
    person.full_name = full_name
    person.email, person.phone = normalize_text(email), normalize_text(phone)
    person.position, person.organisation, person.is_active = normalize_text(position), organisation, is_active
    person.search_folded = fold(f"{full_name} {person.username}")
    person.save()
    audit_record(
        actor=actor,
        action="person.update",
        target=person,
        before=before,
        after=snapshot(person, PERSON_AUDIT_FIELDS),
        unit=organisation,
    )
    return person


@transaction.atomic
def role_grant(*, actor, person: User, role: str, unit: Unit | None) -> RoleAssignment:
    """Give a person a role over a unit; the role covers every unit below it."""
    if unit is None and role not in NATIONAL_ROLES:
        raise ServiceError(MSG_NATIONAL_ONLY_ADMIN, field="unit")
    _require(actor, Capability.PERSON_MANAGE, unit, MSG_NOT_ALLOWED_PERSON)
    if RoleAssignment.objects.filter(user=person, role=role, unit=unit, is_active=True).exists():
        raise ServiceError(MSG_ROLE_EXISTS, field="role")
    assignment = RoleAssignment.objects.create(user=person, role=role, unit=unit)
    audit_record(
        actor=actor,
        action="role.grant",
        target=person,
        after={"role": role, "unit": None if unit is None else {"id": unit.pk, "label": unit.name}},
        unit=unit,
    )
    return assignment


@transaction.atomic
def role_revoke(*, actor, assignment: RoleAssignment) -> RoleAssignment:
    assignment = (
        RoleAssignment.objects.select_for_update(of=("self",)).select_related("unit", "user").get(pk=assignment.pk)
    )
    _require(actor, Capability.PERSON_MANAGE, assignment.unit, MSG_NOT_ALLOWED_PERSON)
    if not assignment.is_active:
        return assignment
    assignment.is_active = False
    assignment.revoked_at = timezone.now()
    assignment.save(update_fields=["is_active", "revoked_at"])
    unit_info = None if assignment.unit is None else {"id": assignment.unit.pk, "label": assignment.unit.name}
    audit_record(
        actor=actor,
        action="role.revoke",
        target=assignment.user,
        before={"role": assignment.role, "unit": unit_info},
        after=None,
        unit=assignment.unit,
    )
    return assignment


# --- The first administrator -------------------------------------------------------
BOOTSTRAP_DEFAULT_POSITION = "Quản trị hệ thống"

# Operators read these in a terminal, in Vietnamese, as they are.
MSG_BOOTSTRAP_USERNAME_REQUIRED = "Hãy nhập tên đăng nhập."
MSG_BOOTSTRAP_USERNAME_INVALID = "Tên đăng nhập chỉ được gồm chữ cái, chữ số và các ký tự @ . + - _ (tối đa 150 ký tự)."
MSG_BOOTSTRAP_USERNAME_TAKEN = "Tên đăng nhập “{username}” đã có người dùng. Không tạo tài khoản mới."
MSG_BOOTSTRAP_FULL_NAME_REQUIRED = "Hãy nhập họ và tên người quản trị."
MSG_BOOTSTRAP_EMAIL_INVALID = "Địa chỉ thư điện tử “{email}” không hợp lệ."
MSG_BOOTSTRAP_PASSWORD_WEAK = "Mật khẩu chưa đạt yêu cầu: {reasons}"  # noqa: S105


@transaction.atomic
def national_admin_create(
    *, username: str, full_name: str, email: str, password: str, position: str = BOOTSTRAP_DEFAULT_POSITION
) -> User:
    """Write a national system administrator (role admin over no unit) without an actor.

    Only for the first account of an installation (and the demo's): everyone else is
    created by a person through `services.person_create` and `services.role_grant`."""
    username = normalize_text(username).lower()
    full_name = normalize_text(full_name)
    email = normalize_text(email)
    if not username:
        raise ServiceError(MSG_BOOTSTRAP_USERNAME_REQUIRED, field="username")
    try:
        User._meta.get_field("username").run_validators(username)
    except ValidationError as exc:
        raise ServiceError(MSG_BOOTSTRAP_USERNAME_INVALID, field="username") from exc
    if User.objects.filter(username__iexact=username).exists():
        raise ServiceError(MSG_BOOTSTRAP_USERNAME_TAKEN.format(username=username), field="username")
    if not full_name:
        raise ServiceError(MSG_BOOTSTRAP_FULL_NAME_REQUIRED, field="full_name")
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ServiceError(MSG_BOOTSTRAP_EMAIL_INVALID.format(email=email), field="email") from exc
    try:
        person = _user_save_new(
            username=username,
            full_name=full_name,
            password=password,
            organisation=None,
            email=email,
            position=normalize_text(position),
        )
    except ValidationError as exc:
        raise ServiceError(
            MSG_BOOTSTRAP_PASSWORD_WEAK.format(reasons=" ".join(exc.messages)), field="password"
        ) from exc
    RoleAssignment.objects.create(user=person, role=Role.ADMIN, unit=None)
    audit_record(
        actor=None,
        action="account.bootstrap_admin",
        target=person,
        after={**snapshot(person, PERSON_AUDIT_FIELDS), "role": Role.ADMIN.value, "unit": None},
        unit=None,
    )
    return person
