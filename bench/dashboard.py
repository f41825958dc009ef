# ruff: noqa: E501, S608
# (SQL of the floors is written out by hand, one statement per line where it fits; the
# values always go as parameters, only fixed column and table names are formatted in.)
"""Issue 6 benchmark: the statistics dashboard over a million petitions.

Run by `bench/run.py` once per database, with DATABASE_URL naming a database this script may
destroy (its name must contain “bench”). It:

1. recreates and migrates the database; builds BENCH_PROVINCES provinces (default 6), each
   with BENCH_COMMUNES communes (default 30) and their people's committees and Party
   committees, nine provincial agencies, five years of plans and conferences (ten
   provincial dialogues and one per commune a year), participants checked in or not and
   interventions;
2. writes the petitions (BENCH_DASHBOARD_PETITIONS, else BENCH_PETITIONS, default
   1,000,000), their petition groups (answers approved on time, late, overdue, not yet
   due; answered live; follow-up in every state), conclusion notices and directives in
   every state — with COPY on PostgreSQL and batched executemany on SQLite, ids given
   by the script so rows refer to each other without reading anything back;
3. times `unit_statistics` (the selector) and the whole page `/statistics/` through the
   Django test client, for one province and for the whole country, over the last year
   and over the five years, each against its floor: the same aggregate SQL written by
   hand and run through `connection.cursor()` in the same run (the floor must give the
   same figures, or the run stops);
4. tries candidate indexes on the benchmark database only, each dropped afterwards;
5. prints “name: median X ms, p95 Y ms; floor median Z ms; ratio R” and writes
   bench/results/dashboard-<vendor>.json.

BENCH_DASHBOARD_REPEAT (else BENCH_REPEAT, default 10) and BENCH_WARMUP (default 3) set the
repetitions.
"""

from __future__ import annotations

import json
import os
import platform
import random
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")  # settings need it for their development secret key

import django  # noqa: E402

django.setup()

# The helpers every benchmark shares (database recreation, timing, reporting); importing
# the module also turns DEBUG off and uses the fast password hasher, as in production.
import petitions as base  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from dialogue.conclusions.models import Conclusion, ConclusionStatus, Directive, DirectiveStatus  # noqa: E402
from dialogue.lib.text import fold  # noqa: E402
from dialogue.organisation.factories import make_person, make_unit  # noqa: E402
from dialogue.organisation.models import Unit  # noqa: E402
from dialogue.organisation.roles import Role  # noqa: E402
from dialogue.petitions.models import (  # noqa: E402
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
from dialogue.plans.models import Conference, ConferenceStatus, DocumentLayout, Participant, Plan, PlanStatus  # noqa: E402
from dialogue.proceedings.models import SpeakerRequest, SpeakerStatus  # noqa: E402
from dialogue.statistics import selectors  # noqa: E402
from dialogue.workcalendar.selectors import get_calendar  # noqa: E402


def _env_int(*names: str, default: int) -> int:
    for name in names:
        if os.environ.get(name):
            return int(os.environ[name])
    return default


PETITIONS = _env_int("BENCH_DASHBOARD_PETITIONS", "BENCH_PETITIONS", default=1_000_000)
PROVINCES = _env_int("BENCH_PROVINCES", default=6)
COMMUNES = _env_int("BENCH_COMMUNES", default=30)
REPEAT = _env_int("BENCH_DASHBOARD_REPEAT", "BENCH_REPEAT", default=10)
WARMUP = base.WARMUP
YEARS = 5
SEED = 20261124
TODAY = timezone.localdate()
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results"))
BATCH = 20_000

# ---------------------------------------------------------------- fast writing


class Writer:
    """Rows of one model written in bulk: COPY on PostgreSQL, executemany on SQLite.

    `columns` are the attributes each row gives, in order; every other NOT NULL column gets
    the model's default once (created_at/updated_at: now), since neither path runs Django's
    save(), except a column with a database default, which the database fills. Dates and
    timestamps must be given already adapted (see `d` and `ts`)."""

    def __init__(self, model, columns: list[str]) -> None:
        self.model = model
        self.table = model._meta.db_table
        now = timezone.now()
        fixed: dict[str, object] = {}
        for f in model._meta.concrete_fields:
            if f.attname in columns or f.null or (f.primary_key and f.attname not in columns) or f.has_db_default():
                continue  # given, nullable, the id, or the database's own default
            automatic = getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
            value = now if automatic else f.get_default()
            fixed[f.column] = f.get_db_prep_save(value, connection)
        by_attname = {f.attname: f.column for f in model._meta.concrete_fields}
        self.columns = [by_attname[c] for c in columns] + list(fixed)
        self.fixed = tuple(fixed.values())
        self.count = 0

    def write(self, rows: Iterable[tuple]) -> None:
        cols = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {connection.ops.quote_name(self.table)} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row + self.fixed)
                        self.count += 1
                return
            sql = f"INSERT INTO {self.table} ({cols}) VALUES ({', '.join(['%s'] * len(self.columns))})"
            batch = []
            for row in rows:
                batch.append(row + self.fixed)
                if len(batch) >= BATCH:
                    cursor.executemany(sql, batch)
                    self.count += len(batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
                self.count += len(batch)


def d(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def ts(moment: datetime | None):
    """A timestamp as the backend stores it (UTC text on SQLite, aware on PostgreSQL)."""
    return None if moment is None else connection.ops.adapt_datetimefield_value(moment)


def reset_sequences(*models) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 1))"
            )


