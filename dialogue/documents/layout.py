"""Lay out Vietnamese official documents as DOCX.

Two house styles: state documents (Nghị định 30/2020/NĐ-CP, Appendix I) and Party
documents (Hướng dẫn 36-HD/VPTW). Everything is real Word structure (borderless tables,
paragraph borders for the short rules, run properties) so Word and LibreOffice print it
the same way and a clerk can still edit it. The engine knows nothing about models: callers
pass already-formatted strings (number line, date line, recipients).
"""

import io
import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache

from django.utils import translation
from django.utils.translation import gettext_lazy, pgettext_lazy
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
LANGUAGE = "vi-VN"

PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 20
MARGIN_BOTTOM_MM = 20
MARGIN_LEFT_MM = 30
MARGIN_RIGHT_MM = 15
TEXT_WIDTH_CM = (PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) / 10

FIRST_LINE_INDENT_CM = 1.27
BODY_LINE_SPACING = 1.15
BODY_SPACE_AFTER_PT = 6
SIGNATURE_BLANK_LINES = 4
SIGNATURE_SPACE_BEFORE_PT = 12

# The fixed labels of the header and the signature block, translated through Django i18n
# and always printed in Vietnamese (`_label`), whatever language the caller has active.
STATE_MOTTO = gettext_lazy("SOCIALIST REPUBLIC OF VIET NAM")
STATE_SLOGAN = gettext_lazy("Independence - Freedom - Happiness")
PARTY_TITLE = gettext_lazy("COMMUNIST PARTY OF VIET NAM")
RECIPIENTS_LABEL = pgettext_lazy("official document", "Recipients")
ADDRESSEES_LABEL = pgettext_lazy("official document", "To:")


def _label(text) -> str:
    """A fixed label in Vietnamese: documents are Vietnamese whoever renders them."""
    with translation.override("vi"):
        return str(text)


CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


class Layout(StrEnum):
    STATE = "state"
    PARTY = "party"


BLOCK_STYLES = ("para", "heading1", "heading2", "heading3", "bullet", "centered", "note")


@dataclass
class Block:
    """One paragraph of body text; `**bold**` and `*italic*` inside `text` become runs."""

    text: str
    style: str = "para"

    def __post_init__(self) -> None:
        if self.style not in BLOCK_STYLES:
            raise ValueError(f"unknown block style {self.style!r}; expected one of {', '.join(BLOCK_STYLES)}")


@dataclass
class OfficialDocument:
    """Everything printed on the document, already worded; the layout decides only where and how."""

    layout: Layout
    issuer_parent: str
    issuer: str
    number_line: str
    place_date_line: str
    doc_type: str
    title: str
    blocks: list[Block]
    signing_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    drafter_mark: str = ""
    summary_line: str = ""  # "V/v ..." under the number (công văn); a Party công văn prints it italic
    addressees: list[str] = field(default_factory=list)  # "Kính gửi:" lines above the body (công văn, tờ trình)
    page_numbers: bool = True  # PAGE field centred at the top from page 2


@dataclass(frozen=True)
class _Spec:
    """Sizes and placements that differ between NĐ 30 and HD 36."""

    header_widths_cm: tuple[float, float]
    parent_pt: float
    issuer_pt: float
    number_pt: float
    summary_pt: float
    summary_italic: bool
    date_pt: float
    date_align: WD_ALIGN_PARAGRAPH
    doc_type_pt: float
    doc_type_before_pt: float
    title_pt: float
    body_pt: float
    label_pt: float
    label_bold: bool
    label_italic: bool
    label_underline: bool
    recipients_pt: float
    mark_pt: float
    signer_pt: float
    signature_widths_cm: tuple[float, float]


_SPECS = {
    # NĐ 30/2020 Appendix I: issuer 12-13, motto 12-13 + 13-14, number 13, date 13-14 italic,
    # type 13-14, body 13-14, "Nơi nhận:" 12 bold italic, list 11, signer 13-14 bold.
    Layout.STATE: _Spec(
        header_widths_cm=(6.5, 10.0),
        parent_pt=12,
        issuer_pt=12,
        number_pt=13,
        summary_pt=12,
        summary_italic=False,
        date_pt=14,
        date_align=CENTER,
        doc_type_pt=14,
        doc_type_before_pt=18,
        title_pt=14,
        body_pt=14,
        label_pt=12,
        label_bold=True,
        label_italic=True,
        label_underline=False,
        recipients_pt=11,
        mark_pt=11,
        signer_pt=14,
        signature_widths_cm=(8.0, 8.5),
    ),
    # HD 36-HD/VPTW Appendix 3: party title 15 bold, parent 14, issuer 14 bold, number 14,
    # date 14 italic, type 15-16 bold, trích yếu 14-15 bold, body 14-15, "Nơi nhận" 14
    # underlined, list 12, signer 14 bold.
    Layout.PARTY: _Spec(
        header_widths_cm=(7.6, 8.9),
        parent_pt=14,
        issuer_pt=14,
        number_pt=14,
        summary_pt=12,
        summary_italic=True,
        date_pt=14,
        date_align=RIGHT,
        doc_type_pt=16,
        doc_type_before_pt=24,
        title_pt=14,
        body_pt=14,
        label_pt=14,
        label_bold=False,
        label_italic=False,
        label_underline=True,
        recipients_pt=12,
        mark_pt=11,
        signer_pt=14,
        signature_widths_cm=(8.0, 8.5),
    ),
}

