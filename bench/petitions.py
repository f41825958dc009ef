# ruff: noqa: E501
# (Petition templates are kept one per line, as a clerk would type them.)
"""Issue 4 benchmark: petition lists, search and duplicate suggestions at national scale.

Run by `bench/run.py` once per database, with DATABASE_URL naming a database this script
may destroy (its name must contain “bench”). It:

1. recreates that database, migrates it and builds a province (30 communes with their
   villages and people's committees, nine provincial agencies), a synthesis officer
   over the province and an agency officer;
2. generates BENCH_PETITIONS petitions (default 100,000) for 200 conferences of 5 years,
   with bulk_create, their texts from templates (matter × place × wording, some without
   diacritics) and `search_folded` / `signature` computed by the helpers the service uses;
3. times each case with the Django test client (or the selector), against a floor: the
   bare SQL of the same result, run with `connection.cursor()` in the same run;
4. repeats some cases with a temporary index or a patched selector, to show what a fix
   would bring (nothing of it outlives the run: the database is recreated next time);
5. prints “name: median X ms, p95 Y ms; floor median Z ms; ratio R” and writes
   bench/results/petitions-<vendor>.json.

BENCH_REPEAT (default 20) and BENCH_WARMUP (default 3) set the repetitions.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import platform
import random
import statistics
import sys
import time
import unicodedata
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")  # settings need it for their development secret key

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.template import Template  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, instrumented_test_render  # noqa: E402
from django.utils import timezone  # noqa: E402

from dialogue.lib.text import fold  # noqa: E402
from dialogue.organisation.factories import make_person, make_unit  # noqa: E402
from dialogue.organisation.models import Unit  # noqa: E402
from dialogue.organisation.roles import Role  # noqa: E402
from dialogue.petitions import selectors, services, similarity  # noqa: E402
from dialogue.petitions.models import (  # noqa: E402
    AckKind,
    Channel,
    Field,
    GroupStatus,
    JurisdictionLevel,
    Petition,
    PetitionerKind,
    PetitionGroup,
    PetitionStatus,
    Support,
)
from dialogue.plans.models import Conference, ConferenceStatus, DocumentLayout, Plan, PlanStatus  # noqa: E402
from dialogue.plans.services import administrative_area  # noqa: E402
from dialogue.workcalendar.selectors import get_calendar  # noqa: E402

# Measured as in production: no query log, no template debugging. Settings were read with
# DEBUG=true only for the development secret key and the local ALLOWED_HOSTS.
settings.DEBUG = False
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
warnings.filterwarnings("ignore", message="No directory at")  # whitenoise: var/static is not collected

PETITIONS = int(os.environ.get("BENCH_PETITIONS", "100000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "3"))
SEED = 20260401
TODAY = timezone.localdate()
YEARS = 5
PAGE = 50
RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results"))

# ---------------------------------------------------------------- the database


def recreate_database() -> None:
    db = settings.DATABASES["default"]
    name = str(db["NAME"])
    if "bench" not in Path(name).name:
        raise SystemExit(f"refusing to recreate {name!r}: a benchmark database's name contains “bench”")
    connection.close()  # nothing of this process holds the file or the database being dropped
    if connection.vendor == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(name + suffix).unlink(missing_ok=True)
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        return
    if connection.vendor != "postgresql":
        raise SystemExit(f"unsupported database {connection.vendor}")
    import psycopg
    from psycopg import sql

    params = {"host": db.get("HOST") or None, "port": db.get("PORT") or None, "user": db.get("USER") or None}
    if db.get("PASSWORD"):
        params["password"] = db["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_version() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("SELECT version()")
        return cursor.fetchone()[0].split(" on ")[0]


# ---------------------------------------------------------------- the province

COMMUNES = [
    "Cao Minh",
    "Phú Bình",
    "Đồng Hỷ",
    "Đại Từ",
    "La Hiên",
    "Phú Lương",
    "Yên Trạch",
    "Định Hóa",
    "Phú Đình",
    "Bình Yên",
    "Trung Hội",
    "Võ Nhai",
    "Thần Sa",
    "Tràng Xá",
    "Dân Tiến",
    "Nghinh Tường",
    "Sảng Mộc",
    "Quân Chu",
    "Phục Linh",
    "Tân Cương",
    "Đức Lương",
    "Vạn Phú",
    "Kha Sơn",
    "Điềm Thụy",
    "Tân Khánh",
    "Phấn Mễ",
    "Vô Tranh",
    "Hợp Thành",
    "Bằng Thành",
    "Nghiên Loan",
]
VILLAGES = [
    "Nà Đon",
    "Khuổi Phìn",
    "Làng Mới",
    "Bản Cái",
    "Nà Làng",
    "Đồng Tâm",
    "Tân Lập",
    "Xuân Hòa",
    "Đồng Bèn",
    "Cầu Muối",
    "Khuôn Lân",
    "Pác Thàng",
    "Nà Mòn",
    "Bản Chang",
    "Phiêng Phung",
    "Làng Hin",
    "Đầm Mưa",
    "Cốc Lùng",
    "Tiến Bộ",
    "Thống Nhất",
    "Hòa Bình",
    "Đoàn Kết",
    "Quyết Tiến",
    "Liên Hợp",
    "Trung Tâm",
    "Gò Chè",
    "Ba Đình",
    "Đồng Chùa",
    "Ao Sen",
    "Bờ Đậu",
    "Khe Mo",
    "Nà Pục",
    "Văn Hữu",
    "Lò Mật",
    "Hàm Rồng",
    "Bắc Máng",
    "Na Hoàng",
    "Kim Tiến",
    "Đồng Lạnh",
    "Cây Thị",
]
AGENCIES = {
    "nnmt": ("Sở Nông nghiệp và Môi trường", "agency"),
    "xay_dung": ("Sở Xây dựng", "agency"),
    "y_te": ("Sở Y tế", "agency"),
    "gddt": ("Sở Giáo dục và Đào tạo", "agency"),
    "noi_vu": ("Sở Nội vụ", "agency"),
    "tai_chinh": ("Sở Tài chính", "agency"),
    "khcn": ("Sở Khoa học và Công nghệ", "agency"),
    "dien_luc": ("Công ty Điện lực Thái Nguyên", "agency"),
    "cong_an": ("Công an tỉnh", "police"),
}


class Province:
    """The units and people the benchmark works with."""

    def __init__(self) -> None:
        self.province = make_unit("Tỉnh Thái Nguyên", "province", code="19", short_name="Thái Nguyên")
        self.tinh_uy = make_unit("Tỉnh ủy Thái Nguyên", "party_committee", self.province)
        self.ban_dan_van = make_unit("Ban Dân vận Tỉnh ủy", "party_board", self.tinh_uy)
        self.ubnd = make_unit("Ủy ban nhân dân tỉnh Thái Nguyên", "people_committee", self.province)
        self.agencies = {key: make_unit(name, kind, self.ubnd) for key, (name, kind) in AGENCIES.items()}
        rng = random.Random(SEED)
        self.communes: list[Unit] = []
        self.commune_ubnd: dict[int, Unit] = {}
        self.villages: dict[int, list[Unit]] = {}
        for number, name in enumerate(COMMUNES):
            commune = make_unit(f"Xã {name}", "commune", self.province, code=f"{5000 + number:05d}", short_name=name)
            self.communes.append(commune)
            self.commune_ubnd[commune.pk] = make_unit(f"Ủy ban nhân dân xã {name}", "people_committee", commune)
            self.villages[commune.pk] = [
                make_unit(f"Thôn {v}", "village", commune) for v in rng.sample(VILLAGES, rng.randint(4, 7))
            ]
        self.officer = make_person(
            "minh", "Trần Thị Minh", organisation=self.ban_dan_van, roles=[(Role.SYNTHESIS, self.province)]
        )
        self.agency_officer = make_person(
            "an", "Lê Văn An", organisation=self.agencies["nnmt"], roles=[(Role.AGENCY, self.agencies["nnmt"])]
        )


# ---------------------------------------------------------------- texts

# (key, field, level, lead agency or "xa" for the commune's people's committee, weight, wordings)
MATTERS = [
    ("duong_lien_thon", "giao_thong_ha_tang", "xa", "xa", 9, (
        "Đề nghị sửa chữa, nâng cấp tuyến đường liên thôn {thon} đi thôn {thon2} đã xuống cấp nghiêm trọng, mùa mưa đi lại rất khó khăn.",
        "Tuyến đường liên thôn {thon} – {thon2} hư hỏng nặng, nhiều ổ gà, đề nghị xã sớm đầu tư cứng hóa.",
        "Đường liên thôn qua thôn {thon} bị sạt lở ta luy sau mưa lũ, đề nghị khắc phục kịp thời để đảm bảo an toàn.",
    )),
    ("duong_tinh", "giao_thong_ha_tang", "tinh", "xay_dung", 5, (
        "Tuyến {duong} đoạn qua xã {xa} xuống cấp, xe quá tải chạy nhiều gây bụi và mất an toàn giao thông.",
        "Đề nghị tỉnh đầu tư sửa chữa {duong} đoạn qua thôn {thon}, mặt đường bong tróc, nhiều ổ gà.",
        "Xe chở quặng, vật liệu quá tải thường xuyên chạy trên {duong} làm hư hỏng đường, đề nghị kiểm tra xử lý.",
    )),
    ("so_do", "dat_dai", "xa", "xa", 8, (
        "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân thôn {thon} đã sử dụng đất ổn định từ năm {nam}.",
        "Hồ sơ cấp sổ đỏ của gia đình tôi ở thôn {thon} nộp từ năm {nam} đến nay chưa được giải quyết.",
        "Việc cấp đổi giấy chứng nhận quyền sử dụng đất tại xã {xa} còn chậm, thủ tục rườm rà.",
    )),
    ("tranh_chap_dat", "dat_dai", "xa", "xa", 4, (
        "Tranh chấp đất ranh giới giữa hộ ông {ten} và hộ liền kề tại thôn {thon} kéo dài nhiều năm chưa được giải quyết dứt điểm.",
        "Đề nghị xã tổ chức hòa giải vụ tranh chấp đất vườn của gia đình bà {ten} ở thôn {thon}.",
    )),
    ("gpmb", "giai_phong_mat_bang", "tinh", "tai_chinh", 5, (
        "Giá bồi thường đất nông nghiệp khi thu hồi làm dự án {du_an} quá thấp so với giá thị trường, đề nghị xem xét lại.",
        "Các hộ dân thôn {thon} bị thu hồi đất làm dự án {du_an} đến nay chưa được bố trí tái định cư.",
        "Đề nghị chi trả dứt điểm tiền hỗ trợ giải phóng mặt bằng dự án {du_an} cho nhân dân xã {xa}.",
    )),
    ("o_nhiem", "moi_truong", "tinh", "nnmt", 4, (
        "{cty} xả nước thải chưa qua xử lý ra suối {suoi} gây ô nhiễm, cá chết, ảnh hưởng sản xuất của nhân dân thôn {thon}.",
        "Tình trạng bụi, tiếng ồn từ {cty} ảnh hưởng nghiêm trọng đến sức khỏe người dân xã {xa}.",
        "Đề nghị kiểm tra việc xả thải của {cty} ra môi trường, người dân thôn {thon} rất bức xúc.",
    )),
    ("rac", "moi_truong", "xa", "xa", 4, (
        "Rác thải sinh hoạt tại thôn {thon} không được thu gom thường xuyên, bốc mùi hôi thối.",
        "Đề nghị bố trí điểm tập kết rác thải cho thôn {thon}, hiện nay người dân phải đổ rác ven đường.",
    )),
    ("cat_trai_phep", "moi_truong", "tinh", "nnmt", 3, (
        "Tình trạng khai thác cát, sỏi trái phép trên sông Cầu đoạn qua thôn {thon} gây sạt lở bờ sông, mất đất sản xuất.",
        "Đề nghị xử lý nghiêm các tàu hút cát trái phép ban đêm trên sông Cầu khu vực xã {xa}.",
    )),
    ("nuoc_sach", "giao_thong_ha_tang", "xa", "xa", 5, (
        "Đề nghị đầu tư công trình nước sạch cho nhân dân thôn {thon}, mùa khô thiếu nước sinh hoạt.",
        "Công trình nước sinh hoạt tập trung thôn {thon} hư hỏng đã lâu, không sử dụng được.",
    )),
    ("dien", "giao_thong_ha_tang", "tinh", "dien_luc", 5, (
        "Điện áp yếu, thường xuyên mất điện tại xóm {thon}, đề nghị ngành điện nâng cấp trạm biến áp.",
        "Đề nghị kéo điện lưới quốc gia về các hộ dân còn lại của thôn {thon}, xã {xa}.",
        "Hệ thống đường dây điện hạ thế ở thôn {thon} đã cũ, cột điện nghiêng, nguy cơ mất an toàn.",
    )),
    ("song_dien_thoai", "giao_thong_ha_tang", "tinh", "khcn", 2, (
        "Sóng điện thoại di động tại thôn {thon} rất yếu, không có internet để học sinh học trực tuyến.",
    )),
    ("truong_hoc", "y_te_giao_duc", "xa", "xa", 4, (
        "Trường Tiểu học {xa} có nhiều phòng học xuống cấp, đề nghị đầu tư xây mới.",
        "Đề nghị xây thêm phòng học cho điểm trường mầm non thôn {thon}, hiện các cháu phải học nhờ nhà văn hóa.",
    )),
    ("giao_vien", "y_te_giao_duc", "tinh", "gddt", 2, (
        "Thiếu giáo viên tiếng Anh, tin học tại các trường trên địa bàn xã {xa}.",
        "Đề nghị có chính sách hỗ trợ giáo viên cắm bản tại thôn {thon}.",
    )),
    ("tram_y_te", "y_te_giao_duc", "tinh", "y_te", 3, (
        "Trạm y tế xã {xa} thiếu bác sĩ và thuốc bảo hiểm y tế, người dân phải lên tuyến trên khám.",
        "Đề nghị cấp thẻ bảo hiểm y tế kịp thời cho người dân tộc thiểu số thôn {thon}.",
    )),
    ("nguoi_co_cong", "chinh_sach_xa_hoi", "tinh", "noi_vu", 3, (
        "Đề nghị xem xét giải quyết chế độ chính sách cho ông {ten}, thôn {thon}, tham gia kháng chiến bị nhiễm chất độc hóa học.",
        "Hồ sơ hưởng chế độ người có công của gia đình bà {ten} nộp từ năm {nam} chưa được giải quyết.",
    )),
    ("ho_ngheo", "chinh_sach_xa_hoi", "xa", "xa", 3, (
        "Việc bình xét hộ nghèo, hộ cận nghèo tại thôn {thon} chưa công khai, minh bạch.",
        "Đề nghị hỗ trợ xóa nhà tạm cho hộ nghèo ông {ten} ở thôn {thon}.",
    )),
    ("gia_vat_tu", "nong_nghiep", "tinh", "nnmt", 3, (
        "Giá phân bón, thức ăn chăn nuôi tăng cao trong khi giá nông sản thấp, đề nghị có chính sách hỗ trợ nông dân.",
        "Đề nghị hỗ trợ giống lúa, giống ngô cho các hộ bị thiệt hại do mưa lũ tại thôn {thon}.",
    )),
    ("thuy_loi", "nong_nghiep", "xa", "xa", 4, (
        "Mương thủy lợi nội đồng thôn {thon} bị bồi lấp, không đủ nước tưới cho vụ chiêm xuân.",
        "Đề nghị kiên cố hóa kênh mương thôn {thon} để phục vụ sản xuất.",
    )),
    ("che", "nong_nghiep", "tinh", "nnmt", 2, (
        "Giá chè búp tươi giảm mạnh, đề nghị tỉnh hỗ trợ xây dựng thương hiệu, tìm đầu ra cho chè {xa}.",
    )),
    ("doanh_nghiep", "kinh_te_doanh_nghiep", "tinh", "tai_chinh", 2, (
        "{cty} nợ đọng bảo hiểm xã hội của người lao động nhiều tháng, đề nghị cơ quan chức năng vào cuộc.",
        "Đề nghị tạo điều kiện cho hợp tác xã {htx} vay vốn ưu đãi để mở rộng sản xuất.",
    )),
    ("an_ninh", "an_ninh_trat_tu", "tinh", "cong_an", 4, (
        "Tình trạng thanh thiếu niên tụ tập, đua xe trái phép trên {duong} vào ban đêm gây mất trật tự.",
        "Đề nghị tăng cường tuần tra, xử lý tình trạng trộm cắp gia súc tại thôn {thon}.",
        "Tình trạng cho vay nặng lãi, tín dụng đen trên địa bàn xã {xa} diễn biến phức tạp.",
    )),
    ("thu_tuc", "xay_dung_dang_chinh_quyen", "xa", "xa", 3, (
        "Một số cán bộ bộ phận một cửa xã {xa} giải quyết thủ tục hành chính chậm, gây phiền hà cho người dân.",
        "Đề nghị xã công khai các khoản thu, chi xây dựng nông thôn mới tại thôn {thon}.",
    )),
    ("nha_van_hoa", "quy_hoach_xay_dung", "xa", "xa", 3, (
        "Đề nghị hỗ trợ kinh phí xây dựng nhà văn hóa thôn {thon}, nhà văn hóa hiện tại đã xuống cấp.",
        "Đề nghị quy hoạch sân thể thao và nhà văn hóa cho thôn {thon}.",
    )),
    ("quy_hoach", "quy_hoach_xay_dung", "tinh", "xay_dung", 2, (
        "Quy hoạch dự án {du_an} treo nhiều năm, người dân không được xây dựng, sửa chữa nhà.",
        "Đề nghị công khai quy hoạch sử dụng đất của xã {xa} để nhân dân biết, thực hiện.",
    )),
    ("khac", "khac", "xa", "xa", 2, (
        "Đề nghị lắp đặt hệ thống đèn chiếu sáng công cộng trên trục đường chính thôn {thon}.",
        "Loa truyền thanh của thôn {thon} bị hỏng, người dân không nắm được thông tin.",
    )),
]  # fmt: skip
OPENERS = (
    "",
    "",
    "",
    "Cử tri thôn {thon} phản ánh: ",
    "Nhân dân xã {xa} kiến nghị: ",
    "Ý kiến của bà con thôn {thon}: ",
)
CLOSERS = (
    "",
    "",
    " Đề nghị các cấp, các ngành quan tâm giải quyết.",
    " Vấn đề này cử tri đã kiến nghị nhiều lần nhưng chưa được giải quyết dứt điểm.",
    " Kính đề nghị xem xét, trả lời cho nhân dân được biết.",
    " Đề nghị sớm giải quyết.",
)
ROADS = ("ĐT 264", "QL3", "QL37", "ĐT 261", "QL 1B", "ĐT 269", "QL17")
PROJECTS = (
    "khu công nghiệp Yên Bình",
    "đường cao tốc Thái Nguyên – Chợ Mới",
    "khu dân cư số 5",
    "khu đô thị Hồ Xương Rồng",
    "đường Bắc Sơn kéo dài",
    "cụm công nghiệp Kha Sơn",
)
COMPANIES = (
    "Công ty TNHH Khoáng sản Hà Thượng",
    "Công ty CP Xi măng Quang Sơn",
    "Nhà máy giấy Hoàng Văn Thụ",
    "Công ty Gang thép Thái Nguyên",
    "Công ty TNHH May Việt Thái",
    "Trang trại lợn Phú Bình",
)
STREAMS = ("Cầu", "Đu", "Chợ Chu", "Khe Mo", "Nà Pục", "Mỏ Gà")
COOPERATIVES = ("Chè Tân Cương", "Rau an toàn Đồng Tâm", "Miến dong Na Rì", "Nông nghiệp Hợp Thành")
SURNAMES = ("Nguyễn",) * 6 + ("Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Nông", "Ma", "Lưu", "Triệu", "Đàm", "Vũ")
MIDDLE = ("Văn", "Văn", "Thị", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Xuân", "Hữu")
GIVEN = [
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
    "Lan",
    "Hương",
    "Hà",
    "Mai",
    "Hoa",
    "Thảo",
    "Hằng",
    "Nga",
    "Yến",
    "Tâm",
    "Phúc",
]
ORGANISATIONS = (
    "Chi bộ thôn {thon}",
    "Hội Nông dân xã {xa}",
    "Hội Cựu chiến binh xã {xa}",
    "Ban công tác Mặt trận thôn {thon}",
)
CHANNELS = [
    (Channel.PAPER_CITIZEN, 30),
    (Channel.SPEAKER_SLIP, 15),
    (Channel.SPOKEN, 15),
    (Channel.MTTQ, 15),
    (Channel.VILLAGE, 15),
    (Channel.PAPER_ORGANISATION, 5),
    (Channel.ONLINE, 5),
]


def strip_marks(text: str) -> str:
    """What a citizen types on a phone without a Vietnamese keyboard: same case, no marks."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    )


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def petition_text(rng: random.Random, matter: tuple, commune: Unit, villages: list[Unit], village: Unit) -> str:
    others = [v for v in villages if v.pk != village.pk] or villages
    values = {
        "thon": village.name.removeprefix("Thôn "),
        "thon2": rng.choice(others).name.removeprefix("Thôn "),
        "xa": commune.short_name,
        "duong": rng.choice(ROADS),
        "du_an": rng.choice(PROJECTS),
        "cty": rng.choice(COMPANIES),
        "suoi": rng.choice(STREAMS),
        "htx": rng.choice(COOPERATIVES),
        "ten": person_name(rng),
        "nam": rng.randint(2005, 2022),
    }
    wordings = matter[5]
    body = rng.choice(wordings)
    if len(wordings) > 1 and rng.random() < 0.1:  # a long petition: two complaints about one matter
        body += " " + rng.choice([w for w in wordings if w != body])
    opener = rng.choice(OPENERS)
    text = (opener + (body[0].lower() + body[1:] if opener else body) + rng.choice(CLOSERS)).format(**values)
    roll = rng.random()
    if roll < 0.12:
        text = strip_marks(text)
    elif roll < 0.17:
        text = strip_marks(text).lower()
    return text


