"""The conclusion notice (Thông báo kết luận) as an official document, and the words the
draft is made of. Laid out by `dialogue.documents` in the issuer's legal layout."""

from __future__ import annotations

from dialogue.conclusions.models import Conclusion, Directive
from dialogue.documents.layout import Block, Layout, OfficialDocument, blocks_from_text
from dialogue.plans.documents import _recipients, _slug, comrade, date_words, place_date_line, render
from dialogue.plans.models import Conference, DocumentLayout

__all__ = ["render"]

NUMERALS = ["I", "II", "III", "IV", "V", "VI"]


def lower_first(text: str) -> str:
    """“Hội nghị …” → “hội nghị …” mid-sentence; a word in capitals (“HĐND”) is kept."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[0].lower() + text[1:]


def short_date(day) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def chair_phrase(conference: Conference) -> str:
    """“đồng chí Đỗ Văn Tiến, Bí thư Đảng ủy - Chủ tịch HĐND xã Gia Phúc”."""
    chairs = list(conference.chairs.all())
    if not chairs:
        return "đồng chí chủ trì hội nghị"
    parts = []
    for chair in chairs:
        name = lower_first(comrade(chair.name))
        parts.append(f"{name}, {chair.position}" if chair.position else name)
    return " và ".join(parts)


def chair_title(conference: Conference) -> str:
    """“đồng chí Bí thư Đảng ủy - Chủ tịch HĐND xã Gia Phúc”, as the conclusion is named."""
    chair = conference.chairs.first()
    if chair and chair.position:
        return f"đồng chí {chair.position}"
    return "đồng chí chủ trì hội nghị"


def default_title(conference: Conference) -> str:
    return f"Kết luận của {chair_title(conference)} tại {lower_first(conference.title)}"


def default_opening(conference: Conference) -> str:
    day = f"Ngày {short_date(conference.date)}" if conference.date else "Vừa qua"
    venue = f", tại {conference.venue}" if conference.venue else ""
    text = f"{day}{venue}, {chair_phrase(conference)} chủ trì {lower_first(conference.title)}."
    delegations = [d.name for d in conference.delegations.all() if d.parent_id is None]
    if delegations:
        text += f" Tham dự hội nghị có: {', '.join(lower_first(d) for d in delegations)}."
    text += (
        " Sau khi nghe ý kiến phát biểu của Nhân dân và ý kiến giải trình của các cơ quan, đơn vị, "
        f"{chair_title(conference)} kết luận như sau:"
    )
    return text


def default_directives_intro(conference: Conference) -> str:
    title = chair_title(conference)
    return f"{title[0].upper()}{title[1:]} giao các cơ quan, đơn vị thực hiện các nội dung sau:"


def default_closing(conclusion_unit_name: str) -> str:
    return (
        "Đề nghị các cơ quan, đơn vị, cá nhân có liên quan nghiêm túc triển khai thực hiện và báo cáo kết quả "
        f"về {conclusion_unit_name} (qua Văn phòng) theo thời hạn nêu trên./."
    )


def directive_lines(directive: Directive, number: int) -> list[Block]:
    lead = directive.lead_unit.name if directive.lead_unit_id else "…………"
    blocks = [Block(f"{number}. Giao {lead}: {directive.matter.rstrip('.')}.", "para")]
    supporting = [u.name for u in directive.supporting_units.all()]
    if supporting:
        blocks.append(Block(f"- Đơn vị phối hợp: {', '.join(supporting)}.", "bullet"))
    if directive.expected_result:
        blocks.append(Block(f"- Kết quả cần đạt: {directive.expected_result.rstrip('.')}.", "bullet"))
    if directive.due_date:
        blocks.append(Block(f"- Thời hạn hoàn thành: trước ngày {directive.due_date:%d/%m/%Y}.", "bullet"))
    return blocks


def body_blocks(conclusion: Conclusion) -> list[Block]:
    """The notice's body: opening, then the sections that have content, numbered I, II, …"""
    blocks: list[Block] = []
    if conclusion.opening.strip():
        blocks += [Block(line) for line in conclusion.opening.splitlines() if line.strip()]
    sections = []
    if conclusion.answered.strip():
        sections.append(("NHỮNG NỘI DUNG ĐÃ ĐƯỢC TRẢ LỜI", blocks_from_text(conclusion.answered)))
    if conclusion.settled.strip():
        sections.append(("NHỮNG NỘI DUNG ĐÃ ĐƯỢC GIẢI QUYẾT TẠI HỘI NGHỊ", blocks_from_text(conclusion.settled)))
    # Units of every directive in two statements, however many directives (bench/national.py: 200).
    directives = conclusion.directives.select_related("lead_unit").prefetch_related("supporting_units")
    directives = sorted(directives, key=lambda d: (d.order, d.pk))
    if directives:
        body = [Block(line) for line in conclusion.directives_intro.splitlines() if line.strip()]
        for number, directive in enumerate(directives, start=1):
            body += directive_lines(directive, number)
        sections.append(("NHỮNG NỘI DUNG GIAO CÁC CƠ QUAN, ĐƠN VỊ GIẢI QUYẾT", body))
    for index, (heading, section) in enumerate(sections):
        blocks.append(Block(f"{NUMERALS[index]}. {heading}", "heading1"))
        blocks += section
    if conclusion.closing.strip():
        blocks += [Block(line) for line in conclusion.closing.splitlines() if line.strip()]
    return blocks


def conclusion_document(conclusion: Conclusion) -> OfficialDocument:
    """THÔNG BÁO KẾT LUẬN in the issuer's layout: header, number, place and date, trích
    yếu, body, Nơi nhận and signature (Decree 30/2020/NĐ-CP or Guideline 36-HD/VPTW)."""
    return OfficialDocument(
        layout=Layout.PARTY if conclusion.layout == DocumentLayout.PARTY else Layout.STATE,
        issuer_parent=conclusion.issuer_parent_line,
        issuer=conclusion.issuer_line,
        number_line=conclusion.number_label,
        place_date_line=place_date_line(
            conclusion.place, conclusion.issued_on, month=conclusion.due_date.month, year=conclusion.year
        ),
        doc_type="THÔNG BÁO KẾT LUẬN",
        title=conclusion.title,
        blocks=body_blocks(conclusion),
        signing_authority=conclusion.signing_authority,
        signer_title=conclusion.signer_title,
        signer_name=conclusion.signer_name,
        recipients=_recipients(conclusion.recipients),
    )


def conclusion_filename(conclusion: Conclusion) -> str:
    number = f"{conclusion.number}-" if conclusion.number else "du-thao-"
    return f"thong-bao-ket-luan-{number}{_slug(conclusion.symbol)}-{conclusion.year}"


def plain_text(conclusion: Conclusion) -> str:
    """The notice as plain text (for publication): header lines, title, body, signer."""
    lines = [
        conclusion.issuer_line,
        conclusion.number_label,
        place_date_line(conclusion.place, conclusion.issued_on, month=conclusion.due_date.month, year=conclusion.year),
        "",
        "THÔNG BÁO KẾT LUẬN",
        conclusion.title,
        "",
    ]
    lines += [block.text.replace("**", "") for block in body_blocks(conclusion)]
    lines += ["", conclusion.signing_authority, conclusion.signer_title, conclusion.signer_name]
    return "\n".join(line for line in lines if line is not None).strip()


__all__ += ["date_words"]