# style -> (bold, italic, alignment, first-line indent, keep with next)
_BLOCK_FORMATS: dict[str, tuple[bool, bool, WD_ALIGN_PARAGRAPH, bool, bool]] = {
    "para": (False, False, JUSTIFY, True, False),
    "heading1": (True, False, JUSTIFY, True, True),
    "heading2": (True, False, JUSTIFY, True, True),
    "heading3": (True, True, JUSTIFY, True, True),
    "bullet": (False, False, JUSTIFY, True, False),
    "centered": (False, False, CENTER, False, False),
    "note": (False, True, JUSTIFY, True, False),
}


# --- public API -------------------------------------------------------------------------


def render_docx(doc: OfficialDocument) -> bytes:
    """Build the DOCX for `doc` and return its bytes."""
    spec = _SPECS[Layout(doc.layout)]
    document = Document()
    _setup_styles(document, spec)
    _setup_page(document, spec, page_numbers=doc.page_numbers)
    _header(document, doc, spec)
    _title(document, doc, spec)
    _addressees(document, doc, spec)
    for block in doc.blocks:
        _block(document, block, spec)
    # The signature never stands alone on the last page: the last paragraph of the body
    # goes with it.
    content = [child for child in document.element.body if child.tag != qn("w:sectPr")]
    if content and document.paragraphs and document.paragraphs[-1]._p is content[-1]:
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    _signature(document, doc, spec)
    _end_mark(document)
    props = document.core_properties
    # Word keeps at most 255 characters in a document property; the printed title is whole.
    props.title = _nfc(" ".join(part for part in (doc.doc_type, doc.title.replace("\n", " ")) if part))[:255]
    props.author = _nfc(doc.issuer.replace("\n", " "))
    props.last_modified_by = props.author
    props.language = LANGUAGE
    props.comments = ""
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0)  # not the template's 2013
    _drop_template_leftovers(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def inline_runs(text: str) -> list[tuple[str, bool, bool]]:
    """Split `**bold**`, `*italic*` and `***both***` into (text, bold, italic) pieces.

    Markdown-like on purpose, because drafts arrive from chat and seeds in that form; a
    marker without a partner (or followed by a space, as in "2 * 3") stays a literal star,
    and a backslash-escaped star is always literal.
    """
    pieces: list[tuple[str, bool, bool]] = []
    _parse_inline(text, False, False, pieces)
    merged: list[tuple[str, bool, bool]] = []
    for piece in pieces:
        if merged and merged[-1][1:] == piece[1:]:
            merged[-1] = (merged[-1][0] + piece[0], piece[1], piece[2])
        elif piece[0]:
            merged.append(piece)
    return merged


_ROMAN_HEADING = re.compile(r"^[IVXLC]+\s*[.\-–]\s")
_SUB_HEADING = re.compile(r"^\d+\.\d+(\.\d+)*\.?\s")
_NUMBER_HEADING = re.compile(r"^\d+\.\s")
_BULLET = re.compile(r"^[-+]\s")
_WHOLE_BOLD = re.compile(r"^\*\*([^*].*?)\*\*$")
# Seed headings run to ~115 characters; a longer numbered line without bold is a
# numbered sentence (seed 001: "5. Ngoài ra, tùy theo điều kiện …").
_HEADING_MAX_CHARS = 120


def blocks_from_text(text: str) -> list[Block]:
    """Guess block styles from plain (or light markdown) text, one block per non-empty line.

    "I. ..." → heading1, "1. ..." → heading2, "1.1. ..." → heading3, "- "/"+ " → bullet.
    A numbered line that carries text after a bold lead-in ("**2. Hình thức:** Tổ chức...")
    stays a paragraph, as in the seeds.
    """
    blocks: list[Block] = []
    for raw in text.splitlines():
        line = re.sub(r"^#+\s*", "", raw.strip())
        if not line:
            continue
        whole = _WHOLE_BOLD.match(line)
        plain = whole.group(1).strip() if whole else line
        short = bool(whole) or len(plain) <= _HEADING_MAX_CHARS  # a bold line is a heading whatever its length
        if _ROMAN_HEADING.match(plain) and short:
            blocks.append(Block(plain, "heading1"))
        elif _SUB_HEADING.match(plain) and short:
            blocks.append(Block(plain, "heading3"))
        elif _NUMBER_HEADING.match(plain) and short:
            blocks.append(Block(plain, "heading2"))
        elif _BULLET.match(line):
            blocks.append(Block(line, "bullet"))
        else:
            blocks.append(Block(line, "para"))
    return blocks


@dataclass(frozen=True)
class RunFont:
    """One run as Word will draw it: effective font, size and emphasis (for tests and checks)."""

    where: str  # "header", "body", "signature", "page-header", "table<n>"
    text: str
    font: str | None
    east_asia: str | None
    complex_script: str | None
    size_pt: float | None
    bold: bool
    italic: bool
    underline: bool


def font_report(docx_bytes: bytes) -> list[RunFont]:
    """List every run of the document with its effective font attributes."""
    document = Document(io.BytesIO(docx_bytes))
    defaults = _default_rpr(document)
    report: list[RunFont] = []
    tables = [child for child in document.element.body.iterchildren() if child.tag == qn("w:tbl")]
    table_names = {id(tbl): f"table{index}" for index, tbl in enumerate(tables)}
    if tables:
        table_names[id(tables[0])] = "header"
        table_names[id(tables[-1])] = "signature" if len(tables) > 1 else "header"
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            _report_paragraph(Paragraph(child, document._body), "body", defaults, report)
        elif child.tag == qn("w:tbl"):
            where = table_names[id(child)]
            for paragraph_el in child.iter(qn("w:p")):
                _report_paragraph(Paragraph(paragraph_el, document._body), where, defaults, report)
    for section in document.sections:
        for header in (section.header, section.first_page_header):
            if header.is_linked_to_previous:
                continue
            for paragraph in header.paragraphs:
                _report_paragraph(paragraph, "page-header", defaults, report)
    return report


# --- page and styles --------------------------------------------------------------------


def _setup_styles(document: DocxDocument, spec: _Spec) -> None:
    """Times New Roman in every style and in the defaults, for all four font slots.

    Word picks the east-asian or complex-script slot for some Vietnamese characters; if
    those still pointed at the theme font (Calibri/Cambria) diacritics would switch font.
    """
    styles = document.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):
        _times_rfonts(rfonts)
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(int(spec.body_pt * 2)))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(spec.body_pt)
    _times_rfonts(normal.element.get_or_add_rPr().get_or_add_rFonts())


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _drop_template_leftovers(document: DocxDocument) -> None:
    """Remove the python-docx template's thumbnail (a blank page) and its stylesWithEffects part.

    Word 2010, still common in local offices, reads stylesWithEffects.xml, whose Normal
    style is Calibri 11: it must not win over the Times New Roman styles set here.
    """
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rel_id)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            document.part.rels.pop(rel_id)


def _setup_page(document: DocxDocument, spec: _Spec, *, page_numbers: bool) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.left_margin = Mm(MARGIN_LEFT_MM)
    section.right_margin = Mm(MARGIN_RIGHT_MM)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    if not page_numbers:
        return
    # Official documents number pages from the second one, centred at the top.
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    _format(first.paragraphs[0], align=CENTER)
    paragraph = section.header.paragraphs[0]
    _format(paragraph, align=CENTER)
    _page_field(paragraph, spec.body_pt)


def _page_field(paragraph: Paragraph, size: float) -> None:
    """A PAGE field built from fldChar runs (fldSimple is dropped by some converters)."""
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
        run = _run(paragraph, "", size=size)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text or ""
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)


# --- header -----------------------------------------------------------------------------


def _header(document: DocxDocument, doc: OfficialDocument, spec: _Spec) -> None:
    """Issuer block left, national motto or Party title right; number and date on one line."""
    party = Layout(doc.layout) == Layout.PARTY
    date = _nfc(doc.place_date_line)
    right_needs = [_text_width_cm(date, spec.date_pt, italic=True)]
    party_title, motto, slogan = _label(PARTY_TITLE), _label(STATE_MOTTO), _label(STATE_SLOGAN)
    if party:
        right_needs.append(_text_width_cm(party_title, 15, bold=True))
    else:
        right_needs.append(_text_width_cm(motto, 12, bold=True))
    left_cm, right_cm = _split_widths(spec.header_widths_cm, max(right_needs) + 0.3)
    table = _borderless_table(document, [left_cm, right_cm], rows=2)
    issuer_cell, title_cell = table.rows[0].cells
    number_cell, date_cell = table.rows[1].cells
    usable_left = left_cm - 0.2

    left = _Flow(issuer_cell)
    parent = _fit_lines(_caps(doc.issuer_parent), usable_left, spec.parent_pt, bold=False)
    issuer = _fit_lines(_caps(doc.issuer), usable_left, spec.issuer_pt, bold=True)
    if parent:
        _text_paragraph(left.paragraph(), parent, size=spec.parent_pt, align=CENTER)
    if issuer:
        _text_paragraph(left.paragraph(), issuer, size=spec.issuer_pt, bold=True, align=CENTER)
    if party:
        _text_paragraph(left.paragraph(), "*", size=spec.issuer_pt, align=CENTER)
    elif issuer:
        longest = max(_text_width_cm(line, spec.issuer_pt, bold=True) for line in issuer.split("\n"))
        _rule(left.paragraph(), left_cm, max(1.5, 0.45 * longest))

    right = _Flow(title_cell)
    if party:
        # HD 36: top right, first line, a solid rule as long as the title under it.
        _text_paragraph(right.paragraph(), party_title, size=15, bold=True, underline=True, align=spec.date_align)
    else:
        _text_paragraph(right.paragraph(), motto, size=12, bold=True, align=CENTER)
        _text_paragraph(right.paragraph(), slogan, size=13, bold=True, align=CENTER)
        _rule(right.paragraph(), right_cm, _text_width_cm(slogan, 13, bold=True))

    numbers = _Flow(number_cell)
    if doc.number_line:
        _text_paragraph(numbers.paragraph(), _nfc(doc.number_line), size=spec.number_pt, align=CENTER, before=6)
    if doc.summary_line:
        summary = _fit_lines(_nfc(doc.summary_line), usable_left, spec.summary_pt, italic=spec.summary_italic)
        _text_paragraph(
            numbers.paragraph(), summary, size=spec.summary_pt, italic=spec.summary_italic, align=CENTER, before=3
        )
    if date:
        _text_paragraph(
            _Flow(date_cell).paragraph(), date, size=spec.date_pt, italic=True, align=spec.date_align, before=6
        )


