# ruff: noqa: E501, S608
# (SQL of the floors is written out by hand; the values always go as parameters, only fixed
# column and table names are formatted in.)
"""Issue 8 benchmark: a national deployment, on PostgreSQL only.

Run by `bench/run.py` (or by hand) with DATABASE_URL naming a PostgreSQL database this
script may destroy (its name must contain “bench”; run.py uses doithoai_bench_national).
It:

1. builds the country: the 34 provinces and 3,321 communes of `load_admin_units`, each
   province's Party committee, Ban Dân vận, people's committee and nine agencies, each
   commune's people's committee, Party committee and villages; BENCH_NATIONAL_YEARS (10)
   years of plans and about BENCH_NATIONAL_CONFERENCES (10,000) conferences a year with
   their participants and interventions; BENCH_NATIONAL_PETITIONS (10,000,000) petitions
   whose texts come from the templates of bench/petitions.py (matter × place × wording,
   some without diacritics) with `search_folded` and `signature` computed by the
   application's own helpers; petition groups with answers in every state and follow-up;
   conclusion notices and directives in every state. Big tables go in with COPY
   (bench/dashboard.py's Writer) with their secondary indexes and foreign keys dropped
   and rebuilt afterwards, the usual bulk-load practice; the generation time is printed;
2. times, each against a floor measured in the same run (p50 and p95 of BENCH_NATIONAL_REPEAT
   runs): the staff petition list (filters, accent-insensitive search) as a province's
   synthesis officer and as an agency officer; the statistics dashboard of a province and
   of the whole country; duplicate suggestions for a new petition; the conclusion notice
   with 200 directives (DOCX) and the synthesis report of a conference of 500 petitions;
3. writes bench/results/national-postgresql.json and prints a table.

BENCH_NATIONAL_REUSE=1 keeps a database generated before with the same settings (only
`migrate` runs, so a new migration is measured on the full data), which is how the fixes
were measured without generating ten million rows again.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import platform
import random
import sys
import time
from bisect import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from functools import partial
from itertools import accumulate
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")  # settings need it for their development secret key

# The dashboard benchmark sets Django up and brings the shared helpers (petitions.py as
# `base`: database recreation, timing, the petition templates); its Writer does the COPY.
import dashboard as dash  # noqa: E402
import django  # noqa: E402
import petitions as base  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from dialogue.conclusions.models import (  # noqa: E402
    OPEN_DIRECTIVE_STATUSES,
    Conclusion,
    ConclusionStatus,
    Directive,
    DirectiveStatus,
)
from dialogue.lib.text import fold  # noqa: E402
from dialogue.organisation.factories import make_person  # noqa: E402
from dialogue.organisation.models import Unit, UnitKind  # noqa: E402
from dialogue.organisation.roles import Role  # noqa: E402
from dialogue.petitions import crossings, similarity  # noqa: E402
from dialogue.petitions.models import (  # noqa: E402
    AckKind,
    Answer,
    AnswerMode,
    AnswerStatus,
    Channel,
    Field,
    FollowUpStatus,
    GroupStatus,
    JurisdictionLevel,
    Petition,
    PetitionerKind,
    PetitionGroup,
    PetitionStatus,
    Support,
)
from dialogue.plans.models import Conference, ConferenceStatus, DocumentLayout, Participant, Plan, PlanStatus  # noqa: E402
from dialogue.proceedings.models import SpeakerRequest, SpeakerStatus  # noqa: E402
from dialogue.workcalendar.selectors import get_calendar  # noqa: E402

PETITIONS = dash._env_int("BENCH_NATIONAL_PETITIONS", default=10_000_000)
YEARS = dash._env_int("BENCH_NATIONAL_YEARS", default=10)
CONFERENCES_PER_YEAR = dash._env_int("BENCH_NATIONAL_CONFERENCES", default=10_000)
REPEAT = dash._env_int("BENCH_NATIONAL_REPEAT", "BENCH_REPEAT", default=20)
WARMUP = base.WARMUP
REUSE = os.environ.get("BENCH_NATIONAL_REUSE") == "1"
WORKERS = dash._env_int("BENCH_NATIONAL_WORKERS", default=os.cpu_count() or 1)
# Statements longer than this many seconds are cancelled and their case recorded as timed out
# (0: no limit). For measuring the code before the fixes, whose counts ran for many minutes.
TIMEOUT = dash._env_int("BENCH_NATIONAL_TIMEOUT", default=0)
PROVINCE = os.environ.get("BENCH_NATIONAL_PROVINCE", "Thái Nguyên")
SEED = 20261208
TODAY = base.TODAY
RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results"))
PROVINCIAL_PER_YEAR = 10  # the provincial secretary's and chairman's dialogues
REPORT_PETITIONS = 500  # the conference whose synthesis report is rendered
NOTICE_DIRECTIVES = 200  # the conclusion notice rendered
SETTINGS = {"petitions": PETITIONS, "years": YEARS, "conferences_per_year": CONFERENCES_PER_YEAR,
            "province": PROVINCE, "seed": SEED}  # fmt: skip
# Tables written in bulk: their foreign keys and secondary indexes are dropped during the
# load and rebuilt afterwards (the rebuild validates every foreign key).
BULK_MODELS = [Plan, Conference, Participant, SpeakerRequest, PetitionGroup, Petition, Answer, Support, Conclusion,
               Directive, Directive.supporting_units.through]  # fmt: skip


def elapsed(since: float) -> str:
    return f"{time.perf_counter() - since:.1f} s"


class FastRandom(random.Random):
    """random.Random whose integer draws skip the exact rejection sampling: the generator
    makes some hundred million draws, and the bias of int(random() * n) is irrelevant here.
    It serves bench/petitions.py's helpers (petition_text, status_for…) unchanged."""

    def __init__(self, seed: int) -> None:
        self._cumulative: dict[tuple, list] = {}
        super().__init__(seed)

    def _randbelow(self, n: int) -> int:
        return int(self.random() * n)

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        if k != 1 or weights is None or cum_weights is not None:
            return super().choices(population, weights, cum_weights=cum_weights, k=k)
        key = tuple(weights)
        cumulative = self._cumulative.get(key)
        if cumulative is None:
            cumulative = self._cumulative[key] = list(accumulate(weights))
        return [population[bisect(cumulative, self.random() * cumulative[-1])]]


def moment(day: date, rng: random.Random) -> str:
    """dashboard.at as COPY text: a moment of office hours on `day` in Hà Nội, now and then
    late in the evening (after 17:00 UTC it is the next day in Hà Nội)."""
    hour = OFFICE_HOURS[int(rng.random() * 6)] if rng.random() < 0.9 else 23
    return f"{day} {hour:02d}:{int(rng.random() * 60):02d}:00+07"


class DayText(dict):
    """date -> its ISO text, each computed once (the loader writes tens of millions)."""

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text


OFFICE_HOURS = (8, 9, 10, 14, 15, 16)
NULL = "\\N"


class FastWriter(dash.Writer):
    """dashboard.Writer with each row formatted as COPY text here and sent in blocks: the
    per-value adaptation of psycopg's write_row was most of the load time. Strings must
    hold no tab, newline or backslash (the generated texts are checked where they are
    made); dates, timestamps, numbers and booleans are written with str()."""

    def __init__(self, model, columns: list[str]) -> None:
        super().__init__(model, columns)
        self.fixed_text = "".join("\t" + _copy_value(v) for v in self.fixed)

    def write(self, rows) -> None:
        cols = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        block: list[str] = []
        fixed = self.fixed_text + "\n"
        statement = f"COPY {connection.ops.quote_name(self.table)} ({cols}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                block.append(
                    "\t".join([v if v.__class__ is str else (NULL if v is None else str(v)) for v in row]) + fixed
                )
                if len(block) >= 5000:
                    copy.write("".join(block))
                    self.count += len(block)
                    block.clear()
            if block:
                copy.write("".join(block))
                self.count += len(block)


def _copy_value(value) -> str:
    if value is None:
        return NULL
    if hasattr(value, "obj"):  # psycopg's Jsonb wrapper of a JSONField default
        return json.dumps(value.obj)
    return str(value)


def check_text(*texts: str) -> None:
    for text in texts:
        if any(ch in text for ch in "\t\n\r\\"):
            raise SystemExit(f"a generated text holds a character COPY would need escaped: {text!r}")


# ---------------------------------------------------------------- bulk loading


