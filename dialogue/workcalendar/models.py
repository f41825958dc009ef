from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExceptionKind(models.TextChoices):
    DAY_OFF = "day_off", _("Day off")
    WORKING_DAY = "working_day", _("Working day")


class CalendarException(models.Model):
    """A day the government's yearly decision makes different from the statutory rule:
    a swapped day off (Friday 02/01/2026) or a worked weekend day (Saturday 10/01/2026)."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=ExceptionKind.choices)
    reason = models.CharField(_("reason"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} — {self.get_kind_display()}: {self.reason}"