def _title(document: DocxDocument, doc: OfficialDocument, spec: _Spec) -> None:
    """Document type and trích yếu, centred; a short rule (state) or "-----" (Party) below."""
    flow = _Flow(document)
    if doc.doc_type:
        paragraph = flow.paragraph()
        _text_paragraph(paragraph, _caps(doc.doc_type), size=spec.doc_type_pt, bold=True, align=CENTER)
        _format(paragraph, align=CENTER, before=spec.doc_type_before_pt, keep_next=True)
    if not doc.title:
        if doc.doc_type:
            _spacer(flow.paragraph(), spec.body_pt / 2)
        return
    title = _nfc(doc.title)
    paragraph = flow.paragraph()
    _text_paragraph(paragraph, title, size=spec.title_pt, bold=True, align=CENTER)
    _format(paragraph, align=CENTER, before=0 if doc.doc_type else spec.doc_type_before_pt, keep_next=True)
    if Layout(doc.layout) == Layout.PARTY:
        dash = flow.paragraph()
        _text_paragraph(dash, "-----", size=spec.title_pt, align=CENTER)
        _format(dash, align=CENTER, after=6)
    else:
        longest = max(_text_width_cm(line, spec.title_pt, bold=True) for line in title.split("\n"))
        rule = flow.paragraph()
        _rule(rule, TEXT_WIDTH_CM, max(2.5, 0.4 * min(longest, TEXT_WIDTH_CM)), height=4)
        _spacer(flow.paragraph(), spec.body_pt / 2)


def _addressees(document: DocxDocument, doc: OfficialDocument, spec: _Spec) -> None:
    """The "Kính gửi:" line: centred for one addressee, a hanging list for several."""
    names = [_nfc(name) for name in doc.addressees if name.strip()]
    if not names:
        return
    flow = _Flow(document)
    addressees_label = _label(ADDRESSEES_LABEL)
    before = 0 if doc.doc_type or doc.title else 12  # a công văn goes straight from the header
    if len(names) == 1:
        paragraph = flow.paragraph()
        _text_paragraph(paragraph, f"{addressees_label} {names[0]}", size=spec.body_pt, align=CENTER)
        _format(paragraph, align=CENTER, before=before, after=BODY_SPACE_AFTER_PT * 2)
        return
    label_cm = _text_width_cm(addressees_label + " ", spec.body_pt)
    list_left = 3.0 + label_cm + 0.15
    for index, name in enumerate(names):
        paragraph = flow.paragraph()
        text = f"{addressees_label}\t{name}" if index == 0 else name
        _text_paragraph(paragraph, text, size=spec.body_pt, align=LEFT)
        last = index == len(names) - 1
        _format(
            paragraph,
            align=LEFT,
            left=list_left,
            before=before if index == 0 else 0,
            after=BODY_SPACE_AFTER_PT * 2 if last else 0,
        )
        if index == 0:
            paragraph.paragraph_format.first_line_indent = Cm(-(label_cm + 0.15))
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(list_left))


