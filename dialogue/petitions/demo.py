# ruff: noqa: E501
# (Petition texts are kept one per line, as a clerk would type them.)
"""Demo petitions: about three hundred opinions and petitions raised at the 23
conferences of the five seed plans, with their triage, groups, answers and reviews.

`petitions_demo_load(actor=...)` runs after `dialogue.plans.demo.plans_demo_load()` and
goes only through the services of `dialogue.petitions.services`, with the demo's
national administrator as actor (answers are submitted by the lead agency's demo account
when there is one, e.g. coquan.nnmt for the Sở Nông nghiệp và Môi trường):

- 000 Tỉnh ủy Thái Nguyên, mid-July 2024: province-level and central matters of the city
  of Thái Nguyên; a few commune-level ones are forwarded to the wards they concern;
- 001 Thị ủy Đức Phổ, 2023: veterans (Q1), land and minerals in Phổ An (Q2), Party cells
  (Q3), agriculture and trade in Phổ Minh (Q4); the sand mining on the Trà Câu river and
  a field road of Phổ Minh come back from one quarter to the next;
- 002 UBND tỉnh Bắc Giang, 2024: monthly receptions (land disputes that return month
  after month), two voters' meetings, businesses and cooperatives;
- 003 Đảng ủy xã Gia Phúc, 11/06/2026: the seven villages (roads, irrigation, land
  certificates, a brick kiln, schools, health insurance, street lights...); a mix of
  states, a few petitions still to classify;
- 004 Đảng ủy xã Cao Minh, 14/11/2025: roads and landslides after storm No. 11, forest
  land, schools.

The texts are written for the demo (names, phones and addresses invented). Petitions
raised by several people are merged into one group with a summary; a matter raised at
an earlier conference of the same area is flagged by `petition_receive` (repeat_of) and
its group counts the times it was raised.

Idempotent: every petition carries `submission_key = uuid5(NAMESPACE, stable id)`, so a
second run finds it; groups, answers and acknowledgments are taken up from the state
they are in. Deterministic: the petitioners, channels and dates come from a random
generator seeded with the conference's key.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy

from dialogue.organisation.demo import DEMO_ACCOUNTS
from dialogue.organisation.models import Unit, User
from dialogue.organisation.roles import Role
from dialogue.petitions import services
from dialogue.petitions.models import (
    AckKind,
    AnswerMode,
    AnswerStatus,
    Channel,
    Field,
    GroupStatus,
    Petition,
    PetitionerKind,
    PetitionGroup,
    PetitionStatus,
)
from dialogue.plans.models import Conference, StepKind, TaskStatus
from dialogue.plans.services import administrative_area
from dialogue.workcalendar.selectors import get_calendar

NAMESPACE = uuid.UUID("3b0f6a52-8d1e-5c47-9a36-0d2b7e51c4f8")

# Lazy: worded in the language active when raised (Vietnamese under load_demo).
MSG_CONFERENCE_MISSING = gettext_lazy("The demo conference “{what}” was not found; run plans_demo_load() first.")
MSG_UNIT_MISSING = gettext_lazy("The demo unit “{name}” was not found; run demo_load() first.")

# What becomes of a matter (its petitions, then its group).
NEW = "new"  # received, not yet classified
TRIAGED = "triaged"  # classified, not yet merged into a group
OPEN = "open"  # a group, no agency assigned yet
LATE = "late"  # assigned; no answer, the deadline has passed
SUBMITTED = "submitted"  # answer waiting for review
RETURNED = "returned"  # answer returned for revision (still so)
APPROVED = "approved"  # answer approved
REVISED = "revised"  # returned once, answered again and approved

_ASSIGNED = {LATE, SUBMITTED, RETURNED, APPROVED, REVISED}
_ANSWERED = {SUBMITTED, RETURNED, APPROVED, REVISED}

C = Channel


@dataclass(frozen=True)
class Say:
    """One petitioner's words, with what is known of the way they came in."""

    text: str
    channel: str = ""
    org: str = ""  # agency, unit, village or Party cell raising it
    place: str = ""  # the petitioner's address
    who: str = ""  # a fixed petitioner (one who comes back)
    phone: str = ""


def S(text: str, channel: str = "", org: str = "", place: str = "", who: str = "", phone: str = "") -> Say:
    return Say(text, channel, org, place, who, phone)


@dataclass(frozen=True)
class Matter:
    """One matter, raised by one petitioner or by several in their own words."""

    key: str
    field: str
    level: str
    lead: str  # the lead agency (by name); "" when it is not assigned
    texts: tuple
    summary: str = ""
    answer: str = ""
    outcome: str = APPROVED
    support: tuple[str, ...] = ()
    draft: str = ""  # the first answer, returned
    comment: str = ""  # why it was returned
    contribution: str = ""  # the first supporting agency's contribution
    live: bool = False  # answered live at the conference
    places: tuple[str, ...] = ()
    forward_to: str = ""  # a commune-level unit outside the conference's scope


def M(key, field, level, lead, *texts, **options) -> Matter:
    return Matter(key, field, level, lead, tuple(texts), **options)


@dataclass(frozen=True)
class Batch:
    """The petitions of one conference."""

    key: str
    issuer: str  # the plan's issuing unit
    conference: str  # its date (ISO), its planned period, or "" when the plan has one
    receiving: str  # the unit receiving and synthesising the petitions
    day: date  # the conference's date, or a plausible day of its planned period
    opens: date  # collection of petitions before the conference
    closes: date
    places: tuple[str, ...]
    orgs: dict = field(default_factory=dict)  # channel -> organisations raising petitions
    channels: tuple[tuple[str, int], ...] = ()  # default channels with weights
    matters: tuple[Matter, ...] = ()
    names: str = "kinh"  # name pool: "kinh", "mien_trung" or "tay"
    answer_due: date | None = None  # the plan's deadline for written answers, if it gives one
    answers_after: bool = False  # a reception: matters are answered after the day


# --------------------------------------------------------------------------- people

SURNAMES = {
    "kinh": ("Nguyễn",) * 8
    + ("Trần",) * 4
    + ("Lê",) * 3
    + ("Phạm",) * 3
    + ("Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Lý", "Đinh", "Trịnh"),
    "mien_trung": ("Nguyễn",) * 6
    + ("Trần",) * 3
    + ("Lê",) * 3
    + ("Phạm", "Huỳnh", "Huỳnh", "Võ", "Võ", "Đặng", "Bùi", "Đỗ", "Phan", "Trương"),
    "tay": ("Hoàng", "Hoàng", "Nông", "Nông", "Ma", "Lưu", "Triệu", "Đàm", "Hà", "Lục", "Bế", "La", "Nguyễn", "Lý"),
}
MIDDLE = {
    "m": ("Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Ngọc", "Công"),
    "f": ("Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Kim", "Hồng"),
}
GIVEN = {
    "m": (
        "Hùng",
        "Dũng",
        "Tuấn",
        "Hải",
        "Long",
        "Nam",
        "Thắng",
        "Bình",
        "Cường",
        "Hòa",
        "Sơn",
        "Thành",
        "Tùng",
        "Quân",
        "Khánh",
        "Phúc",
        "Lâm",
        "Toàn",
        "Hiếu",
        "Trung",
        "Đông",
        "Thịnh",
        "Tiến",
        "Huy",
    ),
    "f": (
        "Lan",
        "Hương",
        "Hà",
        "Mai",
        "Hoa",
        "Thảo",
        "Hằng",
        "Huyền",
        "Nga",
        "Linh",
        "Yến",
        "Dung",
        "Loan",
        "Thủy",
        "Nhung",
        "Oanh",
        "Tuyết",
        "Vân",
        "Hạnh",
        "Liên",
    ),
}
MOBILE_PREFIXES = (
    "096",
    "097",
    "098",
    "086",
    "091",
    "094",
    "088",
    "090",
    "093",
    "089",
    "070",
    "079",
    "077",
    "083",
    "084",
    "085",
    "081",
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "056",
    "058",
)
# The 11-digit numbers some people still write (converted in 2018): 0168 -> 038...
OLD_PREFIXES = ("0162", "0163", "0164", "0165", "0166", "0167", "0168", "0169", "0123", "0124", "0125")


def _person(rng: random.Random, pool: str) -> str:
    sex = rng.choice("mf")
    return f"{rng.choice(SURNAMES[pool])} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"