class BulkLoad:
    """Drop the secondary indexes and foreign keys of some tables, then build them again."""

    def __init__(self, models) -> None:
        self.tables = [m._meta.db_table for m in models]
        self.indexes: list[tuple[str, str]] = []
        self.foreign_keys: list[tuple[str, str, str]] = []
        with connection.cursor() as cursor:
            for table in self.tables:
                cursor.execute(
                    "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                    "WHERE i.indrelid = %s::regclass AND NOT EXISTS "
                    "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
                    [table],
                )
                self.indexes += cursor.fetchall()
                cursor.execute(
                    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'",
                    [table],
                )
                self.foreign_keys += [(table, name, definition) for name, definition in cursor.fetchall()]

    def drop(self) -> None:
        with connection.cursor() as cursor:
            for table, name, _definition in self.foreign_keys:
                cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            for name, _definition in self.indexes:
                cursor.execute(f"DROP INDEX {name}")

    def rebuild(self) -> dict:
        timings = {}
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '1GB'")
            for name, definition in self.indexes:
                started = time.perf_counter()
                cursor.execute(definition)
                timings[name] = round(time.perf_counter() - started, 1)
            started = time.perf_counter()
            for table, name, definition in self.foreign_keys:
                cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
            timings["foreign keys"] = round(time.perf_counter() - started, 1)
            cursor.execute("RESET maintenance_work_mem")
        return timings


# ---------------------------------------------------------------- the country

AGENCY_KEYS = list(base.AGENCIES)


