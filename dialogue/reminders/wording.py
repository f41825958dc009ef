"""The words of a reminder and of the daily digest, on every channel, in Vietnamese
(through gettext, with Vietnamese active whatever the worker's language)."""

from __future__ import annotations

from datetime import date

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext, ngettext, override

from dialogue.reminders import targets
from dialogue.reminders.channels import Message, absolute
from dialogue.reminders.models import Digest, Reminder, ReminderKind, TargetKind
from dialogue.workcalendar.selectors import get_calendar

SMS_MATTER_CHARS = 60
SUBJECT_MATTER_CHARS = 70
IN_APP_MATTER_CHARS = 160


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word and marked with “…”."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head[limit // 2 :]:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:.") + "…"


def _subject(kind: str, days: int, task: str) -> str:
    if kind == ReminderKind.BEFORE:
        return ngettext(
            "Reminder: %(days)s working day left for %(task)s",
            "Reminder: %(days)s working days left for %(task)s",
            days,
        ) % {"days": days, "task": task}
    if kind == ReminderKind.DUE:
        return gettext("Due today: %(task)s") % {"task": task}
    return ngettext("Overdue by %(days)s working day: %(task)s", "Overdue by %(days)s working days: %(task)s", days) % {
        "days": days,
        "task": task,
    }


def _state_line(kind: str, days: int, due: date) -> str:
    values = {"days": days, "due": targets.short_date(due)}
    if kind == ReminderKind.BEFORE:
        return (
            ngettext(
                "Due on %(due)s (%(days)s working day left).", "Due on %(due)s (%(days)s working days left).", days
            )
            % values
        )
    if kind == ReminderKind.DUE:
        return gettext("Due today, %(due)s.") % values
    return (
        ngettext("Due on %(due)s: %(days)s working day late.", "Due on %(due)s: %(days)s working days late.", days)
        % values
    )


def _sms_state(kind: str, days: int, due: date) -> str:
    """The short form for an SMS (every character counts)."""
    values = {"days": days, "due": targets.short_date(due)}
    if kind == ReminderKind.BEFORE:
        return (
            ngettext("%(days)s working day left (due %(due)s)", "%(days)s working days left (due %(due)s)", days)
            % values
        )
    if kind == ReminderKind.DUE:
        return gettext("Due today (%(due)s)") % values
    return (
        ngettext("%(days)s working day late (due %(due)s)", "%(days)s working days late (due %(due)s)", days) % values
    )


def reminder_message(reminder: Reminder, obj, *, today: date) -> Message:
    """A reminder to one person: what, from which notice or conference, due when, how late,
    and the link to report progress."""
    with override("vi"):
        kind = reminder.kind
        calendar = get_calendar()
        if kind == ReminderKind.BEFORE:
            days = max(calendar.between(today, reminder.due_date), 1)
        elif kind == ReminderKind.OVERDUE:
            days = max(calendar.between(reminder.due_date, today), reminder.step)
        else:
            days = 0
        task = targets.task_words(reminder.target_kind, obj)
        matter = targets.matter_of(reminder.target_kind, obj)
        url = targets.url_of(reminder.target_kind, obj)
        headline = _subject(kind, days, task)
        # Several reminders to one person must be told apart in the inbox.
        subject = f"{headline} — {_cut(matter, SUBJECT_MATTER_CHARS)}"
        state = _state_line(kind, days, reminder.due_date)
        holder = reminder.holder_unit if reminder.holder_unit_id not in (None, reminder.unit_id) else None
        context = {
            "person": reminder.recipient,
            "unit": reminder.unit,
            "holder": holder,
            "task": task,
            "matter": matter,
            "source": targets.source_of(reminder.target_kind, obj),
            "state_line": state,
            "link": absolute(url),
            "subject": subject,
        }
        sms = gettext("doithoai: %(state)s: %(matter)s (%(unit)s). %(link)s") % {
            "state": _sms_state(kind, days, reminder.due_date),
            "matter": _cut(matter, SMS_MATTER_CHARS),
            "unit": reminder.unit.short_name or reminder.unit.name,
            "link": absolute(url),
        }
        in_app = gettext("%(subject)s — %(matter)s (%(unit)s). %(state)s") % {
            "subject": headline,
            "matter": _cut(matter, IN_APP_MATTER_CHARS),
            "unit": reminder.unit.name,
            "state": state,
        }
        if holder is not None:
            in_app = gettext("For %(unit)s (no account in that unit yet): %(message)s") % {
                "unit": reminder.unit.name,
                "message": in_app,
            }
        return Message(
            key=f"reminder:{reminder.pk}",
            person=reminder.recipient,
            subject=subject,
            text=render_to_string("reminders/email/reminder.txt", context),
            html=render_to_string("reminders/email/reminder.html", context),
            sms=sms,
            in_app=in_app,
            url=url,
            unit=reminder.unit,
            reminder=reminder,
        )


def _section_title(kind: str) -> str:
    return {
        TargetKind.DIRECTIVE: gettext("Directives of conclusion notices"),
        TargetKind.ANSWER: gettext("Petitions still awaiting their written answer"),
        TargetKind.RESOLUTION: gettext("Petitions still being resolved"),
        TargetKind.ESCALATION: gettext("Recommendations to the higher level still unanswered"),
    }[kind]


def digest_sections(items: list[dict]) -> list[dict]:
    sections = []
    for kind in TargetKind.values:
        rows = [dict(i, due_text=targets.short_date(date.fromisoformat(i["due"]))) for i in items if i["kind"] == kind]
        if rows:
            sections.append({"title": _section_title(kind), "items": rows})
    return sections


def digest_message(digest: Digest) -> Message:
    """The synthesis board's daily list of what is late in its units."""
    with override("vi"):
        count = len(digest.items)
        day = targets.short_date(digest.day)
        subject = ngettext(
            "Late on %(day)s: %(count)s matter in your units",
            "Late on %(day)s: %(count)s matters in your units",
            count,
        ) % {"day": day, "count": count}
        url = reverse("reminders:chase")
        sections = digest_sections(digest.items)
        for section in sections:
            for item in section["items"]:
                item["link"] = absolute(item["url"])
        context = {
            "person": digest.recipient,
            "day": day,
            "count": count,
            "sections": sections,
            "link": absolute(url),
            "log_link": absolute(reverse("reminders:message_list")),
            "subject": subject,
        }
        counts = ", ".join(f"{s['title'].lower()}: {len(s['items'])}" for s in sections)
        in_app = gettext("%(subject)s (%(counts)s).") % {"subject": subject, "counts": counts}
        return Message(
            key=f"digest:{digest.pk}",
            person=digest.recipient,
            subject=subject,
            text=render_to_string("reminders/email/digest.txt", context),
            html=render_to_string("reminders/email/digest.html", context),
            sms="",
            in_app=in_app,
            url=url,
            unit=digest.unit,
            digest=digest,
            use_sms=False,
        )
