"""Cross-validated accuracy of the triage suggester on a labelled JSON-lines file.

    .venv/bin/python scripts/evaluate_triage.py [PATH] [--folds 5] [--seeds 5]

PATH defaults to ../shared/data/petitions_dev.jsonl (next to the project). Every figure
is k-fold cross-validation: each fold's model never sees that fold's rows. Printed with
the built-in vocabulary on and off, averaged over several shuffles (seeds); plus the
vocabulary alone (no row of the file used for training at all) and the majority-class
baselines. No Django settings needed.
"""

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dialogue.petitions.triage import Suggester, evaluate, load_jsonl_examples  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "petitions_dev.jsonl"


def _line(name: str, runs: list[dict]) -> str:
    def stat(key):
        values = [r[key] for r in runs]
        spread = f" ±{statistics.pstdev(values):.3f}" if len(values) > 1 else ""
        return f"{statistics.mean(values):.3f}{spread}"

    return f"{name:<28} {stat('field_top1'):>14} {stat('field_top3'):>14} {stat('level_top1'):>14}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=5, help="shuffles averaged (seeds 0..N-1)")
    args = parser.parse_args(argv)

    path = Path(args.path)
    if not path.exists():
        print(f"Không tìm thấy tệp {path}", file=sys.stderr)
        return 1
    examples = load_jsonl_examples(path.read_text(encoding="utf-8").splitlines())
    with_field = [e for e in examples if e.field]
    with_level = [e for e in examples if e.level]
    print(f"{path}: {len(examples)} rows, {len(with_field)} with a field, {len(with_level)} with a level")
    print(f"{args.folds}-fold cross-validation, stratified by field, seeds 0..{args.seeds - 1} (mean ± std)\n")
    print(f"{'':<28} {'field top-1':>14} {'field top-3':>14} {'level top-1':>14}")

    started = time.perf_counter()
    for name, use_vocabulary in (("vocabulary + past rows", True), ("past rows only", False)):
        runs = [
            evaluate(examples, folds=args.folds, seed=seed, use_vocabulary=use_vocabulary) for seed in range(args.seeds)
        ]
        print(_line(name, runs))

    # The vocabulary alone: nothing from the file is learned, every row is a test row.
    model = Suggester.train([])
    hits1 = hits3 = level_hits = 0
    for e in examples:
        suggestion = model.suggest(e.text)
        codes = [code for code, _ in suggestion.fields]
        if e.field:
            hits1 += codes[0] == e.field
            hits3 += e.field in codes
        if e.level:
            level_hits += suggestion.level == e.level
    alone = {
        "field_top1": hits1 / max(len(with_field), 1),
        "field_top3": hits3 / max(len(with_field), 1),
        "level_top1": level_hits / max(len(with_level), 1),
    }
    print(_line("vocabulary alone (no rows)", [alone]))

    fields, levels = Counter(e.field for e in with_field), Counter(e.level for e in with_level)
    top3 = sum(n for _, n in fields.most_common(3))
    print(
        f"{'majority class (whole file)':<28} {fields.most_common(1)[0][1] / len(with_field):>14.3f}"
        f" {top3 / len(with_field):>14.3f} {levels.most_common(1)[0][1] / max(len(with_level), 1):>14.3f}"
    )
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
