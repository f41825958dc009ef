"""Conclusion notices (thông báo kết luận) and their directives (domain.md §1 step 7).

The synthesis body drafts the notice from the conference's petition groups and the
interventions recorded on the day; the chair approves and issues it under a number; on
issue each directive becomes a tracked item of the unit that must act. A commune must
publish the results within 10 days (Law 72/2025/QH15, art. 43): `Publication`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dialogue.plans.models import DocumentLayout


class ConclusionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved, waiting to be issued")
    ISSUED = "issued", _("Issued")
    CANCELLED = "cancelled", _("Cancelled")


class DirectiveStatus(models.TextChoices):
    # A row of the draft; it becomes "assigned" when the notice is issued.
    PROPOSED = "proposed", _("Proposed in the draft")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    # The responsible unit reported a result (claimed_status) that the synthesis board
    # has not yet accepted or sent back.
    REPORTED = "reported", _("Result reported, awaiting review")
    RESOLVED = "resolved", _("Resolved")
    PARTLY_RESOLVED = "partly_resolved", _("Partly resolved")
    CANNOT_RESOLVE = "cannot_resolve", _("Cannot be resolved")
    FORWARDED_UP = "forwarded_up", _("Forwarded to the higher level")
    CLOSED = "closed", _("Closed")


# Directives somebody still has to act on: the responsible unit (assigned, in progress,
# partly resolved), the synthesis board (reported) or the higher level (forwarded up).
OPEN_DIRECTIVE_STATUSES = (
    DirectiveStatus.ASSIGNED,
    DirectiveStatus.IN_PROGRESS,
    DirectiveStatus.REPORTED,
    DirectiveStatus.PARTLY_RESOLVED,
    DirectiveStatus.FORWARDED_UP,
)
# The results a responsible unit may report; the synthesis board accepts or returns them.
REPORTABLE_STATUSES = (DirectiveStatus.RESOLVED, DirectiveStatus.PARTLY_RESOLVED, DirectiveStatus.CANNOT_RESOLVE)
# Finished: nothing more is expected (a resolved matter still waits to be closed with evidence).
DONE_DIRECTIVE_STATUSES = (DirectiveStatus.RESOLVED, DirectiveStatus.CANNOT_RESOLVE, DirectiveStatus.CLOSED)


class ConclusionPolicy(models.Model):
    """A unit's deadlines for conclusion notices; a unit without one uses its nearest
    ancestor's, and the defaults below when none has one."""

    unit = models.OneToOneField(
        "organisation.Unit", on_delete=models.CASCADE, related_name="conclusion_policy", verbose_name=_("unit")
    )
    # Seed 001: the notice within 07 working days after the conference.
    notice_working_days = models.PositiveSmallIntegerField(
        _("notice due (working days after the conference)"), default=7
    )
    directive_working_days = models.PositiveSmallIntegerField(
        _("suggested time for a directive (working days after the conference)"), default=15
    )
    # Law 72/2025/QH15 art. 43: a commune publishes the results within 10 days (calendar days).
    publication_days = models.PositiveSmallIntegerField(
        _("results published within (days after the conference)"), default=10
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("conclusion notice deadlines")
        verbose_name_plural = _("conclusion notice deadlines")

    def __str__(self):
        return str(self.unit)


class Conclusion(models.Model):
    """Thông báo kết luận of one conference."""

    conference = models.ForeignKey(
        "plans.Conference", on_delete=models.PROTECT, related_name="conclusions", verbose_name=_("conference")
    )
    issuing_unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="+"
    )
    layout = models.CharField(_("document layout"), max_length=10, choices=DocumentLayout.choices)
    issuer_parent_line = models.CharField(_("higher body line"), max_length=200, blank=True)
    issuer_line = models.CharField(_("issuing body line"), max_length=200)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(_("symbol"), max_length=40)
    year = models.PositiveSmallIntegerField(_("year"))
    place = models.CharField(_("place"), max_length=100)
    issued_on = models.DateField(_("date"), null=True, blank=True)
    due_date = models.DateField(_("notice due"))
    title = models.TextField(_("title (summary)"))
    opening = models.TextField(_("opening"), blank=True)
    answered = models.TextField(_("what was answered"), blank=True)
    settled = models.TextField(_("what was settled at the conference"), blank=True)
    directives_intro = models.TextField(_("introduction to the directives"), blank=True)
    closing = models.TextField(_("closing"), blank=True)
    signing_authority = models.CharField(_("signing authority"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)
    recipients = models.TextField(_("recipients (Nơi nhận)"), blank=True, help_text=_("One recipient per line."))
    # The groups ("g12") and interventions ("r7") the draft was made from, so that adding
    # what is new from the conference never brings back what the secretariat removed.
    drafted_from = models.JSONField(default=list, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ConclusionStatus.choices, default=ConclusionStatus.DRAFT
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("conclusion notice")
        verbose_name_plural = _("conclusion notices")
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_unit", "year", "number"],
                condition=Q(number__isnull=False),
                name="conclusion_number_unique_per_unit_year",
            ),
            # One living notice per conference: drafting twice returns the same draft.
            models.UniqueConstraint(
                fields=["conference"], condition=~Q(status="cancelled"), name="conclusion_one_per_conference"
            ),
        ]

    def __str__(self):
        return f"{self.label} — {self.title[:80]}"

    @property
    def label(self) -> str:
        if self.number:
            return self.number_label
        return f"{ConclusionStatus.DRAFT.label} {self.symbol}"

    @property
    def number_label(self) -> str:
        """“Số 12-TB/ĐU” (Party) or “Số: 12/TB-UBND” (state); a blank number before issue."""
        number = str(self.number) if self.number else "    "
        if self.layout == DocumentLayout.PARTY:
            return f"Số {number}-{self.symbol}"
        return f"Số: {number}/{self.symbol}"


