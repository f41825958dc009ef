"""A small dataset with figures known by hand, shared by the statistics tests (imported by
them; it holds no test of its own).

The period is March 2026 (01/03–31/03). Every row sits on a boundary or a trap: a petition
on 01/03 (a Sunday) and one on 31/03 are in, 27/02 and 01/04 are out; an answer approved at
00:30 on Saturday 21/03 in Hà Nội (still 20/03 in UTC) is late for a group due 20/03; a
group resolved at 00:30 on 01/04 (31/03 in UTC) is not resolved in March; a resolution on
05/05 is counted across Giỗ Tổ (27/04 in lieu), 30/04 and 01/05. `EXPECTED` holds the
figures for the province (P) and the commune (C) of the fixed cast.
"""

from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from dialogue.conclusions.models import Conclusion, ConclusionStatus, Directive, DirectiveStatus
from dialogue.organisation.factories import make_unit
from dialogue.petitions.models import (
    AnswerMode,
    Channel,
    Field,
    FollowUpStatus,
    GroupStatus,
    JurisdictionLevel,
    Petition,
    PetitionGroup,
    PetitionStatus,
)
from dialogue.plans.models import Conference, ConferenceStatus, DocumentLayout, Participant, Plan
from dialogue.proceedings.models import SpeakerRequest, SpeakerStatus

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
START, END = date(2026, 3, 1), date(2026, 3, 31)
# A day after the period: what is due before 01/04 and still open is late.
TODAY = date(2026, 4, 15)


def local(y, m, d, hh=10, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=HANOI)


def _field(code: str, name: str) -> Field:
    # A transactional test flushes what the data migration loaded.
    return Field.objects.get_or_create(code=code, defaults={"name": name})[0]


def _plan(unit, title="Kế hoạch đối thoại năm 2026") -> Plan:
    return Plan.objects.create(
        issuing_unit=unit,
        layout=DocumentLayout.PARTY,
        issuer_line=unit.name.upper(),
        symbol="KH/TU",
        year=2026,
        place="Thái Nguyên",
        title=title,
    )


def _conference(plan, host, day, status=ConferenceStatus.HELD, title="Hội nghị đối thoại") -> Conference:
    return Conference.objects.create(plan=plan, host_unit=host, date=day, status=status, title=title)


def _participants(conference, attended: int, absent: int = 0, unknown: int = 0) -> None:
    n = 0
    for value, count in ((True, attended), (False, absent), (None, unknown)):
        for _ in range(count):
            n += 1
            Participant.objects.create(
                conference=conference,
                full_name=f"Đại biểu {n}",
                attended=value,
                checked_in_at=local(2026, 3, 10, 7, 30) if value else None,
            )


def _petition(unit, day, *, field=None, level="", channel=Channel.PAPER_CITIZEN, status=PetitionStatus.RECEIVED,
              group=None, repeat_of=None, content="Đề nghị sửa đường liên thôn") -> Petition:  # fmt: skip
    return Petition.objects.create(
        receiving_unit=unit,
        received_on=day,
        ack_due=day,
        field=field,
        level=level,
        channel=channel,
        status=status,
        group=group,
        repeat_of=repeat_of,
        content=content,
    )


def _group(unit, *, lead, due=None, status=GroupStatus.ASSIGNED, approved_at=None, mode=AnswerMode.WRITTEN,
           followup="", resolve_due=None, resolved_at=None, summary="Ý kiến tổng hợp") -> PetitionGroup:  # fmt: skip
    return PetitionGroup.objects.create(
        receiving_unit=unit,
        summary=summary,
        lead_unit=lead,
        due_date=due,
        status=status,
        approved_at=approved_at,
        answer_mode=mode,
        followup_status=followup,
        resolve_due=resolve_due,
        resolved_at=resolved_at,
    )


def _conclusion(conference, issuing, *, status=ConclusionStatus.ISSUED, issued_on=None) -> Conclusion:
    return Conclusion.objects.create(
        conference=conference,
        issuing_unit=issuing,
        layout=DocumentLayout.PARTY,
        issuer_line=issuing.name.upper(),
        symbol="TB/TU",
        year=2026,
        place="Thái Nguyên",
        due_date=issued_on or date(2026, 3, 20),
        title="Thông báo kết luận hội nghị đối thoại",
        status=status,
        issued_on=issued_on,
        number=None if status != ConclusionStatus.ISSUED else Conclusion.objects.count() + 1,
    )