# ---------------------------------------------------------------- generation


def status_for(rng: random.Random, received_on: date) -> str:
    if (TODAY - received_on).days < 45:
        statuses = [(PetitionStatus.RECEIVED, 50), (PetitionStatus.TRIAGED, 40), (PetitionStatus.GROUPED, 10)]
    else:
        statuses = [
            (PetitionStatus.RECEIVED, 3),
            (PetitionStatus.TRIAGED, 30),
            (PetitionStatus.GROUPED, 52),
            (PetitionStatus.FORWARDED, 10),
            (PetitionStatus.WITHDRAWN, 5),
        ]
    return rng.choices([s for s, _ in statuses], [w for _, w in statuses])[0]


def group_status_for(rng: random.Random, conference_day: date) -> str:
    age = (TODAY - conference_day).days
    if age > 180:
        return rng.choices([GroupStatus.APPROVED, GroupStatus.ASSIGNED, GroupStatus.RETURNED], [90, 6, 4])[0]
    if age > 30:
        options = [GroupStatus.APPROVED, GroupStatus.SUBMITTED, GroupStatus.ASSIGNED, GroupStatus.RETURNED]
        return rng.choices(options, [40, 25, 25, 10])[0]
    return rng.choices([GroupStatus.OPEN, GroupStatus.ASSIGNED], [60, 40])[0]


