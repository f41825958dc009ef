# ruff: noqa: E501
# (The seed texts are copied verbatim, one printed paragraph per line.)
"""Demo plans: the five shared seed plans, entered as their issuers wrote them.

`plans_demo_load(actor=...)` runs after `dialogue.organisation.demo.demo_load()` (which
creates the units and people the seeds name) and goes only through the services of
`dialogue.plans.services`, so every record is validated and audited like a clerk's:

- 000 Tỉnh ủy Thái Nguyên, Kế hoạch số 166-KH/TU ngày 24/5/2024 (issued), one conference
  in "trung tuần tháng 7/2024" accepting only provincial and central matters;
- 001 Thị ủy Đức Phổ, draft of 2023, four themed quarterly conferences;
- 002 Phó Chủ tịch UBND tỉnh Bắc Giang, draft of tháng 3/2024: a monthly programme on the
  15th (12 conferences), two conferences with voters, one with businesses, one with
  cooperatives;
- 003 Đảng ủy xã Gia Phúc, draft of tháng 4/2026, one conference on 11/6/2026 with the
  built-in commune timeline;
- 004 Đảng ủy xã Cao Minh, draft of tháng 10/2025, one conference on 14/11/2025 with two
  chairs and the commune timeline; some duties are reported done.

Texts keep the seeds' wording, spelling (“Đổi thoại”, “Long Trảng”) and emphasis
(**bold**, *italic*); lines broken by the page are joined. A body the organisation demo
does not have is given to the unit it would sit under (e.g. Ủy ban MTTQ thị xã Đức Phổ ->
Thị xã Đức Phổ), keeping the heading as printed.

Idempotent: a plan is looked up by (issuing unit, title) and skipped when it exists, so a
second run creates nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from django.db import transaction
from django.utils import timezone

from dialogue.lib.text import normalize_text
from dialogue.organisation.demo import (
    TINH_BAC_GIANG_CU,
    TINH_THAI_NGUYEN,
    TP_HAI_PHONG,
    TP_THAI_NGUYEN_CU,
    TX_DUC_PHO_CU,
    XA_CAO_MINH,
    XA_GIA_PHUC,
    Anchor,
)
from dialogue.organisation.models import Level, Unit, UnitStatus, User
from dialogue.plans import services
from dialogue.plans.models import (
    Conference,
    DocumentLayout,
    Plan,
    ProgrammeFrequency,
    StepKind,
    Task,
    TimelineTemplate,
)
from dialogue.workcalendar.selectors import add_working_days

COMMUNE_TIMELINE = "commune-dialogue"

MSG_UNIT_MISSING = "Không tìm thấy đơn vị “{name}” của dữ liệu mẫu; hãy chạy demo_load() trước."


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Done:
    """A duty reported done on `on` with a short note (for realistic progress figures)."""

    on: date
    note: str


@dataclass(frozen=True)
class Duty:
    """One bullet (or paragraph) of “Tổ chức thực hiện”, as printed."""

    text: str
    due: date | None = None
    # “trước 03 ngày làm việc tổ chức Hội nghị”: due that many working days before the
    # plan's conference date (resolved at load time, when the working calendar is readable).
    working_days_before: int | None = None
    done: Done | None = None


@dataclass(frozen=True)
class Heading:
    """One numbered unit of “Tổ chức thực hiện”: the unit (by name), its heading as
    printed, an optional leading sentence and its duties."""

    unit: str
    label: str
    duties: tuple[Duty, ...]
    intro: str = ""


@dataclass(frozen=True)
class SeedPlan:
    issuer: str  # name of the issuing unit
    fields: dict  # Plan fields for plan_create
    legal_bases: tuple[str, ...]
    headings: tuple[Heading, ...]
    signer: str | None = None  # username of the signer's account
    conference_date: date | None = None  # for duties due relative to the conference
    issued: tuple[int, date] | None = None  # (number, date) when the seed is the issued plan


def _text(*lines: str) -> str:
    return "\n".join(lines)


# --------------------------------------------------------------------------- 000


PLAN_000 = SeedPlan(
    issuer="Tỉnh ủy Thái Nguyên",
    signer="phamhoangson",
    issued=(166, date(2024, 5, 24)),
    fields={
        "layout": DocumentLayout.PARTY,
        "issuer_parent_line": "",
        "issuer_line": "TỈNH ỦY THÁI NGUYÊN",
        "symbol": "KH/TU",
        "place": "Thái Nguyên",
        "year": 2024,
        "title": "Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của đồng chí Bí thư Tỉnh ủy với cán bộ, Nhân dân thành phố Thái Nguyên năm 2024",
        "introduction": "Thường trực Tỉnh ủy xây dựng Kế hoạch tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của đồng chí Bí thư Tỉnh ủy với cán bộ, Nhân dân thành phố Thái Nguyên năm 2024 như sau:",
        "purposes": _text(
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "- Tuyên truyền, phổ biến đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước; chủ trương của cấp ủy, quy định của chính quyền địa phương; làm rõ những thuận lợi, khó khăn trong công tác lãnh đạo, chỉ đạo của cấp ủy, sự quản lý, điều hành của chính quyền, góp phần tăng cường và đổi mới phương thức lãnh đạo của cấp ủy đảng, hoạt động quản lý, điều hành của chính quyền các cấp, củng cố mối quan hệ mật thiết giữa Đảng, Nhà nước với Nhân dân.",
            "- Lắng nghe tâm tư, nguyện vọng và ý kiến phản ánh, kiến nghị của Nhân dân trên các lĩnh vực nhằm bảo đảm quyền làm chủ của Nhân dân; phát huy vai trò giám sát, phản biện xã hội của Mặt trận Tổ quốc, các tổ chức chính trị - xã hội và Nhân dân; kịp thời phát hiện những vấn đề vướng mắc, phát sinh để giải quyết hoặc nghiên cứu bổ sung, điều chỉnh những chủ trương, chính sách, quy định chưa phù hợp; phát huy những ưu điểm trong việc thực hiện nhiệm vụ của đảng viên, việc thực thi công vụ của đội ngũ cán bộ, công chức; nâng cao trách nhiệm của người đứng đầu các cấp, các cơ quan, đơn vị với Nhân dân.",
            "2. Yêu cầu",
            "- Việc tiếp xúc, đối thoại với Nhân dân phải bảo đảm sự lãnh đạo của các cấp ủy đảng, hoạt động quản lý, điều hành của chính quyền, phát huy vai trò của Mặt trận Tổ quốc, các tổ chức chính trị - xã hội, thực hiện đúng quy định hiện hành.",
            "- Việc tổ chức tiếp xúc, đối thoại với Nhân dân phải bảo đảm dân chủ, bình đẳng, khách quan, công khai, minh bạch, gắn với đối tượng và nhu cầu, quyền lợi chính đáng của Nhân dân và phù hợp với thực tiễn tại địa phương.",
        ),
        "content": _text(
            "II. NỘI DUNG THỰC HIỆN",
            "1. Nội dung",
            "- Thông báo khái quát về tình hình kinh tế - xã hội; những vấn đề mà dư luận xã hội và cán bộ, Nhân dân quan tâm.",
            "- Thu thập ý kiến đóng góp, tham vấn của cán bộ, Nhân dân về các chủ trương của Đảng, chính sách pháp luật của Nhà nước đã ban hành; các chủ trương, quy định của cấp ủy, chính quyền địa phương đã hoặc sẽ ban hành có nội dung liên quan trực tiếp đến quyền và lợi ích của Nhân dân.",
            "- Nghe ý kiến cán bộ, Nhân dân phản ánh, góp ý về phương thức lãnh đạo, chỉ đạo của các cấp ủy đảng; hoạt động quản lý, điều hành của các cấp chính quyền; hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội; về đạo đức, lối sống, thái độ, tinh thần trách nhiệm của cán bộ, đảng viên.",
            "- Nghe ý kiến cán bộ, Nhân dân phản ánh về những khó khăn, vướng mắc, vấn đề bức xúc phát sinh tại địa phương nhưng chưa được xử lý, giải quyết thuộc phạm vi trách nhiệm, thẩm quyền của cấp tỉnh và những kiến nghị với Trung ương, trong đó tập trung vào các lĩnh vực cụ thể như sau:",
            "+ Công tác xây dựng Đảng, xây dựng hệ thống chính trị.",
            "+ Công tác quản lý nhà nước trên các lĩnh vực kinh tế, văn hóa - xã hội, quốc phòng, an ninh. Trọng tâm là công tác quy hoạch, quản lý quy hoạch; quản lý đất đai, tài nguyên và môi trường; giải phóng mặt bằng, triển khai thực hiện các dự án đầu tư; xây dựng nông thôn mới, đô thị văn minh và thực hiện các chính sách xã hội; việc triển khai thực hiện các công trình, dự án lớn trên địa bàn...",
            "- Trực tiếp chỉ đạo, giải quyết những kiến nghị cụ thể của Nhân dân trong quá trình tiếp xúc, đối thoại hoặc kiến nghị với cấp trên, cơ quan có thẩm quyền để giải quyết.",
            "**2. Hình thức và địa điểm tổ chức hội nghị:** Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của đồng chí Bí thư Tỉnh ủy tại Hội trường UBND thành phố Thái Nguyên.",
            "3. Thành phần tham gia hội nghị",
            "3.1. Đại biểu tỉnh: (khoảng 30 đại biểu)",
            "- Đồng chí Bí thư Tỉnh ủy.",
            "- Đại diện lãnh đạo các cơ quan, đơn vị: Đoàn đại biểu Quốc hội tỉnh, Hội đồng nhân dân tỉnh; Ủy ban nhân dân tỉnh; các cơ quan tham mưu, giúp việc Tỉnh ủy; Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội tỉnh và một số sở, ban, ngành liên quan.",
            "3.2. Đại biểu cấp thành phố và cơ sở (khoảng 250 đại biểu)",
            "- Đại diện lãnh đạo các cơ quan, đơn vị: Thường trực Thành ủy; Hội đồng nhân dân, Ủy ban nhân dân thành phố; các cơ quan tham mưu, giúp việc Thành ủy; Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội và một số phòng, ban của thành phố Thái Nguyên có liên quan (khoảng 30 đại biểu).",
            "- Đề nghị thành phố Thái Nguyên lựa chọn 220 đại biểu, đại diện: Lãnh đạo các xã, phường; cán bộ, công chức, viên chức; đoàn viên, hội viên của các tổ chức chính trị - xã hội, hội quần chúng; người dân (khoảng 200 đại biểu) và đại diện các doanh nghiệp trên địa bàn thành phố (khoảng 20 đại biểu).",
            "**4. Thời gian tổ chức hội nghị:** Dự kiến tổ chức vào trung tuần tháng 7/2024.",
        ),
        "closing": "Trên đây là Kế hoạch tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của đồng chí Bí thư Tỉnh ủy với cán bộ, Nhân dân thành phố Thái Nguyên năm 2024. Yêu cầu các địa phương, cơ quan, đơn vị căn cứ chức năng, nhiệm vụ, phối hợp tổ chức triển khai thực hiện nghiêm túc.",
        "signing_authority": "T/M BAN THƯỜNG VỤ",
        "signer_title": "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "signer_name": "Phạm Hoàng Sơn",
        "recipients": _text(
            "- Ban Dân vận Trung ương (*báo cáo*),",
            "- Thường trực Tỉnh ủy,",
            "- Đoàn Đại biểu Quốc hội tỉnh,",
            "- Đảng đoàn HĐND tỉnh,",
            "- Ban cán sự đảng UBND tỉnh,",
            "- Các cơ quan tham mưu, giúp việc Tỉnh ủy,",
            "- Ủy ban MTTQ, các tổ chức CT-XH cấp tỉnh,",
            "- Thành ủy và UBND thành phố Thái Nguyên,",
            "- Lưu Văn phòng Tỉnh ủy.",
        ),
        "drafter_mark": "BDVTU/20",
    },
    legal_bases=(
        "Quyết định số 1050-QĐ/TU, ngày 24/5/2022 của Ban Thường vụ Tỉnh ủy về việc ban hành Quy chế tiếp xúc, đối thoại trực tiếp của người đứng đầu cấp ủy đảng, chính quyền các cấp với Nhân dân trên địa bàn tỉnh Thái Nguyên",
    ),
    headings=(
        Heading(
            "Thành ủy Thái Nguyên",
            "Thường trực Thành ủy Thái Nguyên",
            (
                Duty(
                    "- Chỉ đạo Ủy ban nhân dân thành phố, các phòng, ban có liên quan phối hợp với các cơ quan chức năng của tỉnh chuẩn bị tốt các nội dung để tổ chức thực hiện có hiệu quả hội nghị tiếp xúc, đối thoại.",
                    done=Done(
                        date(2024, 6, 5),
                        "Thành ủy đã ban hành văn bản chỉ đạo UBND thành phố và các phòng, ban chuẩn bị nội dung hội nghị.",
                    ),
                ),
                Duty(
                    "- Thông tin công khai Kế hoạch tiếp xúc, đối thoại của đồng chí Bí thư Tỉnh ủy với cán bộ, Nhân dân thành phố Thái Nguyên tới các địa phương, đơn vị có đại biểu được mời tham dự hội nghị tiếp xúc, đối thoại.",
                    done=Done(
                        date(2024, 5, 31),
                        "Đã gửi Kế hoạch tới các xã, phường và đăng trên Cổng thông tin điện tử thành phố.",
                    ),
                ),
                Duty(
                    "- Tuyên truyền rộng rãi trong Nhân dân về mục đích, ý nghĩa, nội dung, chủ đề, nguyên tắc, quyền và trách nhiệm của các đại biểu, công dân khi tham gia hội nghị tiếp xúc, đối thoại.",
                    done=Done(date(2024, 6, 14), "Đã tuyên truyền trên hệ thống truyền thanh các xã, phường."),
                ),
                Duty(
                    "- Mời, cử đại biểu, đại diện các cơ quan, đơn vị trực thuộc và Nhân dân tham gia hội nghị tiếp xúc, đối thoại khi tỉnh có thông báo lịch tổ chức hội nghị chính thức."
                ),
                Duty(
                    "- Tổng hợp các ý kiến, kiến nghị của Nhân dân thuộc trách nhiệm, thẩm quyền của tỉnh và những kiến nghị với Trung ương gửi về Ban Dân vận Tỉnh ủy trước **ngày 10/6/2024** để báo cáo Thường trực Tỉnh ủy.",
                    due=date(2024, 6, 10),
                    done=Done(
                        date(2024, 6, 7),
                        "Đã gửi báo cáo tổng hợp ý kiến, kiến nghị của Nhân dân về Ban Dân vận Tỉnh ủy.",
                    ),
                ),
                Duty(
                    "- Chỉ đạo các phòng, ban chuyên môn và các xã, phường có liên quan tham mưu, chuẩn bị nội dung ý kiến trả lời, phương án xử lý, giải quyết các ý kiến, kiến nghị của Nhân dân thuộc trách nhiệm, thẩm quyền giải quyết của cấp thành phố trên địa bàn."
                ),
                Duty(
                    "- Chuẩn bị tốt cơ sở vật chất (*Hội trường, trang trí, khánh tiết, phục vụ, nước uống, bảo vệ,...*) đảm bảo phục vụ hội nghị an toàn, trật tự, tiết kiệm và hiệu quả."
                ),
            ),
        ),
        Heading(
            "Ủy ban nhân dân tỉnh Thái Nguyên",
            "Ban cán sự đảng Ủy ban nhân dân tỉnh",
            (
                Duty(
                    "- Xây dựng báo cáo đánh giá khái quát về tình hình kinh tế - xã hội của tỉnh để thông tin tại hội nghị.",
                    done=Done(
                        date(2024, 7, 3),
                        "Sở Tài chính đã hoàn thành báo cáo khái quát tình hình kinh tế - xã hội 6 tháng đầu năm.",
                    ),
                ),
                Duty(
                    "- Tham mưu nội dung trả lời (bằng văn bản) các ý kiến, kiến nghị và đề xuất các giải pháp để giải quyết kịp thời những vấn đề khó khăn, vướng mắc trên địa bàn thành phố Thái Nguyên thuộc chức năng, nhiệm vụ, thẩm quyền quản lý nhà nước của cấp tỉnh, báo cáo Thường trực Tỉnh ủy (*qua Ban Dân vận Tỉnh ủy*) **trước ngày 25/6/2024.**",
                    due=date(2024, 6, 25),
                    done=Done(
                        date(2024, 6, 28),
                        "Các sở, ngành đã gửi văn bản trả lời qua Ban Dân vận Tỉnh ủy; Sở Xây dựng gửi chậm.",
                    ),
                ),
                Duty(
                    "- Trả lời trực tiếp các ý kiến, kiến nghị thuộc chức năng, nhiệm vụ và thẩm quyền quản lý nhà nước của cấp tỉnh theo yêu cầu của đồng chí Bí thư Tỉnh ủy tại hội nghị tiếp xúc, đối thoại."
                ),
            ),
            intro="Chỉ đạo Ủy ban nhân dân tỉnh phân công các sở, ngành chức năng có liên quan tham mưu chuẩn bị các nội dung:",
        ),
        Heading(
            "Tỉnh ủy Thái Nguyên",
            "Các cơ quan tham mưu, giúp việc Tỉnh ủy, Ủy ban Mặt trận Tổ quốc tỉnh và các tổ chức chính trị - xã hội cấp tỉnh",
            (
                Duty(
                    "Phối hợp với Ban Dân vận Tỉnh ủy tham mưu cho đồng chí Bí thư Tỉnh ủy tiếp thu và trả lời các ý kiến, kiến nghị (*trước, trong và sau hội nghị tiếp xúc, đối thoại*) về các nội dung liên quan đến công tác xây dựng Đảng, xây dựng hệ thống chính trị thuộc chức năng, nhiệm vụ, thẩm quyền của cấp tỉnh. Giám sát, theo dõi, đôn đốc các cơ quan chức năng giải quyết các vấn đề sau hội nghị tiếp xúc, đối thoại."
                ),
            ),
        ),
        Heading(
            "Ban Dân vận Tỉnh ủy Thái Nguyên",
            "Ban Dân vận Tỉnh ủy",
            (
                Duty(
                    "- Phối hợp với Thành ủy Thái Nguyên tổng hợp các ý kiến, kiến nghị của Nhân dân trên địa bàn thành phố.",
                    done=Done(date(2024, 6, 12), "Đã tổng hợp, phân loại ý kiến, kiến nghị do Thành ủy gửi."),
                ),
                # Left open: the demo's late duty (“late by N working days”).
                Duty(
                    "- Tham mưu cho Thường trực Tỉnh ủy chỉ đạo, phân công các cơ quan chức năng nghiên cứu, trả lời ý kiến, kiến nghị của Nhân dân; tổng hợp báo cáo và lập hồ sơ chuẩn bị nội dung hội nghị tiếp xúc, đối thoại báo cáo Thường trực Tỉnh ủy **trước ngày 05/7/2024.**",
                    due=date(2024, 7, 5),
                ),
                Duty(
                    "- Chủ trì, phối hợp với Văn phòng Tỉnh ủy và các cơ quan liên quan tham mưu nội dung, chương trình, thành phần tham gia hội nghị, chuẩn bị nội dung phát biểu kết luận tại hội nghị và dự thảo thông báo kết luận của đồng chí Bí thư Tỉnh ủy sau hội nghị tiếp xúc, đối thoại."
                ),
                Duty(
                    "- Phối với Ban cán sự đảng UBND tỉnh, Thành ủy Thái Nguyên chuẩn bị tốt cơ sở vật chất phục vụ hội nghị tiếp xúc, đối thoại và thực hiện các nội dung công việc khác theo kế hoạch."
                ),
            ),
        ),
        Heading(
            "Văn phòng Tỉnh ủy Thái Nguyên",
            "Văn phòng Tỉnh ủy",
            (
                Duty(
                    "Phối hợp với Ban Dân vận Tỉnh ủy tham mưu nội dung, chương trình tổ chức hội nghị; công văn mời dự hội nghị; chuẩn bị nội dung phát biểu kết luận tại hội nghị và dự thảo thông báo kết luận của đồng chí Bí thư Tỉnh ủy sau hội nghị tiếp xúc, đối thoại."
                ),
            ),
        ),
    ),
)


# --------------------------------------------------------------------------- 001


PLAN_001 = SeedPlan(
    issuer="Thị ủy Đức Phổ",
    fields={
        "layout": DocumentLayout.PARTY,
        # The seed's header is not in the text; a district Party committee prints its
        # province's Party organisation above its own name (Hướng dẫn 36-HD/VPTW).
        "issuer_parent_line": "ĐẢNG BỘ TỈNH QUẢNG NGÃI",
        "issuer_line": "THỊ ỦY ĐỨC PHỔ",
        "symbol": "KH/TU",
        "place": "Đức Phổ",
        "year": 2023,
        "title": "đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm 2023",
        "introduction": "Ban Thường vụ Thị ủy ban hành Kế hoạch đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm 2023, cụ thể như sau:",
        "purposes": _text(
            "I- Mục đích, yêu cầu",
            "1. Mục đích",
            "- Lắng nghe tâm tư, nguyện vọng, kiến nghị hợp pháp, chính đáng của công dân, cán bộ, hội viên Hội Cựu chiến binh; kịp thời giải quyết những khó khăn, vướng mắc đối với vấn đề liên quan đến nội dung đối thoại. Qua đó, tăng cường niềm tin của Nhân dân và cán bộ, hội viên đối với sự lãnh đạo của cấp ủy, điều hành, quản lý của chính quyền, góp phần phát huy dân chủ, tăng cường khối đại đoàn kết toàn dân tộc trên địa bàn thị xã.",
            "- Nắm bắt tâm tư, ý chí và nguyện vọng của cấp ủy các chi bộ trực thuộc đảng bộ cơ sở về công tác xây dựng tổ chức đảng trong sạch, vững mạnh và nâng cao chất lượng đội ngũ đảng viên. Giải quyết khó khăn, vướng mắc trong thực tiễn nhằm tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đảng viên trong giai đoạn mới, góp phần củng cố niềm tin của Nhân dân đối với Đảng.",
            "2. Yêu cầu: Việc Bí thư Thị ủy đối thoại trực tiếp với công dân thực hiện theo đúng Quyết định số 880-QĐ/TU ngày 14/01/2022 của Ban Thường vụ Thị ủy về ban hành Nội quy Bí thư Thị ủy tiếp công dân, đối thoại trực tiếp với công dân; hình thức tổ chức phù hợp, hiệu quả, đúng thời gian.",
        ),
        "content": _text(
            "II- Nội dung, đối tượng, thời gian và địa điểm tổ chức đối thoại",
            "1. Quý I/2023",
            # The page break split the bold-italic run after “văn hoá - xã hội,”.
            "- Nội dung: ***Đối thoại để nắm bắt tâm tư, nguyện vọng của cán bộ, hội viên Hội Cựu chiến binh đối với việc tham gia phát triển kinh tế, văn hoá - xã hội, quốc phòng, an ninh và thực hiện phong trào thi đua “Cựu chiến binh gương mẫu” trên địa bàn thị xã.***",
            "- Đối tượng: Cán bộ, hội viên tiêu biểu Hội Cựu chiến binh trên địa bàn thị xã.",
            "- Thời gian thực hiện: Tháng 3/2023.",
            "- Địa điểm: Tổ chức Hội nghị trực tiếp tại Hội trường Ủy ban nhân dân thị xã.",
            "2. Quý II/2023",
            "- Nội dung: **Đổi thoại trực tiếp giữa Bí thư Thị ủy với công dân xã Phổ An về việc quản lý Nhà nước trên lĩnh vực đất đai, tài nguyên, khoáng sản.**",
            "- Đối tượng: Công dân xã Phổ An.",
            "- Thời gian: Tháng 5/2023.",
            "- Địa điểm: Tổ chức Hội nghị trực tiếp tại Nhà văn hóa xã Phổ An.",
            "3. Quý III/2023",
            "- Nội dung: **Đổi thoại để nắm bắt những vấn đề cấp ủy các chi bộ trực thuộc đảng bộ cơ sở quan tâm trong việc tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn hiện nay.**",
            "- Đối tượng: Cấp ủy các chi bộ trực thuộc đảng bộ cơ sở.",
            "- Thời gian: Tháng 7/2023.",
            "- Địa điểm: Tổ chức Hội nghị trực tiếp tại Hội trường Ủy ban nhân dân thị xã.",
            "4. Quý IV/2023",
            "- Nội dung: **Đổi thoại để nắm bắt những vấn đề người dân quan tâm trong việc phát triển nông nghiệp, thương mại, dịch vụ trên địa bàn phường Phổ Minh.**",
            "- Đối tượng: Công dân phường Phổ Minh.",
            "- Thời gian: Tháng 10/2023.",
            "- Địa điểm: Tổ chức Hội nghị trực tiếp tại Hội trường UBND phường Phổ Minh.",
            "5. Ngoài ra, tùy theo điều kiện tình hình thực tế, Bí thư Thị ủy sẽ đổi thoại đột xuất với Nhân dân các địa phương trong thị xã khi cần thiết",
        ),
        "tasks_heading": "III- Tổ chức thực hiện",
        "closing": "Yêu cầu các cơ quan, đơn vị, địa phương liên quan tổ chức thực hiện nghiêm túc Kế hoạch này; kịp thời báo cáo những khó khăn, vướng mắc trong quá trình thực hiện về Ban Thường vụ Thị ủy (*qua Ban Dân vận Thị ủy*) để điều chỉnh, bổ sung Kế hoạch cho phù hợp (*nếu cần thiết*).",
        "signing_authority": "T/M BAN THƯỜNG VỤ",
        "signer_title": "BÍ THƯ",
        "signer_name": "Nguyễn Kiên",
        "recipients": _text(
            "- Ban Dân vận Tỉnh ủy (báo cáo),",
            "- Văn phòng Tỉnh ủy,",
            "- Thường trực HĐND, UBND thị xã,",
            "- Công an thị xã,",
            "- Các cơ quan tham mưu, giúp việc Thị ủy,",
            "- Mặt trận và các tổ chức CT-XH thị xã,",
            "- Trung tâm TT-VH-TT thị xã,",
            "- Các đồng chí UVBTV Thị ủy,",
            "- Đảng ủy các xã, phường,",
            "- C, PC, NC-TH VP thị xã,",
            "- Lưu Văn phòng thị xã.",
        ),
    },
    legal_bases=(
        "Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân",
        "Quyết định số 879-QĐ/TU ngày 14/01/2022 của Ban Thường vụ Thị ủy ban hành Quy chế Bí thư Thị ủy tiếp công dân, đối thoại trực tiếp với công dân và xử lý những khiếu nại, tố cáo, kiến nghị, phản ánh của công dân",
    ),
    headings=(
        Heading(
            "Ủy ban nhân dân thị xã Đức Phổ",
            "Ủy ban nhân dân thị xã",
            (
                Duty(
                    "- Trước khi chuẩn bị đổi thoại trực tiếp với công dân: Chỉ đạo rà soát, đánh giá tình hình quản lý, điều hành thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh; tình hình và kết quả giải quyết những vấn đề bức xúc, nhất là những ý kiến bức xúc đã được công dân nêu ra nhiều lần ở các cuộc tiếp xúc của đại biểu HĐND các cấp với cử tri nhưng chưa giải quyết dứt điểm; đồng thời dự kiến phương hướng, biện pháp chỉ đạo giải quyết trong thời gian đến, báo cáo Bí thư Thị ủy để trả lời trực tiếp tại Hội nghị đối thoại."
                ),
                Duty(
                    "- *Sau đối thoại trực tiếp với công dân:* Chỉ đạo giải quyết, xử lý kịp thời những ý kiến, kiến nghị theo thông báo kết luận của Bí thư Thị ủy."
                ),
            ),
        ),
        Heading(
            "Ban Dân vận Thị ủy Đức Phổ",
            "Ban Dân vận Thị ủy",
            (
                Duty(
                    "- Nắm chắc tình hình, dư luận xã hội và tâm tư, nguyện vọng của Nhân dân, cấp ủy các chi bộ trực thuộc đảng bộ cơ sở, cán bộ, hội viên Hội Cựu Chiến binh trước khi Bí thư Thị ủy tổ chức đối thoại trực tiếp; dự báo các tình huống có thể xảy ra để kịp thời xử lý, giải quyết, bảo đảm việc đối thoại đạt được mục đích đề ra. Tổng hợp, xây dựng báo cáo những vấn đề Nhân dân quan tâm, nhất là những kiến nghị, đề xuất hợp pháp, chính đáng đã nêu nhiều lần nhưng chưa được giải quyết dứt điểm và tâm tư, nguyện vọng của cấp ủy các chi bộ trực thuộc đảng bộ cơ sở về công tác xây dựng tổ chức đảng trong sạch, vững mạnh và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn hiện nay; đề nghị các cơ quan, đơn vị chuẩn bị báo cáo đề xuất phương hướng, giải pháp chỉ đạo giải quyết. Lựa chọn thời gian, địa điểm tổ chức các hội nghị đối thoại phù hợp với tình hình, đặc điểm của từng địa phương và thuận lợi cho công dân tham dự."
                ),
                Duty(
                    "- Chủ trì, phối hợp với Văn phòng thị xã và các cơ quan liên quan dự thảo thông báo kết luận của Bí thư Thị ủy tại buổi đối thoại trực tiếp với công dân."
                ),
                Duty(
                    "- Theo dõi, đôn đốc các cơ quan, tổ chức, cá nhân liên quan trong việc thực hiện thông báo kết luận của Bí thư Thị ủy; tham mưu tiếp tục chỉ đạo giải quyết những nội dung chưa được các cơ quan có thẩm quyền giải quyết."
                ),
            ),
            intro="Chủ trì, phối hợp với Ban Tuyên giáo Thị ủy, Văn phòng thị xã, Cơ quan Tổ chức - Nội vụ thị xã, Hội Cựu Chiến binh thị xã và các cơ quan, đơn vị, địa phương liên quan tham mưu:",
        ),
        Heading(
            # Văn phòng thị xã serves the Thị ủy (“Lưu Văn phòng thị xã” files the plan).
            "Thị ủy Đức Phổ",
            "Văn phòng thị xã",
            (
                Duty(
                    "- Thành phần mời dự Hội nghị đối thoại; phát hành giấy mời, kết hợp với thông báo rộng rãi trên hệ thống đài truyền thanh của các xã, phường về: Thời gian, địa điểm, nội dung tổ chức đối thoại trực tiếp để công dân, cán bộ, hội viên biết và chuẩn bị ý kiến."
                ),
                Duty(
                    "- Chuẩn bị các điều kiện cần thiết, làm tốt công tác tổ chức để phục vụ Hội nghị đối thoại trực tiếp của Bí thư Thị ủy."
                ),
                Duty(
                    "- Trình dự thảo thông báo kết luận cho Bí thư Thị ủy xem xét, ban hành để làm cơ sở lãnh đạo, chỉ đạo thực hiện và theo dõi, kiểm tra, giám sát việc chấp hành nhiệm vụ, pháp luật của cơ quan, tổ chức, cá nhân có liên quan trong thời hạn 07 ngày làm việc kể từ khi kết thúc việc đối thoại trực tiếp của Bí thư Thị ủy."
                ),
            ),
            intro="Chủ trì, phối hợp với các cơ quan, đơn vị, địa phương tham mưu:",
        ),
        Heading(
            "Ban Tuyên giáo Thị ủy Đức Phổ",
            "Ban Tuyên giáo Thị ủy",
            (
                Duty(
                    "Phối hợp với Ban Dân vận Thị ủy thường xuyên theo dõi, nắm bắt tình hình dư luận xã hội trên địa bàn để báo cáo Bí thư Thị ủy; định hướng các cơ quan thông tin đại chúng tuyên truyền trước, trong và sau khi Bí thư Thị ủy tổ chức Hội nghị đối thoại trực tiếp."
                ),
            ),
        ),
        Heading(
            "Thị ủy Đức Phổ",
            "Ủy ban Kiểm tra Thị ủy",
            (
                Duty(
                    "Thực hiện giám sát, kiểm tra tổ chức đảng, đảng viên khi có dấu hiệu vi phạm trong việc chấp hành thông báo kết luận của Bí thư Thị ủy theo thẩm quyền."
                ),
            ),
        ),
        Heading(
            "Thị ủy Đức Phổ",
            "Cơ quan Tổ chức - Nội vụ thị xã",
            (
                Duty(
                    "- Tham mưu giúp Ban Thường vụ Thị ủy, Bí thư Thị ủy lãnh đạo, chỉ đạo giải quyết những kiến nghị hợp pháp, chính đáng của công dân về sự lãnh đạo, chỉ đạo của tổ chức đảng; về thực hiện nhiệm vụ, công vụ; những nội dung công dân phản ánh, đóng góp ý kiến về phẩm chất, đạo đức, năng lực của cán bộ, đảng viên, công chức, viên chức."
                ),
                Duty(
                    "- Phối hợp với Ban Dân vận Thị ủy nắm tình hình tâm tư, nguyện vọng của cấp ủy các chi bộ trực thuộc đảng bộ cơ sở về công tác xây dựng tổ chức đảng trong sạch, vững mạnh và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn hiện nay. Báo cáo đề xuất giải pháp chỉ đạo giải quyết đối với các kiến nghị của cấp ủy các chi bộ trực thuộc đảng bộ cơ sở để phục vụ Hội nghị đối thoại."
                ),
            ),
        ),
        Heading(
            "Thị xã Đức Phổ",
            "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thị xã",
            (
                Duty(
                    "- Phối hợp với Ban Dân vận Thị ủy theo dõi, nắm bắt tình hình trong Nhân dân, hội viên, đoàn viên, dư luận xã hội để phục vụ công tác đối thoại trực tiếp với công dân của Bí thư Thị ủy."
                ),
                Duty(
                    "- Tổ chức tuyên truyền, vận động hội viên, đoàn viên và Nhân dân thực hiện quyền và nghĩa vụ của người khiếu nại, tố cáo, kiến nghị, phản ánh theo đúng quy định của Đảng, pháp luật của Nhà nước."
                ),
            ),
        ),
        Heading(
            "Thị xã Đức Phổ",
            "Đảng ủy Công an thị xã",
            (
                Duty(
                    "Chỉ đạo và phối hợp với các cơ quan, tổ chức, người có thẩm quyền bảo đảm trật tự, an toàn cho Hội nghị đối thoại trực tiếp của Bí thư Thị ủy với công dân."
                ),
            ),
        ),
        Heading(
            "Hội Cựu chiến binh thị xã Đức Phổ",
            "Hội Cựu Chiến binh thị xã",
            (
                Duty(
                    "Nắm tình hình tư tưởng, tâm tư, nguyện vọng và những vấn đề mà cán bộ, hội viên Hội Cựu Chiến binh quan tâm để tham mưu chuẩn bị nội dung đối thoại chuyên đề giữa Bí thư Thị ủy với cán bộ, hội viên Hội Cựu Chiến binh, gửi báo cáo cho Thường trực Thị ủy, đồng thời gửi Ban Dân vận Thị ủy để chuẩn bị tổ chức đối thoại."
                ),
            ),
        ),
        Heading(
            "Thị xã Đức Phổ",
            "Đảng ủy các xã, phường: Phổ An, Phổ Minh",
            (
                Duty(
                    "- Nắm tình hình, tâm trạng Nhân dân, dư luận xã hội trên địa bàn; tình hình thực hiện nhiệm vụ quản lý nhà nước trên các lĩnh vực theo nội dung đối thoại và xây dựng báo cáo gửi Thường trực Thị ủy, đồng thời gửi Ban Dân vận Thị ủy trước khi tổ chức đối thoại. Bố trí, chuẩn bị địa điểm để tổ chức đối thoại."
                ),
                Duty(
                    "- Thông báo rộng rãi trên hệ thống đài truyền thanh của xã, phường; thông báo đến từng thôn, tổ dân phố về: Thời gian, địa điểm, nội dung Hội nghị đối thoại để công dân biết và chuẩn bị ý kiến tham gia. Mời đại diện lãnh đạo các cơ quan thuộc hệ thống chính trị của xã, phường và Nhân dân tham gia hội nghị đối thoại."
                ),
            ),
            intro="Có trách nhiệm phối hợp với các cơ quan liên quan liên quan:",
        ),
    ),
)


# --------------------------------------------------------------------------- 002


PLAN_002 = SeedPlan(
    issuer="Ủy ban nhân dân tỉnh Bắc Giang",
    signer="phanthetuan",
    fields={
        "layout": DocumentLayout.STATE,
        "issuer_parent_line": "",
        "issuer_line": "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG",
        "symbol": "KH-UBND",
        "place": "Bắc Giang",
        "year": 2024,
        "draft_month": 3,
        "title": "Tiếp xúc, đối thoại với nhân dân của Phó Chủ tịch UBND tỉnh Phan Thế Tuấn năm 2024",
        # The seed ends the citations with a full stop and starts a new sentence.
        "introduction": ". Đồng chí Tỉnh ủy viên - Phó Chủ tịch UBND tỉnh Phan Thế Tuấn xây dựng Kế hoạch tiếp xúc, đối thoại với nhân dân năm 2024, cụ thể như sau:",
        "purposes": _text(
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "- Tiếp tục thực hiện có hiệu quả Kết luận số 116-KL/TU ngày 09/7/2021 của Ban Thường vụ Tỉnh ủy và các văn bản lãnh đạo, chỉ đạo (*Quyết định số 1158-QĐ/TU ngày 09/7/2015; Quy định số 307-QĐ/TU ngày 19/7/2017; Công văn số 1386-CV/TU ngày 21/9/2018*) về nâng cao chất lượng, hiệu quả việc tiếp xúc, đối thoại trực tiếp và lắng nghe, giải quyết ý kiến, kiến nghị của nhân dân.",
            "- Kịp thời nắm bắt những vấn đề khó khăn, vướng mắc, bất cập trong thực tiễn ở cơ sở, địa phương để chỉ đạo giải quyết, tạo đồng thuận trong nhân dân, doanh nghiệp, góp phần thúc đẩy phát triển kinh tế - xã hội của địa phương.",
            "2. Yêu cầu",
            "- Quá trình thực hiện tiếp xúc, đối thoại đảm bảo công khai, dân chủ, khách quan, đúng quy định.",
            "- Nội dung đối thoại được chuẩn bị chu đáo, đảm bảo chất lượng; kết thúc đối thoại có văn bản chỉ đạo, kết luận theo quy định.",
            "- Báo cáo, đề xuất với cơ quan có thẩm quyền kịp thời xem xét sửa đổi, bổ sung những cơ chế, chính sách phù hợp với thực tiễn.",
        ),
        "content": _text(
            "II. NỘI DUNG TRIỂN KHAI",
            "1. Đối thoại thông qua các chương trình đối thoại trực tiếp hoặc kết hợp với các phiên tiếp công dân định kỳ hằng tháng",
            "- Thời gian: Định kỳ vào ngày 15 hằng tháng.",
            "- Đối tượng: Các công dân trên địa bàn tỉnh; đại diện các sở, ngành, địa phương có liên quan.",
            "- Nội dung: Đối thoại, lắng nghe, tiếp thu, giải quyết các ý kiến, kiến nghị của người dân, doanh nghiệp theo các chuyên đề tiếp công dân định kỳ hằng tháng.",
            "2. Đối thoại thông qua các chương trình đối thoại trực tiếp hoặc kết hợp với tiếp xúc cử tri của đại biểu HĐND tỉnh",
            "- Thời gian: Dự kiến vào tháng 6/2024 và tháng 11/2024.",
            "- Đối tượng: Đại diện cử tri, nhân dân tại địa bàn các xã, phường, thị trấn; đại diện các sở, ngành, địa phương có liên quan.",
            "- Nội dung: Báo cáo kết quả giải quyết các kiến nghị của cử tri, người dân, doanh nghiệp; báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng, an ninh của địa phương; tổng hợp kiến nghị, nguyện vọng của cử tri, người dân, doanh nghiệp; kiến nghị của cử tri, người dân, doanh nghiệp với cấp có thẩm quyền.",
            "3. Đối thoại với cộng đồng doanh nghiệp tỉnh Bắc Giang về giải quyết những khó khăn, vướng mắc trong hoạt động sản xuất, kinh doanh",
            "- Thời gian: Căn cứ vào thực tiễn phát triển kinh tế - xã hội năm 2024 của tỉnh để quyết định.",
            "- Đối tượng: Đại diện các doanh nghiệp; Hiệp hội doanh nghiệp tỉnh; đại diện các cơ quan, đơn vị có liên quan.",
            "- Nội dung: Thảo luận, đánh giá những kết quả đạt được, khó khăn vướng mắc trong hoạt động sản xuất, kinh doanh của các doanh nghiệp trên địa bàn tỉnh và đề xuất giải pháp giải quyết, tháo gỡ nhằm thúc đẩy phát triển kinh tế - xã hội của tỉnh Bắc Giang năm 2024 và trong thời gian tới.",
            "4. Đối thoại với các hợp tác xã về tiếp tục đẩy mạnh phát triển kinh tế tập thể, hợp tác xã trên địa bàn tỉnh",
            "- Thời gian: Quý IV/2024.",
            "- Đối tượng: Đại diện các hợp tác xã trên địa bàn tỉnh; đại diện các cơ quan, đơn vị, địa phương có liên quan.",
            "- Nội dung: Thảo luận, đánh giá những kết quả đạt được, khó khăn vướng mắc trong quá trình phát triển kinh tế tập thể, hợp tác xã trên địa bàn tỉnh năm 2024 và đề xuất giải pháp giải quyết, tháo gỡ nhằm tiếp tục đẩy mạnh phát triển kinh tế tập thể, hợp tác xã trên địa bàn tỉnh trong thời gian tới.",
            "5. Trình tự thực hiện tiếp xúc, đối thoại",
            "5.1. Công tác chuẩn bị",
            "- Rà soát nội dung; xác định quy mô, đối tượng; lựa chọn địa điểm, thời gian tổ chức đảm bảo phù hợp với từng cuộc tiếp xúc, đối thoại.",
            "- Tổng hợp, phân loại các ý kiến, kiến nghị của người dân, doanh nghiệp; giao nhiệm vụ tham mưu, giải quyết cho các cơ quan, đơn vị, địa phương.",
            "- Xây dựng chương trình, kịch bản, tài liệu, hồ sơ, ban hành giấy mời trước khi tổ chức chính thức cuộc tiếp xúc, đối thoại.",
            "5.2. Các nội dung chính khi tiếp xúc, đối thoại",
            "- Tuyên bố lý do, giới thiệu đại biểu, thành phần tham dự, nội dung chương trình chi tiết của cuộc tiếp xúc, đối thoại.",
            "- Người chủ trì thông báo mục đích, nội dung chính của cuộc tiếp xúc, đối thoại và những vấn đề liên quan mà người dân, doanh nghiệp quan tâm. Kết quả giải quyết của cuộc tiếp xúc, đối thoại liên hệ trước đó (nếu có).",
            "- Các đại biểu, người dân, doanh nghiệp phát biểu trao đổi, thảo luận về những nội dung của cuộc tiếp xúc, đối thoại và những vấn đề có liên quan khác.",
            "- Phân công lãnh đạo các cơ quan, đơn vị, địa phương và người chủ trì trực tiếp hoặc theo hình thức bằng văn bản để trả lời, giải đáp các ý kiến, kiến nghị của người dân, doanh nghiệp theo chức năng, nhiệm vụ và thẩm quyền.",
            "- Người chủ trì kết luận những nội dung đã thảo luận, trao đổi, đối thoại.",
            "5.3. Kết thúc tiếp xúc, đối thoại",
            "- Ban hành văn bản chỉ đạo, thông báo kết luận đối với các cuộc tiếp xúc, đối thoại theo quy định.",
            "- Chỉ đạo tổ chức giải quyết những nội dung ý kiến, kiến nghị của người dân, doanh nghiệp theo thẩm quyền và báo cáo, đề xuất với cấp có thẩm quyền những nội dung vượt quá thẩm quyền.",
        ),
        "closing": "Trên đây là Kế hoạch tiếp xúc, đối thoại với nhân dân năm 2024 của đồng chí Tỉnh ủy viên - Phó Chủ tịch UBND tỉnh Phan Thế Tuấn./",
        "signing_authority": "",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Phan Thế Tuấn",
        "recipients": _text(
            "- Thường trực Tỉnh ủy (b/c);",
            "- Ban Dân vận Tỉnh ủy (b/c);",
            "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
            "- Văn phòng UBND tỉnh:",
            "+ LĐVP, TH, TCD, KTTH;",
            "+ Lưu VT, KTTH.",
        ),
    },
    # The seed separates these three documents with commas; each is its own citation.
    legal_bases=(
        "Quyết định số 1158-QĐ/TU ngày 09/7/2015 của Ban Thường vụ Tỉnh ủy ban hành Quy chế tiếp xúc, đối thoại trực tiếp của người đứng đầu cấp ủy đảng, chính quyền các cấp với nhân dân",
        "Quy định số 307-QĐ/TU ngày 19/7/2017 của Ban Thường vụ Tỉnh ủy quy định chế độ tiếp xúc, đối thoại của các đồng chí Tỉnh ủy viên với nhân dân",
        "Kết luận số 116-KL/TU ngày 09/7/2021 của Ban Thường vụ Tỉnh ủy về nâng cao chất lượng, hiệu quả việc tiếp xúc, đối thoại trực tiếp và lắng nghe, giải quyết ý kiến, kiến nghị của nhân dân",
    ),
    headings=(
        # The seed runs heading and duty into one sentence; the duty starts after the subject.
        Heading(
            "Ủy ban nhân dân tỉnh Bắc Giang",
            "Các sở, cơ quan, đơn vị, địa phương liên quan",
            (
                Duty(
                    "Căn cứ Kế hoạch này và chức năng, nhiệm vụ được giao chủ động phối hợp với Văn phòng UBND tỉnh để tổ chức triển khai thực hiện."
                ),
            ),
        ),
        Heading(
            "Ủy ban nhân dân tỉnh Bắc Giang",
            "Văn phòng UBND tỉnh",
            (
                Duty(
                    "Có trách nhiệm chủ trì tham mưu xây dựng lịch tiếp xúc đối thoại, tổng hợp các ý kiến, kiến nghị của người dân, doanh nghiệp, nhân dân; chuẩn bị kết luận, văn bản chỉ đạo; đôn đốc việc triển khai thực hiện các kết luận, văn bản chỉ đạo sau tiếp xúc, đối thoại; tổng hợp, tham mưu báo cáo Ban Thường vụ Tỉnh ủy, Thường trực Tỉnh ủy, Ban Dân vận Tỉnh ủy kết quả tiếp xúc, đối thoại định kỳ (đợt xuất) theo quy định."
                ),
            ),
        ),
    ),
)


# --------------------------------------------------------------------------- 003


GIA_PHUC_VILLAGES = ("Phong Lâm", "Văn Lâm", "Trúc Lâm", "Nghĩa Hy", "Lai Hà", "Đại Lương", "Long Tràng")
CONFERENCE_003_DATE = date(2026, 6, 11)

PLAN_003 = SeedPlan(
    issuer="Đảng ủy xã Gia Phúc",
    signer="chutri.giaphuc",
    conference_date=CONFERENCE_003_DATE,
    fields={
        "layout": DocumentLayout.PARTY,
        "issuer_parent_line": "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
        "issuer_line": "ĐẢNG ỦY XÃ GIA PHÚC",
        "symbol": "KH/ĐU",
        "place": "Gia Phúc",
        "year": 2026,
        "draft_month": 4,
        "title": "Tổ chức hội nghị đối thoại của đồng chí Bí thư Đảng ủy - Chủ tịch Hội đồng nhân dân xã với Nhân dân năm 2026",
        "introduction": ". Ban Thường vụ Đảng ủy xây dựng Kế hoạch tổ chức hội nghị đối thoại của đồng chí Bí thư Đảng ủy, Chủ tịch HĐND xã với Nhân dân các thôn Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Tràng năm 2026 như sau:",
        "purposes": _text(
            "I. MỤC ĐÍCH, YÊU CẦU",
            "- Người đứng đầu cấp ủy đảng gặp gỡ, lắng nghe, tiếp thu và chỉ đạo giải quyết những kiến nghị hợp pháp, chính đáng của Nhân dân.",
            "- Tuyên truyền, phổ biến, đưa các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước đến Nhân dân, tạo sự đồng thuận, thống nhất giữa cấp ủy, chính quyền với Nhân dân trong quá trình tổ chức thực hiện các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.",
            "- Phát huy quyền làm chủ của Nhân dân theo phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”; góp phần đổi mới phương thức lãnh đạo của các cấp ủy đảng, hoạt động quản lý, điều hành của các cấp chính quyền; củng cố mối quan hệ mật thiết giữa Đảng, Nhà nước với Nhân dân và tăng cường khối đại đoàn kết toàn dân.",
            "- Kịp thời phát hiện những hạn chế, thiếu sót; phát huy những ưu điểm trong việc thực hiện nhiệm vụ của đảng viên, việc thực thi công vụ của đội ngũ cán bộ, công chức; nâng cao trình độ, năng lực, trách nhiệm của người đứng đầu các cấp, các cơ quan, đơn vị.",
        ),
        "content": _text(
            "II. NỘI DUNG, THỜI GIAN, HÌNH THỨC TỔ CHỨC ĐỐI THOẠI",
            "1. Nội dung, trình tự đối thoại",
            "1.1. Nội dung đối thoại",
            "- Người đứng đầu cấp ủy thông báo cho Nhân dân về tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh, công tác xây dựng Đảng, chính quyền và những vấn đề quan trọng của địa phương quý I năm 2026, nhiệm vụ trọng tâm quý II năm 2026.",
            "- Lắng nghe ý kiến phản ánh, góp ý của Nhân dân về các chủ trương, chính sách đã ban hành hoặc sẽ ban hành, nhất là về những vấn đề liên quan trực tiếp đến quyền và nghĩa vụ của Nhân dân; về sự lãnh đạo, chỉ đạo của các cấp ủy đảng, sự quản lý, điều hành của các cấp chính quyền, hoạt động của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội; về mối quan hệ giữa cấp ủy, tổ chức đảng và đảng viên với Nhân dân; về đạo đức, lối sống, thái độ, tinh thần trách nhiệm của cán bộ, đảng viên, công chức, viên chức trong quá trình thực thi công vụ; về những vấn đề mà Nhân dân bức xúc, quan tâm.",
            "- Tiếp thu các ý kiến góp ý, kiến nghị hợp pháp, chính đáng của Nhân dân. Trực tiếp chỉ đạo giải quyết vướng mắc, kiến nghị của Nhân dân những nội dung thuộc thẩm quyền; thông báo kết luận những nội dung đã được trả lời, giải quyết tại hội nghị để Nhân dân được biết và giám sát kết quả tiếp thu, chỉ đạo giải quyết.",
            "1.2. Trình tự đối thoại",
            "- Công tác tổ chức hội nghị: Đại diện Văn phòng Đảng ủy (*tuyên bố lý do, giới thiệu đại biểu, thành phần tham dự, nội dung chương trình, nội quy của hội nghị đối thoại; giới thiệu chủ trì và cử thư ký ghi biên bản, phân công bộ phận tổng hợp những ý kiến phát biểu, đăng ký nội dung phát biểu của người tham dự hội nghị đối thoại*).",
            "- Đồng chí Bí thư Đảng ủy xã thông báo về mục đích, yêu cầu, chương trình, nội dung của hội nghị đối thoại.",
            "- Trình bày báo cáo trả lời các ý kiến, kiến nghị của Nhân dân đã được thu thập, tổng hợp trước hội nghị.",
            "- Nhân dân phát biểu ý kiến.",
            "- Đồng chí Bí thư Đảng ủy trả lời các ý kiến, kiến nghị, đề xuất của Nhân dân hoặc yêu cầu các cơ quan, đơn vị có liên quan báo cáo, giải trình về những nội dung thuộc thẩm quyền giải quyết.",
            "- Sau khi nghe người chủ trì hoặc đại diện các cơ quan, đơn vị trả lời về những nội dung tại hội nghị, Nhân dân có thể tiếp tục trao đổi, phát biểu ý kiến.",
            "- Đồng chí Bí thư Đảng ủy xã tiếp thu những ý kiến, kiến nghị hợp pháp, chính đáng của Nhân dân; những nội dung đã được giải quyết, những nội dung nêu tại hội nghị chưa được giải quyết; giao trách nhiệm cho các cơ quan chức năng nghiên cứu, đề xuất phương án và thời hạn giải quyết các kiến nghị; chỉ đạo ban hành Thông báo kết luận hội nghị.",
            "2. Thời gian, địa điểm, thành phần",
            "2.1. Thời gian dự kiến: ½ ngày, từ 8h00' ngày 11/6/2026 (Thứ Năm)",
            "2.2. Địa điểm: Tại Hội trường Nhà Văn hoá trung tâm xã Gia Phúc.",
            "2.3. Thành phần tham dự hội nghị:",
            "*Đại biểu thành phố:*",
            "- Đồng chí Ủy viên Ban Thường vụ Thành ủy phụ trách xã; đại diện lãnh đạo các cơ quan tham mưu, giúp việc Thành ủy theo dõi xã; Ủy ban MTTQ Việt Nam thành phố.",
            "*Đại biểu xã:*",
            "- Thường trực Đảng ủy, Ban Thường vụ Đảng ủy; Thường trực HĐND, lãnh đạo UBND xã.",
            "- Ủy viên BCH Đảng bộ xã;",
            "- Lãnh đạo các đơn vị: Văn phòng Đảng ủy, Ban Xây dựng Đảng Đảng ủy, Ủy ban Kiểm tra Đảng ủy, MTTQ và các tổ chức chính trị - xã hội; các phòng chuyên môn của UBND xã.",
            "- Các cơ quan, đơn vị liên quan trên địa bàn xã.",
            "*Đại biểu thôn:*",
            "- Chi ủy chi bộ thôn Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Tràng.",
            "- Ban công tác mặt trận thôn, BCH các chi hội trong thôn, cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân các thôn Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Tràng.",
            "(Số lượng nhân dân đến tham dự đối thoại trực tiếp mời khoảng 100 người).",
            "3. Hình thức đối thoại: Bí thư Đảng ủy - Chủ tịch HĐND xã đối thoại trực tiếp với nhân dân các thôn Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Tràng.",
        ),
        "closing": "Trên đây là kế hoạch tổ chức hội nghị đối thoại trực tiếp của đồng chí Bí thư Đảng ủy - Chủ tịch HĐND xã với nhân dân thôn Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Trảng. Đề nghị UBND xã, Ủy ban Mặt trận tổ quốc xã và các phòng, ban, cơ quan, đơn vị trong xã; chi ủy chi bộ các thôn Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Trảng nghiêm túc triển khai thực hiện Kế hoạch này.",
        "signing_authority": "T/M BAN THƯỜNG VỤ",
        "signer_title": "BÍ THƯ",
        "signer_name": "Đỗ Văn Tiến",
        "recipients": _text(
            "- Thường trực Thành ủy (để báo cáo),",
            "- Ban Tuyên giáo và Dân vận Thành ủy (để báo cáo),",
            "- Ban Thường vụ Đảng ủy xã,",
            "- Thường trực HĐND xã,",
            "- Lãnh đạo UBND xã,",
            "- Ủy ban MTTQ VN xã,",
            "- Các đồng chí ủy viên BCH Đảng bộ xã,",
            "- Trưởng các Phòng, Ban, cơ quan thuộc xã,",
            "- BTCB các thôn Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Trảng,",
            "- Lưu VPĐU.",
        ),
    },
    legal_bases=(
        "Kế hoạch số 54-KH/ĐU ngày 16 tháng 01 năm 2026 của Đảng ủy xã Gia Phúc về việc tổ chức các hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền xã với Nhân dân năm 2026",
    ),
    headings=(
        Heading(
            "Văn phòng Đảng ủy xã Gia Phúc",
            "Văn phòng Đảng ủy xã",
            (
                Duty(
                    "- Là cơ quan chủ trì, tham mưu xây dựng kế hoạch tổ chức hội nghị đối thoại của đồng chí Bí thư Đảng ủy - Chủ tịch HĐND xã với nhân dân."
                ),
                Duty(
                    "- Chuẩn bị địa điểm và các điều kiện cần thiết tổ chức hội nghị đối thoại như: Xây dựng nội dung, chương trình, tài liệu, gửi giấy mời xong **trước ngày 05/6/2026**.",
                    due=date(2026, 6, 5),
                ),
                Duty(
                    "- Phối hợp với MTTQ và các tổ chức chính trị - xã hội xã thu thập ý kiến, kiến nghị của Nhân dân; tham mưu tổng hợp đầy đủ, chính xác các ý kiến, kiến nghị của Nhân dân; phân loại từng nội dung, trên cơ sở đó tham mưu cho đồng chí chủ trì đối thoại phân công cụ thể cho các cơ quan, đơn vị, bộ phận có liên quan chuẩn bị nội dung trao đổi tại hội nghị đối thoại."
                ),
                Duty("- Thực hiện lưu trữ hồ sơ, tài liệu hội nghị đối thoại."),
                Duty(
                    "- Tham mưu ban hành và gửi thông báo kết luận của hội nghị đối thoại đến các cơ quan, tổ chức có thẩm quyền xử lý, giải quyết. Đồng thời gửi thông báo đến tập thể, cá nhân có liên quan; gửi Ban xây dựng Đảng Đảng ủy xã, Mặt trận Tổ quốc Việt Nam xã để theo dõi, giám sát thực hiện và báo cáo cơ quan cấp trên theo quy định."
                ),
            ),
        ),
        Heading(
            "Ban Xây dựng Đảng Đảng ủy xã Gia Phúc",
            "Ban Xây dựng Đảng Đảng ủy",
            (
                Duty("- Phối hợp với các cơ quan, đơn vị giúp cấp ủy hướng dẫn, đôn đốc thực hiện kế hoạch đối thoại."),
                Duty(
                    "- Phối hợp với các cơ quan liên quan tuyên truyền về Kế hoạch đối thoại của đồng chí Bí thư Đảng ủy, Chủ tịch HĐND xã với nhân dân."
                ),
                Duty(
                    "- Tổng hợp, báo cáo số liệu, kết quả tổ chức đối thoại của đồng chí Bí thư Đảng ủy - Chủ tịch HĐND xã với nhân dân về Ban Tuyên giáo và Dân vận Thành ủy."
                ),
            ),
        ),
        Heading(
            "Ủy ban nhân dân xã Gia Phúc",
            "Ủy ban nhân dân xã",
            (
                Duty(
                    "- Chỉ đạo Văn phòng HĐND-UBND xã phối hợp thu thập ý kiến, kiến nghị của Nhân dân; tham mưu tổng hợp đầy đủ, chính xác các ý kiến, kiến nghị của Nhân dân; phân loại từng nội dung, báo cáo tổng hợp ý kiến, kiến nghị của Nhân dân và nội dung chuẩn bị trả lời."
                ),
                Duty(
                    "- Chỉ đạo các phòng, ban, cơ quan đơn vị có trách nhiệm chuẩn bị các văn bản, tài liệu có liên quan trả lời các ý kiến của nhân dân và gửi báo cáo trả lời ý kiến về Văn phòng Đảng ủy trước **03 ngày** làm việc tổ chức Hội nghị đối thoại.",
                    working_days_before=3,
                ),
                Duty(
                    "- Chỉ đạo Trung tâm Dịch vụ sự nghiệp công xã thông báo thời gian, địa điểm, thành phần, nội dung của Hội nghị đối thoại trước 07 ngày làm việc tổ chức Hội nghị.",
                    working_days_before=7,
                ),
            ),
        ),
        Heading(
            "Ủy ban Mặt trận Tổ quốc Việt Nam xã Gia Phúc",
            "Ủy ban Mặt trận Tổ quốc Việt Nam, các tổ chức CT – XH xã",
            (
                Duty(
                    "- Chủ trì phối hợp với các cơ quan liên quan tổ chức lấy ý kiến, kiến nghị của Nhân dân. Thời gian tổ chức lấy ý kiến, kiến nghị của Nhân dân: Hoàn thành xong trước ngày **15/5/2026**.",
                    due=date(2026, 5, 15),
                ),
                Duty(
                    "- Chủ trì phân loại từng nội dung các ý kiến, kiến nghị; trên cơ sở đó tham mưu đồng chí Bí thư Đảng ủy, Chủ tịch HĐND xã phân công cụ thể cho các cơ quan, đơn vị, bộ phận có liên quan chuẩn bị nội dung trao đổi tại hội nghị đối thoại sau đó chuyển về Văn phòng Đảng ủy trước ngày **20/5/2026**.",
                    due=date(2026, 5, 20),
                ),
                Duty(
                    "- Chỉ đạo, hướng dẫn các Ban Công tác Mặt trận các thôn phối hợp với các chi hội đoàn thể lấy ý kiến, kiến nghị của nhân dân. Báo cáo tổng hợp ý kiến, kiến nghị của Nhân dân; dự báo những tình huống có thể xảy ra để báo cáo với cấp ủy, chính quyền trước khi tổ chức hội nghị đối thoại."
                ),
                Duty(
                    "- Phối hợp tham mưu tổ chức hội nghị đối thoại; thực hiện những nội dung kết luận của người chủ trì liên quan đến chức năng, nhiệm vụ của mình."
                ),
            ),
        ),
        Heading(
            # Seven villages share one heading; the duties go to the commune above them.
            "Xã Gia Phúc",
            "Chi uỷ chi bộ, trưởng các thôn Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Tràng",
            (
                Duty(
                    "- Lãnh đạo, chỉ đạo, phối hợp tổ chức thực hiện kế hoạch đối thoại của đồng chí Bí thư Đảng ủy - Chủ tịch HĐND xã với nhân dân thôn Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Tràng."
                ),
                Duty(
                    "- Các đồng chí Bí thư Chi bộ, Trưởng thôn và đồng chí Trưởng Ban công tác Mặt trận các thôn Phong Lâm, Văn Lâm, Trúc Lâm, Nghĩa Hy, Lai Hà, Đại Lương, Long Trảng có trách nhiệm mời thành phần đại biểu và nhân dân trong thôn tới dự Hội nghị đối thoại. Tiến hành phát phiếu đăng ký phát biểu ý kiến cho nhân dân để ghi nội dung cần đối thoại và gửi về Thường trực MTTQ xã **trước ngày 15/5/2026**.",
                    due=date(2026, 5, 15),
                ),
                Duty(
                    "- Chủ động nắm tình hình, dư luận xã hội, dư luận Nhân dân, phản ánh kịp thời các ý kiến, kiến nghị, bức xúc của Nhân dân tới Đảng ủy; lựa chọn nội dung, nhất là những vấn đề bức xúc, nổi cộm của Nhân dân và gửi ý kiến của Nhân dân về Ủy ban MTTQ Việt Nam xã để tổng hợp đưa vào nội dung đối thoại."
                ),
            ),
        ),
        Heading(
            "Công an xã Gia Phúc",
            "Giao Công an xã",
            (
                Duty(
                    "Xây dựng Kế hoạch bảo đảm công tác an ninh, trật tự trước, trong và sau thời gian tổ chức Hội nghị đối thoại."
                ),
            ),
        ),
    ),
)


# --------------------------------------------------------------------------- 004


CONFERENCE_004_DATE = date(2025, 11, 14)

PLAN_004 = SeedPlan(
    issuer="Đảng ủy xã Cao Minh",
    signer="chutri.caominh",
    fields={
        "layout": DocumentLayout.PARTY,
        "issuer_parent_line": "ĐẢNG BỘ TỈNH THÁI NGUYÊN",
        "issuer_line": "ĐẢNG ỦY XÃ CAO MINH",
        "symbol": "KH/ĐU",
        "place": "Cao Minh",
        "year": 2025,
        "draft_month": 10,
        "title": "tổ chức hội nghị tiếp xúc, đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân trên địa bàn xã Cao Minh năm 2025",
        "introduction": "Đảng ủy xã Cao Minh xây dựng kế hoạch tổ chức hội nghị tiếp xúc, đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân trên địa bàn xã Cao Minh năm 2025 cụ thể như sau:",
        "purposes": _text(
            "I. MỤC ĐÍCH YÊU CẦU",
            "1. Mục đích",
            "- Lắng nghe tâm tư, nguyện vọng và ý kiến tham vấn của Nhân dân; đảm bảo quyền làm chủ và phát huy vai trò giám sát của Nhân dân; kiểm tra tính đúng đắn của việc thực hiện các quy định đã ban hành; kịp thời phát hiện những vấn đề vướng mắc, phát sinh để giải quyết, nghiên cứu, đề xuất sửa đổi bổ sung những chủ trương, chính sách, quy định chưa phù hợp.",
            "- Tuyên truyền, phổ biến đường lối, chủ trương của Đảng, chính sách pháp luật của Nhà nước; thông báo một số chủ trương, chính sách của thành phố; những khó khăn trong lãnh đạo, chỉ đạo, quản lý, điều hành tạo sự đồng thuận trong xã hội.",
            "- Góp phần tăng cường và đổi mới phương thức quản lý, điều hành của các cấp chính quyền; củng cố mối quan hệ mật thiết giữa Đảng, Nhà nước với Nhân dân.",
            "- Kịp thời phát huy những ưu điểm và phát hiện những hạn chế, thiếu sót trong việc thực thi công vụ của đội ngũ cán bộ, công chức; nâng cao trình độ năng lực, trách nhiệm của người đứng đầu cơ quan, đơn vị.",
            "2. Yêu cầu",
            "- Việc tổ chức tiếp xúc, đối thoại đảm bảo thiết thực, hiệu quả sát với thực tế tại địa phương; tuân thủ các quy định của Đảng, pháp luật của Nhà nước, bảo đảm sự lãnh đạo của Đảng, sự quản lý, điều hành của chính quyền và phát huy vai trò của Mặt trận tổ quốc, các tổ chức chính trị - xã hội.",
            "- Tiếp xúc, đối thoại trực tiếp được tiến hành công khai, minh bạch, dân chủ, khách quan, thẳng thắn trên tinh thần xây dựng với phương châm “dân biết, dân bàn, dân làm, dân kiểm tra”.",
            "- Các cơ quan, đơn vị khi được giao nhiệm vụ chuẩn bị trả lời ý kiến của Nhân dân cần nêu cao tinh thần trách nhiệm, tập trung nghiên cứu trả lời các ý kiến của Nhân dân gửi đến và tại hội nghị đúng trọng tâm, ngắn gọn, dễ hiểu, đảm bảo theo quy định; xem xét, giải quyết các nội dung liên quan thuộc thẩm quyền, tích cực tham mưu cho cấp ủy, chính quyền chỉ đạo giải quyết kịp thời.",
        ),
        "content": _text(
            "II. NỘI DUNG, HÌNH THỨC, THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM",
            "1. Nội dung tiếp xúc, đối thoại với Nhân dân",
            "- Thông báo tình hình phát triển kinh tế, xã hội; tình hình an ninh chính trị trật tự an toàn xã hội trên địa bàn xã.",
            "- Nghe các ý kiến của Nhân dân phản ánh tâm tư, nguyện vọng, những vấn đề khó khăn, vướng mắc, những vấn đề bức xúc nổi cộm phát sinh trong thực hiện các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước liên quan đến phát triển kinh tế, xã hội; an ninh chính trị, trật tự an toàn xã hội, chương trình dự án…",
            "- Nghe ý kiến Nhân dân phản ánh về phương thức lãnh đạo, chỉ đạo của cấp ủy, hoạt động quản lý điều hành của chính quyền; hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội; về tư tưởng chính trị, đạo đức, lối sống, thái độ phục vụ Nhân dân của cán bộ, đảng viên; những ý kiến bức xúc của Nhân dân cần tập trung giải quyết.",
            "- Trực tiếp chỉ đạo, giải quyết những kiến nghị của Nhân dân trong quá trình tiếp xúc, đối thoại hoặc kiến nghị với cấp trên, với cơ quan có thẩm quyền giải quyết.",
            "2. Hình thức, chế độ tiếp xúc đối thoại",
            "- Hình thức tiếp xúc, đối thoại: Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp với các Bí thư chi bộ, Trưởng thôn, Trưởng ban công tác mặt trận và đại diện một số hộ gia đình, doanh nghiệp, hợp tác xã trên địa bàn.",
            "- Chế độ tiếp xúc, đối thoại: Đồng chí Bí thư Đảng ủy, Chủ tịch HĐND xã, đồng chí Chủ tịch UBND xã chủ trì và trực tiếp tiếp xúc, đối thoại.",
            "3. Thành phần tham dự",
            "- Đại biểu xã: Thường trực Đảng ủy, HĐND xã; Lãnh đạo UBND xã; đại diện lãnh đạo các cơ quan, tham mưu giúp việc Đảng ủy; Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam; Lãnh đạo các cơ quan chuyên môn thuộc UBND xã, Công an, BCH Quân sự xã; Hiệu trưởng các trường học, Trưởng (hoặc phó) trạm Y tế trên địa bàn xã.",
            "- Đại biểu thôn: Bí thư chi bộ, Trưởng thôn, Trưởng ban công tác mặt trận và đại diện một số hộ gia đình, doanh nghiệp, hợp tác xã trên địa bàn.",
            "4. Thời gian và địa điểm",
            "- Thời gian tổ chức: Dự kiến tổ chức vào ngày 14 tháng 11 năm 2025.",
            "- Địa điểm tổ chức: Tại Hội trường UBND xã Cao Minh.",
            "5. Trình tự tiếp xúc, đối thoại",
            "- Văn phòng Đảng ủy thực hiện công tác tổ chức hội nghị, thông qua chương trình của Hội nghị tiếp xúc đối thoại; giới thiệu chủ tọa, thư ký và phân công bộ phận tiếp nhận, tổng hợp ý kiến và đăng ký phát biểu.",
            "- Lãnh đạo UBND xã báo cáo tóm tắt về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng, an ninh 10 tháng đầu năm 2025.",
            "- Chủ trì hội nghị thông báo nội dung, phương pháp tiếp xúc, đối thoại.",
            "- Các đại biểu phát biểu ý kiến theo thứ tự, nội dung đã đăng ký và theo sự điều hành của chủ trì hội nghị.",
            "- Chủ trì hội nghị có thể trả lời trực tiếp hoặc phân công đại diện lãnh đạo các cơ quan, đơn vị trả lời về những ý kiến, kiến nghị của đại biểu nêu ra thuộc thẩm quyền giải quyết.",
            "- Chủ trì, kết luận những nội dung đã đối thoại, những nội dung đã được giải quyết. Đối với những nội dung nêu ra chưa được giải quyết thì chỉ đạo các cơ quan chuyên môn có trách nhiệm giải quyết, trả lời kiến nghị của đại biểu.",
        ),
        "closing": "Trên đây là kế hoạch tổ chức hội nghị tiếp xúc, đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân trên địa bàn xã Cao Minh năm 2025 của Đảng ủy xã Cao Minh.",
        "signing_authority": "T/M BAN THƯỜNG VỤ",
        "signer_title": "BÍ THƯ",
        "signer_name": "Hứa Ngọc Sỹ",
        "recipients": _text(
            "- Thường trực Tỉnh ủy (báo cáo),",
            "- Văn phòng Tỉnh ủy (theo dõi),",
            "- Thường trực Đảng ủy, HĐND xã,",
            "- Lãnh đạo UBND xã,",
            "- Các cơ quan, ban, ngành, đoàn thể xã,",
            "- Các chi, đảng bộ trực thuộc,",
            "- Các thôn trên địa bàn xã,",
            "- Lưu Văn phòng Đảng ủy.",
        ),
    },
    legal_bases=(
        "Quyết định số 357-QĐ/TU, ngày 22/8/2025 của Ban Thường vụ Tỉnh ủy về việc ban hành Quy chế đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền các cấp với Nhân dân trên địa bàn tỉnh Thái Nguyên",
        "Quy chế số 03-QC/ĐU, ngày 04/9/2025 của Đảng ủy xã Cao Minh về đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân trên địa bàn xã",
    ),
    headings=(
        Heading(
            "Ủy ban nhân dân xã Cao Minh",
            "Ủy ban nhân dân xã",
            (
                Duty(
                    "- Chuẩn bị báo cáo về tình hình phát triển kinh tế - xã hội; bảo đảm quốc phòng, an ninh 10 tháng đầu năm 2025 và gửi về Thường trực Đảng ủy (qua Văn phòng Đảng ủy) trước ngày 07/11/2025 để tổng hợp làm tài liệu phục vụ hội nghị.",
                    due=date(2025, 11, 7),
                    done=Done(
                        date(2025, 11, 6),
                        "Đã gửi Báo cáo tình hình kinh tế - xã hội, quốc phòng, an ninh 10 tháng đầu năm 2025.",
                    ),
                ),
                Duty(
                    "- Chỉ đạo Công an xã bố trí lực lượng, phương tiện đảm bảo an ninh cho hội nghị.",
                    done=Done(date(2025, 11, 13), "Công an xã đã bố trí lực lượng bảo đảm an ninh, trật tự hội nghị."),
                ),
            ),
        ),
        Heading(
            "Ủy ban Mặt trận Tổ quốc Việt Nam xã Cao Minh",
            "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã",
            (
                Duty(
                    "- Chủ động nắm bắt tâm tư, nguyện vọng của Nhân dân; những vấn đề mà Nhân dân quan tâm đến phát triển kinh tế - xã hội, hoạt động của cấp ủy, chính quyền, MTTQ và các tổ chức chính trị - xã hội; tổng hợp các ý kiến, kiến nghị, những vấn đề Nhân dân quan tâm gửi về Thường trực Đảng ủy (qua Ban Xây dựng Đảng) trước ngày 07/11/2025.",
                    due=date(2025, 11, 7),
                    done=Done(
                        date(2025, 11, 7), "Đã tổng hợp ý kiến, kiến nghị của Nhân dân các thôn gửi Ban Xây dựng Đảng."
                    ),
                ),
                Duty(
                    "- Tham gia tiếp xúc, đối thoại, phối hợp với các đơn vị liên quan giám sát việc thực hiện những kết luận sau tiếp xúc, đối thoại."
                ),
            ),
        ),
        Heading(
            # Every body attending the conference: the commune as a whole.
            "Xã Cao Minh",
            "Các cơ quan, đơn vị trong thành phần tham dự hội nghị",
            (
                Duty(
                    "Chuẩn bị nội dung; phân công lãnh đạo cơ quan, đơn vị tham dự hội nghị và trả lời, giải quyết những vấn đề có liên quan đến chức năng, nhiệm vụ của cơ quan, đơn vị.",
                    done=Done(date(2025, 11, 13), "Các cơ quan, đơn vị đã đăng ký thành phần dự hội nghị."),
                ),
            ),
        ),
        Heading(
            "Ban Xây dựng Đảng Đảng ủy xã Cao Minh",
            "Giao Ban Xây dựng Đảng",
            (
                Duty(
                    "- Tổng hợp ý kiến, kiến nghị của Mặt trận Tổ quốc, các tổ chức chính trị xã hội và Nhân dân báo cáo Thường trực Đảng ủy, đồng thời gửi UBND xã về những vấn đề liên quan trước ngày 10 tháng 11 năm 2025.",
                    due=date(2025, 11, 10),
                    done=Done(
                        date(2025, 11, 12),
                        "Đã báo cáo Thường trực Đảng ủy và gửi UBND xã bản tổng hợp ý kiến, kiến nghị (chậm do chờ ý kiến bổ sung của các thôn).",
                    ),
                ),
                Duty(
                    "- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan xây dựng dự trù kinh phí tổ chức hội nghị và thực hiện thanh quyết toán chứng từ theo quy định.",
                    done=Done(date(2025, 11, 11), "Đã trình dự trù kinh phí tổ chức hội nghị."),
                ),
            ),
        ),
        Heading(
            "Văn phòng Đảng ủy xã Cao Minh",
            "Giao Văn phòng Đảng ủy",
            (
                Duty(
                    "- Tham mưu Công văn mời các đại biểu dự hội nghị đảm bảo đúng thành phần, số lượng; kết thúc hội nghị tham mưu thông báo kết luận hội nghị tiếp xúc, đối thoại."
                ),
                Duty(
                    "- Chủ trì, phối hợp với Văn phòng HĐND và UBND xã, Ban Xây dựng Đảng chuẩn bị các điều kiện phục vụ hội nghị tiếp xúc, đối thoại.",
                    done=Done(date(2025, 11, 13), "Hội trường, tài liệu, khánh tiết đã sẵn sàng."),
                ),
            ),
        ),
    ),
)


# --------------------------------------------------------------------------- loading


SEED_PLANS = (PLAN_000, PLAN_001, PLAN_002, PLAN_003, PLAN_004)


@transaction.atomic
def plans_demo_load(*, actor) -> dict:
    """Enter the five seed plans; returns how many plans, conferences and tasks were
    created (all 0 on a second run)."""
    counts = {"plans": 0, "conferences": 0, "tasks": 0}
    units = _Units()
    for seed, load_conferences in (
        (PLAN_000, _conferences_000),
        (PLAN_001, _conferences_001),
        (PLAN_002, _conferences_002),
        (PLAN_003, _conferences_003),
        (PLAN_004, _conferences_004),
    ):
        issuer = units[seed.issuer]
        title = normalize_text(seed.fields["title"])
        if Plan.objects.filter(issuing_unit=issuer, title=title).exists():
            continue
        plan = _enter_plan(actor, seed, units, counts)
        load_conferences(actor, plan, units, counts)
        if seed.issued:
            number, issued_on = seed.issued
            services.plan_issue(actor=actor, plan=plan, issued_on=issued_on, number=number)
        _complete_duties(actor, plan, seed)
    return counts


class _Units:
    """The demo units by name, found once (an unknown name is a bug of this module)."""

    ANCHORS: dict[str, Anchor] = {
        "Tỉnh Thái Nguyên": TINH_THAI_NGUYEN,
        "Thành phố Thái Nguyên": TP_THAI_NGUYEN_CU,
        "Thị xã Đức Phổ": TX_DUC_PHO_CU,
        "Tỉnh Bắc Giang": TINH_BAC_GIANG_CU,
        "Thành phố Hải Phòng": TP_HAI_PHONG,
        "Xã Gia Phúc": XA_GIA_PHUC,
        "Xã Cao Minh": XA_CAO_MINH,
    }
    # Bodies are looked up under the area they belong to (names may repeat elsewhere).
    AREAS: dict[str, str] = {
        "Tỉnh ủy Thái Nguyên": "Tỉnh Thái Nguyên",
        "Ban Dân vận Tỉnh ủy Thái Nguyên": "Tỉnh Thái Nguyên",
        "Văn phòng Tỉnh ủy Thái Nguyên": "Tỉnh Thái Nguyên",
        "Ủy ban nhân dân tỉnh Thái Nguyên": "Tỉnh Thái Nguyên",
        "Thành ủy Thái Nguyên": "Thành phố Thái Nguyên",
        "Thị ủy Đức Phổ": "Thị xã Đức Phổ",
        "Ban Dân vận Thị ủy Đức Phổ": "Thị xã Đức Phổ",
        "Ban Tuyên giáo Thị ủy Đức Phổ": "Thị xã Đức Phổ",
        "Ủy ban nhân dân thị xã Đức Phổ": "Thị xã Đức Phổ",
        "Hội Cựu chiến binh thị xã Đức Phổ": "Thị xã Đức Phổ",
        "Ủy ban nhân dân tỉnh Bắc Giang": "Tỉnh Bắc Giang",
        "Thành ủy Hải Phòng": "Thành phố Hải Phòng",
        "Đảng ủy xã Gia Phúc": "Xã Gia Phúc",
        "Văn phòng Đảng ủy xã Gia Phúc": "Xã Gia Phúc",
        "Ban Xây dựng Đảng Đảng ủy xã Gia Phúc": "Xã Gia Phúc",
        "Ủy ban nhân dân xã Gia Phúc": "Xã Gia Phúc",
        "Trung tâm Dịch vụ sự nghiệp công xã Gia Phúc": "Xã Gia Phúc",
        "Công an xã Gia Phúc": "Xã Gia Phúc",
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã Gia Phúc": "Xã Gia Phúc",
        **{f"Thôn {name}": "Xã Gia Phúc" for name in GIA_PHUC_VILLAGES},
        "Đảng ủy xã Cao Minh": "Xã Cao Minh",
        "Văn phòng Đảng ủy xã Cao Minh": "Xã Cao Minh",
        "Ban Xây dựng Đảng Đảng ủy xã Cao Minh": "Xã Cao Minh",
        "Ủy ban nhân dân xã Cao Minh": "Xã Cao Minh",
        "Công an xã Cao Minh": "Xã Cao Minh",
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã Cao Minh": "Xã Cao Minh",
    }

    def __init__(self):
        self._cache: dict[str, Unit] = {}

    def __getitem__(self, name: str) -> Unit:
        if name not in self._cache:
            self._cache[name] = self._find(name)
        return self._cache[name]

    def _find(self, name: str) -> Unit:
        anchor = self.ANCHORS.get(name)
        if anchor is not None:
            status = UnitStatus.DISSOLVED if anchor.dissolved else UnitStatus.ACTIVE
            unit = Unit.objects.filter(kind__code=anchor.kind, code=anchor.code, status=status).first()
        else:
            area = self.AREAS[name]
            unit = Unit.objects.filter(path__startswith=self[area].path, name=name).first()
        if unit is None:
            raise LookupError(MSG_UNIT_MISSING.format(name=name))
        return unit

    def commune_of_duc_pho(self, name: str) -> Unit:
        """Xã Phổ An / Phường Phổ Minh before July 2025, or the town if they are missing."""
        town = self["Thị xã Đức Phổ"]
        return Unit.objects.filter(parent=town, name=name).first() or town


def _enter_plan(actor, seed: SeedPlan, units: _Units, counts: dict) -> Plan:
    signer = User.objects.filter(username=seed.signer).first() if seed.signer else None
    plan = services.plan_create(
        actor=actor,
        issuing_unit=units[seed.issuer],
        legal_bases=seed.legal_bases,
        signer=signer,
        **seed.fields,
    )
    counts["plans"] += 1
    for heading in seed.headings:
        responsibility = services.responsibility_add(
            actor=actor, plan=plan, unit=units[heading.unit], label=heading.label, intro=heading.intro
        )
        for duty in heading.duties:
            due = duty.due
            if duty.working_days_before and seed.conference_date:
                due = add_working_days(seed.conference_date, -duty.working_days_before)
            services.task_add(
                actor=actor, plan=plan, responsibility=responsibility, description=duty.text, due_date=due
            )
            counts["tasks"] += 1
    return plan


def _complete_duties(actor, plan: Plan, seed: SeedPlan) -> None:
    """Report done the duties the seed record marks done (never a date in the future)."""
    today = timezone.localdate()
    for heading_order, heading in enumerate(seed.headings, start=1):
        for duty_order, duty in enumerate(heading.duties, start=1):
            if duty.done is None or duty.done.on > today:
                continue
            task = Task.objects.get(plan=plan, responsibility__order=heading_order, order=duty_order)
            services.task_complete(actor=actor, task=task, note=duty.done.note, done_on=duty.done.on)


def _chair(actor, conference: Conference, *, name: str, position: str, username: str | None = None) -> None:
    person = User.objects.filter(username=username).first() if username else None
    services.chair_add(actor=actor, conference=conference, name=name, position=position, person=person)


def _apply_commune_timeline(actor, conference: Conference, by_kind: dict[str, Unit], counts: dict) -> list[Task]:
    template = TimelineTemplate.objects.get(code=COMMUNE_TIMELINE, unit=None)
    units = {step.pk: by_kind[step.kind] for step in template.steps.all() if step.kind in by_kind}
    tasks = services.timeline_apply(actor=actor, conference=conference, template=template, units=units)
    counts["tasks"] += len(tasks)
    return tasks


def _invite_from_tree(actor, conference: Conference, usernames: tuple[str, ...], delegation=None) -> list:
    people = User.objects.filter(username__in=usernames).order_by("pk")
    return [
        services.participant_add(actor=actor, conference=conference, person=person, delegation=delegation)
        for person in people
    ]


# --- 000: one conference, date not fixed, provincial and central matters only ---------


def _conferences_000(actor, plan: Plan, units: _Units, counts: dict) -> None:
    city = units["Thành phố Thái Nguyên"]
    conference = services.conference_create(
        actor=actor,
        plan=plan,
        host_unit=city,
        title="Hội nghị tiếp xúc, đối thoại trực tiếp của đồng chí Bí thư Tỉnh ủy với cán bộ, Nhân dân thành phố Thái Nguyên năm 2024",
        content="Thông báo khái quát về tình hình kinh tế - xã hội; thu thập ý kiến đóng góp, tham vấn của cán bộ, Nhân dân; nghe ý kiến phản ánh về những khó khăn, vướng mắc, vấn đề bức xúc thuộc phạm vi trách nhiệm, thẩm quyền của cấp tỉnh và những kiến nghị với Trung ương; trực tiếp chỉ đạo, giải quyết những kiến nghị cụ thể của Nhân dân.",
        audience="Cán bộ, Nhân dân thành phố Thái Nguyên: đại diện lãnh đạo các cơ quan, đơn vị của tỉnh và thành phố; lãnh đạo các xã, phường; cán bộ, công chức, viên chức; đoàn viên, hội viên; người dân và đại diện các doanh nghiệp trên địa bàn thành phố",
        venue="Hội trường UBND thành phố Thái Nguyên",
        planned_period="trung tuần tháng 7/2024",
        scope_levels=[Level.CENTRAL.value, Level.PROVINCE.value],
        scope_note="Chỉ ý kiến đề xuất, kiến nghị những nội dung thuộc trách nhiệm, thẩm quyền giải quyết của cấp tỉnh và Trung ương",
    )
    counts["conferences"] += 1
    _chair(actor, conference, name="Đồng chí Bí thư Tỉnh ủy", position="Bí thư Tỉnh ủy Thái Nguyên")
    province = services.delegation_add(
        actor=actor,
        conference=conference,
        name="Đại biểu tỉnh",
        expected_size=30,
        unit=units["Tỉnh Thái Nguyên"],
        note="Đồng chí Bí thư Tỉnh ủy; đại diện lãnh đạo các cơ quan, đơn vị: Đoàn đại biểu Quốc hội tỉnh, Hội đồng nhân dân tỉnh; Ủy ban nhân dân tỉnh; các cơ quan tham mưu, giúp việc Tỉnh ủy; Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội tỉnh và một số sở, ban, ngành liên quan",
    )
    local = services.delegation_add(
        actor=actor,
        conference=conference,
        name="Đại biểu cấp thành phố và cơ sở",
        expected_size=250,
        unit=city,
    )
    services.delegation_add(
        actor=actor,
        conference=conference,
        parent=local,
        name="Lãnh đạo các cơ quan, đơn vị thành phố",
        expected_size=30,
        unit=units["Thành ủy Thái Nguyên"],
        note="Thường trực Thành ủy; Hội đồng nhân dân, Ủy ban nhân dân thành phố; các cơ quan tham mưu, giúp việc Thành ủy; Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội và một số phòng, ban của thành phố Thái Nguyên có liên quan",
    )
    services.delegation_add(
        actor=actor,
        conference=conference,
        parent=local,
        name="Người dân",
        expected_size=200,
        note="Do thành phố Thái Nguyên lựa chọn, cùng lãnh đạo các xã, phường; cán bộ, công chức, viên chức; đoàn viên, hội viên của các tổ chức chính trị - xã hội, hội quần chúng",
    )
    services.delegation_add(
        actor=actor,
        conference=conference,
        parent=local,
        name="Đại diện doanh nghiệp",
        expected_size=20,
        note="Đại diện các doanh nghiệp trên địa bàn thành phố",
    )
    _invite_from_tree(actor, conference, ("phamhoangson", "danvan.tu", "vanphong.tu"), delegation=province)


# --- 001: four themed quarterly conferences ------------------------------------------


def _conferences_001(actor, plan: Plan, units: _Units, counts: dict) -> None:
    town = units["Thị xã Đức Phổ"]
    pho_an = units.commune_of_duc_pho("Xã Phổ An")
    pho_minh = units.commune_of_duc_pho("Phường Phổ Minh")
    quarters = (
        (
            "Đối thoại để nắm bắt tâm tư, nguyện vọng của cán bộ, hội viên Hội Cựu chiến binh đối với việc tham gia phát triển kinh tế, văn hoá - xã hội, quốc phòng, an ninh và thực hiện phong trào thi đua “Cựu chiến binh gương mẫu” trên địa bàn thị xã",
            "Cán bộ, hội viên tiêu biểu Hội Cựu chiến binh trên địa bàn thị xã",
            "Tháng 3/2023",
            "Hội trường Ủy ban nhân dân thị xã",
            town,
        ),
        (
            "Đổi thoại trực tiếp giữa Bí thư Thị ủy với công dân xã Phổ An về việc quản lý Nhà nước trên lĩnh vực đất đai, tài nguyên, khoáng sản",
            "Công dân xã Phổ An",
            "Tháng 5/2023",
            "Nhà văn hóa xã Phổ An",
            pho_an,
        ),
        (
            "Đổi thoại để nắm bắt những vấn đề cấp ủy các chi bộ trực thuộc đảng bộ cơ sở quan tâm trong việc tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn hiện nay",
            "Cấp ủy các chi bộ trực thuộc đảng bộ cơ sở",
            "Tháng 7/2023",
            "Hội trường Ủy ban nhân dân thị xã",
            town,
        ),
        (
            "Đổi thoại để nắm bắt những vấn đề người dân quan tâm trong việc phát triển nông nghiệp, thương mại, dịch vụ trên địa bàn phường Phổ Minh",
            "Công dân phường Phổ Minh",
            "Tháng 10/2023",
            "Hội trường UBND phường Phổ Minh",
            pho_minh,
        ),
    )
    for title, audience, period, venue, host in quarters:
        conference = services.conference_create(
            actor=actor,
            plan=plan,
            host_unit=host,
            title=title,
            audience=audience,
            planned_period=period,
            venue=venue,
            served_units=[host] if host != town else [],
        )
        counts["conferences"] += 1
        _chair(actor, conference, name="Nguyễn Kiên", position="Bí thư Thị ủy Đức Phổ")


# --- 002: a monthly programme and four occasional conferences ------------------------

CHAIR_002 = {"name": "Phan Thế Tuấn", "position": "Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Bắc Giang"}
VOTERS_002 = (
    "Đại diện cử tri, nhân dân tại địa bàn các xã, phường, thị trấn; đại diện các sở, ngành, địa phương có liên quan"
)


def _conferences_002(actor, plan: Plan, units: _Units, counts: dict) -> None:
    programme = services.programme_create(
        actor=actor,
        plan=plan,
        title="Đối thoại kết hợp tiếp công dân định kỳ",
        frequency=ProgrammeFrequency.MONTHLY,
        day_of_month=15,
        start_date=date(2024, 1, 1),
        end_date=date(2024, 12, 31),
        content="Đối thoại, lắng nghe, tiếp thu, giải quyết các ý kiến, kiến nghị của người dân, doanh nghiệp theo các chuyên đề tiếp công dân định kỳ hằng tháng.",
        audience="Các công dân trên địa bàn tỉnh; đại diện các sở, ngành, địa phương có liên quan",
    )
    conferences = services.programme_generate(actor=actor, programme=programme)
    voters_content = "Báo cáo kết quả giải quyết các kiến nghị của cử tri, người dân, doanh nghiệp; báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng, an ninh của địa phương; tổng hợp kiến nghị, nguyện vọng của cử tri, người dân, doanh nghiệp; kiến nghị của cử tri, người dân, doanh nghiệp với cấp có thẩm quyền."
    occasional = [
        {
            "title": f"Đối thoại kết hợp với tiếp xúc cử tri của đại biểu HĐND tỉnh ({period})",
            "content": voters_content,
            "audience": VOTERS_002,
            "planned_period": period,
        }
        for period in ("Tháng 6/2024", "Tháng 11/2024")
    ]
    occasional += [
        {
            "title": "Đối thoại với cộng đồng doanh nghiệp tỉnh Bắc Giang về giải quyết những khó khăn, vướng mắc trong hoạt động sản xuất, kinh doanh",
            "content": "Thảo luận, đánh giá những kết quả đạt được, khó khăn vướng mắc trong hoạt động sản xuất, kinh doanh của các doanh nghiệp trên địa bàn tỉnh và đề xuất giải pháp giải quyết, tháo gỡ nhằm thúc đẩy phát triển kinh tế - xã hội của tỉnh Bắc Giang năm 2024 và trong thời gian tới.",
            "audience": "Đại diện các doanh nghiệp; Hiệp hội doanh nghiệp tỉnh; đại diện các cơ quan, đơn vị có liên quan",
            "planned_period": "Năm 2024, thời gian quyết định sau",
        },
        {
            "title": "Đối thoại với các hợp tác xã về tiếp tục đẩy mạnh phát triển kinh tế tập thể, hợp tác xã trên địa bàn tỉnh",
            "content": "Thảo luận, đánh giá những kết quả đạt được, khó khăn vướng mắc trong quá trình phát triển kinh tế tập thể, hợp tác xã trên địa bàn tỉnh năm 2024 và đề xuất giải pháp giải quyết, tháo gỡ nhằm tiếp tục đẩy mạnh phát triển kinh tế tập thể, hợp tác xã trên địa bàn tỉnh trong thời gian tới.",
            "audience": "Đại diện các hợp tác xã trên địa bàn tỉnh; đại diện các cơ quan, đơn vị, địa phương có liên quan",
            "planned_period": "Quý IV/2024",
        },
    ]
    for fields in occasional:
        conferences.append(services.conference_create(actor=actor, plan=plan, **fields))
    counts["conferences"] += len(conferences)
    for conference in conferences:
        _chair(actor, conference, username="phanthetuan", **CHAIR_002)


# --- 003: one commune conference with the commune timeline ---------------------------


def _conferences_003(actor, plan: Plan, units: _Units, counts: dict) -> None:
    commune = units["Xã Gia Phúc"]
    villages = [units[f"Thôn {name}"] for name in GIA_PHUC_VILLAGES]
    village_list = ", ".join(GIA_PHUC_VILLAGES)
    conference = services.conference_create(
        actor=actor,
        plan=plan,
        host_unit=commune,
        title=f"Hội nghị đối thoại của đồng chí Bí thư Đảng ủy - Chủ tịch HĐND xã với Nhân dân các thôn {village_list} năm 2026",
        content="Thông báo tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh, công tác xây dựng Đảng, chính quyền và những vấn đề quan trọng của địa phương quý I năm 2026, nhiệm vụ trọng tâm quý II năm 2026; lắng nghe ý kiến phản ánh, góp ý của Nhân dân; trực tiếp chỉ đạo giải quyết vướng mắc, kiến nghị của Nhân dân những nội dung thuộc thẩm quyền.",
        audience=f"Cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân các thôn {village_list} (mời khoảng 100 người)",
        venue="Hội trường Nhà Văn hoá trung tâm xã Gia Phúc",
        date=CONFERENCE_003_DATE,
        # “½ ngày, từ 8h00'”: a morning session.
        start_time=time(8, 0),
        end_time=time(11, 30),
        served_units=villages,
    )
    counts["conferences"] += 1
    _chair(
        actor,
        conference,
        name="Đỗ Văn Tiến",
        position="Bí thư Đảng ủy - Chủ tịch HĐND xã Gia Phúc",
        username="chutri.giaphuc",
    )
    services.delegation_add(
        actor=actor,
        conference=conference,
        name="Đại biểu thành phố",
        unit=units["Thành ủy Hải Phòng"],
        note="Đồng chí Ủy viên Ban Thường vụ Thành ủy phụ trách xã; đại diện lãnh đạo các cơ quan tham mưu, giúp việc Thành ủy theo dõi xã; Ủy ban MTTQ Việt Nam thành phố",
    )
    commune_delegation = services.delegation_add(
        actor=actor,
        conference=conference,
        name="Đại biểu xã",
        unit=commune,
        note="Thường trực Đảng ủy, Ban Thường vụ Đảng ủy; Thường trực HĐND, lãnh đạo UBND xã; Ủy viên BCH Đảng bộ xã; lãnh đạo các đơn vị: Văn phòng Đảng ủy, Ban Xây dựng Đảng Đảng ủy, Ủy ban Kiểm tra Đảng ủy, MTTQ và các tổ chức chính trị - xã hội; các phòng chuyên môn của UBND xã; các cơ quan, đơn vị liên quan trên địa bàn xã",
    )
    village_delegation = services.delegation_add(
        actor=actor,
        conference=conference,
        name="Đại biểu thôn",
        note=f"Chi ủy chi bộ thôn {village_list}; Ban công tác mặt trận thôn, BCH các chi hội trong thôn, cán bộ, đảng viên, đoàn viên, hội viên",
    )
    services.delegation_add(
        actor=actor,
        conference=conference,
        parent=village_delegation,
        name="Nhân dân",
        expected_size=100,
        note=f"Nhân dân các thôn {village_list}",
    )
    _apply_commune_timeline(
        actor,
        conference,
        {
            StepKind.COLLECT: units["Ủy ban Mặt trận Tổ quốc Việt Nam xã Gia Phúc"],
            StepKind.CLASSIFY: units["Ủy ban Mặt trận Tổ quốc Việt Nam xã Gia Phúc"],
            StepKind.INVITE: units["Văn phòng Đảng ủy xã Gia Phúc"],
            StepKind.CONCLUSION: units["Văn phòng Đảng ủy xã Gia Phúc"],
            StepKind.ANNOUNCE: units["Trung tâm Dịch vụ sự nghiệp công xã Gia Phúc"],
            StepKind.ANSWER: units["Ủy ban nhân dân xã Gia Phúc"],
            StepKind.SECURITY: units["Công an xã Gia Phúc"],
        },
        counts,
    )
    services.agenda_prefill(actor=actor, conference=conference)
    _invite_from_tree(
        actor, conference, ("vanphong.giaphuc", "mttq.giaphuc", "giamsat.giaphuc"), delegation=commune_delegation
    )


# --- 004: one commune conference with two chairs -------------------------------------

# Timeline steps reported done at the 004 conference: kind -> (working days after the
# due date, note). The conclusion notice is left open: it shows as late.
DONE_004_STEPS = {
    StepKind.COLLECT: (0, "Các thôn đã gửi phiếu đăng ký phát biểu và ý kiến của Nhân dân về Ủy ban MTTQ xã."),
    StepKind.CLASSIFY: (0, "Đã phân loại ý kiến theo lĩnh vực và đề xuất cơ quan chuẩn bị trả lời."),
    StepKind.ANNOUNCE: (0, "Đã thông báo trên đài truyền thanh xã và bảng tin các thôn."),
    StepKind.INVITE: (0, "Đã phát hành giấy mời đại biểu."),
    StepKind.ANSWER: (1, "Các cơ quan đã gửi báo cáo trả lời; Phòng Kinh tế gửi chậm 01 ngày."),
    StepKind.SECURITY: (0, "Đã ban hành kế hoạch bảo đảm an ninh, trật tự hội nghị."),
}


def _conferences_004(actor, plan: Plan, units: _Units, counts: dict) -> None:
    commune = units["Xã Cao Minh"]
    conference = services.conference_create(
        actor=actor,
        plan=plan,
        host_unit=commune,
        title="Hội nghị tiếp xúc, đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân trên địa bàn xã Cao Minh năm 2025",
        content="Thông báo tình hình phát triển kinh tế, xã hội; tình hình an ninh chính trị trật tự an toàn xã hội trên địa bàn xã; nghe ý kiến của Nhân dân phản ánh tâm tư, nguyện vọng, những vấn đề khó khăn, vướng mắc, bức xúc; trực tiếp chỉ đạo, giải quyết những kiến nghị của Nhân dân.",
        audience="Bí thư chi bộ, Trưởng thôn, Trưởng ban công tác mặt trận và đại diện một số hộ gia đình, doanh nghiệp, hợp tác xã trên địa bàn",
        venue="Hội trường UBND xã Cao Minh",
        date=CONFERENCE_004_DATE,
    )
    counts["conferences"] += 1
    _chair(
        actor,
        conference,
        name="Hứa Ngọc Sỹ",
        position="Bí thư Đảng ủy, Chủ tịch HĐND xã Cao Minh",
        username="chutri.caominh",
    )
    # The seed does not name the chairman of the commune's People's Committee.
    _chair(actor, conference, name="Đồng chí Chủ tịch UBND xã", position="Chủ tịch UBND xã Cao Minh")
    commune_delegation = services.delegation_add(
        actor=actor,
        conference=conference,
        name="Đại biểu xã",
        unit=commune,
        note="Thường trực Đảng ủy, HĐND xã; Lãnh đạo UBND xã; đại diện lãnh đạo các cơ quan, tham mưu giúp việc Đảng ủy; Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam; Lãnh đạo các cơ quan chuyên môn thuộc UBND xã, Công an, BCH Quân sự xã; Hiệu trưởng các trường học, Trưởng (hoặc phó) trạm Y tế trên địa bàn xã",
    )
    services.delegation_add(
        actor=actor,
        conference=conference,
        name="Đại biểu thôn",
        note="Bí thư chi bộ, Trưởng thôn, Trưởng ban công tác mặt trận và đại diện một số hộ gia đình, doanh nghiệp, hợp tác xã trên địa bàn",
    )
    tasks = _apply_commune_timeline(
        actor,
        conference,
        {
            StepKind.COLLECT: units["Ủy ban Mặt trận Tổ quốc Việt Nam xã Cao Minh"],
            # Seed 004 gives the synthesis to the Ban Xây dựng Đảng.
            StepKind.CLASSIFY: units["Ban Xây dựng Đảng Đảng ủy xã Cao Minh"],
            StepKind.INVITE: units["Văn phòng Đảng ủy xã Cao Minh"],
            StepKind.CONCLUSION: units["Văn phòng Đảng ủy xã Cao Minh"],
            # No public-service centre in the demo: the People's Committee announces.
            StepKind.ANNOUNCE: units["Ủy ban nhân dân xã Cao Minh"],
            StepKind.ANSWER: units["Ủy ban nhân dân xã Cao Minh"],
            StepKind.SECURITY: units["Công an xã Cao Minh"],
        },
        counts,
    )
    services.agenda_prefill(actor=actor, conference=conference)

    # Participants: people of the organisation tree, and three typed by hand (the plan
    # lists these posts; the names are invented for the demo, like the demo accounts').
    invited = _invite_from_tree(actor, conference, ("vanphong.tu", "danvan.tu"))
    for full_name, position, organisation in (
        ("Nông Văn Hải", "Trưởng Công an xã", "Công an xã Cao Minh"),
        ("Lưu Đức Thắng", "Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "Ban Chỉ huy Quân sự xã Cao Minh"),
        ("Hoàng Thị Mai", "Trưởng Trạm Y tế xã", "Trạm Y tế xã Cao Minh"),
    ):
        invited.append(
            services.participant_add(
                actor=actor,
                conference=conference,
                full_name=full_name,
                position=position,
                organisation=organisation,
                delegation=commune_delegation,
            )
        )
    services.invitations_mark_sent(actor=actor, conference=conference)
    for participant in invited[:3]:
        services.participant_set_invitation(actor=actor, participant=participant, status="confirmed")

    today = timezone.localdate()
    for task in tasks:
        if task.step is None or task.step.kind not in DONE_004_STEPS or task.due_date is None:
            continue
        late_by, note = DONE_004_STEPS[task.step.kind]
        done_on = add_working_days(task.due_date, late_by)
        if done_on <= today:
            services.task_complete(actor=actor, task=task, note=note, done_on=done_on)