def _directive(conclusion, *, lead, status, due=None, resolved_at=None, closed_at=None, order=0) -> Directive:
    return Directive.objects.create(
        conclusion=conclusion,
        order=order,
        matter=f"Nhiệm vụ {order}",
        lead_unit=lead,
        status=status,
        due_date=due,
        resolved_at=resolved_at,
        closed_at=closed_at,
    )


@pytest.fixture
def dataset(cast):
    t = cast.tree
    dat_dai = _field("dat_dai", "Đất đai")
    moi_truong = _field("moi_truong", "Tài nguyên, môi trường")
    a, b, bdv, c = t.agency_a, t.agency_b, t.ban_dan_van, t.commune
    dang_uy_xa = make_unit("Đảng ủy xã Cao Minh", "party_committee", c)

    # Conferences: P 3 in March (2 held, 1 scheduled), one cancelled and one in April left out.
    plan_p, plan_c, plan_q = _plan(t.tinh_uy), _plan(dang_uy_xa), _plan(t.other_commune)
    conf_p = _conference(plan_p, t.province, date(2026, 3, 10))
    _participants(conf_p, attended=3, absent=1, unknown=1)
    conf_c = _conference(plan_c, c, date(2026, 3, 20))
    _participants(conf_c, attended=2)
    for status in (SpeakerStatus.DONE, SpeakerStatus.DONE, SpeakerStatus.WAITING):
        SpeakerRequest.objects.create(conference=conf_c, speaker_name="Bà Nông Thị Mai", matter="Đường", status=status)
    _conference(plan_c, c, date(2026, 3, 25), status=ConferenceStatus.SCHEDULED)
    _conference(plan_c, c, date(2026, 3, 12), status=ConferenceStatus.CANCELLED)
    conf_april = _conference(plan_p, t.province, date(2026, 4, 2))
    _participants(conf_april, attended=4)
    conf_q = _conference(plan_q, t.other_commune, date(2026, 3, 15))
    _participants(conf_q, attended=5)

    # Petition groups.
    g1 = _group(bdv, lead=a, due=date(2026, 3, 20), status=GroupStatus.APPROVED, approved_at=local(2026, 3, 21, 0, 30))
    g2 = _group(c, lead=b, due=date(2026, 3, 27), status=GroupStatus.APPROVED, approved_at=local(2026, 3, 27, 23, 30),
                followup=FollowUpStatus.RESOLVED, resolved_at=local(2026, 5, 5))  # fmt: skip
    g3 = _group(bdv, lead=a, due=date(2026, 3, 13), status=GroupStatus.SUBMITTED)
    _group(c, lead=b, due=date(2026, 4, 15))  # due after the period: in no figure
    _group(bdv, lead=b, due=date(2026, 3, 30), mode=AnswerMode.LIVE)  # answered live: no written answer
    g6 = _group(c, lead=a, due=date(2026, 3, 31))  # due on the last day, not answered: overdue
    g7 = _group(t.other_commune, lead=None, due=date(2026, 3, 20), status=GroupStatus.APPROVED,
                approved_at=local(2026, 3, 18))  # fmt: skip
    _group(bdv, lead=a, due=date(2026, 2, 10))  # due before the period, still not answered: late
    _group(bdv, lead=b, due=date(2026, 2, 5), status=GroupStatus.APPROVED, approved_at=local(2026, 2, 4),
           followup=FollowUpStatus.IN_PROGRESS, resolve_due=date(2026, 3, 20))  # fmt: skip
    _group(bdv, lead=b, followup=FollowUpStatus.CLOSED, resolved_at=local(2026, 3, 31, 23, 0))
    _group(bdv, lead=b, followup=FollowUpStatus.RESOLVED, resolved_at=local(2026, 4, 1, 0, 30))

    # Petitions: 6 for P in March (3 of them received by the commune).
    old = _petition(bdv, date(2026, 2, 27), field=dat_dai, level=JurisdictionLevel.TINH, group=g3,
                    status=PetitionStatus.GROUPED)  # fmt: skip
    _petition(
        bdv, date(2026, 3, 2), field=dat_dai, level=JurisdictionLevel.TINH, status=PetitionStatus.GROUPED, group=g1
    )
    _petition(bdv, date(2026, 3, 6), field=dat_dai, level=JurisdictionLevel.TINH, channel=Channel.SPOKEN,
              status=PetitionStatus.GROUPED, group=g1, repeat_of=old)  # fmt: skip
    _petition(bdv, date(2026, 3, 31), field=moi_truong, level=JurisdictionLevel.XA, channel=Channel.MTTQ,
              status=PetitionStatus.TRIAGED)  # fmt: skip
    _petition(
        c, date(2026, 3, 1), field=moi_truong, level=JurisdictionLevel.XA, status=PetitionStatus.GROUPED, group=g2
    )
    _petition(c, date(2026, 3, 16), channel=Channel.ONLINE)
    _petition(c, date(2026, 3, 20), field=dat_dai, level=JurisdictionLevel.XA, channel=Channel.SPOKEN,
              status=PetitionStatus.GROUPED, group=g2, repeat_of=old)  # fmt: skip
    _petition(c, date(2026, 4, 1), group=g6)
    _petition(t.other_commune, date(2026, 3, 10), group=g7, status=PetitionStatus.GROUPED)

    # Directives.
    notice_p = _conclusion(conf_p, t.tinh_uy, issued_on=date(2026, 3, 15))
    _directive(notice_p, lead=a, status=DirectiveStatus.ASSIGNED, due=date(2026, 3, 25), order=1)
    _directive(notice_p, lead=b, status=DirectiveStatus.RESOLVED, due=date(2026, 3, 25), resolved_at=local(2026, 3, 30),
               order=2)  # fmt: skip
    _directive(notice_p, lead=a, status=DirectiveStatus.CLOSED, due=date(2026, 3, 25), closed_at=local(2026, 3, 20),
               order=3)  # fmt: skip
    _directive(notice_p, lead=b, status=DirectiveStatus.IN_PROGRESS, due=date(2026, 4, 10), order=4)
    _directive(notice_p, lead=None, status=DirectiveStatus.REPORTED, due=date(2026, 3, 20), order=5)
    notice_c = _conclusion(conf_c, dang_uy_xa, issued_on=date(2026, 2, 28))
    _directive(notice_c, lead=b, status=DirectiveStatus.FORWARDED_UP, due=date(2026, 3, 30), order=1)
    draft = _conclusion(conf_april, t.tinh_uy, status=ConclusionStatus.DRAFT)
    _directive(draft, lead=a, status=DirectiveStatus.PROPOSED, due=date(2026, 3, 1))
    notice_q = _conclusion(conf_q, t.other_commune, issued_on=date(2026, 3, 15))
    _directive(notice_q, lead=None, status=DirectiveStatus.ASSIGNED, due=date(2026, 3, 20))

    return SimpleNamespace(cast=cast, tree=t, dat_dai=dat_dai, moi_truong=moi_truong, dang_uy_xa=dang_uy_xa)