def _block(document: DocxDocument, block: Block, spec: _Spec) -> None:
    bold, italic, align, indent, keep_next = _BLOCK_FORMATS[block.style]
    paragraph = document.add_paragraph()
    _format(
        paragraph,
        align=align,
        after=BODY_SPACE_AFTER_PT,
        line=BODY_LINE_SPACING,
        first_line=FIRST_LINE_INDENT_CM if indent else None,
        keep_next=keep_next,
    )
    for text, run_bold, run_italic in inline_runs(_nfc(block.text)):
        _run(paragraph, text, size=spec.body_pt, bold=bold or run_bold, italic=italic or run_italic)
    if not paragraph.runs:
        _mark_size(paragraph, spec.body_pt)


# --- signature --------------------------------------------------------------------------


def _signature(document: DocxDocument, doc: OfficialDocument, spec: _Spec) -> None:
    """Recipients bottom left, signing block bottom right, kept on one page."""
    authority = _caps(doc.signing_authority)
    title = _caps(doc.signer_title)
    name = _nfc(doc.signer_name)
    needs = [_text_width_cm(line, spec.signer_pt, bold=True) for line in (authority, title, name) if line]
    left_cm, right_cm = _split_widths(spec.signature_widths_cm, max(needs, default=0) + 0.3)
    table = _borderless_table(document, [left_cm, right_cm], rows=1)
    row = table.rows[0]
    _set_child(row._tr.get_or_add_trPr(), OxmlElement("w:cantSplit"), _TR_PR_ORDER)
    left_cell, right_cell = row.cells

    left = _Flow(left_cell)
    if doc.recipients or doc.drafter_mark:
        label = left.paragraph()
        _format(label, align=LEFT, before=SIGNATURE_SPACE_BEFORE_PT)
        style = {"size": spec.label_pt, "bold": spec.label_bold, "italic": spec.label_italic}
        _run(label, _label(RECIPIENTS_LABEL), underline=spec.label_underline, **style)
        _run(label, ":", **style)
        for line in doc.recipients:
            text = _nfc(line.strip())
            paragraph = left.paragraph()
            _text_paragraph(paragraph, text, size=spec.recipients_pt, align=LEFT)
            if text.startswith("+"):
                paragraph.paragraph_format.left_indent = Cm(0.5)
        if doc.drafter_mark:
            _text_paragraph(left.paragraph(), _nfc(doc.drafter_mark), size=spec.mark_pt, align=LEFT, before=3)

    right = _Flow(right_cell)
    first = True
    for line in (authority, title):
        if line:
            _text_paragraph(
                right.paragraph(),
                line,
                size=spec.signer_pt,
                bold=True,
                align=CENTER,
                before=SIGNATURE_SPACE_BEFORE_PT if first else 0,
            )
            first = False
    for _ in range(SIGNATURE_BLANK_LINES):
        _spacer(right.paragraph(), spec.signer_pt, exact=False)
    if name:
        _text_paragraph(right.paragraph(), name, size=spec.signer_pt, bold=True, align=CENTER)


def _end_mark(document: DocxDocument) -> None:
    """A 1 pt paragraph after the last table: Word needs one, and a full-size one could spill a page."""
    _spacer(document.add_paragraph(), 1)


# --- building blocks --------------------------------------------------------------------


class _Flow:
    """Adds paragraphs to a document or a table cell; a cell's built-in first paragraph is reused."""

    def __init__(self, container: DocxDocument | _Cell) -> None:
        self._container = container
        self._fresh = isinstance(container, _Cell)

    def paragraph(self) -> Paragraph:
        if self._fresh:
            self._fresh = False
            return self._container.paragraphs[0]
        return self._container.add_paragraph()


def _text_paragraph(
    paragraph: Paragraph,
    text: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: WD_ALIGN_PARAGRAPH = CENTER,
    before: float = 0,
) -> Paragraph:
    _format(paragraph, align=align, before=before)
    _run(paragraph, text, size=size, bold=bold, italic=italic, underline=underline)
    _mark_size(paragraph, size)
    return paragraph


def _format(
    paragraph: Paragraph,
    *,
    align: WD_ALIGN_PARAGRAPH,
    before: float = 0,
    after: float = 0,
    line: float | Length = 1.0,
    first_line: float | None = None,
    left: float | None = None,
    keep_next: bool = False,
) -> None:
    key = (align, before, after, line, first_line, left, keep_next)
    if paragraph._p.pPr is None:
        # A new paragraph: a copy of the properties made once for these arguments.
        paragraph._p.insert(0, deepcopy(_paragraph_properties(*key)))
    else:
        _apply_format(paragraph, *key)


@lru_cache(maxsize=64)
def _paragraph_properties(*key):
    paragraph = Paragraph(OxmlElement("w:p"), None)
    _apply_format(paragraph, *key)
    return paragraph._p.pPr


