"""On what basis, and for what purpose, a petitioner's personal data is processed.

A citizen who sends a petition online (the portal, or a connected application through
Open311) agrees to a purpose, stored word for word with the time (`consent_purpose`,
`consented_at`; Law 91/2025/QH15, Decree 356/2025/NĐ-CP). A petition entered by staff —
from a paper form, a speaker's slip, what was said at the conference, an Excel file, the
REST API — is processed without consent, as a state body performing its duty under the
law: receiving and answering the people's petitions at dialogue conferences (Regulation
11-QĐi/TW; Law on Citizen Reception 42/2013/QH13), which Law 91/2025/QH15 allows without
the data subject's consent. That basis follows from the channel, so it is computed here
rather than stored on every petition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from dialogue.petitions.models import PUBLIC_CHANNELS, Channel, Petition


class BasisKind:
    CONSENT = "consent"
    PUBLIC_DUTY = "public_duty"
    # A petition from a public channel without a recorded consent (entered before consent
    # was stored): flagged so the receiving body can look into it.
    MISSING = "missing"


KIND_LABELS = {
    BasisKind.CONSENT: _("Consent of the petitioner"),
    BasisKind.PUBLIC_DUTY: _("Performance of a public duty (no consent needed)"),
    BasisKind.MISSING: _("No consent recorded"),
}

PUBLIC_DUTY_LAW = _(
    "Law 91/2025/QH15 on personal data protection: processing by a state body to perform its duties under the "
    "law, without the data subject's consent; Regulation 11-QĐi/TW on the dialogue of heads of Party committees "
    "and authorities with the people; Law on Citizen Reception."
)
CONSENT_LAW = _("Law 91/2025/QH15 on personal data protection and Decree 356/2025/NĐ-CP: consent of the data subject.")

# What the receiving body does with the data, by the way the petition came in.
_DUTY = _(
    "Performing a public duty — receiving petitions at the dialogue conference: the receiving body processes the "
    "petitioner's name, telephone number and address only to acknowledge, classify, forward and answer the "
    "petition and to report the result to the petitioner."
)
_DUTY_MTTQ = _(
    "Performing a public duty — receiving the petitions the Fatherland Front and the mass organisations "
    "compiled for the dialogue conference: the receiving body processes the petitioner's name, telephone number "
    "and address only to acknowledge, classify, forward and answer the petition and to report the result."
)
_DUTY_VILLAGE = _(
    "Performing a public duty — receiving the petitions raised at a village meeting for the dialogue conference: "
    "the receiving body processes the petitioner's name, telephone number and address only to acknowledge, "
    "classify, forward and answer the petition and to report the result."
)
_DUTY_AGENCY = _(
    "Performing a public duty — receiving the petitions an agency or unit reported for the dialogue conference: "
    "the receiving body processes the petitioner's name, telephone number and address only to acknowledge, "
    "classify, forward and answer the petition and to report the result."
)
# The purposes a petition may store (`Petition.processing_purpose`). A key's words are
# never changed: new words get a new key, so each petition keeps the purpose stated when
# its data was collected.
CONSENT_KEY = "consent"
PURPOSES = {
    "duty-2025": _DUTY,
    "duty-mttq-2025": _DUTY_MTTQ,
    "duty-village-2025": _DUTY_VILLAGE,
    "duty-agency-2025": _DUTY_AGENCY,
}
_KEY_BY_CHANNEL = {
    Channel.MTTQ: "duty-mttq-2025",
    Channel.VILLAGE: "duty-village-2025",
    Channel.AGENCY_REPORT: "duty-agency-2025",
}


def purpose_key_for(channel: str) -> str:
    """The purpose a petition received by `channel` stores: consent for the public channels
    (the words are stored with the consent), the channel's public duty otherwise."""
    if channel in PUBLIC_CHANNELS:
        return CONSENT_KEY
    return _KEY_BY_CHANNEL.get(channel, "duty-2025")


MISSING_NOTE = _(
    "The petition came through a public channel but no consent is recorded with it: the receiving body should "
    "ask the petitioner or limit the processing to answering the petition."
)

SOURCE_FORM = _("Entered by staff")
SOURCE_IMPORT = _("Imported from the Excel file “%(file)s”, row %(row)s")
SOURCE_PORTAL = _("Sent by the citizen on the public portal")
SOURCE_CLIENT = _("Sent by the citizen through the connected application “%(client)s”")


@dataclass(frozen=True)
class Basis:
    kind: str
    label: str
    purpose: str
    law: str
    source: str
    since: datetime | None = None

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "label": self.label,
            "purpose": self.purpose,
            "law": self.law,
            "source": self.source,
            "since": self.since.isoformat() if self.since else None,
        }


def _source(petition: Petition) -> str:
    if petition.import_batch_id:
        batch = petition.import_batch
        return str(SOURCE_IMPORT % {"file": batch.file_name, "row": petition.import_row or "—"})
    if petition.channel == Channel.OPEN311 or petition.source_client:
        return str(SOURCE_CLIENT % {"client": petition.source_client or "Open311"})
    if petition.channel == Channel.ONLINE:
        return str(SOURCE_PORTAL)
    return str(SOURCE_FORM)


def processing_basis(petition: Petition) -> Basis:
    """The legal basis and purpose of processing the petitioner's data: the consent the
    citizen gave online, word for word; otherwise the public duty of the receiving body,
    in the words that fit the channel."""
    source = _source(petition)
    if petition.consented_at and petition.consent_purpose:
        return Basis(
            BasisKind.CONSENT,
            str(KIND_LABELS[BasisKind.CONSENT]),
            petition.consent_purpose,
            str(CONSENT_LAW),
            source,
            petition.consented_at,
        )
    if petition.channel in PUBLIC_CHANNELS:
        return Basis(BasisKind.MISSING, str(KIND_LABELS[BasisKind.MISSING]), str(MISSING_NOTE), "", source)
    # The purpose stored when the petition came in; rows written in bulk without one (the
    # benchmarks) read the words of their channel's key.
    purpose = PURPOSES.get(petition.processing_purpose) or PURPOSES[purpose_key_for(petition.channel)]
    return Basis(
        BasisKind.PUBLIC_DUTY,
        str(KIND_LABELS[BasisKind.PUBLIC_DUTY]),
        str(purpose),
        str(PUBLIC_DUTY_LAW),
        source,
        petition.created_at,
    )