# ---------------------------------------------------------------- the country

AGENCIES = [
    "Sở Nông nghiệp và Môi trường",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Khoa học và Công nghệ",
    "Công ty Điện lực",
    "Công an tỉnh",
]
PROVINCE_NAMES = ["Thái Nguyên", "Hải Phòng", "Nghệ An", "Quảng Ngãi", "Cần Thơ", "Lâm Đồng", "Gia Lai", "Đồng Tháp"]


class Country:
    def __init__(self) -> None:
        self.provinces: list[Unit] = []
        self.province_bodies: dict[int, dict] = {}
        self.communes: dict[int, list[tuple[Unit, Unit, Unit]]] = {}  # province -> (commune, ubnd xã, đảng ủy xã)
        for p in range(PROVINCES):
            name = PROVINCE_NAMES[p % len(PROVINCE_NAMES)] + ("" if p < len(PROVINCE_NAMES) else f" {p}")
            province = make_unit(f"Tỉnh {name}", "province", code=f"{p + 1:02d}", short_name=name)
            tinh_uy = make_unit(f"Tỉnh ủy {name}", "party_committee", province)
            ubnd = make_unit(f"Ủy ban nhân dân tỉnh {name}", "people_committee", province)
            self.province_bodies[province.pk] = {
                "tinh_uy": tinh_uy,
                "ban_dan_van": make_unit("Ban Dân vận Tỉnh ủy", "party_board", tinh_uy),
                "agencies": [make_unit(f"{a} tỉnh {name}", "agency", ubnd) for a in AGENCIES],
            }
            self.communes[province.pk] = []
            for c in range(COMMUNES):
                commune = make_unit(f"Xã {name} {c + 1}", "commune", province, code=f"{p + 1:02d}{c:03d}")
                ubnd_xa = make_unit(f"Ủy ban nhân dân xã {name} {c + 1}", "people_committee", commune)
                dang_uy = make_unit(f"Đảng ủy xã {name} {c + 1}", "party_committee", commune)
                self.communes[province.pk].append((commune, ubnd_xa, dang_uy))
            self.provinces.append(province)
        first = self.provinces[0]
        self.officer = make_person(
            "minh",
            "Trần Thị Minh",
            organisation=self.province_bodies[first.pk]["ban_dan_van"],
            roles=[(Role.SYNTHESIS, first)],
        )
        self.admin = make_person("quantri", "Nguyễn Văn Quản", roles=[(Role.ADMIN, None)])


# ---------------------------------------------------------------- generation

CHANNELS = [
    (Channel.PAPER_CITIZEN, 30),
    (Channel.SPEAKER_SLIP, 15),
    (Channel.SPOKEN, 15),
    (Channel.MTTQ, 15),
    (Channel.VILLAGE, 15),
    (Channel.PAPER_ORGANISATION, 5),
    (Channel.ONLINE, 5),
]
TEXTS = [
    "Đề nghị sửa chữa, nâng cấp tuyến đường liên thôn đã xuống cấp nghiêm trọng, mùa mưa đi lại rất khó khăn.",
    "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất của gia đình tôi nộp từ lâu đến nay chưa được giải quyết.",
    "Giá bồi thường đất nông nghiệp khi thu hồi làm dự án quá thấp so với giá thị trường, đề nghị xem xét lại.",
    "Công ty xả nước thải chưa qua xử lý ra suối gây ô nhiễm, ảnh hưởng sản xuất của nhân dân.",
    "Điện áp yếu, thường xuyên mất điện, đề nghị ngành điện nâng cấp trạm biến áp cho khu dân cư.",
    "Trạm y tế xã thiếu bác sĩ và thuốc bảo hiểm y tế, người dân phải lên tuyến trên khám chữa bệnh.",
    "Việc bình xét hộ nghèo, hộ cận nghèo tại thôn chưa công khai, minh bạch, đề nghị kiểm tra.",
    "Mương thủy lợi nội đồng bị bồi lấp, không đủ nước tưới cho vụ chiêm xuân, đề nghị kiên cố hóa.",
    "Tình trạng thanh thiếu niên tụ tập, đua xe trái phép vào ban đêm gây mất trật tự, đề nghị xử lý.",
    "Đề nghị công khai quy hoạch sử dụng đất của xã để nhân dân biết, thực hiện và giám sát.",
]
LEVELS = [JurisdictionLevel.XA, JurisdictionLevel.TINH, JurisdictionLevel.TRUNG_UONG]