# Worked out by hand (the tests also recompute the working days with the calendar).
# Answer: p 02/03→21/03 14, 06/03→21/03 10 (approved 00:30 Saturday 21/03), 01/03→27/03 20,
# 20/03→27/03 5. Resolution (05/05/2026): 01/03→05/05 44, 20/03→05/05 29.
EXPECTED = {
    "province": {
        "conferences": 3,
        "conferences_held": 2,
        "participants": 5,
        "interventions": 2,
        "petitions": 6,
        "repeats": 2,
        "answers_due": 4,
        "answered_on_time": 1,
        "answered_late": 1,
        "answers_overdue": 2,
        "answers_pending": 0,
        "answered_petitions": 4,
        "avg_days_to_answer": (14 + 10 + 20 + 5) / 4,
        "resolved_petitions": 2,
        "avg_days_to_resolve": (44 + 29) / 2,
        "groups_resolved": 1,
        "directives_resolved": 2,
        "directives_issued": 5,
        "late_directives": 3,
        "late_answers": 3,
        "late_resolution": 1,
    },
    "commune": {
        "conferences": 2,
        "conferences_held": 1,
        "participants": 2,
        "interventions": 2,
        "petitions": 3,
        "repeats": 1,
        "answers_due": 2,
        "answered_on_time": 1,
        "answered_late": 0,
        "answers_overdue": 1,
        "answers_pending": 0,
        "answered_petitions": 2,
        "avg_days_to_answer": (20 + 5) / 2,
        "resolved_petitions": 2,
        "avg_days_to_resolve": (44 + 29) / 2,
        "groups_resolved": 0,
        "directives_resolved": 0,
        "directives_issued": 0,
        "late_directives": 1,
        "late_answers": 1,
        "late_resolution": 0,
    },
}
