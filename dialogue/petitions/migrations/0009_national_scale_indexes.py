"""Indexes for a national deployment (issue 8, bench/national.py, docs/performance.md).

On PostgreSQL every index is built CONCURRENTLY (the migration is not atomic), so that
applying it to a table of ten million petitions does not stop people entering petitions
for the minutes a build takes; on SQLite the same indexes are built the ordinary way.

The trigram indexes (pg_trgm) exist only on PostgreSQL: the accent-insensitive search
(`search_folded LIKE '%duong%'`) and the duplicate pre-filter (`signature LIKE '%na don%'`)
then read the rows that hold the words instead of every petition of the area. Creating
the extension needs the database's owner (pg_trgm is a trusted extension since
PostgreSQL 13) or a superuser.
"""

from django.db import migrations, models

from dialogue.lib.migrations import AddIndexAnywhere, RemoveIndexAnywhere, default_memory, more_memory

TRIGRAM_INDEXES = {
    "petition_search_trgm": "search_folded",
    "petition_signature_trgm": "signature",
}


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("petitions", "Petition")._meta.db_table
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{name}" ON "{table}" USING gin ("{column}" gin_trgm_ops)'
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{name}"')


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("petitions", "0008_public_intake"),
    ]

    operations = [
        migrations.RunPython(more_memory, more_memory, elidable=True),
        AddIndexAnywhere(
            model_name="petition",
            index=models.Index(
                condition=models.Q(("acknowledged_on__isnull", True)),
                fields=["receiving_unit", "ack_due", "status"],
                name="petition_ack_open_unit",
            ),
        ),
        RemoveIndexAnywhere(
            model_name="petition",
            name="petition_ack_open",
        ),
        AddIndexAnywhere(
            model_name="petitiongroup",
            index=models.Index(fields=["lead_unit", "receiving_unit"], name="group_lead_receiving"),
        ),
        AddIndexAnywhere(
            model_name="petitiongroup",
            index=models.Index(
                condition=models.Q(("answer_mode", "written"), models.Q(("status", "approved"), _negated=True)),
                fields=["due_date"],
                include=("lead_unit", "receiving_unit"),
                name="group_answer_open",
            ),
        ),
        migrations.RunPython(add_trigram_indexes, drop_trigram_indexes, elidable=False),
        migrations.RunPython(default_memory, default_memory, elidable=True),
    ]
