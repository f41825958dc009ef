"""Reads of the conference day, always through the plans app's scoped lookup: a person
sees a conference's day only if they may see the conference."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from dialogue.lib.text import fold
from dialogue.plans.models import Conference, Participant
from dialogue.plans.selectors import conference_get_for_user, participant_get_for_user
from dialogue.proceedings.models import ConferenceRun, Minutes, SpeakerRequest, SpeakerStatus

__all__ = ["conference_get_for_user", "participant_get_for_user"]


def participant_get_by_token_for_user(*, user, token) -> Participant:
    participant = Participant.objects.filter(token=token).select_related("conference", "conference__plan").first()
    if participant is None:
        raise Http404
    # The same scoped lookup as every conference page: outside the scope, nothing exists.
    conference_get_for_user(user=user, pk=participant.conference_id)
    return participant


def speaker_get_for_user(*, user, pk: int) -> SpeakerRequest:
    speaker = SpeakerRequest.objects.filter(pk=pk).select_related("conference").first()
    if speaker is None:
        raise Http404
    speaker.conference = conference_get_for_user(user=user, pk=speaker.conference_id)
    return speaker


def checkin_search(conference: Conference, query: str = "", *, limit: int = 50) -> list[Participant]:
    """Invitees whose name, position or organisation matches every word of `query`,
    with or without accents (“nguyen van an” finds “Nguyễn Văn An”)."""
    rows = list(conference.participants.select_related("delegation").order_by("full_name", "id"))
    words = fold(query).split()
    if words:
        rows = [p for p in rows if all(w in fold(f"{p.full_name} {p.position} {p.organisation}") for w in words)]
    return rows[:limit]


@dataclass
class DelegationCount:
    name: str
    invited: int = 0
    present: int = 0
    walk_ins: int = 0
    expected: int | None = None


@dataclass
class Attendance:
    rows: list[DelegationCount] = field(default_factory=list)
    invited: int = 0
    present: int = 0
    walk_ins: int = 0
    absent: int = 0


def attendance_counts(conference: Conference, *, other_label: str = "") -> Attendance:
    """Present and invited by delegation (a sub-delegation counts in its own row)."""
    delegations = list(conference.delegations.order_by("order", "id"))
    rows = {d.pk: DelegationCount(d.name, expected=d.expected_size) for d in delegations}
    other = DelegationCount(other_label)
    total = Attendance()
    for p in conference.participants.all():
        row = rows.get(p.delegation_id, other)
        if p.walk_in:
            row.walk_ins += 1
            total.walk_ins += 1
        else:
            row.invited += 1
            total.invited += 1
        if p.attended:
            row.present += 1
            total.present += 1
        elif not p.walk_in:
            total.absent += 1
    total.rows = [r for r in rows.values() if r.invited or r.walk_ins or r.expected]
    if other.invited or other.walk_ins:
        total.rows.append(other)
    return total


def queue(conference: Conference) -> QuerySet[SpeakerRequest]:
    return conference.speaker_requests.select_related(
        "participant", "petition", "group", "answered_by_unit", "agenda_item"
    ).order_by("position", "id")


def waiting(conference: Conference) -> QuerySet[SpeakerRequest]:
    return queue(conference).filter(status=SpeakerStatus.WAITING)


def spoken(conference: Conference) -> QuerySet[SpeakerRequest]:
    return queue(conference).filter(status=SpeakerStatus.DONE).order_by("started_at", "position", "id")


def run_of(conference: Conference) -> ConferenceRun | None:
    return (
        ConferenceRun.objects.filter(conference=conference)
        .select_related("current_item", "current_speaker", "current_speaker__answered_by_unit")
        .first()
    )


def minutes_of(conference: Conference) -> Minutes | None:
    return Minutes.objects.filter(conference=conference).select_related("approved_by", "drafted_by").first()


@dataclass
class Clock:
    elapsed_seconds: int
    planned_seconds: int

    @property
    def over(self) -> bool:
        return self.planned_seconds > 0 and self.elapsed_seconds > self.planned_seconds


def item_clock(run: ConferenceRun | None) -> Clock | None:
    if run is None or run.current_item is None or run.item_started_at is None:
        return None
    elapsed = int((timezone.now() - run.item_started_at).total_seconds())
    return Clock(max(elapsed, 0), run.current_item.duration_minutes * 60)