def _apply_format(paragraph: Paragraph, align, before, after, line, first_line, left, keep_next) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line
    fmt.widow_control = True
    if first_line is not None:
        fmt.first_line_indent = Cm(first_line)
    if left is not None:
        fmt.left_indent = Cm(left)
    if keep_next:
        fmt.keep_with_next = True


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
):
    """A run with the font spelled out in all four rFonts slots (see `_setup_styles`).

    Its properties are written as one ready-made element, in schema order: python-docx's
    setters look for each property's place among forty possible siblings, which made most
    of the time of a long document (bench/national.py: a 500-petition synthesis report)."""
    run = paragraph.add_run(text)
    run._r.insert(0, deepcopy(_run_properties(size, bold, italic, underline)))
    return run


@lru_cache(maxsize=64)
def _run_properties(size: float, bold: bool, italic: bool, underline: bool):
    """<w:rPr> for a run: rFonts, b, i, sz, szCs, u (the order of CT_RPr)."""
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    _times_rfonts(fonts)
    rpr.append(fonts)
    for tag, on in (("w:b", bold), ("w:i", italic)):
        element = OxmlElement(tag)
        if not on:
            element.set(qn("w:val"), "0")
        rpr.append(element)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(round(size * 2)))
        rpr.append(element)
    if underline:
        element = OxmlElement("w:u")
        element.set(qn("w:val"), "single")
        rpr.append(element)
    return rpr


def _times_rfonts(rfonts) -> None:
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)


def _mark_size(paragraph: Paragraph, size: float) -> None:
    """Size of the paragraph mark: it sets the height of empty lines and of a cell's last line."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = _set_child(ppr, OxmlElement("w:rPr"), _P_PR_ORDER)
    fonts = OxmlElement("w:rFonts")
    _times_rfonts(fonts)
    _set_child(rpr, fonts, _R_PR_ORDER)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(max(2, round(size * 2))))
        _set_child(rpr, element, _R_PR_ORDER)


def _spacer(paragraph: Paragraph, size: float, *, exact: bool = True) -> None:
    """An empty line of a given height (blank lines for the signature, gaps)."""
    _format(paragraph, align=CENTER)
    if exact:
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph.paragraph_format.line_spacing = Pt(max(size, 1))
    _mark_size(paragraph, size)


def _rule(paragraph: Paragraph, box_cm: float, width_cm: float, *, height: float = 3) -> None:
    """A short centred solid line: bottom border of a tiny paragraph narrowed by indents.

    `height` is the gap in points between the line above and the rule.
    """
    side = max((box_cm - width_cm) / 2, 0)
    _format(paragraph, align=CENTER)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Cm(side)
    fmt.right_indent = Cm(side)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(height)
    _mark_size(paragraph, 1)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")  # eighths of a point: 0.75 pt
    bottom.set(qn("w:space"), "0")
    bottom.set(qn("w:color"), "000000")
    border.append(bottom)
    _set_child(paragraph._p.get_or_add_pPr(), border, _P_PR_ORDER)


def _borderless_table(document: DocxDocument, widths_cm: list[float], *, rows: int) -> Table:
    """A fixed-width table without borders or cell padding, spanning the text width."""
    table = document.add_table(rows=rows, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(_twips(sum(widths_cm))))
    width.set(qn("w:type"), "dxa")
    _set_child(tbl_pr, width, _TBL_PR_ORDER)
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), "0")
    indent.set(qn("w:type"), "dxa")
    _set_child(tbl_pr, indent, _TBL_PR_ORDER)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _set_child(tbl_pr, borders, _TBL_PR_ORDER)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _set_child(tbl_pr, margins, _TBL_PR_ORDER)
    for column, cm in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(cm)
    for row in table.rows:
        for cell, cm in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(cm)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


def _split_widths(defaults: tuple[float, float], right_needed_cm: float) -> tuple[float, float]:
    """Widen the right column when its longest line would wrap (a long place name in the date)."""
    left, right = defaults
    total = left + right
    right = min(max(right, right_needed_cm), total - 4.5)
    return total - right, right


def _schema_order(names: str) -> tuple[str, ...]:
    return tuple(qn(f"w:{name}") for name in names.split())


# Child order of the property elements we touch, as the OOXML schema fixes it (Word rejects
# out-of-order children as a corrupt file).
_P_PR_ORDER = _schema_order(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
    "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
)
_R_PR_ORDER = _schema_order(
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)
_TBL_PR_ORDER = _schema_order(
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
)
_TR_PR_ORDER = _schema_order(
    "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden"
)


def _set_child(parent, child, order: tuple[str, ...]):
    """Insert `child` (replacing one with the same tag) where the OOXML schema wants it."""
    existing = parent.find(child.tag)
    if existing is not None:
        parent.replace(existing, child)
        return child
    later = set(order[order.index(child.tag) + 1 :])
    for element in parent:
        if element.tag in later:
            element.addprevious(child)
            return child
    parent.append(child)
    return child


def _twips(cm: float) -> int:
    return round(cm / 2.54 * 1440)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _caps(text: str) -> str:
    """Caps lines are upper-cased here so a caller's "Ủy ban nhân dân" still prints right."""
    return _nfc(text).strip().upper()


