"""The list filtered by status and field counted from one index (issue 8,
docs/performance.md). Built CONCURRENTLY on PostgreSQL (dialogue/lib/migrations.py)."""

from django.db import migrations, models

from dialogue.lib.migrations import AddIndexAnywhere, default_memory, more_memory


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("petitions", "0011_processing_purpose"),
    ]

    operations = [
        migrations.RunPython(more_memory, more_memory, elidable=True),
        AddIndexAnywhere(
            model_name="petition",
            index=models.Index(
                fields=["receiving_unit", "status", "field", "received_on"], name="petition_unit_status_field"
            ),
        ),
        migrations.RunPython(default_memory, default_memory, elidable=True),
    ]
