"""Suggest field (three best) and level for every petition of a JSON-lines file.

    python manage.py classify_petitions --input IN.jsonl --output OUT.jsonl [--train TRAIN.jsonl]

Every input line is a JSON object with "text"; the output repeats it with "field" (best
code), "fields" (three best codes, best first) and "level" added, in the same order.
The model is the built-in vocabulary plus `triage.past_decisions()` plus, with --train,
the labelled lines of TRAIN.jsonl ("text" with "field", and optionally "level", "agency").
Every line of every file is checked before anything is written: one bad line and the
command stops with the line numbers, writing nothing.
"""

import json
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dialogue.petitions.suggest import confirmed_decisions
from dialogue.petitions.triage import Example, Suggester, past_decisions

MAX_REPORTED = 10


def read_objects(path: str) -> list[dict]:
    """The JSON objects of a JSON-lines file (blank lines skipped), or CommandError naming
    every bad line (up to MAX_REPORTED)."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        raise CommandError(f"Không tìm thấy tệp {path}.") from None
    except UnicodeDecodeError:
        raise CommandError(f"Tệp {path} không phải văn bản UTF-8.") from None
    except OSError as exc:
        raise CommandError(f"Không đọc được tệp {path}: {exc.strerror}.") from None
    rows: list[dict] = []
    errors: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"dòng {number}: không phải JSON hợp lệ ({exc.msg}, cột {exc.colno})")
            continue
        if not isinstance(row, dict):
            errors.append(f"dòng {number}: phải là một đối tượng JSON {{...}}")
        elif "text" not in row:
            errors.append(f'dòng {number}: thiếu trường "text"')
        elif not isinstance(row["text"], str):
            errors.append(f'dòng {number}: trường "text" phải là chuỗi ký tự')
        else:
            rows.append(row)
    if errors:
        more = f"\n  … và {len(errors) - MAX_REPORTED} lỗi khác" if len(errors) > MAX_REPORTED else ""
        listed = "\n  ".join(errors[:MAX_REPORTED])
        raise CommandError(f"Tệp {path} có {len(errors)} dòng lỗi, chưa ghi gì:\n  {listed}{more}")
    return rows


def _label(row: dict, key: str) -> str:
    value = row.get(key)
    return str(value).strip() if value is not None else ""


class Command(BaseCommand):
    help = "Gợi ý lĩnh vực (3 lĩnh vực phù hợp nhất) và cấp thẩm quyền cho từng kiến nghị trong tệp JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, help='JSON Lines, mỗi dòng một đối tượng có "text"')
        parser.add_argument("--output", required=True, help="tệp kết quả (JSON Lines, UTF-8)")
        parser.add_argument(
            "--train",
            help='JSON Lines đã phân loại ("text", "field", tùy chọn "level", "agency") để học thêm',
        )

    def handle(self, *args, **options):
        # Not keyword parameters: "input" would shadow the builtin.
        input_path, output_path, train_path = options["input"], options["output"], options.get("train")
        rows = read_objects(input_path)
        # The built-in vocabulary, the classifications staff confirmed in this database,
        # and the labelled file when one is given.
        examples = list(past_decisions()) + confirmed_decisions()
        if train_path:
            examples += [
                Example(
                    text=row["text"],
                    field=_label(row, "field"),
                    level=_label(row, "level"),
                    agency=_label(row, "agency"),
                )
                for row in read_objects(train_path)
            ]
        model = Suggester.train(examples)

        lines = []
        for row in rows:
            suggestion = model.suggest(row["text"])
            codes = [code for code, _ in suggestion.fields]
            result = {**row, "field": codes[0], "fields": codes, "level": suggestion.level}
            lines.append(json.dumps(result, ensure_ascii=False))

        target = Path(output_path)
        partial = target.with_name(target.name + ".partial")
        try:
            partial.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Không ghi được tệp {output_path}: {exc.strerror}.") from None
        self.stdout.write(f"Đã phân loại {len(lines)} kiến nghị → {output_path}")
