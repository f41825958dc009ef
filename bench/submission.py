"""Public submission under load (issues 8 and 9): the citizens' form `/gui-kien-nghi/` posted
as fast as gunicorn takes it, against a floor on the same server.

Run by `bench/run.py` once per database, with DATABASE_URL naming a database this script
may destroy (its name must contain “bench”); by hand for example:

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/doithoai_bench_submit \\
        .venv/bin/python bench/submission.py

It:
1. recreates the database, migrates it and builds a province with a commune whose Party
   committee holds a conference announced on the portal (taking petitions online), the
   commune's intake officers (told of each petition), and BENCH_SUBMIT_EXISTING earlier
   petitions of the province (default 20,000), against which each new one is compared
   for repeats as in production;
2. starts gunicorn with deploy/gunicorn.conf.py, BENCH_SUBMIT_WORKERS workers (default 4),
   DEBUG off, on a loopback port, with `bench.submit_settings` (the production settings
   plus one URL: the floor) and the portal's limits raised for the run;
3. drives it with wrk (bench/submission.lua): every request a new submission key and
   telephone number, CSRF as a browser sends it (cookie and field, the same secret);
   alternately the real form and the floor — a bare view behind the same middleware that
   stores the same fields with one INSERT — BENCH_SUBMIT_ROUNDS times (default 2) for
   BENCH_SUBMIT_SECONDS each (default 15), with BENCH_SUBMIT_CONNECTIONS (default 8);
4. counts what was stored against what was answered (none lost, none twice), then sends
   one submission key from every connection for 3 seconds (one petition expected);
5. prints a table and writes bench/results/submission-<vendor>.json.

The target (issue 8): requests per second within 1.5× of the floor's.
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")  # settings need it for their development secret key

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.petitions import database_version, recreate_database  # noqa: E402
from bench.submit_urls import FLOOR_CLIENT  # noqa: E402
from dialogue.organisation.factories import make_person, make_unit  # noqa: E402
from dialogue.organisation.kinds import ensure_builtin_kinds  # noqa: E402
from dialogue.organisation.models import UnitKind  # noqa: E402
from dialogue.organisation.roles import Role  # noqa: E402
from dialogue.petitions import services as petition_services  # noqa: E402
from dialogue.petitions import similarity  # noqa: E402
from dialogue.petitions.models import Channel, Petition  # noqa: E402
from dialogue.plans import services as plans  # noqa: E402
from dialogue.plans.models import Conference  # noqa: E402
from tests import livestack  # noqa: E402

settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EXISTING = int(os.environ.get("BENCH_SUBMIT_EXISTING", "20000"))
WORKERS = int(os.environ.get("BENCH_SUBMIT_WORKERS", "4"))
SECONDS = int(os.environ.get("BENCH_SUBMIT_SECONDS", "15"))
ROUNDS = int(os.environ.get("BENCH_SUBMIT_ROUNDS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_SUBMIT_CONNECTIONS", "8"))
WRK = os.environ.get("WRK_PATH", shutil.which("wrk") or "/usr/bin/wrk")
TARGET = 1.5
RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results"))
LUA = ROOT / "bench" / "submission.lua"
SEED = 20261108

MATTERS = [
    "sửa chữa cầu tràn {place} bị sạt lở sau mưa lũ",
    "đầu tư đường giao thông liên thôn {place} đang xuống cấp",
    "cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân {place}",
    "hỗ trợ giống lúa cho các hộ bị thiệt hại do lũ tại {place}",
    "xử lý ô nhiễm môi trường của cơ sở chăn nuôi tại {place}",
    "kéo điện lưới quốc gia về các hộ dân {place}",
    "bố trí giáo viên cho điểm trường {place}",
    "nạo vét kênh mương nội đồng {place} trước vụ mùa",
]
PLACES = ["thôn Nà Đon", "xóm Na Hoàng", "thôn Bản Ná", "xóm Làng Mới", "tổ 5", "xóm Đồng Tâm", "thôn Khuôn Ngục"]


def build() -> tuple[Conference, int]:
    """The commune's announced conference and the unit the floor stores into."""
    ensure_builtin_kinds(UnitKind)
    province = make_unit("Tỉnh Thái Nguyên", "province", code="19", short_name="Thái Nguyên")
    commune = make_unit("Xã Cao Minh", "commune", province, code="01879", short_name="Cao Minh")
    for village in PLACES[:4]:
        make_unit(village.replace("thôn", "Thôn").replace("xóm", "Xóm"), "village", commune)
    dang_uy = make_unit("Đảng ủy xã Cao Minh", "party_committee", commune)
    make_unit("Ủy ban nhân dân xã Cao Minh", "people_committee", commune)
    secretary = make_person("vanphong", "Nguyễn Thị Hương", organisation=commune, roles=[(Role.SECRETARIAT, commune)])
    make_person("tonghop", "Đinh Thị Hoa", organisation=dang_uy, roles=[(Role.SYNTHESIS, commune)])
    plan = plans.plan_create(
        actor=secretary,
        issuing_unit=dang_uy,
        title="Tổ chức hội nghị đối thoại của đồng chí Bí thư Đảng ủy xã với Nhân dân năm 2026",
        signing_authority="T/M BAN THƯỜNG VỤ",
        signer_title="BÍ THƯ",
        signer_name="Hứa Ngọc Sỹ",
        place="Cao Minh",
    )
    conference = plans.conference_create(
        actor=secretary,
        plan=plan,
        host_unit=commune,
        title="Hội nghị đối thoại của đồng chí Bí thư Đảng ủy xã với Nhân dân thôn Nà Đon",
        venue="Hội trường Ủy ban nhân dân xã Cao Minh",
        date=timezone.localdate() + timedelta(days=14),
    )
    Conference.objects.filter(pk=conference.pk).update(announced_at=timezone.now())
    conference.refresh_from_db()

    rng = random.Random(SEED)
    today = timezone.localdate()
    rows = []
    for n in range(EXISTING):
        content = "Đề nghị " + rng.choice(MATTERS).format(place=rng.choice(PLACES)) + f" (phản ánh số {n})."
        received = today - timedelta(days=rng.randint(30, 5 * 365))
        petition = Petition(
            receiving_unit=commune if n % 3 else province,
            channel=Channel.PAPER_CITIZEN,
            name=f"Người dân {n}",
            content=content,
            received_on=received,
            ack_due=received + timedelta(days=14),
        )
        petition_services._set_search(petition)
        rows.append(petition)
    Petition.objects.bulk_create(rows, batch_size=2000)
    assert similarity.candidate_terms(MATTERS[0].format(place=PLACES[0]))
    return conference, commune.pk


