"""The conference dossier (hồ sơ hội nghị, domain.md §1 step 9): one ZIP file holding
everything of a conference for the archive, built by the background worker."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DossierStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for the worker")
    BUILDING = "building", _("Being built")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


ACTIVE_STATUSES = (DossierStatus.QUEUED, DossierStatus.BUILDING)


class DossierExport(models.Model):
    """One build of a conference's dossier: asked for by a person, built by the worker,
    kept as a ZIP with its size and SHA-256 so an archived copy can be checked."""

    conference = models.ForeignKey(
        "plans.Conference", on_delete=models.CASCADE, related_name="dossier_exports", verbose_name=_("conference")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(_("status"), max_length=10, choices=DossierStatus.choices, default=DossierStatus.QUEUED)
    file = models.FileField(_("file"), upload_to="dossiers/%Y/%m/", blank=True, max_length=255)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    file_count = models.PositiveIntegerField(_("files"), default=0)
    # Parts of the dossier the conference does not have yet (no minutes, no notice...).
    missing = models.JSONField(default=list, blank=True)
    # The part being built, shown while the worker works; also its heartbeat.
    step = models.CharField(max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("conference dossier")
        verbose_name_plural = _("conference dossiers")
        constraints = [
            # A double click, or two people at once, never build the same dossier twice.
            models.UniqueConstraint(
                fields=["conference"],
                condition=Q(status__in=["queued", "building"]),
                name="dossier_one_active_per_conference",
            )
        ]

    def __str__(self):
        return f"Hồ sơ hội nghị #{self.pk}: {self.conference}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES
