"""The chase letter (công văn đôn đốc) as an official document, laid out by
`dialogue.documents` in the sender's legal layout: a Party công văn (Guideline
36-HD/VPTW: “Số 12-CV/TU”, “V/v …” under the number) or a state one (Decree
30/2020/NĐ-CP: “Số: 12/UBND-VP”), “Kính gửi:” the late agency, one numbered entry per late
item, the report asked for by a date, Nơi nhận and the signature. Worded through gettext
with Vietnamese active, whatever the caller's language."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext, ngettext, pgettext

from dialogue.documents.layout import Block, Layout, OfficialDocument
from dialogue.lib.text import fold
from dialogue.plans.documents import _recipients, in_vietnamese, place_date_line, render
from dialogue.plans.models import DocumentLayout
from dialogue.reminders.models import ChaseLetter, TargetKind
from dialogue.reminders.targets import short_date

__all__ = ["chase_letter_document", "chase_letter_filename", "render"]


def _heading(kind: str) -> str:
    """What the unit still owes, as the heading of a group of items."""
    return {
        TargetKind.DIRECTIVE: gettext("Directives of conclusion notices not yet carried out:"),
        TargetKind.ANSWER: gettext("Petitions not yet answered in writing:"),
        TargetKind.RESOLUTION: gettext("Petitions not yet completely resolved:"),
        TargetKind.ESCALATION: gettext("Recommendations of lower levels not yet answered:"),
    }[kind]


def _sentence(text: str) -> str:
    text = " ".join(text.split()).rstrip(" .;,")
    return f"{text}."


@in_vietnamese
def number_line(letter: ChaseLetter) -> str:
    number = str(letter.number) if letter.number else "    "
    if letter.layout == DocumentLayout.PARTY:
        return pgettext("document number", "No. %(number)s-%(symbol)s") % {"number": number, "symbol": letter.symbol}
    return pgettext("document number", "No.: %(number)s/%(symbol)s") % {"number": number, "symbol": letter.symbol}


@in_vietnamese
def body_blocks(letter: ChaseLetter) -> list[Block]:
    sender = letter.sender_unit.name
    addressee = letter.addressee.name
    count = len(letter.items)
    blocks = [
        Block(
            ngettext(
                "In following up the conclusions of the dialogue conferences between leaders and citizens and "
                "the answers to citizens' petitions, %(sender)s notes that as of %(date)s, %(addressee)s still has "
                "%(count)s matter past its deadline and not completed, as follows:",
                "In following up the conclusions of the dialogue conferences between leaders and citizens and "
                "the answers to citizens' petitions, %(sender)s notes that as of %(date)s, %(addressee)s still has "
                "%(count)s matters past their deadline and not completed, as follows:",
                count,
            )
            % {"sender": sender, "date": short_date(letter.issued_on), "addressee": addressee, "count": f"{count:02d}"}
        )
    ]
    letters = "abcd"
    groups = [(kind, [i for i in letter.items if i["kind"] == kind]) for kind in TargetKind.values]
    groups = [(kind, items) for kind, items in groups if items]
    number = 0
    for index, (kind, items) in enumerate(groups):
        if len(groups) > 1:
            blocks.append(Block(f"{letters[index]}) {_heading(kind)}", "heading2"))
        for item in items:
            number += 1
            blocks.append(Block(f"{number}. {_sentence(item['matter'])}", "para"))
            late = item["late_by"]
            blocks.append(
                Block(
                    ngettext(
                        "- Source: %(source)s; deadline: %(due)s, %(days)s working day late.",
                        "- Source: %(source)s; deadline: %(due)s, %(days)s working days late.",
                        late,
                    )
                    % {
                        "source": item["source"].rstrip("."),
                        "due": short_date(date.fromisoformat(item["due"])),
                        "days": f"{late:02d}",
                    },
                    "bullet",
                )
            )
    blocks.append(
        Block(
            gettext(
                "To protect the citizens' legitimate interests and make the conclusions effective, %(sender)s asks "
                "%(addressee)s to direct the complete resolution of the matters above without delay and to report "
                "the result, with supporting documents, to %(sender)s before %(date)s. Where a matter is beyond its "
                "competence or cannot be resolved, the report should state the reasons and the difficulties and "
                "propose how to proceed."
            )
            % {"sender": sender, "addressee": addressee, "date": short_date(letter.report_by)}
        )
    )
    blocks.append(
        Block(
            gettext("%(sender)s asks %(addressee)s to give this its attention./.")
            % {
                "sender": sender,
                "addressee": addressee,
            }
        )
    )
    return blocks


@in_vietnamese
def chase_letter_document(letter: ChaseLetter) -> OfficialDocument:
    """Công văn đôn đốc: header, number with “V/v” under it, place and date, “Kính gửi:”,
    the late items, the report asked for, Nơi nhận and the signature."""
    return OfficialDocument(
        layout=Layout.PARTY if letter.layout == DocumentLayout.PARTY else Layout.STATE,
        issuer_parent=letter.issuer_parent_line,
        issuer=letter.issuer_line,
        number_line=number_line(letter),
        place_date_line=place_date_line(letter.place, letter.issued_on),
        doc_type="",
        title="",
        summary_line=gettext("Re: chasing the matters past their deadline after the dialogue conferences"),
        addressees=[letter.addressee.name],
        blocks=body_blocks(letter),
        signing_authority=letter.signing_authority,
        signer_title=letter.signer_title,
        signer_name=letter.signer_name,
        recipients=_recipients(letter.recipients),
    )


def chase_letter_filename(letter: ChaseLetter) -> str:
    number = f"{letter.number}-" if letter.number else ""
    agency = fold(letter.addressee.short_name or letter.addressee.name).replace(" ", "-")[:40]
    return f"cong-van-don-doc-{number}{agency}-{letter.issued_on:%Y%m%d}"
