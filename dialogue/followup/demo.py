# ruff: noqa: E501
"""The demo follow-up: the 14 directives of seed 003's conclusion notice (Xã Gia Phúc,
conference of 11/06/2026, Số 1-TB/ĐU) as they stand five months later, in every state.

The commune's People's Committee (through the commune office, `vanphong.giaphuc`) posts
progress with photos and scanned minutes and reports results; the synthesis board of the
issuing unit (whoever holds the follow-up review over Đảng ủy xã Gia Phúc, else the actor
given, the national administrator) accepts, sends back and closes. Every step goes through
the public services, dated on the day it happened between the notice (17/06/2026) and
November 2026, not when the demo is loaded. One matter beyond the commune's competence is
forwarded to the city: the `Escalation` row is written here directly (the escalation
services belong to `followup/escalation.py`).

Idempotent: a directive that already has a timeline, or is no longer merely assigned, is
left as it is; a second run changes nothing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from dialogue.conclusions.demo import demo_conference
from dialogue.conclusions.models import Conclusion, ConclusionStatus, Directive, DirectiveStatus
from dialogue.core.services import people_for_unit
from dialogue.followup import services
from dialogue.followup.models import Escalation, EscalationStatus, ProgressUpdate, UpdateKind
from dialogue.organisation.models import Unit, User
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import province_of
from dialogue.workcalendar.selectors import get_calendar

S = DirectiveStatus
OFFICE = "vanphong.giaphuc"
CITY_BODIES = ("Ủy ban nhân dân thành phố Hải Phòng", "Sở Nội vụ thành phố Hải Phòng")


def _at(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(date(2026, month, day), time(hour, minute)))


# ---------------------------------------------------------------- evidence files


def _font(size: int):
    from PIL import ImageFont

    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


def scanned_document(title: str, lines: list[str], name: str) -> SimpleUploadedFile:
    """A one-page A4 "scan" (a PDF holding a picture of the page, as a scanner makes it)."""
    from PIL import Image, ImageDraw

    page = Image.new("L", (620, 877), 250)
    draw = ImageDraw.Draw(page)
    small, body, head = _font(13), _font(15), _font(18)
    draw.text((40, 40), "ỦY BAN NHÂN DÂN XÃ GIA PHÚC", font=small, fill=20)
    draw.text((360, 40), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=small, fill=20)
    draw.text((395, 60), "Độc lập - Tự do - Hạnh phúc", font=small, fill=20)
    draw.text((310 - len(title) * 5, 120), title.upper(), font=head, fill=10)
    y = 180
    for line in lines:
        draw.text((60, y), line, font=body, fill=30)
        y += 28
    draw.ellipse((400, y + 40, 520, y + 160), outline=120, width=3)  # the seal
    out = io.BytesIO()
    page.convert("RGB").save(out, "PDF", resolution=72.0)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


def site_photo(caption: str, name: str, hue: tuple[int, int, int] = (96, 140, 80)) -> SimpleUploadedFile:
    """A small JPEG "photo taken on site": sky, field, a road, the caption and date."""
    from PIL import Image, ImageDraw

    photo = Image.new("RGB", (800, 600), (170, 200, 230))
    draw = ImageDraw.Draw(photo)
    draw.rectangle((0, 300, 800, 600), fill=hue)
    draw.polygon([(330, 300), (470, 300), (700, 600), (100, 600)], fill=(120, 120, 125))
    draw.line([(400, 300), (400, 600)], fill=(235, 235, 235), width=4)
    draw.rectangle((0, 540, 800, 600), fill=(0, 0, 0))
    draw.text((16, 556), caption, font=_font(20), fill=(255, 255, 255))
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=70)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


# ---------------------------------------------------------------- the story of each directive


@dataclass
class Step:
    kind: str  # progress, report, accept, return, close, due, forward
    at: datetime
    text: str = ""
    claimed: str = ""
    reason: str = ""
    files: list = field(default_factory=list)
    due: date | None = None


def _later_due(today: date) -> date:
    """A due date given in the autumn for the next school year, still ahead when the demo is loaded."""
    wanted = date(2027, 6, 30)
    return wanted if wanted > today else get_calendar().add(today, 60)


def _stories(today: date) -> dict[int, list[Step]]:
    """What happened to each directive of the notice, by its number in the notice."""
    return {
        # 1. Road Phong Lâm - Văn Lâm: upgraded, accepted and closed with the minutes.
        1: [
            Step(
                "progress",
                _at(7, 6),
                "UBND xã đã khảo sát hiện trường, lập dự toán nâng cấp 1,5 km đường liên thôn; Nhân dân hai thôn hiến 620 m² đất mở rộng lề đường.",
                files=[
                    site_photo("Khảo sát tuyến đường Phong Lâm - Văn Lâm, 06/7/2026", "khao-sat-duong-phong-lam.jpg")
                ],
            ),
            Step(
                "progress",
                _at(8, 20),
                "Đã thi công xong nền, mặt đường bê tông; cắm biển hạn chế tải trọng 10 tấn tại hai đầu tuyến.",
                files=[site_photo("Thi công mặt đường, 20/8/2026", "thi-cong-mat-duong.jpg", (110, 130, 90))],
            ),
            Step(
                "report",
                _at(9, 15),
                "Công trình đã hoàn thành, nghiệm thu đưa vào sử dụng ngày 12/9/2026.",
                claimed=S.RESOLVED,
                files=[
                    scanned_document(
                        "Biên bản nghiệm thu",
                        [
                            "Công trình: Nâng cấp đường liên thôn Phong Lâm - Văn Lâm",
                            "Chiều dài: 1.500 m; mặt đường bê tông rộng 3,5 m",
                            "Thời gian nghiệm thu: 12/9/2026",
                            "Kết luận: đạt yêu cầu, đưa vào sử dụng",
                        ],
                        "bien-ban-nghiem-thu-duong-phong-lam.pdf",
                    )
                ],
            ),
            Step("accept", _at(9, 18, 14), "Đã kiểm tra thực tế, đồng ý kết quả."),
            Step("close", _at(9, 25, 10), "Kết thúc theo dõi; đã thông báo kết quả đến Nhân dân hai thôn."),
        ],
        # 2. Land certificates after consolidation: answered in writing, accepted, not yet closed.
        2: [
            Step(
                "progress",
                _at(7, 15),
                "Đã rà soát 312 hồ sơ cấp đổi; 287 giấy chứng nhận đã ký, 25 hồ sơ phải bổ sung do sai lệch diện tích.",
            ),
            Step(
                "report",
                _at(10, 5),
                "Đã trả 287 giấy chứng nhận cho các hộ; 25 hồ sơ còn lại đã đo đạc bổ sung và trả trong tháng 9/2026. Văn bản trả lời công dân kèm theo.",
                claimed=S.RESOLVED,
                files=[
                    scanned_document(
                        "Văn bản trả lời",
                        [
                            "V/v tiến độ cấp đổi giấy chứng nhận quyền sử dụng đất",
                            "nông nghiệp sau dồn điền đổi thửa năm 2022",
                            "Đã trả: 312/312 giấy chứng nhận",
                            "Ngày 30/9/2026",
                        ],
                        "tra-loi-cap-doi-gcn.pdf",
                    )
                ],
            ),
            Step("accept", _at(10, 9, 15), "Đồng ý; đề nghị Văn phòng Đảng ủy lưu hồ sơ."),
        ],
        # 3. Brick kiln in Long Tràng: one kiln stopped, the other being relocated.
        3: [
            Step(
                "progress",
                _at(6, 30),
                "Đoàn kiểm tra liên ngành (UBND xã, Công an xã) đã kiểm tra 02 lò gạch thủ công; lập biên bản vi phạm về môi trường.",
                files=[
                    site_photo("Kiểm tra lò gạch thôn Long Tràng, 30/6/2026", "kiem-tra-lo-gach.jpg", (150, 120, 90))
                ],
            ),
            Step(
                "report",
                _at(8, 28),
                "01 lò đã dừng hoạt động, tháo dỡ; 01 lò cam kết di dời trước 31/12/2026, đã có phương án che chắn xe chở đất.",
                claimed=S.PARTLY_RESOLVED,
            ),
            Step("accept", _at(9, 3, 9), "Ghi nhận kết quả một phần; tiếp tục theo dõi việc di dời lò thứ hai."),
        ],
        # 4. Kindergarten in Nghĩa Hy: in the 2027 investment plan, new due date, work started.
        4: [
            Step(
                "progress",
                _at(7, 20),
                "Đã đưa hạng mục 02 phòng học, nhà vệ sinh và mái che sân vào kế hoạch đầu tư công năm 2027 của xã.",
            ),
            Step(
                "due",
                _at(9, 10, 10),
                reason="Hạng mục được bố trí vốn đầu tư công năm 2027; điều chỉnh thời hạn theo kế hoạch vốn.",
                due=_later_due(today),
            ),
            Step(
                "progress",
                _at(11, 12),
                "Đã sửa tạm nhà vệ sinh và lợp lại mái che sân bằng nguồn xã hội hóa trước năm học mới; phòng học xây mới theo kế hoạch năm 2027.",
                files=[
                    site_photo(
                        "Mái che sân điểm trường Nghĩa Hy, 12/11/2026", "mai-che-san-nghia-hy.jpg", (180, 160, 110)
                    )
                ],
            ),
        ],
        # 5. Health insurance for people aged 70-75: beyond the commune's competence.
        5: [
            Step(
                "progress",
                _at(7, 2),
                "Đã rà soát: 146 người từ 70 đến dưới 75 tuổi không có lương hưu, trợ cấp; 38 người từ đủ 75 tuổi hưởng trợ cấp hưu trí xã hội đã được cấp thẻ.",
            ),
            Step(
                "report",
                _at(7, 28),
                "Đã cấp thẻ cho toàn bộ người từ đủ 75 tuổi hưởng trợ cấp hưu trí xã hội. Việc hỗ trợ thẻ cho người từ 70 đến dưới 75 tuổi do chính sách của Nhà nước và thành phố quy định.",
                claimed=S.CANNOT_RESOLVE,
                reason="Ngoài thẩm quyền và ngân sách của xã: chế độ hỗ trợ bảo hiểm y tế cho người từ 70 đến dưới 75 tuổi do Trung ương, thành phố quy định; xã đã tổng hợp báo cáo thành phố.",
            ),
            Step("accept", _at(8, 4, 10), "Đồng ý; đề nghị UBND xã thông tin rõ cho Nhân dân."),
        ],
        # 6. Solar street lights in Đại Lương: installed, accepted, closed with photos.
        6: [
            Step(
                "progress",
                _at(7, 10),
                "Nhân dân đóng góp 45 triệu đồng, xã hỗ trợ 60 triệu đồng; đã ký hợp đồng lắp 24 đèn năng lượng mặt trời.",
            ),
            Step(
                "report",
                _at(8, 14),
                "Đã lắp đặt 24 đèn năng lượng mặt trời trên 700 m đường vào nhà văn hóa thôn Đại Lương.",
                claimed=S.RESOLVED,
                files=[
                    site_photo(
                        "Đèn năng lượng mặt trời thôn Đại Lương, 14/8/2026", "den-duong-dai-luong.jpg", (60, 80, 60)
                    )
                ],
            ),
            Step("accept", _at(8, 17, 9), "Đồng ý kết quả."),
            Step("close", _at(8, 24, 10), "Kết thúc theo dõi."),
        ],
        # 7. Waste collection in Lai Hà: result reported, awaiting the synthesis board.
        7: [
            Step("progress", _at(7, 22), "Đã bố trí 02 điểm tập kết rác tạm thời; tổ thu gom tăng lên 3 lần/tuần."),
            Step(
                "report",
                _at(11, 18, 16),
                "Đã ký hợp đồng thu gom 3 lần/tuần với Hợp tác xã dịch vụ môi trường; ven bờ kênh đã được dọn sạch, lắp biển cấm đổ rác.",
                claimed=S.RESOLVED,
                files=[
                    scanned_document(
                        "Hợp đồng thu gom rác",
                        [
                            "Bên A: UBND xã Gia Phúc",
                            "Bên B: HTX dịch vụ môi trường Gia Phúc",
                            "Tần suất thu gom: 3 lần/tuần tại thôn Lai Hà",
                            "Thời hạn: 01/11/2026 - 31/12/2027",
                        ],
                        "hop-dong-thu-gom-rac-lai-ha.pdf",
                    ),
                    site_photo("Bờ kênh thôn Lai Hà sau khi dọn, 17/11/2026", "bo-kenh-lai-ha.jpg"),
                ],
            ),
        ],
        # 8. Stray cattle in Đại Lương: resolved with the village's agreement, not yet closed.
        8: [
            Step(
                "report",
                _at(7, 8),
                "Đã họp thôn, 100% hộ chăn nuôi ký cam kết không thả rông; lập tổ kiểm tra của thôn; xử lý 03 trường hợp tái phạm.",
                claimed=S.RESOLVED,
                files=[
                    scanned_document(
                        "Biên bản họp thôn",
                        [
                            "Thôn Đại Lương, ngày 05/7/2026",
                            "Nội dung: cam kết không thả rông trâu bò, dê",
                            "Số hộ ký cam kết: 57/57 hộ chăn nuôi",
                        ],
                        "bien-ban-hop-thon-dai-luong.pdf",
                    )
                ],
            ),
            Step("accept", _at(7, 14, 9), "Đồng ý kết quả; tiếp tục nhắc nhở trong vụ mùa."),
        ],
        # 9. Bridge in Nghĩa Hy: surveyed, waiting for funds, late.
        9: [
            Step(
                "progress",
                _at(7, 1),
                "Đã rào chắn, cắm biển cảnh báo; mời đơn vị tư vấn kiểm định cầu.",
                files=[site_photo("Cầu dân sinh thôn Nghĩa Hy, 01/7/2026", "cau-nghia-hy.jpg", (90, 120, 140))],
            ),
            Step(
                "progress",
                _at(8, 25),
                "Kết quả kiểm định: phải làm lại mặt cầu và lan can, dự toán 480 triệu đồng; đang trình HĐND xã bố trí vốn.",
            ),
        ],
        # 10. Allowances of village heads: a city matter, forwarded up.
        10: [
            Step(
                "progress",
                _at(7, 3),
                "Đã tổng hợp quy mô 7 thôn sau sáp nhập và mức phụ cấp hiện hưởng theo nghị quyết của HĐND thành phố.",
            ),
            Step(
                "forward",
                _at(7, 16, 10),
                "Mức phụ cấp của người hoạt động không chuyên trách ở thôn do HĐND thành phố quy định; UBND xã kiến nghị thành phố xem xét điều chỉnh theo quy mô thôn sau sáp nhập.",
            ),
        ],
        # 11. Cultural house of Trúc Lâm: repaired, the sports yard not yet; awaiting review.
        11: [
            Step(
                "progress",
                _at(8, 5),
                "Đã sửa mái, thay cửa nhà văn hóa thôn Trúc Lâm bằng nguồn kinh phí xã và Nhân dân đóng góp.",
            ),
            Step(
                "report",
                _at(11, 20, 15),
                "Đã sửa chữa xong nhà văn hóa; phần cải tạo sân thể thao đưa vào kế hoạch năm 2027.",
                claimed=S.PARTLY_RESOLVED,
                files=[
                    site_photo(
                        "Nhà văn hóa thôn Trúc Lâm sau sửa chữa, 19/11/2026",
                        "nha-van-hoa-truc-lam.jpg",
                        (170, 150, 120),
                    )
                ],
            ),
        ],
        # 12. Bins at Văn Lâm market: reported without proof, sent back, late.
        12: [
            Step("report", _at(7, 6, 16), "Đã bố trí thêm thùng rác tại chợ thôn Văn Lâm.", claimed=S.PARTLY_RESOLVED),
            Step(
                "return",
                _at(7, 9, 9),
                reason="Báo cáo chưa nêu số lượng, vị trí thùng rác và chưa có ảnh hiện trường; cam kết tại hội nghị là 02 điểm thu gom trong tháng 6/2026. Đề nghị bổ sung.",
            ),
            Step("progress", _at(9, 22), "Đã đặt hàng 06 thùng rác 240 lít; đang chờ giao hàng."),
        ],
        # 13. Review of every matter not yet settled: report sent, accepted, closed.
        13: [
            Step(
                "report",
                _at(6, 24, 15),
                "UBND xã đã rà soát, phân loại 14 nội dung; lập lộ trình giải quyết từng nội dung gửi Ban Thường vụ Đảng ủy.",
                claimed=S.RESOLVED,
                files=[
                    scanned_document(
                        "Báo cáo",
                        [
                            "Kết quả rà soát, phân loại ý kiến, kiến nghị của Nhân dân",
                            "tại hội nghị đối thoại ngày 11/6/2026",
                            "Tổng số: 14 nội dung; lộ trình giải quyết kèm theo",
                        ],
                        "bao-cao-ra-soat-kien-nghi.pdf",
                    )
                ],
            ),
            Step("accept", _at(6, 26, 9), "Đồng ý lộ trình."),
            Step("close", _at(6, 26, 10)),
        ],
        # 14. Overloaded trucks: police has posted nothing yet; late.
        14: [],
    }


# ---------------------------------------------------------------- loading


def _person(username: str) -> User | None:
    return User.objects.filter(username=username, is_active=True).first()


def _reviewer(conclusion: Conclusion, actor) -> User:
    people, _holder = people_for_unit(unit=conclusion.issuing_unit, capability=Capability.FOLLOWUP_REVIEW)
    return people[0] if people else actor


def _worker(directive: Directive, actor) -> User:
    office = _person(OFFICE)
    if office is not None and services.can_update(office, directive):
        return office
    people, _holder = people_for_unit(unit=directive.lead_unit, capability=Capability.FOLLOWUP_UPDATE)
    return next((p for p in people if services.can_update(p, directive)), actor)


def _city_body(area: Unit) -> Unit:
    province = province_of(area)
    for name in CITY_BODIES:
        found = Unit.objects.filter(name=name, path__startswith=province.path).first()
        if found is not None:
            return found
    return province


def _play(step: Step, directive: Directive, worker, reviewer) -> None:
    common = {"item": directive, "at": step.at}
    if step.kind == "progress":
        services.progress_post(actor=worker, text=step.text, files=step.files, **common)
    elif step.kind == "report":
        services.result_report(actor=worker, claimed_status=step.claimed, text=step.text, files=step.files,
                               reason=step.reason, **common)  # fmt: skip
    elif step.kind == "accept":
        services.result_accept(actor=reviewer, text=step.text, **common)
    elif step.kind == "return":
        services.result_return(actor=reviewer, reason=step.reason, **common)
    elif step.kind == "close":
        services.item_close(actor=reviewer, text=step.text, files=step.files, **common)
    elif step.kind == "due":
        services.due_change(actor=reviewer, due_date=step.due, reason=step.reason, **common)
    elif step.kind == "forward":
        services.apply_move(actor=worker, item=directive, kind=UpdateKind.FORWARDED, to_status=S.FORWARDED_UP,
                            text=step.text, at=step.at)  # fmt: skip
        escalation = Escalation.objects.create(
            directive=directive,
            from_unit=directive.lead_unit,
            to_unit=_city_body(directive.lead_unit),
            request_text=step.text,
            due_date=get_calendar().add(step.at.date(), 30),
            status=EscalationStatus.PENDING,
            created_by=worker,
        )
        Escalation.objects.filter(pk=escalation.pk).update(created_at=step.at)


def followup_demo_load(*, actor) -> dict:
    """Put the demo notice's directives in every follow-up state (see the module)."""
    counts = {"directives": 0, "updates": 0, "escalations": 0}
    conference = demo_conference()
    if conference is None:
        return counts
    conclusion = (
        Conclusion.objects.filter(conference=conference, status=ConclusionStatus.ISSUED)
        .select_related("issuing_unit")
        .first()
    )
    if conclusion is None:
        return counts
    reviewer = _reviewer(conclusion, actor)
    stories = _stories(timezone.localdate())
    directives = conclusion.directives.select_related("lead_unit", "conclusion__issuing_unit").order_by("order", "pk")
    for directive in directives:
        steps = stories.get(directive.order, [])
        if not steps or directive.status != S.ASSIGNED or ProgressUpdate.objects.filter(directive=directive).exists():
            continue
        before = ProgressUpdate.objects.count()
        with transaction.atomic():
            worker = _worker(directive, actor)
            for step in steps:
                directive.refresh_from_db()
                _play(step, directive, worker, reviewer)
        counts["directives"] += 1
        counts["updates"] += ProgressUpdate.objects.count() - before
        counts["escalations"] += Escalation.objects.filter(directive=directive).count()
    return counts
