"""A small known dataset for the periodic reports (first six months of 2025 in Tỉnh Thái
Nguyên), and a URL configuration that mounts the report page at /statistics/reports/
until dialogue/statistics/urls.py includes it. Imported by the report tests; no test here.

What the first six months of 2025 (15/12/2024–14/06/2025) hold:

- Xã Cao Minh: one conference held on 10/03/2025 (3 of 4 invitees came), four petitions
  (two on land, one on transport, one not classified; one raised before), three written
  answers due (on time, late, overdue) and a conclusion notice of 15/03/2025 with two
  directives (one late, one resolved).
- The province's own level: a conference scheduled on 05/05/2025 (not held), two
  petitions received by its Ban Dân vận.
- Xã Phú Đình (the province's second commune) has nothing; Xã Gia Phúc (Hải Phòng) has a
  petition that must never appear in Thái Nguyên's report.
"""

from datetime import date, datetime, time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.urls import NoReverseMatch, include, path, reverse

from dialogue.conclusions.models import Conclusion, ConclusionStatus, Directive, DirectiveStatus
from dialogue.organisation.factories import make_unit
from dialogue.petitions.models import AnswerMode, Field, GroupStatus, Petition, PetitionGroup
from dialogue.plans import services as plan_services
from dialogue.plans.models import ConferenceChair, ConferenceStatus, Participant

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def moment(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZONE)


def _statistics_urls():
    from dialogue.statistics import report_urls
    from dialogue.statistics import urls as statistics_urls

    return ([*statistics_urls.urlpatterns, path("reports/", include(report_urls.urlpatterns))], "statistics")


def _urlpatterns():
    from config import urls as config_urls

    patterns = [p for p in config_urls.urlpatterns if str(p.pattern) != "statistics/"]
    return [*patterns, path("statistics/", include(_statistics_urls()))]


urlpatterns = _urlpatterns()


@pytest.fixture
def report_urls(settings):
    """Serve the report page whether or not the lead has wired report_urls yet."""
    try:
        reverse("statistics:reports")
    except NoReverseMatch:
        settings.ROOT_URLCONF = __name__
    yield


def _field(code: str, name: str) -> Field:
    return Field.objects.get_or_create(code=code, defaults={"name": name})[0]


