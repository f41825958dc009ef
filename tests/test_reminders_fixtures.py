"""Matters with due dates in Tỉnh Thái Nguyên, shared by the reminder tests (imported by
them; it holds no test of its own), and an SMS gateway that is slow and writes what it
sends to a file, for the tests that run real worker processes."""

from __future__ import annotations

import os
import time
from datetime import date, datetime
from datetime import time as clock
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from dialogue.conclusions.models import Conclusion, ConclusionStatus, Directive, DirectiveStatus
from dialogue.followup.models import Escalation
from dialogue.organisation.factories import make_unit
from dialogue.petitions.models import FollowUpStatus, GroupStatus, PetitionGroup
from dialogue.plans import services as plan_services
from dialogue.plans.models import DocumentLayout
from dialogue.reminders.sms import BaseBackend
from dialogue.workcalendar.selectors import get_calendar

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """A moment of `day` in Asia/Ho_Chi_Minh."""
    return datetime.combine(day, clock(hour, minute), tzinfo=HCM)


def working_days_from(day: date, n: int) -> date:
    return get_calendar().add(day, n)


@pytest.fixture
def matters(cast):
    """An issued provincial conclusion notice with two directives (agency A, agency B), a
    group awaiting agency A's answer, a group agency B must resolve, and a recommendation
    from the commune to UBND tỉnh; all due relative to today (A late by 6, B due in 3, the
    answer late by 2, the resolution late by 1, the recommendation late by 4)."""
    t = cast.tree
    today = timezone.localdate()
    # Counted from the last working day up to today, so "late by N" holds on a day off too.
    calendar = get_calendar()
    ref = today if calendar.is_working_day(today) else calendar.add(today, -1)
    officer = cast.province_officer
    plan = plan_services.plan_create(
        actor=officer,
        issuing_unit=t.tinh_uy,
        title="Tổ chức hội nghị đối thoại của đồng chí Bí thư Tỉnh ủy với Nhân dân năm 2026",
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="PHÓ BÍ THƯ THƯỜNG TRỰC",
        signer_name="Phạm Hoàng Sơn",
        place="Thái Nguyên",
    )
    held_on = working_days_from(ref, -40)
    conference = plan_services.conference_create(
        actor=officer,
        plan=plan,
        host_unit=t.province,
        title="Hội nghị đối thoại của đồng chí Bí thư Tỉnh ủy với Nhân dân năm 2026",
        venue="Hội trường Tỉnh ủy",
        date=held_on,
    )
    conclusion = Conclusion.objects.create(
        conference=conference,
        issuing_unit=t.tinh_uy,
        layout=DocumentLayout.PARTY,
        issuer_parent_line="ĐẢNG BỘ TỈNH THÁI NGUYÊN",
        issuer_line="TỈNH ỦY THÁI NGUYÊN",
        number=12,
        symbol="TB/TU",
        year=held_on.year,
        place="Thái Nguyên",
        issued_on=working_days_from(held_on, 5),
        due_date=working_days_from(held_on, 7),
        title="Kết luận của đồng chí Bí thư Tỉnh ủy tại hội nghị đối thoại với Nhân dân năm 2026",
        status=ConclusionStatus.ISSUED,
    )

    def directive(order, matter, lead, due):
        return Directive.objects.create(
            conclusion=conclusion,
            order=order,
            matter=matter,
            lead_unit=lead,
            due_date=due,
            status=DirectiveStatus.ASSIGNED,
        )

    directive_a = directive(
        1,
        "Rà soát, cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân tổ 5 phường Phan Đình Phùng",
        t.agency_a,
        working_days_from(ref, -6),
    )
    directive_b = directive(
        2,
        "Khắc phục điểm sạt lở đường vào khu sản xuất xóm Na Hoàng trước mùa mưa",
        t.agency_b,
        working_days_from(ref, 3),
    )
    answer = PetitionGroup.objects.create(
        conference=conference,
        receiving_unit=t.province,
        summary="Đề nghị hỗ trợ giống lúa cho các hộ bị thiệt hại do lũ tại xã Cao Minh",
        lead_unit=t.agency_a,
        status=GroupStatus.ASSIGNED,
        due_date=working_days_from(ref, -2),
    )
    resolution = PetitionGroup.objects.create(
        conference=conference,
        receiving_unit=t.province,
        summary="Đề nghị sửa chữa cầu treo bản Nà Đon bị hư hỏng",
        lead_unit=t.agency_b,
        status=GroupStatus.APPROVED,
        followup_status=FollowUpStatus.IN_PROGRESS,
        resolve_due=working_days_from(ref, -1),
    )
    commune_group = PetitionGroup.objects.create(
        receiving_unit=t.commune,
        summary="Đề nghị đầu tư đường giao thông liên xã Cao Minh - Xuân Dương",
        lead_unit=t.commune,
        status=GroupStatus.APPROVED,
        followup_status=FollowUpStatus.FORWARDED_UP,
    )
    escalation = Escalation.objects.create(
        group=commune_group,
        from_unit=t.commune,
        to_unit=t.ubnd,
        request_text="Đề nghị Ủy ban nhân dân tỉnh bố trí vốn đầu tư tuyến đường liên xã Cao Minh - Xuân Dương",
        due_date=working_days_from(ref, -4),
    )
    return SimpleNamespace(
        cast=cast,
        tree=t,
        today=today,
        plan=plan,
        conference=conference,
        conclusion=conclusion,
        directive_a=directive_a,
        directive_b=directive_b,
        answer=answer,
        resolution=resolution,
        commune_group=commune_group,
        escalation=escalation,
    )


@pytest.fixture
def unit_without_people(cast):
    """A Phòng under agency A with no account: its reminders go to agency A's people."""
    return make_unit("Chi cục Thủy lợi", "agency", cast.tree.agency_a)


class SlowFileBackend(BaseBackend):
    """A gateway that takes a moment per message and appends “reference” lines to the file
    named by SMS_LOG_FILE, so tests can count what really left, across processes."""

    def send_messages(self, messages) -> int:
        for message in messages:
            time.sleep(float(os.environ.get("SMS_DELAY", "0.05")))
            with open(os.environ["SMS_LOG_FILE"], "a", encoding="utf-8") as log:
                log.write(f"{message.reference}\t{os.getpid()}\t{message.to}\n")
        return len(messages)
