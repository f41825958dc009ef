"""Petitions (ý kiến, kiến nghị, phản ánh), their groups after merging, and the answers
agencies prepare. Names follow domain.md's glossary."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogue.organisation.models import Level


class Field(models.Model):
    """Lĩnh vực; configurable by administrators, seeded with the twelve codes of issue 4."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")

    def __str__(self):
        return self.name


class JurisdictionLevel(models.TextChoices):
    XA = "xa", _("Commune")
    HUYEN = "huyen", _("District (before 07/2025)")
    TINH = "tinh", _("Province")
    TRUNG_UONG = "trung_uong", _("Central")


# The organisation's levels for each jurisdiction code (Conference.scope_levels holds these).
LEVEL_OF = {
    JurisdictionLevel.XA: Level.COMMUNE,
    JurisdictionLevel.HUYEN: Level.DISTRICT,
    JurisdictionLevel.TINH: Level.PROVINCE,
    JurisdictionLevel.TRUNG_UONG: Level.CENTRAL,
}


class Channel(models.TextChoices):
    PAPER_CITIZEN = "paper_citizen", _("Paper form (citizens)")
    PAPER_ORGANISATION = "paper_organisation", _("Paper form (agencies, units, Party members)")
    SPEAKER_SLIP = "speaker_slip", _("Speaker registration slip")
    SPOKEN = "spoken", _("Spoken at the conference")
    MTTQ = "mttq", _("Fatherland Front or mass organisation synthesis")
    VILLAGE = "village_meeting", _("Village meeting")
    AGENCY_REPORT = "agency_report", _("Agency report")
    ONLINE = "online", _("Online form")
    OPEN311 = "open311", _("Connected application (Open311)")


# Channels through which a citizen sends a petition without staff: they get a tracking code.
PUBLIC_CHANNELS = (Channel.ONLINE, Channel.OPEN311)


class NotifyChannel(models.TextChoices):
    NONE = "", _("Do not notify me")
    SMS = "sms", _("SMS")
    EMAIL = "email", _("E-mail")


