"""Reminders, the daily digest, the record of every message sent, and chase letters
(domain.md §1 step 8: the synthesis body tracks every directive and chases late agencies).

The worker (`manage.py worker`) makes a `Reminder` for each person acting for the
responsible unit when a due date comes near, arrives or has passed; one unique row per
(matter, person, kind, due date) means a reminder is never repeated, and a due date that
moves makes new rows while the old ones are cancelled. Every message that leaves (e-mail,
SMS, in-app) is an `OutboundMessage` with a unique key, so a worker that dies half-way and
is replaced does not send the same message twice. `ScheduledRun` holds one row per job and
time slot, so several workers enqueue each periodic job once.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dialogue.plans.models import DocumentLayout


class ScheduledRun(models.Model):
    """One periodic job for one time slot (“reminders.scan” at 2026-11-24T07:15)."""

    job = models.CharField(_("job"), max_length=60)
    slot = models.CharField(_("time slot"), max_length=40)
    enqueued_at = models.DateTimeField(_("enqueued at"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=1)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-enqueued_at", "-id"]
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="scheduled_run_once_per_slot")]

    def __str__(self):
        return f"{self.job} {self.slot}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    CANCELLED = "cancelled", _("Cancelled")
    FAILED = "failed", _("Could not be sent")


class CancelReason(models.TextChoices):
    NONE = "", "—"
    DATE_MOVED = "date_moved", _("The due date has since moved")
    CLOSED = "closed", _("No longer awaited (done, answered or withdrawn)")
    UNIT_CHANGED = "unit_changed", _("Another unit is now responsible")
    SUPERSEDED = "superseded", _("A later reminder took its place")
    RECIPIENT_GONE = "recipient_gone", _("The person no longer acts for the unit")
    NOTHING_LATE = "nothing_late", _("Nothing is late any more")


class Delivery(models.Model):
    """What the worker sends, claimed with a conditional UPDATE (pending → sending with
    the worker's id and time), so two workers never take the same row; a row left
    “sending” longer than REMINDERS_CLAIM_TIMEOUT_SECONDS is taken again."""

    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    not_before = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    cancel_reason = models.CharField(
        _("reason cancelled"), max_length=16, choices=CancelReason.choices, blank=True, default=CancelReason.NONE
    )
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        abstract = True


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Before the due date")
    DUE = "due", _("On the due date")
    OVERDUE = "overdue", _("Overdue")


class TargetKind(models.TextChoices):
    DIRECTIVE = "directive", _("Directive of a conclusion notice")
    ANSWER = "answer", _("Answer to a petition group")
    RESOLUTION = "resolution", _("Resolution of a petition group")
    ESCALATION = "escalation", _("Recommendation to the higher level")


class Reminder(Delivery):
    """One reminder of one matter to one person, for one due date."""

    target_kind = models.CharField(_("about"), max_length=12, choices=TargetKind.choices)
    # "directive:12", "answer:5", "resolution:5", "escalation:3": the matter, whatever its table.
    target_key = models.CharField(max_length=40)
    directive = models.ForeignKey(
        "conclusions.Directive", null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    group = models.ForeignKey(
        "petitions.PetitionGroup", null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    escalation = models.ForeignKey(
        "followup.Escalation", null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("responsible unit")
    )
    # The unit the person acts for: the responsible unit, or its nearest ancestor with
    # people when it has no account yet.
    holder_unit = models.ForeignKey("organisation.Unit", null=True, on_delete=models.SET_NULL, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("recipient")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=ReminderKind.choices)
    # Working days before (kind "before") or after (kind "overdue") the due date; 0 on it.
    step = models.PositiveSmallIntegerField(default=0)
    due_date = models.DateField(_("due date"))
    send_on = models.DateField(_("to be sent on"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["target_key", "recipient", "kind", "step", "due_date"], name="reminder_never_repeated"
            ),
            models.CheckConstraint(
                condition=(
                    Q(directive__isnull=False, group__isnull=True, escalation__isnull=True)
                    | Q(directive__isnull=True, group__isnull=False, escalation__isnull=True)
                    | Q(directive__isnull=True, group__isnull=True, escalation__isnull=False)
                ),
                name="reminder_of_one_matter",
            ),
        ]
        indexes = [models.Index(fields=["status", "not_before"], name="reminder_queue")]

    def __str__(self):
        return f"{self.target_key} {self.kind}{self.step or ''} → {self.recipient_id}"


class Digest(Delivery):
    """The daily list of what is late, for one person of a synthesis board, one day."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests", verbose_name=_("recipient")
    )
    day = models.DateField(_("day"))
    # The person's first unit: who may read the record of what was sent.
    unit = models.ForeignKey("organisation.Unit", null=True, on_delete=models.SET_NULL, related_name="+")
    items = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = _("daily digest")
        verbose_name_plural = _("daily digests")
        constraints = [models.UniqueConstraint(fields=["recipient", "day"], name="digest_once_per_day")]
        indexes = [models.Index(fields=["status", "not_before"], name="digest_queue")]

    def __str__(self):
        return f"{self.day} → {self.recipient_id}"


class MessageChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")
    IN_APP = "in_app", _("In the application")


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be sent")


class OutboundMessage(models.Model):
    """Every message that left the system, on one channel, to one person."""

    # "reminder:12:email": a message is sent once, whichever worker sends it.
    key = models.CharField(max_length=80, unique=True)
    channel = models.CharField(_("channel"), max_length=8, choices=MessageChannel.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("recipient")
    )
    recipient_name = models.CharField(_("recipient"), max_length=200)
    address = models.CharField(_("address"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("content"))
    url = models.CharField(_("link"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=MessageStatus.choices, default=MessageStatus.QUEUED)
    error = models.TextField(_("error"), blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    reminder = models.ForeignKey(Reminder, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages")
    digest = models.ForeignKey(Digest, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages")
    # The unit the message is about (the responsible unit; the board's unit for a digest):
    # the national administrator and that unit's synthesis board read the record.
    unit = models.ForeignKey(
        "organisation.Unit", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("unit")
    )
    unit_path = models.CharField(max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("message sent")
        verbose_name_plural = _("messages sent")

    def __str__(self):
        return f"{self.get_channel_display()} → {self.recipient_name}: {self.subject[:60]}"


class ChaseLetter(models.Model):
    """Công văn đôn đốc: a letter to a responsible agency listing what it has let run late
    and asking for a report by a date; its items are kept as they were on the day."""

    sender_unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("issuing unit")
    )
    addressee = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="chase_letters", verbose_name=_("addressee")
    )
    layout = models.CharField(_("document layout"), max_length=10, choices=DocumentLayout.choices)
    issuer_parent_line = models.CharField(_("higher body line"), max_length=200, blank=True)
    issuer_line = models.CharField(_("issuing body line"), max_length=200)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(_("symbol"), max_length=40, blank=True)
    place = models.CharField(_("place"), max_length=100)
    issued_on = models.DateField(_("date"))
    report_by = models.DateField(_("report due"))
    items = models.JSONField(default=list)
    signing_authority = models.CharField(_("signing authority"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)
    recipients = models.TextField(_("recipients (Nơi nhận)"), blank=True)
    # A form's one-time key: a double click makes one letter.
    submission_key = models.UUIDField(null=True, blank=True, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("chase letter")
        verbose_name_plural = _("chase letters")

    def __str__(self):
        return f"{self.number_label} — {self.addressee}"

    @property
    def number_label(self) -> str:
        """“Số 12-CV/TU” (Party) or “Số: 12/UBND-VP” (state); blank for the number when none."""
        number = str(self.number) if self.number else "    "
        if self.layout == DocumentLayout.PARTY:
            return f"Số {number}-{self.symbol}" if self.symbol else f"Số {number}"
        return f"Số: {number}/{self.symbol}" if self.symbol else f"Số: {number}"
