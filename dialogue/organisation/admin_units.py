"""Load Vietnam's administrative units from the `vietnamadminunits` package (MIT), which
ships the official list after the July 2025 reform (34 provinces, 3,321 communes) and the
63-province list before it.

Loading is idempotent: units are matched by kind and official code, so running it twice
changes nothing, and a renamed unit is updated in place.

Historical units (before 1 July 2025) are loaded only for the provinces asked for. Each
hangs under its successor in today's tree, so a role over today's province also covers
the records of the districts and communes it absorbed (see docs/decisions.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from vietnamadminunits.database import query

from dialogue.core.services import audit_record
from dialogue.lib.text import fold
from dialogue.organisation.models import Unit, UnitKind, UnitStatus
from dialogue.organisation.signals import unit_paths_changed

REFORM_DATE = date(2025, 7, 1)


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome == "created":
            self.by_kind[kind] = self.by_kind.get(kind, 0) + 1


class _Upserter:
    """Creates or updates units by (kind, code, status), tracking tree paths as it goes."""

    def __init__(self, report: LoadReport):
        self.report = report
        self.kinds = {k.code: k for k in UnitKind.objects.all()}
        # One read of every unit the loader may touch, so a run that changes nothing costs
        # one query instead of one per unit. Ordered by path, first wins, as `.first()` did.
        self.existing: dict[tuple[int, str, str], Unit] = {}
        loaded_kinds = [self.kinds[code].pk for code in ("province", "district", "commune") if code in self.kinds]
        for unit in Unit.objects.filter(kind_id__in=loaded_kinds).order_by("path"):
            self.existing.setdefault((unit.kind_id, unit.code, unit.status), unit)

    def upsert(
        self, *, kind: str, code: str, name: str, short_name: str, parent: Unit | None, dissolved: bool = False
    ) -> Unit:
        kind_obj = self.kinds[kind]
        status = UnitStatus.DISSOLVED if dissolved else UnitStatus.ACTIVE
        unit = self.existing.get((kind_obj.pk, code, status))
        values = {
            "name": name,
            "short_name": short_name,
            "name_folded": fold(name),
            # Compared by id: reading `unit.parent` would fetch the parent row each time.
            "parent_id": parent.pk if parent else None,
            "level": kind_obj.level if kind_obj.level is not None else parent.level,
            "depth": parent.depth + 1 if parent else 0,
            "dissolved_on": REFORM_DATE if dissolved else None,
        }
        if unit is None:
            unit = Unit.objects.create(kind=kind_obj, code=code, status=status, path="", **values)
            unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
            unit.save(update_fields=["path"])
            self.existing[(kind_obj.pk, code, status)] = unit
            self.report.count(kind, "created")
            return unit
        expected_path = f"{parent.path if parent else '/'}{unit.pk}/"
        changed = [k for k, v in values.items() if getattr(unit, k) != v] + (
            ["path"] if unit.path != expected_path else []
        )
        if changed:
            for k, v in values.items():
                setattr(unit, k, v)
            unit.path = expected_path
            unit.save()
            if "path" in changed:  # what is derived from paths follows (dialogue/petitions/crossings.py)
                unit_paths_changed.send(sender=Unit, unit_ids=[unit.pk])
            self.report.count(kind, "updated")
        else:
            self.report.count(kind, "unchanged")
        return unit


@transaction.atomic
def admin_units_load(*, actor=None, historical_provinces: list[str] | tuple[str, ...] = ()) -> LoadReport:
    """Load the current provinces and communes, and the pre-2025 units of the given
    legacy province codes. One transaction: a failure leaves the tree as it was."""
    report = LoadReport()
    up = _Upserter(report)
    rows = query(
        "SELECT province, provinceShort, provinceCode, provinceKey, ward, wardShort, wardCode "
        "FROM admin_units ORDER BY provinceCode, wardCode"
    )
    provinces: dict[str, Unit] = {}
    by_key: dict[str, Unit] = {}
    for row in rows:
        code = row["provinceCode"]
        if code not in provinces:
            provinces[code] = up.upsert(
                kind="province", code=code, name=row["province"], short_name=row["provinceShort"], parent=None
            )
            by_key[row["provinceKey"]] = provinces[code]
        up.upsert(
            kind="commune",
            code=row["wardCode"],
            name=row["ward"],
            short_name=row["wardShort"],
            parent=provinces[code],
        )
    if historical_provinces:
        _load_historical(up, by_key, set(historical_provinces))
    if report.created or report.updated:
        audit_record(
            actor=actor,
            action="organisation.load_admin_units",
            target=None,
            after={
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "historical_provinces": sorted(historical_provinces),
            },
        )
    return report


def _successors() -> dict[str, str]:
    """Legacy province key -> the key of the province that absorbed it in 2025."""
    import json
    from pathlib import Path

    import vietnamadminunits

    data = json.loads((Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json").read_text("utf-8"))
    return {old: new for new, olds in data["DICT_PROVINCE"].items() for old in olds}


def _load_historical(up: _Upserter, current_by_key: dict[str, Unit], codes: set[str]) -> None:
    successors = _successors()
    # The package's query() takes plain SQL, so only digit codes are let through.
    safe = sorted(c for c in codes if c.isdigit())
    in_list = ",".join(f"'{c}'" for c in safe)
    rows = query(
        "SELECT province, provinceShort, provinceCode, provinceKey, district, districtShort, districtCode, "  # noqa: S608
        f"ward, wardShort, wardCode FROM admin_units_legacy WHERE provinceCode IN ({in_list}) "
        "ORDER BY provinceCode, districtCode, wardCode"
    )
    legacy_provinces: dict[str, Unit] = {}
    districts: dict[str, Unit] = {}
    for row in rows:
        pcode = row["provinceCode"]
        if pcode not in legacy_provinces:
            successor = current_by_key[successors[row["provinceKey"]]]
            if fold(successor.name) == fold(row["province"]):
                # Same province before and after the reform: its districts hang under it directly.
                legacy_provinces[pcode] = successor
            else:
                legacy_provinces[pcode] = up.upsert(
                    kind="province",
                    code=pcode,
                    name=row["province"],
                    short_name=row["provinceShort"],
                    parent=successor,
                    dissolved=True,
                )
        dcode = row["districtCode"]
        if dcode not in districts:
            districts[dcode] = up.upsert(
                kind="district",
                code=dcode,
                name=row["district"],
                short_name=row["districtShort"],
                parent=legacy_provinces[pcode],
                dissolved=True,
            )
        if not row["ward"]:
            continue  # island districts had no communes
        up.upsert(
            kind="commune",
            code=row["wardCode"],
            name=row["ward"],
            short_name=row["wardShort"],
            parent=districts[dcode],
            dissolved=True,
        )
