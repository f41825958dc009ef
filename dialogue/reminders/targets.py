"""The matters a unit is reminded of, whatever table they live in.

Four kinds, each with its due date, its responsible unit and the capability of the people
who act for that unit:

- a directive of an issued conclusion notice that its lead unit must carry out
  (assigned, in progress, partly resolved) — `due_date`, `lead_unit`, FOLLOWUP_UPDATE;
- a petition group whose written answer is awaited from its lead agency (assigned or
  returned for revision) — `due_date`, `lead_unit`, ANSWER_PREPARE;
- a petition group being followed up that its lead agency must resolve (the same states
  as a directive; a group with directives is chased through them) — `resolve_due`,
  `lead_unit`, FOLLOWUP_UPDATE;
- a recommendation to the higher level awaiting its answer — `due_date`, `to_unit`,
  ESCALATION_ANSWER.

A directive waiting for the synthesis board's review (reported) or forwarded up is not
the unit's to act on, so it is not reminded (the board sees it late in its digest).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from dialogue.conclusions.models import ConclusionStatus, Directive, DirectiveStatus
from dialogue.followup.models import Escalation, EscalationStatus
from dialogue.organisation.models import Unit
from dialogue.organisation.roles import Capability
from dialogue.petitions.models import AnswerMode, FollowUpStatus, GroupStatus, PetitionGroup
from dialogue.reminders.models import TargetKind

# States in which the responsible unit still has to act.
DIRECTIVE_ACTING = (DirectiveStatus.ASSIGNED, DirectiveStatus.IN_PROGRESS, DirectiveStatus.PARTLY_RESOLVED)
FOLLOWUP_ACTING = (FollowUpStatus.ASSIGNED, FollowUpStatus.IN_PROGRESS, FollowUpStatus.PARTLY_RESOLVED)
ANSWER_AWAITED = (GroupStatus.ASSIGNED, GroupStatus.RETURNED)

CAPABILITY = {
    TargetKind.DIRECTIVE: Capability.FOLLOWUP_UPDATE,
    TargetKind.ANSWER: Capability.ANSWER_PREPARE,
    TargetKind.RESOLUTION: Capability.FOLLOWUP_UPDATE,
    TargetKind.ESCALATION: Capability.ESCALATION_ANSWER,
}


@dataclass(frozen=True)
class Target:
    kind: str
    obj: Directive | PetitionGroup | Escalation
    unit: Unit
    due: date

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def key(self) -> str:
        return key_of(self.kind, self.obj.pk)

    @property
    def capability(self) -> str:
        return CAPABILITY[self.kind]


def key_of(kind: str, pk: int) -> str:
    return f"{kind}:{pk}"


def directives_acting() -> QuerySet[Directive]:
    return Directive.objects.filter(
        conclusion__status=ConclusionStatus.ISSUED,
        status__in=DIRECTIVE_ACTING,
        due_date__isnull=False,
        lead_unit__isnull=False,
    ).select_related("lead_unit", "conclusion", "conclusion__issuing_unit")


def answers_awaited() -> QuerySet[PetitionGroup]:
    # A matter the chair answers live at the conference needs no written answer.
    return (
        PetitionGroup.objects.filter(status__in=ANSWER_AWAITED, due_date__isnull=False, lead_unit__isnull=False)
        .exclude(answer_mode=AnswerMode.LIVE)
        .select_related("lead_unit", "conference", "receiving_unit")
    )


def resolutions_awaited() -> QuerySet[PetitionGroup]:
    with_directives = Directive.objects.filter(group=OuterRef("pk")).exclude(status=DirectiveStatus.PROPOSED)
    return (
        PetitionGroup.objects.filter(
            followup_status__in=FOLLOWUP_ACTING, resolve_due__isnull=False, lead_unit__isnull=False
        )
        .exclude(Exists(with_directives))
        .select_related("lead_unit", "conference", "receiving_unit")
    )


def escalations_awaited() -> QuerySet[Escalation]:
    return Escalation.objects.filter(status=EscalationStatus.PENDING, due_date__isnull=False).select_related(
        "to_unit", "from_unit", "directive", "group"
    )


def _targets(kind: str, queryset) -> Iterator[Target]:
    for obj in queryset.iterator(chunk_size=500):
        yield _target(kind, obj)


def _target(kind: str, obj) -> Target:
    if kind == TargetKind.DIRECTIVE:
        return Target(kind, obj, obj.lead_unit, obj.due_date)
    if kind == TargetKind.ANSWER:
        return Target(kind, obj, obj.lead_unit, obj.due_date)
    if kind == TargetKind.RESOLUTION:
        return Target(kind, obj, obj.lead_unit, obj.resolve_due)
    return Target(kind, obj, obj.to_unit, obj.due_date)


QUERIES = {
    TargetKind.DIRECTIVE: directives_acting,
    TargetKind.ANSWER: answers_awaited,
    TargetKind.RESOLUTION: resolutions_awaited,
    TargetKind.ESCALATION: escalations_awaited,
}


def open_targets() -> Iterator[Target]:
    """Every matter some unit still has to act on by a due date."""
    for kind, query in QUERIES.items():
        yield from _targets(kind, query())


def target_now(kind: str, pk: int) -> Target | None:
    """The matter as it stands now, or None when nobody is awaited to act on it any more."""
    obj = QUERIES[kind]().filter(pk=pk).first()
    return _target(kind, obj) if obj is not None else None


# ---------------------------------------------------------------- wording


def short_date(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _lower_first(text: str) -> str:
    from dialogue.conclusions.documents import lower_first

    return lower_first(text)


def task_words(kind: str, obj=None) -> str:
    """What the unit must do, as a noun phrase: “carrying out a directive …”."""
    if kind == TargetKind.DIRECTIVE:
        return gettext("carrying out a directive of a conclusion notice")
    if kind == TargetKind.ANSWER:
        return gettext("answering citizens' petitions in writing")
    if kind == TargetKind.RESOLUTION:
        return gettext("resolving citizens' petitions")
    return gettext("answering a recommendation of a lower level")


def matter_of(kind: str, obj) -> str:
    if kind == TargetKind.DIRECTIVE:
        return obj.matter
    if kind in (TargetKind.ANSWER, TargetKind.RESOLUTION):
        return obj.summary
    return obj.request_text


def source_of(kind: str, obj) -> str:
    """Where the duty comes from: the notice with its number and date, the conference, or
    the lower unit's recommendation."""
    if kind == TargetKind.DIRECTIVE:
        conclusion = obj.conclusion
        return gettext("Conclusion notice %(number)s of %(date)s of %(unit)s") % {
            "number": conclusion.number_label,
            "date": short_date(conclusion.issued_on),
            "unit": conclusion.issuing_unit.name,
        }
    if kind in (TargetKind.ANSWER, TargetKind.RESOLUTION):
        conference = obj.conference
        if conference is not None and conference.date:
            return gettext("petitions gathered for the %(conference)s on %(date)s") % {
                "conference": _lower_first(conference.title),
                "date": short_date(conference.date),
            }
        if conference is not None:
            return gettext("petitions gathered for the %(conference)s") % {"conference": _lower_first(conference.title)}
        return gettext("petitions received by %(unit)s") % {"unit": obj.receiving_unit.name}
    return gettext("recommendation of %(unit)s of %(date)s") % {
        "unit": obj.from_unit.name,
        "date": short_date(timezone.localdate(obj.created_at) if obj.created_at else None),
    }


def url_of(kind: str, obj) -> str:
    if kind == TargetKind.DIRECTIVE:
        return reverse("conclusions:directive_detail", args=[obj.pk])
    if kind in (TargetKind.ANSWER, TargetKind.RESOLUTION):
        return reverse("petitions:group_detail", args=[obj.pk])
    if obj.directive_id:
        return reverse("conclusions:directive_detail", args=[obj.directive_id])
    return reverse("petitions:group_detail", args=[obj.group_id])


def object_of(reminder) -> Directive | PetitionGroup | Escalation:
    return reminder.directive or reminder.group or reminder.escalation