# --- inline markup ----------------------------------------------------------------------


def _parse_inline(text: str, bold: bool, italic: bool, out: list[tuple[str, bool, bool]]) -> None:
    buffer: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and text[i + 1 : i + 2] == "*":
            buffer.append("*")
            i += 2
            continue
        if char != "*":
            buffer.append(char)
            i += 1
            continue
        width = _star_run(text, i)
        close = _closing_marker(text, i + width, width) if width <= 3 else None
        if close is None:
            buffer.append("*" * width)
            i += width
            continue
        out.append(("".join(buffer), bold, italic))
        buffer = []
        _parse_inline(text[i + width : close], bold or width >= 2, italic or width != 2, out)
        i = close + width
    out.append(("".join(buffer), bold, italic))


def _star_run(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end] == "*":
        end += 1
    return end - start


def _closing_marker(text: str, start: int, width: int) -> int | None:
    """Index of the star run of exactly `width` that closes an opener ending at `start`."""
    if start >= len(text) or text[start].isspace():
        return None
    j = start + 1
    while j < len(text):
        if text[j] == "\\" and text[j + 1 : j + 2] == "*":
            j += 2
            continue
        if text[j] == "*":
            run = _star_run(text, j)
            if run == width and not text[j - 1].isspace():
                return j
            j += run
            continue
        j += 1
    return None


# --- text measurement -------------------------------------------------------------------

# Advance widths (1/2048 em) of Times New Roman, which Liberation Serif matches metric for
# metric: printable ASCII, then "ĐđƠơƯư–—“”‘’…". Other Vietnamese letters have the width
# of their base letter. Used only to break header lines and size rules, never for body text.
_MEASURED = "".join(chr(code) for code in range(32, 127)) + "ĐđƠơƯư–—“”‘’…"
_WIDTH_DATA = {
    (False, False): "512 682 836 1024 1024 1706 1593 369 682 682 1024 1155 512 682 512 569 1024 1024 1024 1024 "
    "1024 1024 1024 1024 1024 1024 569 569 1155 1155 1155 909 1886 1479 1366 1366 1479 1251 1139 1479 1479 682 "
    "797 1479 1251 1821 1479 1479 1139 1479 1366 1139 1251 1479 1479 1933 1479 1479 1251 682 569 682 961 1024 "
    "682 909 1024 909 1024 909 682 1024 1024 569 569 1024 569 1593 1024 1024 1024 1024 682 797 569 1024 1024 "
    "1479 1024 1024 909 983 410 983 1108 1479 1024 1479 1083 1589 1110 1024 2048 909 909 682 682 2048",
    (True, False): "512 682 1137 1024 1024 2048 1706 569 682 682 1024 1167 512 682 512 569 1024 1024 1024 1024 "
    "1024 1024 1024 1024 1024 1024 682 682 1167 1167 1167 1024 1905 1479 1366 1479 1479 1366 1251 1593 1593 797 "
    "1024 1593 1366 1933 1479 1593 1251 1593 1479 1139 1366 1479 1479 2048 1479 1479 1366 682 569 682 1190 1024 "
    "682 1024 1139 909 1139 909 682 1024 1139 569 682 1139 569 1706 1139 1024 1139 1139 909 797 682 1139 1024 "
    "1479 1024 1024 909 807 451 807 1065 1479 1139 1593 1134 1630 1229 1024 2048 1024 1024 682 682 2048",
    (False, True): "512 682 860 1024 1024 1706 1593 438 682 682 1024 1382 512 682 512 569 1024 1024 1024 1024 "
    "1024 1024 1024 1024 1024 1024 682 682 1382 1382 1382 1024 1884 1251 1251 1366 1479 1251 1251 1479 1479 682 "
    "909 1366 1139 1706 1366 1479 1251 1479 1251 1024 1139 1479 1251 1706 1251 1139 1139 797 569 797 864 1024 "
    "682 1024 1024 909 1024 909 569 1024 1024 569 569 909 569 1479 1024 1024 1024 1024 797 797 569 1024 909 "
    "1366 909 909 797 819 563 819 1108 1479 1024 1479 1093 1544 1117 1024 1821 1139 1139 682 682 1821",
    (True, True): "512 797 1137 1024 1024 1706 1593 569 682 682 1024 1167 512 682 512 569 1024 1024 1024 1024 "
    "1024 1024 1024 1024 1024 1024 682 682 1167 1167 1167 1024 1704 1366 1366 1366 1479 1366 1366 1479 1593 797 "
    "1024 1366 1251 1821 1479 1479 1251 1479 1366 1139 1251 1479 1366 1821 1366 1251 1251 682 569 682 1167 1024 "
    "682 1024 1024 909 1024 909 682 1024 1139 569 569 1024 569 1593 1139 1024 1024 1024 797 797 569 1139 909 "
    "1366 1024 909 797 713 451 713 1167 1479 1024 1479 1099 1587 1227 1024 2048 1024 1024 682 682 2048",
}
_WIDTHS = {key: dict(zip(_MEASURED, map(int, data.split()), strict=True)) for key, data in _WIDTH_DATA.items()}
_HORN = {"o": "ơ", "O": "Ơ", "u": "ư", "U": "Ư"}


