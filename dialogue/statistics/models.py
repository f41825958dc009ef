"""Materialised daily figures of the dashboard (issue 8, docs/statistics.md).

At national scale (ten million petitions) the dashboard of the whole country cannot be
counted from the raw rows at each visit. The worker refreshes a `Snapshot`: for every
top-level unit (a province, or a central body at the root of the tree) and for the whole
country, each figure of the dashboard counted per day (`DailyFigure`), and the same
figures added up by calendar month (`MonthlyFigure`). The dashboard of the country or of a
province then reads the whole months of its period and the days at either end instead of
a million petitions.
"""

from django.db import models


class Snapshot(models.Model):
    """One refresh of the daily figures. Only the latest finished one is read; older ones
    are deleted by the next refresh."""

    started_at = models.DateTimeField()
    day = models.DateField()  # the local date of the refresh: what is late is late on this day
    finished_at = models.DateTimeField(null=True, blank=True)
    petitions = models.PositiveBigIntegerField(default=0)  # petitions counted
    rows = models.PositiveIntegerField(default=0)  # daily figures written
    seconds = models.FloatField(default=0)
    # Whether the refresh also wrote the monthly totals. A snapshot of a worker older than
    # them has none (its INSERT leaves the column to its default): it is read by day.
    monthly = models.BooleanField(default=False, db_default=False)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.started_at:%d/%m/%Y %H:%M}"


class Figure(models.Model):
    """How many of `metric` (with `key`: a field, a status, the unit that must act…) a
    snapshot counted under `unit` (a root of the tree; null: the whole country) for one
    day or one month."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="+", db_index=False)
    unit = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    metric = models.CharField(max_length=24)
    key = models.CharField(max_length=40, blank=True)
    value = models.BigIntegerField()

    class Meta:
        abstract = True


class DailyFigure(Figure):
    """A figure that falls on `day`. The metrics and the day each one is counted on are
    listed in dialogue/statistics/summary.py."""

    day = models.DateField()

    class Meta:
        indexes = [
            # Every read: one snapshot, one unit (or the country), a few metrics, a range of days.
            models.Index(
                fields=["snapshot", "unit", "metric", "day"], include=["key", "value"], name="daily_figure_read"
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.metric} {self.key}: {self.value}"


class MonthlyFigure(Figure):
    """The sum of a snapshot's `DailyFigure` rows of one summed metric over one calendar
    month (`month`: its first day): ten years of a unit's figures are 120 rows of each
    metric instead of 3,650 (summary.read)."""

    month = models.DateField()

    class Meta:
        indexes = [
            models.Index(
                fields=["snapshot", "unit", "metric", "month"], include=["key", "value"], name="monthly_figure_read"
            ),
        ]

    def __str__(self):
        return f"{self.month:%m/%Y} {self.metric} {self.key}: {self.value}"


class WorkingDayIndex(models.Model):
    """Working days counted from the first day of the snapshot's data, so that the working
    days between two dates are a difference of two rows (`selectors._working_day_average`)."""

    day = models.DateField(unique=True)
    working_days = models.IntegerField()

    def __str__(self):
        return f"{self.day}: {self.working_days}"
