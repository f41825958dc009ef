"""The table that ends `make bench`: every figure the run wrote, with issue 8's targets.

`bench/run.py` calls it with the results it has just written, as `<benchmark>-<database>`
names (`national-postgresql`, `submission-sqlite`, ...); without arguments it reads every
`bench/results/<benchmark>-<database>.json` there is. Each row gives the median and p95
server time, the floor measured in the same run and their ratio. Issue 8 sets targets at
national scale (10,000,000 petitions, PostgreSQL) and for submission under load:

- lists and dashboards: within 2x their floor and under 200 ms at p95;
- documents (conclusion notice, synthesis report): under 2 s at p95;
- submission: within 1.5x the floor's requests per second, with no row lost or stored twice.

The other rows (the petition list at 100,000 petitions, the dashboard at 1,000,000) carry
no target of their own: they are the issue 4 and issue 6 benchmarks, kept for the ratios.
The script exits 0 when targets are missed (the run itself succeeded) and 1 when a
results file is missing or unreadable.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

RESULTS = Path(os.environ.get("BENCH_RESULTS", Path(__file__).resolve().parent / "results"))
BENCHMARKS = ("petitions", "dashboard", "submission", "national")

LIST_RATIO, LIST_P95_MS = 2.0, 200.0
DOCUMENT_P95_MS = 2000.0
SUBMISSION_RATIO = 1.5


@dataclass
class Row:
    case: str
    p50: float | None
    p95: float | None
    floor: float | None
    ratio: float | None
    target: str = ""
    met: bool | None = None  # None: no target
    note: str = ""


def national_rows(data: dict) -> list[Row]:
    rows = []
    scale = data.get("rows", {}).get("petitions", 0)
    at_scale = scale >= 10_000_000
    for name, r in data["results"].items():
        group = r.get("group", "")
        if r.get("timed_out"):
            rows.append(Row(name, None, None, None, None, "", False, f"a statement ran over {r['timeout_s']} s"))
            continue
        row = Row(name, r["median_ms"], r["p95_ms"], r["floor"]["median_ms"], r["ratio"])
        if group in ("list", "dashboard"):
            row.target = f"≤{LIST_RATIO:g}× and p95 <{LIST_P95_MS:g} ms"
            row.met = r["ratio"] <= LIST_RATIO and r["p95_ms"] < LIST_P95_MS
        elif group == "document":
            row.target = f"p95 <{DOCUMENT_P95_MS / 1000:g} s"
            row.met = r["p95_ms"] < DOCUMENT_P95_MS
        if r.get("count_estimated"):
            row.note = f"count estimated ({r['estimate_error']:+.0%})"
        if not at_scale and row.met is not None:
            row.note = (row.note + "; " if row.note else "") + f"at {scale:,} petitions, not 10,000,000"
            row.met = None
        rows.append(row)
    return rows


def submission_rows(data: dict) -> list[Row]:
    app, floor, counted = data["app"], data["floor"], data["rows"]
    ratio = floor["rps"] / app["rps"] if app["rps"] else None
    storm = data.get("duplicate_storm", {})
    sound = counted["lost"] == 0 and counted["duplicated_keys"] == 0 and storm.get("petitions_with_the_key", 1) == 1
    return [
        Row(
            f"form, {app['rps']:.1f} vs {floor['rps']:.1f} req/s",
            app["p50_ms"],
            app["p95_ms"],
            floor["p50_ms"],
            round(ratio, 2) if ratio else None,
            f"≤{SUBMISSION_RATIO:g}× the floor's req/s",
            ratio is not None and ratio <= SUBMISSION_RATIO,
            "ratio of requests per second; p50/p95 are the form's, floor is the bare insert's p50",
        ),
        Row(
            f"rows: {counted['answered_302']:,} answered, {counted['stored']:,} stored",
            None,
            None,
            None,
            None,
            "0 lost, 0 stored twice",
            sound,
            f"lost {counted['lost']}, keys twice {counted['duplicated_keys']}, "
            f"one key × {storm.get('requests', 0)} → {storm.get('petitions_with_the_key', '?')} petition",
        ),
    ]


def plain_rows(data: dict) -> list[Row]:
    rows = []
    for name, r in data["results"].items():
        floor = r.get("floor") or {}
        rows.append(Row(name, r.get("median_ms"), r.get("p95_ms"), floor.get("median_ms"), r.get("ratio")))
    return rows


READERS = {"national": national_rows, "submission": submission_rows, "petitions": plain_rows, "dashboard": plain_rows}


def number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def verdict(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "MISSED")


def main(names: list[str]) -> int:
    if not names:
        stems = (p.stem for p in RESULTS.glob("*.json"))
        names = sorted(s for s in stems if s.split("-")[0] in BENCHMARKS and s.count("-") == 1)
    status = 0
    met = missed = 0
    missed_cases = []
    header = f"{'benchmark / case':<46} {'p50 ms':>9} {'p95 ms':>9} {'floor ms':>9} {'ratio':>6}  {'target':<28}"
    print(f"\n{header} {'':<6} note")
    for name in names:
        benchmark = name.split("-")[0]
        path = RESULTS / f"{name}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            rows = READERS[benchmark](data)
        except (OSError, KeyError, ValueError) as exc:
            print(f"{name}: cannot read {path.name}: {exc!r}")
            status = 1
            continue
        scale = data.get("rows", {}).get("petitions") or data.get("setup", {}).get("existing_petitions")
        print(f"{name}" + (f" ({scale:,} petitions)" if scale else ""))
        for row in rows:
            print(
                f"  {row.case:<44} {number(row.p50):>9} {number(row.p95):>9} {number(row.floor):>9} "
                f"{number(row.ratio, 2):>6}  {row.target:<28} {verdict(row.met):<6} {row.note}"
            )
            if row.met is True:
                met += 1
            elif row.met is False:
                missed += 1
                missed_cases.append(f"{name}:{row.case}")
    print(f"\ntargets: {met} met, {missed} missed" + (f" ({', '.join(missed_cases)})" if missed_cases else ""))
    print("why each missed target is missed, and what would meet it: docs/performance.md")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
