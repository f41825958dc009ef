"""When a reminder is due: the pure arithmetic, on a working-day calendar.

For a matter due on `due`, the stages are: N working days before (REMINDERS_BEFORE_WORKING_DAYS),
on the due date (the last working day up to it when it falls on a day off), and each of
REMINDERS_OVERDUE_WORKING_DAYS working days late. At any moment a matter is at the
latest stage whose day has come; earlier stages that were missed (the worker was stopped,
the matter was assigned late) are skipped, not sent in a burst.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dialogue.lib.workdays import WorkingCalendar
from dialogue.reminders.models import ReminderKind


@dataclass(frozen=True)
class Stage:
    kind: str
    step: int
    send_on: date


def stages(due: date, calendar: WorkingCalendar, *, before: int, overdue: list[int]) -> list[Stage]:
    """Every stage of a matter due on `due`, in order."""
    result = []
    if before > 0:
        result.append(Stage(ReminderKind.BEFORE, before, calendar.add(due, -before)))
    on_due = due if calendar.is_working_day(due) else calendar.add(due, -1)
    result.append(Stage(ReminderKind.DUE, 0, on_due))
    for days in sorted(set(overdue)):
        result.append(Stage(ReminderKind.OVERDUE, days, calendar.add(due, days)))
    return result


def current_stage(
    due: date, today: date, calendar: WorkingCalendar, *, before: int, overdue: list[int]
) -> Stage | None:
    """The latest stage reached by `today`, or None before the first one."""
    reached = [s for s in stages(due, calendar, before=before, overdue=overdue) if s.send_on <= today]
    return reached[-1] if reached else None


def superseded(stage_kind: str, stage_step: int, due: date, today: date, calendar: WorkingCalendar, **config) -> bool:
    """True when a later stage than (kind, step) has been reached: the reminder is stale."""
    current = current_stage(due, today, calendar, **config)
    if current is None:
        return False
    return (current.kind, current.step) != (stage_kind, stage_step) and current.send_on > _send_on(
        stage_kind, stage_step, due, calendar, **config
    )


def _send_on(kind: str, step: int, due: date, calendar: WorkingCalendar, **config) -> date:
    for stage in stages(due, calendar, **config):
        if (stage.kind, stage.step) == (kind, step):
            return stage.send_on
    return date.min  # a stage no longer configured is stale as soon as another is reached
