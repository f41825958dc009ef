from django.db import migrations

from dialogue.organisation.kinds import BUILTIN_KINDS


def load_kinds(apps, schema_editor):
    UnitKind = apps.get_model("organisation", "UnitKind")
    for code, name, category, level, historical, order in BUILTIN_KINDS:
        UnitKind.objects.update_or_create(
            code=code,
            defaults={"name": name, "category": category, "level": level, "historical": historical, "sort_order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial")]
    operations = [migrations.RunPython(load_kinds, migrations.RunPython.noop)]
