from datetime import date

from django.db import migrations

# Days the government moved for 2026 that the `holidays` package does not carry;
# administrators add later years' swaps from the calendar page.
SWAPS = [
    (date(2026, 1, 2), "day_off", "Nghỉ bù Tết Dương lịch 2026 (hoán đổi với thứ Bảy 10/01/2026)"),
    (date(2026, 1, 10), "working_day", "Làm bù cho ngày nghỉ thứ Sáu 02/01/2026"),
]


def load(apps, schema_editor):
    CalendarException = apps.get_model("workcalendar", "CalendarException")
    for day, kind, reason in SWAPS:
        CalendarException.objects.get_or_create(date=day, defaults={"kind": kind, "reason": reason})


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