def make_conferences(tree: Province) -> list[tuple[Conference, Unit, Unit | None]]:
    """(conference, receiving unit, commune or None for the province's) for 5 years: 10 provincial
    dialogues and one per commune each year, 200 in all, oldest first."""
    rng = random.Random(SEED + 1)
    start = TODAY - timedelta(days=365 * YEARS) + timedelta(days=40)
    span = (TODAY - start).days
    made = []
    for year_index in range(YEARS):
        first = start + timedelta(days=year_index * span // YEARS)
        last = start + timedelta(days=(year_index + 1) * span // YEARS - 1)
        plan_year = last.year
        province_plan = Plan.objects.create(
            issuing_unit=tree.tinh_uy, layout=DocumentLayout.PARTY, issuer_line="TỈNH ỦY THÁI NGUYÊN", number=100 + year_index,
            symbol="KH/TU", year=plan_year, place="Thái Nguyên", title=f"Kế hoạch đối thoại năm {plan_year}",
            status=PlanStatus.ISSUED,
        )  # fmt: skip
        for order in range(10):
            day = first + timedelta(days=(order * (last - first).days) // 10 + rng.randint(0, 20))
            day = min(day, TODAY)
            conference = Conference.objects.create(
                plan=province_plan, order=order, host_unit=tree.province, date=day, status=ConferenceStatus.HELD,
                title=f"Hội nghị Bí thư Tỉnh ủy đối thoại với Nhân dân lần {order + 1} năm {plan_year}",
            )  # fmt: skip
            made.append((conference, tree.ban_dan_van, None))
        for commune in tree.communes:
            plan = Plan.objects.create(
                issuing_unit=commune, layout=DocumentLayout.STATE, issuer_line=f"ỦY BAN NHÂN DÂN XÃ {commune.short_name.upper()}",
                number=10 + year_index, symbol="KH-UBND", year=plan_year, place=commune.short_name,
                title=f"Kế hoạch tiếp xúc, đối thoại năm {plan_year}", status=PlanStatus.ISSUED,
            )  # fmt: skip
            day = min(first + timedelta(days=rng.randint(0, (last - first).days)), TODAY)
            conference = Conference.objects.create(
                plan=plan, order=0, host_unit=commune, date=day, status=ConferenceStatus.HELD,
                title=f"Hội nghị đối thoại giữa Chủ tịch UBND xã {commune.short_name} với Nhân dân năm {plan_year}",
            )  # fmt: skip
            made.append((conference, commune, commune))
    made.sort(key=lambda item: item[0].date)
    return made


def search_fields(row: tuple[str, str, str, str]) -> tuple[str, str]:
    """`signature` and `search_folded` exactly as petition_receive stores them (services._set_search)."""
    content, name, organisation, address = row
    return similarity.signature(content), fold(" ".join(x for x in (content, name, organisation, address) if x))


def draw_texts(tree: Province, conferences: list, per_conference: list[int]) -> list[list[tuple]]:
    """For each conference, its petitions' (commune, village, matter, channel, content, name, organisation, address)."""
    rng = random.Random(SEED + 2)
    weights = [m[4] for m in MATTERS]
    out = []
    for (_, _, commune), n in zip(conferences, per_conference, strict=True):
        drafts = []
        for _ in range(n):
            place = commune or rng.choice(tree.communes)
            villages = tree.villages[place.pk]
            village = rng.choice(villages)
            matter = rng.choices(MATTERS, weights)[0]
            content = petition_text(rng, matter, place, villages, village)
            if rng.random() < 0.05:
                channel = Channel.ONLINE  # sent through the portal, outside any conference
            else:
                channel = rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
            values = {"thon": village.name.removeprefix("Thôn "), "xa": place.short_name}
            organisation = name = ""
            if channel == Channel.PAPER_ORGANISATION:
                organisation = rng.choice(ORGANISATIONS).format(**values)
            elif rng.random() < 0.9:
                name = person_name(rng)
            address = f"thôn {values['thon']}, xã {values['xa']}" if rng.random() < 0.8 else ""
            drafts.append((place, village, matter, channel, content, name, organisation, address))
        out.append(drafts)
    return out


def compute_search_fields(drafts: list[list[tuple]]) -> Iterator[tuple[str, str]]:
    """search_fields of every draft, in order, on every core (the analysis is pure Python)."""
    rows = [d[4:] for conference in drafts for d in conference]
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
        yield from pool.imap(search_fields, rows, chunksize=500)


def generate(tree: Province, total: int) -> dict:
    """Bulk-create `total` petitions with their groups and supports; returns counts."""
    rng = random.Random(SEED + 4)
    calendar = get_calendar()
    ack_due: dict[date, date] = {}
    fields = {f.code: f for f in Field.objects.all()}
    conferences = make_conferences(tree)
    # Provincial dialogues draw three times as many petitions as a commune's.
    shares = [3 if commune is None else 1 for _, _, commune in conferences]
    per_conference = [total * s // sum(shares) for s in shares]
    per_conference[-1] += total - sum(per_conference)
    drafts = draw_texts(tree, conferences, per_conference)
    computed = compute_search_fields(drafts)
    earlier: dict[tuple[str, int], list[int]] = defaultdict(list)  # (matter, village) -> petition ids
    counts: Counter = Counter()
    distinct: set[str] = set()
    now = timezone.now()
    for (conference, receiving, _), conference_drafts in zip(conferences, drafts, strict=True):
        petitions: list[Petition] = []
        keys: list[tuple[str, int]] = []
        groups: dict[tuple[str, int], PetitionGroup] = {}
        for place, village, matter, channel, content, name, organisation, address in conference_drafts:
            signature, search_folded = next(computed)
            distinct.add(content)
            key, field_code, level, lead = matter[0], matter[1], matter[2], matter[3]
            online = channel == Channel.ONLINE
            if online:  # within the year before the conference
                received_on = conference.date - timedelta(days=rng.randint(0, 300))
            else:
                received_on = conference.date - timedelta(days=rng.randint(0, 30))
            status = status_for(rng, received_on)
            if received_on not in ack_due:
                ack_due[received_on] = calendar.add(received_on, services.ACK_WORKING_DAYS)
            due = ack_due[received_on]
            acknowledged = None
            if due < TODAY and rng.random() < 0.9:
                acknowledged = min(received_on + timedelta(days=rng.randint(1, 16)), TODAY)
            triaged = status != PetitionStatus.RECEIVED and not (
                status == PetitionStatus.WITHDRAWN and rng.random() < 0.5
            )
            competent = None
            if triaged and status == PetitionStatus.FORWARDED:
                competent = tree.commune_ubnd[place.pk] if level == "xa" else tree.agencies[lead]
            petition = Petition(
                conference=None if online else conference,
                receiving_unit=receiving,
                channel=channel,
                petitioner_kind=PetitionerKind.ORGANISATION if organisation else PetitionerKind.CITIZEN,
                name=name,
                phone=f"09{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.5 else "",
                address=address,
                address_unit=village if address else None,
                organisation=organisation,
                content=content,
                search_folded=search_folded,
                signature=signature,
                received_on=received_on,
                ack_due=due,
                acknowledged_on=acknowledged,
                ack_kind=(AckKind.FORWARDED if status == PetitionStatus.FORWARDED else AckKind.ACCEPTED)
                if acknowledged
                else "",
                field=fields[field_code] if triaged else None,
                level=(level if rng.random() < 0.9 else JurisdictionLevel.TINH) if triaged else "",
                competent_unit=competent,
                triaged_by=tree.officer if triaged else None,
                triaged_at=now if triaged else None,
                status=status,
                created_by=tree.officer,
            )
            # A commune's conference merges a matter per village, the province's per commune.
            group_key = (key, village.pk if receiving.pk == place.pk else place.pk)
            if status == PetitionStatus.GROUPED and not online:
                if group_key not in groups:
                    lead_unit = tree.commune_ubnd[place.pk] if lead == "xa" else tree.agencies[lead]
                    summary = f"Cử tri thôn {village.name.removeprefix('Thôn ')}, xã {place.short_name}: {content}"
                    groups[group_key] = PetitionGroup(
                        conference=conference,
                        receiving_unit=receiving,
                        summary=summary,
                        search_folded=fold(summary),
                        field=fields[field_code],
                        level=level,
                        lead_unit=lead_unit,
                        due_date=calendar.add(conference.date, 15),
                        status=group_status_for(rng, conference.date),
                        created_by=tree.officer,
                    )
                petition.group = groups[group_key]
            if earlier[group_key] and rng.random() < 0.15:  # raised at an earlier conference
                petition.repeat_of_id = rng.choice(earlier[group_key][-20:])
            petitions.append(petition)
            keys.append(group_key)
        with transaction.atomic():
            PetitionGroup.objects.bulk_create(groups.values(), batch_size=500)
            supports = []
            for group in groups.values():
                if rng.random() < 0.2:
                    other = rng.choice([a for a in tree.agencies.values() if a.pk != group.lead_unit_id])
                    supports.append(Support(group=group, unit=other))
            Support.objects.bulk_create(supports, batch_size=500)
            Petition.objects.bulk_create(petitions, batch_size=1000)
        for petition, group_key in zip(petitions, keys, strict=True):
            earlier[group_key].append(petition.pk)
        counts["groups"] += len(groups)
        counts["supports"] += len(supports)
    counts["conferences"] = len(conferences)
    counts["plans"] = Plan.objects.count()
    counts["distinct_texts"] = len(distinct)
    return dict(counts)


def analyse_database() -> None:
    """Planner statistics, as autovacuum would have gathered them after such a load."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


# ---------------------------------------------------------------- timing


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def summary(times: list[float]) -> dict:
    ordered = sorted(times)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)], 2),
        "min_ms": round(ordered[0], 2),
        "runs": len(ordered),
    }


def compare(
    subject: Callable[[], object],
    floor: Callable[[], object],
    *,
    before: Callable[[], None] | None = None,
    repeat: int = REPEAT,
) -> dict:
    """Warm both up, then alternate them so that drift of the machine hits both alike."""
    for _ in range(WARMUP):
        if before:
            before()
        subject()
        floor()
    subject_times, floor_times = [], []
    for _ in range(repeat):
        floor_times.append(timed(floor))
        if before:
            before()
        subject_times.append(timed(subject))
    result = summary(subject_times)
    result["floor"] = summary(floor_times)
    result["ratio"] = round(result["median_ms"] / max(result["floor"]["median_ms"], 0.001), 2)
    return result


def report(name: str, result: dict) -> None:
    print(
        f"  {name}: median {result['median_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms; "
        f"floor median {result['floor']['median_ms']:.1f} ms; ratio {result['ratio']:.1f}×",
        flush=True,
    )


def query_breakdown(fn: Callable[[], object]) -> list[dict]:
    """The statements one call runs, slowest first (timed once, with the query log on)."""
    with CaptureQueriesContext(connection) as captured:
        fn()
    rows = [{"ms": round(float(q["time"]) * 1000, 1), "sql": q["sql"][:400]} for q in captured.captured_queries]
    return sorted(rows, key=lambda r: -r["ms"])


def explain(sql: str, params: list) -> str:
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        rows = cursor.fetchall()
    if connection.vendor == "sqlite":
        return "\n".join(str(r[-1]) for r in rows)
    return "\n".join(r[0] for r in rows)


# ---------------------------------------------------------------- the floors (bare SQL)

LIST_SQL = """
SELECT p.id, p.received_on, p.content, p.name, p.organisation, p.channel, p.status, p.level,
       p.acknowledged_on, p.ack_due, p.repeat_of_id, f.name, c.title, g.status
FROM petitions_petition p
JOIN organisation_unit u ON u.id = p.receiving_unit_id
LEFT JOIN petitions_field f ON f.id = p.field_id
LEFT JOIN plans_conference c ON c.id = p.conference_id
LEFT JOIN petitions_petitiongroup g ON g.id = p.group_id
WHERE u.path LIKE %s {where}
ORDER BY p.received_on DESC, p.id DESC
LIMIT 50
"""
COUNT_SQL = """
SELECT COUNT(*) FROM petitions_petition p JOIN organisation_unit u ON u.id = p.receiving_unit_id
WHERE u.path LIKE %s {where}
"""
AGENCY_GROUPS = """
p.group_id IN (SELECT g.id FROM petitions_petitiongroup g JOIN organisation_unit lu ON lu.id = g.lead_unit_id
               WHERE lu.path LIKE %s
               UNION SELECT s.group_id FROM petitions_support s JOIN organisation_unit su ON su.id = s.unit_id
               WHERE su.path LIKE %s)
"""


def sql_floor(where: str, params: list, path: str) -> Callable[[], tuple[list, int]]:
    page_sql = LIST_SQL.format(where=where)
    count_sql = COUNT_SQL.format(where=where)

    def run():
        with connection.cursor() as cursor:
            cursor.execute(page_sql, [f"{path}%", *params])
            rows = cursor.fetchall()
            cursor.execute(count_sql, [f"{path}%", *params])
            return rows, cursor.fetchone()[0]

    run.sql = page_sql  # type: ignore[attr-defined]
    run.params = [f"{path}%", *params]  # type: ignore[attr-defined]
    return run


def agency_floor(agency: Unit) -> Callable[[], tuple[list, int]]:
    page_sql = (
        LIST_SQL.replace("JOIN organisation_unit u ON u.id = p.receiving_unit_id\n", "")
        .replace("u.path LIKE %s {where}", AGENCY_GROUPS)
    )  # fmt: skip
    count_sql = "SELECT COUNT(*) FROM petitions_petition p WHERE " + AGENCY_GROUPS  # noqa: S608 - constant text
    params = [f"{agency.path}%", f"{agency.path}%"]

    def run():
        with connection.cursor() as cursor:
            cursor.execute(page_sql, params)
            rows = cursor.fetchall()
            cursor.execute(count_sql, params)
            return rows, cursor.fetchone()[0]

    run.sql = page_sql  # type: ignore[attr-defined]
    run.params = params  # type: ignore[attr-defined]
    return run


def candidates_floor(petition: Petition, area: Unit) -> Callable[[], list]:
    """The duplicate pre-filter alone: signature LIKE any candidate term, in the area, 1000 rows."""
    terms = similarity.candidate_terms(petition.content)
    where = " OR ".join(["p.signature LIKE %s"] * len(terms))
    sql = (
        "SELECT p.id, p.content FROM petitions_petition p JOIN organisation_unit u ON u.id = p.receiving_unit_id "  # noqa: S608 - placeholders only
        f"WHERE u.path LIKE %s AND ({where}) AND p.id <> %s LIMIT 1000"
    )
    params = [f"{area.path}%", *(f"%{t}%" for t in terms), petition.pk]

    def run():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    run.sql = sql  # type: ignore[attr-defined]
    run.params = params  # type: ignore[attr-defined]
    return run


# ---------------------------------------------------------------- the cases


class Cases:
    """What is measured, built once the data exist."""

    def __init__(self, tree: Province) -> None:
        self.tree = tree
        officer = Client(HTTP_HOST="localhost")
        officer.force_login(tree.officer)
        agency = Client(HTTP_HOST="localhost")
        agency.force_login(tree.agency_officer)
        field = Field.objects.get(code="dat_dai")
        path = tree.province.path
        # name -> (client, url, floor): pages of the list as the province's synthesis officer
        # and as an agency officer (who sees the petitions of the groups the agency answers).
        self.pages: dict[str, tuple[Client, str, Callable]] = {
            "list_all": (officer, "/petitions/", sql_floor("", [], path)),
            "list_filtered": (
                officer,
                "/petitions/?field=dat_dai&status=triaged&date_from=01/01/2025",
                sql_floor(
                    "AND p.field_id = %s AND p.status = %s AND p.received_on >= %s",
                    [field.pk, "triaged", "2025-01-01"],
                    path,
                ),
            ),
            "search": (
                officer,
                "/petitions/?q=duong lien thon",
                sql_floor(
                    "AND p.search_folded LIKE %s AND p.search_folded LIKE %s AND p.search_folded LIKE %s",
                    ["%duong%", "%lien%", "%thon%"],
                    path,
                ),
            ),
            "agency_list": (agency, "/petitions/", agency_floor(tree.agencies["nnmt"])),
        }
        # New petitions, received the way the application receives them (petition_receive),
        # about matters already in the database: three for the province's dialogue (the
        # duplicates are looked for in the whole province), three for communes'.
        rng = random.Random(SEED + 3)
        self.new: dict[str, list[Petition]] = {"similar_province": [], "similar_commune": []}
        by_key = {m[0]: m for m in MATTERS}
        for matter_key, in_province in [
            ("o_nhiem", True), ("duong_tinh", True), ("so_do", True),
            ("duong_lien_thon", False), ("nuoc_sach", False), ("tranh_chap_dat", False),
        ]:  # fmt: skip
            commune = rng.choice(tree.communes)
            villages = tree.villages[commune.pk]
            text = petition_text(rng, by_key[matter_key], commune, villages, rng.choice(villages))
            petition = services.petition_receive(
                actor=tree.officer,
                receiving_unit=tree.ban_dan_van if in_province else commune,
                content=text,
                channel=Channel.PAPER_CITIZEN,
                name=person_name(rng),
                received_on=TODAY,
            )
            self.new["similar_province" if in_province else "similar_commune"].append(petition)

    @staticmethod
    def view(client: Client, url: str) -> Callable[[], object]:
        def run():
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response

        return run

    def check_floor(self, name: str) -> dict:
        """The floor must return what the page shows, or the comparison means nothing."""
        client, url, floor = self.pages[name]
        # The test client sees the template context only while rendering is instrumented.
        with patched(Template, "_render", instrumented_test_render):
            page = self.view(client, url)().context["page"]
        ids, count = [p.pk for p in page.object_list], page.paginator.count
        rows, floor_count = floor()
        if ids != [r[0] for r in rows] or count != floor_count:
            raise SystemExit(f"{name}: the floor does not match the page ({count} vs {floor_count} rows)")
        return {"url": url, "matching_rows": count, "page_rows": len(ids)}

    def similar(self, name: str) -> tuple[Callable[[], object], Callable[[], object]]:
        """similar_petitions for each new petition in turn, against the pre-filter of the same one."""
        petitions = self.new[name]
        subjects = [lambda p=p: selectors.similar_petitions(user=self.tree.officer, petition=p) for p in petitions]
        floors = [candidates_floor(p, administrative_area(p.receiving_unit)) for p in petitions]
        turn = {"subject": 0, "floor": 0}

        def cycle(kind: str, calls: list):
            def run():
                call = calls[turn[kind] % len(calls)]
                turn[kind] += 1
                return call()

            return run

        return cycle("subject", subjects), cycle("floor", floors)

    def run(self, names: list[str], *, repeat: int = REPEAT, prefix: str = "") -> dict[str, dict]:
        out = {}
        for name in names:
            if name in self.pages:
                client, url, floor = self.pages[name]
                out[name] = compare(self.view(client, url), floor, repeat=repeat)
            else:
                # A new petition's candidates are texts the process has not analysed yet.
                out[name] = compare(*self.similar(name), before=similarity._analyse.cache_clear, repeat=repeat)
            report(prefix + name, out[name])
        return out

    def breakdown(self, name: str) -> dict:
        """The statements of one request, slowest first, and their share of it."""
        client, url, _ = self.pages[name]
        started = time.perf_counter()
        queries = query_breakdown(self.view(client, url))
        total = (time.perf_counter() - started) * 1000
        return {"request_ms": round(total, 1), "sql_ms": round(sum(q["ms"] for q in queries), 1), "queries": queries}

    def similar_detail(self, name: str) -> list[dict]:
        """Where the time of one suggestion goes: the candidate query, then scoring in Python
        (with the candidates not yet analysed by this process, then once more when they are)."""
        out = []
        for petition in self.new[name]:
            area = administrative_area(petition.receiving_unit)
            similarity._analyse.cache_clear()
            start = time.perf_counter()
            candidates = candidates_floor(petition, area)()
            fetched = time.perf_counter()
            matches = similarity.rank_similar(petition.content, candidates, limit=8)
            ranked = time.perf_counter()
            similarity.rank_similar(petition.content, candidates, limit=8)
            warm = time.perf_counter()
            # The application's own candidate query (scope filter, model ordering) in one call.
            similarity._analyse.cache_clear()
            with CaptureQueriesContext(connection) as captured:
                selectors.similar_petitions(user=self.tree.officer, petition=petition)
            slowest = max((float(q["time"]) for q in captured.captured_queries), default=0.0)
            out.append(
                {
                    "text": petition.content,
                    "area": area.name,
                    "terms": similarity.candidate_terms(petition.content),
                    "candidates": len(candidates),
                    "matches": len(matches),
                    "fetch_ms": round((fetched - start) * 1000, 1),
                    "rank_ms": round((ranked - fetched) * 1000, 1),
                    "rank_warm_ms": round((warm - ranked) * 1000, 1),
                    "app_candidate_query_ms": round(slowest * 1000, 1),
                }
            )
        return out

    @staticmethod
    def print_similar_detail(name: str, detail: list[dict], indent: str = "    ") -> None:
        def figures(key: str) -> list[float]:
            return [d[key] for d in detail]

        print(
            f"{indent}{name}: candidates {figures('candidates')}; pre-filter {figures('fetch_ms')} ms, "
            f"the application's candidate query {figures('app_candidate_query_ms')} ms; scoring "
            f"{figures('rank_ms')} ms (texts analysed before: {figures('rank_warm_ms')} ms)",
            flush=True,
        )


PAGES = ["list_all", "list_filtered", "search", "agency_list"]
SIMILAR = ["similar_province", "similar_commune"]

# ---------------------------------------------------------------- experiments (temporary fixes)

# The unacknowledged-petitions banner of every list page counts over the whole scope:
# a partial index holding the columns it reads answers it without touching the table.
ACK_INDEX = (
    [
        "CREATE INDEX bench_petition_ack_open ON petitions_petition (ack_due, receiving_unit_id, status) "
        "WHERE acknowledged_on IS NULL"
    ],
    ["DROP INDEX bench_petition_ack_open"],
)
# The list's order: the first page is read in index order and stops after 50 rows.
ORDER_INDEX = (
    ["CREATE INDEX bench_petition_list_order ON petitions_petition (received_on DESC, id DESC)"],
    ["DROP INDEX bench_petition_list_order"],
)
# The paginator's COUNT under the scope filter (receiving unit OR group) reads only these
# two columns: from a narrow index instead of the whole table.
SCOPE_INDEX = (
    ["CREATE INDEX bench_petition_scope ON petitions_petition (receiving_unit_id, group_id)"],
    ["DROP INDEX bench_petition_scope"],
)
TRIGRAM_INDEX = (
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX bench_petition_search_trgm ON petitions_petition USING gin (search_folded gin_trgm_ops)",
        "CREATE INDEX bench_petition_signature_trgm ON petitions_petition USING gin (signature gin_trgm_ops)",
    ],
    ["DROP INDEX bench_petition_search_trgm", "DROP INDEX bench_petition_signature_trgm"],
)


@contextmanager
def temporary_sql(create: list[str], drop: list[str]) -> Iterator[None]:
    with connection.cursor() as cursor:
        for statement in create:
            cursor.execute(statement)
    analyse_database()
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for statement in drop:
                cursor.execute(statement)


@contextmanager
def patched(obj, name: str, value) -> Iterator[None]:
    original = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, original)


def lean_list(original):
    """petition_list_for_user joining only what the list shows (the page uses the
    repeated petition's id, not its row) and leaving out the two search columns."""

    def petition_list_for_user(*, user, filters=None):
        qs = original(user=user, filters=filters)
        return (
            qs.select_related(None).select_related("conference", "field", "group").defer("search_folded", "signature")
        )

    return petition_list_for_user


@contextmanager
def lean_select() -> Iterator[None]:
    with patched(selectors, "petition_list_for_user", lean_list(selectors.petition_list_for_user)):
        yield


@contextmanager
def all_fixes() -> Iterator[None]:
    indexes = (ACK_INDEX, ORDER_INDEX, SCOPE_INDEX)
    create = [sql for index in indexes for sql in index[0]]
    drop = [sql for index in indexes for sql in index[1]]
    with temporary_sql(create, drop), lean_select():
        yield


def run_experiments(cases: Cases) -> dict:
    """Fixes tried on the benchmark database only, each undone before the next; half the
    repetitions of the main run, to keep `make bench` short."""
    repeat = max(5, REPEAT // 2)
    experiments = [
        ("ack_open_index", "partial index petitions_petition(ack_due, receiving_unit_id, status) WHERE acknowledged_on IS NULL",
         PAGES, lambda: temporary_sql(*ACK_INDEX)),
        ("list_order_index", "index petitions_petition(received_on DESC, id DESC)", PAGES + SIMILAR,
         lambda: temporary_sql(*ORDER_INDEX)),
        ("scope_count_index", "index petitions_petition(receiving_unit_id, group_id)", PAGES,
         lambda: temporary_sql(*SCOPE_INDEX)),
        ("lean_select", "list selector: select_related conference, field, group only; defer search_folded, signature",
         PAGES, lean_select),
        ("all_fixes", "the three indexes and the lean list selector together", PAGES + SIMILAR, all_fixes),
    ]  # fmt: skip
    if connection.vendor == "postgresql":
        experiments.append(
            ("trigram_indexes", "pg_trgm GIN indexes on search_folded and signature", ["search", *SIMILAR],
             lambda: temporary_sql(*TRIGRAM_INDEX)),
        )  # fmt: skip
    out = {}
    for key, what, names, apply in experiments:
        print(f"with {what} ({repeat} runs):", flush=True)
        with apply():
            out[key] = {"change": what, "results": cases.run(names, repeat=repeat, prefix="  ")}
            if key == "all_fixes":
                out[key]["queries"] = {name: cases.breakdown(name) for name in PAGES}
            if any(name in SIMILAR for name in names):
                out[key]["detail"] = {name: cases.similar_detail(name) for name in SIMILAR}
                for name, detail in out[key]["detail"].items():
                    cases.print_similar_detail(name, detail, indent="      ")
    return out


# ---------------------------------------------------------------- main


def main() -> int:
    recreate_database()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    tree = Province()
    counts = generate(tree, PETITIONS)
    generated = time.perf_counter()
    analyse_database()
    counts.update(
        petitions=Petition.objects.count(),
        groups=PetitionGroup.objects.count(),
        supports=Support.objects.count(),
        units=Unit.objects.count(),
        petitions_grouped=Petition.objects.filter(group__isnull=False).count(),
        petitions_triaged=Petition.objects.filter(field__isnull=False).count(),
        petitions_repeating=Petition.objects.filter(repeat_of__isnull=False).count(),
    )
    vendor = connection.vendor
    print(
        f"{vendor}: {database_version()}; migrate {migrated - started:.1f} s; generated {counts['petitions']:,} "
        f"petitions, {counts['groups']:,} groups, {counts['conferences']} conferences in {generated - migrated:.1f} s",
        flush=True,
    )

    cases = Cases(tree)
    checks = {name: cases.check_floor(name) for name in PAGES}
    print(f"measured ({WARMUP} warm-up, {REPEAT} runs each):", flush=True)
    results = cases.run(PAGES + SIMILAR)
    breakdown = {name: cases.breakdown(name) for name in PAGES}
    for name in PAGES:
        results[name].update(checks[name])
        b = breakdown[name]
        slowest = b["queries"][0]["ms"] if b["queries"] else 0
        print(
            f"    {name}: {b['request_ms']:.0f} ms with {len(b['queries'])} queries taking {b['sql_ms']:.0f} ms "
            f"(slowest {slowest:.0f} ms); {checks[name]['matching_rows']:,} rows match",
            flush=True,
        )
    for name in SIMILAR:
        results[name]["detail"] = cases.similar_detail(name)
        cases.print_similar_detail(name, results[name]["detail"])
    plans = {name: explain(cases.pages[name][2].sql, cases.pages[name][2].params) for name in PAGES}
    experiments = run_experiments(cases)

    payload = {
        "benchmark": "petitions",
        "issue": 4,
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "django": django.get_version(),
        },
        "database": {"vendor": vendor, "version": database_version()},
        "settings": {"petitions": PETITIONS, "repeat": REPEAT, "warmup": WARMUP, "page_size": PAGE},
        "rows": counts,
        "seconds": {"migrate": round(migrated - started, 1), "generate": round(generated - migrated, 1)},
        "results": results,
        "queries": breakdown,
        "floor_plans": plans,
        "experiments": experiments,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"petitions-{vendor}.json"
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    temporary.replace(target)
    print(f"written {os.path.relpath(target, ROOT)} ({time.perf_counter() - started:.0f} s in all)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
