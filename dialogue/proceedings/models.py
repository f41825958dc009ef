"""The conference day (domain.md §1 step 6): who spoke, in what order, about what, who
answered and how the matter ended. The conclusion notice is drafted from these rows."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SpeakerSource(models.TextChoices):
    SLIP = "slip", _("Registration slip before the day")
    FLOOR = "floor", _("Request in the room")


class SpeakerStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    SPEAKING = "speaking", _("Speaking")
    DONE = "done", _("Spoken")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AnsweredBy(models.TextChoices):
    CHAIR = "chair", _("The chair")
    AGENCY = "agency", _("An agency head")


class Outcome(models.TextChoices):
    SETTLED = "settled", _("Settled on the spot")
    COMMITTED = "committed", _("Answered with a commitment")
    FOLLOW_UP = "follow_up", _("Left for follow-up")


class SpeakerRequest(models.Model):
    """Đăng ký phát biểu: one request to speak, from a slip handed in before the day or
    raised in the room; once spoken it is the record of the intervention."""

    conference = models.ForeignKey("plans.Conference", on_delete=models.CASCADE, related_name="speaker_requests")
    position = models.PositiveIntegerField(_("order"), default=0)  # place in the queue
    source = models.CharField(_("source"), max_length=8, choices=SpeakerSource.choices, default=SpeakerSource.FLOOR)
    participant = models.ForeignKey(
        "plans.Participant", null=True, blank=True, on_delete=models.SET_NULL, related_name="speaker_requests"
    )
    speaker_name = models.CharField(_("speaker"), max_length=150)
    represents = models.CharField(_("on behalf of"), max_length=300, blank=True)
    matter = models.TextField(_("matter"))
    petition = models.ForeignKey(
        "petitions.Petition", null=True, blank=True, on_delete=models.SET_NULL, related_name="speaker_requests"
    )
    group = models.ForeignKey(
        "petitions.PetitionGroup", null=True, blank=True, on_delete=models.SET_NULL, related_name="speaker_requests"
    )
    agenda_item = models.ForeignKey(
        "plans.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="speaker_requests"
    )
    status = models.CharField(_("status"), max_length=10, choices=SpeakerStatus.choices, default=SpeakerStatus.WAITING)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    answered_by = models.CharField(_("answered by"), max_length=8, choices=AnsweredBy.choices, blank=True)
    answered_by_unit = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_by_name = models.CharField(_("name of the person answering"), max_length=200, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    # A resent form (double click, dropped connection) carries the same key and creates nothing twice.
    submission_key = models.UUIDField(null=True, blank=True, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["conference", "position", "id"]
        verbose_name = _("request to speak")
        verbose_name_plural = _("requests to speak")
        indexes = [models.Index(fields=["conference", "status", "position"], name="speaker_queue_idx")]
        constraints = [
            # At most one person holds the floor at a time.
            models.UniqueConstraint(fields=["conference"], condition=Q(status="speaking"), name="one_speaker_at_a_time")
        ]

    def __str__(self):
        return f"{self.speaker_name}: {self.matter[:60]}"


class ConferenceRun(models.Model):
    """The live state of a conference on the day, as the secretary's console moves it."""

    conference = models.OneToOneField("plans.Conference", on_delete=models.CASCADE, related_name="run")
    current_item = models.ForeignKey(
        "plans.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    item_started_at = models.DateTimeField(null=True, blank=True)
    current_speaker = models.ForeignKey(
        SpeakerRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("conference in progress")
        verbose_name_plural = _("conferences in progress")

    def __str__(self):
        return str(self.conference)
