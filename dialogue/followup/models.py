"""Follow-up until resolved (domain.md §1 steps 8–9, issue 6).

A directive of an issued conclusion notice, and a petition group, are chased until the
matter is resolved: the responsible unit posts progress updates with evidence, reports a
result that the synthesis board accepts or sends back, forwards what is beyond its
competence to the higher level (`Escalation`), and the petitioners say whether they are
satisfied (`SatisfactionRequest`). Every step is one `ProgressUpdate` on the timeline.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class UpdateKind(models.TextChoices):
    PROGRESS = "progress", _("Progress update")
    REPORT = "report", _("Result reported")
    ACCEPTED = "accepted", _("Result accepted")
    RETURNED = "returned", _("Sent back")
    CLOSED = "closed", _("Closed")
    FORWARDED = "forwarded", _("Forwarded to the higher level")
    ESCALATION_ANSWER = "escalation_answer", _("Answer of the higher level")
    REOPENED = "reopened", _("Reopened")
    DUE_CHANGED = "due_changed", _("Due date changed")
    SATISFACTION = "satisfaction", _("Petitioner's assessment")


class ProgressUpdate(models.Model):
    """One entry of the timeline of a directive or of a petition group (exactly one)."""

    directive = models.ForeignKey(
        "conclusions.Directive", null=True, blank=True, on_delete=models.CASCADE, related_name="updates"
    )
    group = models.ForeignKey(
        "petitions.PetitionGroup", null=True, blank=True, on_delete=models.CASCADE, related_name="updates"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=UpdateKind.choices)
    text = models.TextField(_("content"), blank=True)
    status_before = models.CharField(_("status before"), max_length=16, blank=True)
    status_after = models.CharField(_("status after"), max_length=16, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(_("by"), max_length=200, blank=True)
    author_unit = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("unit")
    )
    # A form's one-time key: a double submit of the same update creates nothing twice.
    submission_key = models.UUIDField(null=True, blank=True, unique=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        constraints = [
            models.CheckConstraint(
                condition=(Q(directive__isnull=False) & Q(group__isnull=True))
                | (Q(directive__isnull=True) & Q(group__isnull=False)),
                name="update_of_directive_or_group",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:80]}"


class Evidence(models.Model):
    """A document or photo that proves progress (quyết định, biên bản, ảnh hiện trường)."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to="evidence/%Y/%m/", max_length=255)
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return self.name


class EscalationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting the higher level's answer")
    ANSWERED = "answered", _("Answered")
    RETURNED = "returned", _("Returned as within the lower level's competence")


class Escalation(models.Model):
    """Kiến nghị với cấp trên: a matter beyond the unit's competence, sent to a higher
    unit, which answers; the answer flows back to the petitioners and the conference."""

    directive = models.ForeignKey(
        "conclusions.Directive", null=True, blank=True, on_delete=models.CASCADE, related_name="escalations"
    )
    group = models.ForeignKey(
        "petitions.PetitionGroup", null=True, blank=True, on_delete=models.CASCADE, related_name="escalations"
    )
    from_unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="escalations_sent", verbose_name=_("from")
    )
    to_unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="escalations_received", verbose_name=_("to")
    )
    request_text = models.TextField(_("recommendation to the higher level"))
    due_date = models.DateField(_("answer due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=EscalationStatus.choices, default=EscalationStatus.PENDING
    )
    answer_text = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("recommendation to the higher level")
        verbose_name_plural = _("recommendations to the higher level")
        indexes = [models.Index(fields=["to_unit", "status"], name="escalation_inbox")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(directive__isnull=False) & Q(group__isnull=True))
                | (Q(directive__isnull=True) & Q(group__isnull=False)),
                name="escalation_of_directive_or_group",
            ),
            # One pending recommendation per matter at a time.
            models.UniqueConstraint(
                fields=["directive"], condition=Q(status="pending"), name="escalation_one_pending_directive"
            ),
            models.UniqueConstraint(
                fields=["group"], condition=Q(status="pending"), name="escalation_one_pending_group"
            ),
        ]

    def __str__(self):
        return self.request_text[:100]


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    PARTLY = "partly", _("Partly satisfied")
    DISSATISFIED = "dissatisfied", _("Not satisfied")


class SatisfactionRequest(models.Model):
    """A petitioner told that their matter is resolved and asked whether they are
    satisfied, through a secret link that needs no account."""

    petition = models.ForeignKey("petitions.Petition", on_delete=models.CASCADE, related_name="satisfaction_requests")
    directive = models.ForeignKey(
        "conclusions.Directive", null=True, blank=True, on_delete=models.CASCADE, related_name="satisfaction_requests"
    )
    group = models.ForeignKey(
        "petitions.PetitionGroup",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="satisfaction_requests",
    )
    # Only its SHA-256 is kept; the link itself is sent once.
    token_hash = models.CharField(max_length=64, unique=True)
    channel = models.CharField(_("sent by"), max_length=10, blank=True)  # "email" or "sms"
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    response = models.CharField(_("assessment"), max_length=12, choices=Satisfaction.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # Each resolution is one round: resolving again after a reopening asks again, but the
    # same resolution never asks the same petitioner twice.
    round = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("satisfaction request")
        verbose_name_plural = _("satisfaction requests")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "directive", "round"],
                condition=Q(directive__isnull=False),
                name="satisfaction_once_directive",
            ),
            models.UniqueConstraint(
                fields=["petition", "group", "round"], condition=Q(group__isnull=False), name="satisfaction_once_group"
            ),
        ]

    def __str__(self):
        return f"{self.petition_id}: {self.response or '-'}"
