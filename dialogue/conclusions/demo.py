# ruff: noqa: E501
"""The demo conclusion notice: seed 003's conference of 11/06/2026 (Xã Gia Phúc), drafted
from its petition groups and whatever interventions were recorded, approved and issued by
the chair a few working days later, signed as the seed signs (T/M BAN THƯỜNG VỤ / BÍ THƯ,
Đỗ Văn Tiến) and addressed as seed 003's Nơi nhận. Idempotent: a second run changes nothing."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from dialogue.conclusions import services
from dialogue.conclusions.models import Conclusion, ConclusionStatus, Publication, PublicationStatus
from dialogue.organisation.models import Unit, User
from dialogue.plans.models import Conference
from dialogue.workcalendar.selectors import get_calendar

CONFERENCE_DATE = date(2026, 6, 11)
HOST = "Xã Gia Phúc"
UBND = "Ủy ban nhân dân xã Gia Phúc"
CONG_AN = "Công an xã Gia Phúc"
MTTQ = "Ủy ban Mặt trận Tổ quốc Việt Nam xã Gia Phúc"
TTDV = "Trung tâm Dịch vụ sự nghiệp công xã Gia Phúc"
VILLAGES = "Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Tràng"
ISSUE_AFTER_WORKING_DAYS = 4

# The chair's own directions at the end of the conference (seed 003, section II.1.2: “giao
# trách nhiệm cho các cơ quan chức năng nghiên cứu, đề xuất phương án và thời hạn giải quyết”).
STANDING_DIRECTIVES = [
    {
        "matter": "Chỉ đạo rà soát, phân loại toàn bộ ý kiến, kiến nghị của Nhân dân nêu tại hội nghị chưa được giải quyết dứt điểm; xây dựng lộ trình giải quyết từng nội dung",
        "lead": UBND,
        "supporting": [TTDV],
        "expected_result": "Báo cáo kết quả rà soát và lộ trình giải quyết gửi Ban Thường vụ Đảng ủy (qua Văn phòng Đảng ủy)",
        "working_days": 10,
    },
    {
        "matter": "Tăng cường tuần tra, kiểm soát, xử lý tình trạng xe chở vật liệu quá tải trọng làm hư hỏng đường giao thông nông thôn các thôn Trúc Lâm, Lai Hà",
        "lead": CONG_AN,
        "supporting": [UBND],
        "expected_result": "Kết quả tuần tra, xử lý vi phạm; báo cáo Ban Thường vụ Đảng ủy",
        "working_days": 15,
    },
]

RECIPIENTS = [
    "- Thường trực Thành ủy (để báo cáo),",
    "- Ban Tuyên giáo và Dân vận Thành ủy (để báo cáo),",
    "- Ban Thường vụ Đảng ủy xã,",
    "- Thường trực HĐND, lãnh đạo UBND xã,",
    "- Ủy ban MTTQ Việt Nam xã (để giám sát),",
    "- Ban Xây dựng Đảng Đảng ủy xã (để theo dõi),",
]


def demo_conference() -> Conference | None:
    """Seed 003's conference, found by its host unit and date (not by primary key)."""
    return (
        Conference.objects.filter(host_unit__name=HOST, date=CONFERENCE_DATE)
        .select_related("plan", "plan__issuing_unit", "host_unit")
        .order_by("id")
        .first()
    )


def _person(username: str, fallback):
    return User.objects.filter(username=username, is_active=True).first() or fallback


def _unit(name: str, area: Unit) -> Unit | None:
    return Unit.objects.filter(name=name, path__startswith=area.path).first()


def conclusions_demo_load(*, actor) -> dict:
    counts = {"conclusions": 0, "directives": 0}
    conference = demo_conference()
    if conference is None:
        return counts
    existing = Conclusion.objects.filter(conference=conference).exclude(status=ConclusionStatus.CANCELLED).first()
    if existing and existing.status == ConclusionStatus.ISSUED:
        return counts
    unit = conference.plan.issuing_unit
    drafter = _person("vanphong.giaphuc", actor)
    if not services.can_draft(drafter, unit):
        drafter = actor
    chair = _person("chutri.giaphuc", actor)
    if not services.can_issue(chair, unit):
        chair = actor
    area = conference.host_unit
    ubnd = _unit(UBND, area)
    calendar = get_calendar()

    conclusion = existing or services.conclusion_draft(actor=drafter, conference=conference)
    if conclusion.status == ConclusionStatus.DRAFT:
        # A directive the drafting could not place (the chair answered, no group) goes to
        # the commune's People's Committee, as the chair directs the government apparatus.
        for directive in conclusion.directives.filter(lead_unit__isnull=True):
            services.directive_update(
                actor=drafter,
                directive=directive,
                expected_version=directive.version,
                matter=directive.matter,
                lead_unit=ubnd,
                supporting_units=list(directive.supporting_units.all()),
                expected_result=directive.expected_result,
                due_date=directive.due_date,
            )
        have = set(conclusion.directives.values_list("matter", flat=True))
        for item in STANDING_DIRECTIVES:
            lead = _unit(item["lead"], area)
            if item["matter"] in have or lead is None:
                continue
            services.directive_add(
                actor=drafter,
                conclusion=conclusion,
                matter=item["matter"],
                lead_unit=lead,
                supporting_units=[u for u in (_unit(n, area) for n in item["supporting"]) if u],
                expected_result=item["expected_result"],
                due_date=calendar.add(conference.date, item["working_days"]),
            )
        conclusion.refresh_from_db()
        units = []
        for directive in conclusion.directives.select_related("lead_unit").prefetch_related("supporting_units"):
            for u in [directive.lead_unit, *directive.supporting_units.all()]:
                line = f"- {u.name},"
                if u and line not in units:
                    units.append(line)
        recipients = [*RECIPIENTS, *units, f"- Chi bộ, trưởng các thôn {VILLAGES},", "- Lưu VPĐU."]
        conclusion = services.conclusion_update(
            actor=drafter,
            conclusion=conclusion,
            expected_version=conclusion.version,
            recipients="\n".join(recipients),
            signer_name=conclusion.signer_name or "Đỗ Văn Tiến",
        )
        conclusion = services.conclusion_approve(actor=chair, conclusion=conclusion)
    if conclusion.status == ConclusionStatus.APPROVED:
        conclusion = services.conclusion_issue(
            actor=chair, conclusion=conclusion, issued_on=calendar.add(conference.date, ISSUE_AFTER_WORKING_DAYS)
        )
        _date_as_on_the_day(conclusion)
    publication = getattr(conclusion, "publication", None)
    if publication is not None and publication.status != PublicationStatus.PUBLISHED:
        # Published the working day after issue, within art. 43's ten days.
        publication = services.publication_publish(actor=drafter, publication=publication)
        published_on = calendar.add(conclusion.issued_on, 1)
        Publication.objects.filter(pk=publication.pk).update(published_at=_at(published_on, time(8, 0)))
    counts["conclusions"] = 1
    counts["directives"] = conclusion.directives.count()
    return counts


def _at(day: date, moment: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment))


def _date_as_on_the_day(conclusion: Conclusion) -> None:
    """The demo is loaded months after the conference: the approval and issue are dated
    on the day of issue, as they happened, not when the demo ran (timestamps only)."""
    Conclusion.objects.filter(pk=conclusion.pk).update(
        approved_at=_at(conclusion.issued_on, time(9, 0)), issued_at=_at(conclusion.issued_on, time(10, 0))
    )