def _phone(rng: random.Random) -> str:
    """A valid Vietnamese mobile, written the ways people write them; a quarter blank."""
    roll = rng.random()
    if roll < 0.25:
        return ""
    digits = rng.choice(MOBILE_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    if roll < 0.55:
        return digits
    if roll < 0.7:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if roll < 0.8:
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
    if roll < 0.88:
        return f"+84 {digits[1:4]} {digits[4:7]} {digits[7:]}"
    if roll < 0.94:
        return f"ĐT: {digits}"
    return rng.choice(OLD_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(7))


def _position(org: str) -> str:
    for start, position in (
        ("Chi bộ", "Bí thư chi bộ"),
        ("Đảng ủy", "Phó Bí thư Đảng ủy"),
        ("Ban Công tác Mặt trận", "Trưởng ban Công tác Mặt trận"),
        ("Ủy ban MTTQ", "Phó Chủ tịch Ủy ban MTTQ"),
        ("Hội", "Chủ tịch Hội"),
        ("Công ty", "Giám đốc"),
        ("Hợp tác xã", "Giám đốc"),
        ("Hiệp hội", "Phó Chủ tịch Hiệp hội"),
        ("Thôn", "Trưởng thôn"),
        ("Tổ dân phố", "Tổ trưởng tổ dân phố"),
        ("Trường", "Hiệu trưởng"),
    ):
        if org.startswith(start):
            return position
    return "Chuyên viên"


def strip_diacritics(text: str) -> str:
    """As typed on a phone without a Vietnamese keyboard."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# --------------------------------------------------------------------------- 000

NNMT_TN = "Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên"
XAYDUNG_TN = "Sở Xây dựng tỉnh Thái Nguyên"
TAICHINH_TN = "Sở Tài chính tỉnh Thái Nguyên"
YTE_TN = "Sở Y tế tỉnh Thái Nguyên"
GDDT_TN = "Sở Giáo dục và Đào tạo tỉnh Thái Nguyên"
CONGAN_TN = "Công an tỉnh Thái Nguyên"
UBND_TN = "Ủy ban nhân dân tỉnh Thái Nguyên"
UBND_TP_TN = "Ủy ban nhân dân thành phố Thái Nguyên"
BTC_TU_TN = "Ban Tổ chức Tỉnh ủy Thái Nguyên"
UBKT_TU_TN = "Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên"
HND_TN = "Hội Nông dân tỉnh Thái Nguyên"
CCB_TN = "Hội Cựu chiến binh tỉnh Thái Nguyên"

MATTERS_000 = (
    M(
        "duong-lien-ket-boi-thuong",
        "giai_phong_mat_bang",
        "tinh",
        NNMT_TN,
        S(
            "Đề nghị tỉnh xem xét lại đơn giá bồi thường đất nông nghiệp khi thu hồi làm dự án Đường liên kết, kết nối các tỉnh Bắc Kạn - Thái Nguyên - Vĩnh Phúc qua xã Phúc Trìu. Giá bồi thường đất trồng chè chỉ bằng khoảng một phần ba giá chuyển nhượng thực tế, người dân không mua lại được đất để sản xuất.",
            C.PAPER_CITIZEN,
            place="xóm Đồng Kiệm, xã Phúc Trìu, TP Thái Nguyên",
        ),
        S(
            "Gia đình tôi bị thu hồi gần 1.200 m2 đất chè để làm đường liên kết Bắc Kạn - Thái Nguyên - Vĩnh Phúc. Mức bồi thường quá thấp so với giá thị trường, hỗ trợ chuyển đổi nghề chưa thỏa đáng. Đề nghị tỉnh điều chỉnh giá đất cụ thể để tính bồi thường cho sát thực tế.",
            C.PAPER_CITIZEN,
            place="xóm Nhà Thờ, xã Phúc Trìu, TP Thái Nguyên",
        ),
        S(
            "de nghi tinh xem lai gia den bu dat che lam duong lien ket qua xa Tan Cuong, gia thap qua dan khong dong y nhan tien",
            C.ONLINE,
            place="xa Tan Cuong, TP Thai Nguyen",
        ),
        S(
            "Nhiều hộ dân xã Phúc Trìu, xã Tân Cương chưa đồng thuận với phương án bồi thường, hỗ trợ của dự án Đường liên kết vùng do giá đất cụ thể thấp; đề nghị tỉnh chỉ đạo rà soát, điều chỉnh để đẩy nhanh tiến độ giải phóng mặt bằng.",
            C.MTTQ,
            org="Ủy ban MTTQ Việt Nam thành phố Thái Nguyên",
        ),
        summary="Cử tri các xã Phúc Trìu, Tân Cương đề nghị tỉnh xem xét điều chỉnh giá đất cụ thể tính bồi thường đất nông nghiệp (đất trồng chè) bị thu hồi cho dự án Đường liên kết, kết nối các tỉnh Bắc Kạn - Thái Nguyên - Vĩnh Phúc cho sát giá thị trường; nâng mức hỗ trợ chuyển đổi nghề.",
        answer="Giá đất cụ thể tính bồi thường của dự án được UBND tỉnh phê duyệt trên cơ sở kết quả tư vấn định giá độc lập. Sở đã chủ trì cùng UBND thành phố rà soát lại các thửa đất trồng chè tại xã Phúc Trìu, Tân Cương; các vị trí giáp đường hiện có sẽ được xác định lại giá đất cụ thể, trình UBND tỉnh trong tháng 8/2024. Các hộ được hỗ trợ đào tạo, chuyển đổi nghề bằng 03 lần giá đất nông nghiệp cùng loại theo quy định của tỉnh.",
        support=(UBND_TP_TN, TAICHINH_TN),
        contribution="Sở Tài chính thống nhất phương án xác định lại giá đất cụ thể tại các vị trí giáp đường hiện có; kinh phí bồi thường bổ sung bố trí từ vốn của dự án.",
    ),
    M(
        "bang-gia-dat-chuyen-muc-dich",
        "dat_dai",
        "tinh",
        NNMT_TN,
        S(
            "Đề nghị tỉnh sớm ban hành bảng giá đất mới theo Luật Đất đai năm 2024, đồng thời hướng dẫn cụ thể việc tính tiền sử dụng đất khi chuyển mục đích từ đất vườn sang đất ở, vì nhiều hộ nộp hồ sơ từ đầu năm vẫn chưa được giải quyết.",
            C.PAPER_CITIZEN,
            place="tổ 15, phường Tân Thịnh, TP Thái Nguyên",
        ),
        S(
            "Hồ sơ chuyển mục đích sử dụng đất vườn liền kề sang đất ở của gia đình tôi nộp từ tháng 01/2024 đến nay chưa có thông báo nộp tiền, cán bộ trả lời phải chờ giá đất mới. Đề nghị tỉnh chỉ đạo giải quyết, không để người dân chờ đợi quá lâu.",
            C.PAPER_CITIZEN,
            place="tổ 6, phường Thịnh Đán, TP Thái Nguyên",
        ),
        summary="Đề nghị tỉnh sớm điều chỉnh bảng giá đất theo Luật Đất đai năm 2024 và hướng dẫn tính tiền sử dụng đất khi chuyển mục đích đất vườn sang đất ở; giải quyết các hồ sơ tồn đọng từ đầu năm 2024.",
        answer="Luật Đất đai năm 2024 có hiệu lực từ ngày 01/8/2024; Sở đang tham mưu UBND tỉnh điều chỉnh Bảng giá đất giai đoạn 2020-2024 để áp dụng đến hết ngày 31/12/2025 theo quy định chuyển tiếp. Các hồ sơ chuyển mục đích nộp trước ngày 01/8/2024 tiếp tục được giải quyết theo bảng giá hiện hành; Văn phòng Đăng ký đất đai tỉnh đã được yêu cầu rà soát, gửi thông báo nộp tiền cho các hộ trong tháng 7/2024.",
    ),
    M(
        "bui-gang-thep-cam-gia",
        "moi_truong",
        "tinh",
        NNMT_TN,
        S(
            "Khói bụi từ khu vực sản xuất của Công ty Cổ phần Gang thép Thái Nguyên vẫn bay sang khu dân cư phường Cam Giá, nhất là ban đêm. Đề nghị tỉnh kiểm tra, quan trắc và yêu cầu doanh nghiệp có biện pháp xử lý triệt để.",
            C.PAPER_CITIZEN,
            place="tổ 4, phường Cam Giá, TP Thái Nguyên",
        ),
        S(
            "Nhân dân tổ 4, tổ 5 phường Cam Giá phản ánh bụi và tiếng ồn của nhà máy luyện thép ảnh hưởng sức khỏe, nhà cửa lúc nào cũng bám một lớp bụi đen. Đề nghị các cơ quan chức năng của tỉnh vào cuộc.",
            C.MTTQ,
            org="Ủy ban MTTQ phường Cam Giá",
        ),
        S(
            "o nhiem bui khu gang thep Cam Gia keo dai nhieu nam, de nghi tinh cong khai ket qua quan trac moi truong cho nguoi dan biet",
            C.ONLINE,
            place="phuong Cam Gia",
        ),
        summary="Cử tri phường Cam Giá phản ánh khói bụi, tiếng ồn từ khu sản xuất của Công ty Cổ phần Gang thép Thái Nguyên ảnh hưởng khu dân cư; đề nghị tỉnh kiểm tra, quan trắc, công khai kết quả và yêu cầu doanh nghiệp xử lý triệt để.",
        answer="Sở đã phối hợp Phòng Cảnh sát phòng chống tội phạm về môi trường, Công an tỉnh kiểm tra đột xuất Công ty Cổ phần Gang thép Thái Nguyên ngày 28/6/2024; bụi tổng tại khu dân cư phường Cam Giá vượt quy chuẩn 1,3 lần vào khung giờ đêm. Sở đã yêu cầu Công ty sửa chữa hệ thống lọc bụi lò cao trước ngày 30/9/2024 và công khai kết quả quan trắc tự động hằng tháng trên Cổng thông tin điện tử của Sở.",
        support=(CONGAN_TN,),
    ),
    M(
        "mo-than-khanh-hoa-di-dan",
        "moi_truong",
        "tinh",
        NNMT_TN,
        S(
            "Các hộ dân xóm Cây Thị, xã Phúc Hà sống sát bãi thải mỏ than Khánh Hòa bị bụi than, nứt nhà do nổ mìn, mùa mưa có nguy cơ sạt lở bãi thải. Đề nghị tỉnh sớm có phương án di dời, tái định cư cho các hộ trong vùng ảnh hưởng.",
            C.PAPER_ORGANISATION,
            org="Chi bộ xóm Cây Thị, xã Phúc Hà",
            place="xóm Cây Thị, xã Phúc Hà, TP Thái Nguyên",
        ),
        S(
            "Đề nghị tỉnh chỉ đạo đơn vị khai thác mỏ than Khánh Hòa bồi thường thiệt hại nhà ở bị nứt do nổ mìn và sớm di dời các hộ dân ở sát bãi thải, việc này chúng tôi đã kiến nghị nhiều lần.",
            C.PAPER_CITIZEN,
            place="xóm Cây Thị, xã Phúc Hà, TP Thái Nguyên",
        ),
        summary="Các hộ dân xóm Cây Thị, xã Phúc Hà đề nghị tỉnh chỉ đạo bồi thường thiệt hại nhà ở bị nứt do nổ mìn khai thác mỏ than Khánh Hòa và có phương án di dời, tái định cư các hộ sát bãi thải.",
        draft="Sở sẽ phối hợp với các đơn vị liên quan kiểm tra, xem xét giải quyết theo quy định.",
        comment="Trả lời còn chung chung: đề nghị nêu rõ kết quả kiểm tra bãi thải, số hộ thuộc diện di dời, nguồn kinh phí và thời gian thực hiện.",
        answer="Ngày 20/6/2024, Sở chủ trì cùng UBND thành phố và đơn vị khai thác mỏ kiểm tra hiện trạng: 17 hộ xóm Cây Thị nằm trong phạm vi 300 m tính từ chân bãi thải. Doanh nghiệp đã lập phương án di dời, tái định cư bằng kinh phí của doanh nghiệp, trình UBND tỉnh phê duyệt trong quý IV/2024; trước mắt gia cố chân bãi thải, phun nước dập bụi 04 lần/ngày và thuê đơn vị độc lập giám định các nhà bị nứt để bồi thường.",
        outcome=REVISED,
        support=(UBND_TP_TN,),
    ),
    M(
        "bhyt-nguoi-cao-tuoi",
        "chinh_sach_xa_hoi",
        "tinh",
        YTE_TN,
        S(
            "Đề nghị tỉnh xem xét hỗ trợ mua thẻ bảo hiểm y tế cho người cao tuổi từ 70 đến dưới 80 tuổi không có lương hưu, trợ cấp, như một số tỉnh đã làm.",
            C.PAPER_CITIZEN,
            place="tổ 9, phường Hoàng Văn Thụ, TP Thái Nguyên",
        ),
        S(
            "Ở tổ tôi nhiều cụ 75, 76 tuổi không có lương hưu, không có thẻ BHYT, mỗi lần ốm đau đi viện rất tốn kém. Mong tỉnh có chính sách hỗ trợ thẻ bảo hiểm y tế cho các cụ.",
            C.SPEAKER_SLIP,
            place="tổ 21, phường Quang Trung, TP Thái Nguyên",
        ),
        S(
            "Hội Người cao tuổi phường Quang Trung kiến nghị tỉnh bố trí ngân sách hỗ trợ mức đóng bảo hiểm y tế cho người từ đủ 70 tuổi đến dưới 80 tuổi.",
            C.PAPER_ORGANISATION,
            org="Hội Người cao tuổi phường Quang Trung",
        ),
        summary="Đề nghị tỉnh hỗ trợ kinh phí mua thẻ bảo hiểm y tế cho người cao tuổi từ đủ 70 đến dưới 80 tuổi không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng.",
        answer="Người từ đủ 80 tuổi trở lên hưởng trợ cấp hằng tháng đã được ngân sách nhà nước đóng bảo hiểm y tế. Đối với người từ đủ 70 đến dưới 80 tuổi, Sở Y tế đã phối hợp Sở Tài chính xây dựng dự thảo Nghị quyết hỗ trợ 30% mức đóng, dự kiến trình HĐND tỉnh tại kỳ họp cuối năm 2024.",
        support=(TAICHINH_TN,),
    ),
    M(
        "ke-song-cau-tuc-duyen",
        "moi_truong",
        "tinh",
        NNMT_TN,
        S(
            "Kè bờ hữu sông Cầu đoạn qua tổ 10 phường Túc Duyên bị sạt lở sau mùa mưa năm 2023, nhiều đoạn sát nhà dân. Đề nghị tỉnh đầu tư xây dựng kè kiên cố trước mùa mưa lũ.",
            C.PAPER_CITIZEN,
            place="tổ 10, phường Túc Duyên, TP Thái Nguyên",
        ),
        S(
            "Đoạn bờ sông Cầu phường Túc Duyên đang sạt lở ăn sâu vào đất ở, dân rất lo lắng mỗi khi mưa lớn. Đề nghị tỉnh sớm có biện pháp xử lý khẩn cấp.",
            C.SPOKEN,
            place="tổ 12, phường Túc Duyên, TP Thái Nguyên",
        ),
        summary="Đề nghị tỉnh xử lý khẩn cấp, đầu tư kè kiên cố đoạn bờ hữu sông Cầu qua phường Túc Duyên đang sạt lở sát nhà dân.",
        answer="UBND tỉnh đã giao Sở chủ trì khảo sát, lập hồ sơ xử lý sạt lở khẩn cấp đoạn bờ hữu sông Cầu qua phường Túc Duyên dài khoảng 320 m từ nguồn dự phòng ngân sách tỉnh năm 2024, dự kiến khởi công tháng 9/2024. Trước mắt UBND thành phố đã cắm biển cảnh báo và bố trí lực lượng theo dõi trong mùa mưa.",
        support=(UBND_TP_TN,),
    ),
    M(
        "quy-hoach-treo-thinh-dan",
        "quy_hoach_xay_dung",
        "tinh",
        XAYDUNG_TN,
        S(
            "Khu đất của khoảng 40 hộ tổ 18 phường Thịnh Đán nằm trong quy hoạch khu đô thị từ năm 2016 nhưng đến nay dự án chưa triển khai, người dân không được cấp phép sửa chữa, xây nhà. Đề nghị tỉnh rà soát, điều chỉnh hoặc hủy bỏ quy hoạch treo.",
            C.PAPER_CITIZEN,
            place="tổ 18, phường Thịnh Đán, TP Thái Nguyên",
        ),
        S(
            "Đề nghị công bố rõ tiến độ dự án khu đô thị phía Tây phường Thịnh Đán; nếu không thực hiện thì cho người dân được xây dựng, chuyển nhượng bình thường.",
            C.PAPER_CITIZEN,
            place="tổ 18, phường Thịnh Đán, TP Thái Nguyên",
        ),
        S(
            "nha toi nam trong quy hoach du an 8 nam nay khong lam duoc gi, xin giay phep sua nha khong duoc, de nghi tinh tra loi ro bao gio thuc hien",
            C.ONLINE,
            place="to 18 phuong Thinh Dan",
        ),
        summary="Khoảng 40 hộ tổ 18 phường Thịnh Đán nằm trong quy hoạch khu đô thị từ năm 2016 nhưng dự án chưa triển khai; đề nghị tỉnh công bố tiến độ hoặc điều chỉnh, hủy bỏ quy hoạch để người dân được xây dựng, sửa chữa nhà.",
        outcome=LATE,
        support=(UBND_TP_TN,),
    ),
    M(
        "dt270-phuc-xuan",
        "giao_thong_ha_tang",
        "tinh",
        XAYDUNG_TN,
        S(
            "Tuyến ĐT270 đoạn qua xã Phúc Xuân đi khu du lịch Hồ Núi Cốc xuống cấp nghiêm trọng, nhiều ổ gà, xe tải chở vật liệu đi lại nhiều. Đề nghị tỉnh bố trí vốn sửa chữa, nâng cấp.",
            C.PAPER_CITIZEN,
            place="xóm Đồng Kiệm, xã Phúc Xuân, TP Thái Nguyên",
        ),
        S(
            "Đường tỉnh 270 qua Phúc Xuân mặt đường hư hỏng, trời mưa đọng nước, đã xảy ra nhiều vụ tai nạn. Đề nghị sửa chữa sớm.",
            C.AGENCY_REPORT,
            org="Ủy ban nhân dân xã Phúc Xuân",
        ),
        summary="Đề nghị tỉnh bố trí vốn sửa chữa, nâng cấp tuyến ĐT270 đoạn qua xã Phúc Xuân (đi khu du lịch Hồ Núi Cốc) đang xuống cấp, mất an toàn giao thông.",
        answer="Tuyến ĐT270 đoạn qua xã Phúc Xuân đã được bố trí 12 tỷ đồng vốn sự nghiệp giao thông năm 2024 để sửa chữa mặt đường; Sở đã phê duyệt hồ sơ, dự kiến thi công từ tháng 8 đến tháng 11/2024. Sở đã đề nghị Công an tỉnh tăng cường kiểm soát tải trọng xe trên tuyến.",
    ),
    M(
        "chi-tieu-lop-10",
        "y_te_giao_duc",
        "tinh",
        GDDT_TN,
        S(
            "Số học sinh lớp 9 ở thành phố tăng nhanh nhưng chỉ tiêu tuyển sinh lớp 10 các trường THPT công lập không tăng, nhiều cháu học khá vẫn trượt. Đề nghị tỉnh tăng chỉ tiêu hoặc xây thêm trường THPT ở khu vực phía Nam thành phố.",
            C.PAPER_CITIZEN,
            place="tổ 7, phường Gia Sàng, TP Thái Nguyên",
        ),
        S(
            "Đề nghị Sở Giáo dục xem xét mở thêm lớp 10 công lập tại Trường THPT Gang Thép, vì con em công nhân khu Cam Giá, Phú Xá không đủ điều kiện học trường tư.",
            C.SPEAKER_SLIP,
            place="tổ 3, phường Phú Xá, TP Thái Nguyên",
        ),
        summary="Đề nghị tăng chỉ tiêu tuyển sinh lớp 10 trung học phổ thông công lập trên địa bàn thành phố, nhất là khu vực phía Nam (Cam Giá, Phú Xá), và đầu tư thêm trường THPT.",
        answer="Năm học 2024-2025, Sở đã tăng 180 chỉ tiêu lớp 10 công lập trên địa bàn thành phố, trong đó Trường THPT Gang Thép tăng 02 lớp. UBND tỉnh đã đưa dự án xây dựng mới một trường THPT tại khu vực phía Nam thành phố vào danh mục dự kiến của kế hoạch đầu tư công trung hạn 2026-2030.",
    ),
    M(
        "lua-dao-qua-dien-thoai",
        "an_ninh_trat_tu",
        "tinh",
        CONGAN_TN,
        S(
            "Tình trạng lừa đảo qua điện thoại, giả danh công an, cán bộ thuế yêu cầu cài ứng dụng để cập nhật định danh điện tử diễn ra nhiều, người cao tuổi bị lừa mất tiền. Đề nghị Công an tỉnh tăng cường tuyên truyền và xử lý nghiêm.",
            C.PAPER_ORGANISATION,
            org="Hội Cựu chiến binh phường Tân Lập",
        ),
        S(
            "Mẹ tôi bị kẻ gian gọi điện giả danh công an phường yêu cầu cài ứng dụng VNeID giả, mất hơn 200 triệu đồng tiền tiết kiệm. Đề nghị cơ quan công an điều tra, thu hồi tiền cho người bị hại.",
            C.SPOKEN,
            place="tổ 11, phường Tân Lập, TP Thái Nguyên",
        ),
        summary="Đề nghị Công an tỉnh tăng cường tuyên truyền, điều tra, xử lý nghiêm tình trạng lừa đảo qua điện thoại, giả danh cơ quan công an, thuế để chiếm đoạt tài sản, nhất là của người cao tuổi.",
        answer="Trong 6 tháng đầu năm 2024, Công an tỉnh tiếp nhận 46 tin báo về lừa đảo chiếm đoạt tài sản qua mạng trên địa bàn thành phố, khởi tố 12 vụ; vụ việc tại phường Tân Lập đang được Phòng Cảnh sát hình sự xác minh, thông báo kết quả cho gia đình. Công an tỉnh phối hợp Ủy ban MTTQ tỉnh phát tờ rơi, phát cảnh báo trên hệ thống truyền thanh các xã, phường; công an không yêu cầu người dân cài ứng dụng qua điện thoại.",
    ),
    M(
        "dua-xe-viet-bac",
        "an_ninh_trat_tu",
        "tinh",
        CONGAN_TN,
        S(
            "Đề nghị Công an tỉnh xử lý dứt điểm tình trạng thanh thiếu niên tụ tập đua xe, lạng lách trên đường Việt Bắc và đường Bắc Kạn vào đêm thứ Bảy, Chủ nhật, gây mất an ninh trật tự.",
            C.PAPER_CITIZEN,
            place="tổ 5, phường Quan Triều, TP Thái Nguyên",
        ),
        answer="Công an tỉnh đã chỉ đạo Phòng Cảnh sát giao thông, Phòng Cảnh sát cơ động phối hợp Công an thành phố lập chốt, tuần tra trên đường Việt Bắc, đường Bắc Kạn từ 22 giờ đến 2 giờ sáng các đêm cuối tuần từ tháng 7/2024; đã tạm giữ 27 phương tiện, xử phạt 31 trường hợp.",
    ),
    M(
        "phu-cap-to-dan-pho",
        "xay_dung_dang_chinh_quyen",
        "tinh",
        UBND_TN,
        S(
            "Mức phụ cấp của tổ trưởng tổ dân phố, bí thư chi bộ tổ dân phố hiện nay quá thấp so với khối lượng công việc. Đề nghị tỉnh xem xét nâng mức phụ cấp khi sửa đổi nghị quyết của HĐND tỉnh.",
            C.PAPER_ORGANISATION,
            org="Chi bộ tổ dân phố 9, phường Hoàng Văn Thụ",
        ),
        S(
            "Đề nghị tỉnh quan tâm tăng phụ cấp cho những người hoạt động không chuyên trách ở tổ dân phố, nhất là sau khi sáp nhập tổ, một tổ có trên 400 hộ.",
            C.PAPER_ORGANISATION,
            org="Đảng ủy phường Đồng Quang",
        ),
        summary="Đề nghị tỉnh nâng mức phụ cấp đối với người hoạt động không chuyên trách ở tổ dân phố (tổ trưởng, bí thư chi bộ), nhất là các tổ có quy mô lớn sau sáp nhập.",
        answer="UBND tỉnh đã giao Sở Nội vụ chủ trì, phối hợp Sở Tài chính dự thảo Nghị quyết thay thế nghị quyết hiện hành về chức danh, mức phụ cấp của người hoạt động không chuyên trách, trong đó nâng mức khoán đối với tổ dân phố có từ 350 hộ trở lên; dự kiến trình HĐND tỉnh tại kỳ họp cuối năm 2024.",
        support=(TAICHINH_TN,),
    ),
    M(
        "che-do-tnxp",
        "chinh_sach_xa_hoi",
        "trung_uong",
        UBND_TN,
        S(
            "Nhiều cựu thanh niên xung phong thời kỳ chống Mỹ nay đã ngoài 70 tuổi, sức khỏe yếu, chỉ được hưởng trợ cấp một lần. Đề nghị tỉnh kiến nghị Trung ương xem xét chế độ trợ cấp hằng tháng cho đối tượng này.",
            C.PAPER_CITIZEN,
            place="tổ 2, phường Phan Đình Phùng, TP Thái Nguyên",
        ),
        S(
            "Hội Cựu thanh niên xung phong phường Phan Đình Phùng đề nghị kiến nghị Quốc hội, Chính phủ sửa đổi chính sách để cựu thanh niên xung phong có hoàn cảnh khó khăn được hưởng trợ cấp hằng tháng.",
            C.PAPER_ORGANISATION,
            org="Hội Cựu thanh niên xung phong phường Phan Đình Phùng",
        ),
        summary="Đề nghị kiến nghị Trung ương ban hành chế độ trợ cấp hằng tháng cho cựu thanh niên xung phong thời kỳ kháng chiến chống Mỹ có hoàn cảnh khó khăn, hiện chỉ hưởng trợ cấp một lần.",
        answer="Chế độ đối với thanh niên xung phong thuộc thẩm quyền của Trung ương. UBND tỉnh đã tổng hợp kiến nghị gửi Bộ Lao động - Thương binh và Xã hội tháng 7/2024 và đề nghị Đoàn đại biểu Quốc hội tỉnh tiếp tục kiến nghị tại kỳ họp Quốc hội.",
        support=(CCB_TN,),
    ),
    M(
        "che-tan-cuong",
        "nong_nghiep",
        "tinh",
        NNMT_TN,
        S(
            "Chè Tân Cương bị nhiều nơi mạo danh bán trên thị trường, ảnh hưởng uy tín của người trồng chè thật. Đề nghị tỉnh có biện pháp quản lý, bảo vệ chỉ dẫn địa lý và hỗ trợ tem truy xuất nguồn gốc cho các hộ.",
            C.PAPER_ORGANISATION,
            org="Hợp tác xã chè Hồng Thái",
        ),
        S(
            "Đề nghị tỉnh tiếp tục hỗ trợ kinh phí cấp chứng nhận VietGAP, hữu cơ cho các hợp tác xã chè ở xã Tân Cương, Phúc Trìu vì chi phí tái chứng nhận hằng năm cao.",
            C.SPOKEN,
            place="xóm Hồng Thái 2, xã Tân Cương, TP Thái Nguyên",
        ),
        summary="Đề nghị tỉnh bảo vệ chỉ dẫn địa lý chè Tân Cương, xử lý tình trạng mạo danh, hỗ trợ tem truy xuất nguồn gốc và kinh phí chứng nhận VietGAP, hữu cơ cho các hợp tác xã chè.",
        answer="Năm 2024 tỉnh hỗ trợ 100% kinh phí chứng nhận VietGAP lần đầu và 50% kinh phí tái chứng nhận cho các hợp tác xã chè theo nghị quyết của HĐND tỉnh; Sở đã cấp 25.000 tem truy xuất nguồn gốc cho các hợp tác xã chè Tân Cương và phối hợp lực lượng Quản lý thị trường kiểm tra các cơ sở kinh doanh chè mạo danh.",
        support=(HND_TN,),
        contribution="Hội Nông dân tỉnh sẽ hướng dẫn các chi hội chè Tân Cương đăng ký sử dụng chỉ dẫn địa lý và tham gia hội chợ xúc tiến thương mại quý IV/2024.",
    ),
    M(
        "gia-thue-dat-cum-cong-nghiep",
        "kinh_te_doanh_nghiep",
        "tinh",
        TAICHINH_TN,
        S(
            "Doanh nghiệp chúng tôi nộp hồ sơ thuê đất mở rộng xưởng sản xuất tại cụm công nghiệp từ tháng 10/2023 nhưng đến nay vẫn chưa được xác định giá đất thuê. Đề nghị tỉnh chỉ đạo các sở rút ngắn thời gian giải quyết.",
            C.PAPER_ORGANISATION,
            org="Công ty TNHH Cơ khí Thịnh Phát",
        ),
        S(
            "Đề nghị tỉnh đẩy nhanh việc xác định đơn giá thuê đất cho các doanh nghiệp trong cụm công nghiệp, tránh để doanh nghiệp chờ nhiều tháng làm lỡ cơ hội đầu tư.",
            C.SPOKEN,
            org="Công ty Cổ phần May Sông Cầu",
        ),
        summary="Doanh nghiệp đề nghị tỉnh đẩy nhanh việc xác định đơn giá thuê đất trong cụm công nghiệp, rút ngắn thời gian giải quyết hồ sơ thuê đất.",
        answer="Việc xác định giá đất cụ thể bị chậm do chờ Luật Đất đai năm 2024 có hiệu lực. Sở Tài chính đã phối hợp Sở Nông nghiệp và Môi trường thẩm định, trình UBND tỉnh phê duyệt đơn giá thuê đất cho 04 doanh nghiệp trong tháng 7/2024; các hồ sơ còn lại được giải quyết trong 30 ngày kể từ khi có bảng giá đất điều chỉnh.",
        support=(NNMT_TN,),
    ),
    M(
        "dien-yeu-cao-ngan",
        "giao_thong_ha_tang",
        "tinh",
        UBND_TN,
        S(
            "Mùa hè điện ở xóm Đồng Nội, xã Cao Ngạn rất yếu, buổi tối quạt không quay, máy bơm nước không chạy được. Đề nghị ngành điện nâng cấp trạm biến áp và đường dây hạ thế.",
            C.PAPER_CITIZEN,
            place="xóm Đồng Nội, xã Cao Ngạn, TP Thái Nguyên",
        ),
        S(
            "Xin đề nghị nâng công suất trạm biến áp xóm Đồng Nội, xã Cao Ngạn, điện chập chờn thường xuyên làm hỏng thiết bị điện của các hộ.",
            C.ONLINE,
            place="xã Cao Ngạn, TP Thái Nguyên",
        ),
        summary="Cử tri xóm Đồng Nội, xã Cao Ngạn đề nghị nâng công suất trạm biến áp, cải tạo đường dây hạ thế do điện yếu, chập chờn vào mùa hè.",
        answer="Công ty Điện lực Thái Nguyên đã đưa công trình nâng công suất trạm biến áp Đồng Nội từ 180 kVA lên 400 kVA và cải tạo 1,2 km đường dây hạ thế vào kế hoạch năm 2024, hoàn thành trước ngày 30/8/2024; trong thời gian chờ thi công, Điện lực thành phố cân pha, san tải để cải thiện điện áp.",
    ),
    M(
        "so-do-tai-dinh-cu-tich-luong",
        "dat_dai",
        "tinh",
        NNMT_TN,
        S(
            "Các hộ được giao đất tại khu tái định cư số 2 phường Tích Lương từ năm 2019 đến nay vẫn chưa được cấp giấy chứng nhận quyền sử dụng đất. Đề nghị tỉnh chỉ đạo giải quyết dứt điểm.",
            C.PAPER_CITIZEN,
            place="khu tái định cư số 2, phường Tích Lương, TP Thái Nguyên",
        ),
        S(
            "Đã 5 năm ở khu tái định cư Tích Lương mà chưa có sổ đỏ, không thế chấp vay vốn được. Đề nghị các sở vào cuộc.",
            C.SPEAKER_SLIP,
            place="tổ 22, phường Tích Lương, TP Thái Nguyên",
        ),
        summary="Các hộ ở khu tái định cư số 2 phường Tích Lương được giao đất từ năm 2019 đề nghị sớm được cấp giấy chứng nhận quyền sử dụng đất.",
        answer="Nguyên nhân chậm cấp giấy là do khu tái định cư chưa được nghiệm thu hạ tầng, bàn giao cho địa phương quản lý. Sở đã làm việc với chủ đầu tư và UBND thành phố thống nhất hoàn thành nghiệm thu trong tháng 8/2024; Văn phòng Đăng ký đất đai tỉnh cấp giấy chứng nhận cho 86 hộ trước ngày 31/10/2024.",
    ),
    M(
        "bai-rac-da-mai",
        "moi_truong",
        "tinh",
        NNMT_TN,
        S(
            "Bãi rác Đá Mài gây mùi hôi thối nặng, nước rỉ rác chảy ra khe suối, các hộ xóm Nam Đồng, xã Tân Cương rất bức xúc. Đề nghị tỉnh sớm đầu tư nhà máy xử lý rác và đóng cửa bãi chôn lấp.",
            C.PAPER_CITIZEN,
            place="xóm Nam Đồng, xã Tân Cương, TP Thái Nguyên",
        ),
        S(
            "Mùa hè mùi từ bãi rác Đá Mài bay xa hàng cây số, ruồi nhặng nhiều. Đề nghị kiểm tra việc xử lý nước rỉ rác và phun chế phẩm khử mùi thường xuyên.",
            C.MTTQ,
            org="Ủy ban MTTQ xã Tân Cương",
        ),
        S(
            "bai rac Da Mai qua tai, o nhiem nang, de nghi tinh som co nha may dot rac phat dien nhu da hua",
            C.ONLINE,
            place="xa Tan Cuong",
        ),
        summary="Cử tri xã Tân Cương phản ánh bãi rác Đá Mài quá tải, gây mùi, nước rỉ rác chảy ra khe suối; đề nghị tỉnh kiểm tra việc xử lý, sớm đầu tư nhà máy xử lý rác và đóng cửa bãi chôn lấp.",
        answer="Bãi chôn lấp Đá Mài đã vượt công suất thiết kế. UBND tỉnh đã chấp thuận chủ trương đầu tư nhà máy xử lý chất thải rắn phát điện công suất 500 tấn/ngày, dự kiến vận hành năm 2026. Trước mắt, Sở yêu cầu đơn vị vận hành nâng cấp hệ thống xử lý nước rỉ rác, phun chế phẩm khử mùi 02 lần/ngày; Sở quan trắc hằng quý và thông báo kết quả tại xã Tân Cương.",
        support=(XAYDUNG_TN,),
    ),
    M(
        "chuyen-tuyen-benh-man-tinh",
        "y_te_giao_duc",
        "tinh",
        YTE_TN,
        S(
            "Người bệnh mãn tính phải xin giấy chuyển tuyến mỗi năm mới được khám ở Bệnh viện Trung ương Thái Nguyên, thủ tục mất nhiều thời gian. Đề nghị đơn giản hóa thủ tục chuyển tuyến cho người bệnh mạn tính.",
            C.PAPER_CITIZEN,
            place="tổ 8, phường Trưng Vương, TP Thái Nguyên",
        ),
        answer="Sở Y tế đã hướng dẫn các cơ sở khám, chữa bệnh cấp giấy chuyển tuyến có giá trị đến hết ngày 31/12 của năm cho người mắc bệnh thuộc danh mục bệnh mạn tính của Bộ Y tế; người bệnh chỉ cần xuất trình giấy chuyển tuyến một lần trong năm.",
    ),
    M(
        "qua-tai-benh-vien-trung-uong",
        "y_te_giao_duc",
        "trung_uong",
        YTE_TN,
        S(
            "Khoa khám bệnh Bệnh viện Trung ương Thái Nguyên quá tải, người bệnh chờ từ sáng đến chiều. Đề nghị tỉnh kiến nghị Bộ Y tế tăng cường nhân lực, mở rộng khu khám bệnh.",
            C.SPOKEN,
            place="tổ 1, phường Phan Đình Phùng, TP Thái Nguyên",
        ),
        answer="Bệnh viện Trung ương Thái Nguyên trực thuộc Bộ Y tế. Sở Y tế đã chuyển kiến nghị tới Bệnh viện và Bộ Y tế; Bệnh viện cho biết đã mở thêm 10 bàn khám và triển khai đặt lịch khám qua tổng đài từ tháng 6/2024.",
    ),
    M(
        "tach-thua-dat-o",
        "dat_dai",
        "tinh",
        NNMT_TN,
        S(
            "Quy định diện tích tối thiểu được tách thửa hiện nay khiến nhiều gia đình không thể chia đất cho con. Đề nghị tỉnh sửa đổi cho phù hợp, nhất là trường hợp tặng cho trong gia đình.",
            C.PAPER_CITIZEN,
            place="tổ 3, phường Tân Lập, TP Thái Nguyên",
        ),
        S(
            "Đề nghị tỉnh sớm ban hành quy định mới về điều kiện tách thửa, hợp thửa theo Luật Đất đai năm 2024 để người dân làm thủ tục tặng cho con cái.",
            C.SPOKEN,
            place="xóm Mới, xã Thịnh Đức, TP Thái Nguyên",
        ),
        summary="Đề nghị tỉnh sửa đổi quy định về điều kiện, diện tích tối thiểu tách thửa đất ở theo Luật Đất đai năm 2024, tạo điều kiện cho việc tặng cho quyền sử dụng đất trong gia đình.",
        answer="Sở đang tham mưu UBND tỉnh ban hành quyết định mới quy định điều kiện, diện tích tối thiểu tách thửa, hợp thửa theo Luật Đất đai năm 2024, dự kiến ban hành trong tháng 8/2024; dự thảo có quy định riêng đối với trường hợp tặng cho quyền sử dụng đất cho người thân trong hàng thừa kế.",
    ),
    M(
        "no-dong-xay-dung-co-ban",
        "kinh_te_doanh_nghiep",
        "tinh",
        TAICHINH_TN,
        S(
            "Đề nghị tỉnh công khai kế hoạch thanh toán nợ đọng xây dựng cơ bản cho các doanh nghiệp đã thi công hoàn thành công trình đầu tư công từ năm 2022, doanh nghiệp đang rất khó khăn về vốn.",
            C.SPOKEN,
            org="Công ty Cổ phần Xây dựng Đồng Tâm",
        ),
        answer="Đến ngày 30/6/2024, nợ đọng xây dựng cơ bản của các dự án do tỉnh quản lý còn 38 tỷ đồng; UBND tỉnh đã bố trí 30 tỷ đồng trong kế hoạch vốn điều chỉnh năm 2024 để thanh toán, phần còn lại bố trí năm 2025. Sở Tài chính công khai danh mục trên Cổng thông tin điện tử của Sở.",
    ),
    M(
        "can-bo-ne-tranh",
        "xay_dung_dang_chinh_quyen",
        "tinh",
        BTC_TU_TN,
        S(
            "Một bộ phận cán bộ, công chức ở các phòng chuyên môn còn né tránh, đùn đẩy, sợ trách nhiệm khi giải quyết hồ sơ đất đai, làm người dân phải đi lại nhiều lần. Đề nghị tỉnh tăng cường kiểm tra, xử lý nghiêm.",
            C.PAPER_ORGANISATION,
            org="Chi bộ tổ dân phố 14, phường Tân Thịnh",
        ),
        S(
            "Đề nghị Tỉnh ủy có cơ chế bảo vệ cán bộ dám nghĩ, dám làm, đồng thời xử lý cán bộ có biểu hiện sợ sai, không dám làm, gây chậm trễ công việc của dân và doanh nghiệp.",
            C.PAPER_ORGANISATION,
            org="Đảng ủy phường Đồng Quang",
        ),
        summary="Đề nghị tăng cường kiểm tra, xử lý cán bộ, công chức né tránh, đùn đẩy trách nhiệm trong giải quyết thủ tục cho người dân, doanh nghiệp; có cơ chế bảo vệ cán bộ dám nghĩ, dám làm.",
        answer="Ban Thường vụ Tỉnh ủy đã ban hành quy định khuyến khích, bảo vệ cán bộ năng động, sáng tạo, dám nghĩ, dám làm vì lợi ích chung. Năm 2024, Ban Tổ chức Tỉnh ủy phối hợp Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc giải quyết hồ sơ đất đai tại thành phố; các trường hợp chậm trễ không có lý do chính đáng được xem xét trong đánh giá, xếp loại cán bộ cuối năm.",
        support=(UBKT_TU_TN,),
    ),
    M(
        "khai-thac-cat-song-cau",
        "moi_truong",
        "tinh",
        NNMT_TN,
        S(
            "Tình trạng hút cát trái phép trên sông Cầu đoạn qua xã Linh Sơn, Huống Thượng diễn ra vào ban đêm, gây sạt lở bờ, mất đất bãi trồng màu của dân. Đề nghị tỉnh chỉ đạo kiểm tra, xử lý.",
            C.PAPER_CITIZEN,
            place="xóm Cậy, xã Huống Thượng, TP Thái Nguyên",
        ),
        S(
            "Đề nghị tỉnh làm rõ trách nhiệm chính quyền địa phương để tái diễn khai thác cát sỏi trái phép trên sông Cầu khu vực xã Linh Sơn.",
            C.SPEAKER_SLIP,
            place="xóm Cây Thị, xã Linh Sơn, TP Thái Nguyên",
        ),
        summary="Đề nghị tỉnh chỉ đạo kiểm tra, xử lý tình trạng khai thác cát sỏi trái phép trên sông Cầu đoạn qua xã Linh Sơn, Huống Thượng gây sạt lở bờ, làm rõ trách nhiệm của chính quyền địa phương.",
        draft="Sở đã nắm được thông tin và sẽ chỉ đạo kiểm tra trong thời gian tới.",
        comment="Đề nghị bổ sung kết quả kiểm tra thực tế, số vụ vi phạm đã xử lý và trách nhiệm của chính quyền địa phương; trả lời như dự thảo chưa đáp ứng yêu cầu của cử tri.",
        outcome=RETURNED,
        support=(CONGAN_TN, UBND_TP_TN),
    ),
    M(
        "dich-ta-lon-chau-phi",
        "nong_nghiep",
        "tinh",
        NNMT_TN,
        S(
            "Đề nghị tỉnh sớm chi trả tiền hỗ trợ cho các hộ chăn nuôi có lợn bị tiêu hủy do dịch tả lợn châu Phi từ tháng 3/2024, đến nay nhiều hộ chưa nhận được.",
            C.MTTQ,
            org="Hội Nông dân xã Quyết Thắng",
        ),
        answer="Kinh phí hỗ trợ tiêu hủy lợn mắc bệnh dịch tả lợn châu Phi đợt tháng 3/2024 đã được UBND tỉnh phê duyệt; Sở đã đề nghị Sở Tài chính cấp kinh phí cho UBND thành phố trong tháng 7/2024 để chi trả cho 42 hộ.",
        support=(HND_TN,),
    ),
    M(
        "thu-ngoai-hoc-phi",
        "y_te_giao_duc",
        "tinh",
        GDDT_TN,
        S(
            "Đầu năm học, các khoản thu ngoài học phí ở trường học quá nhiều, nhiều khoản do ban đại diện cha mẹ học sinh tự đặt ra. Đề nghị Sở Giáo dục quy định rõ các khoản được thu và kiểm tra việc lạm thu.",
            C.PAPER_CITIZEN,
            place="tổ 16, phường Đồng Quang, TP Thái Nguyên",
        ),
        S(
            "cac khoan dong gop dau nam cua con toi len toi gan 3 trieu, de nghi so giao duc kiem tra viec thu tien cua ban phu huynh",
            C.ONLINE,
            place="phuong Hoang Van Thu",
        ),
        summary="Đề nghị Sở Giáo dục và Đào tạo quy định rõ các khoản thu ngoài học phí đầu năm học và kiểm tra, chấn chỉnh tình trạng lạm thu, kể cả các khoản do ban đại diện cha mẹ học sinh đặt ra.",
        answer="Sở đã ban hành văn bản hướng dẫn các khoản thu, chi trong năm học 2024-2025, nghiêm cấm ban đại diện cha mẹ học sinh quyên góp các khoản ngoài quy định; Sở sẽ phối hợp UBND thành phố kiểm tra việc thu đầu năm học tại các trường trong tháng 9 và tháng 10/2024.",
        outcome=SUBMITTED,
    ),
    M(
        "nha-o-nguoi-co-cong",
        "chinh_sach_xa_hoi",
        "tinh",
        UBND_TN,
        S(
            "Đề nghị tỉnh tiếp tục hỗ trợ xây mới, sửa chữa nhà ở cho người có công với cách mạng đang ở nhà tạm, dột nát; nhiều gia đình ở phường tôi chưa được hỗ trợ.",
            C.PAPER_ORGANISATION,
            org="Hội Cựu chiến binh phường Quang Vinh",
        ),
        answer="Năm 2024 tỉnh hỗ trợ xây mới, sửa chữa 312 nhà ở cho người có công theo Quyết định số 21/2024/QĐ-TTg, trong đó thành phố Thái Nguyên 27 nhà; UBND thành phố đã rà soát, bổ sung 03 hộ của phường Quang Vinh vào danh sách hỗ trợ đợt 2.",
        support=(CCB_TN,),
    ),
    # Commune-level matters: outside the conference's scope, forwarded to the ward or commune.
    M(
        "den-ngo-25-gia-sang",
        "giao_thong_ha_tang",
        "xa",
        "",
        S(
            "Ngõ 25 đường Gia Sàng thuộc tổ 12 chưa có điện chiếu sáng, buổi tối đi lại khó khăn, đã có người bị ngã. Đề nghị lắp đèn đường.",
            C.PAPER_CITIZEN,
            place="tổ 12, phường Gia Sàng, TP Thái Nguyên",
        ),
        forward_to="Phường Gia Sàng",
        answer="UBND phường Gia Sàng đã lắp đặt 06 bộ đèn LED chiếu sáng ngõ 25 bằng nguồn xã hội hóa, hoàn thành ngày 20/8/2024.",
    ),
    M(
        "karaoke-tuc-duyen",
        "an_ninh_trat_tu",
        "xa",
        "",
        S(
            "Một số hộ kinh doanh karaoke tại tổ 3 phường Túc Duyên hát đến nửa đêm, gây ồn ào, ảnh hưởng giấc ngủ của người già, trẻ nhỏ. Đề nghị kiểm tra, xử lý.",
            C.PAPER_CITIZEN,
            place="tổ 3, phường Túc Duyên, TP Thái Nguyên",
        ),
        forward_to="Phường Túc Duyên",
        outcome=LATE,
    ),
    M(
        "nha-van-hoa-quyet-thang",
        "khac",
        "xa",
        "",
        S(
            "Nhà văn hóa xóm Khuôn Năm, xã Quyết Thắng xuống cấp, mái dột, sân bị lún. Đề nghị hỗ trợ kinh phí sửa chữa để bà con có chỗ sinh hoạt.",
            C.AGENCY_REPORT,
            org="Thành ủy Thái Nguyên",
        ),
        forward_to="Xã Quyết Thắng",
        answer="UBND xã Quyết Thắng đã bố trí 150 triệu đồng từ ngân sách xã năm 2024 để sửa chữa mái và sân nhà văn hóa xóm Khuôn Năm, thi công trong tháng 10/2024.",
    ),
    M(
        "rac-to-11-tan-lap",
        "moi_truong",
        "xa",
        "",
        S(
            "Rác thải sinh hoạt tại tổ 11 phường Tân Lập không được thu gom đúng lịch, tồn đọng nhiều ngày ở đầu ngõ, bốc mùi. Đề nghị phường chỉ đạo đơn vị thu gom.",
            C.ONLINE,
            place="tổ 11, phường Tân Lập, TP Thái Nguyên",
        ),
        forward_to="Phường Tân Lập",
        outcome=LATE,
    ),
)

BATCH_000 = Batch(
    key="000",
    issuer="Tỉnh ủy Thái Nguyên",
    conference="",
    receiving="Ban Dân vận Tỉnh ủy Thái Nguyên",
    # “trung tuần tháng 7/2024”
    day=date(2024, 7, 16),
    # “báo cáo Thường trực Tỉnh ủy (qua Ban Dân vận Tỉnh ủy) trước ngày 25/6/2024”
    answer_due=date(2024, 6, 25),
    opens=date(2024, 5, 27),
    closes=date(2024, 6, 10),
    places=(
        "tổ 5, phường Phan Đình Phùng, TP Thái Nguyên",
        "tổ 12, phường Gia Sàng, TP Thái Nguyên",
        "tổ 7, phường Hoàng Văn Thụ, TP Thái Nguyên",
        "xóm Núi Nến, xã Thịnh Đức, TP Thái Nguyên",
        "tổ 9, phường Đồng Quang, TP Thái Nguyên",
    ),
    orgs={
        C.PAPER_ORGANISATION: ("Chi bộ tổ dân phố 6, phường Quang Trung", "Hội Cựu chiến binh phường Gia Sàng"),
        C.MTTQ: ("Ủy ban MTTQ Việt Nam thành phố Thái Nguyên",),
        C.AGENCY_REPORT: ("Thành ủy Thái Nguyên",),
    },
    channels=((C.PAPER_CITIZEN, 5), (C.PAPER_ORGANISATION, 2), (C.MTTQ, 1), (C.SPOKEN, 1), (C.ONLINE, 1)),
    matters=MATTERS_000,
)


# --------------------------------------------------------------------------- 001

UBND_DP = "Ủy ban nhân dân thị xã Đức Phổ"
CCB_DP = "Hội Cựu chiến binh thị xã Đức Phổ"
TU_DP = "Thị ủy Đức Phổ"
BTG_DP = "Ban Tuyên giáo Thị ủy Đức Phổ"
BDV_DP = "Ban Dân vận Thị ủy Đức Phổ"
PHO_AN = "Xã Phổ An"
PHO_MINH = "Phường Phổ Minh"

DUC_PHO_PLACES = (
    "phường Nguyễn Nghiêm, thị xã Đức Phổ",
    "xã Phổ Châu, thị xã Đức Phổ",
    "phường Phổ Thạnh, thị xã Đức Phổ",
    "xã Phổ Khánh, thị xã Đức Phổ",
    "phường Phổ Vinh, thị xã Đức Phổ",
    "phường Phổ Hòa, thị xã Đức Phổ",
    "xã Phổ Nhơn, thị xã Đức Phổ",
    "phường Phổ Ninh, thị xã Đức Phổ",
)
PHO_AN_PLACES = (
    "thôn An Thổ, xã Phổ An, thị xã Đức Phổ",
    "thôn Hiển Văn, xã Phổ An, thị xã Đức Phổ",
    "thôn Phước Thạnh, xã Phổ An, thị xã Đức Phổ",
    "thôn Vĩnh Tuy, xã Phổ An, thị xã Đức Phổ",
)
PHO_MINH_PLACES = (
    "tổ dân phố Vĩnh Bình, phường Phổ Minh, thị xã Đức Phổ",
    "tổ dân phố Quy Thiện, phường Phổ Minh, thị xã Đức Phổ",
    "tổ dân phố Thanh Bình, phường Phổ Minh, thị xã Đức Phổ",
)

MATTERS_001_Q1 = (
    M(
        "ccb-quyet-dinh-62",
        "chinh_sach_xa_hoi",
        "huyen",
        UBND_DP,
        S(
            "Một số hội viên tham gia chiến tranh bảo vệ Tổ quốc và làm nhiệm vụ quốc tế ở Campuchia nhưng thất lạc giấy tờ nên đến nay chưa được hưởng chế độ theo Quyết định 62/2011/QĐ-TTg. Đề nghị hướng dẫn thủ tục xác nhận để anh em được hưởng chế độ.",
            C.SPOKEN,
            place="phường Phổ Thạnh, thị xã Đức Phổ",
        ),
        S(
            "Đề nghị thị xã kiến nghị cấp trên giải quyết chế độ cho cựu chiến binh tham gia chiến tranh biên giới Tây Nam bị mất hồ sơ, hiện nhiều đồng chí tuổi cao, hoàn cảnh khó khăn.",
            C.PAPER_CITIZEN,
            place="xã Phổ Châu, thị xã Đức Phổ",
        ),
        S(
            "Hội Cựu chiến binh phường Phổ Thạnh có 11 hội viên chưa được giải quyết chế độ theo Quyết định 62 do thiếu giấy tờ gốc, đề nghị thị xã quan tâm.",
            C.AGENCY_REPORT,
            org="Hội Cựu chiến binh phường Phổ Thạnh",
        ),
        summary="Cán bộ, hội viên Hội Cựu chiến binh đề nghị hướng dẫn thủ tục xác nhận, giải quyết chế độ theo Quyết định 62/2011/QĐ-TTg cho cựu chiến binh tham gia chiến tranh bảo vệ Tổ quốc, làm nhiệm vụ quốc tế bị thất lạc giấy tờ.",
        answer="Ban Chỉ huy Quân sự thị xã đã phối hợp Hội Cựu chiến binh thị xã rà soát 27 trường hợp; 15 trường hợp đủ căn cứ đã được lập hồ sơ gửi Bộ Chỉ huy Quân sự tỉnh trong tháng 4/2023. Các trường hợp thất lạc giấy tờ được hướng dẫn lập bản khai có xác nhận của cơ quan, đơn vị cũ hoặc của người cùng đơn vị để xét theo quy định.",
        support=(CCB_DP,),
    ),
    M(
        "ccb-von-vay",
        "kinh_te_doanh_nghiep",
        "huyen",
        UBND_DP,
        S(
            "Đề nghị tăng nguồn vốn ủy thác qua Hội Cựu chiến binh tại Ngân hàng Chính sách xã hội để hội viên vay phát triển chăn nuôi, trồng keo; mức vay hiện nay 50 triệu đồng là quá thấp.",
            C.PAPER_CITIZEN,
            place="xã Phổ Khánh, thị xã Đức Phổ",
        ),
        S(
            "Hội viên cựu chiến binh muốn vay vốn làm kinh tế trang trại nhưng thủ tục vay ngân hàng thương mại khó, đề nghị thị xã bổ sung vốn cho Quỹ hỗ trợ cựu chiến binh.",
            C.SPOKEN,
            place="phường Phổ Vinh, thị xã Đức Phổ",
        ),
        summary="Đề nghị tăng nguồn vốn ủy thác qua Hội Cựu chiến binh tại Ngân hàng Chính sách xã hội, nâng mức cho vay và bổ sung vốn cho Quỹ hỗ trợ cựu chiến binh phát triển kinh tế.",
        answer="Năm 2023 UBND thị xã bổ sung 500 triệu đồng từ ngân sách thị xã ủy thác qua Phòng giao dịch Ngân hàng Chính sách xã hội; mức cho vay tối đa đối với hộ sản xuất, kinh doanh vùng khó khăn là 100 triệu đồng/hộ. Hội Cựu chiến binh thị xã được giao phân bổ cho các cơ sở hội có nhu cầu.",
        support=(CCB_DP,),
    ),
    M(
        "cat-tra-cau-2023-q1",
        "moi_truong",
        "huyen",
        UBND_DP,
        S(
            "Việc khai thác cát trên sông Trà Câu đoạn qua thôn An Thổ, xã Phổ An diễn ra cả ban đêm, gây sạt lở bờ sông, mất đất sản xuất của dân. Đề nghị thị xã kiểm tra, xử lý nghiêm.",
            C.SPOKEN,
            place="thôn An Thổ, xã Phổ An, thị xã Đức Phổ",
        ),
        answer="UBND thị xã đã chỉ đạo Phòng Tài nguyên và Môi trường phối hợp Công an thị xã, UBND xã Phổ An kiểm tra, lập biên bản 02 trường hợp khai thác cát trái phép, tạm giữ 01 máy bơm hút cát; giao UBND xã Phổ An bố trí lực lượng chốt chặn tại bến An Thổ.",
        support=(PHO_AN,),
    ),
    M(
        "nha-nghia-tinh-dong-doi",
        "chinh_sach_xa_hoi",
        "huyen",
        CCB_DP,
        S(
            "Đề nghị thị xã quan tâm hỗ trợ xây dựng nhà “Nghĩa tình đồng đội” cho hội viên cựu chiến binh nghèo đang ở nhà tạm.",
            C.AGENCY_REPORT,
            org="Hội Cựu chiến binh xã Phổ Nhơn",
        ),
        S(
            "Nhà đồng chí Trần Văn Tám, hội viên chi hội thôn Tân Lộc, dột nát nhiều năm, đề nghị Hội cấp trên và thị xã hỗ trợ làm lại nhà.",
            C.PAPER_CITIZEN,
            place="thôn Tân Lộc, xã Phổ Nhơn, thị xã Đức Phổ",
        ),
        summary="Đề nghị hỗ trợ xây dựng, sửa chữa nhà “Nghĩa tình đồng đội” cho hội viên cựu chiến binh có hoàn cảnh khó khăn đang ở nhà tạm, dột nát.",
        answer="Năm 2023 Hội Cựu chiến binh thị xã phối hợp Ủy ban MTTQ thị xã vận động xây mới 04 nhà “Nghĩa tình đồng đội”, mỗi nhà 60 triệu đồng, trong đó có nhà của hội viên Trần Văn Tám (xã Phổ Nhơn), khởi công tháng 5/2023.",
    ),
    M(
        "tai-lieu-phan-bac-quan-diem-sai",
        "xay_dung_dang_chinh_quyen",
        "huyen",
        BTG_DP,
        S(
            "Đề nghị Ban Tuyên giáo cung cấp thường xuyên tài liệu tuyên truyền, phản bác các thông tin sai trái trên mạng xã hội để cán bộ Hội Cựu chiến binh cơ sở có tài liệu sinh hoạt.",
            C.PAPER_ORGANISATION,
            org="Hội Cựu chiến binh phường Nguyễn Nghiêm",
        ),
        answer="Từ quý II/2023, Ban Tuyên giáo Thị ủy gửi bản tin nội bộ hằng tháng và tài liệu chuyên đề về đấu tranh phản bác quan điểm sai trái đến các chi hội cựu chiến binh qua nhóm thông tin của Hội Cựu chiến binh thị xã.",
    ),
    M(
        "duong-noi-dong-bau-sen-2023-q1",
        "nong_nghiep",
        "huyen",
        UBND_DP,
        S(
            "Tuyến đường nội đồng từ xóm Vĩnh Bình ra cánh đồng Bàu Sen, phường Phổ Minh bị hư hỏng nặng, mùa mưa lầy lội, xe máy cày không vào được để thu hoạch lúa. Đề nghị thị xã hỗ trợ xi măng để bê tông hóa.",
            C.PAPER_CITIZEN,
            place="tổ dân phố Vĩnh Bình, phường Phổ Minh, thị xã Đức Phổ",
        ),
        answer="UBND thị xã đã đưa tuyến đường vào danh mục hỗ trợ xi măng làm đường giao thông nông thôn năm 2023; giao UBND phường Phổ Minh vận động Nhân dân đối ứng ngày công, thi công sau vụ Đông Xuân.",
        support=(PHO_MINH,),
    ),
    M(
        "chat-doc-da-cam",
        "chinh_sach_xa_hoi",
        "trung_uong",
        UBND_DP,
        S(
            "Đề nghị kiến nghị Trung ương điều chỉnh tăng mức trợ cấp hằng tháng đối với người hoạt động kháng chiến bị nhiễm chất độc hóa học và con đẻ của họ bị dị dạng, dị tật.",
            C.PAPER_CITIZEN,
            place="phường Phổ Hòa, thị xã Đức Phổ",
        ),
        S(
            "Con của hội viên bị nhiễm chất độc da cam nay đã ngoài 40 tuổi, không tự phục vụ được, trợ cấp không đủ sống. Đề nghị có thêm chính sách hỗ trợ.",
            C.SPOKEN,
            place="xã Phổ Cường, thị xã Đức Phổ",
        ),
        summary="Đề nghị kiến nghị Trung ương tăng mức trợ cấp hằng tháng cho người hoạt động kháng chiến bị nhiễm chất độc hóa học và con đẻ bị dị dạng, dị tật.",
        answer="Mức trợ cấp đối với người có công thuộc thẩm quyền của Chính phủ. UBND thị xã đã tổng hợp kiến nghị gửi Sở Lao động - Thương binh và Xã hội tỉnh; từ ngày 01/7/2023 mức chuẩn trợ cấp ưu đãi người có công được điều chỉnh tăng theo Nghị định số 55/2023/NĐ-CP.",
    ),
    M(
        "ma-tuy-ven-bien",
        "an_ninh_trat_tu",
        "huyen",
        UBND_DP,
        S(
            "Hội Cựu chiến binh đề nghị Công an thị xã phối hợp kiểm tra, ngăn chặn tình trạng thanh niên tụ tập sử dụng ma túy tổng hợp ở khu vực ven biển Phổ Quang, Phổ Thạnh vào ban đêm.",
            C.AGENCY_REPORT,
            org="Hội Cựu chiến binh phường Phổ Quang",
        ),
        answer="Công an thị xã đã mở đợt cao điểm tấn công trấn áp tội phạm ma túy tại các phường ven biển, phát hiện, xử lý 06 vụ, 14 đối tượng; phối hợp Hội Cựu chiến binh duy trì mô hình “Cựu chiến binh tham gia giữ gìn an ninh trật tự” tại các tổ dân phố.",
    ),
    M(
        "thuoc-bhyt-pho-chau",
        "y_te_giao_duc",
        "huyen",
        UBND_DP,
        S(
            "Trạm y tế xã Phổ Châu thường xuyên thiếu thuốc bảo hiểm y tế điều trị tăng huyết áp, tiểu đường cho người cao tuổi, hội viên phải ra thị xã mua thuốc. Đề nghị quan tâm.",
            C.PAPER_CITIZEN,
            place="xã Phổ Châu, thị xã Đức Phổ",
        ),
        answer="Trung tâm Y tế thị xã đã điều chuyển bổ sung thuốc điều trị tăng huyết áp, đái tháo đường cho Trạm y tế xã Phổ Châu từ tháng 4/2023 và cấp thuốc 30 ngày/lần cho người bệnh mạn tính quản lý tại trạm.",
    ),
)

MATTERS_001_Q2 = (
    M(
        "cat-tra-cau-2023-q2",
        "moi_truong",
        "tinh",
        UBND_DP,
        S(
            "Tình trạng khai thác cát trên sông Trà Câu đoạn qua thôn An Thổ, xã Phổ An vẫn diễn ra ban đêm, bờ sông tiếp tục sạt lở, nhiều hộ mất đất sản xuất. Đề nghị thị xã kiểm tra, xử lý dứt điểm.",
            C.PAPER_CITIZEN,
            place="thôn An Thổ, xã Phổ An, thị xã Đức Phổ",
        ),
        S(
            "Bờ sông Trà Câu chỗ thôn An Thổ sạt lở ngày càng sâu do hút cát, đã kiến nghị nhưng chưa xử lý xong. Đề nghị làm kè chống sạt lở.",
            C.SPOKEN,
            place="thôn An Thổ, xã Phổ An, thị xã Đức Phổ",
        ),
        S(
            "Nhân dân thôn An Thổ đề nghị đình chỉ các bến bãi tập kết cát trái phép ven sông Trà Câu và xử lý xe chở cát quá tải làm hư đường liên thôn.",
            C.VILLAGE,
            org="Thôn An Thổ, xã Phổ An",
            place="thôn An Thổ, xã Phổ An, thị xã Đức Phổ",
        ),
        summary="Nhân dân thôn An Thổ, xã Phổ An tiếp tục phản ánh khai thác cát trên sông Trà Câu vào ban đêm gây sạt lở bờ sông, mất đất sản xuất (đã nêu tại hội nghị quý I); đề nghị xử lý dứt điểm, đình chỉ bến bãi trái phép và đầu tư kè chống sạt lở.",
        answer="UBND thị xã đã phối hợp Sở Tài nguyên và Môi trường kiểm tra, đề nghị UBND tỉnh không gia hạn giấy phép khai thác cát tại mỏ An Thổ; bố trí 2,5 tỷ đồng xử lý khẩn cấp 150 m bờ sông sạt lở, thi công trong tháng 7/2023; yêu cầu Chủ tịch UBND xã Phổ An chịu trách nhiệm nếu để tái diễn khai thác trái phép.",
        support=(PHO_AN,),
    ),
    M(
        "so-do-lan-dau-pho-an",
        "dat_dai",
        "huyen",
        UBND_DP,
        S(
            "Nhiều hộ ở thôn Hiển Văn, xã Phổ An sử dụng đất ổn định từ trước năm 1993 nhưng nộp hồ sơ cấp giấy chứng nhận lần đầu hơn một năm chưa được giải quyết. Đề nghị thị xã chỉ đạo rút ngắn thời gian.",
            C.MTTQ,
            org="Ban Công tác Mặt trận thôn Hiển Văn",
            place="thôn Hiển Văn, xã Phổ An, thị xã Đức Phổ",
        ),
        S(
            "Hồ sơ cấp sổ đỏ của tôi nộp tại bộ phận một cửa xã Phổ An từ tháng 3/2022, đi lại nhiều lần vẫn bảo bổ sung giấy tờ. Đề nghị trả lời rõ còn thiếu gì.",
            C.PAPER_CITIZEN,
            place="thôn Hiển Văn, xã Phổ An, thị xã Đức Phổ",
        ),
        S(
            "de nghi thi xa som cap so do cho cac ho o thon Phuoc Thanh xa Pho An, cho doi qua lau",
            C.ONLINE,
            place="thon Phuoc Thanh, xa Pho An",
        ),
        summary="Đề nghị thị xã chỉ đạo giải quyết các hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu tồn đọng tại xã Phổ An (thôn Hiển Văn, Phước Thạnh), thông báo rõ giấy tờ còn thiếu cho từng hộ.",
        answer="Qua rà soát, xã Phổ An còn 64 hồ sơ cấp giấy chứng nhận lần đầu tồn đọng, chủ yếu do chưa xác định được nguồn gốc đất. Chi nhánh Văn phòng Đăng ký đất đai thị xã đã lập tổ công tác làm việc tại xã từ ngày 05/6/2023, giải quyết xong 40 hồ sơ đủ điều kiện trong quý III/2023 và thông báo bằng văn bản cho từng hộ các giấy tờ còn thiếu.",
        support=(PHO_AN,),
    ),
    M(
        "dat-cong-ich-pho-an",
        "dat_dai",
        "xa",
        PHO_AN,
        S(
            "Đề nghị công khai danh sách các hộ thuê đất công ích 5% của xã Phổ An, thời hạn thuê và số tiền đã nộp, vì dân nghe nói có trường hợp cho thuê không qua đấu giá.",
            C.SPEAKER_SLIP,
            place="thôn Vĩnh Tuy, xã Phổ An, thị xã Đức Phổ",
        ),
        S(
            "Quỹ đất công ích ở thôn Vĩnh Tuy bị một số hộ sử dụng nhiều năm không nộp tiền thuê, đề nghị xã kiểm tra, thu hồi.",
            C.VILLAGE,
            org="Thôn Vĩnh Tuy, xã Phổ An",
            place="thôn Vĩnh Tuy, xã Phổ An, thị xã Đức Phổ",
        ),
        summary="Đề nghị xã Phổ An công khai việc cho thuê quỹ đất công ích 5% (danh sách hộ thuê, thời hạn, tiền thuê), kiểm tra các trường hợp cho thuê không qua đấu giá và thu hồi diện tích sử dụng không nộp tiền.",
        draft="UBND xã sẽ kiểm tra và báo cáo sau.",
        comment="Đề nghị nêu cụ thể kết quả rà soát từng hợp đồng thuê đất công ích, các trường hợp không qua đấu giá và hướng xử lý.",
        answer="UBND xã Phổ An đã rà soát 38 hợp đồng thuê đất công ích: 31 hợp đồng qua đấu giá, 07 hợp đồng giao trực tiếp trước năm 2015 đã hết hạn. Xã đã niêm yết công khai danh sách tại trụ sở và nhà văn hóa các thôn từ ngày 20/6/2023, thu hồi 1,2 ha để đấu giá lại trong quý III/2023; 02 hộ nợ tiền thuê đã cam kết nộp đủ trước ngày 30/9/2023.",
        outcome=REVISED,
    ),
    M(
        "mo-cat-san-lap-phuoc-thanh",
        "moi_truong",
        "tinh",
        UBND_DP,
        S(
            "Mỏ cát làm vật liệu san lấp tại thôn Phước Thạnh được cấp phép nhưng doanh nghiệp chưa tổ chức lấy ý kiến Nhân dân, xe chở cát chạy qua khu dân cư gây bụi, hư đường. Đề nghị thị xã làm rõ.",
            C.SPOKEN,
            place="thôn Phước Thạnh, xã Phổ An, thị xã Đức Phổ",
        ),
        S(
            "Đề nghị buộc doanh nghiệp khai thác mỏ cát san lấp Phước Thạnh ký cam kết bảo vệ môi trường với thôn, tưới nước chống bụi và sửa chữa đoạn đường hư hỏng.",
            C.VILLAGE,
            org="Thôn Phước Thạnh, xã Phổ An",
            place="thôn Phước Thạnh, xã Phổ An, thị xã Đức Phổ",
        ),
        summary="Nhân dân thôn Phước Thạnh đề nghị làm rõ việc cấp phép mỏ cát san lấp, yêu cầu doanh nghiệp đối thoại với Nhân dân, chống bụi và sửa chữa đường hư hỏng do xe chở cát.",
        answer="Mỏ cát san lấp Phước Thạnh do UBND tỉnh cấp phép năm 2022. UBND thị xã đã yêu cầu doanh nghiệp tổ chức đối thoại với Nhân dân thôn Phước Thạnh ngày 12/6/2023, ký cam kết tưới nước chống bụi 03 lần/ngày, chỉ vận chuyển từ 6 giờ đến 18 giờ và sửa chữa 600 m đường liên thôn trước ngày 31/8/2023.",
    ),
    M(
        "tai-dinh-cu-an-tho",
        "giai_phong_mat_bang",
        "huyen",
        UBND_DP,
        S(
            "Gia đình tôi bị thu hồi đất làm khu dân cư An Thổ từ năm 2020, đã bàn giao mặt bằng nhưng đến nay vẫn chưa được bố trí lô đất tái định cư, phải ở nhờ nhà người thân.",
            C.PAPER_CITIZEN,
            place="thôn An Thổ, xã Phổ An, thị xã Đức Phổ",
        ),
        S(
            "Đề nghị thị xã sớm bốc thăm giao đất tái định cư cho 9 hộ thuộc dự án khu dân cư An Thổ.",
            C.SPOKEN,
            place="thôn An Thổ, xã Phổ An, thị xã Đức Phổ",
        ),
        summary="Các hộ bị thu hồi đất dự án khu dân cư An Thổ (năm 2020) đề nghị sớm được bố trí, giao đất tái định cư.",
        outcome=LATE,
    ),
    M(
        "kenh-n6-vinh-tuy",
        "nong_nghiep",
        "xa",
        PHO_AN,
        S(
            "Kênh mương thủy lợi nhánh N6 qua thôn Vĩnh Tuy bị bồi lấp, bờ kênh sạt, nước không về được ruộng cuối kênh. Đề nghị xã nạo vét trước vụ Hè Thu.",
            C.VILLAGE,
            org="Thôn Vĩnh Tuy, xã Phổ An",
            place="thôn Vĩnh Tuy, xã Phổ An, thị xã Đức Phổ",
        ),
        S(
            "Ruộng nhà tôi ở cuối kênh N6, vụ Đông Xuân vừa rồi thiếu nước phải bơm tát, đề nghị sửa kênh.",
            C.PAPER_CITIZEN,
            place="thôn Vĩnh Tuy, xã Phổ An, thị xã Đức Phổ",
        ),
        summary="Đề nghị nạo vét, sửa chữa kênh thủy lợi nhánh N6 qua thôn Vĩnh Tuy để bảo đảm nước tưới vụ Hè Thu.",
        answer="UBND xã Phổ An đã phối hợp Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh nạo vét 900 m kênh N6, gia cố 2 đoạn bờ sạt, hoàn thành ngày 10/6/2023 trước khi xuống giống vụ Hè Thu.",
    ),
    M(
        "chuyen-muc-dich-dat-vuon",
        "dat_dai",
        "huyen",
        UBND_DP,
        S(
            "Đề nghị thị xã cho phép các hộ chuyển mục đích đất vườn liền kề sang đất ở theo quy hoạch sử dụng đất thời kỳ 2021-2030 đã được phê duyệt, hiện nộp hồ sơ nhưng chưa được giải quyết vì chưa có kế hoạch sử dụng đất hằng năm.",
            C.PAPER_CITIZEN,
            place="thôn Hiển Văn, xã Phổ An, thị xã Đức Phổ",
        ),
        answer="Kế hoạch sử dụng đất năm 2023 của thị xã đã được UBND tỉnh phê duyệt, trong đó bổ sung 3,2 ha chuyển mục đích đất vườn sang đất ở tại xã Phổ An; các hộ nộp hồ sơ tại bộ phận một cửa thị xã để được giải quyết theo quy định.",
    ),
    M(
        "camera-hien-van",
        "an_ninh_trat_tu",
        "xa",
        PHO_AN,
        S(
            "Đề nghị lắp camera an ninh tại các ngã ba thôn Hiển Văn, thời gian gần đây trộm cắp tài sản, trộm bò của dân xảy ra nhiều.",
            C.SPEAKER_SLIP,
            place="thôn Hiển Văn, xã Phổ An, thị xã Đức Phổ",
        ),
        answer="UBND xã Phổ An đã vận động xã hội hóa lắp 06 camera tại các ngã ba, ngã tư thôn Hiển Văn, kết nối về Công an xã, hoàn thành tháng 7/2023; Công an xã tăng cường tuần tra ban đêm.",
    ),
)

MATTERS_001_Q3 = (
    M(
        "phu-cap-bi-thu-chi-bo",
        "xay_dung_dang_chinh_quyen",
        "tinh",
        TU_DP,
        S(
            "Phụ cấp của bí thư chi bộ thôn, tổ dân phố quá thấp, khó thu hút đảng viên trẻ có năng lực làm bí thư chi bộ. Đề nghị Thị ủy kiến nghị tỉnh nâng mức phụ cấp.",
            C.PAPER_ORGANISATION,
            org="Chi bộ thôn Tân Lộc, Đảng bộ xã Phổ Nhơn",
        ),
        S(
            "Chi bộ đề nghị có chế độ hỗ trợ cho bí thư chi bộ kiêm trưởng thôn, hiện chỉ được hưởng một mức phụ cấp trong khi khối lượng công việc rất lớn.",
            C.PAPER_ORGANISATION,
            org="Chi bộ tổ dân phố Thanh Bình, Đảng bộ phường Phổ Minh",
        ),
        summary="Cấp ủy các chi bộ đề nghị nâng mức phụ cấp của bí thư chi bộ thôn, tổ dân phố và có chế độ hỗ trợ khi bí thư chi bộ kiêm trưởng thôn.",
        answer="Mức phụ cấp của bí thư chi bộ thôn, tổ dân phố thực hiện theo nghị quyết của HĐND tỉnh. Ban Thường vụ Thị ủy đã có văn bản kiến nghị Tỉnh ủy, HĐND tỉnh xem xét điều chỉnh khi sửa đổi nghị quyết; đồng thời Thị ủy hỗ trợ thêm từ nguồn kinh phí của Đảng bộ thị xã 100.000 đồng/tháng cho bí thư chi bộ kiêm trưởng thôn từ năm 2024.",
    ),
    M(
        "ket-nap-dang-vien-tre",
        "xay_dung_dang_chinh_quyen",
        "huyen",
        TU_DP,
        S(
            "Thanh niên ở thôn phần lớn đi làm ăn xa, chi bộ rất khó tạo nguồn kết nạp đảng viên, nhiều năm liền không kết nạp được. Đề nghị Thị ủy có hướng dẫn, giải pháp phù hợp.",
            C.PAPER_ORGANISATION,
            org="Chi bộ thôn An Thổ, Đảng bộ xã Phổ An",
        ),
        S(
            "Đề nghị cho phép chi bộ phối hợp với nơi thanh niên làm việc để bồi dưỡng, kết nạp đảng viên là người đi lao động xa quê.",
            C.SPOKEN,
            org="Chi bộ thôn Hiển Văn, Đảng bộ xã Phổ An",
        ),
        summary="Cấp ủy chi bộ thôn đề nghị có giải pháp tạo nguồn, kết nạp đảng viên khi phần lớn thanh niên đi làm ăn xa; phối hợp với nơi làm việc để bồi dưỡng, kết nạp.",
        answer="Ban Thường vụ Thị ủy đã chỉ đạo Ban Tổ chức Thị ủy hướng dẫn các đảng bộ cơ sở lập danh sách thanh niên ưu tú đi làm ăn xa, phối hợp tổ chức đảng nơi làm việc bồi dưỡng, giới thiệu kết nạp; giao chỉ tiêu tạo nguồn cho từng chi bộ thôn từ năm 2023.",
    ),
    M(
        "tai-lieu-sinh-hoat-chuyen-de",
        "xay_dung_dang_chinh_quyen",
        "huyen",
        BTG_DP,
        S(
            "Sinh hoạt chi bộ ở nhiều nơi còn hình thức, nội dung chung chung. Đề nghị Ban Tuyên giáo cung cấp sớm tài liệu sinh hoạt chuyên đề hằng quý cho các chi bộ.",
            C.PAPER_ORGANISATION,
            org="Chi bộ tổ dân phố Quy Thiện, Đảng bộ phường Phổ Minh",
        ),
        S(
            "Đề nghị tổ chức tập huấn cho bí thư chi bộ về cách chuẩn bị nội dung sinh hoạt chuyên đề, nhất là bí thư mới.",
            C.PAPER_ORGANISATION,
            org="Chi bộ thôn Vĩnh Tuy, Đảng bộ xã Phổ An",
        ),
        summary="Đề nghị cung cấp sớm tài liệu sinh hoạt chuyên đề hằng quý và tập huấn cho bí thư chi bộ, nâng chất lượng sinh hoạt chi bộ.",
        answer="Ban Tuyên giáo Thị ủy đã biên soạn tài liệu sinh hoạt chuyên đề năm 2023 gửi các chi bộ trước ngày 15 tháng đầu mỗi quý và tổ chức lớp tập huấn cho 96 bí thư chi bộ trong tháng 9/2023.",
    ),
    M(
        "dang-vien-di-lam-an-xa",
        "xay_dung_dang_chinh_quyen",
        "huyen",
        TU_DP,
        S(
            "Việc quản lý đảng viên đi làm ăn xa, không sinh hoạt được nhiều tháng còn lúng túng. Đề nghị Thị ủy hướng dẫn thống nhất việc sinh hoạt tạm thời và đánh giá, xếp loại đối với các đồng chí này.",
            C.PAPER_ORGANISATION,
            org="Chi bộ thôn Phước Thạnh, Đảng bộ xã Phổ An",
        ),
        answer="Ban Tổ chức Thị ủy đã ban hành hướng dẫn quản lý đảng viên đi làm ăn xa: đảng viên đi từ 03 tháng trở lên phải giới thiệu sinh hoạt tạm thời tại nơi đến, báo cáo định kỳ 06 tháng với chi bộ nơi sinh hoạt chính thức để làm căn cứ đánh giá, xếp loại.",
    ),
    M(
        "ccb-quyet-dinh-62-chi-bo",
        "chinh_sach_xa_hoi",
        "huyen",
        UBND_DP,
        S(
            "Một số đảng viên là cựu chiến binh tham gia chiến tranh bảo vệ Tổ quốc, làm nhiệm vụ quốc tế ở Campuchia nhưng thất lạc giấy tờ nên đến nay vẫn chưa được hưởng chế độ theo Quyết định 62/2011/QĐ-TTg. Đề nghị tiếp tục hướng dẫn thủ tục xác nhận.",
            C.PAPER_ORGANISATION,
            org="Chi bộ tổ dân phố Vĩnh Bình, Đảng bộ phường Phổ Minh",
        ),
        answer="Trong số 27 trường hợp rà soát từ quý I/2023, đã có 15 trường hợp được Bộ Chỉ huy Quân sự tỉnh thẩm định, chờ quyết định hưởng chế độ; 12 trường hợp còn lại Ban Chỉ huy Quân sự thị xã đang phối hợp các đơn vị cũ xác minh, trả lời từng người trước ngày 30/9/2023.",
        support=(CCB_DP,),
    ),
    M(
        "mien-sinh-hoat-dang",
        "xay_dung_dang_chinh_quyen",
        "huyen",
        TU_DP,
        S(
            "Đề nghị hướng dẫn thống nhất việc miễn công tác và sinh hoạt đảng cho đảng viên tuổi cao, sức yếu, tránh mỗi chi bộ làm một kiểu.",
            C.PAPER_ORGANISATION,
            org="Chi bộ tổ dân phố Thanh Bình, Đảng bộ phường Phổ Minh",
        ),
        answer="Việc miễn công tác và sinh hoạt đảng thực hiện theo Hướng dẫn số 12-HD/BTCTW; Ban Tổ chức Thị ủy đã gửi lại hướng dẫn và mẫu biểu đến các chi bộ trong tháng 8/2023.",
    ),
    M(
        "tin-dung-den",
        "an_ninh_trat_tu",
        "huyen",
        UBND_DP,
        S(
            "Tờ rơi cho vay tiền nhanh, không cần thế chấp dán khắp cột điện, một số hộ vay rồi bị đòi nợ, khủng bố tinh thần. Đề nghị công an thị xã xử lý tín dụng đen.",
            C.PAPER_ORGANISATION,
            org="Chi bộ tổ dân phố Quy Thiện, Đảng bộ phường Phổ Minh",
        ),
        S(
            "Đề nghị tăng cường tuyên truyền cho người dân không vay tín dụng đen và xử lý các đối tượng đòi nợ bằng cách tạt sơn, mắm tôm vào nhà dân.",
            C.SPOKEN,
            org="Chi bộ thôn Tân Lộc, Đảng bộ xã Phổ Nhơn",
        ),
        summary="Đề nghị xử lý hoạt động tín dụng đen, cho vay nặng lãi qua tờ rơi và các hành vi đòi nợ khủng bố tinh thần; tăng cường tuyên truyền trong Nhân dân.",
        answer="Công an thị xã đã xác lập chuyên án đấu tranh với hoạt động tín dụng đen, khởi tố 01 vụ cho vay lãi nặng, xử phạt 05 trường hợp dán tờ rơi trái phép; phối hợp các chi bộ, tổ dân phố tuyên truyền qua loa truyền thanh.",
    ),
    M(
        "so-tay-dang-vien-dien-tu",
        "xay_dung_dang_chinh_quyen",
        "huyen",
        TU_DP,
        S(
            "Đề nghị hỗ trợ trang bị máy tính và đường truyền cho các chi bộ thôn để thực hiện sổ tay đảng viên điện tử, nhiều đảng viên lớn tuổi không dùng được điện thoại thông minh.",
            C.PAPER_ORGANISATION,
            org="Chi bộ thôn Vĩnh Tuy, Đảng bộ xã Phổ An",
        ),
        answer="Văn phòng Thị ủy đã hướng dẫn các đảng bộ cơ sở bố trí máy tính dùng chung tại nhà văn hóa thôn và cử đoàn viên thanh niên hỗ trợ đảng viên lớn tuổi sử dụng sổ tay đảng viên điện tử.",
        outcome=SUBMITTED,
    ),
)

MATTERS_001_Q4 = (
    M(
        "duong-noi-dong-bau-sen-2023-q4",
        "nong_nghiep",
        "huyen",
        UBND_DP,
        S(
            "Tuyến đường nội đồng từ xóm Vĩnh Bình ra cánh đồng Bàu Sen, phường Phổ Minh vẫn chưa được bê tông hóa, mùa mưa lầy lội, máy gặt không vào được để thu hoạch lúa. Đề nghị thị xã sớm hỗ trợ xi măng như đã trả lời.",
            C.PAPER_CITIZEN,
            place="tổ dân phố Vĩnh Bình, phường Phổ Minh, thị xã Đức Phổ",
        ),
        answer="Thị xã đã cấp 120 tấn xi măng cho phường Phổ Minh trong tháng 11/2023; UBND phường tổ chức thi công 1,1 km đường nội đồng Vĩnh Bình - Bàu Sen, hoàn thành trước vụ Đông Xuân 2024.",
        support=(PHO_MINH,),
    ),
    M(
        "cat-tra-cau-2023-q4",
        "moi_truong",
        "tinh",
        UBND_DP,
        S(
            "Tình trạng khai thác cát trên sông Trà Câu đoạn thôn An Thổ, xã Phổ An giáp phường Phổ Minh vẫn diễn ra ban đêm, bờ sông sạt lở, ruộng của dân bị mất đất. Đề nghị thị xã xử lý dứt điểm.",
            C.SPOKEN,
            place="tổ dân phố Thanh Bình, phường Phổ Minh, thị xã Đức Phổ",
        ),
        answer="Sau hội nghị quý II, UBND tỉnh không gia hạn giấy phép mỏ cát An Thổ; 150 m kè bờ sông đã hoàn thành tháng 9/2023. UBND thị xã giao Công an thị xã và UBND xã Phổ An, phường Phổ Minh duy trì chốt kiểm soát ban đêm, xử lý nghiêm các trường hợp khai thác trái phép; đoạn bờ còn sạt lở được đưa vào kế hoạch đầu tư năm 2024.",
        support=(PHO_AN, PHO_MINH),
    ),
    M(
        "co-gioi-hoa-lua",
        "nong_nghiep",
        "huyen",
        UBND_DP,
        S(
            "Giá phân bón, thuốc bảo vệ thực vật tăng cao trong khi giá lúa thấp, người trồng lúa lãi rất ít. Đề nghị thị xã có chính sách hỗ trợ giống, phân bón cho các hộ trồng lúa.",
            C.PAPER_CITIZEN,
            place="tổ dân phố Quy Thiện, phường Phổ Minh, thị xã Đức Phổ",
        ),
        S(
            "Đề nghị hỗ trợ Hợp tác xã nông nghiệp Phổ Minh mua máy cấy, máy sấy lúa để giảm chi phí sản xuất cho xã viên.",
            C.PAPER_ORGANISATION,
            org="Hợp tác xã nông nghiệp Phổ Minh",
        ),
        summary="Đề nghị hỗ trợ giống, phân bón cho hộ trồng lúa và hỗ trợ Hợp tác xã nông nghiệp Phổ Minh mua máy cấy, máy sấy lúa để giảm chi phí sản xuất.",
        answer="Vụ Đông Xuân 2023-2024, thị xã hỗ trợ 50% giá giống lúa xác nhận cho các hộ tham gia cánh đồng lớn; Hợp tác xã nông nghiệp Phổ Minh được hướng dẫn lập dự án đề nghị hỗ trợ máy sấy theo chính sách phát triển hợp tác xã của tỉnh, thị xã hỗ trợ lập hồ sơ trong quý I/2024.",
    ),
    M(
        "cho-pho-minh",
        "kinh_te_doanh_nghiep",
        "xa",
        PHO_MINH,
        S(
            "Chợ Phổ Minh xuống cấp, mái tôn dột, nền ẩm thấp, mưa là ngập; tiểu thương buôn bán rất khó khăn. Đề nghị đầu tư nâng cấp chợ.",
            C.PAPER_CITIZEN,
            place="tổ dân phố Quy Thiện, phường Phổ Minh, thị xã Đức Phổ",
        ),
        S(
            "Các hộ kinh doanh chợ Phổ Minh đề nghị phường công khai phương án nâng cấp chợ và mức thu phí sau nâng cấp, tránh tăng phí quá cao.",
            C.SPOKEN,
            place="tổ dân phố Quy Thiện, phường Phổ Minh, thị xã Đức Phổ",
        ),
        summary="Tiểu thương đề nghị nâng cấp chợ Phổ Minh bị xuống cấp, ngập khi mưa; công khai phương án nâng cấp và mức thu phí sau nâng cấp.",
        draft="Phường ghi nhận và sẽ báo cáo thị xã xem xét.",
        comment="Đề nghị trả lời rõ chợ đã có trong kế hoạch đầu tư chưa, nguồn vốn, thời gian thực hiện và cách lấy ý kiến tiểu thương về mức phí.",
        outcome=RETURNED,
    ),
    M(
        "ep-gia-lua",
        "nong_nghiep",
        "huyen",
        UBND_DP,
        S(
            "Vụ mùa thương lái ép giá lúa tươi, người dân không có máy sấy nên phải bán ngay tại ruộng. Đề nghị thị xã kêu gọi doanh nghiệp liên kết bao tiêu lúa cho nông dân.",
            C.PAPER_CITIZEN,
            place="tổ dân phố Thanh Bình, phường Phổ Minh, thị xã Đức Phổ",
        ),
        S(
            "de nghi co cho thu mua lua tap trung o Pho Minh, ban cho thuong lai bi ep gia qua",
            C.ONLINE,
            place="phuong Pho Minh",
        ),
        summary="Đề nghị thị xã kêu gọi doanh nghiệp liên kết bao tiêu lúa, có điểm thu mua tập trung tại Phổ Minh để nông dân không bị thương lái ép giá.",
        answer="Phòng Kinh tế thị xã đã làm việc với 02 doanh nghiệp chế biến lúa gạo trong tỉnh để ký hợp đồng bao tiêu cho 45 ha cánh đồng lớn tại Phổ Minh từ vụ Đông Xuân 2024, giá thu mua không thấp hơn giá thị trường tại thời điểm thu hoạch.",
    ),
    M(
        "ngap-quy-thien",
        "giao_thong_ha_tang",
        "huyen",
        UBND_DP,
        S(
            "Mỗi khi mưa lớn, khu dân cư tổ dân phố Quy Thiện bị ngập sâu do cống thoát nước qua Quốc lộ 1 nhỏ, bị bồi lấp. Đề nghị thị xã khơi thông, mở rộng cống.",
            C.PAPER_CITIZEN,
            place="tổ dân phố Quy Thiện, phường Phổ Minh, thị xã Đức Phổ",
        ),
        S(
            "Nước từ đồng ruộng đổ về khu dân cư Quy Thiện không thoát kịp, năm nào cũng ngập vào nhà. Đề nghị làm mương thoát nước.",
            C.SPEAKER_SLIP,
            place="tổ dân phố Quy Thiện, phường Phổ Minh, thị xã Đức Phổ",
        ),
        summary="Đề nghị khơi thông, mở rộng cống thoát nước qua Quốc lộ 1 và làm mương thoát nước chống ngập cho khu dân cư tổ dân phố Quy Thiện.",
        answer="UBND thị xã đã nạo vét cống qua Quốc lộ 1 tại Quy Thiện trước mùa mưa năm 2023 và đề nghị Cục Đường bộ Việt Nam mở rộng cống khi sửa chữa tuyến; mương thoát nước khu dân cư Quy Thiện được đưa vào kế hoạch đầu tư công năm 2024 của thị xã.",
    ),
    M(
        "von-ho-kinh-doanh",
        "kinh_te_doanh_nghiep",
        "huyen",
        UBND_DP,
        S(
            "Đề nghị hỗ trợ vay vốn ưu đãi cho hộ kinh doanh dịch vụ ăn uống, tạp hóa ở phường để phục hồi sau thời gian làm ăn khó khăn.",
            C.PAPER_CITIZEN,
            place="tổ dân phố Vĩnh Bình, phường Phổ Minh, thị xã Đức Phổ",
        ),
        answer="Hộ kinh doanh được vay vốn giải quyết việc làm qua Ngân hàng Chính sách xã hội với mức tối đa 100 triệu đồng/hộ; UBND phường Phổ Minh hướng dẫn các hộ lập hồ sơ qua tổ tiết kiệm và vay vốn.",
    ),
    M(
        "lo-mo-thanh-binh",
        "moi_truong",
        "xa",
        PHO_MINH,
        S(
            "Lò mổ gia súc tự phát trong khu dân cư tổ dân phố Thanh Bình hoạt động từ 2 giờ sáng, nước thải chảy ra mương, mùi hôi thối. Đề nghị phường kiểm tra, di dời.",
            C.PAPER_CITIZEN,
            place="tổ dân phố Thanh Bình, phường Phổ Minh, thị xã Đức Phổ",
        ),
        S(
            "Đề nghị xử lý lò mổ heo ở tổ Thanh Bình, tiếng heo kêu và mùi hôi ảnh hưởng các hộ xung quanh nhiều năm nay.",
            C.SPOKEN,
            place="tổ dân phố Thanh Bình, phường Phổ Minh, thị xã Đức Phổ",
        ),
        summary="Đề nghị kiểm tra, xử lý, di dời lò mổ gia súc tự phát trong khu dân cư tổ dân phố Thanh Bình gây tiếng ồn, ô nhiễm.",
        answer="UBND phường Phổ Minh đã kiểm tra, xử phạt vi phạm hành chính chủ lò mổ về bảo vệ môi trường và yêu cầu chấm dứt giết mổ trong khu dân cư từ ngày 01/12/2023, chuyển về cơ sở giết mổ tập trung của thị xã.",
    ),
    M(
        "phong-hoc-mam-non-pho-minh",
        "y_te_giao_duc",
        "huyen",
        UBND_DP,
        S(
            "Trường mầm non Phổ Minh thiếu phòng học, nhiều cháu 3 tuổi chưa được nhận vào lớp. Đề nghị thị xã đầu tư thêm phòng học.",
            C.PAPER_CITIZEN,
            place="tổ dân phố Vĩnh Bình, phường Phổ Minh, thị xã Đức Phổ",
        ),
        answer="UBND thị xã đã phê duyệt dự án xây dựng 04 phòng học Trường mầm non Phổ Minh với tổng mức 3,6 tỷ đồng, khởi công quý I/2024; năm học 2023-2024 trường được bố trí thêm 02 lớp học tạm tại nhà văn hóa tổ dân phố.",
    ),
)

_DUC_PHO = {
    "issuer": "Thị ủy Đức Phổ",
    "receiving": "Ban Dân vận Thị ủy Đức Phổ",
    "orgs": {
        C.PAPER_ORGANISATION: (
            "Chi bộ tổ dân phố Vĩnh Bình, Đảng bộ phường Phổ Minh",
            "Hội Cựu chiến binh phường Phổ Vinh",
        ),
        C.MTTQ: ("Ủy ban MTTQ Việt Nam thị xã Đức Phổ",),
        C.AGENCY_REPORT: ("Hội Cựu chiến binh thị xã Đức Phổ",),
    },
    "names": "mien_trung",
}

BATCHES_001 = (
    Batch(
        key="001-q1",
        conference="Tháng 3/2023",
        day=date(2023, 3, 23),
        opens=date(2023, 2, 27),
        closes=date(2023, 3, 14),
        places=DUC_PHO_PLACES,
        channels=((C.PAPER_CITIZEN, 3), (C.SPOKEN, 2), (C.AGENCY_REPORT, 2)),
        matters=MATTERS_001_Q1,
        **_DUC_PHO,
    ),
    Batch(
        key="001-q2",
        conference="Tháng 5/2023",
        day=date(2023, 5, 25),
        opens=date(2023, 4, 24),
        closes=date(2023, 5, 16),
        places=PHO_AN_PLACES,
        channels=((C.PAPER_CITIZEN, 3), (C.SPOKEN, 2), (C.VILLAGE, 1), (C.MTTQ, 1)),
        matters=MATTERS_001_Q2,
        **_DUC_PHO,
    ),
    Batch(
        key="001-q3",
        conference="Tháng 7/2023",
        day=date(2023, 7, 20),
        opens=date(2023, 6, 26),
        closes=date(2023, 7, 12),
        places=DUC_PHO_PLACES,
        channels=((C.PAPER_ORGANISATION, 4), (C.SPOKEN, 1)),
        matters=MATTERS_001_Q3,
        **_DUC_PHO,
    ),
    Batch(
        key="001-q4",
        conference="Tháng 10/2023",
        day=date(2023, 10, 19),
        opens=date(2023, 9, 25),
        closes=date(2023, 10, 11),
        places=PHO_MINH_PLACES,
        channels=((C.PAPER_CITIZEN, 3), (C.SPOKEN, 2), (C.ONLINE, 1)),
        matters=MATTERS_001_Q4,
        **_DUC_PHO,
    ),
)


# --------------------------------------------------------------------------- 002

UBND_BG = "Ủy ban nhân dân tỉnh Bắc Giang"
LOI = {"who": "Trần Văn Lợi", "phone": "0983 416 207", "place": "thôn Đồng Vành, xã Nghĩa Phương, huyện Lục Nam"}

MONTHLY_002 = {
    1: (
        M(
            "bg-tranh-chap-dong-vanh-01",
            "dat_dai",
            "huyen",
            "Huyện Lục Nam",
            S(
                "Tôi đề nghị giải quyết tranh chấp ranh giới đất giữa gia đình tôi và hộ ông Nguyễn Văn Hòa ở thôn Đồng Vành, xã Nghĩa Phương, huyện Lục Nam. Xã đã hòa giải hai lần không thành, hộ ông Hòa vẫn xây tường lấn sang đất nhà tôi khoảng 30 m2.",
                C.SPOKEN,
                **LOI,
            ),
            answer="UBND tỉnh giao UBND huyện Lục Nam chỉ đạo UBND xã Nghĩa Phương đo đạc hiện trạng, tổ chức hòa giải lần cuối trước ngày 15/02/2024; trường hợp không thành, hướng dẫn ông nộp đơn đề nghị Chủ tịch UBND huyện giải quyết theo quy định của Luật Đất đai.",
        ),
        M(
            "bg-tro-cap-xa-hoi-me-gia",
            "chinh_sach_xa_hoi",
            "huyen",
            "Huyện Lạng Giang",
            S(
                "Mẹ tôi 82 tuổi, sống một mình, không có lương hưu nhưng hồ sơ đề nghị hưởng trợ cấp xã hội hằng tháng bị xã trả lại vì thiếu giấy tờ. Đề nghị xem xét giải quyết cho mẹ tôi.",
                C.PAPER_CITIZEN,
                place="thôn Mỹ Lộc, xã Mỹ Thái, huyện Lạng Giang",
            ),
            answer="UBND huyện Lạng Giang đã kiểm tra, hướng dẫn gia đình bổ sung tờ khai theo mẫu; bà đã được hưởng trợ cấp xã hội hằng tháng và cấp thẻ bảo hiểm y tế từ tháng 02/2024.",
        ),
        M(
            "bg-xuong-go-hop-thinh",
            "moi_truong",
            "xa",
            "Xã Hợp Thịnh",
            S(
                "Xưởng xẻ gỗ trong khu dân cư thôn Trung Hưng, xã Hợp Thịnh chạy máy đến 11 giờ đêm, tiếng ồn và mùn cưa ảnh hưởng sinh hoạt của các hộ xung quanh. Đề nghị kiểm tra, xử lý.",
                C.PAPER_CITIZEN,
                place="thôn Trung Hưng, xã Hợp Thịnh, huyện Hiệp Hòa",
            ),
            S(
                "de nghi xa Hop Thinh xu ly xuong go o thon Trung Hung chay may ca dem, on khong ngu duoc",
                C.ONLINE,
                place="thon Trung Hung, xa Hop Thinh, Hiep Hoa",
            ),
            summary="Đề nghị kiểm tra, xử lý xưởng xẻ gỗ trong khu dân cư thôn Trung Hưng, xã Hợp Thịnh hoạt động đến đêm gây tiếng ồn, bụi mùn cưa.",
            answer="UBND xã Hợp Thịnh đã kiểm tra, lập biên bản, yêu cầu chủ xưởng chỉ hoạt động từ 7 giờ đến 18 giờ, làm tường bao che chắn bụi; từ tháng 3/2024 xưởng đã di chuyển vào cụm công nghiệp.",
        ),
        M(
            "bg-dang-ky-thua-ke",
            "dat_dai",
            "huyen",
            "Thành phố Bắc Giang",
            S(
                "Hồ sơ đăng ký biến động thừa kế quyền sử dụng đất của gia đình tôi nộp tại Chi nhánh Văn phòng Đăng ký đất đai thành phố từ tháng 10/2023 đã quá hạn mà chưa trả kết quả.",
                C.PAPER_CITIZEN,
                place="phường Dĩnh Kế, thành phố Bắc Giang",
            ),
            answer="Hồ sơ chậm do sai lệch diện tích giữa giấy chứng nhận và bản đồ địa chính; Chi nhánh Văn phòng Đăng ký đất đai thành phố đã đo đạc lại, trả kết quả cho gia đình ngày 29/01/2024 và có văn bản xin lỗi vì trả kết quả quá hạn.",
        ),
    ),
    2: (
        M(
            "bg-tdc-quang-chau-02",
            "giai_phong_mat_bang",
            "tinh",
            UBND_BG,
            S(
                "Đề nghị tỉnh chỉ đạo sớm giao đất tái định cư cho các hộ bị thu hồi đất làm Khu công nghiệp Quang Châu; gia đình tôi bàn giao mặt bằng từ năm 2021 đến nay vẫn phải đi thuê nhà.",
                C.SPOKEN,
                place="phường Quang Châu, thị xã Việt Yên",
            ),
            S(
                "Khu tái định cư phục vụ Khu công nghiệp Quang Châu chậm hoàn thiện hạ tầng, các hộ chưa được bốc thăm đất. Đề nghị tỉnh đôn đốc chủ đầu tư.",
                C.PAPER_CITIZEN,
                place="phường Quang Châu, thị xã Việt Yên",
            ),
            summary="Các hộ bị thu hồi đất làm Khu công nghiệp Quang Châu đề nghị đôn đốc hoàn thiện hạ tầng khu tái định cư và sớm giao đất tái định cư.",
            answer="UBND tỉnh đã chỉ đạo UBND thị xã Việt Yên và chủ đầu tư hoàn thành hạ tầng khu tái định cư trong quý II/2024, tổ chức bốc thăm giao đất cho 46 hộ trước ngày 30/6/2024; trong thời gian chờ, các hộ được hỗ trợ tiền thuê nhà theo quy định.",
        ),
        M(
            "bg-pccc-nha-xuong-02",
            "kinh_te_doanh_nghiep",
            "tinh",
            UBND_BG,
            S(
                "Thủ tục thẩm duyệt thiết kế phòng cháy, chữa cháy cho nhà xưởng xây để cho thuê kéo dài, doanh nghiệp nộp hồ sơ hơn 3 tháng chưa có kết quả, ảnh hưởng hợp đồng với khách thuê.",
                C.PAPER_ORGANISATION,
                org="Công ty TNHH Đầu tư Hạ tầng Việt Yên",
            ),
            answer="Công an tỉnh đã rà soát, trả kết quả thẩm duyệt cho doanh nghiệp ngày 28/02/2024; hồ sơ chậm do thiết kế hệ thống chữa cháy tự động phải sửa đổi 02 lần. Công an tỉnh hướng dẫn doanh nghiệp tư vấn trước khi nộp để rút ngắn thời gian.",
        ),
        M(
            "bg-mam-non-nenh",
            "y_te_giao_duc",
            "huyen",
            "Thị Xã Việt Yên",
            S(
                "Trường mầm non phường Nếnh quá tải, con em công nhân thuê trọ không được nhận vào trường công lập, phải gửi nhóm trẻ tư thục không bảo đảm. Đề nghị thị xã đầu tư thêm phòng học.",
                C.PAPER_CITIZEN,
                place="phường Nếnh, thị xã Việt Yên",
            ),
            S(
                "Đề nghị có chính sách hỗ trợ học phí cho con công nhân học ở nhóm trẻ độc lập tư thục tại các phường có khu công nghiệp.",
                C.SPOKEN,
                place="phường Vân Trung, thị xã Việt Yên",
            ),
            summary="Đề nghị đầu tư thêm phòng học mầm non công lập tại các phường có khu công nghiệp (Nếnh, Vân Trung) và hỗ trợ con công nhân học ở nhóm trẻ tư thục.",
            answer="UBND thị xã Việt Yên đang xây dựng thêm 12 phòng học mầm non tại phường Nếnh, Vân Trung, đưa vào sử dụng năm học 2024-2025; trẻ là con công nhân học tại cơ sở tư thục được hỗ trợ 160.000 đồng/tháng theo quy định của Chính phủ.",
        ),
        M(
            "bg-dat-doi-lam-nghiep-yen-the",
            "dat_dai",
            "tinh",
            UBND_BG,
            S(
                "Diện tích đồi gia đình tôi trồng keo từ năm 1995, nay công ty lâm nghiệp cho rằng thuộc đất công ty quản lý và yêu cầu trả lại. Đề nghị tỉnh xem xét giao đất cho gia đình.",
                C.PAPER_CITIZEN,
                place="bản Đồng Khao, xã Đồng Vương, huyện Yên Thế",
            ),
            outcome=LATE,
        ),
    ),
    3: (
        M(
            "bg-so-do-dong-cua-03",
            "dat_dai",
            "huyen",
            "Huyện Lạng Giang",
            S(
                "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 23 hộ mua đất dãn dân tại khu Đồng Cửa, xã Tân Dĩnh từ năm 2008, đã nộp đủ tiền nhưng đến nay chưa có sổ.",
                C.PAPER_CITIZEN,
                place="thôn Hạ, xã Tân Dĩnh, huyện Lạng Giang",
            ),
            S(
                "Gia đình tôi mua lô đất dãn dân khu Đồng Cửa từ năm 2008, có phiếu thu tiền của xã, nhưng 16 năm nay không được cấp sổ đỏ, không xây nhà được.",
                C.SPOKEN,
                place="thôn Hạ, xã Tân Dĩnh, huyện Lạng Giang",
            ),
            summary="23 hộ mua đất dãn dân khu Đồng Cửa, xã Tân Dĩnh (năm 2008) đã nộp tiền đề nghị được cấp giấy chứng nhận quyền sử dụng đất.",
            answer="UBND huyện Lạng Giang đã thành lập tổ công tác xác minh nguồn gốc đất, số tiền các hộ đã nộp; do việc giao đất năm 2008 không đúng thẩm quyền, huyện đang lập hồ sơ xử lý theo quy định về đất giao không đúng thẩm quyền, dự kiến cấp giấy trong quý III/2024.",
        ),
        M(
            "bg-ma-so-vung-trong-vai",
            "nong_nghiep",
            "tinh",
            UBND_BG,
            S(
                "Đề nghị tỉnh hỗ trợ cấp mã số vùng trồng xuất khẩu cho các hộ trồng vải thiều ở xã Tân Mộc, nhiều hộ đã sản xuất theo VietGAP nhưng chưa có mã số nên bị thương lái ép giá.",
                C.PAPER_CITIZEN,
                place="thôn Cầu Đất, xã Tân Mộc, huyện Lục Ngạn",
            ),
            S(
                "Hợp tác xã đề nghị được hướng dẫn thủ tục cấp mã số vùng trồng vải sang thị trường Nhật Bản, Hoa Kỳ và hỗ trợ chi phí kiểm định.",
                C.PAPER_ORGANISATION,
                org="Hợp tác xã vải thiều Kiên Lao",
            ),
            summary="Đề nghị hỗ trợ hướng dẫn, cấp mã số vùng trồng vải thiều xuất khẩu và chi phí kiểm định cho hộ, hợp tác xã trồng vải.",
            answer="Năm 2024 tỉnh có thêm 22 mã số vùng trồng vải thiều xuất khẩu; Sở Nông nghiệp và Phát triển nông thôn hướng dẫn hộ, hợp tác xã đăng ký trước ngày 31/3/2024 và hỗ trợ 100% chi phí kiểm tra, giám sát vùng trồng từ nguồn ngân sách tỉnh.",
        ),
        M(
            "bg-ho-so-liet-si",
            "chinh_sach_xa_hoi",
            "trung_uong",
            UBND_BG,
            S(
                "Bác ruột tôi hy sinh năm 1972 tại chiến trường Quảng Trị, gia đình gửi hồ sơ đề nghị công nhận liệt sĩ từ năm 2019 đến nay chưa có kết quả. Đề nghị tỉnh đôn đốc.",
                C.PAPER_CITIZEN,
                place="xã Việt Lập, huyện Tân Yên",
            ),
            answer="Hồ sơ đã được Sở Lao động - Thương binh và Xã hội chuyển Bộ Chỉ huy Quân sự tỉnh xác minh; ngày 12/4/2024 Bộ Quốc phòng có văn bản đề nghị bổ sung giấy tờ chứng minh hy sinh, Sở đã hướng dẫn gia đình bổ sung.",
        ),
        M(
            "bg-khieu-nai-xu-phat-xay-dung",
            "quy_hoach_xay_dung",
            "xa",
            "Xã Tân Dĩnh",
            S(
                "Tôi không đồng ý với quyết định xử phạt vi phạm hành chính về xây dựng của UBND xã Tân Dĩnh vì công trình của tôi là sửa chữa nhà cũ, không phải xây mới. Đề nghị xem xét lại.",
                C.SPOKEN,
                place="thôn Phố Giỏ, xã Tân Dĩnh, huyện Lạng Giang",
            ),
            answer="UBND xã Tân Dĩnh đã thụ lý đơn khiếu nại lần đầu ngày 20/3/2024 và ban hành quyết định giải quyết ngày 19/4/2024, giữ nguyên quyết định xử phạt do công trình tăng thêm diện tích sàn 42 m2; ông có quyền khiếu nại lần hai đến Chủ tịch UBND huyện.",
        ),
    ),
    4: (
        M(
            "bg-tranh-chap-dong-vanh-04",
            "dat_dai",
            "huyen",
            "Huyện Lục Nam",
            S(
                "Tôi tiếp tục đề nghị giải quyết tranh chấp ranh giới đất giữa gia đình tôi và hộ ông Nguyễn Văn Hòa ở thôn Đồng Vành, xã Nghĩa Phương, huyện Lục Nam. Hòa giải không thành, hộ ông Hòa vẫn xây tường lấn sang đất nhà tôi, huyện chưa giải quyết.",
                C.SPOKEN,
                **LOI,
            ),
            answer="UBND huyện Lục Nam đã thụ lý đơn đề nghị giải quyết tranh chấp ngày 02/4/2024, đang đo đạc, xác minh hiện trạng; thời hạn giải quyết là 45 ngày kể từ ngày thụ lý.",
        ),
        M(
            "bg-nuoc-thai-van-trung",
            "moi_truong",
            "tinh",
            UBND_BG,
            S(
                "Nước thải từ khu công nghiệp Vân Trung chảy ra kênh tiêu, cá chết hàng loạt, nước đen và bốc mùi. Đề nghị tỉnh kiểm tra hệ thống xử lý nước thải của khu công nghiệp.",
                C.PAPER_CITIZEN,
                place="phường Vân Trung, thị xã Việt Yên",
            ),
            S(
                "Kênh tiêu chạy qua phường Nếnh ô nhiễm nặng sau mưa, người dân nghi nước thải công nghiệp xả trộm. Đề nghị lấy mẫu, công bố kết quả.",
                C.SPOKEN,
                place="phường Nếnh, thị xã Việt Yên",
            ),
            summary="Đề nghị tỉnh kiểm tra việc xử lý nước thải của Khu công nghiệp Vân Trung, lấy mẫu, công bố kết quả quan trắc kênh tiêu qua phường Vân Trung, Nếnh bị ô nhiễm.",
            answer="Sở Tài nguyên và Môi trường đã lấy mẫu nước kênh tiêu và nước thải sau xử lý của Khu công nghiệp Vân Trung ngày 22/4/2024: nước thải sau xử lý đạt quy chuẩn; ô nhiễm kênh do nước thải sinh hoạt của khu nhà trọ chưa qua xử lý. UBND thị xã Việt Yên được giao đầu tư tuyến thu gom nước thải khu dân cư trong năm 2024.",
        ),
        M(
            "bg-ho-tro-cum-cn-hop-thinh",
            "giai_phong_mat_bang",
            "huyen",
            "Huyện Hiệp Hòa",
            S(
                "Đất nông nghiệp của gia đình tôi bị thu hồi làm cụm công nghiệp Hợp Thịnh từ năm 2022, đã nhận tiền bồi thường nhưng tiền hỗ trợ chuyển đổi nghề đến nay chưa được chi trả.",
                C.PAPER_CITIZEN,
                place="thôn Trung Hưng, xã Hợp Thịnh, huyện Hiệp Hòa",
            ),
            answer="Tiền hỗ trợ chuyển đổi nghề được phê duyệt bổ sung ngày 10/5/2024; UBND huyện Hiệp Hòa đã chi trả cho 37 hộ, trong đó có gia đình ông, trước ngày 31/5/2024.",
        ),
        M(
            "bg-giay-phep-xay-dung-tp",
            "quy_hoach_xay_dung",
            "huyen",
            "Thành phố Bắc Giang",
            S(
                "Hồ sơ xin giấy phép xây dựng nhà ở riêng lẻ của tôi bị trả lại 3 lần, mỗi lần yêu cầu bổ sung một giấy tờ khác nhau. Đề nghị hướng dẫn một lần, đầy đủ.",
                C.ONLINE,
                place="phường Xương Giang, thành phố Bắc Giang",
            ),
            answer="UBND thành phố đã kiểm điểm công chức tiếp nhận hồ sơ, cấp giấy phép xây dựng cho ông ngày 07/5/2024; thành phố yêu cầu bộ phận một cửa hướng dẫn bằng phiếu một lần, đầy đủ theo mẫu.",
        ),
    ),
    5: (
        M(
            "bg-tdc-quang-chau-05",
            "giai_phong_mat_bang",
            "tinh",
            UBND_BG,
            S(
                "Đề nghị tỉnh chỉ đạo sớm giao đất tái định cư cho các hộ bị thu hồi đất làm Khu công nghiệp Quang Châu; đã quá thời hạn hứa hoàn thành hạ tầng mà gia đình tôi vẫn phải đi thuê nhà.",
                C.SPOKEN,
                place="phường Quang Châu, thị xã Việt Yên",
            ),
            S(
                "Các hộ bàn giao mặt bằng Khu công nghiệp Quang Châu từ năm 2021 đề nghị tỉnh giao đất tái định cư, hạ tầng khu tái định cư vẫn đang làm dở.",
                C.PAPER_CITIZEN,
                place="phường Quang Châu, thị xã Việt Yên",
            ),
            summary="Các hộ bị thu hồi đất làm Khu công nghiệp Quang Châu tiếp tục đề nghị giao đất tái định cư (đã nêu tại buổi tiếp công dân tháng 02/2024).",
            answer="Hạ tầng khu tái định cư đã hoàn thành 85%; UBND tỉnh yêu cầu chủ đầu tư hoàn thành trước ngày 20/6/2024 và UBND thị xã Việt Yên tổ chức bốc thăm giao đất trong tháng 7/2024; nếu chậm, Chủ tịch UBND thị xã chịu trách nhiệm trước Chủ tịch UBND tỉnh.",
        ),
        M(
            "bg-lan-chiem-hanh-lang-kenh",
            "dat_dai",
            "xa",
            "Xã Dương Đức",
            S(
                "Một số hộ ở thôn Chùa lấn chiếm hành lang kênh tưới để làm quán, xây bờ rào, làm hẹp dòng chảy. Đề nghị xã kiểm tra, giải tỏa.",
                C.PAPER_CITIZEN,
                place="thôn Chùa, xã Dương Đức, huyện Lạng Giang",
            ),
            answer="UBND xã Dương Đức đã kiểm tra, lập biên bản 04 trường hợp lấn chiếm hành lang kênh, các hộ đã tự tháo dỡ công trình trong tháng 6/2024.",
        ),
        M(
            "bg-dt298-viet-lap",
            "giao_thong_ha_tang",
            "tinh",
            UBND_BG,
            S(
                "Đường tỉnh 298 đoạn qua xã Việt Lập, huyện Tân Yên hẹp, không có vỉa hè, học sinh đi xe đạp rất nguy hiểm khi xe container chạy qua. Đề nghị tỉnh mở rộng, làm vỉa hè.",
                C.PAPER_CITIZEN,
                place="xã Việt Lập, huyện Tân Yên",
            ),
            answer="Dự án cải tạo, nâng cấp ĐT298 đoạn qua xã Việt Lập đã có trong kế hoạch đầu tư công trung hạn 2021-2025, khởi công quý IV/2024; trước mắt Sở Giao thông vận tải bổ sung biển báo, gờ giảm tốc tại khu vực trường học.",
        ),
        M(
            "bg-phu-cap-nguoi-co-cong",
            "chinh_sach_xa_hoi",
            "huyen",
            "Huyện Yên Thế",
            S(
                "Bố tôi là thương binh, mất tháng 01/2024, gia đình đã nộp hồ sơ đề nghị hưởng trợ cấp mai táng phí và trợ cấp một lần nhưng chưa nhận được.",
                C.PAPER_CITIZEN,
                place="xã Đồng Lạc, huyện Yên Thế",
            ),
            answer="Phòng Lao động - Thương binh và Xã hội huyện Yên Thế đã hoàn thiện hồ sơ, gia đình nhận trợ cấp mai táng phí và trợ cấp một lần ngày 06/6/2024.",
        ),
    ),
    6: (
        M(
            "bg-tranh-chap-vuon-vai",
            "dat_dai",
            "huyen",
            "Huyện Lục Ngạn",
            S(
                "Hộ bên cạnh tự ý chặt 6 cây vải của gia đình tôi trên phần đất giáp ranh và cho rằng đó là đất của họ. Đề nghị huyện Lục Ngạn giải quyết tranh chấp, xử lý hành vi chặt phá cây.",
                C.SPOKEN,
                place="thôn Nghè, xã Giáp Sơn, huyện Lục Ngạn",
            ),
            S(
                "Tôi đề nghị xác định lại ranh giới vườn vải giữa gia đình tôi và hộ giáp ranh ở thôn Nghè, xã Giáp Sơn, vì sổ đỏ cấp năm 1997 vẽ sai hình thể thửa đất.",
                C.PAPER_CITIZEN,
                place="thôn Nghè, xã Giáp Sơn, huyện Lục Ngạn",
            ),
            summary="Hai hộ ở thôn Nghè, xã Giáp Sơn tranh chấp ranh giới vườn vải (có hành vi chặt cây); đề nghị xác định lại ranh giới và giải quyết tranh chấp.",
            answer="UBND huyện Lục Ngạn giao Phòng Tài nguyên và Môi trường đo đạc, đối chiếu hồ sơ địa chính năm 1997; UBND xã Giáp Sơn tổ chức hòa giải ngày 05/7/2024, hai hộ đã thống nhất ranh giới, hộ chặt cây bồi thường cho gia đình bà.",
        ),
        M(
            "bg-gia-vai-thieu",
            "nong_nghiep",
            "tinh",
            UBND_BG,
            S(
                "Vải thiều năm nay được mùa nhưng giá xuống thấp, nhiều hộ bán dưới giá thành. Đề nghị tỉnh tăng cường xúc tiến tiêu thụ, kết nối các siêu thị, sàn thương mại điện tử.",
                C.PAPER_CITIZEN,
                place="thị trấn Phì Điền, huyện Lục Ngạn",
            ),
            S(
                "de nghi tinh ho tro nong dan ban vai qua san thuong mai dien tu, gia vai nam nay qua thap",
                C.ONLINE,
                place="xa Tan Moc, Luc Ngan",
            ),
            summary="Đề nghị tỉnh tăng cường xúc tiến tiêu thụ vải thiều, kết nối siêu thị, sàn thương mại điện tử khi giá vải xuống thấp.",
            answer="Tỉnh đã tổ chức 12 hội nghị xúc tiến tiêu thụ vải thiều trong và ngoài nước, phối hợp các sàn thương mại điện tử bán hơn 1.000 tấn vải năm 2024; Sở Công Thương hướng dẫn hộ, hợp tác xã đăng ký gian hàng miễn phí trên sàn của tỉnh.",
        ),
        M(
            "bg-nuoc-sach-my-thai",
            "giao_thong_ha_tang",
            "tinh",
            UBND_BG,
            S(
                "Thôn Mỹ Lộc, xã Mỹ Thái chưa có nước sạch, giếng khoan nhiễm sắt, nhiễm đá vôi. Đề nghị tỉnh chỉ đạo doanh nghiệp cấp nước mở rộng mạng lưới về thôn.",
                C.PAPER_CITIZEN,
                place="thôn Mỹ Lộc, xã Mỹ Thái, huyện Lạng Giang",
            ),
            answer="Nhà máy nước sạch liên xã của huyện Lạng Giang đã hoàn thành giai đoạn 1; doanh nghiệp cam kết mở rộng mạng lưới đến thôn Mỹ Lộc trong quý I/2025.",
        ),
    ),
    7: (
        M(
            "bg-tranh-chap-dong-vanh-07",
            "dat_dai",
            "huyen",
            "Huyện Lục Nam",
            S(
                "Lần thứ ba tôi đến đề nghị giải quyết tranh chấp ranh giới đất giữa gia đình tôi và hộ ông Nguyễn Văn Hòa ở thôn Đồng Vành, xã Nghĩa Phương, huyện Lục Nam. Đã quá thời hạn nhưng huyện chưa ra quyết định giải quyết, hộ ông Hòa vẫn xây tường lấn đất.",
                C.SPOKEN,
                **LOI,
            ),
            answer="Chủ tịch UBND huyện Lục Nam đã ban hành quyết định giải quyết tranh chấp ngày 25/7/2024, công nhận ranh giới theo bản đồ địa chính năm 1998 và buộc hộ ông Hòa tháo dỡ phần tường xây lấn 28 m2 trong 30 ngày; UBND tỉnh yêu cầu huyện kiểm điểm việc giải quyết quá thời hạn.",
        ),
        M(
            "bg-xuong-nhua-tan-my",
            "moi_truong",
            "huyen",
            "Thành phố Bắc Giang",
            S(
                "Cơ sở tái chế nhựa phế liệu ở phường Tân Mỹ đốt nhựa, khói đen và mùi khét bay vào khu dân cư, nhất là buổi tối. Đề nghị thành phố kiểm tra, đình chỉ hoạt động.",
                C.PAPER_CITIZEN,
                place="phường Tân Mỹ, thành phố Bắc Giang",
            ),
            S(
                "Đề nghị xử lý cơ sở tái chế nhựa ở Tân Mỹ xả nước thải ra mương, cá chết, người dân ngứa ngáy khi lội ruộng.",
                C.SPOKEN,
                place="phường Tân Mỹ, thành phố Bắc Giang",
            ),
            summary="Đề nghị kiểm tra, đình chỉ cơ sở tái chế nhựa phế liệu ở phường Tân Mỹ gây ô nhiễm khói, mùi và nước thải.",
            answer="UBND thành phố Bắc Giang đã kiểm tra, xử phạt 85 triệu đồng và đình chỉ hoạt động cơ sở tái chế nhựa 04 tháng; buộc cơ sở di dời khỏi khu dân cư trước ngày 31/12/2024.",
        ),
        M(
            "bg-cong-ty-no-bhxh",
            "chinh_sach_xa_hoi",
            "tinh",
            UBND_BG,
            S(
                "Công ty may nơi tôi làm việc nợ bảo hiểm xã hội nhiều tháng, tôi nghỉ việc không chốt được sổ để hưởng trợ cấp thất nghiệp. Đề nghị tỉnh can thiệp.",
                C.PAPER_CITIZEN,
                place="phường Song Khê, thành phố Bắc Giang",
            ),
            answer="Bảo hiểm xã hội tỉnh đã lập biên bản, đề nghị Thanh tra tỉnh xử phạt doanh nghiệp; doanh nghiệp đã nộp 1,2 tỷ đồng tiền nợ và chốt sổ cho 46 người lao động, trong đó có bà, trong tháng 8/2024.",
        ),
        M(
            "bg-cong-thoat-nuoc-dinh-ke",
            "giao_thong_ha_tang",
            "xa",
            "Phường Dĩnh Kế",
            S(
                "Cống thoát nước đường Lê Lợi đoạn qua phường Dĩnh Kế bị tắc, mưa to nước tràn vào nhà dân. Đề nghị phường nạo vét.",
                C.ONLINE,
                place="phường Dĩnh Kế, thành phố Bắc Giang",
            ),
            answer="UBND phường Dĩnh Kế đã phối hợp Công ty Cổ phần Môi trường và Dịch vụ đô thị nạo vét 350 m cống thoát nước, hoàn thành ngày 02/8/2024.",
        ),
    ),
    8: (
        M(
            "bg-chuyen-doi-nghe-kep",
            "giai_phong_mat_bang",
            "huyen",
            "Huyện Lạng Giang",
            S(
                "Gia đình tôi bị thu hồi gần hết đất nông nghiệp làm khu dân cư thị trấn Kép nhưng mức hỗ trợ chuyển đổi nghề thấp, con cái không có việc làm. Đề nghị hỗ trợ đào tạo nghề, giới thiệu việc làm.",
                C.PAPER_CITIZEN,
                place="thị trấn Kép, huyện Lạng Giang",
            ),
            S(
                "Đề nghị huyện ưu tiên giao đất dịch vụ cho các hộ bị thu hồi trên 70% đất nông nghiệp ở thị trấn Kép.",
                C.SPOKEN,
                place="thị trấn Kép, huyện Lạng Giang",
            ),
            summary="Các hộ bị thu hồi đất nông nghiệp làm khu dân cư thị trấn Kép đề nghị nâng mức hỗ trợ chuyển đổi nghề, hỗ trợ đào tạo nghề, giới thiệu việc làm và giao đất dịch vụ.",
            answer="UBND huyện Lạng Giang đã phối hợp Trung tâm Dịch vụ việc làm tỉnh tổ chức phiên giao dịch việc làm tại thị trấn Kép tháng 9/2024, mở 02 lớp đào tạo nghề miễn phí; việc giao đất dịch vụ thực hiện theo quy định của tỉnh, huyện đang rà soát danh sách hộ đủ điều kiện.",
        ),
        M(
            "bg-bien-dong-tang-cho",
            "dat_dai",
            "huyen",
            "Huyện Tân Yên",
            S(
                "Từ khi Luật Đất đai năm 2024 có hiệu lực, hồ sơ tặng cho quyền sử dụng đất của tôi bị dừng giải quyết vì chờ hướng dẫn. Đề nghị cho biết khi nào được giải quyết.",
                C.PAPER_CITIZEN,
                place="thị trấn Cao Thượng, huyện Tân Yên",
            ),
            answer="Các hồ sơ tặng cho quyền sử dụng đất tiếp tục được giải quyết theo Nghị định số 101/2024/NĐ-CP từ ngày 01/8/2024; hồ sơ của ông đã được Chi nhánh Văn phòng Đăng ký đất đai huyện Tân Yên trả kết quả ngày 30/8/2024.",
        ),
        M(
            "bg-cho-dong-ky",
            "kinh_te_doanh_nghiep",
            "xa",
            "Xã Đồng Kỳ",
            S(
                "Chợ Đồng Kỳ họp tràn ra đường tỉnh, xe cộ đi lại rất nguy hiểm vào các phiên chợ. Đề nghị xã sắp xếp lại chợ.",
                C.PAPER_CITIZEN,
                place="xã Đồng Kỳ, huyện Yên Thế",
            ),
            answer="UBND xã Đồng Kỳ đã kẻ vạch, bố trí lại các điểm kinh doanh trong khuôn viên chợ, cử lực lượng công an xã, dân quân giữ trật tự vào các phiên chợ từ tháng 9/2024.",
        ),
        M(
            "bg-than-trai-phep-an-lac",
            "moi_truong",
            "huyen",
            "Huyện Sơn Động",
            S(
                "Tình trạng đào than trái phép ở khu rừng thôn Thượng, xã An Lạc lại tái diễn, đất đá lấp suối, nguy cơ sạt lở xuống ruộng của dân. Đề nghị huyện truy quét, xử lý.",
                C.SPOKEN,
                place="thôn Thượng, xã An Lạc, huyện Sơn Động",
            ),
            answer="UBND huyện Sơn Động đã chỉ đạo Công an huyện, Hạt Kiểm lâm và UBND xã An Lạc truy quét, phá hủy 05 lò than trái phép, lập hồ sơ xử lý 03 đối tượng; giao UBND xã chịu trách nhiệm nếu để tái diễn.",
        ),
    ),
    9: (
        M(
            "bg-so-do-dong-cua-09",
            "dat_dai",
            "huyen",
            "Huyện Lạng Giang",
            S(
                "Chúng tôi tiếp tục đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 23 hộ mua đất dãn dân tại khu Đồng Cửa, xã Tân Dĩnh từ năm 2008, đã nộp đủ tiền nhưng đến nay vẫn chưa có sổ như huyện đã hứa.",
                C.SPOKEN,
                place="thôn Hạ, xã Tân Dĩnh, huyện Lạng Giang",
            ),
            answer="UBND huyện Lạng Giang đã hoàn thành xác minh nguồn gốc, xác định số tiền các hộ đã nộp được trừ vào tiền sử dụng đất; Chi nhánh Văn phòng Đăng ký đất đai huyện tiếp nhận hồ sơ của 23 hộ từ ngày 01/10/2024, trả giấy chứng nhận trước ngày 31/12/2024.",
        ),
        M(
            "bg-bao-so-3-cay-an-qua",
            "nong_nghiep",
            "tinh",
            UBND_BG,
            S(
                "Bão số 3 làm đổ, gãy hàng trăm cây vải, cây bưởi của gia đình tôi. Đề nghị tỉnh sớm có chính sách hỗ trợ khôi phục sản xuất cây ăn quả sau bão.",
                C.PAPER_CITIZEN,
                place="xã Tân Mộc, huyện Lục Ngạn",
            ),
            S(
                "Sau bão số 3, nhiều chuồng trại chăn nuôi ở xã Bảo Sơn bị tốc mái, sập đổ, gà chết nhiều. Đề nghị hỗ trợ các hộ chăn nuôi bị thiệt hại.",
                C.MTTQ,
                org="Ủy ban MTTQ xã Bảo Sơn",
                place="xã Bảo Sơn, huyện Lục Nam",
            ),
            S(
                "de nghi nha nuoc ho tro giong cay, phan bon cho nguoi trong cay an qua bi thiet hai do bao so 3",
                C.ONLINE,
                place="xa Dong Tam, Yen The",
            ),
            summary="Đề nghị tỉnh sớm hỗ trợ các hộ có cây ăn quả, chuồng trại chăn nuôi bị thiệt hại do bão số 3 (tháng 9/2024) khôi phục sản xuất.",
            answer="UBND tỉnh đã ban hành quyết định hỗ trợ khôi phục sản xuất sau bão số 3 theo Nghị định số 02/2017/NĐ-CP: cây ăn quả bị thiệt hại trên 70% được hỗ trợ 4 triệu đồng/ha, chuồng trại, vật nuôi theo mức quy định; các huyện hoàn thành thống kê, chi trả trước ngày 31/10/2024.",
        ),
        M(
            "bg-sat-lo-duong-son-dong",
            "giao_thong_ha_tang",
            "huyen",
            "Huyện Sơn Động",
            S(
                "Đường liên xã từ Thanh Luận đi Tuấn Đạo bị sạt lở taluy sau bão, đất đá lấp một nửa mặt đường. Đề nghị huyện khắc phục khẩn cấp.",
                C.SPOKEN,
                place="xã Thanh Luận, huyện Sơn Động",
            ),
            answer="UBND huyện Sơn Động đã huy động máy móc dọn thông tuyến ngày 18/9/2024 và cắm biển cảnh báo; kinh phí gia cố taluy được đề nghị tỉnh hỗ trợ từ nguồn khắc phục hậu quả thiên tai.",
        ),
    ),
    10: (
        M(
            "bg-nha-toc-mai-hiep-hoa",
            "chinh_sach_xa_hoi",
            "huyen",
            "Huyện Hiệp Hòa",
            S(
                "Nhà tôi bị tốc mái hoàn toàn trong bão số 3, đã được thống kê nhưng đến nay chưa nhận được tiền hỗ trợ. Đề nghị huyện kiểm tra.",
                C.PAPER_CITIZEN,
                place="xã Mai Đình, huyện Hiệp Hòa",
            ),
            S(
                "Đề nghị công khai danh sách, mức hỗ trợ các hộ có nhà bị hư hỏng do bão số 3 ở xã Mai Đình vì có hộ thiệt hại nặng không được hỗ trợ.",
                C.SPOKEN,
                place="xã Mai Đình, huyện Hiệp Hòa",
            ),
            summary="Đề nghị chi trả và công khai danh sách, mức hỗ trợ các hộ có nhà ở bị hư hỏng, tốc mái do bão số 3 tại xã Mai Đình.",
            draft="UBND huyện sẽ chỉ đạo UBND xã Mai Đình rà soát, giải quyết.",
            comment="Đề nghị trả lời rõ số hộ đã được chi trả, lý do các hộ chưa nhận và thời hạn chi trả; việc công khai danh sách thực hiện ở đâu, khi nào.",
            answer="UBND xã Mai Đình đã niêm yết công khai danh sách 214 hộ được hỗ trợ tại trụ sở xã và nhà văn hóa các thôn từ ngày 25/10/2024; 198 hộ đã nhận tiền, 16 hộ (trong đó có gia đình bà) được bổ sung sau khi thẩm định lại, chi trả trước ngày 15/11/2024.",
            outcome=REVISED,
        ),
        M(
            "bg-giao-dat-sai-yen-the",
            "dat_dai",
            "huyen",
            "Huyện Yên Thế",
            S(
                "Năm 1999 xã giao cho gia đình tôi 360 m2 đất ở nhưng nay huyện nói xã giao không đúng thẩm quyền, không cấp giấy chứng nhận. Đề nghị hướng dẫn cách giải quyết.",
                C.PAPER_CITIZEN,
                place="thị trấn Bố Hạ, huyện Yên Thế",
            ),
            answer="Đất giao không đúng thẩm quyền trước ngày 01/7/2014 được xem xét cấp giấy chứng nhận theo Điều 140 Luật Đất đai năm 2024; UBND huyện Yên Thế đã hướng dẫn gia đình lập hồ sơ tại bộ phận một cửa huyện.",
        ),
        M(
            "bg-nha-ho-ngheo-luc-nam",
            "chinh_sach_xa_hoi",
            "huyen",
            "Huyện Lục Nam",
            S(
                "Đề nghị huyện hỗ trợ làm nhà cho các hộ nghèo ở thôn Khuân Đày đang ở nhà tạm bằng gỗ, mái lá, mưa bão rất nguy hiểm.",
                C.MTTQ,
                org="Ban Công tác Mặt trận thôn Khuân Đày",
                place="thôn Khuân Đày, xã Lục Sơn, huyện Lục Nam",
            ),
            answer="Thực hiện chương trình xóa nhà tạm, nhà dột nát, năm 2024 huyện Lục Nam hỗ trợ 60 triệu đồng/nhà cho 08 hộ nghèo thôn Khuân Đày, khởi công tháng 11/2024.",
        ),
        M(
            "bg-giam-dinh-ton-that-bao",
            "kinh_te_doanh_nghiep",
            "tinh",
            UBND_BG,
            S(
                "Nhà xưởng của doanh nghiệp bị bão số 3 làm tốc mái, hư hỏng máy móc nhưng công ty bảo hiểm chậm giám định, chưa bồi thường. Đề nghị tỉnh hỗ trợ làm việc với các công ty bảo hiểm.",
                C.PAPER_ORGANISATION,
                org="Công ty TNHH May mặc Hiệp Hòa",
            ),
            answer="Sở Tài chính đã tổ chức hội nghị với các doanh nghiệp bảo hiểm trên địa bàn ngày 08/10/2024, yêu cầu đẩy nhanh giám định, tạm ứng bồi thường; công ty bảo hiểm đã tạm ứng 50% số tiền bồi thường cho doanh nghiệp.",
        ),
    ),
    11: (
        M(
            "bg-loi-di-chung-xuan-phu",
            "dat_dai",
            "xa",
            "Xã Xuân Phú",
            S(
                "Hộ liền kề xây tường bịt lối đi chung đã sử dụng hơn 30 năm, gia đình tôi và 3 hộ phía trong không có đường ra. Đề nghị xã giải quyết.",
                C.PAPER_CITIZEN,
                place="thôn Quế Sơn, xã Xuân Phú, thành phố Bắc Giang",
            ),
            S(
                "Đề nghị xã Xuân Phú buộc tháo dỡ bức tường bịt ngõ đi chung ở thôn Quế Sơn, các cụ già, trẻ nhỏ phải trèo qua tường.",
                C.SPOKEN,
                place="thôn Quế Sơn, xã Xuân Phú, thành phố Bắc Giang",
            ),
            summary="Các hộ ở thôn Quế Sơn, xã Xuân Phú đề nghị giải quyết việc hộ liền kề xây tường bịt lối đi chung đã sử dụng trên 30 năm.",
            answer="UBND xã Xuân Phú đã hòa giải thành ngày 28/11/2024: hộ liền kề tháo dỡ tường, trả lại lối đi chung rộng 2,5 m theo bản đồ địa chính.",
        ),
        M(
            "bg-trung-dau-gia-chua-giao-dat",
            "dat_dai",
            "huyen",
            "Huyện Hiệp Hòa",
            S(
                "Tôi trúng đấu giá quyền sử dụng đất ở tại khu dân cư Thắng Cường từ tháng 3/2024, đã nộp đủ tiền nhưng đến nay chưa được bàn giao đất và cấp giấy chứng nhận.",
                C.PAPER_CITIZEN,
                place="thị trấn Thắng, huyện Hiệp Hòa",
            ),
            answer="Do vướng mặt bằng 03 lô giáp mương tiêu, UBND huyện Hiệp Hòa đã hoàn thành giải phóng mặt bằng, bàn giao đất thực địa cho bà ngày 05/12/2024 và cấp giấy chứng nhận trong tháng 12/2024.",
        ),
        M(
            "bg-mien-hoc-phi-thpt",
            "y_te_giao_duc",
            "tinh",
            UBND_BG,
            S(
                "Đề nghị tỉnh sớm có chính sách miễn, giảm học phí cho học sinh trung học phổ thông như một số tỉnh lân cận đã làm.",
                C.ONLINE,
                place="phường Trần Phú, thành phố Bắc Giang",
            ),
            answer="HĐND tỉnh đã thông qua nghị quyết hỗ trợ học phí cho học sinh trung học phổ thông công lập năm học 2024-2025; Sở Giáo dục và Đào tạo hướng dẫn các trường thực hiện từ học kỳ II.",
        ),
        M(
            "bg-vay-von-thanh-nien",
            "kinh_te_doanh_nghiep",
            "huyen",
            "Huyện Tân Yên",
            S(
                "Đề nghị huyện hỗ trợ vay vốn ưu đãi cho thanh niên hoàn thành nghĩa vụ quân sự trở về khởi nghiệp, thủ tục vay hiện nay nhiều giấy tờ.",
                C.PAPER_ORGANISATION,
                org="Huyện đoàn Tân Yên",
            ),
            answer="Thanh niên hoàn thành nghĩa vụ quân sự được vay vốn giải quyết việc làm tối đa 100 triệu đồng qua Ngân hàng Chính sách xã hội; Phòng giao dịch huyện Tân Yên đã rút gọn hồ sơ, tiếp nhận qua tổ tiết kiệm và vay vốn của Đoàn thanh niên.",
        ),
    ),
    12: (
        M(
            "bg-boi-thuong-duong-vanh-dai",
            "giai_phong_mat_bang",
            "tinh",
            UBND_BG,
            S(
                "Đất của gia đình tôi bị thu hồi làm đường vành đai thành phố nhưng đơn giá bồi thường cây trồng, công trình phụ thấp hơn nhiều so với thực tế. Đề nghị tỉnh xem xét lại.",
                C.PAPER_CITIZEN,
                place="xã Song Khê, thành phố Bắc Giang",
            ),
            S(
                "Đề nghị áp dụng bảng giá đất mới theo Luật Đất đai năm 2024 để tính bồi thường cho các hộ chưa nhận tiền dự án đường vành đai.",
                C.SPOKEN,
                place="phường Song Khê, thành phố Bắc Giang",
            ),
            summary="Các hộ bị thu hồi đất làm đường vành đai thành phố đề nghị xem xét lại đơn giá bồi thường cây trồng, công trình và áp dụng giá đất mới cho các hộ chưa nhận tiền.",
            answer="Đơn giá bồi thường cây trồng, vật kiến trúc áp dụng theo quyết định của UBND tỉnh năm 2024; UBND tỉnh giao UBND thành phố rà soát, điều chỉnh bổ sung đối với công trình phụ chưa được kiểm đếm đầy đủ. Các hộ chưa nhận tiền được tính theo phương án đã phê duyệt, phần chênh lệch do chậm chi trả (nếu có) được bổ sung theo quy định.",
            outcome=SUBMITTED,
        ),
        M(
            "bg-bhxh-mot-lan",
            "chinh_sach_xa_hoi",
            "trung_uong",
            UBND_BG,
            S(
                "Đề nghị kiến nghị Trung ương xem xét cho người lao động trên 40 tuổi nghỉ việc ở khu công nghiệp được rút bảo hiểm xã hội một lần khi thực sự khó khăn.",
                C.PAPER_CITIZEN,
                place="phường Nội Hoàng, thành phố Bắc Giang",
            ),
            answer="Luật Bảo hiểm xã hội năm 2024 (có hiệu lực từ 01/7/2025) đã quy định các trường hợp được hưởng bảo hiểm xã hội một lần; UBND tỉnh đã tổng hợp kiến nghị, gửi Bộ Lao động - Thương binh và Xã hội.",
        ),
        M(
            "bg-quy-hoach-nghia-trang",
            "quy_hoach_xay_dung",
            "xa",
            "Xã Tiến Dũng",
            S(
                "Nghĩa trang thôn Cẩm Xuyên đã kín chỗ, người dân phải chôn cất xen trong đồng ruộng. Đề nghị xã sớm quy hoạch mở rộng nghĩa trang.",
                C.PAPER_CITIZEN,
                place="thôn Cẩm Xuyên, xã Tiến Dũng, thành phố Bắc Giang",
            ),
            answer="UBND xã Tiến Dũng đã đề xuất bổ sung 1,5 ha mở rộng nghĩa trang thôn Cẩm Xuyên vào kế hoạch sử dụng đất năm 2025 của thành phố.",
        ),
        M(
            "bg-tach-thua-tan-yen",
            "dat_dai",
            "huyen",
            "Huyện Tân Yên",
            S(
                "Thửa đất của tôi đủ diện tích tối thiểu nhưng hồ sơ tách thửa bị từ chối vì lối đi không đủ 4 m. Đề nghị huyện hướng dẫn cụ thể quy định về lối đi khi tách thửa.",
                C.SPOKEN,
                place="xã Ngọc Thiện, huyện Tân Yên",
            ),
            answer="Theo quyết định của UBND tỉnh về điều kiện tách thửa, thửa đất mới phải có lối đi kết nối đường giao thông rộng tối thiểu 3,5 m tại khu vực nông thôn; Chi nhánh Văn phòng Đăng ký đất đai huyện Tân Yên đã hướng dẫn ông điều chỉnh phương án tách thửa.",
        ),
    ),
}

MATTERS_002_VOTERS_06 = (
    M(
        "bg-tdc-quang-chau-cu-tri",
        "giai_phong_mat_bang",
        "tinh",
        UBND_BG,
        S(
            "Cử tri phường Quang Châu tiếp tục đề nghị tỉnh chỉ đạo sớm giao đất tái định cư cho các hộ bị thu hồi đất làm Khu công nghiệp Quang Châu; các hộ bàn giao mặt bằng từ năm 2021 vẫn phải đi thuê nhà.",
            C.MTTQ,
            org="Ủy ban MTTQ phường Quang Châu",
            place="phường Quang Châu, thị xã Việt Yên",
        ),
        answer="Hạ tầng khu tái định cư đã hoàn thành ngày 18/6/2024; UBND thị xã Việt Yên tổ chức bốc thăm giao đất cho 46 hộ ngày 12/7/2024 và chấm dứt hỗ trợ tiền thuê nhà sau 06 tháng kể từ ngày giao đất.",
    ),
    M(
        "bg-ql31-doi-ngo-06",
        "giao_thong_ha_tang",
        "tinh",
        UBND_BG,
        S(
            "Quốc lộ 31 đoạn qua thị trấn Đồi Ngô, huyện Lục Nam xuống cấp nghiêm trọng, nhiều ổ gà, mùa mưa ngập nước. Đề nghị tỉnh kiến nghị Bộ Giao thông vận tải sửa chữa.",
            C.MTTQ,
            org="Ủy ban MTTQ thị trấn Đồi Ngô",
            place="thị trấn Đồi Ngô, huyện Lục Nam",
        ),
        S(
            "Đường QL31 qua Đồi Ngô xe tải chạy nhiều, mặt đường hư hỏng, bụi mù mịt. Đề nghị sửa chữa sớm.",
            C.SPOKEN,
            place="thị trấn Đồi Ngô, huyện Lục Nam",
        ),
        summary="Cử tri thị trấn Đồi Ngô đề nghị sửa chữa Quốc lộ 31 đoạn qua thị trấn bị xuống cấp, ngập nước, bụi.",
        answer="Quốc lộ 31 do Cục Đường bộ Việt Nam quản lý. UBND tỉnh đã có văn bản đề nghị Cục bố trí vốn sửa chữa đoạn qua thị trấn Đồi Ngô; Khu Quản lý đường bộ I cho biết sẽ vá ổ gà trong tháng 7/2024 và đưa vào kế hoạch sửa chữa định kỳ năm 2025.",
    ),
    M(
        "bg-truong-hoc-qua-tai-viet-yen",
        "y_te_giao_duc",
        "huyen",
        "Thị Xã Việt Yên",
        S(
            "Các trường tiểu học ở phường Nếnh, Quang Châu sĩ số quá đông, mỗi lớp trên 45 học sinh do con em công nhân tăng nhanh. Đề nghị thị xã xây thêm trường.",
            C.MTTQ,
            org="Ủy ban MTTQ phường Nếnh",
        ),
        S(
            "Đề nghị bố trí quỹ đất xây trường học tại các khu đô thị mới ở Việt Yên, chủ đầu tư chỉ xây nhà không xây trường.",
            C.SPOKEN,
            place="phường Quang Châu, thị xã Việt Yên",
        ),
        summary="Cử tri đề nghị xây thêm trường tiểu học tại các phường có khu công nghiệp (Nếnh, Quang Châu) đang quá tải và bố trí quỹ đất trường học tại các khu đô thị mới.",
        answer="Thị xã Việt Yên đang đầu tư 02 trường tiểu học mới tại phường Nếnh và phường Quang Châu, đưa vào sử dụng năm học 2025-2026; các dự án khu đô thị mới phải dành quỹ đất giáo dục theo quy hoạch chi tiết được duyệt.",
    ),
    M(
        "bg-tram-bom-tieu-ung-tan-yen",
        "nong_nghiep",
        "huyen",
        "Huyện Tân Yên",
        S(
            "Trạm bơm tiêu úng thôn Đồng Lạc, xã Ngọc Châu hỏng máy từ năm ngoái, mưa lớn là lúa bị ngập trắng. Đề nghị huyện sửa chữa trước mùa mưa bão.",
            C.MTTQ,
            org="Ủy ban MTTQ xã Ngọc Châu",
            place="thôn Đồng Lạc, xã Ngọc Châu, huyện Tân Yên",
        ),
        S(
            "Đề nghị nâng cấp trạm bơm Đồng Lạc, công suất máy cũ không đủ tiêu nước cho 120 ha lúa.",
            C.PAPER_CITIZEN,
            place="thôn Đồng Lạc, xã Ngọc Châu, huyện Tân Yên",
        ),
        summary="Đề nghị sửa chữa, nâng cấp trạm bơm tiêu úng thôn Đồng Lạc, xã Ngọc Châu trước mùa mưa bão.",
        answer="UBND huyện Tân Yên đã bố trí 850 triệu đồng thay 02 máy bơm trạm Đồng Lạc, hoàn thành ngày 25/7/2024.",
    ),
    M(
        "bg-bhyt-hoc-sinh",
        "y_te_giao_duc",
        "tinh",
        UBND_BG,
        S(
            "Mức đóng bảo hiểm y tế học sinh tăng theo lương cơ sở, gia đình có 3 con đi học rất khó khăn. Đề nghị tỉnh hỗ trợ thêm phần đóng bảo hiểm y tế cho học sinh.",
            C.PAPER_CITIZEN,
            place="xã Lan Mẫu, huyện Lục Nam",
        ),
        answer="Ngân sách nhà nước hỗ trợ 30% mức đóng bảo hiểm y tế học sinh; UBND tỉnh đã giao Sở Tài chính nghiên cứu hỗ trợ thêm 20% từ ngân sách tỉnh, trình HĐND tỉnh tại kỳ họp cuối năm 2024.",
    ),
    M(
        "bg-cho-dau-moi-luc-ngan",
        "kinh_te_doanh_nghiep",
        "huyen",
        "Huyện Lục Ngạn",
        S(
            "Đề nghị huyện Lục Ngạn đầu tư chợ đầu mối nông sản có kho lạnh để người trồng vải, cây có múi chủ động bảo quản, không bị ép giá khi vào vụ.",
            C.SPOKEN,
            place="thị trấn Phì Điền, huyện Lục Ngạn",
        ),
        answer="Huyện Lục Ngạn đã kêu gọi nhà đầu tư xây dựng chợ đầu mối nông sản kết hợp kho lạnh tại thị trấn Phì Điền theo hình thức xã hội hóa; dự án đang hoàn thiện thủ tục chấp thuận chủ trương đầu tư.",
    ),
)

MATTERS_002_VOTERS_11 = (
    M(
        "bg-ql31-doi-ngo-11",
        "giao_thong_ha_tang",
        "tinh",
        UBND_BG,
        S(
            "Quốc lộ 31 đoạn qua thị trấn Đồi Ngô, huyện Lục Nam vẫn xuống cấp, nhiều ổ gà, mùa mưa ngập nước, cử tri đã kiến nghị từ kỳ trước. Đề nghị tỉnh tiếp tục kiến nghị Bộ Giao thông vận tải sửa chữa.",
            C.MTTQ,
            org="Ủy ban MTTQ thị trấn Đồi Ngô",
            place="thị trấn Đồi Ngô, huyện Lục Nam",
        ),
        answer="Cục Đường bộ Việt Nam đã phê duyệt kế hoạch sửa chữa mặt đường Quốc lộ 31 đoạn qua thị trấn Đồi Ngô năm 2025; UBND tỉnh tiếp tục đôn đốc và yêu cầu đơn vị quản lý vá ổ gà, khơi thông rãnh dọc trước Tết Nguyên đán.",
    ),
    M(
        "bg-bao-so-3-cu-tri",
        "nong_nghiep",
        "tinh",
        UBND_BG,
        S(
            "Bão số 3 làm đổ, gãy hàng trăm cây vải, cây bưởi của các hộ, đến nay vẫn chưa nhận được hỗ trợ khôi phục sản xuất cây ăn quả sau bão. Đề nghị các cấp đôn đốc chi trả.",
            C.MTTQ,
            org="Ủy ban MTTQ huyện Lục Ngạn",
            place="xã Tân Mộc, huyện Lục Ngạn",
        ),
        answer="Đến ngày 30/11/2024 toàn tỉnh đã chi trả 96% kinh phí hỗ trợ khôi phục sản xuất sau bão số 3; UBND tỉnh yêu cầu UBND huyện Lục Ngạn hoàn thành chi trả số còn lại trước ngày 20/12/2024.",
    ),
    M(
        "bg-nuoc-sach-hiep-hoa",
        "giao_thong_ha_tang",
        "tinh",
        UBND_BG,
        S(
            "Nhiều thôn của xã Đoan Bái, xã Lương Phong chưa có nước sạch, người dân phải dùng nước giếng khoan nhiễm asen. Đề nghị tỉnh đầu tư hệ thống cấp nước sạch.",
            C.MTTQ,
            org="Ủy ban MTTQ huyện Hiệp Hòa",
            place="xã Đoan Bái, huyện Hiệp Hòa",
        ),
        S(
            "Đề nghị đẩy nhanh tiến độ dự án nhà máy nước sạch huyện Hiệp Hòa, đã khởi công hai năm mà chưa có nước.",
            C.SPOKEN,
            place="xã Lương Phong, huyện Hiệp Hòa",
        ),
        summary="Cử tri các xã Đoan Bái, Lương Phong đề nghị đầu tư, đẩy nhanh tiến độ dự án cấp nước sạch của huyện Hiệp Hòa.",
        answer="Dự án nhà máy nước sạch huyện Hiệp Hòa đã hoàn thành 70% khối lượng, dự kiến cấp nước cho các xã Đoan Bái, Lương Phong trong quý II/2025; UBND tỉnh yêu cầu nhà đầu tư bổ sung nhân lực, bảo đảm tiến độ.",
    ),
    M(
        "bg-phu-cap-thon-sap-nhap",
        "xay_dung_dang_chinh_quyen",
        "tinh",
        UBND_BG,
        S(
            "Sau sáp nhập thôn, khối lượng công việc của trưởng thôn, bí thư chi bộ tăng gấp đôi nhưng phụ cấp tăng không đáng kể. Đề nghị tỉnh điều chỉnh mức phụ cấp.",
            C.MTTQ,
            org="Ủy ban MTTQ huyện Lạng Giang",
        ),
        S(
            "Đề nghị tỉnh có chế độ cho những người hoạt động không chuyên trách ở thôn dôi dư sau sáp nhập.",
            C.SPOKEN,
            place="xã Đại Lâm, huyện Lạng Giang",
        ),
        summary="Cử tri đề nghị điều chỉnh phụ cấp của người hoạt động không chuyên trách ở thôn sau sáp nhập và có chế độ cho người dôi dư.",
        answer="UBND tỉnh đã trình HĐND tỉnh nghị quyết điều chỉnh mức khoán kinh phí hoạt động và phụ cấp ở thôn, tổ dân phố theo quy mô hộ gia đình, áp dụng từ ngày 01/01/2025; người hoạt động không chuyên trách dôi dư được hưởng trợ cấp một lần theo nghị quyết của HĐND tỉnh.",
    ),
    M(
        "bg-an-toan-giao-thong-kcn",
        "an_ninh_trat_tu",
        "tinh",
        UBND_BG,
        S(
            "Giờ tan ca ở khu công nghiệp Đình Trám, xe đưa đón công nhân đỗ tràn lòng đường, thường xuyên ùn tắc và xảy ra va chạm. Đề nghị tỉnh bố trí bãi đỗ và lực lượng phân luồng.",
            C.SPOKEN,
            place="phường Hồng Thái, thị xã Việt Yên",
        ),
        answer="Công an tỉnh đã bố trí lực lượng phân luồng tại các cổng Khu công nghiệp Đình Trám giờ tan ca; Ban Quản lý các khu công nghiệp yêu cầu doanh nghiệp bố trí điểm đón trả công nhân trong khuôn viên nhà máy từ tháng 12/2024.",
    ),
)

MATTERS_002_BUSINESSES = (
    M(
        "bg-pccc-nha-xuong-dn",
        "kinh_te_doanh_nghiep",
        "tinh",
        UBND_BG,
        S(
            "Thủ tục thẩm duyệt thiết kế phòng cháy, chữa cháy cho nhà xưởng xây để cho thuê vẫn kéo dài, doanh nghiệp nộp hồ sơ nhiều tháng chưa có kết quả, ảnh hưởng hợp đồng với khách thuê.",
            C.PAPER_ORGANISATION,
            org="Công ty TNHH Đầu tư Hạ tầng Việt Yên",
        ),
        answer="Từ tháng 7/2024, Công an tỉnh tiếp nhận hồ sơ thẩm duyệt phòng cháy, chữa cháy trên cổng dịch vụ công và rút ngắn thời gian giải quyết còn 10 ngày làm việc đối với nhà xưởng; doanh nghiệp được hướng dẫn trước khi nộp hồ sơ qua đường dây nóng.",
    ),
    M(
        "bg-hoan-thue-gtgt",
        "kinh_te_doanh_nghiep",
        "tinh",
        UBND_BG,
        S(
            "Hồ sơ hoàn thuế giá trị gia tăng của doanh nghiệp xuất khẩu bị chuyển kiểm tra trước hoàn, kéo dài hơn 4 tháng, doanh nghiệp thiếu vốn lưu động. Đề nghị tỉnh đề nghị cơ quan thuế rút ngắn thời gian.",
            C.PAPER_ORGANISATION,
            org="Công ty Cổ phần Nông sản xuất khẩu Bắc Giang",
        ),
        S(
            "Đề nghị công khai tiến độ giải quyết hồ sơ hoàn thuế để doanh nghiệp chủ động dòng tiền.",
            C.SPOKEN,
            org="Hiệp hội Doanh nghiệp tỉnh Bắc Giang",
        ),
        summary="Doanh nghiệp đề nghị rút ngắn thời gian giải quyết hồ sơ hoàn thuế giá trị gia tăng (nhất là hồ sơ kiểm tra trước hoàn) và công khai tiến độ giải quyết.",
        answer="Cục Thuế tỉnh đã giải quyết xong hồ sơ hoàn thuế của doanh nghiệp ngày 10/9/2024 và triển khai tra cứu tình trạng hồ sơ hoàn thuế trên cổng thông tin của ngành thuế.",
    ),
    M(
        "bg-nha-o-cong-nhan",
        "quy_hoach_xay_dung",
        "tinh",
        UBND_BG,
        S(
            "Công nhân chủ yếu thuê phòng trọ chật chội, thiếu an toàn. Đề nghị tỉnh đẩy nhanh các dự án nhà ở xã hội, nhà lưu trú công nhân gần các khu công nghiệp.",
            C.PAPER_ORGANISATION,
            org="Công ty TNHH Điện tử Quang Châu",
        ),
        S(
            "Doanh nghiệp muốn đầu tư nhà lưu trú cho công nhân nhưng không có quỹ đất, đề nghị tỉnh bố trí đất và hướng dẫn ưu đãi.",
            C.SPOKEN,
            org="Công ty Cổ phần May Việt Yên",
        ),
        summary="Doanh nghiệp đề nghị tỉnh đẩy nhanh các dự án nhà ở xã hội, bố trí quỹ đất và ưu đãi cho doanh nghiệp đầu tư nhà lưu trú công nhân gần khu công nghiệp.",
        answer="Tỉnh đang triển khai 14 dự án nhà ở xã hội, nhà ở công nhân với khoảng 12.000 căn; Sở Xây dựng công bố danh mục quỹ đất nhà ở xã hội tại thị xã Việt Yên và hướng dẫn doanh nghiệp đăng ký đầu tư nhà lưu trú công nhân được miễn tiền thuê đất theo quy định.",
    ),
    M(
        "bg-tuyen-dung-lao-dong",
        "chinh_sach_xa_hoi",
        "tinh",
        UBND_BG,
        S(
            "Doanh nghiệp khó tuyển lao động kỹ thuật, đề nghị tỉnh tăng cường đào tạo nghề gắn với nhu cầu của doanh nghiệp và tổ chức sàn giao dịch việc làm thường xuyên.",
            C.PAPER_ORGANISATION,
            org="Công ty TNHH Cơ khí chính xác Song Khê",
        ),
        answer="Sở Lao động - Thương binh và Xã hội đã tổ chức phiên giao dịch việc làm định kỳ vào ngày 10 hằng tháng tại Trung tâm Dịch vụ việc làm tỉnh và phối hợp các trường cao đẳng mở lớp đào tạo theo đặt hàng của doanh nghiệp.",
    ),
    M(
        "bg-von-vay-htx-dn",
        "kinh_te_doanh_nghiep",
        "tinh",
        UBND_BG,
        S(
            "Hợp tác xã, doanh nghiệp nhỏ khó tiếp cận vốn vay ngân hàng vì không có tài sản thế chấp, nhà xưởng trên đất thuê không được ngân hàng chấp nhận. Đề nghị tỉnh có cơ chế bảo lãnh tín dụng.",
            C.PAPER_ORGANISATION,
            org="Hợp tác xã Dịch vụ nông nghiệp Tân Yên",
        ),
        S(
            "Đề nghị tỉnh tăng vốn cho Quỹ hỗ trợ phát triển hợp tác xã để các hợp tác xã được vay với lãi suất ưu đãi.",
            C.SPOKEN,
            org="Liên minh Hợp tác xã tỉnh Bắc Giang",
        ),
        summary="Hợp tác xã, doanh nghiệp nhỏ đề nghị cơ chế bảo lãnh tín dụng khi không có tài sản thế chấp và tăng vốn cho Quỹ hỗ trợ phát triển hợp tác xã.",
        answer="UBND tỉnh đã bổ sung 10 tỷ đồng vốn điều lệ cho Quỹ hỗ trợ phát triển hợp tác xã năm 2024; Ngân hàng Nhà nước chi nhánh tỉnh chỉ đạo các tổ chức tín dụng cho vay theo phương án sản xuất, chấp nhận tài sản hình thành từ vốn vay làm tài sản bảo đảm.",
    ),
    M(
        "bg-dien-kcn-song-khe",
        "giao_thong_ha_tang",
        "tinh",
        UBND_BG,
        S(
            "Khu công nghiệp Song Khê - Nội Hoàng thường xuyên bị cắt điện đột xuất vào mùa hè, doanh nghiệp thiệt hại lớn. Đề nghị ngành điện thông báo lịch trước và bảo đảm nguồn điện.",
            C.PAPER_ORGANISATION,
            org="Công ty TNHH Cơ khí chính xác Song Khê",
        ),
        answer="Công ty Điện lực Bắc Giang đã đưa vào vận hành trạm biến áp 110 kV mới cấp điện cho Khu công nghiệp Song Khê - Nội Hoàng từ tháng 9/2024 và thông báo lịch cắt điện kế hoạch trước 05 ngày qua tin nhắn cho doanh nghiệp.",
    ),
    M(
        "bg-thu-tuc-dau-tu",
        "kinh_te_doanh_nghiep",
        "tinh",
        UBND_BG,
        S(
            "Thủ tục điều chỉnh giấy chứng nhận đầu tư khi mở rộng dự án phải qua nhiều sở, mỗi sở yêu cầu một bộ hồ sơ. Đề nghị tỉnh thực hiện liên thông một đầu mối.",
            C.PAPER_ORGANISATION,
            org="Công ty TNHH Thực phẩm Hiệp Hòa",
        ),
        answer="Từ tháng 10/2024, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ điều chỉnh dự án đầu tư một đầu mối, Sở Kế hoạch và Đầu tư chủ trì lấy ý kiến các sở trên hệ thống điện tử.",
    ),
)

MATTERS_002_COOPERATIVES = (
    M(
        "bg-von-vay-htx",
        "kinh_te_doanh_nghiep",
        "tinh",
        UBND_BG,
        S(
            "Hợp tác xã khó tiếp cận vốn vay ngân hàng vì không có tài sản thế chấp, nhà xưởng trên đất thuê không được ngân hàng chấp nhận. Đề nghị tỉnh có cơ chế bảo lãnh tín dụng cho hợp tác xã.",
            C.PAPER_ORGANISATION,
            org="Hợp tác xã Nông sản sạch Lục Nam",
        ),
        S(
            "Vốn Quỹ hỗ trợ phát triển hợp tác xã còn ít, mức cho vay thấp, đề nghị tỉnh tiếp tục bổ sung vốn cho Quỹ.",
            C.SPOKEN,
            org="Hợp tác xã Chăn nuôi Yên Thế",
        ),
        summary="Các hợp tác xã tiếp tục đề nghị cơ chế bảo lãnh tín dụng khi không có tài sản thế chấp và bổ sung vốn cho Quỹ hỗ trợ phát triển hợp tác xã (đã nêu tại hội nghị đối thoại với doanh nghiệp).",
        answer="Năm 2025 tỉnh bố trí thêm 15 tỷ đồng cho Quỹ hỗ trợ phát triển hợp tác xã, nâng mức cho vay tối đa lên 2 tỷ đồng/hợp tác xã; Liên minh Hợp tác xã tỉnh phối hợp Quỹ bảo lãnh tín dụng cho doanh nghiệp nhỏ và vừa hướng dẫn hợp tác xã lập hồ sơ bảo lãnh.",
    ),
    M(
        "bg-ocop-htx",
        "nong_nghiep",
        "tinh",
        UBND_BG,
        S(
            "Đề nghị tỉnh tiếp tục hỗ trợ kinh phí thiết kế bao bì, nhãn mác, xây dựng tiêu chuẩn cơ sở cho sản phẩm OCOP của hợp tác xã.",
            C.PAPER_ORGANISATION,
            org="Hợp tác xã Mỳ Chũ Thủ Dương",
        ),
        S(
            "Sản phẩm OCOP 4 sao của hợp tác xã khó vào siêu thị vì phí lên kệ cao, đề nghị tỉnh kết nối, hỗ trợ.",
            C.SPOKEN,
            org="Hợp tác xã Gà đồi Yên Thế",
        ),
        summary="Hợp tác xã đề nghị tiếp tục hỗ trợ kinh phí bao bì, nhãn mác, tiêu chuẩn cơ sở cho sản phẩm OCOP và kết nối đưa sản phẩm vào siêu thị.",
        answer="Năm 2025 tỉnh hỗ trợ tối đa 50 triệu đồng/sản phẩm OCOP cho thiết kế bao bì, nhãn mác, xây dựng tiêu chuẩn; Sở Công Thương tổ chức hội nghị kết nối cung cầu với các hệ thống siêu thị, hỗ trợ phí lên kệ năm đầu cho sản phẩm OCOP 4 sao.",
    ),
    M(
        "bg-kho-lanh-htx",
        "nong_nghiep",
        "tinh",
        UBND_BG,
        S(
            "Đề nghị tỉnh hỗ trợ hợp tác xã đầu tư kho lạnh bảo quản vải thiều, rau quả sau thu hoạch theo chính sách phát triển nông nghiệp.",
            C.PAPER_ORGANISATION,
            org="Hợp tác xã vải thiều Kiên Lao",
        ),
        answer="Hợp tác xã được hỗ trợ 50% kinh phí đầu tư kho lạnh, tối đa 500 triệu đồng theo nghị quyết của HĐND tỉnh về chính sách hỗ trợ phát triển nông nghiệp; Sở Nông nghiệp và Phát triển nông thôn hướng dẫn lập hồ sơ trước ngày 31/3/2025.",
        outcome=SUBMITTED,
    ),
    M(
        "bg-dat-xuong-htx",
        "dat_dai",
        "tinh",
        UBND_BG,
        S(
            "Hợp tác xã cần đất xây xưởng sơ chế nhưng thủ tục thuê đất nông nghiệp để làm nhà xưởng phải chuyển mục đích rất lâu. Đề nghị tỉnh hướng dẫn, ưu tiên giải quyết.",
            C.PAPER_ORGANISATION,
            org="Hợp tác xã Rau an toàn Việt Yên",
        ),
        answer="Theo Luật Đất đai năm 2024, hợp tác xã được sử dụng đất nông nghiệp để xây dựng công trình phục vụ trực tiếp sản xuất nông nghiệp mà không phải chuyển mục đích; Sở Tài nguyên và Môi trường đã hướng dẫn hợp tác xã đăng ký tại UBND thị xã Việt Yên.",
    ),
    M(
        "bg-dao-tao-giam-doc-htx",
        "kinh_te_doanh_nghiep",
        "tinh",
        UBND_BG,
        S(
            "Đề nghị tỉnh mở lớp bồi dưỡng kiến thức quản trị, kế toán, thương mại điện tử cho cán bộ quản lý hợp tác xã.",
            C.SPOKEN,
            org="Hợp tác xã Dịch vụ nông nghiệp Tân Yên",
        ),
        answer="Liên minh Hợp tác xã tỉnh mở 04 lớp bồi dưỡng quản trị, kế toán và 02 lớp thương mại điện tử cho cán bộ quản lý hợp tác xã trong quý I/2025, kinh phí do ngân sách tỉnh bảo đảm.",
    ),
    M(
        "bg-bao-hiem-nong-nghiep-htx",
        "nong_nghiep",
        "trung_uong",
        UBND_BG,
        S(
            "Đề nghị kiến nghị Trung ương mở rộng chính sách hỗ trợ bảo hiểm nông nghiệp cho cây ăn quả, vật nuôi của hợp tác xã, sau bão số 3 nhiều hợp tác xã mất trắng.",
            C.PAPER_ORGANISATION,
            org="Hợp tác xã Gà đồi Yên Thế",
        ),
        answer="UBND tỉnh đã tổng hợp kiến nghị gửi Bộ Tài chính, Bộ Nông nghiệp và Phát triển nông thôn khi sửa đổi Nghị định số 58/2018/NĐ-CP về bảo hiểm nông nghiệp.",
    ),
)

_BAC_GIANG = {
    "issuer": "Ủy ban nhân dân tỉnh Bắc Giang",
    "receiving": UBND_BG,
    "places": (
        "phường Trần Phú, thành phố Bắc Giang",
        "xã Tân Dĩnh, huyện Lạng Giang",
        "xã Nghĩa Phương, huyện Lục Nam",
        "phường Nếnh, thị xã Việt Yên",
        "xã Tân Mộc, huyện Lục Ngạn",
    ),
    "orgs": {
        C.PAPER_ORGANISATION: ("Hiệp hội Doanh nghiệp tỉnh Bắc Giang",),
        C.MTTQ: ("Ủy ban MTTQ Việt Nam tỉnh Bắc Giang",),
        C.AGENCY_REPORT: ("Thanh tra tỉnh Bắc Giang",),
    },
}

# Monthly receptions on the 15th (or the next working day), then the four occasional ones.
_MONTH_DAYS = {1: 15, 2: 15, 3: 15, 4: 15, 5: 15, 6: 17, 7: 15, 8: 15, 9: 16, 10: 15, 11: 15, 12: 16}

BATCHES_002 = (
    *(
        Batch(
            key=f"002-2024-{month:02d}",
            conference=date(2024, month, day).isoformat(),
            day=date(2024, month, day),
            opens=date(2024, month, 1) if month != 1 else date(2024, 1, 2),
            closes=date(2024, month, day - 1),
            channels=((C.SPOKEN, 3), (C.PAPER_CITIZEN, 3), (C.ONLINE, 1)),
            matters=MONTHLY_002[month],
            answers_after=True,
            **_BAC_GIANG,
        )
        for month, day in _MONTH_DAYS.items()
    ),
    Batch(
        key="002-cu-tri-06",
        conference="Tháng 6/2024",
        day=date(2024, 6, 27),
        opens=date(2024, 6, 3),
        closes=date(2024, 6, 21),
        channels=((C.MTTQ, 3), (C.SPOKEN, 2), (C.PAPER_CITIZEN, 1)),
        matters=MATTERS_002_VOTERS_06,
        **_BAC_GIANG,
    ),
    Batch(
        key="002-doanh-nghiep",
        conference="Năm 2024, thời gian quyết định sau",
        day=date(2024, 8, 22),
        opens=date(2024, 7, 22),
        closes=date(2024, 8, 16),
        channels=((C.PAPER_ORGANISATION, 3), (C.SPOKEN, 1)),
        matters=MATTERS_002_BUSINESSES,
        **_BAC_GIANG,
    ),
    Batch(
        key="002-cu-tri-11",
        conference="Tháng 11/2024",
        day=date(2024, 11, 28),
        opens=date(2024, 11, 4),
        closes=date(2024, 11, 22),
        channels=((C.MTTQ, 3), (C.SPOKEN, 2), (C.PAPER_CITIZEN, 1)),
        matters=MATTERS_002_VOTERS_11,
        **_BAC_GIANG,
    ),
    Batch(
        key="002-hop-tac-xa",
        conference="Quý IV/2024",
        day=date(2024, 12, 10),
        opens=date(2024, 11, 11),
        closes=date(2024, 12, 4),
        channels=((C.PAPER_ORGANISATION, 3), (C.SPOKEN, 1)),
        matters=MATTERS_002_COOPERATIVES,
        **_BAC_GIANG,
    ),
)


# --------------------------------------------------------------------------- 003

UBND_GP = "Ủy ban nhân dân xã Gia Phúc"
CONGAN_GP = "Công an xã Gia Phúc"
MTTQ_GP = "Ủy ban Mặt trận Tổ quốc Việt Nam xã Gia Phúc"
VP_UBND_GP = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Gia Phúc"
TTDV_GP = "Trung tâm Dịch vụ sự nghiệp công xã Gia Phúc"


def _gp(village: str) -> str:
    return f"thôn {village}, xã Gia Phúc, thành phố Hải Phòng"


MATTERS_003 = (
    M(
        "duong-phong-lam-van-lam",
        "giao_thong_ha_tang",
        "xa",
        UBND_GP,
        S(
            "Tuyến đường liên thôn từ Phong Lâm sang Văn Lâm dài khoảng 1,5 km đã xuống cấp nghiêm trọng, nhiều ổ gà, mùa mưa đọng nước, học sinh đi lại rất nguy hiểm. Đề nghị xã sớm đầu tư nâng cấp.",
            C.SPEAKER_SLIP,
            place=_gp("Phong Lâm"),
        ),
        S(
            "Đường từ thôn Văn Lâm đi Phong Lâm mặt bê tông vỡ nhiều đoạn, xe chở vật liệu xây dựng đi nhiều càng hỏng thêm. Đề nghị xã sửa chữa và cắm biển hạn chế tải trọng.",
            C.PAPER_CITIZEN,
            place=_gp("Văn Lâm"),
        ),
        S(
            "duong lien thon Phong Lam - Van Lam hong nang, toi di xe may bi nga 2 lan roi, de nghi xa sua som",
            C.ONLINE,
            place="thon Van Lam, xa Gia Phuc",
        ),
        S(
            "Hội nghị thôn Phong Lâm thống nhất kiến nghị xã đưa tuyến đường liên thôn Phong Lâm - Văn Lâm vào kế hoạch đầu tư công năm 2026, Nhân dân sẵn sàng hiến đất mở rộng lề đường.",
            C.VILLAGE,
            org="Thôn Phong Lâm",
            place=_gp("Phong Lâm"),
        ),
        summary="Nhân dân các thôn Phong Lâm, Văn Lâm đề nghị xã sớm nâng cấp, sửa chữa tuyến đường liên thôn Phong Lâm - Văn Lâm (khoảng 1,5 km) bị xuống cấp và cắm biển hạn chế tải trọng; Nhân dân sẵn sàng hiến đất mở rộng lề đường.",
        answer="Tại hội nghị, đồng chí Bí thư Đảng ủy - Chủ tịch HĐND xã trả lời: tuyến đường liên thôn Phong Lâm - Văn Lâm đã được HĐND xã đưa vào danh mục kế hoạch đầu tư công năm 2026 với tổng mức 4,2 tỷ đồng; UBND xã hoàn thiện hồ sơ, khởi công trong tháng 8/2026. Trước mắt UBND xã vá ổ gà bằng đá cấp phối trong tháng 6/2026 và cắm biển hạn chế xe trên 10 tấn. Đảng ủy ghi nhận tinh thần hiến đất của Nhân dân thôn Phong Lâm.",
        live=True,
    ),
    M(
        "kenh-tuoi-truc-lam",
        "nong_nghiep",
        "xa",
        UBND_GP,
        S(
            "Kênh tưới nội đồng cánh đồng thôn Trúc Lâm bị bồi lắng, nhiều đoạn thành kênh bị vỡ, vụ chiêm xuân vừa qua nước không về kịp, nhiều ruộng bị khô hạn. Đề nghị xã nạo vét, sửa chữa trước vụ mùa.",
            C.MTTQ,
            org="Ban Công tác Mặt trận thôn Trúc Lâm",
            place=_gp("Trúc Lâm"),
        ),
        S(
            "Đề nghị nạo vét kênh mương thủy lợi thôn Trúc Lâm và thôn Nghĩa Hy, cỏ rác ùn tắc, cống điều tiết hỏng không đóng mở được.",
            C.SPEAKER_SLIP,
            place=_gp("Nghĩa Hy"),
        ),
        S(
            "Kênh tưới xứ đồng Cửa Chùa thôn Trúc Lâm vỡ bờ hai chỗ, nước tràn sang ruộng nhà khác, đề nghị xã cho sửa.",
            C.PAPER_CITIZEN,
            place=_gp("Trúc Lâm"),
        ),
        summary="Đề nghị nạo vét, sửa chữa kênh tưới nội đồng thôn Trúc Lâm, Nghĩa Hy (bồi lắng, vỡ bờ, cống điều tiết hỏng) trước vụ mùa.",
        answer="UBND xã đã làm việc với đơn vị khai thác công trình thủy lợi: nạo vét 1,8 km kênh tưới thôn Trúc Lâm, Nghĩa Hy, đắp lại 2 đoạn bờ vỡ xứ đồng Cửa Chùa và thay mới 02 cống điều tiết, hoàn thành trước ngày 30/6/2026; kinh phí từ nguồn hỗ trợ sản phẩm, dịch vụ công ích thủy lợi năm 2026.",
        support=(TTDV_GP,),
        contribution="Trung tâm Dịch vụ sự nghiệp công xã đã khảo sát hiện trạng: 1,8 km kênh cần nạo vét, 02 cống điều tiết hỏng cần thay mới.",
    ),
    M(
        "so-do-dat-nong-nghiep-ddt",
        "dat_dai",
        "xa",
        UBND_GP,
        S(
            "Sau dồn điền đổi thửa năm 2022, đến nay nhiều hộ thôn Lai Hà vẫn chưa được cấp đổi giấy chứng nhận quyền sử dụng đất nông nghiệp. Đề nghị xã cho biết tiến độ và khi nào trả sổ cho dân.",
            C.SPEAKER_SLIP,
            place=_gp("Lai Hà"),
        ),
        S(
            "Hồ sơ cấp đổi sổ đỏ đất nông nghiệp của gia đình tôi nộp từ năm 2023 đến nay chưa có kết quả, hỏi cán bộ địa chính thì bảo chờ. Đề nghị xã trả lời rõ.",
            C.PAPER_CITIZEN,
            place=_gp("Đại Lương"),
        ),
        S(
            "Ban Công tác Mặt trận thôn Đại Lương tổng hợp: 57 hộ chưa nhận được giấy chứng nhận quyền sử dụng đất nông nghiệp sau dồn điền đổi thửa.",
            C.MTTQ,
            org="Ban Công tác Mặt trận thôn Đại Lương",
            place=_gp("Đại Lương"),
        ),
        summary="Nhân dân thôn Lai Hà, Đại Lương đề nghị xã cho biết tiến độ và sớm trả giấy chứng nhận quyền sử dụng đất nông nghiệp cấp đổi sau dồn điền đổi thửa năm 2022.",
        draft="UBND xã ghi nhận ý kiến và sẽ đôn đốc các đơn vị liên quan đẩy nhanh tiến độ.",
        comment="Trả lời chưa đạt: cần nêu số hồ sơ còn tồn theo từng thôn, nguyên nhân, đơn vị đang giữ hồ sơ và thời hạn trả kết quả cho Nhân dân.",
        outcome=RETURNED,
    ),
    M(
        "lo-gach-long-trang",
        "moi_truong",
        "xa",
        UBND_GP,
        S(
            "Lò gạch thủ công ở cuối thôn Long Tràng đốt lò cả ban đêm, khói bụi bay vào khu dân cư, nhiều cháu nhỏ bị ho kéo dài. Đề nghị xã kiểm tra, yêu cầu dừng hoạt động.",
            C.SPEAKER_SLIP,
            place=_gp("Long Tràng"),
        ),
        S(
            "Xe chở đất vào lò gạch thôn Long Tràng chạy suốt đêm, gây ồn và rơi vãi đất ra đường, trời mưa trơn trượt. Đề nghị xã xử lý.",
            C.PAPER_CITIZEN,
            place=_gp("Long Tràng"),
        ),
        S(
            "Đề nghị chính quyền xã công khai lò gạch ở Long Tràng có được cấp phép không, vì Nhân dân phản ánh nhiều lần mà lò vẫn hoạt động.",
            C.SPOKEN,
            place=_gp("Long Tràng"),
        ),
        summary="Nhân dân thôn Long Tràng phản ánh lò gạch thủ công gây khói bụi, tiếng ồn, xe chở đất rơi vãi; đề nghị xã kiểm tra, công khai việc cấp phép và yêu cầu dừng hoạt động.",
        answer="UBND xã đã phối hợp Công an xã kiểm tra ngày 28/5/2026: cơ sở sản xuất gạch ở cuối thôn Long Tràng không có giấy phép môi trường, lò thủ công thuộc diện phải xóa bỏ. UBND xã đã lập biên bản, ra quyết định xử phạt, yêu cầu dừng đốt lò từ ngày 01/6/2026 và tháo dỡ lò trước ngày 31/7/2026; Công an xã kiểm soát xe chở đất quá tải, rơi vãi.",
        outcome=SUBMITTED,
        support=(CONGAN_GP,),
    ),
    M(
        "phong-hoc-mam-non-nghia-hy",
        "y_te_giao_duc",
        "xa",
        UBND_GP,
        S(
            "Điểm trường mầm non thôn Nghĩa Hy thiếu phòng học, các cháu phải học ghép 2 lớp trong một phòng. Đề nghị xã đầu tư xây thêm phòng học trước năm học 2026-2027.",
            C.PAPER_CITIZEN,
            place=_gp("Nghĩa Hy"),
        ),
        S(
            "Đề nghị xây lại nhà vệ sinh và làm mái che sân cho điểm trường mầm non thôn Nghĩa Hy, hiện xuống cấp, mất vệ sinh.",
            C.VILLAGE,
            org="Thôn Nghĩa Hy",
            place=_gp("Nghĩa Hy"),
        ),
        summary="Đề nghị đầu tư thêm phòng học, xây lại nhà vệ sinh và mái che sân cho điểm trường mầm non thôn Nghĩa Hy trước năm học 2026-2027.",
        answer="UBND xã đã bố trí 1,6 tỷ đồng xây thêm 02 phòng học và nhà vệ sinh điểm trường mầm non thôn Nghĩa Hy, thi công trong hè, đưa vào sử dụng từ tháng 9/2026; mái che sân thực hiện bằng nguồn xã hội hóa.",
    ),
    M(
        "bhyt-nguoi-cao-tuoi-gia-phuc",
        "chinh_sach_xa_hoi",
        "tinh",
        UBND_GP,
        S(
            "Đề nghị thành phố hỗ trợ mua thẻ bảo hiểm y tế cho người từ 70 đến dưới 75 tuổi chưa có lương hưu, trợ cấp ở các thôn.",
            C.MTTQ,
            org="Hội Người cao tuổi xã Gia Phúc",
        ),
        S(
            "Bố mẹ tôi đều ngoài 70 tuổi, không có lương hưu, năm nay phải tự mua thẻ bảo hiểm y tế hộ gia đình rất tốn kém. Xin đề nghị có chính sách hỗ trợ.",
            C.PAPER_CITIZEN,
            place=_gp("Văn Lâm"),
        ),
        S(
            "de nghi xa ra soat cap the bhyt cho nguoi du 75 tuoi dang huong tro cap huu tri xa hoi, nha toi chua duoc cap",
            C.ONLINE,
            place="thon Long Trang, xa Gia Phuc",
        ),
        summary="Đề nghị hỗ trợ thẻ bảo hiểm y tế cho người cao tuổi từ 70 đến dưới 75 tuổi không có lương hưu, trợ cấp; rà soát cấp thẻ cho người từ đủ 75 tuổi hưởng trợ cấp hưu trí xã hội.",
        answer="Từ ngày 01/7/2025, người từ đủ 75 tuổi hưởng trợ cấp hưu trí xã hội được ngân sách đóng bảo hiểm y tế theo Luật Bảo hiểm xã hội năm 2024; UBND xã đã rà soát, cấp bổ sung thẻ cho 23 người. Đối với người từ 70 đến dưới 75 tuổi, UBND xã đã tổng hợp danh sách 112 người, đề nghị UBND thành phố xem xét hỗ trợ mức đóng.",
    ),
    M(
        "den-duong-dai-luong",
        "giao_thong_ha_tang",
        "xa",
        UBND_GP,
        S(
            "Đoạn đường từ đầu thôn Đại Lương vào nhà văn hóa thôn dài khoảng 700 m chưa có đèn chiếu sáng, buổi tối rất tối, phụ nữ, trẻ em đi lại không an toàn. Đề nghị xã lắp đèn đường.",
            C.SPEAKER_SLIP,
            place=_gp("Đại Lương"),
        ),
        S(
            "Nhân dân thôn Đại Lương đề nghị xã hỗ trợ một phần kinh phí, thôn vận động đóng góp để lắp hệ thống đèn năng lượng mặt trời trên trục đường chính.",
            C.VILLAGE,
            org="Thôn Đại Lương",
            place=_gp("Đại Lương"),
        ),
        summary="Đề nghị lắp đèn chiếu sáng (đèn năng lượng mặt trời) trên đoạn đường khoảng 700 m từ đầu thôn Đại Lương vào nhà văn hóa thôn, xã hỗ trợ một phần kinh phí.",
        outcome=LATE,
    ),
    M(
        "dua-xe-de-gia-phuc",
        "an_ninh_trat_tu",
        "xa",
        CONGAN_GP,
        S(
            "Tối thứ Bảy, Chủ nhật thanh niên tụ tập đua xe, nẹt pô trên đường đê qua thôn Lai Hà đến gần sáng. Đề nghị Công an xã tuần tra, xử lý.",
            C.PAPER_CITIZEN,
            place=_gp("Lai Hà"),
        ),
        S(
            "Đề nghị công an xã lập chốt ở dốc đê Lai Hà vào buổi tối cuối tuần, đã có va chạm làm người đi đường bị thương.",
            C.SPOKEN,
            place=_gp("Lai Hà"),
        ),
        summary="Đề nghị Công an xã tuần tra, xử lý tình trạng thanh niên tụ tập đua xe, nẹt pô trên đường đê qua thôn Lai Hà vào tối cuối tuần.",
        answer="Công an xã đã lập tổ công tác tuần tra trên tuyến đê qua thôn Lai Hà từ 21 giờ đến 1 giờ các tối thứ Bảy, Chủ nhật từ tháng 5/2026, tạm giữ 06 xe mô tô, mời 11 thanh niên cùng gia đình lên làm việc, ký cam kết.",
    ),
    M(
        "rac-bo-kenh-lai-ha",
        "moi_truong",
        "xa",
        UBND_GP,
        S(
            "Rác thải sinh hoạt bị đổ ven bờ kênh đầu thôn Lai Hà, mùa hè bốc mùi, ruồi muỗi nhiều. Đề nghị xã bố trí điểm tập kết rác và xử lý việc đổ rác bừa bãi.",
            C.PAPER_CITIZEN,
            place=_gp("Lai Hà"),
        ),
        S(
            "Xe thu gom rác chỉ vào thôn Lai Hà mỗi tuần một lần, rác tồn đọng nhiều. Đề nghị tăng số lần thu gom.",
            C.SPEAKER_SLIP,
            place=_gp("Lai Hà"),
        ),
        summary="Đề nghị bố trí điểm tập kết, tăng số lần thu gom rác thải sinh hoạt tại thôn Lai Hà và xử lý việc đổ rác ven bờ kênh.",
        outcome=OPEN,
    ),
    M(
        "lan-chiem-ngo-van-lam",
        "dat_dai",
        "xa",
        UBND_GP,
        S(
            "Một hộ ở xóm giữa thôn Văn Lâm xây lấn ra ngõ đi chung khoảng 1 m, xe cứu thương, xe cứu hỏa không vào được. Đề nghị xã kiểm tra, buộc tháo dỡ.",
            C.PAPER_CITIZEN,
            place=_gp("Văn Lâm"),
        ),
        outcome=TRIAGED,
    ),
    M(
        "nha-ho-ngheo-truc-lam",
        "chinh_sach_xa_hoi",
        "xa",
        UBND_GP,
        S(
            "Gia đình bà Nguyễn Thị Nụ ở thôn Trúc Lâm thuộc hộ nghèo, nhà cấp bốn đã dột nát, tường nứt. Đề nghị xã và Mặt trận hỗ trợ sửa chữa nhà trước mùa mưa bão.",
            C.MTTQ,
            org="Ban Công tác Mặt trận thôn Trúc Lâm",
            place=_gp("Trúc Lâm"),
        ),
        answer="Ủy ban MTTQ xã đã trích Quỹ “Vì người nghèo” 40 triệu đồng, cùng UBND xã vận động các nhà hảo tâm hỗ trợ sửa chữa nhà cho gia đình bà Nguyễn Thị Nụ, hoàn thành ngày 05/7/2026.",
        support=(MTTQ_GP,),
    ),
    M(
        "mot-cua-sau-sap-nhap",
        "xay_dung_dang_chinh_quyen",
        "xa",
        VP_UBND_GP,
        S(
            "Sau khi sáp nhập xã, trụ sở bộ phận một cửa ở xa, người già đi làm thủ tục chứng thực, đăng ký khai sinh rất vất vả. Đề nghị xã bố trí điểm tiếp nhận lưu động hoặc hỗ trợ làm thủ tục tại thôn.",
            C.SPEAKER_SLIP,
            place=_gp("Long Tràng"),
        ),
        S(
            "de nghi xa huong dan nguoi dan lam thu tuc truc tuyen tren dich vu cong, nhieu nguoi khong biet lam",
            C.ONLINE,
            place="xa Gia Phuc",
        ),
        S(
            "Nhân dân thôn Long Tràng đề nghị mỗi tuần có cán bộ một cửa xuống nhà văn hóa thôn một buổi để tiếp nhận hồ sơ.",
            C.VILLAGE,
            org="Thôn Long Tràng",
            place=_gp("Long Tràng"),
        ),
        summary="Đề nghị bố trí điểm tiếp nhận hồ sơ lưu động tại các thôn xa trụ sở sau sáp nhập xã và hướng dẫn Nhân dân làm thủ tục trực tuyến.",
        answer="Từ tháng 6/2026, bộ phận một cửa xã tiếp nhận hồ sơ lưu động vào sáng thứ Năm hằng tuần lần lượt tại nhà văn hóa các thôn xa trụ sở (Long Tràng, Đại Lương, Lai Hà); Đoàn Thanh niên xã lập tổ công nghệ số cộng đồng hỗ trợ người dân nộp hồ sơ trực tuyến.",
    ),
    M(
        "bo-tha-rong-pha-lua",
        "nong_nghiep",
        "xa",
        UBND_GP,
        S(
            "Một số hộ thả rông trâu bò, dê ra cánh đồng thôn Đại Lương phá lúa mới cấy. Đề nghị xã nhắc nhở, xử lý.",
            C.PAPER_CITIZEN,
            place=_gp("Đại Lương"),
        ),
        S("de nghi xa xu ly viec tha rong de pha hoa mau o dong Dai Luong", C.ONLINE, place="thon Dai Luong"),
        summary="Đề nghị nhắc nhở, xử lý việc thả rông trâu bò, dê phá lúa, hoa màu trên cánh đồng thôn Đại Lương.",
        answer="UBND xã đã chỉ đạo thôn Đại Lương họp dân, các hộ chăn nuôi ký cam kết không thả rông gia súc; trường hợp tái phạm bị xử phạt và phải bồi thường thiệt hại cho chủ ruộng.",
        outcome=SUBMITTED,
    ),
    M(
        "bac-si-tram-y-te",
        "y_te_giao_duc",
        "xa",
        UBND_GP,
        S(
            "Trạm y tế xã buổi chiều thường không có bác sĩ, người bệnh phải lên bệnh viện thành phố. Đề nghị bố trí bác sĩ trực cả ngày.",
            C.PAPER_CITIZEN,
            place=_gp("Phong Lâm"),
        ),
        S(
            "Đề nghị trạm y tế có thêm thuốc điều trị tiểu đường, huyết áp theo bảo hiểm y tế cho người già, hiện phải đi xa lấy thuốc.",
            C.SPEAKER_SLIP,
            place=_gp("Trúc Lâm"),
        ),
        summary="Đề nghị bố trí bác sĩ trực cả ngày tại trạm y tế xã và cấp thuốc bảo hiểm y tế điều trị bệnh mạn tính (tiểu đường, huyết áp) tại trạm.",
        answer="UBND xã đã đề nghị Trung tâm Y tế khu vực tăng cường 01 bác sĩ luân phiên về trạm y tế xã từ tháng 7/2026; trạm y tế được cấp thuốc điều trị tăng huyết áp, đái tháo đường, người bệnh lấy thuốc hằng tháng tại trạm.",
    ),
    M(
        "cau-dan-sinh-nghia-hy",
        "giao_thong_ha_tang",
        "xa",
        UBND_GP,
        S(
            "Cây cầu dân sinh bắc qua kênh thôn Nghĩa Hy bị lún một đầu, lan can gãy, học sinh đi qua rất nguy hiểm. Đề nghị xã sửa chữa sớm.",
            C.PAPER_CITIZEN,
            place=_gp("Nghĩa Hy"),
        ),
        S(
            "Đề nghị làm lại cầu qua kênh ở Nghĩa Hy, xe chở lúa không qua được phải đi vòng xa.",
            C.SPOKEN,
            place=_gp("Nghĩa Hy"),
        ),
        summary="Đề nghị sửa chữa, làm lại cầu dân sinh qua kênh thôn Nghĩa Hy bị lún, gãy lan can.",
        outcome=LATE,
    ),
    M(
        "nuoc-sach-long-trang",
        "giao_thong_ha_tang",
        "tinh",
        UBND_GP,
        S(
            "Đường ống nước sạch của công ty cấp nước mới đến thôn Lai Hà, các thôn Long Tràng, Đại Lương vẫn dùng nước giếng khoan. Đề nghị thành phố chỉ đạo sớm đấu nối.",
            C.MTTQ,
            org="Ban Công tác Mặt trận thôn Long Tràng",
            place=_gp("Long Tràng"),
        ),
        S(
            "Nước giếng khoan nhà tôi có mùi tanh, màu vàng, lọc mãi không sạch. Bao giờ thôn Đại Lương mới có nước máy?",
            C.PAPER_CITIZEN,
            place=_gp("Đại Lương"),
        ),
        S("de nghi som dau noi nuoc sach ve thon Long Trang", C.ONLINE, place="thon Long Trang"),
        summary="Nhân dân thôn Long Tràng, Đại Lương đề nghị sớm đấu nối mạng lưới nước sạch tập trung về thôn.",
        answer="UBND xã đã làm việc với Công ty cấp nước; tuyến ống cấp nước đến thôn Long Tràng, Đại Lương được đưa vào kế hoạch đầu tư năm 2026, thi công từ tháng 9/2026. UBND xã đã có văn bản đề nghị UBND thành phố chỉ đạo bảo đảm tiến độ.",
    ),
    M(
        "phu-cap-truong-thon-gia-phuc",
        "xay_dung_dang_chinh_quyen",
        "tinh",
        UBND_GP,
        S(
            "Sau sáp nhập, thôn đông gần gấp đôi nhưng phụ cấp trưởng thôn, bí thư chi bộ không tăng tương xứng. Đề nghị xã kiến nghị thành phố điều chỉnh.",
            C.SPEAKER_SLIP,
            org="Chi bộ thôn Văn Lâm",
            place=_gp("Văn Lâm"),
        ),
        answer="Mức phụ cấp người hoạt động không chuyên trách ở thôn thực hiện theo nghị quyết của HĐND thành phố; UBND xã đã tổng hợp kiến nghị gửi Sở Nội vụ để tham mưu điều chỉnh theo quy mô thôn.",
        outcome=SUBMITTED,
    ),
    M(
        "lua-dao-mang-gia-phuc",
        "an_ninh_trat_tu",
        "xa",
        CONGAN_GP,
        S(
            "Thời gian gần đây nhiều người trong thôn nhận được cuộc gọi giả danh cán bộ điện lực, ngân hàng đòi cài ứng dụng. Đề nghị Công an xã tuyên truyền để bà con cảnh giác.",
            C.VILLAGE,
            org="Thôn Trúc Lâm",
            place=_gp("Trúc Lâm"),
        ),
        S(
            "Mẹ tôi bị lừa chuyển khoản 30 triệu đồng cho người giả danh nhân viên bảo hiểm xã hội, đề nghị công an xã giúp đỡ.",
            C.SPOKEN,
            place=_gp("Phong Lâm"),
        ),
        summary="Đề nghị Công an xã tuyên truyền phòng chống lừa đảo qua điện thoại, mạng xã hội và hỗ trợ người bị lừa chuyển tiền.",
        answer="Công an xã đã tuyên truyền trên loa truyền thanh và tại các buổi họp thôn về các thủ đoạn lừa đảo; vụ việc của gia đình ở thôn Phong Lâm đã được chuyển Công an thành phố điều tra theo thẩm quyền.",
    ),
    M(
        "nha-van-hoa-truc-lam",
        "khac",
        "xa",
        UBND_GP,
        S(
            "Nhà văn hóa thôn Trúc Lâm xây từ năm 2005 đã xuống cấp, mái ngói vỡ, thiết bị âm thanh hỏng. Đề nghị xã hỗ trợ kinh phí sửa chữa.",
            C.VILLAGE,
            org="Thôn Trúc Lâm",
            place=_gp("Trúc Lâm"),
        ),
        S(
            "Đề nghị xã quan tâm cải tạo sân nhà văn hóa thôn Trúc Lâm để làm sân thể thao cho thanh niên, người cao tuổi.",
            C.PAPER_CITIZEN,
            place=_gp("Trúc Lâm"),
        ),
        summary="Đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa thôn Trúc Lâm và cải tạo sân làm sân thể thao.",
        outcome=OPEN,
    ),
    M(
        "tro-cap-qua-tai-khoan",
        "chinh_sach_xa_hoi",
        "xa",
        VP_UBND_GP,
        S(
            "Từ khi chuyển chi trả trợ cấp người có công, bảo trợ xã hội qua tài khoản, nhiều cụ già không biết rút tiền, phải nhờ người khác. Đề nghị xã vẫn chi trả tiền mặt cho người không tự rút được.",
            C.PAPER_CITIZEN,
            place=_gp("Nghĩa Hy"),
        ),
        S(
            "Đề nghị bưu điện, ngân hàng xuống chi trả tại nhà văn hóa thôn cho người cao tuổi, người khuyết tật như trước đây.",
            C.MTTQ,
            org="Hội Người cao tuổi xã Gia Phúc",
        ),
        summary="Đề nghị tiếp tục chi trả tiền mặt hoặc tổ chức chi trả tại nhà văn hóa thôn cho người cao tuổi, người khuyết tật không tự rút được tiền trợ cấp qua tài khoản.",
        answer="UBND xã đã thống nhất với Bưu điện tổ chức chi trả tại nhà văn hóa các thôn vào ngày 10 hằng tháng cho người không tự rút được tiền; người có nhu cầu đăng ký với trưởng thôn.",
    ),
    M(
        "chuyen-doi-dat-lua",
        "nong_nghiep",
        "xa",
        UBND_GP,
        S(
            "Ruộng trũng ở xứ đồng Cửa Đình thôn Phong Lâm cấy lúa năng suất thấp, nhiều hộ bỏ ruộng. Đề nghị xã cho chuyển đổi sang nuôi cá, trồng cây ăn quả.",
            C.SPOKEN,
            place=_gp("Phong Lâm"),
        ),
        S(
            "Đề nghị hướng dẫn thủ tục đăng ký chuyển đổi cơ cấu cây trồng trên đất trồng lúa theo quy định mới.",
            C.PAPER_CITIZEN,
            place=_gp("Phong Lâm"),
        ),
        summary="Đề nghị cho chuyển đổi ruộng trũng xứ đồng Cửa Đình (thôn Phong Lâm) sang nuôi cá, trồng cây ăn quả và hướng dẫn thủ tục chuyển đổi cơ cấu cây trồng trên đất lúa.",
        answer="Việc chuyển đổi cơ cấu cây trồng, kết hợp nuôi trồng thủy sản trên đất trồng lúa thực hiện theo Nghị định số 112/2024/NĐ-CP; UBND xã hướng dẫn các hộ đăng ký theo mẫu tại bộ phận một cửa và lập vùng chuyển đổi tập trung tại xứ đồng Cửa Đình.",
    ),
    # Received late in the collection, not yet classified.
    M(
        "ho-boi-tre-em",
        "khac",
        "",
        "",
        S(
            "Mùa hè năm nào cũng có trẻ em đuối nước ở ao, kênh. Đề nghị xã tổ chức lớp dạy bơi miễn phí cho các cháu.",
            C.PAPER_CITIZEN,
            place=_gp("Lai Hà"),
        ),
        outcome=NEW,
    ),
    M(
        "cay-xanh-nghieng-do",
        "khac",
        "",
        "",
        S(
            "Hàng cây bạch đàn ven đường trục xã đoạn qua thôn Văn Lâm nghiêng ra đường, mưa bão dễ đổ. Đề nghị cắt tỉa.",
            C.SPEAKER_SLIP,
            place=_gp("Văn Lâm"),
        ),
        outcome=NEW,
    ),
    M(
        "loa-truyen-thanh-hong",
        "khac",
        "",
        "",
        S(
            "loa truyen thanh thon Nghia Hy hong may thang nay, thong bao cua xa dan khong nghe duoc",
            C.ONLINE,
            place="thon Nghia Hy",
        ),
        outcome=NEW,
    ),
    M(
        "cho-tha-rong",
        "khac",
        "",
        "",
        S(
            "Chó thả rông không rọ mõm trên đường làng Đại Lương, đã có cháu bị cắn. Đề nghị xã nhắc nhở các hộ nuôi chó.",
            C.PAPER_CITIZEN,
            place=_gp("Đại Lương"),
        ),
        outcome=NEW,
    ),
    M(
        "lop-nghe-may",
        "khac",
        "",
        "",
        S(
            "Phụ nữ thôn Long Tràng đề nghị xã phối hợp mở lớp dạy nghề may công nghiệp để chị em có việc làm gần nhà.",
            C.VILLAGE,
            org="Chi hội Phụ nữ thôn Long Tràng",
            place=_gp("Long Tràng"),
        ),
        outcome=NEW,
    ),
    M(
        "muong-thoat-nuoc-tac",
        "khac",
        "",
        "",
        S(
            "Mương thoát nước khu dân cư xóm Đông thôn Phong Lâm bị tắc, mưa to nước tràn vào sân nhà dân.",
            C.PAPER_CITIZEN,
            place=_gp("Phong Lâm"),
        ),
        outcome=NEW,
    ),
)

BATCH_003 = Batch(
    key="003",
    issuer="Đảng ủy xã Gia Phúc",
    conference="",
    receiving=MTTQ_GP,
    day=date(2026, 6, 11),
    opens=date(2026, 4, 20),
    closes=date(2026, 5, 15),
    places=tuple(_gp(v) for v in ("Phong Lâm", "Văn Lâm", "Trúc Lâm", "Nghĩa Hy", "Lai Hà", "Đại Lương", "Long Tràng")),
    orgs={C.MTTQ: ("Ủy ban MTTQ Việt Nam xã Gia Phúc",), C.PAPER_ORGANISATION: ("Chi bộ thôn Văn Lâm",)},
    channels=((C.SPEAKER_SLIP, 3), (C.PAPER_CITIZEN, 3), (C.VILLAGE, 1), (C.SPOKEN, 1)),
    matters=MATTERS_003,
)


# --------------------------------------------------------------------------- 004

UBND_CM = "Ủy ban nhân dân xã Cao Minh"
CONGAN_CM = "Công an xã Cao Minh"
QUANSU_CM = "Ban Chỉ huy Quân sự xã Cao Minh"
TRAMYTE_CM = "Trạm Y tế xã Cao Minh"
MTTQ_CM = "Ủy ban Mặt trận Tổ quốc Việt Nam xã Cao Minh"
VP_UBND_CM = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Cao Minh"


def _cm(village: str) -> str:
    return f"thôn {village}, xã Cao Minh, tỉnh Thái Nguyên"


MATTERS_004 = (
    M(
        "sat-lo-na-don-khuoi-khe",
        "giao_thong_ha_tang",
        "xa",
        UBND_CM,
        S(
            "Sau cơn bão số 11, tuyến đường từ thôn Nà Đon vào thôn Khuổi Khe bị sạt lở taluy dương nhiều điểm, đất đá tràn xuống mặt đường, xe máy đi lại rất nguy hiểm. Đề nghị xã sớm huy động máy móc thông tuyến.",
            C.SPEAKER_SLIP,
            place=_cm("Nà Đon"),
        ),
        S(
            "Đường vào Khuổi Khe sạt lở 3 chỗ, học sinh phải đi bộ vòng qua đồi. Đề nghị xã khắc phục gấp.",
            C.PAPER_CITIZEN,
            place=_cm("Khuổi Khe"),
        ),
        S(
            "sat lo duong Na Don - Khuoi Khe chua duoc don, mua to lai sat tiep, de nghi xa cam bien canh bao",
            C.PAPER_CITIZEN,
            place="thon Khuoi Khe, xa Cao Minh",
        ),
        S(
            "Hội nghị thôn Khuổi Khe kiến nghị xã khắc phục các điểm sạt lở trên đường liên thôn và làm rãnh thoát nước dọc để tránh nước chảy tràn mặt đường.",
            C.VILLAGE,
            org="Thôn Khuổi Khe",
            place=_cm("Khuổi Khe"),
        ),
        summary="Nhân dân các thôn Nà Đon, Khuổi Khe đề nghị xã khắc phục các điểm sạt lở taluy trên đường liên thôn Nà Đon - Khuổi Khe sau bão số 11, cắm biển cảnh báo và làm rãnh thoát nước dọc.",
        answer="Tại hội nghị, đồng chí Chủ tịch UBND xã trả lời: UBND xã đã bố trí kinh phí dự phòng thuê máy xúc dọn 04 điểm sạt lở trên tuyến Nà Đon - Khuổi Khe, bảo đảm thông xe trước ngày 20/11/2025 và cắm biển cảnh báo tại 02 điểm có nguy cơ sạt tiếp. Xã đã lập hồ sơ đề nghị tỉnh hỗ trợ kinh phí làm rãnh dọc, kè chân taluy trong năm 2026.",
        live=True,
        support=(QUANSU_CM,),
        contribution="Ban Chỉ huy Quân sự xã bố trí 15 dân quân cùng máy xúc dọn đất đá, hỗ trợ học sinh qua các điểm sạt lở trong thời gian thi công.",
    ),
    M(
        "di-doi-vung-sat-lo",
        "moi_truong",
        "tinh",
        NNMT_TN,
        S(
            "Ba hộ gia đình ở thôn Phiêng Lằm sống dưới chân taluy có vết nứt lớn sau bão, mỗi lần mưa phải sơ tán. Đề nghị tỉnh hỗ trợ kinh phí di dời, bố trí đất tái định cư cho các hộ.",
            C.SPEAKER_SLIP,
            place=_cm("Phiêng Lằm"),
        ),
        S(
            "Nhà tôi ở sát sườn đồi, sau bão đất nứt toác phía sau nhà, gia đình không có đất khác để chuyển đến. Đề nghị nhà nước hỗ trợ di dời.",
            C.PAPER_CITIZEN,
            place=_cm("Cốc Phia"),
        ),
        S(
            "Ủy ban MTTQ xã tổng hợp: 07 hộ tại thôn Phiêng Lằm và thôn Cốc Phia nằm trong vùng có nguy cơ sạt lở cao, đề nghị được hỗ trợ di dời khẩn cấp.",
            C.MTTQ,
            org="Ủy ban MTTQ Việt Nam xã Cao Minh",
        ),
        summary="07 hộ tại thôn Phiêng Lằm, Cốc Phia trong vùng nguy cơ sạt lở cao sau bão số 11 đề nghị được hỗ trợ kinh phí di dời khẩn cấp và bố trí đất tái định cư.",
        answer="Sở đã phối hợp UBND xã khảo sát ngày 25/10/2025: 07 hộ thuộc diện di dời khẩn cấp. Các hộ được hỗ trợ 60 triệu đồng/hộ theo chính sách hỗ trợ khắc phục hậu quả thiên tai của tỉnh; UBND xã bố trí đất ở tại khu dân cư thôn Nà Làng, hoàn thành di dời trước ngày 31/3/2026. Trong thời gian chờ, các hộ được bố trí ở tạm tại nhà văn hóa thôn vào những ngày mưa lớn.",
        support=(UBND_CM,),
    ),
    M(
        "dat-rung-phong-ho-ban-chang",
        "dat_dai",
        "tinh",
        NNMT_TN,
        S(
            "Nhiều hộ thôn Bản Chang canh tác ổn định trên diện tích đất rừng do Ban quản lý rừng phòng hộ quản lý từ nhiều năm, nay trồng keo, quế nhưng chưa được giao đất, cấp giấy. Đề nghị tỉnh xem xét điều chỉnh ranh giới rừng phòng hộ, giao đất cho dân.",
            C.SPEAKER_SLIP,
            place=_cm("Bản Chang"),
        ),
        S(
            "Đề nghị rà soát, chuyển diện tích rừng phòng hộ ít xung yếu sang rừng sản xuất để giao cho các hộ đang trồng rừng ở thôn Bản Chang.",
            C.VILLAGE,
            org="Thôn Bản Chang",
            place=_cm("Bản Chang"),
        ),
        summary="Nhân dân thôn Bản Chang đề nghị rà soát, điều chỉnh ranh giới rừng phòng hộ, chuyển diện tích ít xung yếu sang rừng sản xuất để giao đất, cấp giấy cho các hộ đang canh tác ổn định.",
        draft="Sở ghi nhận kiến nghị và sẽ nghiên cứu trong thời gian tới.",
        comment="Đề nghị nêu rõ diện tích, số hộ, cơ sở pháp lý điều chỉnh ranh giới rừng phòng hộ và lộ trình thực hiện.",
        answer="Diện tích các hộ thôn Bản Chang đang canh tác (khoảng 46 ha, 38 hộ) nằm trong quy hoạch rừng phòng hộ đầu nguồn. Sở đang rà soát trong phương án điều chỉnh quy hoạch lâm nghiệp của tỉnh; diện tích ít xung yếu sẽ được đề xuất chuyển sang rừng sản xuất, trình UBND tỉnh trong quý II/2026 và giao cho hộ dân theo Luật Lâm nghiệp. Trong thời gian chờ, các hộ được ký hợp đồng khoán bảo vệ rừng.",
        outcome=REVISED,
    ),
    M(
        "dich-vu-moi-truong-rung",
        "nong_nghiep",
        "tinh",
        NNMT_TN,
        S(
            "Tiền chi trả dịch vụ môi trường rừng năm 2025 của các hộ nhận khoán bảo vệ rừng thôn Lủng Vài đến nay chưa được nhận. Đề nghị tỉnh chỉ đạo chi trả.",
            C.PAPER_CITIZEN,
            place=_cm("Lủng Vài"),
        ),
        S(
            "Đề nghị công khai diện tích, đơn giá chi trả dịch vụ môi trường rừng cho từng hộ để bà con biết.",
            C.MTTQ,
            org="Ban Công tác Mặt trận thôn Lủng Vài",
            place=_cm("Lủng Vài"),
        ),
        summary="Đề nghị chi trả tiền dịch vụ môi trường rừng năm 2025 cho các hộ nhận khoán thôn Lủng Vài và công khai diện tích, đơn giá chi trả cho từng hộ.",
        answer="Quỹ Bảo vệ và Phát triển rừng tỉnh đã chuyển tiền dịch vụ môi trường rừng năm 2025 cho xã Cao Minh ngày 28/11/2025; UBND xã chi trả cho các hộ và niêm yết công khai danh sách, diện tích, đơn giá tại nhà văn hóa thôn Lủng Vài trong tháng 12/2025.",
    ),
    M(
        "diem-truong-khuoi-khe",
        "y_te_giao_duc",
        "xa",
        UBND_CM,
        S(
            "Điểm trường tiểu học Khuổi Khe bị tốc mái sau bão, các cháu phải học nhờ nhà văn hóa thôn. Đề nghị xã sớm sửa chữa phòng học.",
            C.SPEAKER_SLIP,
            place=_cm("Khuổi Khe"),
        ),
        S(
            "Đề nghị xây nhà công vụ cho giáo viên ở điểm trường Khuổi Khe, thầy cô phải ở nhờ nhà dân.",
            C.PAPER_CITIZEN,
            place=_cm("Khuổi Khe"),
        ),
        S(
            "Chi bộ thôn Khuổi Khe đề nghị ưu tiên kinh phí khắc phục điểm trường trước khi vào mùa rét.",
            C.PAPER_ORGANISATION,
            org="Chi bộ thôn Khuổi Khe",
            place=_cm("Khuổi Khe"),
        ),
        summary="Đề nghị sớm sửa chữa điểm trường tiểu học Khuổi Khe bị tốc mái sau bão số 11 và xây nhà công vụ cho giáo viên.",
        answer="UBND xã đã bố trí 280 triệu đồng sửa chữa mái, cửa 03 phòng học điểm trường Khuổi Khe, hoàn thành trước ngày 15/12/2025; nhà công vụ giáo viên được đề nghị tỉnh hỗ trợ từ Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số năm 2026.",
        support=(GDDT_TN,),
    ),
    M(
        "ranh-thoat-nuoc-duong-tinh",
        "giao_thong_ha_tang",
        "tinh",
        XAYDUNG_TN,
        S(
            "Đoạn đường tỉnh qua trung tâm xã Cao Minh không có rãnh thoát nước, mưa lớn nước tràn vào các nhà ven đường và chợ. Đề nghị tỉnh làm rãnh thoát nước.",
            C.PAPER_CITIZEN,
            place=_cm("Nà Làng"),
        ),
        S(
            "Mặt đường tỉnh qua chợ Cao Minh bị lún, ổ gà sâu sau mưa lũ. Đề nghị sửa chữa.",
            C.SPOKEN,
            place=_cm("Nà Làng"),
        ),
        summary="Đề nghị tỉnh làm rãnh thoát nước, sửa chữa mặt đường tỉnh đoạn qua trung tâm xã Cao Minh (khu vực chợ) bị lún, ngập khi mưa lớn.",
        answer="Sở đã đưa hạng mục rãnh thoát nước và sửa chữa mặt đường đoạn qua trung tâm xã Cao Minh (dài khoảng 800 m) vào kế hoạch khắc phục hậu quả mưa lũ năm 2025 của tỉnh; đơn vị quản lý đường đã vá ổ gà trong tháng 11/2025, rãnh thoát nước thi công quý I/2026.",
    ),
    M(
        "song-di-dong-lung-vai",
        "giao_thong_ha_tang",
        "tinh",
        UBND_CM,
        S(
            "Thôn Lủng Vài chưa có sóng điện thoại di động, muốn gọi điện phải leo lên đồi, học sinh không học trực tuyến được. Đề nghị các cấp quan tâm lắp trạm phát sóng.",
            C.SPEAKER_SLIP,
            place=_cm("Lủng Vài"),
        ),
        S(
            "de nghi lap tram song dien thoai cho thon Lung Vai, khi co viec gap khong goi duoc cap cuu",
            C.PAPER_CITIZEN,
            place="thon Lung Vai, xa Cao Minh",
        ),
        summary="Nhân dân thôn Lủng Vài đề nghị lắp trạm phát sóng điện thoại di động, phủ sóng cho thôn.",
        answer="UBND xã đã có văn bản đề nghị Sở Khoa học và Công nghệ; Viettel Thái Nguyên cho biết đã đưa trạm phát sóng thôn Lủng Vài vào danh mục phủ sóng vùng lõm năm 2026 theo Chương trình cung cấp dịch vụ viễn thông công ích.",
    ),
    M(
        "dien-luoi-lung-vai",
        "giao_thong_ha_tang",
        "tinh",
        UBND_CM,
        S(
            "Năm hộ ở cuối thôn Lủng Vài vẫn chưa có điện lưới quốc gia, đang dùng máy thủy điện nhỏ, mùa khô không có điện. Đề nghị đầu tư kéo điện.",
            C.SPEAKER_SLIP,
            place=_cm("Lủng Vài"),
        ),
        S(
            "Đề nghị ngành điện kéo đường dây hạ thế vào 5 hộ cuối thôn Lủng Vài, bà con sẵn sàng hiến đất trồng cột.",
            C.VILLAGE,
            org="Thôn Lủng Vài",
            place=_cm("Lủng Vài"),
        ),
        summary="Đề nghị đầu tư kéo điện lưới quốc gia cho 05 hộ cuối thôn Lủng Vài chưa có điện.",
        outcome=LATE,
    ),
    M(
        "ho-tro-nha-sap-bao-11",
        "chinh_sach_xa_hoi",
        "xa",
        UBND_CM,
        S(
            "Nhà tôi bị sập một gian bếp và chuồng trâu do sạt lở trong bão số 11, đã báo thôn nhưng chưa được hỗ trợ. Đề nghị xã xem xét.",
            C.PAPER_CITIZEN,
            place=_cm("Cốc Phia"),
        ),
        S(
            "Đề nghị công khai danh sách, mức hỗ trợ các hộ bị thiệt hại nhà cửa do bão số 11 để bà con được biết.",
            C.SPOKEN,
            place=_cm("Nà Đon"),
        ),
        S(
            "Ban Công tác Mặt trận thôn Nà Đon đề nghị xã sớm chi trả tiền hỗ trợ cho 12 hộ bị hư hỏng nhà do bão.",
            C.MTTQ,
            org="Ban Công tác Mặt trận thôn Nà Đon",
            place=_cm("Nà Đon"),
        ),
        summary="Đề nghị sớm chi trả và công khai danh sách, mức hỗ trợ các hộ bị thiệt hại nhà ở, chuồng trại do bão số 11.",
        answer="UBND xã đã thống kê 64 hộ bị thiệt hại nhà ở; 52 hộ đã nhận hỗ trợ từ nguồn dự phòng và quỹ cứu trợ, 12 hộ thôn Nà Đon và 01 hộ thôn Cốc Phia được chi trả trước ngày 25/11/2025. Danh sách, mức hỗ trợ được niêm yết tại trụ sở UBND xã và nhà văn hóa các thôn.",
        support=(MTTQ_CM,),
    ),
    M(
        "bhyt-dong-bao-dtts",
        "y_te_giao_duc",
        "tinh",
        TRAMYTE_CM,
        S(
            "Từ khi thôn ra khỏi danh sách thôn đặc biệt khó khăn, nhiều hộ đồng bào dân tộc thiểu số không còn được cấp thẻ bảo hiểm y tế miễn phí. Đề nghị tỉnh có chính sách hỗ trợ tiếp.",
            C.SPEAKER_SLIP,
            place=_cm("Bản Chang"),
        ),
        S(
            "Trạm y tế xã thiếu thuốc, người bệnh phải xuống bệnh viện tỉnh. Đề nghị bổ sung thuốc và bác sĩ cho trạm.",
            C.PAPER_CITIZEN,
            place=_cm("Nà Làng"),
        ),
        summary="Đề nghị tiếp tục hỗ trợ thẻ bảo hiểm y tế cho người dân tộc thiểu số ở thôn không còn thuộc diện đặc biệt khó khăn; bổ sung thuốc, bác sĩ cho trạm y tế xã.",
        answer="Người dân tộc thiểu số đang sinh sống ở xã Cao Minh tiếp tục được ngân sách đóng bảo hiểm y tế theo Quyết định của Thủ tướng Chính phủ về phân định vùng đồng bào dân tộc thiểu số đến hết năm 2025; Trạm Y tế xã đã rà soát, cấp lại thẻ cho 126 người. Trạm được bổ sung 01 bác sĩ và cơ số thuốc điều trị bệnh mạn tính từ tháng 12/2025.",
    ),
    M(
        "trom-trau-bo",
        "an_ninh_trat_tu",
        "xa",
        CONGAN_CM,
        S(
            "Thời gian gần đây xảy ra mấy vụ mất trộm trâu thả ở bãi chăn thả thôn Nà Làng. Đề nghị Công an xã điều tra, tăng cường tuần tra ban đêm.",
            C.PAPER_CITIZEN,
            place=_cm("Nà Làng"),
        ),
        S(
            "Đề nghị công an xã hướng dẫn bà con làm chuồng, đánh dấu trâu bò và tổ chức tổ tự quản ở các thôn.",
            C.VILLAGE,
            org="Thôn Nà Làng",
            place=_cm("Nà Làng"),
        ),
        summary="Đề nghị Công an xã điều tra các vụ trộm trâu bò ở thôn Nà Làng, tăng cường tuần tra ban đêm và hướng dẫn thành lập tổ tự quản.",
        answer="Công an xã đã phối hợp Công an tỉnh làm rõ 01 vụ trộm trâu, thu hồi 02 con trâu trả cho chủ; thành lập tổ tự quản an ninh trật tự tại 07 thôn và tuần tra ban đêm tại các bãi chăn thả.",
    ),
    M(
        "can-bo-xuong-thon",
        "xay_dung_dang_chinh_quyen",
        "xa",
        VP_UBND_CM,
        S(
            "Sau khi sáp nhập xã, trụ sở ở xa, cán bộ ít xuống thôn, bà con đi làm giấy tờ phải đi hơn 20 km. Đề nghị xã bố trí cán bộ tiếp dân định kỳ tại các thôn.",
            C.SPEAKER_SLIP,
            place=_cm("Lủng Vài"),
        ),
        answer="Từ tháng 12/2025, UBND xã bố trí cán bộ bộ phận một cửa tiếp nhận hồ sơ lưu động tại các thôn xa trụ sở 02 buổi/tháng theo lịch niêm yết tại nhà văn hóa thôn.",
    ),
    M(
        "dan-quan-ho-tro-lam-nha",
        "chinh_sach_xa_hoi",
        "xa",
        QUANSU_CM,
        S(
            "Đề nghị Ban Chỉ huy Quân sự xã huy động dân quân giúp các hộ bị sạt lở dựng lại nhà tạm, chuồng trại trước mùa rét.",
            C.MTTQ,
            org="Ủy ban MTTQ Việt Nam xã Cao Minh",
        ),
        answer="Ban Chỉ huy Quân sự xã đã huy động 40 lượt dân quân giúp 09 hộ dựng lại nhà tạm, chuồng trại tại thôn Phiêng Lằm, Cốc Phia, hoàn thành ngày 30/11/2025.",
    ),
    M(
        "giong-ngo-sau-lu",
        "nong_nghiep",
        "xa",
        UBND_CM,
        S(
            "Ruộng ngô, lúa của nhiều hộ thôn Nà Đon bị lũ cuốn trôi, vùi lấp. Đề nghị xã hỗ trợ giống để bà con trồng vụ đông.",
            C.PAPER_CITIZEN,
            place=_cm("Nà Đon"),
        ),
        S(
            "Đề nghị hỗ trợ máy múc cải tạo ruộng bị đất đá vùi lấp sau lũ ở Nà Đon, bà con không tự làm được.",
            C.SPOKEN,
            place=_cm("Nà Đon"),
        ),
        summary="Đề nghị hỗ trợ giống cây trồng vụ đông và máy móc cải tạo ruộng bị lũ cuốn trôi, vùi lấp tại thôn Nà Đon.",
        answer="UBND xã đã cấp 1,2 tấn giống ngô vụ đông cho 48 hộ bị thiệt hại và phối hợp Ban Chỉ huy Quân sự xã hỗ trợ máy múc cải tạo 3,5 ha ruộng bị vùi lấp tại thôn Nà Đon trong tháng 11/2025.",
        support=(MTTQ_CM,),
    ),
    M(
        "tranh-chap-ranh-gioi-thon",
        "dat_dai",
        "xa",
        UBND_CM,
        S(
            "Ranh giới khu rừng giáp ranh giữa thôn Nà Làng và thôn Cốc Phia chưa rõ ràng, các hộ hai thôn tranh chấp khi khai thác keo. Đề nghị xã đo đạc, xác định ranh giới.",
            C.VILLAGE,
            org="Thôn Cốc Phia",
            place=_cm("Cốc Phia"),
        ),
        answer="UBND xã đã phối hợp Hạt Kiểm lâm đo đạc, cắm mốc ranh giới khu rừng giữa hai thôn theo hồ sơ giao đất lâm nghiệp năm 2003; hai thôn đã ký biên bản thống nhất ngày 12/12/2025.",
        outcome=SUBMITTED,
    ),
    M(
        "phu-cap-truong-thon-cao-minh",
        "xay_dung_dang_chinh_quyen",
        "tinh",
        UBND_CM,
        S(
            "Sau khi sáp nhập thôn, trưởng thôn phụ trách địa bàn rộng, đi lại khó khăn nhưng phụ cấp thấp. Đề nghị tỉnh điều chỉnh phụ cấp cho người hoạt động không chuyên trách ở thôn vùng cao.",
            C.PAPER_ORGANISATION,
            org="Chi bộ thôn Phiêng Lằm",
            place=_cm("Phiêng Lằm"),
        ),
        S(
            "Đề nghị có thêm chế độ hỗ trợ đi lại cho trưởng thôn, bí thư chi bộ ở các thôn xa trung tâm xã.",
            C.SPEAKER_SLIP,
            place=_cm("Lủng Vài"),
        ),
        summary="Đề nghị tỉnh điều chỉnh phụ cấp, có chế độ hỗ trợ đi lại cho người hoạt động không chuyên trách ở các thôn vùng cao, xa trung tâm sau sáp nhập.",
        answer="UBND xã đã tổng hợp kiến nghị gửi Sở Nội vụ; dự thảo nghị quyết của HĐND tỉnh về người hoạt động không chuyên trách ở thôn năm 2026 có mức khoán cao hơn cho thôn thuộc xã vùng cao, dự kiến trình HĐND tỉnh trong quý I/2026.",
    ),
    M(
        "nha-van-hoa-na-lang",
        "khac",
        "xa",
        UBND_CM,
        S(
            "Nhà văn hóa thôn Nà Làng bị nước lũ ngập đến nửa tường, bàn ghế, loa đài hỏng hết. Đề nghị xã hỗ trợ sửa chữa để thôn có chỗ hội họp.",
            C.VILLAGE,
            org="Thôn Nà Làng",
            place=_cm("Nà Làng"),
        ),
        answer="UBND xã đã hỗ trợ 50 triệu đồng sửa chữa nhà văn hóa thôn Nà Làng; Ủy ban MTTQ xã vận động hỗ trợ bộ loa đài và bàn ghế, hoàn thành trong tháng 12/2025.",
    ),
)

BATCH_004 = Batch(
    key="004",
    issuer="Đảng ủy xã Cao Minh",
    conference="",
    receiving="Ban Xây dựng Đảng Đảng ủy xã Cao Minh",
    day=date(2025, 11, 14),
    opens=date(2025, 10, 20),
    closes=date(2025, 11, 7),
    places=tuple(_cm(v) for v in ("Nà Đon", "Khuổi Khe", "Bản Chang", "Phiêng Lằm", "Cốc Phia", "Nà Làng", "Lủng Vài")),
    orgs={C.MTTQ: ("Ủy ban MTTQ Việt Nam xã Cao Minh",), C.PAPER_ORGANISATION: ("Chi bộ thôn Nà Làng",)},
    channels=((C.SPEAKER_SLIP, 3), (C.PAPER_CITIZEN, 2), (C.MTTQ, 1), (C.SPOKEN, 1)),
    matters=MATTERS_004,
    names="tay",
)

BATCHES = (BATCH_000, *BATCHES_001, *BATCHES_002, BATCH_003, BATCH_004)


# --------------------------------------------------------------------------- loading

ORG_CHANNELS = {C.PAPER_ORGANISATION, C.MTTQ, C.AGENCY_REPORT, C.VILLAGE}


@dataclass(frozen=True)
class Entry:
    """One petition as it is entered: who, how and when."""

    key: str  # stable id: batch / matter / rank
    matter: Matter
    text: str
    channel: str
    kind: str
    name: str
    phone: str
    address: str
    organisation: str
    position: str
    received_on: date
    ack_on: date | None


def submission_key(entry_key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, entry_key)


def batch_entries(batch: Batch, calendar) -> list[Entry]:
    """The petitions of a batch, the same on every run (a generator seeded with its key)."""
    rng = random.Random(f"doithoai-demo-petitions-{batch.key}")
    channels, weights = zip(*batch.channels, strict=True)
    today = timezone.localdate()
    entries = []
    for matter in batch.matters:
        for rank, say in enumerate(matter.texts):
            say = say if isinstance(say, Say) else Say(say)
            channel = say.channel or rng.choices(channels, weights)[0]
            pool = batch.orgs.get(channel, ())
            organisation = say.org or (rng.choice(pool) if channel in ORG_CHANNELS and pool else "")
            if channel in ORG_CHANNELS and not organisation:
                channel = C.PAPER_CITIZEN
            name = say.who or _person(rng, batch.names)
            typed_plain = say.text == strip_diacritics(say.text)
            if typed_plain and not say.who:
                name = strip_diacritics(name)
            if channel in (C.MTTQ, C.AGENCY_REPORT) and rng.random() < 0.5:
                name = ""  # a synthesis names the body, not a person
            phone = say.phone or _phone(rng)
            if matter.places:
                address = say.place or matter.places[rank % len(matter.places)]
            else:
                address = say.place or rng.choice(batch.places)
            if organisation and not say.place:
                address = ""  # the form for agencies and units has no address
            received = batch.day if channel == C.SPOKEN else _working_day(rng, calendar, batch.opens, batch.closes)
            roll, lag = rng.random(), rng.randint(1, 8)
            # Most are told within 10 working days (QĐ 11-QĐi/TW); a few never were.
            ack_on = None if roll < 0.04 else calendar.add(received, lag)
            if ack_on and ack_on > today:
                ack_on = None
            entries.append(
                Entry(
                    key=f"{batch.key}/{matter.key}/{rank}",
                    matter=matter,
                    text=say.text,
                    channel=channel,
                    kind=PetitionerKind.ORGANISATION if organisation else PetitionerKind.CITIZEN,
                    name=name,
                    phone=phone,
                    address=address,
                    organisation=organisation,
                    position=_position(organisation) if organisation else "",
                    received_on=received,
                    ack_on=ack_on,
                )
            )
    return entries


def _working_day(rng: random.Random, calendar, start: date, end: date) -> date:
    day = date.fromordinal(rng.randint(start.toordinal(), end.toordinal()))
    while not calendar.is_working_day(day) and day < end:
        day = date.fromordinal(day.toordinal() + 1)
    while not calendar.is_working_day(day) and day > start:
        day = date.fromordinal(day.toordinal() - 1)
    return day


def batch_conference(batch: Batch) -> Conference:
    conferences = Conference.objects.filter(plan__issuing_unit__name=batch.issuer).select_related(
        "plan__issuing_unit__kind", "host_unit"
    )
    if batch.conference[:4].isdigit():
        conferences = conferences.filter(date=date.fromisoformat(batch.conference))
    elif batch.conference:
        conferences = conferences.filter(planned_period=batch.conference)
    conference = conferences.order_by("pk").first()
    if conference is None:
        raise LookupError(MSG_CONFERENCE_MISSING.format(what=f"{batch.issuer} {batch.conference}".strip()))
    return conference


class _Units:
    """Units by name, looked up inside the conference's places first."""

    def __init__(self):
        self._cache: dict[tuple, Unit] = {}

    def get(self, name: str, roots: tuple[Unit, ...]) -> Unit:
        key = (name, tuple(r.pk for r in roots))
        if key not in self._cache:
            for root in roots:
                unit = Unit.objects.filter(path__startswith=root.path, name=name).order_by("depth", "pk").first()
                if unit is not None:
                    self._cache[key] = unit
                    break
            else:
                raise LookupError(MSG_UNIT_MISSING.format(name=name))
        return self._cache[key]


def _agency_accounts() -> dict[str, User]:
    """The demo accounts of agencies, by the name of their unit (coquan.nnmt...)."""
    usernames = {a.scope: a.username for a in DEMO_ACCOUNTS if a.role == Role.AGENCY.value and a.scope}
    users = {u.username: u for u in User.objects.filter(username__in=usernames.values())}
    return {unit: users[name] for unit, name in usernames.items() if name in users}


@transaction.atomic
def petitions_demo_load(*, actor) -> dict:
    """Enter the demo petitions; returns how many petitions, groups and answers were
    created (all 0 on a second run)."""
    counts = {"petitions": 0, "groups": 0, "answers": 0}
    loader = _Loader(actor, counts)
    for batch in sorted(BATCHES, key=lambda b: (b.day, b.key)):
        loader.load(batch)
    return counts


class _Loader:
    def __init__(self, actor, counts: dict):
        self.actor = actor
        self.counts = counts
        self.calendar = get_calendar()
        self.fields = {f.code: f for f in Field.objects.all()}
        self.accounts = _agency_accounts()
        self.units = _Units()

    # -- one conference

    def load(self, batch: Batch) -> None:
        conference = batch_conference(batch)
        area = administrative_area(conference.plan.issuing_unit)
        province = Unit.objects.get(pk=int(area.path.strip("/").split("/")[0]))
        self.roots = tuple(u for u in (conference.host_unit, area, province) if u is not None)
        receiving = self.units.get(batch.receiving, self.roots)
        entries = batch_entries(batch, self.calendar)
        keys = {e.key: submission_key(e.key) for e in entries}
        known = set(Petition.objects.filter(submission_key__in=keys.values()).values_list("submission_key", flat=True))
        ids: dict[str, int] = {}
        # In the order they came in, so that a repeat finds the earlier petitions.
        for entry in sorted(entries, key=lambda e: (e.received_on, e.key)):
            petition = services.petition_receive(
                actor=self.actor,
                receiving_unit=receiving,
                conference=conference,
                content=entry.text,
                channel=entry.channel,
                petitioner_kind=entry.kind,
                name=entry.name,
                phone=entry.phone,
                address=entry.address,
                organisation=entry.organisation,
                position=entry.position,
                received_on=entry.received_on,
                submission_key=keys[entry.key],
            )
            if keys[entry.key] not in known:
                self.counts["petitions"] += 1
            ids[entry.key] = petition.pk
        due = self._answer_due(batch, conference)
        for matter in batch.matters:
            members = [ids[e.key] for e in entries if e.matter is matter]
            spoken_only = all(e.channel == C.SPOKEN for e in entries if e.matter is matter)
            self._matter(batch, matter, members, self.calendar.add(batch.day, 7) if spoken_only else due)
        self._acknowledge(entries, ids)

    def _answer_due(self, batch: Batch, conference: Conference) -> date:
        if batch.answers_after:
            return self.calendar.add(batch.day, 10)
        if batch.answer_due:
            return batch.answer_due
        task = (
            conference.tasks.filter(step__kind=StepKind.ANSWER, due_date__isnull=False)
            .exclude(status=TaskStatus.CANCELLED)
            .order_by("due_date")
            .first()
        )
        return task.due_date if task else self.calendar.add(batch.day, -3)

    # -- one matter: triage, group, assignment, answers

    def _petitions(self, ids: list[int]) -> list[Petition]:
        by_id = {p.pk: p for p in Petition.objects.select_related("receiving_unit").filter(pk__in=ids).order_by()}
        return [by_id[pk] for pk in ids]

    def _matter(self, batch: Batch, matter: Matter, ids: list[int], due: date) -> None:
        if matter.outcome == NEW:
            return
        target = self.units.get(matter.forward_to, self.roots) if matter.forward_to else None
        lead = target or (self.units.get(matter.lead, self.roots) if matter.lead else None)
        petitions = self._petitions(ids)
        for petition in petitions:
            if petition.status == PetitionStatus.RECEIVED:
                services.petition_triage(
                    actor=self.actor,
                    petition=petition,
                    field=self.fields[matter.field],
                    level=matter.level,
                    competent_unit=lead,
                )
        if matter.outcome == TRIAGED:
            return
        group_id = next((p.group_id for p in petitions if p.group_id), None)
        group = PetitionGroup.objects.get(pk=group_id) if group_id else None
        if target is not None:
            if group is None:
                group = services.petition_forward(actor=self.actor, petition=petitions[0], competent_unit=target)
                self.counts["groups"] += 1
            forward_due = self.calendar.add(petitions[0].received_on, 10)
            if group.due_date != forward_due:
                # The deadline counts from the day it was forwarded, not from today.
                group = services.group_assign(actor=self.actor, group=group, lead_unit=target, due_date=forward_due)
        elif group is None:
            group = services.group_create(actor=self.actor, petitions=petitions, summary=matter.summary)
            self.counts["groups"] += 1
        else:
            strays = [p for p in petitions if p.group_id != group.pk]
            if strays:
                group = services.group_add(actor=self.actor, group=group, petitions=strays)
        group = self._advance(matter, group, lead, due)
        if matter.live and group.answer_mode != AnswerMode.LIVE:
            services.group_set_answer_mode(actor=self.actor, group=group, mode=AnswerMode.LIVE)

    def _advance(self, matter: Matter, group: PetitionGroup, lead: Unit | None, due: date) -> PetitionGroup:
        outcome = matter.outcome
        if outcome not in _ASSIGNED or lead is None:
            return group
        if group.status == GroupStatus.OPEN:
            supporting = [self.units.get(name, self.roots) for name in matter.support]
            group = services.group_assign(
                actor=self.actor, group=group, lead_unit=lead, supporting_units=supporting, due_date=due
            )
            if matter.contribution and supporting:
                contributor = self.accounts.get(matter.support[0], self.actor)
                services.support_contribute(actor=contributor, group=group, text=matter.contribution)
        answerer = self.accounts.get(lead.name, self.actor)
        moments = iter(self._answer_moments(matter, group, due))
        if group.status == GroupStatus.ASSIGNED and outcome in _ANSWERED:
            first = matter.draft if outcome in (RETURNED, REVISED) else matter.answer
            services.answer_submit(actor=answerer, group=group, text=first, at=next(moments))
            self.counts["answers"] += 1
            group = PetitionGroup.objects.get(pk=group.pk)
        else:
            next(moments)
        if group.status == GroupStatus.SUBMITTED and outcome != SUBMITTED:
            returned_once = group.answers.filter(status=AnswerStatus.RETURNED).exists()
            at = max(next(moments), group.answers.first().submitted_at + timedelta(minutes=1))
            if outcome in (RETURNED, REVISED) and not returned_once:
                group = services.answer_review(
                    actor=self.actor, group=group, approve=False, comment=matter.comment, at=at
                )
            else:
                group = services.answer_review(actor=self.actor, group=group, approve=True, at=at)
        else:
            next(moments)
        if group.status == GroupStatus.RETURNED and outcome == REVISED:
            services.answer_submit(actor=answerer, group=group, text=matter.answer, at=next(moments))
            self.counts["answers"] += 1
            group = PetitionGroup.objects.get(pk=group.pk)
            group = services.answer_review(actor=self.actor, group=group, approve=True, at=next(moments))
        return group

    def _answer_moments(self, matter: Matter, group: PetitionGroup, due: date) -> list[datetime]:
        """When the answer was submitted, reviewed, resubmitted and approved: after the
        group's last petition came in (it is assigned a couple of working days later),
        the first answer by its deadline, each review a working day or two after, never
        later than now. The same on every run (from the matter's key)."""
        rng = random.Random(f"doithoai-demo-answers-{matter.key}")
        received = group.petitions.aggregate(last=Max("received_on"))["last"] or timezone.localdate()
        assigned = self.calendar.add(received, 2)
        span = (due - assigned).days if due > assigned else 0
        day = (
            self.calendar.add(assigned, rng.randint(1, 5)) if span <= 0 else assigned + timedelta(rng.randint(1, span))
        )
        days = [day]
        for _ in range(3):
            day = self.calendar.add(day, rng.randint(1, 3))
            days.append(day)
        now = timezone.localtime()
        moments = []
        for order, day in enumerate(days):
            at = timezone.make_aware(datetime.combine(day, time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))))
            latest = now - timedelta(minutes=10 * (len(days) - order))
            moments.append(max(min(at, latest), timezone.make_aware(datetime.combine(received, time(7)))))
        return moments

    # -- telling the petitioners

    def _acknowledge(self, entries: list[Entry], ids: dict[str, int]) -> None:
        petitions = {p.pk: p for p in Petition.objects.select_related("receiving_unit").filter(pk__in=ids.values())}
        for entry in entries:
            petition = petitions[ids[entry.key]]
            if entry.ack_on is None or petition.acknowledged_on or entry.matter.outcome == NEW:
                continue
            kind = AckKind.FORWARDED if petition.status == PetitionStatus.FORWARDED else AckKind.ACCEPTED
            services.petition_acknowledge(actor=self.actor, petition=petition, kind=kind, on_date=entry.ack_on)
