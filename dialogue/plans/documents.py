"""The plan, the invitation (giấy mời) and the public announcement (thông báo) as
official documents, worded from the records and laid out by `dialogue.documents`.

Every label is an English msgid translated through Django i18n; the functions that word a
document run with Vietnamese active (`in_vietnamese`), whatever the caller's language:
a worker process or a command may not have activated it, and the documents are always
Vietnamese. What the records hold (titles, names, the plan's own text) is data and is
printed as written."""

from __future__ import annotations

import functools
import re
from datetime import date
from urllib.parse import quote

from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from dialogue.documents.layout import Block, Layout, OfficialDocument, blocks_from_text, render_docx
from dialogue.documents.pdf import PdfUnavailable, docx_to_pdf, libreoffice_path
from dialogue.lib.text import fold
from dialogue.plans.models import Conference, ConferenceFormat, Delegation, DocumentLayout, Participant, Plan

__all__ = ["PdfUnavailable"]

WEEKDAYS = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def in_vietnamese(function):
    """Run `function` with Vietnamese active: documents are Vietnamese whoever asks."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override("vi"):
            return function(*args, **kwargs)

    return wrapper


def pdf_available() -> bool:
    return libreoffice_path() is not None


def checkin_qr_data(participant: Participant) -> str:
    """What the invitation's QR code holds: the check-in address of this invitee (with the
    site's address when `SITE_URL` is set), which only the conference's secretariat can use."""
    from django.conf import settings
    from django.urls import reverse

    path = reverse("proceedings:checkin_token", args=[participant.token])
    return f"{getattr(settings, 'SITE_URL', '').rstrip('/')}{path}"


@in_vietnamese
def _with_checkin_qr(data: bytes, qr: str) -> bytes:
    """Put the check-in QR code under the confirmation code printed on the invitation."""
    import io

    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from dialogue.petitions.documents import qr_png

    document = Document(io.BytesIO(data))
    label = _confirmation_code("").rstrip()
    anchor = next((p for p in document.paragraphs if p.text.startswith(label)), None)
    if anchor is None:
        return data
    picture = document.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.LEFT
    picture.paragraph_format.left_indent = Cm(1.27)
    # The body style indents every first line; a picture must not inherit that.
    picture.paragraph_format.first_line_indent = Cm(0)
    picture.add_run().add_picture(io.BytesIO(qr_png(qr)), width=Cm(2.6), height=Cm(2.6))
    anchor._p.addnext(picture._p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@in_vietnamese
def render(doc: OfficialDocument, filename: str, fmt: str) -> tuple[bytes, str, str]:
    data = render_docx(doc)
    qr = getattr(doc, "checkin_qr", "")
    if qr:
        data = _with_checkin_qr(data, qr)
    if fmt == "docx":
        return data, DOCX_TYPE, f"{filename}.docx"
    if fmt == "pdf":
        return docx_to_pdf(data), "application/pdf", f"{filename}.pdf"
    raise PdfUnavailable(fmt)


def content_disposition(name: str) -> str:
    ascii_name = fold(name).replace(" ", "-").encode("ascii", "ignore").decode() or "van-ban"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


@in_vietnamese
def date_words(day: date) -> str:
    """“ngày 05 tháng 3 năm 2026”: days below 10 and the months January and February
    take a leading zero (Nghị định 30/2020/NĐ-CP, Appendix I)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return gettext("day %(day)s month %(month)s year %(year)s") % {
        "day": f"{day.day:02d}",
        "month": month,
        "year": day.year,
    }


@in_vietnamese
def place_date_line(place: str, issued_on: date | None, *, month: int | None = None, year: int | None = None) -> str:
    line = gettext("%(place)s, day %(day)s month %(month)s year %(year)s")
    if issued_on:
        return line % {
            "place": place,
            "day": f"{issued_on.day:02d}",
            "month": f"{issued_on.month:02d}" if issued_on.month < 3 else str(issued_on.month),
            "year": issued_on.year,
        }
    # Blanks for the day (and the month) to write in by hand when the document is signed.
    month_text = (f"{month:02d}" if month < 3 else str(month)) if month else "     "
    return line % {"place": place, "day": "    ", "month": month_text, "year": year or timezone.localdate().year}


