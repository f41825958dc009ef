# ruff: noqa: S608 - the SQL names fixed tables and columns only; every value goes as a parameter.
"""Which petition groups and supports cross from one root of the unit tree to another.

A province's officers see every petition received in their province, and besides those,
the groups that the province's agencies lead or support but that were received elsewhere
(`selectors._groups_outside`). Finding those by reading every group the province's agencies
lead took most of a second at ten million petitions (bench/national.py). When the person's
units are whole roots of the tree (a province, a central body), such a group must have its
lead or supporting unit under another root than its receiving unit: that is what
`PetitionGroup.crosses_roots` and `Support.crosses_roots` say, with a partial index each,
so that the lookup reads only those few rows.

The flags are kept by the models' `save()` (every service goes through it) and, when units
move in the tree, by `refresh()` for the groups and supports of the units that moved
(`dialogue.organisation.signals.unit_paths_changed`). Rows written in bulk (the national
benchmark's COPY, migration 0010) are refreshed with `refresh()` too.
"""

from __future__ import annotations

from django.db import connection


def root_of(path: str | None) -> str:
    """“/571/3440/” -> “571”."""
    return (path or "").strip("/").split("/", 1)[0]


def _root_sql(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"split_part({column}, '/', 2)"
    return f"substr({column}, 2, instr(substr({column}, 2), '/') - 1)"


def refresh(unit_ids: list[int] | None = None) -> None:
    """Recompute both flags: for every row, or for the rows touching `unit_ids` (as lead,
    supporting or receiving unit)."""
    from dialogue.petitions.models import PetitionGroup, Support

    groups, supports = PetitionGroup._meta.db_table, Support._meta.db_table
    unit_sql = "SELECT {root} FROM organisation_unit u WHERE u.id = {column}"
    lead = unit_sql.format(root=_root_sql("u.path"), column=f"{groups}.lead_unit_id")
    receiving = unit_sql.format(root=_root_sql("u.path"), column=f"{groups}.receiving_unit_id")
    supporting = unit_sql.format(root=_root_sql("u.path"), column=f"{supports}.unit_id")
    group_receiving = (
        f"SELECT {_root_sql('u.path')} FROM organisation_unit u JOIN {groups} g ON g.receiving_unit_id = u.id "
        f"WHERE g.id = {supports}.group_id"
    )
    # Only the rows whose flag changes are written (a refresh of every row rewrites few).
    group_flag = f"COALESCE(({lead}) <> ({receiving}), FALSE)"
    support_flag = f"COALESCE(({supporting}) <> ({group_receiving}), FALSE)"
    params: list = []
    where_groups = where_supports = ""
    if unit_ids is not None:
        if not unit_ids:
            return
        marks = ", ".join(["%s"] * len(unit_ids))
        where_groups = f" AND (lead_unit_id IN ({marks}) OR receiving_unit_id IN ({marks}))"
        where_supports = (
            f" AND (unit_id IN ({marks}) OR group_id IN (SELECT id FROM {groups} WHERE receiving_unit_id IN ({marks})))"
        )
        params = [*unit_ids, *unit_ids]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {groups} SET crosses_roots = {group_flag} WHERE crosses_roots <> {group_flag}{where_groups}",
            params,
        )
        cursor.execute(
            f"UPDATE {supports} SET crosses_roots = {support_flag} "
            f"WHERE crosses_roots <> {support_flag}{where_supports}",
            params,
        )
