"""The minutes' first draft, worded from the records in the register of a biên bản."""

from __future__ import annotations

from django.utils import timezone

from dialogue.plans.documents import comrade, when_words
from dialogue.plans.models import Conference, ConferenceFormat
from dialogue.proceedings.models import AnsweredBy, Outcome, SpeakerStatus
from dialogue.proceedings.selectors import attendance_counts, run_of

# As printed in the minutes (Vietnamese, whatever the interface language).
OUTCOME_WORDS = {
    Outcome.SETTLED: "Đã giải quyết ngay tại hội nghị",
    Outcome.COMMITTED: "Đã trả lời, cam kết giải quyết",
    Outcome.FOLLOW_UP: "Tiếp tục theo dõi, giải quyết sau hội nghị",
}


def _clock(value) -> str:
    local = timezone.localtime(value)
    return f"{local:%H} giờ {local:%M}"


def _venue(conference: Conference) -> str:
    if conference.format == ConferenceFormat.ONLINE:
        return "trực tuyến"
    return conference.venue or "(chưa ghi địa điểm)"


# How a name may already begin when the secretary typed it with its form of address.
TITLES = ("ông ", "bà ", "anh ", "chị ", "cô ", "chú ", "bác ", "cụ ", "em ", "đồng chí ", "đ/c ")


def _addressed(who: str) -> str:
    """“Ông/bà Nguyễn Văn A”, unless the name already says how the person is addressed."""
    return who if who.lower().startswith(TITLES) else f"Ông/bà {who}"


def answered_words(speaker) -> str:
    if speaker.answered_by == AnsweredBy.CHAIR:
        chairs = list(speaker.conference.chairs.all())
        name = f" ({comrade(chairs[0].name)})" if chairs else ""
        return f"Đồng chí chủ trì hội nghị{name}"
    if speaker.answered_by == AnsweredBy.AGENCY:
        who = [speaker.answered_by_name, speaker.answered_by_unit.name if speaker.answered_by_unit_id else ""]
        return ", ".join(x for x in who if x)
    return ""


def minutes_text(conference: Conference, *, secretary=None) -> dict[str, str]:
    run = run_of(conference)
    chairs = list(conference.chairs.all())
    # time and place
    start = _clock(run.started_at) if run and run.started_at else None
    time_place = [f"Thời gian: {when_words(conference)}."]
    if start:
        time_place.append(f"Hội nghị khai mạc lúc {start}.")
    time_place.append(f"Địa điểm: {_venue(conference)}.")
    time_place.append(f"Nội dung: {conference.title}.")
    # attendance
    counts = attendance_counts(conference, other_label="Đại biểu khác")
    attendance = [
        f"Tổng số đại biểu được mời: {counts.invited}; có mặt: {counts.present}"
        + (f" (trong đó {counts.walk_ins} người đến dự không có giấy mời)" if counts.walk_ins else "")
        + f"; vắng mặt: {counts.absent}."
    ]
    for row in counts.rows:
        if not row.invited and not row.present and row.expected:
            # A delegation nobody checks in by name (citizens of the villages): the number
            # present is counted in the hall and written in by the secretary.
            attendance.append(f"- {row.name}: có mặt khoảng ..... người (dự kiến khoảng {row.expected} người);")
            continue
        line = f"- {row.name}: có mặt {row.present}"
        if row.invited:
            line += f"/{row.invited} người được mời"
        if row.expected:
            line += f" (dự kiến khoảng {row.expected} người)"
        attendance.append(line + ";")
    # chair and secretary
    presiding = []
    for chair in chairs:
        presiding.append(f"Chủ trì: {comrade(chair.name)}{', ' + chair.position if chair.position else ''}.")
    secretary_name = (getattr(secretary, "full_name", "") or "") if secretary else ""
    secretary_position = getattr(secretary, "position", "") if secretary else ""
    if secretary_name:
        presiding.append(f"Thư ký: {comrade(secretary_name)}{', ' + secretary_position if secretary_position else ''}.")
    # agenda
    agenda = []
    for index, item in enumerate(conference.agenda_items.order_by("order", "id"), start=1):
        agenda.append(f"{index}. {item.title}{' (' + item.presenter + ')' if item.presenter else ''}")
    # interventions
    spoken = list(
        conference.speaker_requests.filter(status=SpeakerStatus.DONE)
        .select_related("answered_by_unit", "conference")
        .order_by("started_at", "position", "id")
    )
    interventions = []
    if spoken:
        by_outcome = {o: sum(1 for s in spoken if s.outcome == o) for o in Outcome.values}
        interventions.append(
            f"Có {len(spoken)} lượt ý kiến phát biểu; {by_outcome[Outcome.SETTLED]} ý kiến được giải quyết ngay tại "
            f"hội nghị, {by_outcome[Outcome.COMMITTED]} ý kiến được trả lời kèm cam kết giải quyết, "
            f"{by_outcome[Outcome.FOLLOW_UP]} ý kiến tiếp tục theo dõi, giải quyết sau hội nghị."
        )
        for index, speaker in enumerate(spoken, start=1):
            who = speaker.speaker_name + (f" ({speaker.represents})" if speaker.represents else "")
            interventions.append(f"{index}. {_addressed(who)} phát biểu: {' '.join(speaker.matter.split())}")
            if speaker.notes:
                interventions.append(f"- Ghi chép: {' '.join(speaker.notes.split())}")
            answered = answered_words(speaker)
            if answered:
                interventions.append(f"- Người trả lời: {answered}.")
            if speaker.outcome:
                interventions.append(f"- Kết quả: {OUTCOME_WORDS[speaker.outcome]}.")
    else:
        interventions.append("Không có ý kiến phát biểu tại hội nghị.")
    # closing
    end = _clock(run.ended_at) if run and run.ended_at else None
    closing = [
        (
            f"Hội nghị kết thúc vào hồi {end} cùng ngày."
            if end
            else "Hội nghị kết thúc vào hồi ..... giờ ..... cùng ngày."
        )
        + " Biên bản đã được đọc lại và thông qua tại hội nghị."
    ]
    return {
        "time_place": "\n".join(time_place),
        "attendance": "\n".join(attendance),
        "presiding": "\n".join(presiding),
        "agenda": "\n".join(agenda),
        "interventions": "\n".join(interventions),
        "closing": "\n".join(closing),
        "secretary_name": secretary_name,
        "chair_name": chairs[0].name if chairs else "",
    }