class Nation:
    """The real provinces and communes, and the bodies and villages the data need."""

    def __init__(self) -> None:
        from dialogue.organisation.admin_units import admin_units_load

        started = time.perf_counter()
        admin_units_load()
        kinds = {k.code: k for k in UnitKind.objects.all()}
        self.provinces = list(Unit.objects.filter(kind__code="province", parent__isnull=True).order_by("code"))
        communes = list(Unit.objects.filter(kind__code="commune").order_by("code"))
        print(f"  {len(self.provinces)} provinces, {len(communes)} communes loaded in {elapsed(started)}", flush=True)
        rng = FastRandom(SEED)
        next_id = (Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        rows: list[tuple] = []

        def unit(kind: str, parent: SimpleNamespace, name: str, short: str = "") -> SimpleNamespace:
            nonlocal next_id
            k = kinds[kind]
            u = SimpleNamespace(pk=next_id, name=name, short_name=short, path=f"{parent.path}{next_id}/",
                                depth=parent.depth + 1, level=k.level if k.level is not None else parent.level)  # fmt: skip
            rows.append((u.pk, k.pk, parent.pk, name, short, fold(name), "", u.level, u.path, u.depth))
            next_id += 1
            return u

        self.bodies: dict[int, dict] = {}
        self.communes: dict[int, list[Unit]] = defaultdict(list)
        self.commune_ubnd: dict[int, SimpleNamespace] = {}
        self.commune_party: dict[int, SimpleNamespace] = {}
        self.villages: dict[int, list[SimpleNamespace]] = {}
        self.province_of: dict[int, Unit] = {}
        for p in self.provinces:
            city = p.name.startswith("Thành phố")
            short = p.short_name or p.name
            committee = unit("party_committee", p, f"{'Thành ủy' if city else 'Tỉnh ủy'} {short}", short)
            people = unit("people_committee", p, f"Ủy ban nhân dân {p.name[0].lower()}{p.name[1:]}")
            agencies = {}
            for key, (name, kind) in base.AGENCIES.items():
                label = f"Công ty Điện lực {short}" if key == "dien_luc" else (
                    f"Công an {p.name[0].lower()}{p.name[1:]}" if key == "cong_an" else f"{name} {p.name[0].lower()}{p.name[1:]}")  # fmt: skip
                agencies[key] = unit(kind, people, label)
            self.bodies[p.pk] = {
                "party": committee,
                "dan_van": unit("party_board", committee, f"Ban Dân vận {'Thành ủy' if city else 'Tỉnh ủy'}"),
                "people": people,
                "agencies": agencies,
            }
        for c in communes:
            self.communes[c.parent_id].append(c)
            lower = f"{c.name[0].lower()}{c.name[1:]}"
            self.commune_ubnd[c.pk] = unit("people_committee", c, f"Ủy ban nhân dân {lower}")
            self.commune_party[c.pk] = unit("party_committee", c, f"Đảng ủy {lower}")
            self.villages[c.pk] = [
                unit("village", c, f"Thôn {v}") for v in rng.sample(base.VILLAGES, rng.randint(4, 7))
            ]
        for p in self.provinces:
            for c in self.communes[p.pk]:
                self.province_of[c.pk] = p
        writer = FastWriter(Unit, ["id", "kind_id", "parent_id", "name", "short_name", "name_folded", "code", "level",
                                    "path", "depth"])  # fmt: skip
        writer.write(rows)
        dash.reset_sequences(Unit)
        self.province = next(p for p in self.provinces if PROVINCE in p.name)
        bodies = self.bodies[self.province.pk]
        self.people = self._people(bodies)
        print(f"  {writer.count:,} bodies and villages in {elapsed(started)}", flush=True)

    def _people(self, bodies: dict) -> dict[str, int]:
        officer = make_person("minh", "Trần Thị Minh", organisation=Unit.objects.get(pk=bodies["dan_van"].pk),
                              roles=[(Role.SYNTHESIS, self.province)])  # fmt: skip
        agency = Unit.objects.get(pk=bodies["agencies"]["nnmt"].pk)
        agency_officer = make_person("an", "Lê Văn An", organisation=agency, roles=[(Role.AGENCY, agency)])
        admin = make_person("quantri", "Nguyễn Văn Quản", roles=[(Role.ADMIN, None)])
        return {"officer": officer.pk, "agency_officer": agency_officer.pk, "admin": admin.pk}


# ---------------------------------------------------------------- texts


def _commune_texts(job: tuple) -> list[tuple]:
    """Distinct petition texts of one commune with the fields the intake service computes:
    (matter index, village index, content, signature, folded content). Run in a worker."""
    seed, short_name, village_names, count = job
    rng = FastRandom(seed)
    commune = SimpleNamespace(pk=0, short_name=short_name)
    villages = [SimpleNamespace(pk=i, name=name) for i, name in enumerate(village_names)]
    weights = [m[4] for m in base.MATTERS]
    out, seen = [], set()
    for _ in range(count * 3):
        matter = rng.choices(range(len(base.MATTERS)), weights)[0]
        village = rng.randrange(len(villages))
        text = base.petition_text(rng, base.MATTERS[matter], commune, villages, villages[village])
        if text in seen:
            continue
        seen.add(text)
        signature, folded = similarity.signature(text), fold(text)
        check_text(text, signature, folded)
        out.append((matter, village, text, signature, folded))
        if len(out) == count:
            break
    return out


def text_pools(nation: Nation, per_commune: int) -> dict[int, list[tuple]]:
    """Each commune's texts, computed on every core. The database connection is closed
    first so that no forked worker shares its socket."""
    jobs, keys = [], []
    for communes in nation.communes.values():
        for c in communes:
            names = [v.name for v in nation.villages[c.pk]]
            jobs.append((SEED + c.pk, c.short_name or c.name, names, per_commune))
            keys.append(c.pk)
    connection.close()
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
        results = pool.map(_commune_texts, jobs, chunksize=16)
    return dict(zip(keys, results, strict=True))


# ---------------------------------------------------------------- conferences


def make_conferences(nation: Nation) -> list[SimpleNamespace]:
    """Plans and conferences of YEARS years, oldest first (their participants and
    interventions are written with their petitions)."""
    rng = FastRandom(SEED + 1)
    first_day = TODAY - timedelta(days=365 * YEARS) + timedelta(days=40)
    span = (TODAY - first_day).days
    communes = [c for p in nation.provinces for c in nation.communes[p.pk]]
    commune_slots = max(0, CONFERENCES_PER_YEAR - PROVINCIAL_PER_YEAR * len(nation.provinces))
    base_count, extra = divmod(commune_slots, max(1, len(communes)))
    plans, conferences = [], []
    plan_id = conf_id = 0
    for y in range(YEARS):
        lo = first_day + timedelta(days=y * span // YEARS)
        hi = first_day + timedelta(days=(y + 1) * span // YEARS - 1)
        extra_communes = set(rng.sample(range(len(communes)), extra)) if extra else set()
        for p in nation.provinces:
            bodies = nation.bodies[p.pk]
            plan_id += 1
            plans.append((plan_id, bodies["party"].pk, DocumentLayout.PARTY, "TỈNH ỦY", 100 + y, "KH/TU", hi.year,
                          p.short_name or p.name, f"Kế hoạch đối thoại năm {hi.year}", PlanStatus.ISSUED))  # fmt: skip
            for order in range(PROVINCIAL_PER_YEAR):
                day = lo + timedelta(days=(order * (hi - lo).days) // PROVINCIAL_PER_YEAR + rng.randint(0, 20))
                conf_id += 1
                conferences.append(SimpleNamespace(pk=conf_id, plan=plan_id, order=order, host=p.pk, date=day,
                                                   province=p, commune=None, receiving=bodies["dan_van"].pk,
                                                   issuer=bodies["party"], status=None))  # fmt: skip
        for index, c in enumerate(communes):
            count = base_count + (index in extra_communes)
            if not count:
                continue
            party = nation.commune_party[c.pk]
            plan_id += 1
            plans.append((plan_id, party.pk, DocumentLayout.PARTY, "ĐẢNG ỦY XÃ", 10 + y, "KH/ĐU", hi.year, c.short_name or c.name,
                          f"Kế hoạch đối thoại năm {hi.year}", PlanStatus.ISSUED))  # fmt: skip
            for order in range(count):
                day = lo + timedelta(days=rng.randint(0, (hi - lo).days))
                conf_id += 1
                conferences.append(SimpleNamespace(pk=conf_id, plan=plan_id, order=order, host=c.pk, date=day,
                                                   province=nation.province_of[c.pk], commune=c, receiving=c.pk,
                                                   issuer=party, status=None))  # fmt: skip
    for conf in conferences:
        if conf.date > TODAY + timedelta(days=20):
            conf.status = ConferenceStatus.SCHEDULED
        elif rng.random() < 0.03:
            conf.status = ConferenceStatus.CANCELLED
        elif conf.date > TODAY:
            conf.status = ConferenceStatus.SCHEDULED
        else:
            conf.status = ConferenceStatus.HELD
    FastWriter(Plan, ["id", "issuing_unit_id", "layout", "issuer_line", "number", "symbol", "year", "place", "title",
                       "status"]).write(plans)  # fmt: skip

    def title(c: SimpleNamespace) -> str:
        if c.commune is None:
            return f"Hội nghị Bí thư Tỉnh ủy đối thoại trực tiếp với Nhân dân lần {c.order + 1} năm {c.date.year}"
        return f"Hội nghị đối thoại giữa Bí thư Đảng ủy {c.commune.name[0].lower()}{c.commune.name[1:]} với Nhân dân năm {c.date.year}"

    FastWriter(Conference, ["id", "plan_id", "order", "host_unit_id", "date", "status", "title"]).write(
        (c.pk, c.plan, c.order, c.host, c.date, c.status, title(c)) for c in conferences
    )
    conferences.sort(key=lambda c: (c.date, c.pk))
    return conferences


# ---------------------------------------------------------------- petitions and groups

ANSWERS = (
    "{lead} đã kiểm tra thực tế, tiếp thu ý kiến của cử tri và đưa nội dung này vào kế hoạch năm {year}; "
    "dự kiến hoàn thành trong quý {quarter}/{year}.",
    "Qua rà soát, {lead} trả lời: nội dung cử tri phản ánh là đúng; đơn vị đã chỉ đạo bộ phận chuyên môn "
    "xử lý, kết quả sẽ được công khai tại nhà văn hóa thôn.",
    "{lead} đã phối hợp với các cơ quan liên quan làm việc với các hộ dân; vụ việc đã được giải quyết theo "
    "đúng quy định của pháp luật.",
)


def group_state(rng: random.Random, conference_day: date, due: date) -> tuple:
    """(status, answer mode, approved_at, follow-up, resolve due, resolved_at)."""
    status = base.group_status_for(rng, conference_day)
    old = (TODAY - conference_day).days > OLD_DAYS
    if old and status != GroupStatus.APPROVED and rng.random() < 0.8:
        status = GroupStatus.APPROVED  # years on, most answers were given in the end
    mode = AnswerMode.LIVE if rng.random() < 0.05 else AnswerMode.WRITTEN
    approved_at = resolved_at = resolve_due = None
    follow = FollowUpStatus.NONE
    if status == GroupStatus.APPROVED:
        late = rng.random() < 0.3
        day = due + timedelta(days=rng.randint(1, 40)) if late else due - timedelta(days=rng.randint(0, 14))
        day = min(max(day, conference_day), TODAY)
        approved_at = moment(day, rng)
        resolve_due = day + timedelta(days=45)
        follow = rng.choices(
            [FollowUpStatus.RESOLVED, FollowUpStatus.CLOSED, FollowUpStatus.IN_PROGRESS, FollowUpStatus.PARTLY_RESOLVED,
             FollowUpStatus.REPORTED, FollowUpStatus.ASSIGNED, FollowUpStatus.FORWARDED_UP, FollowUpStatus.CANNOT_RESOLVE,
             FollowUpStatus.NONE],
            [30, 20, 15, 5, 5, 10, 3, 2, 10],
        )[0]  # fmt: skip
        if old and follow in OPEN_FOLLOW_UP and rng.random() < 0.85:
            follow = FollowUpStatus.CLOSED
        if follow in (FollowUpStatus.RESOLVED, FollowUpStatus.CLOSED):
            resolved_at = moment(min(day + timedelta(days=rng.randint(5, 120)), TODAY), rng)
    return status, mode, approved_at, follow, resolve_due, resolved_at


# The weights of bench/dashboard.py leave a quarter of answers, follow-ups and directives
# open for ever; over ten years that would make a million matters late. After two years
# most of them are closed here, as they would be.
OLD_DAYS = 730
OPEN_FOLLOW_UP = (FollowUpStatus.IN_PROGRESS, FollowUpStatus.PARTLY_RESOLVED, FollowUpStatus.REPORTED,
                  FollowUpStatus.ASSIGNED, FollowUpStatus.FORWARDED_UP)  # fmt: skip


# What a directive asks, from the first wording of each matter (“… về sửa chữa, nâng cấp tuyến đường liên thôn”).
DIRECTIVE_MATTERS = [
    "Chỉ đạo kiểm tra, giải quyết dứt điểm kiến nghị của cử tri về "
    + m[5][0].split(",")[0].split(" {")[0].lower().removeprefix("đề nghị ")
    for m in base.MATTERS
]


def report_conference(nation: Nation, conferences: list[SimpleNamespace]) -> SimpleNamespace:
    """A provincial dialogue of the measured province held in the last year: it gets
    500 petitions, most of them merged and answered, and a notice of 200 directives."""
    province = nation.province
    held = [c for c in conferences if c.commune is None and c.province.pk == province.pk
            and c.status == ConferenceStatus.HELD and 60 < (TODAY - c.date).days < 365]  # fmt: skip
    return held[-1]


def shares(conferences: list[SimpleNamespace], report: SimpleNamespace, total: int) -> list[int]:
    """Petitions per conference: a provincial dialogue draws three times a commune's;
    cancelled and past unheld conferences get none; the report conference exactly 500."""
    weights = [
        0 if c.status == ConferenceStatus.CANCELLED or (c.status != ConferenceStatus.HELD and c.date <= TODAY)
        else (3 if c.commune is None else 1)
        for c in conferences
    ]  # fmt: skip
    target = conferences.index(report)
    rest = max(0, total - REPORT_PETITIONS)
    weights[target] = 0
    whole = sum(weights)
    per = [rest * w // whole for w in weights]
    leftover = rest - sum(per)
    for i in range(len(per) - 1, -1, -1):
        if leftover <= 0:
            break
        if weights[i]:
            per[i] += 1
            leftover -= 1
    per[target] = min(REPORT_PETITIONS, total)
    return per


class Generator:
    """Writes the petitions of every conference in date order (as they would have
    arrived), then the groups, answers and supports they refer to."""

    def __init__(self, nation: Nation, conferences: list[SimpleNamespace], pools: dict[int, list[tuple]],
                 *, share: int = 0, workers: int = 1) -> None:  # fmt: skip
        self.nation = nation
        self.conferences = conferences
        self.pools = pools
        self.share = share
        self.rng = FastRandom(SEED + 2 + 1000 * share)
        # Each worker writes the conferences of every `workers`-th province, in date order; the
        # petitions of conference i take ids from first[i] on (their groups the same ids).
        position = {p.pk: i for i, p in enumerate(nation.provinces)}
        self.mine = [position[c.province.pk] % workers == share for c in conferences]
        self.calendar = get_calendar()
        self.fields = dict(Field.objects.values_list("code", "pk"))
        self.officer = nation.people["officer"]
        self.groups: list[tuple] = []
        self.answers: list[tuple] = []
        self.supports: list[tuple] = []
        self.group_ids: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # conference -> (group, lead, matter)
        self.counts: Counter = Counter()
        self.report_conference = report_conference(nation, conferences)
        self.per = shares(conferences, self.report_conference, PETITIONS)
        self.first = [0, *accumulate(self.per)]
        rng = FastRandom(SEED + 5)
        self.names = []
        for _ in range(4000):
            name = base.person_name(rng)
            self.names.append((name, fold(name)))
        self._folded: dict[str, str] = {}
        self._ack: dict[date, date] = {}
        self._due: dict[date, date] = {}

    def fold_cached(self, text: str) -> str:
        folded = self._folded.get(text)
        if folded is None:
            folded = self._folded[text] = fold(text)
        return folded

    def _places(self) -> None:
        """Each commune as plain values (attribute access on Django models was a tenth of
        the generation time), and each province's lead agency of each matter."""
        nation = self.nation
        self.places: dict[int, SimpleNamespace] = {}
        self.province_places: dict[int, list[SimpleNamespace]] = {}
        self.leads: dict[int, list[int | None]] = {}
        self.unit_names: dict[int, str] = {}
        for p in nation.provinces:
            agencies = nation.bodies[p.pk]["agencies"]
            self.leads[p.pk] = [None if m[3] == "xa" else agencies[m[3]].pk for m in base.MATTERS]
            self.unit_names.update({a.pk: a.name for a in agencies.values()})
            places = []
            for c in nation.communes[p.pk]:
                ubnd = nation.commune_ubnd[c.pk]
                self.unit_names[ubnd.pk] = ubnd.name
                place = SimpleNamespace(
                    pk=c.pk, lower=f"{c.name[0].lower()}{c.name[1:]}", short=c.short_name or c.name, ubnd=ubnd.pk,
                    villages=[(v.pk, v.name.removeprefix("Thôn ")) for v in nation.villages[c.pk]], pool=self.pools[c.pk],
                )  # fmt: skip
                self.places[c.pk] = place
                places.append(place)
            self.province_places[p.pk] = places

    def petition_rows(self) -> Iterator[tuple]:
        self._places()
        rng = self.rng
        random_ = rng.random
        matters = base.MATTERS
        fields = [self.fields[m[1]] for m in matters]
        channels = [c for c, _ in base.CHANNELS if c != Channel.ONLINE]
        channel_cum = list(accumulate(w for c, w in base.CHANNELS if c != Channel.ONLINE))
        organisations = base.ORGANISATIONS
        names = self.names
        earlier: dict[tuple[int, int], list[int]] = defaultdict(list)
        triaged_at = str(timezone.now())
        officer = self.officer
        days = DayText()
        grouped, withdrawn, forwarded, received_status = (
            PetitionStatus.GROUPED, PetitionStatus.WITHDRAWN, PetitionStatus.FORWARDED, PetitionStatus.RECEIVED)  # fmt: skip
        online_channel, organisation_channel = Channel.ONLINE, Channel.PAPER_ORGANISATION
        citizen, organisation_kind = PetitionerKind.CITIZEN, PetitionerKind.ORGANISATION
        accepted, forwarded_ack = AckKind.ACCEPTED, AckKind.FORWARDED
        tinh = JurisdictionLevel.TINH
        for index, conf in enumerate(self.conferences):
            n = self.per[index]
            if not n or not self.mine[index]:
                continue
            pid = self.first[index]
            next_group = self.first[index]
            report = conf is self.report_conference
            leads = self.leads[conf.province.pk]
            places = self.province_places[conf.province.pk]
            single = self.places[conf.commune.pk] if conf.commune else None
            groups_here: dict[tuple[int, int], list] = {}
            for _ in range(n):
                pid += 1
                place = single or places[int(random_() * len(places))]
                pool = place.pool
                matter_index, village_index, content, signature, folded = pool[int(random_() * len(pool))]
                matter = matters[matter_index]
                village_pk, village_name = place.villages[village_index]
                online = random_() < 0.05 and not report
                if online:
                    channel = online_channel
                    received = conf.date - timedelta(days=int(random_() * 301))
                else:
                    channel = channels[bisect(channel_cum, random_() * channel_cum[-1])]
                    received = conf.date - timedelta(days=int(random_() * 31))
                if received > TODAY:
                    received = TODAY
                status = base.status_for(rng, received)
                if report and status != withdrawn:
                    status = grouped
                ack_due = self._ack.get(received)
                if ack_due is None:
                    ack_due = self._ack[received] = self.calendar.add(received, 10)
                acknowledged = None
                if ack_due < TODAY and random_() < 0.9:
                    acknowledged = min(received + timedelta(days=1 + int(random_() * 16)), TODAY)
                triaged = status != received_status and not (status == withdrawn and random_() < 0.5)
                level = matter[2] if random_() < 0.9 else tinh
                lead = leads[matter_index] or place.ubnd
                name = organisation = ""
                folded_parts = [folded]
                if channel == organisation_channel:
                    organisation = organisations[int(random_() * len(organisations))].format(
                        thon=village_name, xa=place.short
                    )
                    folded_parts.append(self.fold_cached(organisation))
                elif random_() < 0.9:
                    name, folded_name = names[int(random_() * len(names))]
                    folded_parts.append(folded_name)
                address = ""
                if random_() < 0.8:
                    address = f"thôn {village_name}, {place.lower}"
                    folded_parts.append(self.fold_cached(address))
                key = (matter_index, place.pk)
                before = earlier[key]
                repeat = None
                if before and random_() < 0.12:
                    repeat = before[-1 - int(random_() * min(20, len(before)))]
                before.append(pid)
                if len(before) > 40:
                    del before[:20]
                group = None
                if status == grouped and not online:
                    # A commune's conference merges a matter, the province's a matter per commune.
                    gkey = (matter_index, 0 if single else place.pk)
                    found = groups_here.get(gkey)
                    if found is None:
                        next_group += 1
                        found = groups_here[gkey] = (next_group, matter_index, lead, village_name, place, content,
                                                     folded, level)  # fmt: skip
                    group = found[0]
                yield (pid, None if online else conf.pk, conf.receiving, channel,
                       organisation_kind if organisation else citizen, name,
                       f"09{10_000_000 + int(random_() * 90_000_000)}" if random_() < 0.5 else "", address,
                       village_pk if address else None, organisation, content, " ".join(folded_parts), signature,
                       days[received], days[ack_due], days[acknowledged] if acknowledged else None,
                       (forwarded_ack if status == forwarded else accepted) if acknowledged else "",
                       fields[matter_index] if triaged else None, level if triaged else "",
                       lead if triaged and status == forwarded else None,
                       officer if triaged else None, triaged_at if triaged else None, group, repeat, status,
                       officer, f"DT-{pid:08X}" if online else None, online and random_() < 0.2)  # fmt: skip
            self._groups_of(conf, groups_here)
            self.counts["petitions"] += n

    def _groups_of(self, conf: SimpleNamespace, groups_here: dict) -> None:
        rng = self.rng
        due = self._due.get(conf.date)
        if due is None:
            due = self._due[conf.date] = self.calendar.add(conf.date, 15)
        report = conf is self.report_conference
        agencies = [pk for pk in self.leads[conf.province.pk] if pk]
        for gid, matter_index, lead, village_name, place, content, folded, level in groups_here.values():
            matter = base.MATTERS[matter_index]
            prefix = f"Cử tri thôn {village_name}, {place.lower}: "
            status, mode, approved_at, follow, resolve_due, resolved_at = group_state(rng, conf.date, due)
            if report and rng.random() < 0.85:
                status, mode = GroupStatus.APPROVED, AnswerMode.WRITTEN
                approved_at = approved_at or moment(min(due, TODAY), rng)
            answer = ANSWERS[int(rng.random() * len(ANSWERS))].format(
                lead=self.unit_names[lead], year=conf.date.year, quarter=1 + int(rng.random() * 4)
            )
            approved = status == GroupStatus.APPROVED
            self.groups.append((gid, conf.pk, conf.receiving, prefix + content, self.fold_cached(prefix) + " " + folded,
                                self.fields[matter[1]], level, lead, due, mode, status, approved_at, follow,
                                resolve_due, resolved_at, answer if approved else "", self.officer,
                                self.officer if approved else None))  # fmt: skip
            self.group_ids[conf.pk].append((gid, lead, matter_index))
            if status in (GroupStatus.SUBMITTED, GroupStatus.RETURNED, GroupStatus.APPROVED):
                submitted = moment(min(due, TODAY), rng)
                if status == GroupStatus.RETURNED or (approved and rng.random() < 0.15):
                    self.answers.append((gid, "Dự thảo trả lời chưa nêu rõ thời gian thực hiện.", None, submitted,
                                         AnswerStatus.RETURNED, self.officer, submitted))  # fmt: skip
                if status != GroupStatus.RETURNED:
                    self.answers.append((gid, answer, None, submitted,
                                         AnswerStatus.APPROVED if approved else AnswerStatus.SUBMITTED,
                                         self.officer if approved else None, approved_at))  # fmt: skip
            if matter[3] != "xa" and rng.random() < 0.2:
                others = [a for a in agencies if a != lead]
                self.supports.append((gid, others[int(rng.random() * len(others))]))

    def people_rows(self) -> tuple[Iterator[tuple], Iterator[tuple]]:
        """Participants (checked in or not) and interventions of this worker's conferences."""
        rng = FastRandom(SEED + 4 + 1000 * self.share)
        statuses = [SpeakerStatus.DONE] * 8 + [SpeakerStatus.WITHDRAWN, SpeakerStatus.WAITING]
        mine = [c for c, m in zip(self.conferences, self.mine, strict=True) if m]

        def participants():
            for conf in mine:
                held = conf.status == ConferenceStatus.HELD
                for i in range(rng.randint(15, 40)):
                    yield (conf.pk, f"Đại biểu {i + 1}", (rng.random() < 0.75) if held else None, False,
                           f"{conf.pk:08x}-0000-4000-8000-{i:012x}")  # fmt: skip

        def speakers():
            for conf in mine:
                if conf.status == ConferenceStatus.HELD:
                    for i in range(rng.randint(3, 10)):
                        yield (conf.pk, i + 1, f"Cử tri {i + 1}", rng.choice(dash.TEXTS), rng.choice(statuses))

        return participants(), speakers()

    def write(self) -> dict:
        label = f"  [{self.share + 1}]"
        started = time.perf_counter()
        participants, speakers = self.people_rows()
        written = FastWriter(Participant, ["conference_id", "full_name", "attended", "walk_in", "token"])
        written.write(participants)
        self.counts["participants"] = written.count
        written = FastWriter(SpeakerRequest, ["conference_id", "position", "speaker_name", "matter", "status"])
        written.write(speakers)
        self.counts["interventions"] = written.count
        print(f"{label} {self.counts['participants']:,} participants, {written.count:,} interventions in "
              f"{elapsed(started)}", flush=True)  # fmt: skip
        started = time.perf_counter()
        petitions = FastWriter(Petition, [
            "id", "conference_id", "receiving_unit_id", "channel", "petitioner_kind", "name", "phone", "address",
            "address_unit_id", "organisation", "content", "search_folded", "signature", "received_on", "ack_due",
            "acknowledged_on", "ack_kind", "field_id", "level", "competent_unit_id", "triaged_by_id", "triaged_at",
            "group_id", "repeat_of_id", "status", "created_by_id", "tracking_code", "identity_protected"])  # fmt: skip
        petitions.write(self.petition_rows())
        print(f"{label} {petitions.count:,} petitions in {elapsed(started)}", flush=True)
        started = time.perf_counter()
        FastWriter(PetitionGroup, [
            "id", "conference_id", "receiving_unit_id", "summary", "search_folded", "field_id", "level", "lead_unit_id",
            "due_date", "answer_mode", "status", "approved_at", "followup_status", "resolve_due", "resolved_at",
            "answer_text", "created_by_id", "approved_by_id"]).write(self.groups)  # fmt: skip
        FastWriter(Answer, ["group_id", "text", "submitted_by_id", "submitted_at", "status", "reviewed_by_id",
                             "reviewed_at"]).write(self.answers)  # fmt: skip
        FastWriter(Support, ["group_id", "unit_id"]).write(self.supports)
        self.counts.update(groups=len(self.groups), answers=len(self.answers), supports=len(self.supports))
        print(f"{label} {len(self.groups):,} groups, {len(self.answers):,} answers, {len(self.supports):,} supports in "
              f"{elapsed(started)}", flush=True)  # fmt: skip
        self.groups = self.answers = self.supports = []
        started = time.perf_counter()
        self.counts.update(self.conclusions())
        print(f"{label} {self.counts['notices']:,} conclusion notices, {self.counts['directives']:,} directives in "
              f"{elapsed(started)}", flush=True)  # fmt: skip
        return dict(self.counts)

    def conclusions(self) -> dict:
        """A notice for each held conference (issued a week later; the last weeks' still in
        draft or approved), with directives in every state, some with supporting units."""
        rng = FastRandom(SEED + 3 + 1000 * self.share)
        numbers: Counter = Counter()
        notices, directives, supporting = [], [], []
        for conf, mine in zip(self.conferences, self.mine, strict=True):
            if conf.status != ConferenceStatus.HELD or not mine:
                continue
            issued = conf.date + timedelta(days=7)
            report = conf is self.report_conference
            status = ConclusionStatus.ISSUED
            if issued > TODAY or (not report and rng.random() < 0.01):
                status = rng.choice([ConclusionStatus.DRAFT, ConclusionStatus.APPROVED])
            notice_id = conf.pk  # one notice per conference; its directives numbered from conf.pk * 1000
            number = None
            if status == ConclusionStatus.ISSUED:
                numbers[(conf.issuer.pk, issued.year)] += 1
                number = numbers[(conf.issuer.pk, issued.year)]
            notices.append((notice_id, conf.pk, conf.issuer.pk, DocumentLayout.PARTY, conf.issuer.name.upper(), number,
                            "TB/TU" if conf.commune is None else "TB/ĐU", issued.year, conf.province.short_name or "—",
                            issued if status == ConclusionStatus.ISSUED else None, issued,
                            "Thông báo kết luận của đồng chí Bí thư tại Hội nghị đối thoại với Nhân dân",
                            "Ngày " + f"{conf.date:%d/%m/%Y}" + ", Hội nghị đối thoại trực tiếp với Nhân dân đã được tổ chức.",
                            "Đồng chí Bí thư kết luận và giao nhiệm vụ như sau:",
                            "Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện và báo cáo kết quả./.",
                            "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Bình", status,
                            (moment(issued, rng)) if status == ConclusionStatus.ISSUED else None))  # fmt: skip
            groups = self.group_ids.get(conf.pk, [])
            if conf.commune is None:
                units = [a.pk for a in self.nation.bodies[conf.province.pk]["agencies"].values()]
            else:
                units = [self.nation.commune_ubnd[conf.commune.pk].pk] * 6 + [
                    a.pk for a in self.nation.bodies[conf.province.pk]["agencies"].values()]  # fmt: skip
            count = NOTICE_DIRECTIVES if report else rng.randint(4, 14)
            for order in range(count):
                directive_id = conf.pk * 1000 + order
                due = conf.date + timedelta(days=rng.randint(20, 90))
                group, lead, matter_index = groups[order % len(groups)] if groups and (report or rng.random() < 0.6) else (
                    None, rng.choice(units), rng.randrange(len(base.MATTERS)))  # fmt: skip
                if status != ConclusionStatus.ISSUED:
                    dstatus = DirectiveStatus.PROPOSED
                elif due > TODAY:
                    dstatus = rng.choice(
                        [DirectiveStatus.ASSIGNED, DirectiveStatus.IN_PROGRESS, DirectiveStatus.REPORTED]
                    )
                else:
                    dstatus = rng.choices(
                        [DirectiveStatus.ASSIGNED, DirectiveStatus.IN_PROGRESS, DirectiveStatus.REPORTED,
                         DirectiveStatus.RESOLVED, DirectiveStatus.PARTLY_RESOLVED, DirectiveStatus.CANNOT_RESOLVE,
                         DirectiveStatus.FORWARDED_UP, DirectiveStatus.CLOSED],
                        [5, 8, 4, 30, 6, 3, 4, 40],
                    )[0]  # fmt: skip
                if dstatus in OPEN_DIRECTIVE_STATUSES and (TODAY - due).days > OLD_DAYS and rng.random() < 0.85:
                    dstatus = DirectiveStatus.CLOSED
                resolved_at = closed_at = None
                done_day = min(due + timedelta(days=rng.randint(-15, 30)), TODAY)
                if dstatus in (DirectiveStatus.RESOLVED, DirectiveStatus.CLOSED):
                    resolved_at = moment(done_day, rng) if rng.random() < 0.9 else None
                if dstatus == DirectiveStatus.CLOSED:
                    closed_at = moment(min(done_day + timedelta(days=5), TODAY), rng)
                text = DIRECTIVE_MATTERS[matter_index]
                directives.append((directive_id, notice_id, order, text, group, lead if rng.random() > 0.02 else None,
                                   "Báo cáo kết quả bằng văn bản" if rng.random() < 0.5 else "",
                                   due, dstatus,
                                   (moment(issued, rng)) if status == ConclusionStatus.ISSUED else None,
                                   (resolved_at), (closed_at)))  # fmt: skip
                if report or rng.random() < 0.1:
                    helpers = [u for u in units if u != lead]
                    for unit_pk in rng.sample(sorted(set(helpers)), min(2, len(set(helpers)))):
                        supporting.append((directive_id, unit_pk))
        FastWriter(Conclusion, [
            "id", "conference_id", "issuing_unit_id", "layout", "issuer_line", "number", "symbol", "year", "place",
            "issued_on", "due_date", "title", "opening", "directives_intro", "closing", "signing_authority",
            "signer_title", "signer_name", "status", "issued_at"]).write(notices)  # fmt: skip
        FastWriter(Directive, ["id", "conclusion_id", "order", "matter", "group_id", "lead_unit_id", "expected_result",
                                "due_date", "status", "assigned_at", "resolved_at", "closed_at"]).write(directives)  # fmt: skip
        FastWriter(Directive.supporting_units.through, ["directive_id", "unit_id"]).write(supporting)
        return {"notices": len(notices), "directives": len(directives), "directive_supports": len(supporting)}


# What the forked workers inherit (nation, conferences, text pools): set just before the fork.
_SHARED: dict = {}


def _write_share(share: int) -> dict:
    """One worker: the conferences of every n-th province, with their participants,
    petitions, groups, answers and directives (its own connection, its own COPY streams)."""
    generator = Generator(_SHARED["nation"], _SHARED["conferences"], _SHARED["pools"], share=share,
                          workers=_SHARED["workers"])  # fmt: skip
    try:
        return generator.write()
    finally:
        connection.close()


# ---------------------------------------------------------------- the run's record

META_TABLE = "bench_national_meta"


def save_meta(meta: dict) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key text PRIMARY KEY, value text)")
        cursor.execute(f"DELETE FROM {META_TABLE}")
        cursor.execute(f"INSERT INTO {META_TABLE} VALUES ('meta', %s)", [json.dumps(meta, default=str)])


def load_meta() -> dict | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [META_TABLE])
        if cursor.fetchone()[0] is None:
            return None
        cursor.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'meta'")
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def generate() -> dict:
    """Build the national dataset; returns what the measurements need and the timings."""
    from django.core.management import call_command

    started = time.perf_counter()
    base.recreate_database()
    call_command("migrate", verbosity=0, interactive=False)
    seconds = {"migrate": round(time.perf_counter() - started, 1)}
    print(f"migrated in {elapsed(started)}", flush=True)
    step = time.perf_counter()
    nation = Nation()
    seconds["units"] = round(time.perf_counter() - step, 1)
    load = BulkLoad(BULK_MODELS)
    load.drop()
    step = time.perf_counter()
    conferences = make_conferences(nation)
    seconds["conferences"] = round(time.perf_counter() - step, 1)
    print(f"  {len(conferences):,} conferences with participants and interventions in {elapsed(step)}", flush=True)
    communes = sum(len(c) for c in nation.communes.values())
    per_commune = max(20, min(60, PETITIONS // max(1, communes) // 20))
    step = time.perf_counter()
    pools = text_pools(nation, per_commune)
    distinct = sum(len(p) for p in pools.values())
    seconds["texts"] = round(time.perf_counter() - step, 1)
    print(f"  {distinct:,} distinct texts (signature, folded) on {os.cpu_count()} cores in {elapsed(step)}", flush=True)
    step = time.perf_counter()
    workers = WORKERS
    _SHARED.update(nation=nation, conferences=conferences, pools=pools, workers=workers)
    connection.close()  # each worker opens its own connection
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        results = pool.map(_write_share, range(workers))
    counts = Counter()
    for result in results:
        counts.update(result)
    counts = dict(counts)
    seconds["rows"] = round(time.perf_counter() - step, 1)
    print(f"  rows written by {workers} workers in {elapsed(step)}", flush=True)
    report = report_conference(nation, conferences)
    _SHARED.clear()
    del pools
    step = time.perf_counter()
    crossings.refresh()  # the flags the models' save() keeps, for rows written by COPY
    seconds["crossings"] = round(time.perf_counter() - step, 1)
    print(f"  groups and supports crossing provinces flagged in {elapsed(step)}", flush=True)
    step = time.perf_counter()
    rebuilt = load.rebuild()
    dash.reset_sequences(*[m for m in BULK_MODELS if m is not Directive.supporting_units.through])
    seconds["indexes"] = round(time.perf_counter() - step, 1)
    slowest = sorted(rebuilt.items(), key=lambda kv: -kv[1])[:5]
    print(f"  indexes and foreign keys rebuilt in {elapsed(step)} (slowest: "
          f"{', '.join(f'{k} {v:.0f} s' for k, v in slowest)})", flush=True)  # fmt: skip
    step = time.perf_counter()
    base.analyse_database()
    seconds["vacuum_analyze"] = round(time.perf_counter() - step, 1)
    seconds["total"] = round(time.perf_counter() - started, 1)
    print(f"  VACUUM ANALYZE in {elapsed(step)}", flush=True)
    counts.update(conferences=len(conferences), distinct_texts=distinct, units=Unit.objects.count(),
                  provinces=len(nation.provinces), communes=communes)  # fmt: skip
    meta = {
        "settings": SETTINGS,
        "generated_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "today": str(TODAY),
        "seconds": seconds,
        "index_seconds": rebuilt,
        "counts": counts,
        "province": nation.province.pk,
        "people": nation.people,
        "report_conference": report.pk,
        "report_notice": report.pk,  # a notice's id is its conference's
        "agency": nation.bodies[nation.province.pk]["agencies"]["nnmt"].pk,
        "dan_van": nation.bodies[nation.province.pk]["dan_van"].pk,
    }
    save_meta(meta)
    print(f"generated in {seconds['total']:.0f} s ({seconds['total'] / 60:.1f} min): {counts['petitions']:,} petitions, "
          f"{counts['groups']:,} groups, {counts['directives']:,} directives, {counts['conferences']:,} conferences",
          flush=True)  # fmt: skip
    return meta


# ---------------------------------------------------------------- measuring


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def client_for(user) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def page(client: Client, url: str) -> Callable[[], object]:
    def run():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    return run


def repeated(fn: Callable[[], object], repeat: int) -> dict:
    """p50/p95 of `fn` alone (a second floor, timed after the comparison)."""
    fn()
    return base.summary([base.timed(fn) for _ in range(repeat)])


def slowest_plan(fn: Callable[[], object]) -> dict:
    """The statements of one call, and EXPLAIN (ANALYZE, BUFFERS) of the slowest one."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fn()
    queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
    if not queries:
        return {"queries": 0}
    slow = queries[0]["sql"]
    plan = ""
    if slow.lstrip().upper().startswith("SELECT"):
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slow)
            plan = "\n".join(r[0] for r in cursor.fetchall())
    return {
        "queries": len(queries),
        "sql_ms": round(sum(float(q["time"]) for q in queries) * 1000, 1),
        "slowest_ms": round(float(queries[0]["time"]) * 1000, 1),
        "slowest_sql": slow[:2000],
        "slowest_plan": plan,
    }


def list_floor(where: str, params: list, *, path: str | None = None, agency_path: str | None = None):
    """The bare SQL of a list page (bench/petitions.py's statements): (rows, count) and,
    as `.rows`, the rows alone."""
    if path is not None:
        page_sql, count_sql = base.LIST_SQL.format(where=where), base.COUNT_SQL.format(where=where)
        scope = [f"{path}%"]
    else:
        page_sql = base.LIST_SQL.replace("JOIN organisation_unit u ON u.id = p.receiving_unit_id\n", "").replace(
            "u.path LIKE %s {where}", base.AGENCY_GROUPS + where
        )
        count_sql = "SELECT COUNT(*) FROM petitions_petition p WHERE " + base.AGENCY_GROUPS + where
        scope = [f"{agency_path}%", f"{agency_path}%"]

    def rows():
        with connection.cursor() as cursor:
            cursor.execute(page_sql, [*scope, *params])
            return cursor.fetchall()

    def run():
        found = rows()
        with connection.cursor() as cursor:
            cursor.execute(count_sql, [*scope, *params])
            return found, cursor.fetchone()[0]

    run.rows = rows  # type: ignore[attr-defined]
    run.sql, run.params = page_sql, [*scope, *params]  # type: ignore[attr-defined]
    return run


def summary_floor(snapshot_id: int, unit_pk: int | None, start: date, end: date, late_before: date):
    """The dashboard's reads of the daily and monthly figures written by hand
    (dialogue/statistics/summary.py): the whole months of the period from the monthly
    totals, the days either side of them from the daily figures."""
    from dialogue.statistics.summary import PERIOD_METRICS, month_after, whole_months

    unit = "unit_id IS NULL" if unit_pk is None else "unit_id = %s"
    scope = [] if unit_pk is None else [unit_pk]
    table, monthly = "statistics_dailyfigure", "statistics_monthlyfigure"
    months = whole_months(start, end)
    if months is None:
        days, day_params = "day BETWEEN %s AND %s", [start, end]
        month_range = [date.max, date.min]  # no month
    else:
        first, last = months
        after = month_after(last)
        days, day_params = "(day >= %s AND day < %s OR day >= %s AND day <= %s)", [start, first, after, end]
        month_range = [first, last]
    metrics = list(PERIOD_METRICS)
    statements = [
        (f"SELECT metric, key, SUM(value) FROM {table} WHERE snapshot_id = %s AND {unit} AND metric = ANY(%s) "
         f"AND {days} GROUP BY 1, 2", [snapshot_id, *scope, metrics, *day_params]),
        (f"SELECT day, value FROM {table} WHERE snapshot_id = %s AND {unit} AND metric = 'petitions' AND {days}",
         [snapshot_id, *scope, *day_params]),
        (f"SELECT metric, key, SUM(value) FROM {monthly} WHERE snapshot_id = %s AND {unit} AND metric = ANY(%s) "
         "AND month BETWEEN %s AND %s GROUP BY 1, 2", [snapshot_id, *scope, metrics, *month_range]),
        (f"SELECT month, value FROM {monthly} WHERE snapshot_id = %s AND {unit} AND metric = 'petitions' "
         "AND month BETWEEN %s AND %s", [snapshot_id, *scope, *month_range]),
        (f"SELECT metric, key, value FROM {table} WHERE snapshot_id = %s AND {unit} AND metric = ANY(%s) AND day = %s",
         [snapshot_id, *scope, ["late_answers", "late_resolution", "late_directives"], late_before]),
        (f"SELECT SUM(value) FILTER (WHERE day < %s), SUM(value) FILTER (WHERE day >= %s) FROM {table} "
         f"WHERE snapshot_id = %s AND {unit} AND metric = 'unapproved' AND day BETWEEN %s AND %s",
         [late_before, late_before, snapshot_id, *scope, start, end]),
    ]  # fmt: skip

    def run():
        with connection.cursor() as cursor:
            out = []
            for sql, params in statements:
                cursor.execute(sql, params)
                out.append(cursor.fetchall())
        return out

    run.statements = statements  # type: ignore[attr-defined]
    return run


class Measure:
    def __init__(self, meta: dict) -> None:
        from dialogue.organisation.models import User

        self.meta = meta
        self.province = Unit.objects.get(pk=meta["province"])
        self.officer = User.objects.get(pk=meta["people"]["officer"])
        self.agency_officer = User.objects.get(pk=meta["people"]["agency_officer"])
        self.admin = User.objects.get(pk=meta["people"]["admin"])
        self.agency = Unit.objects.get(pk=meta["agency"])
        self.results: dict[str, dict] = {}
        self.plans: dict[str, dict] = {}

    def guarded(self, name: str, group: str, run: Callable[[], None], **info) -> None:
        """Run one case; a statement cut by BENCH_NATIONAL_TIMEOUT records the case as timed out."""
        from django.db.utils import OperationalError

        try:
            run()
        except OperationalError as exc:
            if "statement timeout" not in str(exc):
                raise
            self.results[name] = {
                "group": group,
                "timed_out": True,
                "timeout_s": TIMEOUT,
                "load": load_average(),
                **info,
            }
            print(f"  {name}: a statement ran longer than {TIMEOUT} s (cancelled)", flush=True)

    def record(self, name: str, result: dict, group: str, **info) -> None:
        result.update(info, group=group, load=load_average())
        self.results[name] = result
        base.report(name, result)

    # --- the petition list

    def lists(self) -> None:

        officer, agency = client_for(self.officer), client_for(self.agency_officer)
        rng = FastRandom(SEED + 5)
        names = [base.person_name(rng) for _ in range(4000)]
        rare = names[7]
        dat_dai = Field.objects.get(code="dat_dai").pk
        since = date(TODAY.year - 1, 1, 1)

        def words(text: str) -> tuple[str, list]:
            folded = fold(text).split()
            return " ".join(["AND p.search_folded LIKE %s"] * len(folded)), [f"%{w}%" for w in folded]

        cases = [
            ("list_all", officer, "/petitions/", "", []),
            ("list_filtered", officer, f"/petitions/?field=dat_dai&status=triaged&date_from={since:%d/%m/%Y}",
             "AND p.field_id = %s AND p.status = %s AND p.received_on >= %s", [dat_dai, "triaged", since]),
            ("search", officer, "/petitions/?q=duong lien thon", *words("duong lien thon")),
            ("search_accented", officer, "/petitions/?q=nước thải", *words("nước thải")),
            ("search_name", officer, f"/petitions/?q={rare}", *words(rare)),
            ("search_filtered", officer, "/petitions/?q=so do&field=dat_dai",
             words("so do")[0] + " AND p.field_id = %s", [*words("so do")[1], dat_dai]),
            ("agency_list", agency, "/petitions/", "", []),
            ("agency_search", agency, "/petitions/?q=nuoc thai", *words("nuoc thai")),
        ]  # fmt: skip
        print(f"petition list ({WARMUP} warm-up, {REPEAT} runs each; the province's synthesis officer, an agency officer):",
              flush=True)  # fmt: skip
        for name, client, url, where, params in cases:
            self.guarded(name, "list", partial(self.list_case, name, client, url, where, params), url=url)

    def list_case(self, name: str, client: Client, url: str, where: str, params: list) -> None:
        from django.template import Template
        from django.test.utils import instrumented_test_render
        from petitions import patched

        if name.startswith("agency"):
            floor = list_floor(where, params, agency_path=self.agency.path)
        else:
            floor = list_floor(where, params, path=self.province.path)
        subject = page(client, url)
        # The test client sees the template context only while rendering is instrumented.
        with patched(Template, "_render", instrumented_test_render):
            shown = subject().context["page"]
        rows, count = floor()
        if [p.pk for p in shown.object_list] != [r[0] for r in rows]:
            raise SystemExit(f"{name}: the floor's rows are not the page's")
        estimated = bool(getattr(shown, "estimated", False))
        result = base.compare(subject, floor, repeat=REPEAT)
        result["floor_rows"] = repeated(floor.rows, REPEAT)
        shown_count = shown.paginator.count
        self.record(name, result, "list", url=url, matching_rows=count, page_count=shown_count,
                    count_estimated=estimated,
                    estimate_error=round(shown_count / count - 1, 3) if estimated and count else 0.0)  # fmt: skip
        self.plans[name] = {"app": slowest_plan(subject), "floor": base.explain(floor.sql, floor.params)}

    # --- the dashboard

    def dashboards(self) -> dict:
        from dialogue.statistics import selectors as stats

        refresh = {}
        summary = getattr(stats, "summary", None)
        if summary is not None:
            started = time.perf_counter()
            # The worker's job, not a page: BENCH_NATIONAL_TIMEOUT does not apply to it.
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
            snapshot = summary.figures_refresh(force=True)
            if TIMEOUT:
                with connection.cursor() as cursor:
                    cursor.execute(f"SET statement_timeout = {TIMEOUT * 1000}")
            from dialogue.statistics.models import MonthlyFigure

            monthly = MonthlyFigure.objects.filter(snapshot=snapshot).count()
            refresh = {
                "seconds": round(time.perf_counter() - started, 1),
                "rows": snapshot.rows,
                "monthly_rows": monthly,
            }
            print(
                f"statistics snapshot refreshed in {refresh['seconds']} s ({snapshot.rows:,} daily figures, "
                f"{monthly:,} monthly)",
                flush=True,
            )
        officer, admin = client_for(self.officer), client_for(self.admin)
        periods = {
            "year": (date(TODAY.year, 1, 1), TODAY),  # what the dashboard opens on
            "10years": (TODAY - timedelta(days=365 * YEARS + 30), TODAY),
        }
        print(f"dashboard ({REPEAT} runs each; floor: the same aggregates over the petitions by hand):", flush=True)
        for period, (start, end) in periods.items():
            for scope, unit, client in (("province", self.province, officer), ("country", None, admin)):
                self.guarded(f"dashboard_{scope}_{period}", "dashboard",
                             partial(self.dashboard_case, stats, period, start, end, scope, unit, client))  # fmt: skip
        return refresh

    def dashboard_case(self, stats, period: str, start: date, end: date, scope: str, unit, client: Client) -> None:
        floor = dash.floor_for(unit, start, end)
        selector = partial(stats.unit_statistics, unit=unit, start=start, end=end)
        figures = selector()
        theirs = dash.floor_figures(floor())
        mine = {k: getattr(figures, k) for k in theirs}
        if mine != theirs:
            raise SystemExit(f"{scope} {period}: the floor does not match the dashboard:\n{mine}\n{theirs}")
        url = f"/statistics/?unit={unit.pk if unit else ''}&start={start:%d/%m/%Y}&end={end:%d/%m/%Y}"
        info = {"unit": unit.name if unit else "whole country", "start": str(start), "end": str(end),
                "petitions": figures.petitions, "as_of": str(getattr(figures, "as_of", None))}  # fmt: skip
        as_of = getattr(figures, "as_of", None)
        for kind, subject in (("page", page(client, url)), ("selector", selector)):
            name = f"dashboard_{kind}_{scope}_{period}"
            result = base.compare(subject, floor, repeat=REPEAT)
            if as_of:
                late_before = min(end + timedelta(days=1), TODAY)
                snapshot = stats.summary.current_snapshot()
                result["floor_summary"] = repeated(
                    summary_floor(snapshot.pk, unit.pk if unit else None, start, end, late_before), REPEAT
                )
            self.record(name, result, "dashboard", **info)
            if kind == "page":
                self.plans[name] = {"app": slowest_plan(subject)}
        self.plans[f"dashboard_floor_{scope}_{period}"] = {
            "floor": [base.explain(sql, params) for sql, params in floor.statements[3:5]]
        }

    # --- duplicate suggestions

    def similar(self) -> None:
        from dialogue.petitions import selectors, services
        from dialogue.plans.services import administrative_area

        rng = FastRandom(SEED + 7)
        communes = list(Unit.objects.filter(parent=self.province, kind__code="commune").order_by("pk"))
        dan_van = Unit.objects.get(pk=self.meta["dan_van"])
        by_key = {m[0]: m for m in base.MATTERS}
        new = {"similar_province": [], "similar_commune": []}
        for key, in_province in (("o_nhiem", True), ("duong_tinh", True), ("so_do", True),
                                 ("duong_lien_thon", False), ("nuoc_sach", False), ("tranh_chap_dat", False)):  # fmt: skip
            commune = rng.choice(communes)
            villages = list(Unit.objects.filter(parent=commune, kind__code="village"))
            text = base.petition_text(rng, by_key[key], commune, villages, rng.choice(villages))
            petition = services.petition_receive(actor=self.officer, receiving_unit=dan_van if in_province else commune,
                                                 content=text, channel=Channel.PAPER_CITIZEN, name=base.person_name(rng),
                                                 received_on=TODAY)  # fmt: skip
            new["similar_province" if in_province else "similar_commune"].append(petition)
        print(f"duplicate suggestions ({REPEAT} runs; floor: the candidate lookup alone):", flush=True)
        for name, petitions in new.items():
            turn = {"subject": 0, "floor": 0}
            subjects = [partial(selectors.similar_petitions, user=self.officer, petition=p) for p in petitions]
            floors = [base.candidates_floor(p, administrative_area(p.receiving_unit)) for p in petitions]

            def cycle(kind: str, calls: list, turn: dict = turn):
                def run():
                    call = calls[turn[kind] % len(calls)]
                    turn[kind] += 1
                    return call()

                return run

            result = base.compare(cycle("subject", subjects), cycle("floor", floors),
                                  before=similarity._analyse.cache_clear, repeat=REPEAT)  # fmt: skip
            found = [len(s()) for s in subjects]
            candidates = [len(f()) for f in floors]
            self.record(name, result, "similar", suggestions=found, candidates=candidates,
                        texts=[p.content for p in petitions])  # fmt: skip
            self.plans[name] = {
                "app": slowest_plan(subjects[0]),
                "floor": base.explain(floors[0].sql, floors[0].params),
            }

    # --- documents

    def documents(self) -> None:
        officer = client_for(self.officer)
        notice = Conclusion.objects.get(pk=self.meta["report_notice"])
        conference = self.meta["report_conference"]
        directives = Directive.objects.filter(conclusion=notice).count()
        petitions = Petition.objects.filter(conference_id=conference).count()

        def notice_floor():
            with connection.cursor() as cursor:
                cursor.execute("SELECT * FROM conclusions_conclusion WHERE id = %s", [notice.pk])
                cursor.execute(
                    "SELECT d.*, u.name FROM conclusions_directive d LEFT JOIN organisation_unit u ON u.id = d.lead_unit_id "
                    "WHERE d.conclusion_id = %s ORDER BY d.order, d.id", [notice.pk])  # fmt: skip
                cursor.fetchall()
                cursor.execute(
                    "SELECT s.directive_id, u.name FROM conclusions_directive_supporting_units s JOIN organisation_unit u "
                    "ON u.id = s.unit_id JOIN conclusions_directive d ON d.id = s.directive_id WHERE d.conclusion_id = %s",
                    [notice.pk])  # fmt: skip
                return cursor.fetchall()

        def report_floor():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT g.*, f.name, u.name FROM petitions_petitiongroup g LEFT JOIN petitions_field f ON f.id = g.field_id "
                    "LEFT JOIN organisation_unit u ON u.id = g.lead_unit_id WHERE g.conference_id = %s", [conference])  # fmt: skip
                cursor.fetchall()
                cursor.execute(
                    "SELECT p.* FROM petitions_petition p JOIN petitions_petitiongroup g ON g.id = p.group_id "
                    "WHERE g.conference_id = %s", [conference])  # fmt: skip
                cursor.fetchall()
                cursor.execute(
                    "SELECT s.group_id, u.name FROM petitions_support s JOIN organisation_unit u ON u.id = s.unit_id "
                    "JOIN petitions_petitiongroup g ON g.id = s.group_id WHERE g.conference_id = %s", [conference])  # fmt: skip
                return cursor.fetchall()

        print(f"documents ({REPEAT} runs; target < 2 s):", flush=True)
        for name, url, floor, info in (
            ("conclusion_notice_docx", f"/conclusions/{notice.pk}/document.docx", notice_floor, {"directives": directives}),
            ("synthesis_report_docx", f"/petitions/conferences/{conference}/report.docx", report_floor,
             {"petitions": petitions, "groups": PetitionGroup.objects.filter(conference_id=conference).count()}),
        ):  # fmt: skip
            subject = page(officer, url)
            size = len(subject().content)
            result = base.compare(subject, floor, repeat=REPEAT)
            self.record(name, result, "document", url=url, bytes=size, **info)
            self.plans[name] = {"app": slowest_plan(subject)}


def database_facts() -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', "
            "'maintenance_work_mem', 'effective_cache_size', 'jit', 'max_parallel_workers_per_gather', 'random_page_cost')"
        )
        settings_ = {name: f"{setting}{unit or ''}" for name, setting, unit in cursor.fetchall()}
        cursor.execute(
            "SELECT relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' "
            "ORDER BY 2 DESC LIMIT 12"
        )
        tables = {
            name: {"total_mb": round(total / 2**20), "heap_mb": round(heap / 2**20)}
            for name, total, heap in cursor.fetchall()
        }
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
        cursor.execute(
            "SELECT indexrelname, pg_relation_size(indexrelid) FROM pg_stat_user_indexes "
            "WHERE relname = 'petitions_petition' ORDER BY 2 DESC"
        )
        indexes = {name: round(b / 2**20) for name, b in cursor.fetchall()}
    return {"version": base.database_version(), "settings": settings_, "database_gb": round(size / 2**30, 1),
            "tables": tables, "petition_indexes_mb": indexes}  # fmt: skip


def print_table(results: dict) -> None:
    print(f"\n{'case':<36} {'p50 ms':>9} {'p95 ms':>9} {'floor p50':>10} {'ratio':>6}  note")
    for name, r in results.items():
        if r.get("timed_out"):
            print(f"{name:<36} {'—':>9} {'—':>9} {'—':>10} {'—':>6}  a statement ran over {r['timeout_s']} s")
            continue
        note = ""
        if r.get("count_estimated"):
            note = f"count estimated ({r['estimate_error']:+.0%} vs exact)"
        if "floor_summary" in r:
            note = f"from the snapshot; its own SQL {r['floor_summary']['median_ms']:.1f} ms"
        if r["group"] == "list":
            note = (note + "; " if note else "") + f"rows alone {r['floor_rows']['median_ms']:.1f} ms"
        print(
            f"{name:<36} {r['median_ms']:>9.1f} {r['p95_ms']:>9.1f} {r['floor']['median_ms']:>10.1f} {r['ratio']:>6.2f}  {note}"
        )


def measure(meta: dict) -> None:
    started = time.perf_counter()
    if TIMEOUT:
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {TIMEOUT * 1000}")
    load_before = load_average()
    m = Measure(meta)
    m.lists()
    refresh = m.dashboards()
    m.similar()
    m.documents()
    label = os.environ.get("BENCH_NATIONAL_LABEL", "")
    payload = {
        "benchmark": "national",
        "issue": 8,
        "label": label,
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "django": django.get_version(),
            "load_average_before": load_before,
            "load_average_after": load_average(),
        },
        "database": database_facts(),
        "settings": {**SETTINGS, "repeat": REPEAT, "warmup": WARMUP, "today": str(TODAY)},
        "rows": meta["counts"],
        "generation_seconds": meta["seconds"],
        "index_seconds": meta.get("index_seconds", {}),
        "migrate_on_reuse_seconds": meta.get("migrate_on_reuse"),
        "statistics_refresh": refresh,
        "results": m.results,
        "plans": m.plans,
        "measure_seconds": round(time.perf_counter() - started, 1),
    }
    print_table(m.results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"national-postgresql{'-' + label if label else ''}.json"
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    temporary.replace(target)
    print(f"written {os.path.relpath(target, ROOT)} ({payload['measure_seconds']:.0f} s of measuring)", flush=True)


def main() -> int:
    if connection.vendor != "postgresql":
        print("national: PostgreSQL only (a national deployment runs on PostgreSQL); skipped", flush=True)
        return 0
    meta = None
    if REUSE:
        try:
            meta = load_meta()
        except Exception:  # no such database yet
            meta = None
        if meta and meta.get("settings") != SETTINGS:
            print(f"reuse refused: the database was generated with {meta.get('settings')}", flush=True)
            meta = None
        if meta:
            from django.core.management import call_command

            started = time.perf_counter()
            call_command("migrate", verbosity=0, interactive=False)
            meta["migrate_on_reuse"] = round(time.perf_counter() - started, 1)
            print(f"reusing the data of {meta['generated_at']}; migrate {meta['migrate_on_reuse']} s", flush=True)
    if meta is None:
        meta = generate()
    if os.environ.get("BENCH_NATIONAL_GENERATE_ONLY") != "1":
        measure(meta)
    return 0


if __name__ == "__main__":
    sys.exit(main())
