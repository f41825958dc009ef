"""The conference day (domain.md §1 step 6): who spoke, in what order, about what, who
answered and how the matter ended. The conclusion notice is drafted from these rows."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class ConsoleSubmission(models.Model):
    """One change sent from a console (check-in, queue, record, next...). The key is made
    by the browser when the change is typed; a change resent after a dropped connection
    carries the same key and is applied once."""

    key = models.UUIDField(unique=True)
    conference = models.ForeignKey("plans.Conference", on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("console submission")
        verbose_name_plural = _("console submissions")

    def __str__(self):
        return f"{self.action} {self.key}"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


# The sections of the minutes, in the order printed: (field name, heading printed).
MINUTES_SECTIONS = (
    ("time_place", _("Time and place")),
    ("attendance", _("Those present")),
    ("presiding", _("Chair and secretary")),
    ("agenda", _("Order of business")),
    ("interventions", _("Opinions raised and answers")),
    ("closing", _("Closing")),
)


class Minutes(models.Model):
    """Biên bản hội nghị: drafted from the agenda, the attendance and the interventions,
    edited by the secretary, approved by the chair and locked from then on."""

    conference = models.OneToOneField("plans.Conference", on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(_("status"), max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT)
    time_place = models.TextField(_("time and place"), blank=True)
    attendance = models.TextField(_("those present"), blank=True)
    presiding = models.TextField(_("chair and secretary"), blank=True)
    agenda = models.TextField(_("order of business"), blank=True)
    interventions = models.TextField(_("opinions raised and answers"), blank=True)
    closing = models.TextField(_("closing"), blank=True)
    secretary_name = models.CharField(_("secretary"), max_length=150, blank=True)
    chair_name = models.CharField(_("chair"), max_length=150, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = pgettext_lazy("record of a meeting", "minutes")
        verbose_name_plural = pgettext_lazy("record of a meeting", "minutes")

    def __str__(self):
        return f"Biên bản: {self.conference}"

    @property
    def sections(self) -> list[tuple[str, str, str]]:
        return [(name, str(label), getattr(self, name)) for name, label in MINUTES_SECTIONS]


class MinutesAmendment(models.Model):
    """A correction made after approval: the approved text stays as it was; the correction
    is recorded with who made it, when, what changed and why."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="amendments")
    section = models.CharField(
        pgettext_lazy("minutes section", "section"),
        max_length=20,
        choices=[(n, label) for n, label in MINUTES_SECTIONS],
    )
    before = models.TextField(_("text before"), blank=True)
    after = models.TextField(_("corrected text"))
    reason = models.TextField(_("reason"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    made_at = models.DateTimeField(auto_now_add=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True)

    class Meta:
        ordering = ["made_at", "id"]
        verbose_name = _("amendment to the minutes")
        verbose_name_plural = _("amendments to the minutes")

    def __str__(self):
        return f"{self.get_section_display()}: {self.reason[:60]}"