def at(day: date, rng: random.Random) -> datetime:
    """A moment of office hours on `day`, now and then late in the evening (after 17:00 UTC
    it is the next day in Hà Nội)."""
    hour = rng.choice([8, 9, 10, 14, 15, 16]) if rng.random() < 0.9 else 23
    return datetime(day.year, day.month, day.day, hour, rng.randint(0, 59), tzinfo=HANOI)


def make_conferences(country: Country) -> list[dict]:
    """Plans, conferences, participants and interventions; returns what the petitions need."""
    rng = random.Random(SEED + 1)
    first_day = TODAY - timedelta(days=365 * YEARS) + timedelta(days=40)
    span = (TODAY - first_day).days
    out: list[dict] = []
    plans, conferences = [], []
    for province in country.provinces:
        bodies = country.province_bodies[province.pk]
        for y in range(YEARS):
            lo = first_day + timedelta(days=y * span // YEARS)
            hi = first_day + timedelta(days=(y + 1) * span // YEARS - 1)
            plan = Plan(issuing_unit=bodies["tinh_uy"], layout=DocumentLayout.PARTY, issuer_line="TỈNH ỦY",
                        number=100 + y, symbol="KH/TU", year=hi.year, place=province.short_name,
                        title=f"Kế hoạch đối thoại năm {hi.year}", status=PlanStatus.ISSUED)  # fmt: skip
            plans.append(plan)
            for order in range(10):
                day = lo + timedelta(days=(order * (hi - lo).days) // 10 + rng.randint(0, 20))
                conferences.append((plan, province, bodies["ban_dan_van"], bodies["tinh_uy"], day, order, True))
            for commune, _ubnd, dang_uy in country.communes[province.pk]:
                cplan = Plan(issuing_unit=dang_uy, layout=DocumentLayout.PARTY, issuer_line="ĐẢNG ỦY XÃ",
                             number=10 + y, symbol="KH/ĐU", year=hi.year, place=commune.name,
                             title=f"Kế hoạch đối thoại năm {hi.year}", status=PlanStatus.ISSUED)  # fmt: skip
                plans.append(cplan)
                day = lo + timedelta(days=rng.randint(0, (hi - lo).days))
                conferences.append((cplan, commune, commune, dang_uy, day, 0, False))
    Plan.objects.bulk_create(plans, batch_size=1000)
    rows = []
    for plan, host, _receiving, _issuer, day, order, _prov in conferences:
        if day > TODAY + timedelta(days=20):
            status = ConferenceStatus.SCHEDULED
        elif rng.random() < 0.03:
            status = ConferenceStatus.CANCELLED
        elif day > TODAY:
            status = ConferenceStatus.SCHEDULED
        else:
            status = ConferenceStatus.HELD
        rows.append(
            Conference(plan=plan, order=order, host_unit=host, date=day, status=status, title="Hội nghị đối thoại")
        )
    Conference.objects.bulk_create(rows, batch_size=1000)
    participants = Writer(Participant, ["conference_id", "full_name", "attended", "walk_in", "token"])
    speakers = Writer(SpeakerRequest, ["conference_id", "position", "speaker_name", "matter", "status"])

    def participant_rows():
        for conf in rows:
            for i in range(rng.randint(20, 60)):
                attended = None
                if conf.status == ConferenceStatus.HELD:
                    attended = rng.random() < 0.75
                yield (conf.pk, f"Đại biểu {i + 1}", attended, False)

    def speaker_rows():
        statuses = [SpeakerStatus.DONE] * 8 + [SpeakerStatus.WITHDRAWN, SpeakerStatus.WAITING]
        for conf in rows:
            if conf.status != ConferenceStatus.HELD:
                continue
            for i in range(rng.randint(4, 12)):
                yield (conf.pk, i + 1, f"Cử tri {i + 1}", rng.choice(TEXTS), rng.choice(statuses))

    participants.write(_with_uuid(participant_rows()))
    speakers.write(speaker_rows())
    for conf, (_plan, _host, receiving, issuer, _day, _order, is_province) in zip(rows, conferences, strict=True):
        out.append({"conference": conf, "receiving": receiving, "issuer": issuer, "province": is_province})
    return out


def _with_uuid(rows: Iterator[tuple]) -> Iterator[tuple]:
    """Participant tokens (a unique column) as distinct UUIDs, made cheaply."""
    for counter, row in enumerate(rows, start=1):
        yield (*row, str(uuid.UUID(int=counter)))


def generate(country: Country, total: int) -> dict:
    rng = random.Random(SEED + 2)
    calendar = get_calendar()
    fields = list(Field.objects.values_list("pk", flat=True))
    conferences = make_conferences(country)
    agencies = {p.pk: country.province_bodies[p.pk]["agencies"] for p in country.provinces}
    commune_ubnd = {c.pk: u for cs in country.communes.values() for c, u, _ in cs}
    province_of = {}
    for p in country.provinces:
        province_of[country.province_bodies[p.pk]["ban_dan_van"].pk] = p.pk
        for c, _u, _d in country.communes[p.pk]:
            province_of[c.pk] = p.pk
    live = [c for c in conferences if c["conference"].status != ConferenceStatus.CANCELLED]
    live.sort(key=lambda c: c["conference"].date)
    weights = [3 if c["province"] else 1 for c in live]
    per = [total * w // sum(weights) for w in weights]
    per[-1] += total - sum(per)

    group_writer = Writer(
        PetitionGroup,
        ["id", "conference_id", "receiving_unit_id", "summary", "field_id", "level", "lead_unit_id", "due_date",
         "answer_mode", "status", "approved_at", "followup_status", "resolve_due", "resolved_at"],
    )  # fmt: skip
    petition_writer = Writer(
        Petition,
        ["id", "conference_id", "receiving_unit_id", "channel", "name", "content", "search_folded", "signature",
         "received_on", "ack_due", "field_id", "level", "group_id", "repeat_of_id", "status"],
    )  # fmt: skip
    folded = {t: fold(t) for t in TEXTS}
    signatures = {t: " ".join(fold(t).split()[:8]) for t in TEXTS}
    groups: list[tuple] = []
    group_ids: dict[int, list[int]] = {}
    next_group = 1
    due_of: dict[date, date] = {}
    counts: Counter = Counter()
    # Groups first (petitions refer to them): about one group for eight grouped petitions.
    for conf, n in zip(live, per, strict=True):
        c = conf["conference"]
        if c.date not in due_of:
            due_of[c.date] = calendar.add(c.date, 15)
        due = due_of[c.date]
        age = (TODAY - c.date).days
        ids = []
        province = province_of[conf["receiving"].pk]
        for _ in range(max(1, n // 16)):
            gid = next_group
            next_group += 1
            ids.append(gid)
            lead = (
                rng.choice(agencies[province])
                if conf["province"] or rng.random() < 0.3
                else commune_ubnd[c.host_unit_id]
            )
            mode = AnswerMode.LIVE if rng.random() < 0.05 else AnswerMode.WRITTEN
            status, approved_at, follow, resolve_due, resolved_at = GroupStatus.OPEN, None, "", None, None
            if age > 0:
                roll = rng.random()
                answered = 0.92 if age > 120 else 0.6 if age > 30 else 0.25
                if roll < answered:
                    status = GroupStatus.APPROVED
                    late = rng.random() < 0.3
                    approved_day = (
                        due + timedelta(days=rng.randint(1, 40)) if late else due - timedelta(days=rng.randint(0, 14))
                    )
                    approved_day = min(approved_day, TODAY)
                    approved_at = at(approved_day, rng)
                    resolve_due = approved_day + timedelta(days=45)
                    done_roll = rng.random()
                    follow = rng.choices(
                        [FollowUpStatus.RESOLVED, FollowUpStatus.CLOSED, FollowUpStatus.IN_PROGRESS,
                         FollowUpStatus.PARTLY_RESOLVED, FollowUpStatus.REPORTED, FollowUpStatus.ASSIGNED,
                         FollowUpStatus.FORWARDED_UP, FollowUpStatus.CANNOT_RESOLVE, FollowUpStatus.NONE],
                        [30, 20, 15, 5, 5, 10, 3, 2, 10],
                    )[0]  # fmt: skip
                    if follow in (FollowUpStatus.RESOLVED, FollowUpStatus.CLOSED):
                        resolved_at = at(min(approved_day + timedelta(days=int(5 + done_roll * 120)), TODAY), rng)
                else:
                    status = rng.choice([GroupStatus.ASSIGNED, GroupStatus.SUBMITTED, GroupStatus.RETURNED])
            groups.append((gid, c.pk, conf["receiving"].pk, "Ý kiến tổng hợp", rng.choice(fields),
                           rng.choice(LEVELS), lead.pk, d(due), mode, status, ts(approved_at), follow,
                           d(resolve_due), ts(resolved_at)))  # fmt: skip
            counts["groups"] += 1
        group_ids[c.pk] = ids
    group_writer.write(groups)
    group_count = len(groups)
    del groups

    channel_values = [ch for ch, _ in CHANNELS]
    channel_weights = [w for _, w in CHANNELS]

    def petition_rows():
        pid = 0
        earlier: list[int] = []
        for conf, n in zip(live, per, strict=True):
            c = conf["conference"]
            ids = group_ids[c.pk]
            for _ in range(n):
                pid += 1
                channel = rng.choices(channel_values, channel_weights)[0]
                online = channel == Channel.ONLINE
                received = c.date - timedelta(days=rng.randint(0, 300 if online else 30))
                text = rng.choice(TEXTS)
                roll = rng.random()
                if (TODAY - received).days < 30 and roll < 0.5:
                    status, field, level, group = PetitionStatus.RECEIVED, None, "", None
                elif roll < 0.55:
                    status, field, level, group = PetitionStatus.TRIAGED, rng.choice(fields), rng.choice(LEVELS), None
                elif roll < 0.62:
                    status, field, level, group = (
                        PetitionStatus.FORWARDED,
                        rng.choice(fields),
                        JurisdictionLevel.TRUNG_UONG,
                        None,
                    )
                elif roll < 0.65:
                    status, field, level, group = PetitionStatus.WITHDRAWN, None, "", None
                else:
                    status, field, level, group = (
                        PetitionStatus.GROUPED,
                        rng.choice(fields),
                        rng.choice(LEVELS),
                        rng.choice(ids),
                    )
                repeat = rng.choice(earlier) if earlier and rng.random() < 0.12 else None
                if rng.random() < 0.02:
                    earlier.append(pid)
                    if len(earlier) > 5000:
                        earlier = earlier[-2500:]
                yield (pid, None if online else c.pk, conf["receiving"].pk, channel, "Nguyễn Văn A", text, folded[text],
                       signatures[text], d(received), d(received + timedelta(days=14)), field, level, group, repeat,
                       status)  # fmt: skip

    petition_writer.write(petition_rows())

    # Conclusion notices of held conferences, with directives in every state.
    rng2 = random.Random(SEED + 3)
    numbers: Counter = Counter()
    notices = []
    for conf in live:
        c = conf["conference"]
        if c.status != ConferenceStatus.HELD:
            continue
        issued = c.date + timedelta(days=7)
        if issued > TODAY:
            continue
        numbers[(conf["issuer"].pk, issued.year)] += 1
        notices.append(Conclusion(conference=c, issuing_unit=conf["issuer"], layout=DocumentLayout.PARTY,
                                  issuer_line="ĐẢNG ỦY", symbol="TB/TU", year=issued.year, place="—",
                                  due_date=issued, title="Thông báo kết luận", status=ConclusionStatus.ISSUED,
                                  issued_on=issued, number=numbers[(conf["issuer"].pk, issued.year)]))  # fmt: skip
    Conclusion.objects.bulk_create(notices, batch_size=1000)
    directives = []
    for notice in notices:
        c = notice.conference
        if c.host_unit_id in agencies:  # a provincial dialogue: the agencies act
            units = agencies[c.host_unit_id]
        else:  # a commune's: its people's committee, now and then an agency
            units = [commune_ubnd[c.host_unit_id]] * 6 + agencies[province_of[c.host_unit_id]]
        for order in range(rng2.randint(4, 14)):
            due = c.date + timedelta(days=rng2.randint(20, 90))
            age = (TODAY - due).days
            if age < 0:
                status = rng2.choice([DirectiveStatus.ASSIGNED, DirectiveStatus.IN_PROGRESS, DirectiveStatus.REPORTED])
            else:
                status = rng2.choices(
                    [DirectiveStatus.ASSIGNED, DirectiveStatus.IN_PROGRESS, DirectiveStatus.REPORTED,
                     DirectiveStatus.RESOLVED, DirectiveStatus.PARTLY_RESOLVED, DirectiveStatus.CANNOT_RESOLVE,
                     DirectiveStatus.FORWARDED_UP, DirectiveStatus.CLOSED],
                    [5, 8, 4, 30, 6, 3, 4, 40],
                )[0]  # fmt: skip
            resolved_at = closed_at = None
            done_day = min(due + timedelta(days=rng2.randint(-15, 30)), TODAY)
            if status in (DirectiveStatus.RESOLVED, DirectiveStatus.CLOSED):
                resolved_at = at(done_day, rng2) if rng2.random() < 0.9 else None
            if status == DirectiveStatus.CLOSED:
                closed_at = at(min(done_day + timedelta(days=5), TODAY), rng2)
            directives.append(Directive(conclusion=notice, order=order, matter="Nhiệm vụ", status=status, due_date=due,
                                        lead_unit=rng2.choice(units) if rng2.random() > 0.02 else None,
                                        resolved_at=resolved_at, closed_at=closed_at))  # fmt: skip
    Directive.objects.bulk_create(directives, batch_size=2000)
    reset_sequences(Petition, PetitionGroup, Participant, SpeakerRequest)
    counts.update(
        petitions=petition_writer.count,
        groups=group_count,
        conferences=len(conferences),
        notices=len(notices),
        directives=len(directives),
        participants=Participant.objects.count(),
        interventions=SpeakerRequest.objects.count(),
        units=Unit.objects.count(),
    )
    return dict(counts)


# ---------------------------------------------------------------- the floor (bare SQL)


def local_date(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"(({column}) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date"
    return f"date({column}, '+25200 seconds')"


def floor_for(unit: Unit | None, start: date, end: date) -> Callable[[], dict]:
    """The statements of the dashboard written by hand: the same GROUP BY queries, the scope
    as a join on the unit path, run through the cursor. Returns their rows."""
    late_before = min(end + timedelta(days=1), TODAY)
    first = datetime(start.year, start.month, start.day, tzinfo=HANOI)
    after = datetime(end.year, end.month, end.day, tzinfo=HANOI) + timedelta(days=1)
    first, after = connection.ops.adapt_datetimefield_value(first), connection.ops.adapt_datetimefield_value(after)

    def scoped(alias: str, column: str) -> tuple[str, str, list]:
        if unit is None:
            return "", "", []
        return (
            f" JOIN organisation_unit {alias} ON {alias}.id = {column}",
            f" AND {alias}.path LIKE %s",
            [unit.path + "%"],
        )

    cj, cw, cp = scoped("u", "c.host_unit_id")
    conferences = f"SELECT c.id, c.status FROM plans_conference c{cj} WHERE c.date BETWEEN %s AND %s AND c.status <> 'cancelled'{cw}"
    conf_params = [d(start), d(end), *cp]
    pj, pw, pp = scoped("u", "p.receiving_unit_id")
    petitions_where = f"p.received_on BETWEEN %s AND %s{pw}"
    pet_params = [d(start), d(end), *pp]
    gj, gw, gp = scoped("u", "g.receiving_unit_id")
    dj, dw, dp = scoped("u", "n.issuing_unit_id")
    answered = "g.status = 'approved' AND g.approved_at IS NOT NULL"
    resolved = "g.followup_status IN ('resolved', 'closed') AND g.resolved_at IS NOT NULL"
    approved_day = local_date("g.approved_at")
    written_due = "g.answer_mode = 'written' AND g.due_date BETWEEN %s AND %s"
    open_statuses = "('assigned', 'in_progress', 'reported', 'partly_resolved', 'forwarded_up')"
    statements = [
        (f"SELECT COUNT(*), COUNT(*) FILTER (WHERE status = 'held') FROM ({conferences}) x", conf_params),
        (
            f"SELECT COUNT(*) FROM plans_participant WHERE attended AND conference_id IN (SELECT id FROM ({conferences}) x)",
            conf_params,
        ),
        (
            f"SELECT COUNT(*) FROM proceedings_speakerrequest WHERE status = 'done' AND conference_id IN "
            f"(SELECT id FROM ({conferences}) x)",
            conf_params,
        ),
        (
            f"SELECT p.field_id, p.level, p.channel, p.status, COUNT(*), COUNT(p.repeat_of_id) FROM petitions_petition p{pj} "
            f"WHERE {petitions_where} GROUP BY 1, 2, 3, 4",
            pet_params,
        ),
        (
            f"SELECT p.received_on, COUNT(*), COUNT(*) FILTER (WHERE {answered}), COUNT(*) FILTER (WHERE {resolved}) "
            f"FROM petitions_petition p{pj} LEFT JOIN petitions_petitiongroup g ON g.id = p.group_id "
            f"WHERE {petitions_where} GROUP BY 1",
            pet_params,
        ),
        (
            f"SELECT {approved_day}, COUNT(*) FROM petitions_petition p{pj} JOIN petitions_petitiongroup g ON g.id = p.group_id "
            f"WHERE {petitions_where} AND {answered} GROUP BY 1",
            pet_params,
        ),
        (
            f"SELECT {local_date('g.resolved_at')}, COUNT(*) FROM petitions_petition p{pj} "
            f"JOIN petitions_petitiongroup g ON g.id = p.group_id WHERE {petitions_where} AND {resolved} GROUP BY 1",
            pet_params,
        ),
    ]
    conditions = [
        (written_due, [d(start), d(end)]),
        (f"{written_due} AND g.status = 'approved' AND {approved_day} <= g.due_date", [d(start), d(end)]),
        (
            f"{written_due} AND g.status = 'approved' AND (g.approved_at IS NULL OR {approved_day} > g.due_date)",
            [d(start), d(end)],
        ),
        (f"{written_due} AND g.status <> 'approved' AND g.due_date < %s", [d(start), d(end), d(late_before)]),
        (f"{written_due} AND g.status <> 'approved' AND g.due_date >= %s", [d(start), d(end), d(late_before)]),
        ("g.followup_status IN ('resolved', 'closed') AND g.resolved_at >= %s AND g.resolved_at < %s", [first, after]),
        ("g.answer_mode = 'written' AND g.due_date < %s AND g.status <> 'approved'", [d(late_before)]),
        (f"g.followup_status IN {open_statuses} AND g.resolve_due < %s", [d(late_before)]),
    ]
    filters = ", ".join(f"COUNT(*) FILTER (WHERE {c})" for c, _ in conditions)
    any_of = " OR ".join(f"({c})" for c, _ in conditions)
    params = [p for _, ps in conditions for p in ps]
    statements.append(
        (
            f"SELECT g.lead_unit_id, {filters} FROM petitions_petitiongroup g{gj} WHERE ({any_of}){gw} GROUP BY 1",
            params + params + gp,
        )
    )
    done = "COALESCE(d.resolved_at, d.closed_at)"
    dconds = [
        ("n.issued_on BETWEEN %s AND %s", [d(start), d(end)]),
        (f"d.status IN ('resolved', 'closed') AND {done} >= %s AND {done} < %s", [first, after]),
        (f"d.status IN {open_statuses} AND d.due_date < %s", [d(late_before)]),
    ]
    dfilters = ", ".join(f"COUNT(*) FILTER (WHERE {c})" for c, _ in dconds)
    dany = " OR ".join(f"({c})" for c, _ in dconds)
    dparams = [p for _, ps in dconds for p in ps]
    statements.append(
        (
            f"SELECT d.lead_unit_id, d.status, {dfilters} FROM conclusions_directive d JOIN conclusions_conclusion n "
            f"ON n.id = d.conclusion_id{dj} WHERE n.status = 'issued' AND ({dany}){dw} GROUP BY 1, 2",
            dparams + dparams + dp,
        )
    )

    def run() -> dict:
        with connection.cursor() as cursor:
            out = []
            for sql, ps in statements:
                cursor.execute(sql, ps)
                out.append(cursor.fetchall())
            late_units = {r[0] for r in out[7] if r[0] and (r[7] or r[8])} | {r[0] for r in out[8] if r[0] and r[4]}
            fields = {r[0] for r in out[3] if r[0]}
            if late_units:
                cursor.execute(f"SELECT id, name FROM organisation_unit WHERE id IN ({', '.join(['%s'] * len(late_units))})",
                               list(late_units))  # fmt: skip
                out.append(cursor.fetchall())
            if fields:
                cursor.execute(f"SELECT id, name FROM petitions_field WHERE id IN ({', '.join(['%s'] * len(fields))})",
                               list(fields))  # fmt: skip
                out.append(cursor.fetchall())
        return {"rows": out}

    run.statements = statements  # type: ignore[attr-defined]
    return run


def floor_figures(result: dict) -> dict:
    """The headline figures from the floor's rows, to compare with the selector's."""
    rows = result["rows"]
    groups = rows[7]
    directives = rows[8]

    def col(table, i):
        return sum(r[i] for r in table)

    return {
        "conferences": rows[0][0][0],
        "conferences_held": rows[0][0][1],
        "participants": rows[1][0][0],
        "interventions": rows[2][0][0],
        "petitions": col(rows[3], 4),
        "repeats": col(rows[3], 5),
        "answered_petitions": col(rows[4], 2),
        "resolved_petitions": col(rows[4], 3),
        "answers_due": col(groups, 1),
        "answered_on_time": col(groups, 2),
        "answered_late": col(groups, 3),
        "answers_overdue": col(groups, 4),
        "answers_pending": col(groups, 5),
        "groups_resolved": col(groups, 6),
        "late_answers": col(groups, 7),
        "late_resolution": col(groups, 8),
        "directives_issued": col(directives, 2),
        "directives_resolved": col(directives, 3),
        "late_directives": col(directives, 4),
    }


# ---------------------------------------------------------------- the cases


class Cases:
    def __init__(self, country: Country) -> None:
        self.country = country
        officer = Client(HTTP_HOST="localhost")
        officer.force_login(country.officer)
        admin = Client(HTTP_HOST="localhost")
        admin.force_login(country.admin)
        province = country.provinces[0]
        year = (TODAY - timedelta(days=364), TODAY)
        everything = (TODAY - timedelta(days=365 * YEARS + 30), TODAY)
        self.cases: dict[str, tuple[Callable, Callable, dict]] = {}
        for period_name, (start, end) in (("year", year), ("5years", everything)):
            query = f"start={start:%d/%m/%Y}&end={end:%d/%m/%Y}"
            for scope_name, unit, client in (("province", province, officer), ("country", None, admin)):
                floor = floor_for(unit, start, end)
                info = {"unit": unit.name if unit else "whole country", "start": str(start), "end": str(end)}
                self.cases[f"selector_{scope_name}_{period_name}"] = (
                    lambda u=unit, s=start, e=end: selectors.unit_statistics(unit=u, start=s, end=e),
                    floor,
                    info,
                )
                url = f"/statistics/?unit={unit.pk if unit else ''}&{query}"
                self.cases[f"page_{scope_name}_{period_name}"] = (self.page(client, url), floor, {**info, "url": url})

    @staticmethod
    def page(client: Client, url: str) -> Callable[[], object]:
        def run():
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response

        return run

    def check(self) -> dict:
        """The floor gives the selector's figures, or the comparison means nothing."""
        checked = {}
        for name, (subject, floor, info) in self.cases.items():
            if not name.startswith("selector_"):
                continue
            stats = subject()
            theirs = floor_figures(floor())
            mine = {k: getattr(stats, k) for k in theirs}
            if mine != theirs:
                raise SystemExit(f"{name}: the floor does not match the selector:\n{mine}\n{theirs}")
            checked[name] = {**info, "figures": mine, "avg_days_to_answer": stats.avg_days_to_answer}
        return checked

    def run(self, names: list[str], *, repeat: int = REPEAT, prefix: str = "") -> dict:
        out = {}
        for name in names:
            subject, floor, info = self.cases[name]
            out[name] = {**base.compare(subject, floor, repeat=repeat), **info}
            base.report(prefix + name, out[name])
        return out

    def breakdown(self, name: str) -> dict:
        subject = self.cases[name][0]
        started = time.perf_counter()
        queries = base.query_breakdown(subject)
        total = (time.perf_counter() - started) * 1000
        return {"request_ms": round(total, 1), "sql_ms": round(sum(q["ms"] for q in queries), 1), "queries": queries}


# ---------------------------------------------------------------- candidate indexes

# The petitions of a period read from the index alone: the date first, then every petition
# column the dashboard's queries touch (the scope, the breakdowns, the group). The selector
# counts with COUNT(*) / COUNT(received_on), never COUNT(id), so PostgreSQL can answer
# with an index-only scan; on SQLite the index covers the queries as well.
PETITION_PERIOD_INDEX = (
    [
        "CREATE INDEX bench_petition_period ON petitions_petition "
        "(received_on, receiving_unit_id, field_id, level, channel, status, repeat_of_id, group_id)"
    ],
    ["DROP INDEX bench_petition_period"],
)
PETITION_PERIOD_MODEL_INDEX = (
    'models.Index(fields=["received_on", "receiving_unit", "field", "level", "channel", "status", '
    '"repeat_of", "group"], name="petition_period_stats")'
)


def run_experiments(cases: Cases, names: list[str]) -> dict:
    """The candidate index, on the benchmark database only (dropped afterwards); half the
    repetitions of the main run. Since migration petitions 0007 the index is part of the
    schema: the main run already has it, and the figures without it are those of
    bench/results before that migration (docs/statistics.md)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if "petition_period_stats" in connection.introspection.get_constraints(cursor, "petitions_petition"):
            print("index petition_period_stats is in the schema; no experiment", flush=True)
            return {}
    repeat = max(3, REPEAT // 2)
    what = (
        "index petitions_petition(received_on, receiving_unit_id, field_id, level, channel, status, "
        "repeat_of_id, group_id)"
    )
    print(f"with {what} ({repeat} runs):", flush=True)
    with base.temporary_sql(*PETITION_PERIOD_INDEX):
        results = cases.run(names, repeat=repeat, prefix="  ")
        plans = {
            name: [base.explain(sql, params) for sql, params in cases.cases[name][1].statements]
            for name in ("selector_province_year", "selector_country_year")
        }
    return {"petition_period_index": {"change": what, "model_meta": PETITION_PERIOD_MODEL_INDEX,
                                      "results": results, "floor_plans": plans}}  # fmt: skip


# ---------------------------------------------------------------- main


def main() -> int:
    base.recreate_database()
    started = time.perf_counter()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    country = Country()
    with transaction.atomic():
        counts = generate(country, PETITIONS)
    generated = time.perf_counter()
    base.analyse_database()
    analysed = time.perf_counter()
    vendor = connection.vendor
    print(
        f"{vendor}: {base.database_version()}; migrate {migrated - started:.1f} s; generated {counts['petitions']:,} "
        f"petitions, {counts['groups']:,} groups, {counts['directives']:,} directives, {counts['conferences']:,} "
        f"conferences in {generated - migrated:.1f} s (analyse {analysed - generated:.1f} s)",
        flush=True,
    )
    cases = Cases(country)
    checks = cases.check()
    for name, info in checks.items():
        f = info["figures"]
        print(f"    {name}: {f['petitions']:,} petitions, {f['answers_due']:,} answers due, "
              f"{f['late_directives']:,} late directives", flush=True)  # fmt: skip
    names = list(cases.cases)
    print(f"measured ({WARMUP} warm-up, {REPEAT} runs each):", flush=True)
    results = cases.run(names)
    breakdown = {name: cases.breakdown(name) for name in names if name.startswith("page_")}
    for name, b in breakdown.items():
        slowest = b["queries"][0]["ms"] if b["queries"] else 0
        print(f"    {name}: {b['request_ms']:.0f} ms with {len(b['queries'])} queries taking {b['sql_ms']:.0f} ms "
              f"(slowest {slowest:.0f} ms)", flush=True)  # fmt: skip
    plans = {}
    for name in ("selector_province_year", "selector_country_year"):
        statements = cases.cases[name][1].statements
        plans[name] = [base.explain(sql, params) for sql, params in statements]
    experiments = run_experiments(cases, names)
    payload = {
        "benchmark": "dashboard",
        "issue": 6,
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "django": django.get_version(),
        },
        "database": {"vendor": vendor, "version": base.database_version()},
        "settings": {
            "petitions": PETITIONS,
            "provinces": PROVINCES,
            "communes": COMMUNES,
            "repeat": REPEAT,
            "warmup": WARMUP,
            "today": str(TODAY),
        },
        "rows": counts,
        "seconds": {
            "migrate": round(migrated - started, 1),
            "generate": round(generated - migrated, 1),
            "analyse": round(analysed - generated, 1),
        },
        "checks": checks,
        "results": results,
        "queries": breakdown,
        "floor_plans": plans,
        "experiments": experiments,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"dashboard-{vendor}.json"
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    temporary.replace(target)
    print(f"written {os.path.relpath(target, ROOT)} ({time.perf_counter() - started:.0f} s in all)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