def _text_width_cm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Printed width of one line of Times New Roman text."""
    table = _WIDTHS[(bold, italic)]
    units = 0
    for char in _nfc(text):
        width = table.get(char)
        if width is None:
            decomposed = unicodedata.normalize("NFD", char)
            base = decomposed[0]
            if "\u031b" in decomposed:
                base = _HORN.get(base, base)
            width = table.get(base, 1024)
        units += width
    return units / 2048 * size_pt / 72 * 2.54


def _fit_lines(text: str, width_cm: float, size_pt: float, *, bold: bool = False, italic: bool = False) -> str:
    """Break each line that would wrap at the most balanced word boundary, as clerks do.

    Word would break "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG" after "BẮC"; the standard shows
    "ỦY BAN NHÂN DÂN / TỈNH BẮC GIANG".
    """
    result: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if _text_width_cm(line, size_pt, bold=bold, italic=italic) <= width_cm:
            result.append(line)
            continue
        result.extend(_balanced(line.split(), width_cm, size_pt, bold=bold, italic=italic))
    return "\n".join(line for line in result if line)


def _balanced(words: list[str], width_cm: float, size_pt: float, *, bold: bool, italic: bool) -> list[str]:
    def measure(parts: list[str]) -> float:
        return _text_width_cm(" ".join(parts), size_pt, bold=bold, italic=italic)

    best: list[str] | None = None
    best_width = float("inf")
    for cut in range(1, len(words)):
        widest = max(measure(words[:cut]), measure(words[cut:]))
        if widest <= width_cm and widest < best_width:
            best, best_width = [" ".join(words[:cut]), " ".join(words[cut:])], widest
    if best:
        return best
    lines: list[list[str]] = [[]]  # no two-line split fits: greedy wrap
    for word in words:
        if lines[-1] and measure([*lines[-1], word]) > width_cm:
            lines.append([])
        lines[-1].append(word)
    return [" ".join(line) for line in lines]


# --- reading back -----------------------------------------------------------------------


def _default_rpr(document: DocxDocument) -> dict[str, object]:
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    size = rpr.find(qn("w:sz"))
    return {
        "ascii": fonts.get(qn("w:ascii")) if fonts is not None else None,
        "eastAsia": fonts.get(qn("w:eastAsia")) if fonts is not None else None,
        "cs": fonts.get(qn("w:cs")) if fonts is not None else None,
        "size": int(size.get(qn("w:val"))) / 2 if size is not None else None,
    }


def _report_paragraph(paragraph: Paragraph, where: str, defaults: dict[str, object], out: list[RunFont]) -> None:
    style = paragraph.style
    for run in paragraph.runs:
        if not run.text:
            continue
        fonts = run._r.rPr.rFonts if run._r.rPr is not None and run._r.rPr.rFonts is not None else None

        def slot(name: str, fonts=fonts) -> str | None:
            if fonts is not None and fonts.get(qn(f"w:{name}")):
                return fonts.get(qn(f"w:{name}"))
            chain = style
            while chain is not None:
                rpr = chain.element.rPr
                if rpr is not None and rpr.rFonts is not None and rpr.rFonts.get(qn(f"w:{name}")):
                    return rpr.rFonts.get(qn(f"w:{name}"))
                chain = chain.base_style
            return defaults.get(name)  # type: ignore[return-value]

        size = run.font.size.pt if run.font.size is not None else None
        if size is None:
            chain = style
            while chain is not None and size is None:
                size = chain.font.size.pt if chain.font.size is not None else None
                chain = chain.base_style
            size = size if size is not None else defaults["size"]  # type: ignore[assignment]
        out.append(
            RunFont(
                where=where,
                text=run.text,
                font=slot("ascii"),
                east_asia=slot("eastAsia"),
                complex_script=slot("cs"),
                size_pt=size,
                bold=bool(run.bold),
                italic=bool(run.italic),
                underline=bool(run.underline),
            )
        )
