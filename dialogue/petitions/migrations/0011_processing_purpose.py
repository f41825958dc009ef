"""Each petition stores the purpose of processing stated when its data was collected
(Law 91/2025/QH15): a key of `privacy.basis.PURPOSES`, or "consent" for the public
channels, whose words are stored with the consent. Existing rows get the key of their
channel, which is what `privacy.basis.processing_basis` showed for them until now; one
UPDATE per channel."""

from django.db import migrations, models

# Frozen here: the mapping of privacy.basis when this migration was written.
KEY_BY_CHANNEL = {
    "online": "consent",
    "open311": "consent",
    "mttq": "duty-mttq-2025",
    "village_meeting": "duty-village-2025",
    "agency_report": "duty-agency-2025",
}
DEFAULT_KEY = "duty-2025"


def fill(apps, schema_editor):
    Petition = apps.get_model("petitions", "Petition")
    for channel, key in KEY_BY_CHANNEL.items():
        if key == "consent":
            # Only where the consent is really stored: the others stay without a purpose,
            # and the privacy page keeps flagging them as "no consent recorded".
            Petition.objects.filter(channel=channel, processing_purpose="").exclude(consent_purpose="").exclude(
                consented_at=None
            ).update(processing_purpose=key)
        else:
            Petition.objects.filter(channel=channel, processing_purpose="").update(processing_purpose=key)
    Petition.objects.filter(processing_purpose="").exclude(channel__in=list(KEY_BY_CHANNEL)).update(
        processing_purpose=DEFAULT_KEY
    )


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0010_crosses_roots"),
    ]

    operations = [
        migrations.AddField(
            model_name="petition",
            name="processing_purpose",
            field=models.CharField(blank=True, db_default="", max_length=40, verbose_name="purpose of processing"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
