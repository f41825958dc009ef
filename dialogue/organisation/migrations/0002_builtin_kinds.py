from django.db import migrations

from dialogue.organisation.kinds import ensure_builtin_kinds


def load_kinds(apps, schema_editor):
    ensure_builtin_kinds(apps.get_model("organisation", "UnitKind"))


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial")]
    operations = [migrations.RunPython(load_kinds, migrations.RunPython.noop)]
