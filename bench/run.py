"""Benchmarks, run by `make bench`.

Each benchmark prints its figures as ratios against a floor measured in the same run
(see the handbook: speed is measured in benchmarks, not timed tests). Each one runs in
its own process per database, because the settings bind one DATABASE_URL per process:

- SQLite: var/bench.sqlite3, deleted and rebuilt each run;
- PostgreSQL, when reachable: BENCH_DATABASE_URL (default
  postgres://postgres@127.0.0.1:5432/doithoai_bench), dropped and recreated each run.

`submission` needs wrk (apt-get install wrk) and starts gunicorn on a loopback port.
BENCH_DATABASES=sqlite (or postgresql) runs one of them only; BENCH_ONLY=national (a comma-
separated list) runs only the benchmarks named; BENCH_PETITIONS=20000 scales
the data down for a quick run. Results go to bench/results/<benchmark>-<database>.json.
The national benchmark runs on PostgreSQL only, in BENCH_NATIONAL_DATABASE_URL (default
doithoai_bench_national); BENCH_NATIONAL_PETITIONS=200000 scales it down.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ["petitions", "dashboard", "submission", "national"]
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/doithoai_bench"
# A national deployment runs on PostgreSQL; its ten million petitions get their own database,
# which the other benchmarks do not drop (BENCH_NATIONAL_DATABASE_URL).
POSTGRESQL_ONLY = {"national": "a national deployment runs on PostgreSQL (10,000,000 petitions)"}
DEFAULT_NATIONAL_PG = "postgres://postgres@127.0.0.1:5432/doithoai_bench_national"


def postgres_reachable(url: str) -> str | None:
    """None when a server answers at `url`, else why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    u = urlparse(url)
    try:
        psycopg.connect(
            host=u.hostname,
            port=u.port or 5432,
            user=u.username,
            password=u.password,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except Exception as exc:  # any failure to connect means: skip PostgreSQL
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return None


def main() -> int:
    wanted = set(os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(","))
    targets: list[tuple[str, str]] = []
    if "sqlite" in wanted:
        targets.append(("sqlite", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"))
    if "postgresql" in wanted:
        url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG)
        why = postgres_reachable(url)
        if why is None:
            targets.append(("postgresql", url))
        else:
            print(f"PostgreSQL skipped ({url}): {why}")
    status = 0
    ran: list[str] = []
    only = [b for b in os.environ.get("BENCH_ONLY", "").split(",") if b]
    for benchmark in only or BENCHMARKS:
        if benchmark not in BENCHMARKS:
            print(f"unknown benchmark {benchmark!r}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
            return 2
        for name, url in targets:
            if benchmark in POSTGRESQL_ONLY and name != "postgresql":
                print(f"== {benchmark} on {name}: skipped, {POSTGRESQL_ONLY[benchmark]}", flush=True)
                continue
            if benchmark == "national":
                url = os.environ.get("BENCH_NATIONAL_DATABASE_URL", DEFAULT_NATIONAL_PG)
            print(f"== {benchmark} on {name}", flush=True)
            env = {**os.environ, "DATABASE_URL": url, "DEBUG": "true"}
            start = time.perf_counter()
            done = subprocess.run([sys.executable, str(ROOT / "bench" / f"{benchmark}.py")], env=env, check=False)  # noqa: S603
            print(f"== {benchmark} on {name}: {time.perf_counter() - start:.0f} s", flush=True)
            if done.returncode:
                print(f"FAILED: {benchmark} on {name} (exit {done.returncode})", file=sys.stderr)
                status = 1
            else:
                ran.append(f"{benchmark}-{name}")
    if ran:
        # One table of every figure this run wrote, with the targets met or missed.
        summary = subprocess.run([sys.executable, str(ROOT / "bench" / "summary.py"), *ran], check=False)  # noqa: S603
        status = status or summary.returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
