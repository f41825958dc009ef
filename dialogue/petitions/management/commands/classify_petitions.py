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
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dialogue.petitions.suggest import confirmed_decisions
from dialogue.petitions.triage import Example, Suggester, past_decisions

MAX_REPORTED = 10


def read_objects(path: str) -> list[dict]:
    """The JSON objects of a JSON-lines file (blank lines skipped), or CommandError naming
    every bad line (up to MAX_REPORTED). Messages in the active language (Vietnamese in
    the command)."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        raise CommandError(gettext("File {path} not found.").format(path=path)) from None
    except UnicodeDecodeError:
        raise CommandError(gettext("File {path} is not UTF-8 text.").format(path=path)) from None
    except OSError as exc:
        raise CommandError(
            gettext("Cannot read file {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from None
    rows: list[dict] = []
    errors: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            message = gettext("line {number}: not valid JSON ({error}, column {column})")
            errors.append(message.format(number=number, error=exc.msg, column=exc.colno))
            continue
        if not isinstance(row, dict):
            errors.append(gettext("line {number}: must be a JSON object {{...}}").format(number=number))
        elif "text" not in row:
            errors.append(gettext('line {number}: the field "text" is missing').format(number=number))
        elif not isinstance(row["text"], str):
            errors.append(gettext('line {number}: the field "text" must be a string').format(number=number))
        else:
            rows.append(row)
    if errors:
        more = ""
        if len(errors) > MAX_REPORTED:
            more = "\n  " + gettext("… and {count} more errors").format(count=len(errors) - MAX_REPORTED)
        listed = "\n  ".join(errors[:MAX_REPORTED])
        message = gettext("File {path} has {count} bad lines; nothing was written:")
        raise CommandError(f"{message.format(path=path, count=len(errors))}\n  {listed}{more}")
    return rows


def _label(row: dict, key: str) -> str:
    value = row.get(key)
    return str(value).strip() if value is not None else ""


class Command(BaseCommand):
    help = _("Suggest the field (the three best) and the competent level for every petition of a JSON Lines file.")

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, help=_('JSON Lines, one object with "text" per line'))
        parser.add_argument("--output", required=True, help=_("the result file (JSON Lines, UTF-8)"))
        parser.add_argument(
            "--train",
            help=_('classified JSON Lines ("text", "field", optionally "level", "agency") to learn from'),
        )

    def handle(self, *args, **options):
        with translation.override("vi"):
            self._classify(options)

    def _classify(self, options):
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
            message = gettext("Cannot write file {path}: {reason}.")
            raise CommandError(message.format(path=output_path, reason=exc.strerror)) from None
        message = gettext("Classified {count} petitions → {path}")
        self.stdout.write(message.format(count=len(lines), path=output_path))
