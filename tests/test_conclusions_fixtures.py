"""A held commune conference with petition groups and interventions, shared by the
conclusion tests (imported by them; it holds no test of its own)."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from dialogue.organisation.factories import make_person, make_unit
from dialogue.organisation.roles import Role
from dialogue.petitions.models import AnswerMode, GroupStatus, Petition, PetitionGroup, Support
from dialogue.plans import services as plan_services
from dialogue.proceedings.models import AnsweredBy, Outcome, SpeakerRequest, SpeakerStatus
from dialogue.workcalendar.selectors import get_calendar


def past_working_day(days_back: int = 20):
    day = timezone.localdate() - timedelta(days=days_back)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


@pytest.fixture
def meeting(cast):
    t = cast.tree
    dang_uy = make_unit("Đảng ủy xã Cao Minh", "party_committee", t.commune)
    ubnd_xa = make_unit("Ủy ban nhân dân xã Cao Minh", "people_committee", t.commune)
    chair = make_person("chu", "Hứa Ngọc Sỹ", organisation=dang_uy, roles=[(Role.CHAIR, t.commune)])
    supervisor = make_person("giam", "Phạm Văn Hưng", organisation=dang_uy, roles=[(Role.SUPERVISOR, t.commune)])
    officer = cast.commune_officer
    plan = plan_services.plan_create(
        actor=officer,
        issuing_unit=dang_uy,
        title="Tổ chức hội nghị đối thoại của đồng chí Bí thư Đảng ủy xã với Nhân dân năm 2026",
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="BÍ THƯ",
        signer_name="Hứa Ngọc Sỹ",
        place="Cao Minh",
    )
    # Thirteen working days ago: its directives (due 15 working days after the conference)
    # are due in two working days whatever the weekday and the holidays; twenty calendar
    # days moved off a weekend made them late yesterday on most Saturdays.
    held_on = get_calendar().add(timezone.localdate(), -13)
    conference = plan_services.conference_create(
        actor=officer,
        plan=plan,
        host_unit=t.commune,
        title="Hội nghị đối thoại của đồng chí Bí thư Đảng ủy xã với Nhân dân thôn Nà Đon",
        venue="Hội trường Ủy ban nhân dân xã Cao Minh",
        date=held_on,
    )
    plan_services.chair_add(
        actor=officer, conference=conference, name="Hứa Ngọc Sỹ", position="Bí thư Đảng ủy xã Cao Minh"
    )

    def group(summary, *, lead, status, mode=AnswerMode.WRITTEN, answer="", supports=()):
        g = PetitionGroup.objects.create(
            conference=conference,
            receiving_unit=t.commune,
            summary=summary,
            lead_unit=lead,
            status=status,
            answer_mode=mode,
            answer_text=answer,
        )
        for unit in supports:
            Support.objects.create(group=g, unit=unit)
        return g

    answered = group(
        "Đề nghị hỗ trợ giống lúa sau lũ cho các hộ thôn Nà Đon.",
        lead=t.agency_a,
        status=GroupStatus.APPROVED,
        answer="Sở đã cấp 5 tấn giống lúa cho xã trong tháng 7",
    )
    live = group(
        "Đề nghị sửa chữa đèn chiếu sáng đường liên thôn.",
        lead=ubnd_xa,
        status=GroupStatus.ASSIGNED,
        mode=AnswerMode.LIVE,
    )
    open_group = group(
        "Đề nghị nạo vét kênh mương nội đồng bị bồi lấp, gây ngập úng.",
        lead=t.agency_a,
        status=GroupStatus.ASSIGNED,
        supports=[t.agency_b],
    )
    Petition.objects.create(
        conference=conference,
        receiving_unit=t.commune,
        channel="paper_citizen",
        name="Nguyễn Văn Bình",
        phone="0912345678",
        address="số 12 đường Trần Phú, thôn Nà Đon",
        content=open_group.summary,
        received_on=held_on - timedelta(days=30),
        ack_due=held_on - timedelta(days=16),
        group=open_group,
    )

    def speaker(position, name, matter, outcome, **extra):
        return SpeakerRequest.objects.create(
            conference=conference,
            position=position,
            speaker_name=name,
            matter=matter,
            status=SpeakerStatus.DONE,
            outcome=outcome,
            **extra,
        )

    settled = speaker(
        1,
        "Hoàng Thị Mai",
        "Thời gian trả kết quả cấp giấy chứng nhận quyền sử dụng đất",
        Outcome.SETTLED,
        answered_by=AnsweredBy.CHAIR,
        represents="thôn Nà Đon",
    )
    committed = speaker(
        2,
        "Lý Văn Tài",
        "Đường vào khu sản xuất bị sạt lở sau mưa lớn",
        Outcome.COMMITTED,
        answered_by=AnsweredBy.AGENCY,
        answered_by_unit=t.agency_b,
        answered_by_name="Ma Thị Hạnh",
        notes="khảo sát và khắc phục trước mùa mưa",
    )
    follow = speaker(3, "Nguyễn Văn Bình", "Kênh mương nội đồng bị bồi lấp", Outcome.FOLLOW_UP, group=open_group)
    return SimpleNamespace(
        cast=cast,
        tree=t,
        dang_uy=dang_uy,
        ubnd_xa=ubnd_xa,
        chair=chair,
        supervisor=supervisor,
        officer=officer,
        plan=plan,
        conference=conference,
        answered=answered,
        live=live,
        open_group=open_group,
        settled=settled,
        committed=committed,
        follow=follow,
    )
