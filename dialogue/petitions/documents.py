"""Printed documents of the petition cycle (domain.md §1 steps 3–5).

- the two paper forms of seed 000 (Phiếu ý kiến đề xuất, kiến nghị: for citizens, and for
  agencies, units and Party members), with a QR code to the online form;
- the synthesis report (Báo cáo tổng hợp ý kiến, kiến nghị của Nhân dân và nội dung trả
  lời), laid out as the plan's issuer prints its documents;
- its Excel annex, one row per merged opinion and one per petition as received.

Everything printed is Vietnamese whatever the interface language: the labels are English
msgids of their own (worded as a report words them, not the models' choice labels) and
the entry points run with Vietnamese active (`in_vietnamese`). Phone
numbers never appear in any of them, and phone numbers a petitioner wrote into the text
are masked (Law 91/2025/QH15: collect only what is needed, mask it in what is circulated).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime

import qrcode
from django.utils import timezone
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dialogue.documents.layout import (
    _SPECS,
    _TR_PR_ORDER,
    CENTER,
    FONT,
    JUSTIFY,
    LANGUAGE,
    LEFT,
    TEXT_WIDTH_CM,
    Block,
    Layout,
    OfficialDocument,
    _borderless_table,
    _drop_template_leftovers,
    _fit_lines,
    _format,
    _header,
    _mark_size,
    _nfc,
    _rule,
    _run,
    _schema_order,
    _set_child,
    _setup_page,
    _setup_styles,
    _text_paragraph,
    _text_width_cm,
)
from dialogue.lib.text import fold
from dialogue.petitions.models import AnswerMode, Channel, GroupStatus, JurisdictionLevel, Petition, PetitionGroup
from dialogue.plans.documents import _layout, _number_line, in_vietnamese, place_date_line, plan_reference
from dialogue.plans.models import Conference, DocumentLayout

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# --- Vietnamese labels ------------------------------------------------------------------

# How each channel is named in a report ("qua các hình thức: …") and in the annex.
# Lazy: read them with Vietnamese active (the entry points below are `in_vietnamese`).
CHANNEL_LABELS: dict[str, str] = {
    Channel.PAPER_CITIZEN: pgettext_lazy("channel in a report", "Opinion forms from the people"),
    Channel.PAPER_ORGANISATION: pgettext_lazy(
        "channel in a report", "Opinion forms from agencies, units, officials and Party members"
    ),
    Channel.SPEAKER_SLIP: pgettext_lazy("channel in a report", "Registrations to speak"),
    Channel.SPOKEN: pgettext_lazy("channel in a report", "Spoken at the conference"),
    Channel.MTTQ: pgettext_lazy(
        "channel in a report", "Compiled by the Fatherland Front and the socio-political organisations"
    ),
    Channel.VILLAGE: pgettext_lazy("channel in a report", "Village and residential group meetings"),
    Channel.AGENCY_REPORT: pgettext_lazy("channel in a report", "Reports of agencies and units"),
    Channel.ONLINE: pgettext_lazy("channel in a report", "Sent online"),
    Channel.OPEN311: pgettext_lazy("channel in a report", "Sent through connected applications"),
}

# Highest level first, as reports list them; the district is historical (before 7/2025).
LEVEL_ORDER: tuple[str, ...] = (
    JurisdictionLevel.TRUNG_UONG,
    JurisdictionLevel.TINH,
    JurisdictionLevel.HUYEN,
    JurisdictionLevel.XA,
)
LEVEL_LABELS: dict[str, str] = {
    JurisdictionLevel.TRUNG_UONG: pgettext_lazy("level in a report", "Central"),
    JurisdictionLevel.TINH: pgettext_lazy("level in a report", "Province"),
    JurisdictionLevel.HUYEN: pgettext_lazy("level in a report", "District (before 7/2025)"),
    JurisdictionLevel.XA: pgettext_lazy("level in a report", "Commune"),
}
# Mid-sentence names of the levels: “thuộc thẩm quyền giải quyết của cấp tỉnh”.
LEVEL_WORDS: dict[str, str] = {
    JurisdictionLevel.TRUNG_UONG: pgettext_lazy("level mid-sentence", "the central level"),
    JurisdictionLevel.TINH: pgettext_lazy("level mid-sentence", "the provincial level"),
    JurisdictionLevel.HUYEN: pgettext_lazy("level mid-sentence", "the district level (before 7/2025)"),
    JurisdictionLevel.XA: pgettext_lazy("level mid-sentence", "the commune level"),
}
LEVEL_HEADINGS: dict[str, str] = {
    JurisdictionLevel.TRUNG_UONG: _("Within the competence of the central level"),
    JurisdictionLevel.TINH: _("Within the competence of the provincial level"),
    JurisdictionLevel.HUYEN: _("Within the competence of the district level (before 7/2025)"),
    JurisdictionLevel.XA: _("Within the competence of the commune level"),
}
NO_LEVEL_HEADING = _("Competent level not yet determined")
NO_FIELD_HEADING = _("Field not yet classified")

STATUS_LABELS: dict[str, str] = {
    GroupStatus.OPEN: pgettext_lazy("answer status in a report", "Not yet assigned"),
    GroupStatus.ASSIGNED: pgettext_lazy("answer status in a report", "Assigned, answer being prepared"),
    GroupStatus.SUBMITTED: pgettext_lazy("answer status in a report", "Answer sent, awaiting approval"),
    GroupStatus.RETURNED: pgettext_lazy("answer status in a report", "Returned to complete the answer"),
    GroupStatus.APPROVED: pgettext_lazy("answer status in a report", "Answer approved"),
}

LIVE_ANSWER = _("Answered directly at the conference")
REPORT_DOC_TYPE = pgettext_lazy("document type", "REPORT")
REPORT_TITLE = _("Synthesis of the people's opinions and petitions and the answers")

FORM_TITLE = _("FORM FOR OPINIONS, PROPOSALS AND PETITIONS")
FORM_KINDS = ("citizen", "organisation")

PHONE_MASK = _("[phone number hidden]")
# A Vietnamese number as people write it in a text: 0 or +84/84, then 9–10 digits,
# possibly grouped with spaces, dots or dashes (“0912 345 678”, “+84.912.345.678”).
_PHONE_IN_TEXT = re.compile(r"(?<![\w/])(?<!\d[.,])(?:\+84|84|0)(?:[ .\-]?\d){8,10}(?![\w/]|[.,]\d)")


@in_vietnamese
def mask_phones(text: str) -> str:
    """Hide telephone numbers a petitioner wrote into free text."""
    mask = str(PHONE_MASK)
    return _PHONE_IN_TEXT.sub(lambda _match: mask, text or "")


@in_vietnamese
def conference_phrase(conference: Conference) -> str:
    """“Hội nghị tiếp xúc, đối thoại …”: the title as a noun phrase starting with “Hội nghị”
    (“Đối thoại kết hợp tiếp công dân” → “Hội nghị đối thoại kết hợp tiếp công dân”)."""
    title = " ".join(conference.title.split())
    if fold(title).startswith("hoi nghi"):
        # The title's own words, only capitalised: “hội nghị …” → “Hội nghị …”.
        return "Hội nghị" + title[len("hội nghị") :]
    return gettext("Conference %(topic)s") % {"topic": _lower_first(title)}


def _lower_first(text: str) -> str:
    """Lower-case the first letter unless the word is an acronym (“HĐND”, “ODA”)."""
    if not text or (len(text) > 1 and text[1].isupper()):
        return text
    return text[0].lower() + text[1:]


def _escape(text: str) -> str:
    """User text inside a Block: a star is a literal star, never bold or italic markup."""
    return (text or "").replace("*", "\\*")


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def _raised_before(group: PetitionGroup) -> bool:
    return bool(group.previous_group_id) or group.times_raised > 1


def _times_raised(group: PetitionGroup) -> int:
    # A group linked to an earlier one has been raised at least twice, whatever the counter says.
    return max(group.times_raised, 2) if group.previous_group_id else group.times_raised


def _has_approved_answer(group: PetitionGroup) -> bool:
    return group.status == GroupStatus.APPROVED and bool(group.answer_text.strip())


def _level_index(group: PetitionGroup) -> int:
    return LEVEL_ORDER.index(group.level) if group.level in LEVEL_ORDER else len(LEVEL_ORDER)


def ordered_groups(groups: Iterable[PetitionGroup]) -> list[PetitionGroup]:
    """Report order, shared by the report and its annex so the numbers match: level
    (Trung ương first), field (administrators' order), then when the group was made."""

    def key(group: PetitionGroup):
        field = group.field
        field_key = (0, field.sort_order, field.name, field.pk) if field else (1, 0, "", 0)
        created = group.created_at or datetime.min.replace(tzinfo=UTC)
        return (_level_index(group), field_key, created, group.pk or 0)

    return sorted(groups, key=key)


def _petitions(group: PetitionGroup) -> list[Petition]:
    return sorted(group.petitions.all(), key=lambda p: (p.received_on, p.pk))


def _supporting(group: PetitionGroup) -> list[str]:
    """Supporting agencies' names through `supports` (prefetch "supports__unit")."""
    return [support.unit.name for support in sorted(group.supports.all(), key=lambda s: s.pk)]


# Documents go to the answering agencies: a petitioner who asked to keep their identity
# from them (QĐ 11-QĐi/TW; the portal's choice) appears only as this note, without address.
IDENTITY_KEPT = _("The petitioner asked to keep their identity confidential")


def _petitioner(petition: Petition) -> str:
    if petition.identity_protected:
        return str(IDENTITY_KEPT)
    return _one_line(petition.name or petition.organisation)


def _petitioner_address(petition: Petition) -> str:
    return "" if petition.identity_protected else _one_line(petition.address)


def _answer_cell(group: PetitionGroup) -> str:
    if _has_approved_answer(group):
        return mask_phones(group.answer_text.strip())
    if group.answer_mode == AnswerMode.LIVE:
        return str(LIVE_ANSWER)
    return ""


# --- paper forms (seed 000) ---------------------------------------------------------------

_DOTS_SHORT = "........"
_FORM_LINE_PT = 20  # height of a handwriting line: 7 mm, as college-ruled paper
_FORM_WRITING_LINES = 20
_QR_CM = 2.5
_QR_CELL_CM = 3.2
_CAPTION_CELL_CM = 5.3
_BOX_PADDING_TWIPS = 85  # 1.5 mm inside the box
_TC_PR_ORDER = _schema_order(
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark"
)


@in_vietnamese
def paper_form_document(conference: Conference, kind: str, *, online_url: str) -> bytes:
    """The printable paper form of seed 000 for `conference`, as DOCX bytes.

    kind "citizen": Phiếu dành cho Nhân dân (name, phone, address, content, signature);
    kind "organisation": Phiếu dành các cơ quan, đơn vị và cán bộ đảng viên, with the
    issuer's header block to fill in and a stamp. Both carry a QR code to `online_url`.
    """
    if kind not in FORM_KINDS:
        raise ValueError(f"unknown form kind {kind!r}; expected one of {', '.join(FORM_KINDS)}")
    if not online_url.strip():
        raise ValueError("online_url is required: the form prints it and its QR code")
    plan = conference.plan
    layout = _layout(plan)
    spec = _SPECS[layout]
    document = Document()
    _setup_styles(document, spec)
    _setup_page(document, spec, page_numbers=False)
    citizen = kind == "citizen"
    if not citizen:
        _form_header(document, conference, layout)
    _form_title(document, conference, citizen=citizen, body_pt=spec.body_pt)
    phone = " " + pgettext("paper form", "Phone:") + " "
    if citizen:
        _dotted(document, pgettext("paper form", "Full name:") + " ", phone)
        _dotted(document, pgettext("paper form", "Contact address:") + " ")
    else:
        _dotted(document, pgettext("paper form", "Organisation (individual):") + " ", phone)
        _dotted(document, pgettext("paper form", "Position, unit of work:") + " ")
    _dotted(document, "")
    # Seed 000 words the two headings differently; each form keeps its own.
    if citizen:
        heading = pgettext("citizens' paper form", "CONTENT OF THE OPINIONS, PROPOSALS AND PETITIONS")
    else:
        heading = pgettext("organisations' paper form", "CONTENT OF THE OPINIONS, PETITIONS AND PROPOSALS")
    paragraph = document.add_paragraph()
    _text_paragraph(paragraph, heading, size=14, bold=True, align=CENTER)
    _format(paragraph, align=CENTER, before=6, after=2, keep_next=True)
    note = _scope_note(conference)
    if note:
        paragraph = document.add_paragraph()
        _text_paragraph(paragraph, note, size=13, italic=True, align=JUSTIFY)
        _format(paragraph, align=JUSTIFY, after=2, keep_next=True)
    lines = _FORM_WRITING_LINES if citizen else _FORM_WRITING_LINES - 2  # the header takes room
    for _line in range(lines):
        _dotted(document, "")
    if citizen:
        _form_footer(
            document,
            online_url,
            pgettext("paper form signature", "Person giving the opinion"),
            pgettext("paper form signature", "(Sign and write full name)"),
        )
    else:
        _form_footer(
            document,
            online_url,
            pgettext("paper form signature", "Confirmation of the organisation (individual)"),
            pgettext("paper form signature", "(Sign and stamp)"),
        )
    _spacer_end(document)
    props = document.core_properties
    # Word keeps at most 255 characters in a core property; a long conference title is cut.
    props.title = _nfc(f"{FORM_TITLE} - {conference_phrase(conference)}")[:255]
    props.author = _nfc(plan.issuer_line)
    props.last_modified_by = props.author
    props.language = LANGUAGE
    props.comments = ""
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0)
    _drop_template_leftovers(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def paper_form_filename(conference: Conference, kind: str) -> str:
    return f"phieu-y-kien-{'nhan-dan' if kind == 'citizen' else 'co-quan-don-vi'}-{conference.pk}"


def _scope_note(conference: Conference) -> str:
    """“(Lưu ý: Chỉ ý kiến … của cấp tỉnh và Trung ương)”, however the note was typed."""
    note = _one_line(conference.scope_note).rstrip(" .;")
    if not note:
        return ""
    if note.startswith("(") and note.endswith(")"):
        return note
    note = note.strip("()")
    if fold(note).startswith("luu y"):
        return f"({note})"
    return gettext("(Note: %(note)s)") % {"note": note}


def _form_header(document: DocxDocument, conference: Conference, layout: Layout) -> None:
    """Seed 000's second form: the unit writes its name top left (“TÊN CƠ QUAN, ĐƠN VỊ…”),
    the Party title (or the state motto) top right, the place and date under it."""
    plan = conference.plan
    year = conference.date.year if conference.date else plan.year
    placeholder = pgettext("paper form", "NAME OF THE AGENCY, UNIT") + "." * 10
    party = layout == Layout.PARTY
    header = OfficialDocument(
        layout=layout,
        # Party: the name to write in, then “*” (not bold, as the seed prints it); state:
        # the issuing body's place, bold with its short rule (NĐ 30/2020, Appendix I).
        issuer_parent=placeholder if party else "",
        issuer="" if party else placeholder,
        number_line="",
        place_date_line=gettext("%(place)s, day %(day)s month %(month)s year %(year)s")
        % {"place": "." * 10, "day": "." * 6, "month": "." * 6, "year": year},
        doc_type="",
        title="",
        blocks=[],
    )
    _header(document, header, _SPECS[layout])


def _form_title(document: DocxDocument, conference: Conference, *, citizen: bool, body_pt: float) -> None:
    paragraph = document.add_paragraph()
    _text_paragraph(paragraph, str(FORM_TITLE), size=15, bold=True, align=CENTER)
    _format(paragraph, align=CENTER, before=6 if citizen else 14, keep_next=True)
    at = gettext("At the %(conference)s") % {"conference": conference_phrase(conference)}
    where = _title_lines(at, TEXT_WIDTH_CM - 1.0, 14)
    _text_paragraph(document.add_paragraph(), _nfc(where), size=14, bold=True, align=CENTER)
    if citizen:
        audience = pgettext("paper form", "(Form for the people)")
    else:
        audience = pgettext("paper form", "(Form for agencies, units, officials and Party members)")
    _text_paragraph(document.add_paragraph(), audience, size=body_pt, italic=True, align=CENTER)
    _rule(document.add_paragraph(), TEXT_WIDTH_CM, 3.0, height=6)
    _mark_size(document.add_paragraph(), 6)


# Words a clerk breaks a long title before: “… của đồng chí Bí thư Tỉnh ủy / với cán bộ, …”.
_BREAK_BEFORE = {"với", "của", "tại", "về", "trên", "giữa", "đối"}


def _title_lines(text: str, width_cm: float, size: float) -> str:
    """Two bold lines broken before a linking word when both fit and stay roughly
    balanced; otherwise the layout engine's balanced break."""
    words = _nfc(text).split()
    if _text_width_cm(" ".join(words), size, bold=True) <= width_cm:
        return " ".join(words)
    best, best_width = None, float("inf")
    for cut in range(2, len(words) - 1):
        if words[cut].lower() not in _BREAK_BEFORE:
            continue
        widths = [_text_width_cm(" ".join(part), size, bold=True) for part in (words[:cut], words[cut:])]
        if max(widths) <= width_cm and min(widths) >= 0.6 * max(widths) and max(widths) < best_width:
            best, best_width = f"{' '.join(words[:cut])}\n{' '.join(words[cut:])}", max(widths)
    return best or _fit_lines(" ".join(words), width_cm, size, bold=True)


def _dotted(document: DocxDocument, label: str, second: str = "") -> Paragraph:
    """A line to write on: “label ……… second ………” with dot leaders to the right margin.

    Dots are tab leaders, not typed periods, so they always reach the margin exactly
    in Word and LibreOffice whatever the label's width."""
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    _format(paragraph, align=LEFT)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(_FORM_LINE_PT)
    stops = fmt.tab_stops
    if second:
        stops.add_tab_stop(Cm(10.6), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)
    stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    if not label:
        # A line of dots alone starts with a 1 pt space: LibreOffice takes a paragraph that
        # holds only a tab for an empty one and ignores its exact height.
        _run(paragraph, " ", size=1)
    _run(paragraph, f"{label}\t{second}\t" if second else f"{label}\t", size=14)
    _mark_size(paragraph, 14)
    return paragraph


def qr_png(data: str) -> bytes:
    """A black-on-white QR code (error correction M, 2-module quiet zone) as PNG bytes."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=2)
    code.add_data(data)
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _form_footer(document: DocxDocument, online_url: str, signer: str, signer_note: str) -> None:
    """Bottom row: the QR box (code and caption) left, the signature block right."""
    sign_cm = TEXT_WIDTH_CM - _QR_CELL_CM - _CAPTION_CELL_CM
    table = _borderless_table(document, [_QR_CELL_CM, _CAPTION_CELL_CM, sign_cm], rows=1)
    row = table.rows[0]
    _set_child(row._tr.get_or_add_trPr(), OxmlElement("w:cantSplit"), _TR_PR_ORDER)
    qr_cell, caption_cell, sign_cell = row.cells
    # Some air between the last writing line and the box.
    for cell in row.cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(10)

    _cell_box(qr_cell, ("top", "left", "bottom"))
    _cell_box(caption_cell, ("top", "right", "bottom"))
    qr_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    caption_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    picture = qr_cell.paragraphs[0]
    _format(picture, align=CENTER)
    picture.add_run().add_picture(io.BytesIO(qr_png(online_url)), width=Cm(_QR_CM), height=Cm(_QR_CM))

    caption = caption_cell.paragraphs[0]
    _format(caption, align=LEFT)
    _run(caption, pgettext("paper form", "Send your opinion online:"), size=11, bold=True)
    _run(caption, " " + pgettext("paper form", "scan the code or go to") + " ", size=11)
    _run(caption, _breakable_url(online_url), size=11, italic=True)
    _mark_size(caption, 11)

    first = sign_cell.paragraphs[0]
    _text_paragraph(first, signer, size=14, bold=True, align=CENTER, before=10)
    _text_paragraph(sign_cell.add_paragraph(), signer_note, size=14, italic=True, align=CENTER)


def _breakable_url(url: str) -> str:
    """A zero-width space after each “/” and “.” of the address (not inside “//”), so a long
    address wraps there instead of in the middle of a word; people type it from paper."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    rest = re.sub(r"([/.?&=])(?=.)", "\\1\u200b", rest)
    return f"{scheme}{sep}{rest}"


def _cell_box(cell: _Cell, edges: tuple[str, ...]) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        if edge in edges:
            element.set(qn("w:val"), "single")
            element.set(qn("w:sz"), "6")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        else:
            element.set(qn("w:val"), "nil")
        borders.append(element)
    _set_child(tc_pr, borders, _TC_PR_ORDER)
    margins = OxmlElement("w:tcMar")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(_BOX_PADDING_TWIPS))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _set_child(tc_pr, margins, _TC_PR_ORDER)


def _spacer_end(document: DocxDocument) -> None:
    """A 1 pt paragraph after the last table (Word needs one; a full-size one could spill a page)."""
    paragraph = document.add_paragraph()
    _format(paragraph, align=CENTER)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = Pt(1)
    _mark_size(paragraph, 1)


# --- synthesis report -----------------------------------------------------------------------


@in_vietnamese
def synthesis_report_document(
    conference: Conference, groups: Iterable[PetitionGroup], *, issuer_unit=None, today: date | None = None
) -> OfficialDocument:
    """Báo cáo tổng hợp ý kiến, kiến nghị của Nhân dân và nội dung trả lời, in the plan's
    layout. Groups are numbered in `ordered_groups` order, as in the Excel annex.

    `issuer_unit` is the body that compiled the opinions (the synthesis board); it is
    named in the text, while the header, number and signature are the plan's."""
    plan = conference.plan
    groups = ordered_groups(groups)
    issuer_name = (issuer_unit or plan.issuing_unit).name
    phrase = conference_phrase(conference)
    petitions = [p for g in groups for p in g.petitions.all()]

    reference = plan_reference(plan)
    # “gửi tới Hội nghị” when the plan is about this one conference: its title already names it.
    single = fold(conference.title) in fold(plan.title) or plan.conferences.count() == 1
    target = pgettext("the conference, named alone", "the Conference") if single else phrase
    opening = gettext(
        "Pursuant to %(reference)s of %(plan_issuer)s on %(title)s, %(issuer)s has compiled the people's "
        "opinions and petitions sent to %(target)s and the answers of the agencies and units as follows:"
    )
    blocks = [
        Block(
            opening
            % {
                "reference": reference,
                "plan_issuer": plan.issuing_unit.name,
                "title": _lower_first(_one_line(plan.title)),
                "issuer": issuer_name,
                "target": target,
            }
        )
    ]
    blocks += _collection_section(groups, petitions)
    blocks += _content_section(groups)
    blocks += _proposal_section(groups, issuer_name, phrase)

    if plan.layout == DocumentLayout.PARTY:
        superior = gettext("- The Standing Committee of %(unit)s (to report);")
    else:
        superior = gettext("- The Chair and Vice-Chairs of %(unit)s (to report);")
    recipients = [superior % {"unit": plan.issuing_unit.name}]
    if any(g.lead_unit_id for g in groups):
        recipients.append(gettext("- The agencies and units leading the answers;"))
    recipients.append(gettext("- Archived: Clerical Office."))
    if today is None:
        now = timezone.localdate()
        date_line = place_date_line(plan.place, None, month=now.month, year=now.year)
    else:
        date_line = place_date_line(plan.place, today)
    return OfficialDocument(
        layout=_layout(plan),
        issuer_parent=plan.issuer_parent_line,
        issuer=plan.issuer_line,
        number_line=_number_line(plan, "BC"),
        place_date_line=date_line,
        doc_type=str(REPORT_DOC_TYPE),
        title=str(REPORT_TITLE),
        blocks=blocks,
        signing_authority=plan.signing_authority,
        signer_title=plan.signer_title,
        signer_name=plan.signer_name,
        recipients=recipients,
    )


def synthesis_report_filename(conference: Conference) -> str:
    return f"bao-cao-tong-hop-y-kien-{conference.pk}"


def _collection_section(groups: list[PetitionGroup], petitions: list[Petition]) -> list[Block]:
    blocks = [Block(gettext("I. RESULTS OF THE COLLECTION OF OPINIONS AND PETITIONS"), "heading1")]
    by_channel = Counter(p.channel for p in petitions)
    if by_channel:
        line = gettext("1. Total opinions and petitions received: %(count)s opinions, of which:")
        blocks.append(Block(line % {"count": len(petitions)}))
        channels = [c for c in Channel.values if by_channel[c]] + sorted(set(by_channel) - set(Channel.values))
        for index, channel in enumerate(channels):
            end = "." if index == len(channels) - 1 else ";"
            line = gettext("- %(channel)s: %(count)s opinions") % {
                "channel": CHANNEL_LABELS.get(channel, channel),
                "count": by_channel[channel],
            }
            blocks.append(Block(line + end))
    else:
        blocks.append(Block(gettext("1. No opinion or petition has been received yet.")))
    by_level = Counter(g.level for g in groups)
    parts = [f"{LEVEL_WORDS[level]} {by_level[level]}" for level in LEVEL_ORDER if by_level[level]]
    unknown = sum(n for level, n in by_level.items() if level not in LEVEL_ORDER)
    if unknown:
        parts.append(gettext("level not yet determined %(count)s") % {"count": unknown})
    counts = {"count": len(groups), "levels": "; ".join(parts)}
    if parts:
        merged = gettext(
            "2. After review, classification and merging of opinions with the same content, %(count)s combined "
            "opinions and petitions remain, within the competence of: %(levels)s."
        )
    else:
        merged = gettext(
            "2. After review, classification and merging of opinions with the same content, %(count)s combined "
            "opinions and petitions remain."
        )
    blocks.append(Block(merged % counts))
    repeated = sum(1 for g in groups if _raised_before(g))
    if repeated:
        line = gettext(
            "3. %(count)s opinions and petitions were raised by the people in earlier rounds but have not been "
            "fully resolved."
        )
        blocks.append(Block(line % {"count": repeated}))
    else:
        blocks.append(Block(gettext("3. No opinion or petition was raised in earlier rounds.")))
    approved = sum(1 for g in groups if _has_approved_answer(g))
    live = sum(1 for g in groups if not _has_approved_answer(g) and g.answer_mode == AnswerMode.LIVE)
    pending = len(groups) - approved - live
    line = gettext(
        "4. Preparation of the answers: %(approved)s opinions and petitions have an answer; %(live)s opinions and "
        "petitions are answered directly at the conference; %(pending)s opinions and petitions have no answer yet."
    )
    blocks.append(Block(line % {"approved": approved, "live": live, "pending": pending}))
    if groups:
        blocks.append(Block(gettext("(Details in the attached annex of the opinions and petitions)"), "note"))
    return blocks


def _content_section(groups: list[PetitionGroup]) -> list[Block]:
    blocks = [Block(gettext("II. CONTENT OF THE OPINIONS AND PETITIONS AND THE ANSWERS"), "heading1")]
    if not groups:
        return [*blocks, Block(gettext("No opinion or petition has been compiled yet."))]
    level_number = 0
    field_number = 0
    current_level: object = object()
    current_field: object = object()
    for number, group in enumerate(groups, start=1):
        level = group.level if group.level in LEVEL_ORDER else ""
        if level != current_level:
            current_level, current_field = level, object()
            level_number += 1
            field_number = 0
            heading = LEVEL_HEADINGS.get(level, NO_LEVEL_HEADING)
            blocks.append(Block(f"{level_number}. {heading}", "heading2"))
        if group.field_id != current_field:
            current_field = group.field_id
            field_number += 1
            blocks.append(Block(f"{level_number}.{field_number}. {_field_heading(group)}", "heading3"))
        blocks += _group_blocks(number, group)
    return blocks


def _field_heading(group: PetitionGroup) -> str:
    if group.field is None:
        return str(NO_FIELD_HEADING)
    # The field's name is data; administrators may have written “Lĩnh vực …” themselves.
    name = _one_line(group.field.name)
    return name if fold(name).startswith("linh vuc") else gettext("Field of %(field)s") % {"field": _lower_first(name)}


def _group_blocks(number: int, group: PetitionGroup) -> list[Block]:
    count = len(group.petitions.all())
    detail = gettext("%(count)s opinions") % {"count": count}
    if _raised_before(group):
        detail += gettext("; raised %(times)s times") % {"times": _times_raised(group)}
    summary = _escape(mask_phones(_one_line(group.summary))).rstrip()
    heading = gettext("**Opinion %(number)s: %(summary)s** (%(detail)s)")
    blocks = [Block(heading % {"number": number, "summary": summary, "detail": detail})]
    lead = group.lead_unit.name if group.lead_unit else pgettext("lead agency", "not yet assigned")
    line = gettext("Agency leading the answer: %(lead)s") % {"lead": _escape(lead)}
    supporting = _supporting(group)
    if supporting:
        line += gettext("; supporting agencies: %(agencies)s") % {"agencies": _escape(", ".join(supporting))}
    blocks.append(Block(f"{line}."))
    if _has_approved_answer(group):
        lines = [_escape(mask_phones(x.strip())) for x in group.answer_text.splitlines() if x.strip()]
        blocks.append(Block(gettext("*Answer:* %(answer)s") % {"answer": lines[0]}))
        blocks += [Block(x) for x in lines[1:]]
    elif group.answer_mode == AnswerMode.LIVE:
        blocks.append(Block(f"*{LIVE_ANSWER}.*"))
    elif group.due_date:
        line = gettext("*No answer yet (due %(date)s).*")
        blocks.append(Block(line % {"date": f"{group.due_date:%d/%m/%Y}"}))
    else:
        blocks.append(Block(gettext("*No answer yet.*")))
    return blocks


def _proposal_section(groups: list[PetitionGroup], issuer_name: str, phrase: str) -> list[Block]:
    proposals = []
    pending = sum(1 for g in groups if not _has_approved_answer(g) and g.answer_mode != AnswerMode.LIVE)
    if pending:
        line = gettext(
            "The agencies and units assigned to lead are asked to urgently complete the answers to the %(count)s "
            "opinions and petitions that have none and send them to %(issuer)s on time for compilation and "
            "reporting."
        )
        proposals.append(line % {"count": pending, "issuer": issuer_name})
    if any(g.answer_mode == AnswerMode.LIVE for g in groups):
        proposals.append(
            gettext(
                "The leaders of the agencies and units assigned to answer directly at the conference are asked to "
                "prepare the content and precise figures to answer and explain clearly to the people."
            )
        )
    repeated = sum(1 for g in groups if _raised_before(g))
    if repeated:
        line = gettext(
            "For the %(count)s opinions and petitions raised several times but not fully resolved, the comrade "
            "chairing the conference is asked to conclude and assign clear responsibilities and deadlines."
        )
        proposals.append(line % {"count": repeated})
    proposals.append(
        gettext(
            "The agencies and units concerned are asked to keep following and fully resolve the people's opinions "
            "and petitions after the conference and report the results as prescribed."
        )
    )
    blocks = [Block(gettext("III. PROPOSALS AND RECOMMENDATIONS"), "heading1")]
    blocks += [Block(f"{n}. {text}") for n, text in enumerate(proposals, start=1)]
    closing = gettext(
        "The above is the synthesis report of the people's opinions and petitions and the answers, serving the "
        "%(conference)s./."
    )
    blocks.append(Block(closing % {"conference": phrase}))
    return blocks


# --- Excel annex ----------------------------------------------------------------------------

# Column titles (lazy; read with Vietnamese active). The columns that hold numbers and
# dates are centred: _NUMERIC and _DATES name them by position.
GROUP_HEADERS = (
    pgettext_lazy("annex column", "No."),
    pgettext_lazy("annex column", "Field"),
    pgettext_lazy("annex column", "Competent level"),
    pgettext_lazy("annex column", "Content of the opinion or petition (combined)"),
    pgettext_lazy("annex column", "Opinions"),
    pgettext_lazy("annex column", "Raised (times)"),
    pgettext_lazy("annex column", "Petitioners"),
    pgettext_lazy("annex column", "Lead agency"),
    pgettext_lazy("annex column", "Supporting agencies"),
    pgettext_lazy("annex column", "Answer due"),
    pgettext_lazy("annex column", "Status"),
    pgettext_lazy("annex column", "Answer"),
)
GROUP_WIDTHS = (6, 18, 13, 50, 9, 9, 26, 24, 24, 12, 18, 60)
GROUP_NUMERIC, GROUP_DATES = {0, 4, 5}, {9}
PETITION_HEADERS = (
    pgettext_lazy("annex column", "No."),
    pgettext_lazy("annex column", "Received on"),
    pgettext_lazy("annex column", "Channel"),
    pgettext_lazy("annex column", "Petitioners"),
    pgettext_lazy("annex column", "Address"),
    pgettext_lazy("annex column", "Content of the opinion or petition"),
    pgettext_lazy("annex column", "Group (No.)"),
)
PETITION_WIDTHS = (6, 13, 26, 26, 32, 70, 10)
PETITION_NUMERIC, PETITION_DATES = {0, 6}, {1}
GROUP_SHEET = pgettext_lazy("annex sheet", "Combined")
PETITION_SHEET = pgettext_lazy("annex sheet", "Each opinion")
_HEADER_ROW = 4
_DATE_FORMAT = "dd/mm/yyyy"


@in_vietnamese
def synthesis_report_workbook(conference: Conference, groups: Iterable[PetitionGroup]) -> bytes:
    """The Excel annex of the report: one row per merged opinion (sheet “Tổng hợp”, numbered
    as in the report) and one per petition as received (sheet “Từng ý kiến”). Names only:
    no phone number is written, and numbers typed into the texts are masked; a petitioner
    who asked to keep their identity from the agencies is neither named nor located."""
    groups = ordered_groups(groups)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(GROUP_SHEET)
    phrase = conference_phrase(conference)
    when = f" ({conference.date:%d/%m/%Y})" if conference.date else ""
    title = gettext("ANNEX: SYNTHESIS OF THE PEOPLE'S OPINIONS AND PETITIONS AND THE ANSWERS")
    _sheet_top(sheet, title, phrase + when, GROUP_HEADERS)
    rows = []
    for number, group in enumerate(groups, start=1):
        petitions = _petitions(group)
        names = list(dict.fromkeys(n for n in (_petitioner(p) for p in petitions) if n))
        rows.append(
            (
                number,
                group.field.name if group.field else "",
                str(LEVEL_LABELS.get(group.level, "")),
                mask_phones(_one_line(group.summary)),
                len(petitions),
                _times_raised(group) if _raised_before(group) else None,
                mask_phones("; ".join(names)),
                group.lead_unit.name if group.lead_unit else "",
                "; ".join(_supporting(group)),
                group.due_date,
                str(STATUS_LABELS.get(group.status, group.status)),
                _answer_cell(group),
            )
        )
    _sheet_rows(sheet, GROUP_WIDTHS, rows, numeric=GROUP_NUMERIC, dates=GROUP_DATES)

    sheet = workbook.create_sheet(str(PETITION_SHEET))
    _sheet_top(sheet, gettext("LIST OF THE OPINIONS AND PETITIONS RECEIVED"), phrase + when, PETITION_HEADERS)
    rows = []
    for number, group in enumerate(groups, start=1):
        for petition in _petitions(group):
            rows.append(
                (
                    len(rows) + 1,
                    petition.received_on,
                    str(CHANNEL_LABELS.get(petition.channel, petition.channel)),
                    mask_phones(_petitioner(petition)),
                    mask_phones(_petitioner_address(petition)),
                    mask_phones(petition.content.strip()),
                    number,
                )
            )
    _sheet_rows(sheet, PETITION_WIDTHS, rows, numeric=PETITION_NUMERIC, dates=PETITION_DATES)

    workbook.active = 0
    props = workbook.properties
    props.title = str(REPORT_TITLE)
    props.subject = phrase
    props.creator = conference.plan.issuing_unit.name
    props.language = LANGUAGE
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def synthesis_report_workbook_filename(conference: Conference) -> str:
    return f"phu-luc-tong-hop-y-kien-{conference.pk}"


_FONT = Font(name=FONT, size=12)
_BOLD = Font(name=FONT, size=12, bold=True)
_THIN = Side(style="thin", color="000000")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTER_TOP = Alignment(wrap_text=True, vertical="top", horizontal="center")


def _sheet_top(sheet: Worksheet, title: str, subtitle: str, headers: tuple[str, ...]) -> None:
    last = get_column_letter(len(headers))
    for row, text, font in (
        (1, title, Font(name=FONT, size=14, bold=True)),
        (2, subtitle, Font(name=FONT, size=12, italic=True)),
    ):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row=row, column=1)
        _text_cell(cell, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[1].height = 24
    sheet.row_dimensions[2].height = 36
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=_HEADER_ROW, column=column)
        _text_cell(cell, str(header))
        cell.font = _BOLD
        cell.border = _GRID
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    sheet.freeze_panes = f"A{_HEADER_ROW + 1}"
    sheet.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _sheet_rows(
    sheet: Worksheet, widths: tuple[int, ...], rows: list[tuple], *, numeric: set[int], dates: set[int]
) -> None:
    for offset, values in enumerate(rows, start=1):
        for index, value in enumerate(values):
            cell = sheet.cell(row=_HEADER_ROW + offset, column=index + 1)
            if isinstance(value, str):
                _text_cell(cell, value)
            else:
                cell.value = value
            if index in dates and value is not None:
                cell.number_format = _DATE_FORMAT
            cell.font = _FONT
            cell.border = _GRID
            cell.alignment = _CENTER_TOP if index in numeric or index in dates else _WRAP_TOP
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    last_row = _HEADER_ROW + max(len(rows), 1)
    sheet.auto_filter.ref = f"A{_HEADER_ROW}:{get_column_letter(len(widths))}{last_row}"


def _text_cell(cell, text: str) -> None:
    """Always a string: a petition that starts with “=” is text, never a formula."""
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", _nfc(text))
    cell.data_type = "s"