def _layout(plan: Plan) -> Layout:
    return Layout.PARTY if plan.layout == DocumentLayout.PARTY else Layout.STATE


def _recipients(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        lines.append(line if line[0] in "-+" else f"- {line}")
    return lines


@in_vietnamese
def _number_line(plan: Plan, kind: str) -> str:
    """The plan's symbol with its document-type code replaced: KH/TU -> TB/TU, KH-UBND -> GM-UBND."""
    symbol = plan.symbol
    symbol = kind + symbol[2:] if symbol.upper().startswith("KH") else f"{kind}-{symbol}"
    if plan.layout == DocumentLayout.PARTY:
        return pgettext("document number", "No.     -%(symbol)s") % {"symbol": symbol}
    return pgettext("document number", "No.:     /%(symbol)s") % {"symbol": symbol}


@in_vietnamese
def when_words(conference: Conference) -> str:
    """“Từ 08 giờ 00 đến 11 giờ 30, thứ Năm, ngày 11/6/2026”, or the planned period
    while the date is open."""
    if not conference.date:
        return conference.planned_period or gettext("The time will be announced later")
    day = conference.date
    weekday = str(WEEKDAYS[day.weekday()])
    day_text = gettext("%(weekday)s, day %(date)s") % {
        "weekday": f"{weekday[0].lower()}{weekday[1:]}",
        "date": f"{day.day}/{day.month}/{day.year}",
    }
    start, end = conference.start_time, conference.end_time
    if start and end:
        return gettext("From %(start_hour)s h %(start_minute)s to %(end_hour)s h %(end_minute)s, %(day)s") % {
            "start_hour": f"{start:%H}",
            "start_minute": f"{start:%M}",
            "end_hour": f"{end:%H}",
            "end_minute": f"{end:%M}",
            "day": day_text,
        }
    if start:
        return gettext("%(hour)s h %(minute)s, %(day)s") % {
            "hour": f"{start:%H}",
            "minute": f"{start:%M}",
            "day": day_text,
        }
    return day_text[0].upper() + day_text[1:]


@in_vietnamese
def comrade(name: str) -> str:
    """“Đồng chí Hứa Ngọc Sỹ”, without doubling a title already written (the records are
    Vietnamese, so the title a person typed is recognised in Vietnamese)."""
    return name if name.lower().startswith("đồng chí") else gettext("Comrade %(name)s") % {"name": name}


@in_vietnamese
def _chairs(conference: Conference) -> str:
    chairs = list(conference.chairs.all())
    return "; ".join(f"{comrade(c.name)}, {c.position}" if c.position else comrade(c.name) for c in chairs)


def _in_brackets(text: str) -> str:
    return f" ({text})"


@in_vietnamese
def _delegation_lines(conference: Conference) -> list[str]:
    delegations = list(conference.delegations.all())
    lines = []
    for top in (d for d in delegations if d.parent_id is None):
        size = (
            _in_brackets(
                ngettext("about %(count)s delegate", "about %(count)s delegates", top.expected_size)
                % {"count": top.expected_size}
            )
            if top.expected_size
            else ""
        )
        lines.append(f"- {top.name}{size}{': ' + top.note if top.note else ''}")
        for sub in (d for d in delegations if d.parent_id == top.pk):
            sub_size = (
                _in_brackets(
                    ngettext("about %(count)s person", "about %(count)s people", sub.expected_size)
                    % {"count": sub.expected_size}
                )
                if sub.expected_size
                else ""
            )
            lines.append(f"+ {sub.name}{sub_size}{': ' + sub.note if sub.note else ''}")
    return lines


@in_vietnamese
def _venue(conference: Conference) -> str:
    venue = conference.venue or gettext("To be announced later")
    link = f": {conference.online_link}" if conference.online_link else ""
    if conference.format == ConferenceFormat.ONLINE:
        return pgettext("conference format in a document", "Online") + link
    if conference.format == ConferenceFormat.COMBINED:
        return gettext("%(venue)s, combined with online") % {"venue": venue} + link
    return venue


@in_vietnamese
def conference_section(plan: Plan) -> list[Block]:
    """Section II written from the conference records, for plans whose author left it
    empty (section I when there is no purposes section either)."""
    conferences = list(plan.conferences.prefetch_related("chairs", "delegations").order_by("order", "date"))
    if not conferences:
        return []
    numeral = "II" if plan.purposes.strip() else "I"
    heading = gettext("%(numeral)s. CONTENT, TIME, VENUE, PARTICIPANTS") % {"numeral": numeral}
    blocks = [Block(heading, "heading1")]
    for number, conference in enumerate(conferences, start=1):
        blocks.append(Block(f"{number}. {conference.title}", "heading2"))
        if conference.content:
            blocks.append(Block(gettext("- Content: %(content)s") % {"content": conference.content}, "bullet"))
        if conference.audience:
            blocks.append(Block(gettext("- Audience: %(audience)s") % {"audience": conference.audience}, "bullet"))
        blocks.append(Block(gettext("- Time: %(when)s.") % {"when": when_words(conference)}, "bullet"))
        blocks.append(Block(gettext("- Venue: %(venue)s.") % {"venue": _venue(conference)}, "bullet"))
        chairs = _chairs(conference)
        if chairs:
            blocks.append(Block(gettext("- Chaired by: %(chairs)s.") % {"chairs": chairs}, "bullet"))
        lines = _delegation_lines(conference)
        if lines:
            blocks.append(Block(gettext("- Participants:"), "bullet"))
            blocks += [Block(line, "bullet") for line in lines]
    return blocks


def opening_paragraph(plan: Plan) -> str:
    """“Thực hiện <căn cứ>; <căn cứ>, <introduction>”. An introduction that starts with
    punctuation keeps it (seed 003 starts a new sentence: “. Ban Thường vụ …”)."""
    citations = [b.citation.rstrip(" ;,.") for b in plan.legal_bases.all()]
    intro = plan.introduction.strip()
    if not citations:
        return intro.lstrip(".,; ")
    lead = f"{plan.basis_verb} {'; '.join(citations)}"
    if not intro:
        return lead + "."
    if intro[0] in ".,;:":
        return f"{lead}{intro[0]} {intro[1:].strip()}"
    return f"{lead}, {intro}"


# The wording already gives a deadline of its own (“trước 03 ngày làm việc tổ chức Hội nghị”).
_DEADLINE_WORDS = re.compile(r"\b(trước|sau|chậm nhất|hạn)\b[^.;]*\bngày\b", re.IGNORECASE)


@in_vietnamese
def duty_text(task) -> str:
    """The duty as written; its due date is added when the wording does not already say
    it (“… trước ngày 05/6/2026”), so the printed plan always carries every deadline."""
    text = task.description.rstrip()
    if not task.due_date:
        return text
    d = task.due_date
    written = {f"{d.day}/{d.month}/{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day}/{d.month:02d}/{d.year}",
               f"{d.day:02d}/{d.month}/{d.year}", f"ngày {d.day} tháng {d.month} năm {d.year}",
               date_words(d)}  # fmt: skip
    if any(form in text for form in written) or _DEADLINE_WORDS.search(text):
        return text
    punctuation = text[-1] if text[-1] in ".;," else ""
    core = text[:-1] if punctuation else text
    deadline = gettext("(deadline: %(date)s)") % {"date": f"{d:%d/%m/%Y}"}
    return f"{core} {deadline}{punctuation}"


@in_vietnamese
def plan_document(plan: Plan) -> OfficialDocument:
    """The plan as its issuer prints it: header, opening with the legal bases, sections I
    and II as written, section III from the responsibilities and their duties, closing,
    Nơi nhận and signature."""
    blocks: list[Block] = []
    opening = opening_paragraph(plan)
    if opening:
        blocks.append(Block(opening))
    blocks += blocks_from_text(plan.purposes)
    blocks += blocks_from_text(plan.content) if plan.content.strip() else conference_section(plan)
    responsibilities = list(plan.responsibilities.prefetch_related("tasks").order_by("order", "id"))
    if responsibilities:
        blocks.append(Block(plan.tasks_heading or gettext("III. IMPLEMENTATION"), "heading1"))
        for number, item in enumerate(responsibilities, start=1):
            blocks.append(Block(f"{number}. {item.label}", "heading2"))
            if item.intro:
                blocks += blocks_from_text(item.intro)
            for task in sorted(item.tasks.all(), key=lambda t: (t.order, t.pk)):
                if task.in_document:
                    blocks += blocks_from_text(duty_text(task))
    if plan.closing:
        blocks += [Block(line) for line in plan.closing.splitlines() if line.strip()]
    return OfficialDocument(
        layout=_layout(plan),
        issuer_parent=plan.issuer_parent_line,
        issuer=plan.issuer_line,
        number_line=plan.number_label,
        place_date_line=place_date_line(plan.place, plan.issued_on, month=plan.draft_month, year=plan.year),
        doc_type=pgettext("document type", "PLAN"),
        title=plan.title,
        blocks=blocks,
        signing_authority=plan.signing_authority,
        signer_title=plan.signer_title,
        signer_name=plan.signer_name,
        recipients=_recipients(plan.recipients),
        drafter_mark=plan.drafter_mark,
    )


def _slug(text: str, limit: int = 50) -> str:
    return "-".join(fold(text).replace("/", "-").split())[:limit].strip("-")


def plan_filename(plan: Plan) -> str:
    number = f"{plan.number}-" if plan.number else "du-thao-"
    return f"ke-hoach-{number}{_slug(plan.symbol)}-{plan.year}"


@in_vietnamese
def announcement_document(conference: Conference, *, today: date | None = None) -> OfficialDocument:
    """Thông báo công khai: time, place, content and how to take part — for a commune at
    least 7 days before the conference (Law 72/2025/QH15, art. 43)."""
    plan = conference.plan
    issuer_name = plan.issuing_unit.name
    reference = plan_reference(plan)
    blocks = [
        Block(
            gettext(
                "Pursuant to %(reference)s of %(issuer)s on %(title)s, %(issuer)s announces the holding of a "
                "direct contact and dialogue conference with the people as follows:"
            )
            % {"reference": reference, "issuer": issuer_name, "title": plan.title[0].lower() + plan.title[1:]}
        ),
        Block(gettext("1. Time: %(when)s.") % {"when": when_words(conference)}, "para"),
        Block(gettext("2. Venue: %(venue)s.") % {"venue": _venue(conference)}, "para"),
    ]
    chairs = _chairs(conference)
    if chairs:
        blocks.append(Block(gettext("3. Chaired by: %(chairs)s.") % {"chairs": chairs}, "para"))
    content = conference.content or conference.title
    blocks.append(
        Block(gettext("%(number)s. Content: %(content)s") % {"number": len(blocks), "content": content}, "para")
    )
    if conference.audience:
        line = gettext("%(number)s. Participants: %(audience)s")
        blocks.append(Block(line % {"number": len(blocks), "audience": conference.audience}, "para"))
    # Mid-sentence the kind is lower case: “Nhân dân thôn Phong Lâm, thôn Văn Lâm”.
    served = [u.name[0].lower() + u.name[1:] for u in conference.served_units.all()]
    if served:
        line = gettext("%(number)s. Area: the people of %(places)s.")
        blocks.append(Block(line % {"number": len(blocks), "places": ", ".join(served)}, "para"))
    collect = conference.tasks.filter(step__kind="collect").order_by("due_date").first()
    how = gettext(
        "The people send their opinions and petitions to the Committee of the Viet Nam Fatherland Front, "
        "the head of their village or residential group, or register to speak at the conference"
    )
    if collect and collect.due_date:
        how += gettext("; opinions are sent before %(date)s") % {"date": f"{collect.due_date:%d/%m/%Y}"}
    if conference.scope_note:
        how += f". {conference.scope_note.rstrip('.')}"
    blocks.append(
        Block(gettext("%(number)s. How to take part: %(how)s.") % {"number": len(blocks), "how": how}, "para")
    )
    closing = gettext("%(issuer)s respectfully announces this for the people to know and take part.")
    blocks.append(Block(closing % {"issuer": issuer_name}))
    return OfficialDocument(
        layout=_layout(plan),
        issuer_parent=plan.issuer_parent_line,
        issuer=plan.issuer_line,
        number_line=_number_line(plan, "TB"),
        place_date_line=place_date_line(plan.place, today),
        doc_type=pgettext("document type", "ANNOUNCEMENT"),
        title=gettext("On the holding of %(title)s") % {"title": conference.title[0].lower() + conference.title[1:]},
        blocks=blocks,
        signing_authority=plan.signing_authority,
        signer_title=plan.signer_title,
        signer_name=plan.signer_name,
        recipients=[
            gettext("- As above;"),
            gettext("- The radio station and the notice boards of the villages and residential groups;"),
            gettext("- Archived: Clerical Office."),
        ],
    )


def announcement_filename(conference: Conference) -> str:
    return f"thong-bao-hoi-nghi-{conference.pk}"


def plan_reference(plan: Plan) -> str:
    """“Kế hoạch số 166-KH/TU ngày 05 tháng 3 năm 2026”, as the plan is cited in the text."""
    # The plan's number label is worded by the model (“Số: 15/KH-UBND”); mid-sentence it reads “số”.
    number = plan.number_label.replace("Số: ", "số ").replace("Số ", "số ")
    reference = gettext("Plan %(number)s") % {"number": number}
    if plan.issued_on:
        reference += f" {date_words(plan.issued_on)}"
    return reference


def _confirmation_code(code: str) -> str:
    return gettext("Attendance confirmation code: %(code)s") % {"code": code}


@in_vietnamese
def invitation_document(
    conference: Conference, *, participant: Participant | None = None, delegation: Delegation | None = None
) -> OfficialDocument:
    """Giấy mời for one participant, for a delegation, or blank for the secretariat to fill in."""
    plan = conference.plan
    if participant is not None:
        invitee = comrade(participant.full_name)
        organisation = participant.organisation
        # “Phó Chủ tịch Ủy ban MTTQ Việt Nam xã Gia Phúc” already says where the person works.
        if organisation and " ".join(fold(organisation).split()[-3:]) in fold(participant.position):
            organisation = ""
        detail = ", ".join(x for x in (participant.position, organisation) if x)
        if detail:
            invitee += f", {detail}"
    elif delegation is not None:
        invitee = delegation.name
        if delegation.expected_size:
            count = delegation.expected_size
            invitee += _in_brackets(ngettext("%(count)s delegate", "%(count)s delegates", count) % {"count": count})
    else:
        invitee = comrade("." * 72)
    # Invitations go out before the conference: one printed again afterwards (for the
    # archive) keeps the month it was sent in, not the month of printing.
    today = timezone.localdate()
    sent_on = min(today, conference.date) if conference.date else today
    invites = gettext("%(issuer)s respectfully invites: **%(invitee)s**")
    blocks = [
        Block(invites % {"issuer": plan.issuing_unit.name, "invitee": invitee}),
        Block(gettext("To attend: %(title)s.") % {"title": conference.title}),
    ]
    chairs = _chairs(conference)
    if chairs:
        blocks.append(Block(gettext("Chaired by: %(chairs)s.") % {"chairs": chairs}))
    blocks.append(Block(gettext("Time: %(when)s.") % {"when": when_words(conference)}))
    blocks.append(Block(gettext("Venue: %(venue)s.") % {"venue": _venue(conference)}))
    if participant is not None:
        blocks.append(Block(_confirmation_code(str(participant.token)[:8].upper()), "note"))
    blocks.append(
        Block(gettext("Please arrange your time to attend the conference on time and with the stated participants./."))
    )
    document = OfficialDocument(
        layout=_layout(plan),
        issuer_parent=plan.issuer_parent_line,
        issuer=plan.issuer_line,
        number_line=_number_line(plan, "GM"),
        place_date_line=place_date_line(plan.place, None, month=sent_on.month, year=sent_on.year),
        doc_type=pgettext("document type", "INVITATION"),
        title="",
        blocks=blocks,
        signing_authority=plan.signing_authority,
        signer_title=plan.signer_title,
        signer_name=plan.signer_name,
        recipients=[gettext("- As above;"), gettext("- Archived: Clerical Office.")],
    )
    # Scanned at the check-in desk on the day (dialogue.proceedings).
    document.checkin_qr = checkin_qr_data(participant) if participant is not None else ""
    return document


def invitation_filename(conference: Conference, *, participant=None, delegation=None) -> str:
    who = participant.full_name if participant else (delegation.name if delegation else "mau")
    return f"giay-moi-{conference.pk}-{_slug(who, 40)}"
