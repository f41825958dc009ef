# ruff: noqa: E501
# (Notes are kept one per line, as the secretary typed them.)
"""The demo's conference day: the Gia Phúc conference of 11/06/2026 (seed 003) fully held.

`proceedings_demo_load(actor=...)` runs after the plans and petitions demos and goes only
through the services: check-in (present, absent and a walk-in), a queue of registration
slips and hands raised in the room taken from the conference's petitions and groups, the
console run through the agenda with notes, who answered and outcomes of every kind, the
minutes drafted by the Party committee's office and approved by the chair, and the
conference marked as held.

Idempotent: every change carries a submission key `uuid5(NAMESPACE, name)`, so a second
run applies nothing; drafting and approving are taken up from the state they are in.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from dialogue.organisation.models import User
from dialogue.petitions.models import PetitionGroup
from dialogue.plans import services as plan_services
from dialogue.plans.models import Conference, ConferenceStatus
from dialogue.proceedings import services
from dialogue.proceedings.models import (
    ConferenceRun,
    Minutes,
    MinutesStatus,
    Outcome,
    SpeakerRequest,
    SpeakerSource,
    SpeakerStatus,
)

NAMESPACE = uuid.UUID("3b0c8f5e-6a43-4c52-9d7e-2f1f0c5d7a11")
CONFERENCE_DATE = date(2026, 6, 11)

# (answered by, name of the person answering, outcome, notes) for each intervention in order.
INTERVENTIONS = [
    (
        "agency",
        "Đồng chí Phó Chủ tịch UBND xã phụ trách kinh tế",
        Outcome.COMMITTED,
        "Người dân phản ánh mặt đường hư hỏng nhiều đoạn, mùa mưa đi lại khó khăn. UBND xã cam kết đưa vào kế hoạch duy tu quý III/2026.",
    ),
    (
        "chair",
        "",
        Outcome.SETTLED,
        "Đồng chí Bí thư giải thích rõ chính sách; người phát biểu đồng tình, không có ý kiến thêm.",
    ),
    (
        "agency",
        "Đồng chí Trưởng Công an xã",
        Outcome.SETTLED,
        "Công an xã báo cáo đã xử lý xong vụ việc, đã lập biên bản và nhắc nhở các hộ liên quan.",
    ),
    (
        "agency",
        "Đồng chí Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội",
        Outcome.FOLLOW_UP,
        "Cần kiểm tra thực địa và rà soát hồ sơ; giao UBND xã chủ trì, báo cáo kết quả trước ngày 30/7/2026.",
    ),
    (
        "chair",
        "",
        Outcome.COMMITTED,
        "Đồng chí chủ trì ghi nhận; chỉ đạo UBND xã phối hợp các thôn triển khai trong tháng 7/2026.",
    ),
    (
        "agency",
        "Đồng chí Chủ tịch Ủy ban MTTQ Việt Nam xã",
        Outcome.FOLLOW_UP,
        "Ý kiến liên quan nhiều hộ dân; MTTQ xã tiếp tục nắm tình hình, phối hợp giám sát việc giải quyết.",
    ),
    (
        "chair",
        "",
        Outcome.SETTLED,
        "Đã được trả lời trực tiếp tại hội nghị; người phát biểu nhất trí.",
    ),
]
# A hand raised in the room on a matter nobody had written down: recorded as a new petition.
FLOOR_NEW = (
    "Bà Nguyễn Thị Hằng",
    "Nhân dân thôn Văn Lâm",
    "Đề nghị xã bố trí thêm thùng thu gom rác thải tại khu vực chợ thôn Văn Lâm, hiện rác để tràn ra đường gây ô nhiễm.",
    (
        "agency",
        "Đồng chí Phó Chủ tịch UBND xã phụ trách kinh tế",
        Outcome.COMMITTED,
        "UBND xã cam kết bố trí thêm 02 điểm thu gom trong tháng 6/2026.",
    ),
)


def _key(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


def demo_conference() -> Conference | None:
    """Seed 003's conference, found by its host unit and date (not by primary key)."""
    return (
        Conference.objects.filter(host_unit__name="Xã Gia Phúc", date=CONFERENCE_DATE)
        .select_related("plan", "plan__issuing_unit", "host_unit")
        .order_by("id")
        .first()
    )


def _person(username: str, fallback):
    return User.objects.filter(username=username, is_active=True).first() or fallback


def _speaker_of(group: PetitionGroup) -> tuple[str, str]:
    petition = group.petitions.exclude(name="").order_by("id").first()
    if petition is None:
        return "Đại diện Nhân dân", ""
    represents = petition.organisation or (f"Nhân dân {petition.address.split(',')[0]}" if petition.address else "")
    return petition.name, represents


