"""The audit trail. Every service that changes something important calls `audit_record`."""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext

from dialogue.core.context import client_ip
from dialogue.core.models import AuditEntry


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict:
    """JSON-ready values of `fields`; foreign keys as their primary key and label."""
    data = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.is_relation and field.many_to_one:
            related = getattr(obj, name)
            data[name] = None if related is None else {"id": related.pk, "label": str(related)}
        else:
            value = getattr(obj, name)
            if isinstance(value, (date, datetime)):
                value = value.isoformat()
            elif isinstance(value, Decimal):
                value = str(value)
            data[name] = value
    return data


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model | None,
    before: dict | None = None,
    after: dict | None = None,
    unit=None,
) -> AuditEntry:
    """Record one change. Call inside the service's transaction so both commit together."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_repr=(actor.get_full_name() or actor.get_username()) if getattr(actor, "pk", None) else "",
        action=action,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:500] if target is not None else "",
        unit=unit,
        unit_path=getattr(unit, "path", "") or "",
        before=before,
        after=after,
        ip=client_ip.get(),
    )


def notify(*, recipients, message: str, url: str = "") -> int:
    """Leave a message for each person (shown on their home page). Call inside the
    service's transaction so the message exists only if the change does."""
    from dialogue.core.models import Notification

    rows = [Notification(recipient=person, message=str(message)[:2000], url=url) for person in recipients]
    Notification.objects.bulk_create(rows)
    return len(rows)


def notifications_mark_read(*, user) -> int:
    """Only the person's own messages; reading is not an audited change."""
    from django.utils import timezone

    from dialogue.core.models import Notification

    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def people_for_unit(*, unit, capability: str):
    """(people, unit they act for) for `unit`: those holding a role with `capability` over
    `unit` itself; when nobody does (a commune body without accounts), the people of the
    nearest ancestor that has some (its secretariat or synthesis board when it has one),
    so that no notice, reminder or directive goes unheard. National administrators are
    never included (they would be flooded)."""
    from dialogue.organisation.models import Unit, User
    from dialogue.organisation.roles import Role, roles_with

    roles = roles_with(capability) - {Role.ADMIN}
    # Above the unit, the office that relays work (secretariat, synthesis board) is told
    # rather than everyone: the chair of a commune is not sent its bodies' every task.
    relays = roles & {Role.SECRETARIAT, Role.SYNTHESIS}

    def holding(unit_pk, wanted):
        return list(
            User.objects.filter(
                role_assignments__unit_id=unit_pk,
                role_assignments__is_active=True,
                role_assignments__role__in=wanted,
                is_active=True,
            )
            .distinct()
            .order_by("pk")
        )

    chain = [unit.pk, *reversed(unit.ancestor_ids())]
    for unit_pk in chain:
        people = (
            holding(unit_pk, roles) if unit_pk == unit.pk else (holding(unit_pk, relays) or holding(unit_pk, roles))
        )
        if people:
            holder = unit if unit_pk == unit.pk else Unit.objects.get(pk=unit_pk)
            return people, holder
    return [], None


def notify_unit(*, unit, capability: str, message: str, url: str = "", exclude=None) -> int:
    """Tell the people who act for `unit` with `capability` (not those above it, who would
    be flooded), or those of its nearest ancestor with people when it has none; the
    message then says which unit it is for."""
    people, holder = people_for_unit(unit=unit, capability=capability)
    if holder is not None and holder.pk != unit.pk:
        message = gettext("For %(unit)s (no account in that unit yet): %(message)s") % {
            "unit": unit.name,
            "message": message,
        }
    return notify(recipients=[p for p in people if p.pk != getattr(exclude, "pk", None)], message=message, url=url)
