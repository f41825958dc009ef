"""Personal data of petitioners (Law 91/2025/QH15 on personal data protection; Decree
356/2025/NĐ-CP): who was shown a petitioner's contact details, and which petitioners'
data was anonymised, when and why.

Neither model holds a petitioner's data: an access entry names the staff member, the
petition (by id) and the page; an anonymisation names the petitions (by id), the counts
and the administrator's reason.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessImmutable(Exception):
    pass


class AccessView(models.TextChoices):
    """Where contact details were shown (one value per page, API call or export)."""

    PETITION_DETAIL = "petition_detail", _("Petition page")
    PETITION_EDIT = "petition_edit", _("Petition correction form")
    API_PETITION = "api_petition", _("API: one petition")
    API_PETITION_LIST = "api_petition_list", _("API: list of petitions")
    SYNTHESIS_WORKBOOK = "synthesis_workbook", _("Excel list of a conference's petitions")
    DOSSIER = "dossier", _("Conference dossier (ZIP)")
    IMPORT_REPORT = "import_report", _("Report of an Excel import")
    MESSAGES = "messages", _("Messages sent to petitioners")
    PERSON_LOOKUP = "person_lookup", _("Personal data: look-up of a person")
    PERSON_EXPORT = "person_export", _("Personal data: export of a person's data")


class AccessQuerySet(models.QuerySet):
    # The access log is evidence of who saw what: nothing in the product rewrites it.
    def update(self, **kwargs):
        raise AccessImmutable("access entries cannot be changed")

    def delete(self):
        raise AccessImmutable("access entries cannot be deleted")


class ContactAccess(models.Model):
    """A staff member was shown the contact details (name, telephone number, address,
    e-mail) of the petitioner of one petition, on one page or in one export."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_repr = models.CharField(_("staff member"), max_length=255, blank=True)
    # No database constraint: the log outlives anything that happens to the petition.
    petition = models.ForeignKey(
        "petitions.Petition",
        verbose_name=_("petition"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    view = models.CharField(_("where"), max_length=24, choices=AccessView.choices)
    # The petition's receiving unit: whose administrators and synthesis board read the entry.
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit_path = models.CharField(max_length=255, blank=True, db_index=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access to contact details")
        verbose_name_plural = _("accesses to contact details")
        indexes = [
            models.Index(fields=["petition", "at"], name="contact_access_petition"),
            models.Index(fields=["user", "at"], name="contact_access_user"),
        ]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.user_repr} #{self.petition_id} {self.view}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AccessImmutable("access entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AccessImmutable("access entries cannot be deleted")


class Erasure(models.Model):
    """One anonymisation of a person's data by an administrator: the petitions (by id),
    what was cleared (counts) and why. The reason is the administrator's; the form asks
    them not to write the person's name in it."""

    at = models.DateTimeField(_("time"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("administrator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_repr = models.CharField(_("administrator"), max_length=255, blank=True)
    reason = models.TextField(_("reason"))
    redaction_reason = models.TextField(_("reason the content was erased"), blank=True)
    counts = models.JSONField(_("what was cleared"), default=dict)
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit_path = models.CharField(max_length=255, blank=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("anonymisation")
        verbose_name_plural = _("anonymisations")

    def __str__(self):
        return _("Anonymisation no. %(number)s") % {"number": self.pk}


class ErasedPetition(models.Model):
    """A petition whose petitioner was anonymised (once), and whether its content was
    erased too."""

    erasure = models.ForeignKey(Erasure, on_delete=models.PROTECT, related_name="petitions")
    petition = models.OneToOneField(
        "petitions.Petition", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    content_redacted = models.BooleanField(_("content erased"), default=False)

    class Meta:
        verbose_name = _("anonymised petition")
        verbose_name_plural = _("anonymised petitions")

    def __str__(self):
        return f"#{self.petition_id}"