class PetitionerKind(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    ORGANISATION = "organisation", _("Agency, unit or Party member")


class PetitionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    TRIAGED = "triaged", _("Classified")
    GROUPED = "grouped", _("Merged into a group")
    FORWARDED = "forwarded", _("Forwarded to the competent unit")
    WITHDRAWN = "withdrawn", _("Withdrawn or not accepted")


class AckKind(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    FORWARDED = "forwarded", _("Forwarded")


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("Checking the file")
    CHECKED = "checked", _("Checked, waiting for a decision")
    QUEUED = "queued", _("Waiting to be imported")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed, nothing imported")
    CANCELLED = "cancelled", _("Cancelled")


class ImportBatch(models.Model):
    """One Excel file uploaded for a unit (and a conference). The worker checks it and,
    when the person decides, imports it; rows remember it so a re-import of the same
    file creates nothing twice."""

    conference = models.ForeignKey(
        "plans.Conference", null=True, blank=True, on_delete=models.PROTECT, related_name="import_batches"
    )
    receiving_unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(_("file"), max_length=255)
    file_sha256 = models.CharField(max_length=64)
    default_channel = models.CharField(_("channel"), max_length=24, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.DONE)
    only_valid = models.BooleanField(default=False)
    # What the worker has done so far, for the progress bar: rows read or written of all.
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(null=True, blank=True)
    # The check's findings: file errors, warnings and the rows to show (see imports.report_of).
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_valid = models.PositiveIntegerField(default=0)
    rows_created = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField(default=0)
    rows_invalid = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # Who chose to import the checked rows: the actor of every petition written.
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.file_name


class GroupStatus(models.TextChoices):
    OPEN = "open", _("Not yet assigned")
    ASSIGNED = "assigned", _("Assigned, answer being prepared")
    SUBMITTED = "submitted", _("Answer submitted for review")
    RETURNED = "returned", _("Answer returned for revision")
    APPROVED = "approved", _("Answer approved")


class FollowUpStatus(models.TextChoices):
    """Where the matter of a group stands after its answer (issue 6). The same words as a
    directive's: a group with directives takes the least advanced state of them."""

    NONE = "", _("Not yet followed up")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    REPORTED = "reported", _("Result reported, awaiting review")
    RESOLVED = "resolved", _("Resolved")
    PARTLY_RESOLVED = "partly_resolved", _("Partly resolved")
    CANNOT_RESOLVE = "cannot_resolve", _("Cannot be resolved")
    FORWARDED_UP = "forwarded_up", _("Forwarded to the higher level")
    CLOSED = "closed", _("Closed")


class AnswerMode(models.TextChoices):
    WRITTEN = "written", _("Written answer")
    LIVE = "live", _("Answered live at the conference")


class PetitionGroup(models.Model):
    """Ý kiến tổng hợp: one summarised opinion of many petitioners, answered once."""

    conference = models.ForeignKey(
        "plans.Conference", null=True, blank=True, on_delete=models.PROTECT, related_name="petition_groups"
    )
    receiving_unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("receiving unit"), on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField(_("summarised opinion"))
    search_folded = models.TextField(editable=False, blank=True)
    field = models.ForeignKey(Field, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("field"))
    level = models.CharField(_("jurisdiction"), max_length=12, choices=JurisdictionLevel.choices, blank=True)
    lead_unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("lead agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_groups",
    )
    supporting_units = models.ManyToManyField(
        "organisation.Unit", through="Support", related_name="supported_groups", verbose_name=_("supporting agencies")
    )
    due_date = models.DateField(_("answer due"), null=True, blank=True)
    answer_mode = models.CharField(_("answer"), max_length=10, choices=AnswerMode.choices, default=AnswerMode.WRITTEN)
    forwarded = models.BooleanField(_("forwarded outside the conference's scope"), default=False)
    # Raised before: the group of an earlier conference this matter repeats.
    previous_group = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeats",
        verbose_name=_("raised before"),
    )
    times_raised = models.PositiveSmallIntegerField(_("times raised"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=GroupStatus.choices, default=GroupStatus.OPEN)
    answer_text = models.TextField(_("approved answer"), blank=True)
    # Follow-up (issue 6), kept by dialogue.followup.services: where the matter stands,
    # by when it must be resolved, and when it was.
    followup_status = models.CharField(
        _("follow-up"), max_length=16, choices=FollowUpStatus.choices, blank=True, default=FollowUpStatus.NONE
    )
    resolve_due = models.DateField(_("to be resolved by"), null=True, blank=True)
    resolution_reason = models.TextField(_("reason it cannot be resolved"), blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    # The lead agency lies under another root of the unit tree (another province) than the
    # receiving unit; kept by save() and crossings.refresh() (dialogue/petitions/crossings.py).
    crosses_roots = models.BooleanField(default=False, db_default=False, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("petition group")
        verbose_name_plural = _("petition groups")
        indexes = [
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["followup_status", "resolve_due"], name="group_followup_due"),
            # The groups an agency leads that were received outside the person's own units
            # (selectors._groups_outside, on every petition list): from the index alone.
            models.Index(fields=["lead_unit", "receiving_unit"], name="group_lead_receiving"),
            # Written answers not yet approved, counted live on every dashboard (overdue,
            # not yet due, late by unit): few rows whatever the history.
            models.Index(
                fields=["due_date"],
                include=["lead_unit", "receiving_unit"],
                condition=Q(answer_mode="written") & ~Q(status="approved"),
                name="group_answer_open",
            ),
            # The few groups led from another root (selectors._groups_outside).
            models.Index(fields=["lead_unit"], condition=Q(crosses_roots=True), name="group_crosses_roots"),
        ]

    def __str__(self):
        return self.summary[:100]

    def save(self, *args, **kwargs):
        if _flag_saved(kwargs, ("lead_unit", "lead_unit_id", "receiving_unit", "receiving_unit_id")):
            self.crosses_roots = _crosses(self, "lead_unit", "receiving_unit")
        super().save(*args, **kwargs)


class Support(models.Model):
    """A supporting agency (phối hợp) of a group and what it contributed."""

    group = models.ForeignKey(PetitionGroup, on_delete=models.CASCADE, related_name="supports")
    unit = models.ForeignKey("organisation.Unit", on_delete=models.PROTECT, related_name="+")
    contribution = models.TextField(_("contribution"), blank=True)
    contributed_at = models.DateTimeField(null=True, blank=True)
    contributed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The supporting unit lies under another root of the unit tree than the group's
    # receiving unit (dialogue/petitions/crossings.py).
    crosses_roots = models.BooleanField(default=False, db_default=False, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "unit"], name="support_once_per_unit")]
        indexes = [models.Index(fields=["unit"], condition=Q(crosses_roots=True), name="support_crosses_roots")]
        verbose_name = _("supporting agency")
        verbose_name_plural = _("supporting agencies")

    def __str__(self):
        return str(self.unit)

    def save(self, *args, **kwargs):
        if _flag_saved(kwargs, ("unit", "unit_id", "group", "group_id")):
            self.crosses_roots = _crosses_paths(_unit_path(self, "unit"), _unit_path(self.group, "receiving_unit"))
        super().save(*args, **kwargs)


def _unit_path(obj, name: str) -> str | None:
    """The path of `obj`'s unit `name`: from the loaded unit, else read."""
    unit_id = getattr(obj, f"{name}_id")
    if unit_id is None:
        return None
    cached = obj._state.fields_cache.get(name)
    if cached is not None and cached.pk == unit_id:
        return cached.path
    from dialogue.organisation.models import Unit

    return Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first()


def _crosses_paths(one: str | None, other: str | None) -> bool:
    from dialogue.petitions.crossings import root_of

    return one is not None and other is not None and root_of(one) != root_of(other)


def _crosses(obj, one: str, other: str) -> bool:
    return _crosses_paths(_unit_path(obj, one), _unit_path(obj, other))


def _flag_saved(kwargs: dict, fields: tuple[str, ...]) -> bool:
    """Whether this save writes the units the flag depends on: a full save, or one limited to
    fields among which one of `fields` (the flag is then written too). Other saves, such as a
    status change, leave the flag as it is and read no unit."""
    update_fields = kwargs.get("update_fields")
    if update_fields is None:
        return True
    if not set(update_fields) & set(fields):
        return False
    kwargs["update_fields"] = [*update_fields, "crosses_roots"]
    return True


class Petition(models.Model):
    """One opinion as a person raised it, through one channel. It enters once: a form's
    submission key and an import row's fingerprint make repeats create nothing."""

    conference = models.ForeignKey(
        "plans.Conference", null=True, blank=True, on_delete=models.PROTECT, related_name="petitions"
    )
    receiving_unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("receiving unit"), on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=24, choices=Channel.choices)
    petitioner_kind = models.CharField(
        _("petitioner"), max_length=12, choices=PetitionerKind.choices, default=PetitionerKind.CITIZEN
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    address_unit = models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("address matched to"),
    )
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    position = models.CharField(_("position, unit"), max_length=300, blank=True)
    content = models.TextField(_("content"))
    search_folded = models.TextField(editable=False, blank=True)
    signature = models.TextField(editable=False, blank=True)
    received_on = models.DateField(_("received on"))
    ack_due = models.DateField(_("acknowledgment due"))
    acknowledged_on = models.DateField(_("acknowledged on"), null=True, blank=True)
    ack_kind = models.CharField(_("acknowledgment"), max_length=12, choices=AckKind.choices, blank=True)
    field = models.ForeignKey(Field, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("field"))
    level = models.CharField(_("jurisdiction"), max_length=12, choices=JurisdictionLevel.choices, blank=True)
    competent_unit = models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competent unit"),
    )
    # What the system suggested when the petition was classified, kept to measure and learn.
    suggestion = models.JSONField(default=dict, blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    triaged_at = models.DateTimeField(null=True, blank=True)
    group = models.ForeignKey(PetitionGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="petitions")
    # A petition from an earlier conference that this one repeats (“đã nêu nhiều lần”).
    repeat_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="repeated_by")
    status = models.CharField(
        _("status"), max_length=12, choices=PetitionStatus.choices, default=PetitionStatus.RECEIVED
    )
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="petitions"
    )
    import_row = models.PositiveIntegerField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True)
    # --- sent by the citizen through the portal or a connected application (issue 7)
    # The code the citizen tracks the petition with (with their telephone number).
    tracking_code = models.CharField(_("tracking code"), max_length=16, null=True, blank=True, unique=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Law 91/2025/QH15: the purpose the citizen agreed to, word for word, and when.
    consent_purpose = models.TextField(_("purpose agreed to"), blank=True)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    # Law 91/2025/QH15: the basis and purpose of processing stated when the data was
    # collected, as a key of `privacy.basis.PURPOSES` (texts are added there, never
    # changed, so each petition keeps the words in force when it came in): "consent"
    # (the words are consent_purpose) or the public duty of the channel.
    processing_purpose = models.CharField(_("purpose of processing"), max_length=40, blank=True, db_default="")
    # QĐ 11-QĐi/TW and the Law on citizen reception: the answering agencies see the
    # matter but not who raised it.
    identity_protected = models.BooleanField(_("identity kept from the answering agencies"), default=False)
    notify_by = models.CharField(
        _("notify the citizen by"), max_length=8, choices=NotifyChannel.choices, blank=True, default=""
    )
    # What the citizen was last told (a digest of the public state), so each change is sent once.
    notified_state = models.CharField(max_length=64, blank=True)
    # The connected application (Open311 client) that sent it, by its API token's name.
    source_client = models.CharField(_("connected application"), max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        constraints = [
            # The same row (same person, phone and content) imported again for the same
            # unit and conference creates nothing.
            models.UniqueConstraint(
                fields=["receiving_unit", "conference", "fingerprint"],
                condition=~Q(fingerprint=""),
                name="petition_fingerprint_once",
            )
        ]
        indexes = [
            models.Index(fields=["receiving_unit", "received_on"]),
            models.Index(fields=["status", "ack_due"]),
            # The list's order: the page stops after 50 rows instead of sorting them all.
            models.Index(fields=["-received_on", "-id"], name="petition_recent"),
            # The statistics dashboard reads the petitions of a period from this index alone.
            models.Index(
                fields=["received_on", "receiving_unit", "field", "level", "channel", "status", "repeat_of", "group"],
                name="petition_period_stats",
            ),
            # The scope filter of the paginator's COUNT reads only this index.
            models.Index(fields=["receiving_unit", "group"], name="petition_unit_group"),
            # The list filtered by status and field (and dates): its count from the index
            # alone instead of three bitmaps of millions of rows (docs/performance.md).
            models.Index(
                fields=["receiving_unit", "status", "field", "received_on"], name="petition_unit_status_field"
            ),
            # "Not told within 10 working days", counted on every list and home page, for
            # the person's receiving units (selectors.ack_due_count): unit first.
            models.Index(
                fields=["receiving_unit", "ack_due", "status"],
                condition=Q(acknowledged_on__isnull=True),
                name="petition_ack_open_unit",
            ),
            # PostgreSQL also has trigram indexes on search_folded and signature (the
            # accent-insensitive search and the duplicate pre-filter, both `LIKE '%…%'`),
            # made by migration 0009 only there: they are not declared here because SQLite
            # has no such index.
        ]

    def __str__(self):
        return self.content[:100]


class PetitionFile(models.Model):
    """A file the citizen attached to a petition sent online (checked by its content)."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="petitions/%Y/%m/", max_length=255)
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def __str__(self):
        return self.name


class AnswerStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")


class Answer(models.Model):
    """One version of the lead agency's answer; the synthesis board returns or approves it."""

    group = models.ForeignKey(PetitionGroup, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=12, choices=AnswerStatus.choices, default=AnswerStatus.SUBMITTED)
    review_comment = models.TextField(_("review comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return self.text[:100]


class Attachment(models.Model):
    """Evidence attached to an answer (decisions, photos, minutes)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="answers/%Y/%m/", max_length=255)
    name = models.CharField(max_length=255)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class SavedFilter(models.Model):
    """A person's named search over petitions (the query string of the list)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="petition_filters")
    name = models.CharField(_("name"), max_length=120)
    query = models.CharField(max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="saved_filter_name_once")]

    def __str__(self):
        return self.name


def new_submission_key() -> uuid.UUID:
    return uuid.uuid4()
