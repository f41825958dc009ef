"""Migration operations for large tables (issue 8): indexes built CONCURRENTLY on
PostgreSQL, so that adding one to ten million petitions does not stop people entering
petitions for the minutes a build takes; on SQLite the ordinary way. A migration using
them must say `atomic = False`."""

from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations


class _Anywhere:
    """CONCURRENTLY on PostgreSQL (the concurrent operation's own methods), `ordinary`'s
    methods elsewhere."""

    ordinary: type

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        return self.ordinary.database_forwards(self, app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        return self.ordinary.database_backwards(self, app_label, schema_editor, from_state, to_state)


class AddIndexAnywhere(_Anywhere, AddIndexConcurrently):
    """CREATE INDEX CONCURRENTLY on PostgreSQL, a plain CREATE INDEX elsewhere."""

    ordinary = migrations.AddIndex


class RemoveIndexAnywhere(_Anywhere, RemoveIndexConcurrently):
    """DROP INDEX CONCURRENTLY on PostgreSQL, a plain DROP INDEX elsewhere."""

    ordinary = migrations.RemoveIndex


def more_memory(apps, schema_editor):
    """Index builds of a large table sort in memory rather than in many passes on disk
    (PostgreSQL's default maintenance_work_mem is 64 MB); this session only."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET maintenance_work_mem = '256MB'")


def default_memory(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("RESET maintenance_work_mem")
