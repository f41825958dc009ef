# ruff: noqa: E501
"""Demo content for the public portal, loaded after the other demos (`load_demo`).

Everything goes through the services a clerk or a citizen would use:

- two upcoming conferences in December 2026, announced on the portal with how to take
  part: Xã Gia Phúc (Đảng ủy xã, 10/12/2026) and Tỉnh Thái Nguyên (Tỉnh ủy, 17/12/2026),
  each in a plan issued for it;
- citizens' petitions sent online (`petition_submit_public`): two to the Gia Phúc
  conference (one with a photo, one asking to keep the sender's identity from the
  answering agencies), two to the Thái Nguyên conference (the protected one merged and
  given to Sở Xây dựng, so `coquan.xaydung` sees the matter without the sender), one to
  Xã Cao Minh's standing reception, and one more there through a connected application
  (Open311);
- one petition sent online to Xã Gia Phúc's standing reception in September 2026 that
  went the whole way: acknowledged, merged with a twin raised at the commune's thematic
  dialogue of 24/09/2026 (a small issued plan of its own, held), answered by the commune's
  People's Committee, taken into the conclusion notice as a directive, approved, and in
  progress since October. It has a fixed tracking code and telephone number
  (DEMO_TRACKING_CODE, DEMO_PHONE) to try the tracking page with; its dates are set to
  the days they happened (the demo is loaded later), the audit log keeps when it ran.

Idempotent: plans are found by issuing unit and title, petitions by their submission
key, and each step is skipped when already done; a second run changes nothing.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from dialogue.conclusions import services as conclusions
from dialogue.conclusions.models import Conclusion, ConclusionStatus, PublicationStatus
from dialogue.followup import services as followup
from dialogue.followup.models import ProgressUpdate
from dialogue.organisation.models import Unit, User
from dialogue.petitions import services as petitions
from dialogue.petitions.models import (
    AckKind,
    Channel,
    Field,
    GroupStatus,
    JurisdictionLevel,
    NotifyChannel,
    Petition,
    PetitionStatus,
)
from dialogue.petitions.public import Submission, display_tracking_code, petition_submit_public
from dialogue.plans import services as plans
from dialogue.plans.models import Conference, ConferenceStatus, Plan, PlanStatus
from dialogue.workcalendar.selectors import get_calendar

# Valid Crockford base 32 after “DT” (no I, L, O, U): shown as DT-7DEM0-A2026.
DEMO_TRACKING_CODE = "DT7DEM0A2026"
DEMO_PHONE = "0389260126"

GIA_PHUC = "Xã Gia Phúc"
CAO_MINH = "Xã Cao Minh"
THAI_NGUYEN = "Tỉnh Thái Nguyên"
DANG_UY_GIA_PHUC = "Đảng ủy xã Gia Phúc"
TINH_UY = "Tỉnh ủy Thái Nguyên"
UBND_GIA_PHUC = "Ủy ban nhân dân xã Gia Phúc"
TTDV_GIA_PHUC = "Trung tâm Dịch vụ sự nghiệp công xã Gia Phúc"
SO_XAY_DUNG = "Sở Xây dựng tỉnh Thái Nguyên"
VILLAGES = "Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Tràng"

# The December conferences (moved three weeks ahead if the demo is loaded after them).
GIA_PHUC_DAY = date(2026, 12, 10)
THAI_NGUYEN_DAY = date(2026, 12, 17)
# The September thematic dialogue in Gia Phúc and its steps.
SEPT_DAY = date(2026, 9, 24)
SENT_ONLINE = date(2026, 9, 8)
ACKNOWLEDGED = date(2026, 9, 14)
RAISED_AT_VILLAGE = date(2026, 9, 16)
ANSWERED = date(2026, 9, 21)
NOTICE_ISSUED = date(2026, 9, 29)
ANSWER_APPROVED = date(2026, 10, 2)
PROGRESS_POSTED = date(2026, 10, 20)
FOLLOWED_UNTIL = date(2026, 12, 31)


def _key(name: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://doithoai.example/demo/portal/{name}")


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _ahead(day: date, today: date) -> date:
    """`day` while it is still more than two weeks ahead; otherwise the same weekday
    three weeks from today, so the demo always shows conferences to come."""
    if (day - today).days > 14:
        return day
    shifted = today + timedelta(days=21)
    return shifted + timedelta(days=(day.weekday() - shifted.weekday()) % 7)


def _unit(name: str) -> Unit | None:
    return Unit.objects.filter(name=name).order_by("depth", "pk").first()


def _person(username: str, fallback):
    return User.objects.filter(username=username, is_active=True).first() or fallback


def _photo(caption: str, name: str) -> SimpleUploadedFile:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 420), (112, 146, 96))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 330, 640, 420), fill=(60, 70, 60))
    draw.text((16, 350), caption, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


# --------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class DemoConference:
    issuer: str
    plan_title: str
    issued_on: date
    title: str
    content: str
    audience: str
    venue: str
    start: time
    end: time
    participation: str
    chair: tuple[str, str, str | None]  # name, position, username


GIA_PHUC_DECEMBER = DemoConference(
    issuer=DANG_UY_GIA_PHUC,
    plan_title="Tổ chức Hội nghị đối thoại trực tiếp giữa đồng chí Bí thư Đảng ủy xã với Nhân dân về quản lý đất đai, trật tự xây dựng và xây dựng nông thôn mới cuối năm 2026",
    issued_on=date(2026, 11, 16),
    title="Hội nghị đối thoại trực tiếp giữa đồng chí Bí thư Đảng ủy xã với Nhân dân về quản lý đất đai, trật tự xây dựng và xây dựng nông thôn mới",
    content="Lắng nghe ý kiến, kiến nghị của Nhân dân về cấp giấy chứng nhận quyền sử dụng đất, trật tự xây dựng ở các khu dân cư mới, chỉnh trang đường thôn và các tiêu chí nông thôn mới; trả lời trực tiếp những nội dung thuộc thẩm quyền của xã.",
    audience=f"Đại diện Nhân dân các thôn {VILLAGES}; bí thư chi bộ, trưởng thôn; lãnh đạo Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã và các đoàn thể.",
    venue="Hội trường Ủy ban nhân dân xã Gia Phúc",
    start=time(8, 0),
    end=time(11, 0),
    participation="Mọi người dân trong xã được đến dự. Ý kiến, kiến nghị gửi trước qua cổng thông tin này (mục Gửi kiến nghị), qua trưởng thôn hoặc trực tiếp tại Văn phòng Đảng ủy xã trước ngày diễn ra hội nghị ba ngày. Người muốn phát biểu tại hội nghị đăng ký với tổ thư ký khi đến dự; mỗi ý kiến không quá 5 phút.",
    chair=("Đỗ Văn Tiến", "Bí thư Đảng ủy, Chủ tịch HĐND xã Gia Phúc", "chutri.giaphuc"),
)

THAI_NGUYEN_DECEMBER = DemoConference(
    issuer=TINH_UY,
    plan_title="Tổ chức Hội nghị đối thoại trực tiếp của Thường trực Tỉnh ủy với Nhân dân về bồi thường, hỗ trợ, tái định cư các dự án giao thông trọng điểm năm 2026",
    issued_on=date(2026, 11, 18),
    title="Hội nghị đối thoại trực tiếp của Thường trực Tỉnh ủy với Nhân dân về bồi thường, hỗ trợ, tái định cư các dự án giao thông trọng điểm",
    content="Đối thoại về giá bồi thường, hỗ trợ khi thu hồi đất, bố trí tái định cư, tiến độ bàn giao mặt bằng và những vướng mắc của các hộ dân bị ảnh hưởng bởi các dự án giao thông trọng điểm của tỉnh.",
    audience="Đại diện các hộ dân bị ảnh hưởng bởi các dự án; lãnh đạo các sở, ngành, Ủy ban nhân dân các xã, phường có dự án đi qua; Ủy ban MTTQ Việt Nam tỉnh.",
    venue="Hội trường Tỉnh ủy Thái Nguyên",
    start=time(14, 0),
    end=time(17, 0),
    participation="Các hộ dân bị ảnh hưởng và người dân quan tâm gửi ý kiến, kiến nghị qua cổng thông tin này hoặc qua Ủy ban nhân dân xã, phường nơi cư trú. Mỗi xã, phường cử đại diện dự trực tiếp theo giấy mời; người dân khác theo dõi qua truyền hình trực tiếp của Báo và Phát thanh, Truyền hình tỉnh.",
    chair=("Phạm Hoàng Sơn", "Phó Bí thư Thường trực Tỉnh ủy Thái Nguyên", None),
)

GIA_PHUC_SEPTEMBER = DemoConference(
    issuer=DANG_UY_GIA_PHUC,
    plan_title="Tổ chức hội nghị đối thoại chuyên đề về thu gom, xử lý rác thải sinh hoạt trên địa bàn xã năm 2026",
    issued_on=date(2026, 8, 24),
    title="Hội nghị đối thoại chuyên đề về thu gom, xử lý rác thải sinh hoạt trên địa bàn xã",
    content="Đối thoại về lịch thu gom, điểm tập kết rác thải sinh hoạt, phân loại rác tại nguồn và mức thu giá dịch vụ.",
    audience=f"Đại diện Nhân dân các thôn {VILLAGES}; Trung tâm Dịch vụ sự nghiệp công xã; trưởng thôn.",
    venue="Nhà văn hóa thôn Văn Lâm",
    start=time(14, 0),
    end=time(16, 30),
    participation="Ý kiến gửi qua trưởng thôn, Văn phòng Đảng ủy xã hoặc phát biểu trực tiếp tại hội nghị.",
    chair=("Đỗ Văn Tiến", "Bí thư Đảng ủy, Chủ tịch HĐND xã Gia Phúc", "chutri.giaphuc"),
)


def _plan_and_conference(spec: DemoConference, day: date, clerk, actor, counts: dict) -> tuple[Plan, Conference] | None:
    issuer = _unit(spec.issuer)
    if issuer is None:
        return None
    if not plans.can_manage_plan(clerk, Plan(issuing_unit=issuer)):
        clerk = actor
    plan = Plan.objects.filter(issuing_unit=issuer, title=spec.plan_title).first()
    if plan is None:
        plan = plans.plan_create(
            actor=clerk,
            issuing_unit=issuer,
            title=spec.plan_title,
            draft_month=spec.issued_on.month,
            introduction="xây dựng Kế hoạch tổ chức hội nghị như sau:",
            legal_bases=[
                "Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân",
                "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
            ],
            signer_name=spec.chair[0],
        )
        counts["plans"] += 1
    conference = plan.conferences.order_by("pk").first()
    if conference is None:
        name, position, username = spec.chair
        person = User.objects.filter(username=username).first() if username else None
        conference = plans.conference_create(
            actor=clerk,
            plan=plan,
            title=spec.title,
            content=spec.content,
            audience=spec.audience,
            venue=spec.venue,
            date=day,
            start_time=spec.start,
            end_time=spec.end,
            participation=spec.participation,
            chairs=[{"name": name, "position": position, "person": person}],
        )
        counts["conferences"] += 1
    if plan.status == PlanStatus.DRAFT:
        plan = plans.plan_issue(actor=clerk, plan=plan, issued_on=spec.issued_on)
    return plan, conference


def _announced(conference: Conference, clerk) -> Conference:
    if conference.announced_at is None and conference.date and conference.date > timezone.localdate():
        conference = plans.conference_announce(actor=clerk, conference=conference)
    return conference


# --------------------------------------------------------------------------- petitions


def _submit(counts: dict, slug: str, **fields) -> Petition:
    key = _key(slug)
    existed = Petition.objects.filter(submission_key=key).exists()
    petition = petition_submit_public(Submission(submission_key=key, consent=True, **fields))
    if not existed:
        counts["petitions"] += 1
    return petition


def _field(code: str) -> Field | None:
    return Field.objects.filter(code=code).first()


def _triaged(clerk, petition: Petition, code: str, level: str, competent: Unit | None = None) -> Petition:
    if petition.status == PetitionStatus.RECEIVED and _field(code) is not None:
        petition = petitions.petition_triage(
            actor=clerk, petition=petition, field=_field(code), level=level, competent_unit=competent
        )
    return petition


def _date_as_it_happened(petition: Petition, day: date) -> None:
    """The demo runs after the fact: the petition is dated the day the citizen sent it
    (its audit entry keeps when the demo ran)."""
    if petition.received_on == day:
        return
    Petition.objects.filter(pk=petition.pk).update(
        received_on=day,
        ack_due=get_calendar().add(day, petitions.ACK_WORKING_DAYS),
        consented_at=_at(day, 20, 15),
        created_at=_at(day, 20, 15),
    )


def _fixed_code(petition: Petition) -> None:
    if petition.tracking_code == DEMO_TRACKING_CODE:
        return
    if not Petition.objects.filter(tracking_code=DEMO_TRACKING_CODE).exists():
        Petition.objects.filter(pk=petition.pk).update(tracking_code=DEMO_TRACKING_CODE, version=F("version") + 1)


def _september_story(actor, counts: dict) -> Petition | None:
    """The petition that went the whole way (see the module)."""
    clerk = _person("vanphong.giaphuc", actor)
    chair = _person("chutri.giaphuc", actor)
    area = _unit(GIA_PHUC)
    ubnd, centre = _unit(UBND_GIA_PHUC), _unit(TTDV_GIA_PHUC)
    if area is None or ubnd is None:
        return None
    made = _plan_and_conference(GIA_PHUC_SEPTEMBER, SEPT_DAY, clerk, actor, counts)
    if made is None:
        return None
    plan, conference = made
    if not plans.can_manage_plan(clerk, plan):
        clerk = actor

    online = _submit(
        counts,
        "reception-gia-phuc-rubbish",
        content="Rác thải sinh hoạt ở thôn Văn Lâm tồn đọng nhiều ngày tại điểm tập kết cạnh kênh tưới, bốc mùi và tràn xuống kênh mỗi khi mưa. Đề nghị xã tăng số lần thu gom và di dời điểm tập kết ra xa khu dân cư và kênh tưới.",
        name="Phạm Thị Thu",
        phone=DEMO_PHONE,
        address="Thôn Văn Lâm, xã Gia Phúc",
        area=area,
        notify_by=NotifyChannel.NONE,
    )
    _fixed_code(online)
    _date_as_it_happened(online, SENT_ONLINE)
    online.refresh_from_db()
    if not online.acknowledged_on:
        online = petitions.petition_acknowledge(
            actor=clerk, petition=online, kind=AckKind.ACCEPTED, on_date=ACKNOWLEDGED
        )

    twin = Petition.objects.filter(submission_key=_key("september-village-twin")).first()
    if twin is None:
        twin = petitions.petition_receive(
            actor=clerk,
            receiving_unit=online.receiving_unit,
            conference=conference,
            channel=Channel.PAPER_CITIZEN,
            name="Lê Văn Hùng",
            address="Thôn Phong Lâm, xã Gia Phúc",
            content="Đề nghị bố trí thêm thùng chứa và tăng số lần thu gom rác ở thôn Phong Lâm, Văn Lâm; xe thu gom hiện chỉ đến mỗi tuần một lần.",
            received_on=RAISED_AT_VILLAGE,
            submission_key=_key("september-village-twin"),
        )
        counts["petitions"] += 1
    online = _triaged(clerk, Petition.objects.get(pk=online.pk), "moi_truong", JurisdictionLevel.XA, ubnd)
    twin = _triaged(clerk, twin, "moi_truong", JurisdictionLevel.XA, ubnd)

    group = online.group
    if group is None:
        group = petitions.group_create(
            actor=clerk,
            petitions=[online, twin],
            summary="Đề nghị tăng số lần thu gom rác thải sinh hoạt ở các thôn Văn Lâm, Phong Lâm và di dời điểm tập kết rác cạnh kênh tưới thôn Văn Lâm.",
        )
    if group.status == GroupStatus.OPEN:
        group = petitions.group_assign(
            actor=clerk,
            group=group,
            lead_unit=ubnd,
            supporting_units=[centre] if centre else [],
            due_date=date(2026, 9, 22),
        )
    if group.status == GroupStatus.ASSIGNED:
        petitions.answer_submit(
            actor=clerk,
            group=group,
            text=(
                "Ủy ban nhân dân xã đã giao Trung tâm Dịch vụ sự nghiệp công xã tăng tần suất thu gom rác thải sinh hoạt "
                "ở các thôn Văn Lâm, Phong Lâm từ một lần lên ba lần mỗi tuần kể từ ngày 01/10/2026. Điểm tập kết cạnh "
                "kênh tưới thôn Văn Lâm sẽ được di dời về khu đất công gần đường trục xã trong quý IV/2026; trong thời "
                "gian chờ di dời, xã bố trí thêm thùng chứa có nắp đậy và vệ sinh điểm tập kết sau mỗi lần thu gom."
            ),
            at=_at(ANSWERED, 10),
        )
        group.refresh_from_db()

    if conference.status == ConferenceStatus.SCHEDULED:
        plans.conference_set_status(actor=clerk, conference=conference, status=ConferenceStatus.HELD)
    conclusion = Conclusion.objects.filter(conference=conference).exclude(status=ConclusionStatus.CANCELLED).first()
    if conclusion is None:
        conclusion = conclusions.conclusion_draft(actor=clerk, conference=conference)
    if conclusion.status == ConclusionStatus.DRAFT:
        conclusion = conclusions.conclusion_approve(actor=chair, conclusion=conclusion)
    if conclusion.status == ConclusionStatus.APPROVED:
        conclusion = conclusions.conclusion_issue(actor=chair, conclusion=conclusion, issued_on=NOTICE_ISSUED)
        Conclusion.objects.filter(pk=conclusion.pk).update(
            approved_at=_at(NOTICE_ISSUED, 8, 30), issued_at=_at(NOTICE_ISSUED, 10)
        )
    publication = getattr(conclusion, "publication", None)
    if publication is not None and publication.status != PublicationStatus.PUBLISHED:
        conclusions.publication_publish(actor=clerk, publication=publication)

    group.refresh_from_db()
    if group.status == GroupStatus.SUBMITTED:
        petitions.answer_review(actor=actor, group=group, approve=True, at=_at(ANSWER_APPROVED, 15))
    directive = conclusion.directives.filter(group=group).first()
    if directive is not None and not ProgressUpdate.objects.filter(directive=directive).exists():
        followup.progress_post(
            actor=clerk,
            item=directive,
            text=(
                "Từ ngày 01/10/2026 xe thu gom đến các thôn Văn Lâm, Phong Lâm ba lần mỗi tuần (thứ Hai, thứ Tư, thứ "
                "Sáu); đã đặt thêm 6 thùng chứa có nắp. Đã khảo sát khu đất công gần đường trục xã để làm điểm tập kết "
                "mới, đang lập dự toán san nền."
            ),
            files=[_photo("Diem tap ket rac thon Van Lam - 19/10/2026", "diem-tap-ket-thon-van-lam.jpg")],
            at=_at(PROGRESS_POSTED, 16),
        )
    return Petition.objects.get(pk=online.pk)


def portal_demo_load(*, actor, stdout=None) -> dict:
    """Load the portal's demo (see the module); write the tracking example to `stdout`."""
    counts = {"plans": 0, "conferences": 0, "petitions": 0}
    today = timezone.localdate()

    # --- the whole way first: Xã Gia Phúc's reception, September (its plan is the older)
    tracked = _september_story(actor, counts)

    # --- Xã Gia Phúc, December
    gp_clerk = _person("vanphong.giaphuc", actor)
    made = _plan_and_conference(GIA_PHUC_DECEMBER, _ahead(GIA_PHUC_DAY, today), gp_clerk, actor, counts)
    if made is not None:
        plan, conference = made
        clerk = gp_clerk if plans.can_manage_plan(gp_clerk, plan) else actor
        conference = _announced(conference, clerk)
        _submit(
            counts,
            "gia-phuc-december-survey",
            conference=conference,
            content="Đề nghị xã công khai bản đồ quy hoạch khu dân cư mới thôn Trúc Lâm và cho biết khi nào các hộ đã nộp hồ sơ từ năm 2024 được cấp giấy chứng nhận quyền sử dụng đất.",
            name="Trần Văn Quang",
            phone="0912680417",
            address="Thôn Trúc Lâm, xã Gia Phúc",
            files=[_photo("Moc gioi khu dan cu moi thon Truc Lam", "moc-gioi-truc-lam.jpg")],
        )
        _submit(
            counts,
            "gia-phuc-december-canal",
            conference=conference,
            content="Phản ánh một số hộ ở thôn Lai Hà xây tường rào, đổ đất lấn chiếm hành lang kênh tưới nội đồng, nước không về được ruộng cuối kênh. Đề nghị xã kiểm tra, xử lý.",
            name="Nguyễn Đức Lợi",
            phone="0976215830",
            address="Thôn Lai Hà, xã Gia Phúc",
            identity_protected=True,
        )

    # --- Tỉnh Thái Nguyên, December
    tn_clerk = _person("vanphong.tu", actor)
    tn_board = _person("danvan.tu", actor)
    made = _plan_and_conference(THAI_NGUYEN_DECEMBER, _ahead(THAI_NGUYEN_DAY, today), tn_clerk, actor, counts)
    if made is not None:
        plan, conference = made
        clerk = tn_clerk if plans.can_manage_plan(tn_clerk, plan) else actor
        conference = _announced(conference, clerk)
        protected = _submit(
            counts,
            "thai-nguyen-december-resettlement",
            conference=conference,
            content="Gia đình tôi bị thu hồi đất ở để làm đường nhưng khu tái định cư chưa có đường vào, chưa có điện nước, đã hai năm vẫn phải thuê nhà. Đề nghị tỉnh chỉ đạo hoàn thiện hạ tầng khu tái định cư và hỗ trợ tiền thuê nhà trong thời gian chờ.",
            name="Hoàng Thị Nga",
            phone="0868459021",
            address="Tổ 7, phường Phan Đình Phùng, tỉnh Thái Nguyên",
            email="hoangnga.tn@example.vn",
            identity_protected=True,
        )
        _submit(
            counts,
            "thai-nguyen-december-price",
            conference=conference,
            content="Đề nghị công khai cách tính giá đất bồi thường đối với đất nông nghiệp xen kẹt trong khu dân cư khi thu hồi cho dự án mở rộng quốc lộ.",
            name="Đinh Văn Khải",
            phone="0983112764",
            address="Xóm Đồng Kem, xã Cao Minh",
            email="dinhkhai@example.vn",
        )
        board = tn_board if _can_triage(tn_board, protected) else actor
        agency = _unit(SO_XAY_DUNG)
        protected = _triaged(board, protected, "giai_phong_mat_bang", JurisdictionLevel.TINH, agency)
        if protected.group_id is None:
            group = petitions.group_create(
                actor=board,
                petitions=[protected],
                summary="Đề nghị hoàn thiện hạ tầng khu tái định cư (đường vào, điện, nước) và hỗ trợ tiền thuê nhà cho các hộ chờ tái định cư.",
            )
            if agency is not None:
                petitions.group_assign(actor=board, group=group, lead_unit=agency)

    # --- Xã Cao Minh, standing reception
    cao_minh = _unit(CAO_MINH)
    if cao_minh is not None:
        _submit(
            counts,
            "cao-minh-reception-road",
            area=cao_minh,
            content="Đường liên thôn từ thôn Nà Đon ra trung tâm xã bị sạt lở taluy sau mưa lớn, xe máy đi lại nguy hiểm. Đề nghị xã sớm khắc phục và cắm biển cảnh báo.",
            name="Ma Văn Thịnh",
            phone="0356742198",
            address="Thôn Nà Đon, xã Cao Minh",
        )

        # Through a connected application (Open311): the same intake, with the client's name.
        _submit(
            counts,
            "cao-minh-open311-light",
            area=cao_minh,
            channel=Channel.OPEN311,
            source_client="Ứng dụng phản ánh hiện trường (thử nghiệm)",
            content="Đèn chiếu sáng ở ngã ba chợ Cao Minh hỏng đã ba tuần, buổi tối đi lại rất tối. Đề nghị sửa chữa.",
            name="Nông Thị Hiền",
            phone="0398127745",
            address="Thôn Bản Chang, xã Cao Minh",
        )

    if stdout is not None and any(counts.values()):
        stdout.write(
            gettext(
                "Public portal: {plans} new plans with {conferences} conferences (those to come announced), "
                "{petitions} petitions sent online."
            ).format(**counts)
        )
    if stdout is not None and tracked is not None:
        stdout.write(
            gettext(
                "Try the public tracking page with the demo petition: code {code}, telephone number {phone}."
            ).format(code=display_tracking_code(tracked.tracking_code), phone=DEMO_PHONE)
        )
    return counts


def _can_triage(person, petition: Petition) -> bool:
    from dialogue.organisation.roles import Capability
    from dialogue.organisation.selectors import user_can

    return user_can(person, Capability.PETITION_TRIAGE, petition.receiving_unit)
