from django.db import migrations


def load(apps, schema_editor):
    from dialogue.plans.procedure import load_builtin_timelines

    load_builtin_timelines(apps.get_model("plans", "TimelineTemplate"), apps.get_model("plans", "TimelineStep"))


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
