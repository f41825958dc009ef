"""Biên bản hội nghị in the legal layout of the plan's issuer (Party or state), with the
two signatures of a biên bản: the secretary who kept it and the chair who approved it."""

from __future__ import annotations

import io

from django.utils import timezone
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from dialogue.documents.layout import Block, Layout, OfficialDocument, render_docx
from dialogue.plans.documents import DOCX_TYPE, _slug, content_disposition, pdf_available, place_date_line
from dialogue.plans.models import DocumentLayout
from dialogue.proceedings.models import MINUTES_SECTIONS, Minutes, MinutesStatus

__all__ = ["DOCX_TYPE", "content_disposition", "pdf_available"]

# Section headings as printed (the document is Vietnamese whatever the interface language).
HEADINGS = {
    "time_place": "THỜI GIAN, ĐỊA ĐIỂM",
    "attendance": "THÀNH PHẦN THAM DỰ",
    "presiding": "CHỦ TRÌ, THƯ KÝ HỘI NGHỊ",
    "agenda": "CHƯƠNG TRÌNH HỘI NGHỊ",
    "interventions": "Ý KIẾN PHÁT BIỂU VÀ TRẢ LỜI TẠI HỘI NGHỊ",
    "closing": "KẾT THÚC HỘI NGHỊ",
}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def _number_line(plan) -> str:
    symbol = plan.symbol
    symbol = "BB" + symbol[2:] if symbol.upper().startswith("KH") else f"BB-{symbol}"
    return f"Số     -{symbol}" if plan.layout == DocumentLayout.PARTY else f"Số:     /{symbol}"


def _lines(text: str) -> list[Block]:
    blocks = []
    for raw in text.splitlines():
        line = raw.strip()
        if line:
            blocks.append(Block(line, "bullet" if line[0] in "-+" else "para"))
    return blocks


def minutes_document(minutes: Minutes) -> OfficialDocument:
    conference = minutes.conference
    plan = conference.plan
    blocks: list[Block] = []
    for index, (name, _label) in enumerate(MINUTES_SECTIONS):
        blocks.append(Block(f"{ROMAN[index]}. {HEADINGS[name]}", "heading1"))
        blocks.extend(_lines(getattr(minutes, name)) or [Block("…", "para")])
    amendments = list(minutes.amendments.select_related("made_by"))
    if amendments:
        blocks.append(Block(f"{ROMAN[len(MINUTES_SECTIONS)]}. ĐÍNH CHÍNH SAU KHI BIÊN BẢN ĐƯỢC THÔNG QUA", "heading1"))
        for amendment in amendments:
            when = timezone.localtime(amendment.made_at).strftime("%d/%m/%Y %H:%M")
            who = amendment.made_by.full_name if amendment.made_by else ""
            blocks.append(
                Block(
                    f"- Mục “{HEADINGS[amendment.section].capitalize()}”, ngày {when}, {who}: {amendment.reason}",
                    "bullet",
                )
            )
            blocks.extend(Block(f"*{line.strip()}*", "para") for line in amendment.after.splitlines() if line.strip())
    if minutes.status != MinutesStatus.APPROVED:
        blocks.insert(0, Block("*(Dự thảo — chưa được chủ trì hội nghị thông qua)*", "centered"))
    return OfficialDocument(
        layout=Layout.PARTY if plan.layout == DocumentLayout.PARTY else Layout.STATE,
        issuer_parent=plan.issuer_parent_line,
        issuer=plan.issuer_line,
        number_line=_number_line(plan),
        place_date_line=place_date_line(plan.place, conference.date),
        doc_type="BIÊN BẢN",
        title=conference.title,
        blocks=blocks,
        signing_authority="CHỦ TRÌ HỘI NGHỊ",
        signer_name=minutes.chair_name,
        recipients=[],
    )


def _secretary_signature(data: bytes, secretary: str) -> bytes:
    """Put the secretary's signature in the left cell of the signature row, which the
    layout leaves empty when there is no “Nơi nhận”."""
    document = Document(io.BytesIO(data))
    if not document.tables:
        return data
    left = document.tables[-1].rows[0].cells[0]
    right = document.tables[-1].rows[0].cells[1]
    first = right.paragraphs[0]
    lines = ["THƯ KÝ HỘI NGHỊ", *([""] * max(len(right.paragraphs) - 2, 3)), secretary]
    paragraph = left.paragraphs[0]
    for index, line in enumerate(lines):
        if index:
            paragraph = left.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = first.paragraph_format.space_before if index == 0 else Pt(0)
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.bold = True
        run.font.size = Pt(14)
        run.font.name = "Times New Roman"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def minutes_docx(minutes: Minutes) -> bytes:
    return _secretary_signature(render_docx(minutes_document(minutes)), minutes.secretary_name)


def minutes_filename(minutes: Minutes) -> str:
    return f"bien-ban-{minutes.conference_id}-{_slug(minutes.conference.title, 40)}"
