# An answer may be entered after the day it was sent (the agency's letter is dated), so
# the time is a default the service can override, no longer auto_now_add.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0004_import_progress"),
    ]

    operations = [
        migrations.AlterField(
            model_name="answer",
            name="submitted_at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="submitted at"),
        ),
    ]