@pytest.fixture
def half_year(cast):
    t = cast.tree
    dang_uy = make_unit("Đảng ủy xã Cao Minh", "party_committee", t.commune)
    ubnd_xa = make_unit("Ủy ban nhân dân xã Cao Minh", "people_committee", t.commune)
    phu_dinh = make_unit("Xã Phú Đình", "commune", t.province, code="01900", short_name="Phú Đình")
    land = _field("dat-dai", "Đất đai")
    transport = _field("giao-thong", "Giao thông")

    officer = cast.commune_officer
    plan = plan_services.plan_create(
        actor=officer,
        issuing_unit=dang_uy,
        title="Tổ chức hội nghị đối thoại của đồng chí Bí thư Đảng ủy xã với Nhân dân năm 2025",
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="BÍ THƯ",
        signer_name="Hứa Ngọc Sỹ",
        place="Cao Minh",
    )
    held = plan_services.conference_create(
        actor=officer,
        plan=plan,
        host_unit=t.commune,
        title="Hội nghị đối thoại của đồng chí Bí thư Đảng ủy xã với Nhân dân thôn Nà Đon",
        venue="Hội trường Ủy ban nhân dân xã Cao Minh",
        date=date(2025, 3, 10),
    )
    type(held).objects.filter(pk=held.pk).update(status=ConferenceStatus.HELD)
    ConferenceChair.objects.create(conference=held, name="Hứa Ngọc Sỹ", position="Bí thư Đảng ủy xã Cao Minh")
    for index, came in enumerate((True, True, True, False)):
        Participant.objects.create(conference=held, full_name=f"Đại biểu {index + 1}", attended=came)

    province_plan = plan_services.plan_create(
        actor=cast.province_officer,
        issuing_unit=t.tinh_uy,
        title="Tổ chức hội nghị tiếp xúc, đối thoại năm 2025",
        place="Thái Nguyên",
    )
    scheduled = plan_services.conference_create(
        actor=cast.province_officer,
        plan=province_plan,
        host_unit=t.province,
        title="Hội nghị đối thoại của đồng chí Bí thư Tỉnh ủy với doanh nghiệp",
        date=date(2025, 5, 5),
    )

    def group(summary, *, due, lead, status, approved=None):
        return PetitionGroup.objects.create(
            conference=held,
            receiving_unit=t.commune,
            summary=summary,
            lead_unit=lead,
            status=status,
            answer_mode=AnswerMode.WRITTEN,
            due_date=due,
            approved_at=moment(approved) if approved else None,
            field=land,
        )

    on_time = group(
        "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ thôn Nà Đon.",
        due=date(2025, 3, 20),
        lead=t.agency_a,
        status=GroupStatus.APPROVED,
        approved=date(2025, 3, 18),
    )
    late = group(
        "Đề nghị sửa chữa đường liên thôn Nà Đon bị sạt lở.",
        due=date(2025, 4, 1),
        lead=t.agency_b,
        status=GroupStatus.APPROVED,
        approved=date(2025, 4, 5),
    )
    overdue = group(
        "Đề nghị nạo vét kênh mương nội đồng bị bồi lấp.",
        due=date(2025, 5, 1),
        lead=t.agency_a,
        status=GroupStatus.ASSIGNED,
    )

    def petition(unit, day, content, *, field=None, group=None, conference=None, repeat_of=None):
        return Petition.objects.create(
            conference=conference,
            receiving_unit=unit,
            channel="paper_citizen",
            name="Nguyễn Văn Bình",
            phone="0912345678",
            content=content,
            received_on=day,
            ack_due=day,
            field=field,
            group=group,
            repeat_of=repeat_of,
        )

    earlier = petition(t.commune, date(2024, 5, 2), "Kênh mương nội đồng thôn Nà Đon bị bồi lấp.")
    petition(t.commune, date(2025, 2, 20), on_time.summary, field=land, group=on_time, conference=held)
    petition(t.commune, date(2025, 2, 21), "Cấp giấy chứng nhận cho hộ ông Tài.", field=land, conference=held)
    petition(t.commune, date(2025, 2, 22), late.summary, field=transport, group=late, conference=held)
    petition(t.commune, date(2025, 2, 25), overdue.summary, group=overdue, conference=held, repeat_of=earlier)
    petition(t.ban_dan_van, date(2025, 4, 10), "Đề nghị hỗ trợ doanh nghiệp nhỏ.", field=transport)
    petition(t.ban_dan_van, date(2025, 4, 11), "Đề nghị mở rộng quốc lộ 3.", field=transport)
    petition(t.other_commune, date(2025, 3, 3), "Ý kiến ở Hải Phòng.", field=land)

    conclusion = Conclusion.objects.create(
        conference=held,
        issuing_unit=dang_uy,
        layout="party",
        issuer_parent_line="ĐẢNG BỘ TỈNH THÁI NGUYÊN",
        issuer_line="ĐẢNG ỦY XÃ CAO MINH",
        number=1,
        symbol="TB/ĐU",
        year=2025,
        place="Cao Minh",
        issued_on=date(2025, 3, 15),
        due_date=date(2025, 3, 19),
        title="Kết luận của đồng chí Bí thư Đảng ủy xã",
        status=ConclusionStatus.ISSUED,
    )
    late_directive = Directive.objects.create(
        conclusion=conclusion,
        order=1,
        matter="Nạo vét kênh mương nội đồng thôn Nà Đon.",
        lead_unit=t.agency_a,
        due_date=date(2025, 4, 15),
        status=DirectiveStatus.ASSIGNED,
    )
    resolved_directive = Directive.objects.create(
        conclusion=conclusion,
        order=2,
        matter="Sửa đèn chiếu sáng đường liên thôn.",
        lead_unit=ubnd_xa,
        due_date=date(2025, 4, 30),
        status=DirectiveStatus.RESOLVED,
        resolved_at=moment(date(2025, 4, 10)),
    )
    return SimpleNamespace(
        cast=cast,
        tree=t,
        dang_uy=dang_uy,
        ubnd_xa=ubnd_xa,
        phu_dinh=phu_dinh,
        plan=plan,
        held=held,
        scheduled=scheduled,
        groups=(on_time, late, overdue),
        conclusion=conclusion,
        late_directive=late_directive,
        resolved_directive=resolved_directive,
    )
