from django.db import migrations


def load(apps, schema_editor):
    from dialogue.petitions.fields_seed import load_builtin_fields

    load_builtin_fields(apps.get_model("petitions", "Field"))


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