# ---------------------------------------------------------------- load


def wrk(url: str, *, seconds: int, token: str, fixed_key: str = "", connections: int = CONNECTIONS) -> dict:
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    env = {**os.environ, "SUBMIT_PATH": path, "CSRF_TOKEN": token, "RUN_ID": secrets.token_hex(4)}
    if fixed_key:
        env["FIXED_KEY"] = fixed_key
    threads = max(1, min(2, connections))
    done = subprocess.run(  # noqa: S603 - wrk with our script
        [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-s", str(LUA), url],
        env=env,
        capture_output=True,
        text=True,
        timeout=seconds + 120,
        check=False,
    )
    found = re.search(r"^WRK-RESULT (.*)$", done.stdout, re.MULTILINE)
    if done.returncode or not found:
        raise SystemExit(f"wrk failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    result = json.loads(found.group(1))
    seconds_run = result["duration_us"] / 1e6
    result["rps"] = round(result["requests"] / seconds_run, 1)
    return result


def stored(conference: Conference, *, floor_unit: int) -> tuple[int, int]:
    """(petitions sent through the form, rows stored by the floor)."""
    app = Petition.objects.filter(conference=conference, channel=Channel.ONLINE, tracking_code__isnull=False).count()
    floor = Petition.objects.filter(receiving_unit_id=floor_unit, source_client=FLOOR_CLIENT).count()
    return app, floor


def duplicated_keys() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM (SELECT submission_key FROM petitions_petition WHERE submission_key IS NOT NULL "
            "GROUP BY submission_key HAVING count(*) > 1) AS twice"
        )
        return cursor.fetchone()[0]


def settle(server: livestack.Gunicorn) -> None:
    """Requests still inside gunicorn when wrk stopped finish before anything is counted."""
    time.sleep(3)


def main() -> int:
    if not Path(WRK).exists():
        print(f"submission: wrk not found at {WRK} (apt-get install wrk)", file=sys.stderr)
        return 1
    vendor = connection.vendor
    started = time.perf_counter()
    recreate_database()
    call_command("migrate", verbosity=0)
    conference, floor_unit = build()
    print(f"built in {time.perf_counter() - started:.0f} s: {Petition.objects.count()} petitions", flush=True)

    tmp = ROOT / "var" / f"bench-submission-{vendor}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    env = livestack.production_env(
        tmp,
        DATABASE_URL=os.environ["DATABASE_URL"],
        DJANGO_SETTINGS_MODULE="bench.submit_settings",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        PORTAL_SUBMIT_PER_IP_HOUR="100000000",
        PORTAL_SUBMIT_PER_PHONE_DAY="100000000",
        DB_CONN_MAX_AGE="60",
        GUNICORN_ACCESS_LOG="",
        LOG_LEVEL="ERROR",
    )
    server = livestack.start_gunicorn(tmp, env, workers=WORKERS)
    token = secrets.token_hex(16)  # 32 characters of [0-9a-f]: a valid CSRF secret
    app_url = f"{server.url}/gui-kien-nghi/?hoi-nghi={conference.pk}"
    floor_url = f"{server.url}/bench/floor/?don-vi={floor_unit}"
    rounds: dict[str, list[dict]] = {"app": [], "floor": []}
    try:
        # Warm up both (imports, connections, the per-process address cache).
        wrk(app_url, seconds=3, token=token)
        wrk(floor_url, seconds=3, token=token)
        settle(server)
        answered = {"app": 0, "floor": 0}
        rows_stored = {"app": 0, "floor": 0}
        unread = []  # per app round: stored, but wrk stopped before reading the answer
        for _round in range(ROUNDS):
            for name, url in (("floor", floor_url), ("app", app_url)):
                before = stored(conference, floor_unit=floor_unit)[name == "floor"]
                result = wrk(url, seconds=SECONDS, token=token)
                settle(server)
                made = stored(conference, floor_unit=floor_unit)[name == "floor"] - before
                rounds[name].append(result)
                answered[name] += result["statuses"].get("302", 0)
                rows_stored[name] += made
                if name == "app":
                    unread.append(made - result["statuses"].get("302", 0))
                print(
                    f"  {name:5} {result['rps']:8.1f} req/s  p95 {result['latency_us']['p95'] / 1000:7.1f} ms  "
                    f"{result['statuses']}",
                    flush=True,
                )
        storm_key = "5f0c3a52-7d1e-4c4b-9a1f-2b7f6f0d9e11"
        storm = wrk(app_url, seconds=3, token=token, fixed_key=storm_key)
        settle(server)
        storm_rows = Petition.objects.filter(submission_key=storm_key).count()
    finally:
        livestack.stop(server.process)

    def summary(name: str) -> dict:
        runs = rounds[name]
        return {
            "rps": round(statistics.mean(r["rps"] for r in runs), 1),
            "p50_ms": round(statistics.mean(r["latency_us"]["p50"] for r in runs) / 1000, 2),
            "p95_ms": round(statistics.mean(r["latency_us"]["p95"] for r in runs) / 1000, 2),
            "p99_ms": round(statistics.mean(r["latency_us"]["p99"] for r in runs) / 1000, 2),
            "requests": sum(r["requests"] for r in runs),
            "statuses": {
                s: sum(r["statuses"].get(s, 0) for r in runs) for s in {k for r in runs for k in r["statuses"]}
            },
            "socket_errors": {k: sum(r["errors"][k] for r in runs) for k in runs[0]["errors"]},
            "rounds": runs,
        }

    app, floor = summary("app"), summary("floor")
    ratio = round(floor["rps"] / app["rps"], 2) if app["rps"] else None
    rows = {
        "answered_302": answered["app"],
        "stored": rows_stored["app"],
        # Per round: requests wrk had sent when its time ran out, stored but their answer
        # never read (at most one per connection).
        "in_flight_at_stop": unread,
        "lost": sum(-n for n in unread if n < 0),
        "duplicated_keys": duplicated_keys(),
        "floor_answered_302": answered["floor"],
        "floor_stored": rows_stored["floor"],
    }
    result = {
        "benchmark": "submission",
        "database": vendor,
        "database_version": database_version(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "setup": {
            "gunicorn_workers": WORKERS,
            "connections": CONNECTIONS,
            "seconds_per_round": SECONDS,
            "rounds": ROUNDS,
            "existing_petitions": EXISTING,
        },
        "app": app,
        "floor": floor,
        "ratio_rps": ratio,
        "ratio_p95": round(app["p95_ms"] / floor["p95_ms"], 2) if floor["p95_ms"] else None,
        "target_ratio": TARGET,
        "target_met": ratio is not None and ratio <= TARGET,
        "rows": rows,
        "duplicate_storm": {
            "requests": storm["requests"],
            "statuses": storm["statuses"],
            "petitions_with_the_key": storm_rows,
        },
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"submission-{vendor}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    print()
    print(f"Public submission under load — {result['database_version']}, {WORKERS} gunicorn workers, "
          f"{CONNECTIONS} connections, {ROUNDS} × {SECONDS} s")  # fmt: skip
    print(f"| {'case':28} | {'req/s':>8} | {'p50 ms':>7} | {'p95 ms':>7} | {'p99 ms':>7} |")
    print(f"|{'-' * 30}|{'-' * 10}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
    for label, row in (("form /gui-kien-nghi/", app), ("floor (one INSERT)", floor)):
        print(
            f"| {label:28} | {row['rps']:8.1f} | {row['p50_ms']:7.1f} | {row['p95_ms']:7.1f} | {row['p99_ms']:7.1f} |"
        )
    print(
        f"ratio (floor req/s ÷ form req/s): {ratio}  (target ≤ {TARGET}: {'met' if result['target_met'] else 'MISSED'})"
    )
    print(
        f"rows: {rows['answered_302']} answered, {rows['stored']} stored ({rows['in_flight_at_stop']} per round in "
        f"flight when wrk stopped), {rows['lost']} lost, {rows['duplicated_keys']} keys stored twice"
    )
    print(f"one key from every connection: {storm['requests']} requests {storm['statuses']} → {storm_rows} petition")
    print(f"written {os.path.relpath(out, ROOT)} in {time.perf_counter() - started:.0f} s")
    bad_status = set(app["statuses"]) - {"302"}
    ok = (
        rows["lost"] == 0
        and all(0 <= n <= CONNECTIONS for n in unread)
        and rows["duplicated_keys"] == 0
        and storm_rows == 1
        and not bad_status
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