@transaction.atomic
def proceedings_demo_load(*, actor) -> dict:
    counts = {"present": 0, "walk_ins": 0, "speakers": 0, "minutes": 0}
    conference = demo_conference()
    if conference is None:
        return counts
    secretary = _person("vanphong.giaphuc", actor)
    chair = _person("chutri.giaphuc", actor)
    if not services.can_run(secretary, conference):
        secretary = actor
    if not services.can_approve(chair, conference):
        chair = actor

    # Check-in: the invitees from the organisation tree; the supervisor sent apologies.
    for participant in conference.participants.filter(walk_in=False).order_by("id"):
        absent = participant.person is not None and participant.person.username == "giamsat.giaphuc"
        if participant.attended is None or participant.attended is absent:
            services.attendance_mark(actor=secretary, participant=participant, present=not absent)
            counts["present"] += 0 if absent else 1
    if not conference.participants.filter(walk_in=True).exists():
        services.walk_in_add(
            actor=secretary,
            conference=conference,
            full_name="Ông Phạm Văn Thắng",
            organisation="Trưởng thôn Văn Lâm",
            delegation=conference.delegations.filter(name="Đại biểu thôn").first(),
            submission_key=_key("walk-in"),
        )
        counts["walk_ins"] += 1

    # The queue: registration slips from the groups of petitions, then a hand raised in the room.
    groups = list(PetitionGroup.objects.filter(conference=conference).order_by("id")[: len(INTERVENTIONS)])
    plan = []
    for index, group in enumerate(groups):
        name, represents = _speaker_of(group)
        before = SpeakerRequest.objects.count()
        speaker = services.speaker_add(
            actor=secretary,
            conference=conference,
            speaker_name=name,
            represents=represents,
            matter=group.summary,
            group=group,
            source=SpeakerSource.SLIP if index < 5 else SpeakerSource.FLOOR,
            submission_key=_key(f"speaker-{index}"),
        )
        counts["speakers"] += SpeakerRequest.objects.count() - before
        plan.append((speaker, INTERVENTIONS[index], group.lead_unit))
    name, represents, matter, record = FLOOR_NEW
    before = SpeakerRequest.objects.count()
    speaker = services.speaker_add(
        actor=secretary,
        conference=conference,
        speaker_name=name,
        represents=represents,
        matter=matter,
        create_petition=True,
        submission_key=_key("speaker-floor-new"),
    )
    counts["speakers"] += SpeakerRequest.objects.count() - before
    plan.append((speaker, record, None))

    # The console: each speaker in turn, the record of what was said, then the agenda to its end.
    services.run_start(actor=secretary, conference=conference)
    for index, (speaker, (answered_by, who, outcome, notes), lead_unit) in enumerate(plan):
        services.console_next_speaker(
            actor=secretary, conference=conference, expected_version=None, submission_key=_key(f"next-{index}")
        )
        speaker.refresh_from_db()
        services.intervention_record(
            actor=secretary,
            speaker=speaker,
            expected_version=None,
            notes=notes,
            answered_by=answered_by,
            answered_by_unit=lead_unit if answered_by == "agency" else None,
            answered_by_name=who,
            outcome=outcome,
            submission_key=_key(f"record-{index}"),
        )
    services.console_next_speaker(
        actor=secretary, conference=conference, expected_version=None, submission_key=_key("next-last")
    )
    for index in range(conference.agenda_items.count()):
        services.console_next_item(
            actor=secretary, conference=conference, expected_version=None, submission_key=_key(f"item-{index}")
        )
    _replay_on_the_day(conference, plan)

    # The minutes: drafted by the office, approved by the chair.
    minutes = Minutes.objects.filter(conference=conference).first()
    if minutes is None:
        minutes = services.minutes_draft(actor=secretary, conference=conference)
        counts["minutes"] += 1
    if minutes.status == MinutesStatus.DRAFT:
        services.minutes_approve(actor=chair, minutes=minutes, expected_version=None)

    conference.refresh_from_db()
    if conference.status == ConferenceStatus.PLANNED:
        conference = plan_services.conference_set_status(
            actor=actor, conference=conference, status=ConferenceStatus.SCHEDULED
        )
    if conference.status == ConferenceStatus.SCHEDULED:
        plan_services.conference_set_status(actor=actor, conference=conference, status=ConferenceStatus.HELD)
    return counts


def _replay_on_the_day(conference: Conference, plan) -> None:
    """The demo is loaded after the day: put the clock times of the day (08:00 onwards,
    as the seed's “½ ngày, từ 8h00'”) on what the services stamped with the loading time.
    Only timestamps change; statuses went through the services above."""
    start = timezone.make_aware(datetime.combine(CONFERENCE_DATE, conference.start_time or time(8, 0)))
    conference.participants.filter(attended=True).update(checked_in_at=start - timedelta(minutes=20))
    moment = start + timedelta(minutes=75)  # after the opening, the reports and the answers read out
    for speaker, _record, _unit in plan:
        SpeakerRequest.objects.filter(pk=speaker.pk, status=SpeakerStatus.DONE).update(
            started_at=moment, ended_at=moment + timedelta(minutes=9)
        )
        moment += timedelta(minutes=10)
    ConferenceRun.objects.filter(conference=conference).update(
        started_at=start, item_started_at=None, ended_at=start + timedelta(hours=3, minutes=25)
    )