class Directive(models.Model):
    """One matter the notice gives a unit to act on, with whom, what result and by when."""

    conclusion = models.ForeignKey(Conclusion, on_delete=models.CASCADE, related_name="directives")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    matter = models.TextField(_("matter"))
    group = models.ForeignKey(
        "petitions.PetitionGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directives",
        verbose_name=_("petition group"),
    )
    speaker_request = models.ForeignKey(
        "proceedings.SpeakerRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directives",
        verbose_name=_("intervention"),
    )
    lead_unit = models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_directives",
        verbose_name=_("unit that must act"),
    )
    supporting_units = models.ManyToManyField(
        "organisation.Unit", blank=True, related_name="supported_directives", verbose_name=_("supporting units")
    )
    expected_result = models.TextField(_("expected result"), blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=DirectiveStatus.choices, default=DirectiveStatus.PROPOSED
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    # Follow-up (issue 6): what the unit reported while awaiting review, why a matter
    # cannot be resolved, and when it was resolved and closed.
    claimed_status = models.CharField(_("reported result"), max_length=16, choices=DirectiveStatus.choices, blank=True)
    resolution_reason = models.TextField(_("reason it cannot be resolved"), blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    last_update_at = models.DateTimeField(_("last progress update"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["conclusion", "order", "id"]
        verbose_name = _("directive")
        verbose_name_plural = _("directives")
        indexes = [models.Index(fields=["status", "due_date"], name="directive_status_due")]

    def __str__(self):
        return self.matter[:100]


class PublicationStatus(models.TextChoices):
    PENDING = "pending", _("Not yet published")
    PUBLISHED = "published", _("Published")


class Publication(models.Model):
    """The public release of an issued notice, with personal data masked."""

    status = models.CharField(
        _("status"), max_length=12, choices=PublicationStatus.choices, default=PublicationStatus.PENDING
    )
    conclusion = models.OneToOneField(Conclusion, on_delete=models.CASCADE, related_name="publication")
    # Law 72/2025/QH15 art. 43 for a commune; empty when no legal deadline applies.
    due_date = models.DateField(_("publish by"), null=True, blank=True)
    public_text = models.TextField(_("published text"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self):
        return str(self.conclusion)
