"""Masking the texts that leave the system in documents for others — the periodic
reports' lists of matters — with the names of the petitioners the records know
(Law 91/2025/QH15). A summary written by staff may quote a petitioner: “Bà Đinh Thị Khuê
(0912 468 357) đề nghị…” reads “Bà Đ.T.K. đề nghị…”. Names after a form of address are
masked whatever the records say; the known names also where they stand alone."""

from __future__ import annotations

from dialogue.lib.masking import mask_text
from dialogue.petitions.models import Petition, PetitionerKind


def _names(group_id: int | None) -> list[str]:
    if not group_id:
        return []
    return list(
        Petition.objects.filter(group_id=group_id)
        .exclude(name="")
        .exclude(petitioner_kind=PetitionerKind.ORGANISATION)
        .values_list("name", flat=True)
        .distinct()
    )


def mask_for_report(text: str, *, item=None, group_id: int | None = None) -> str:
    """`text` (a group's summary, a directive's matter, a petition's own words) fit for a
    report: telephone numbers, e-mail and house addresses removed, citizens' names as
    initials. `item` (a petition group or a directive) or `group_id` names the group
    whose petitioners are looked for."""
    if item is not None:
        group_id = getattr(item, "group_id", None) if hasattr(item, "conclusion_id") else item.pk
    return " ".join(mask_text(text or "", names=_names(group_id)).split())
