from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dialogue.organisation.roles import Role


class Level(models.IntegerChoices):
    """The level of government a unit belongs to; decides jurisdiction (thẩm quyền)."""

    CENTRAL = 0, _("Central")
    PROVINCE = 1, _("Province")
    DISTRICT = 2, _("District (before 07/2025)")
    COMMUNE = 3, _("Commune")
    VILLAGE = 4, _("Village")


class UnitCategory(models.TextChoices):
    ADMINISTRATIVE = "administrative", _("Administrative unit")
    PARTY = "party", _("Party committee")
    ADVISORY = "advisory", _("Advisory board of the Party committee")
    STATE = "state", _("People's Council / People's Committee")
    AGENCY = "agency", _("Agency")
    FRONT = "front", _("Fatherland Front and mass organisations")


class UnitKind(models.Model):
    """A configurable kind of unit: province, commune, Ban Dân vận, Sở, thôn..."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    category = models.CharField(_("category"), max_length=20, choices=UnitCategory.choices)
    # None: the unit takes the level of its parent (a Sở sits at its province's level).
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, null=True, blank=True)
    historical = models.BooleanField(
        _("historical only"), default=False, help_text=_("Kept for records before the July 2025 reform.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("unit kind")
        verbose_name_plural = _("unit kinds")

    def __str__(self):
        return self.name


class UnitStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DISSOLVED = "dissolved", _("Dissolved / merged")


class Unit(models.Model):
    """A node of the organisation tree. `path` is the chain of ids from the root,
    so 'everything under this unit' is one indexed prefix match on both databases."""

    kind = models.ForeignKey(UnitKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True)
    code = models.CharField(_("official code"), max_length=20, blank=True, db_index=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, editable=False)
    path = models.CharField(max_length=255, editable=False, db_index=True)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=UnitStatus.choices, default=UnitStatus.ACTIVE)
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            # Official codes are unique among living units of a kind; a dissolved unit may
            # share its code with its successor (Bắc Giang 24 -> Bắc Ninh 24).
            models.UniqueConstraint(
                fields=["kind", "code"],
                condition=Q(status="active") & ~Q(code=""),
                name="unit_active_code_unique",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.status == UnitStatus.ACTIVE

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part][:-1]


class User(AbstractUser):
    """A member of staff. Citizens do not have accounts."""

    full_name = models.CharField(_("full name"), max_length=150)
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    search_folded = models.CharField(max_length=400, editable=False, blank=True, db_index=True)
    organisation = models.ForeignKey(
        Unit,
        verbose_name=_("works at"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )

    class Meta:
        verbose_name = _("staff account")
        verbose_name_plural = _("staff accounts")

    def __str__(self):
        return self.full_name or self.username

    def get_full_name(self):
        return self.full_name or super().get_full_name()

    def get_short_name(self):
        return self.full_name.split(" ")[-1] if self.full_name else self.username


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # None only for a national system administrator.
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="role_assignments"
    )
    is_active = models.BooleanField(_("active"), default=True)
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["role", "unit__path"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "unit"], condition=Q(is_active=True), name="role_active_unique"
            ),
        ]

    def __str__(self):
        scope = self.unit.name if self.unit_id else _("whole country")
        return f"{self.get_role_display()} — {scope}"


class TwoFactorDevice(models.Model):
    """A person's authenticator app for two-step sign-in (TOTP, RFC 6238); at most one.

    The secret is stored sealed (Fernet, a key derived from SECRET_KEY; see
    `two_factor.seal`), so a copy of the database alone does not give the codes.
    `confirmed_at` stays empty until the person typed a first code from the app.
    `last_used_step` is the time step of the last code accepted: a code is accepted only
    for a later step, so the same code never works twice (RFC 6238, section 5.2)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="two_factor_device")
    secret_sealed = models.TextField(editable=False)
    confirmed_at = models.DateTimeField(_("turned on at"), null=True, blank=True)
    last_used_step = models.BigIntegerField(null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("last code accepted at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")

    def __str__(self):
        return str(self.user)


class RecoveryCode(models.Model):
    """A one-time code for signing in without the phone. Only a keyed hash is stored
    (HMAC-SHA-256 with a key derived from SECRET_KEY); the codes are shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self):
        return f"{self.user} #{self.pk}"
