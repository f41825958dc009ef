"""The periodic report as documents: the report itself (DOCX in the unit's legal layout,
laid out by `dialogue.documents`) and its Excel annex (one sheet per table), from a
`reports.ReportContent`. Both are Vietnamese whoever asks (`in_vietnamese`)."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import UTC, date, datetime

from django.utils.translation import pgettext, pgettext_lazy
from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.shared import Cm
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dialogue.conclusions.models import DirectiveStatus
from dialogue.documents.layout import (
    CENTER,
    FONT,
    LANGUAGE,
    LEFT,
    TEXT_WIDTH_CM,
    Block,
    Layout,
    OfficialDocument,
    _format,
    _mark_size,
    _run,
    render_docx,
)
from dialogue.followup.models import Satisfaction
from dialogue.petitions.models import PetitionStatus
from dialogue.plans.documents import DOCX_TYPE, in_vietnamese, place_date_line
from dialogue.plans.models import DocumentLayout
from dialogue.statistics.reports import (
    CommuneLine,
    ReportContent,
    answer_delays,
    count,
    late_parts,
    lower_first,
    number,
    percent,
)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP_TYPE = "application/zip"

DOC_TYPE = pgettext_lazy("document type", "REPORT")
# How many conferences, repeat matters and list items the text names before it points to the annex.
TEXT_LIST_LIMIT = 12
# A province with more communes than this lists in the text only those with figures.
FULL_COMMUNE_TABLE_LIMIT = 40
# The paragraph the commune table replaces once the layout engine has built the document.
_TABLE_MARKER = "[[bang-cap-xa]]"


def _d(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def _listing(pairs: list[tuple[str, int]], limit: int = 6) -> str:
    """“Đất đai 12; Giao thông 5; lĩnh vực khác 3”."""
    shown = pairs[:limit]
    text = "; ".join(f"{label} {count(n)}" for label, n in shown)
    rest = sum(n for _label, n in pairs[limit:])
    if rest:
        text += "; " + pgettext("periodic report", "others %(n)s") % {"n": count(rest)}
    return text


# --------------------------------------------------------------------------- the report (DOCX)


class _Numbered:
    """Section items numbered 1, 2, … as they are written (an item without figures is left out)."""

    def __init__(self) -> None:
        self.n = 0

    def heading(self, text: str) -> Block:
        self.n += 1
        return Block(f"{self.n}. {text}", "heading2")


def _title(content: ReportContent) -> str:
    return pgettext(
        "periodic report",
        "Results of the direct dialogues with the people and of the handling of their opinions and petitions, "
        "%(period)s",
    ) % {"period": content.period.label}


def _opening(content: ReportContent) -> list[Block]:
    period = content.period
    amended = ""
    if period.end >= date(2025, 11, 23):
        amended = pgettext(
            "periodic report",
            ", as amended and supplemented by Conclusion No. 215-KL/TW of 23/11/2025 of the Politburo",
        )
    text = pgettext(
        "periodic report",
        "Pursuant to Regulation No. 11-QĐi/TW of 18/02/2019 of the Politburo on the responsibility of the heads "
        "of Party committees for receiving citizens, holding direct dialogues with the people and handling their "
        "feedback and petitions%(amended)s, %(issuer)s reports the situation and results of %(period)s "
        "(from %(start)s to %(end)s) as follows:",
    ) % {
        "amended": amended,
        "issuer": content.identity.name,
        "period": period.label,
        "start": _d(period.start),
        "end": _d(period.end),
    }
    blocks = [Block(text)]
    if content.today < period.end:
        blocks.append(
            Block(
                pgettext("periodic report", "(The period is not over: the figures run to %(day)s.)")
                % {"day": _d(content.figures_until)},
                "note",
            )
        )
    return blocks


def _conference_blocks(content: ReportContent, numbered: _Numbered) -> list[Block]:
    s = content.statistics
    blocks = [numbered.heading(pgettext("periodic report", "Dialogue conferences with the people"))]
    if s.conferences_held:
        blocks.append(
            Block(
                pgettext(
                    "periodic report",
                    "In the period, the Party committees and authorities held %(held)s direct dialogue conferences "
                    "with the people, attended by %(participants)s delegates and citizens; %(interventions)s "
                    "people took the floor.",
                )
                % {
                    "held": count(s.conferences_held),
                    "participants": count(s.participants),
                    "interventions": count(s.interventions),
                }
            )
        )
        held = [c for c in content.conferences if c.held]
        for line in held[:TEXT_LIST_LIMIT]:
            values = {
                "day": _d(line.day),
                "chairs": line.chairs.replace("; ", pgettext("periodic report", " and comrade ")),
                "host": line.host,
                "title": lower_first(line.title.rstrip(".")),
                "venue": pgettext("periodic report", " at %(venue)s") % {"venue": line.venue} if line.venue else "",
                "participants": count(line.participants),
                "petitions": count(line.petitions),
            }
            if line.chairs:
                text = pgettext(
                    "periodic report",
                    "- On %(day)s, comrade %(chairs)s chaired %(title)s%(venue)s: %(participants)s participants, "
                    "%(petitions)s opinions and petitions.",
                )
            else:
                text = pgettext(
                    "periodic report",
                    "- On %(day)s, %(host)s held %(title)s%(venue)s: %(participants)s participants, "
                    "%(petitions)s opinions and petitions.",
                )
            blocks.append(Block(text % values, "bullet"))
        if len(held) > TEXT_LIST_LIMIT:
            blocks.append(
                Block(
                    pgettext("periodic report", "- And %(n)s other conferences (listed in Biểu 01).")
                    % {"n": count(len(held) - TEXT_LIST_LIMIT)},
                    "bullet",
                )
            )
    else:
        blocks.append(
            Block(pgettext("periodic report", "No direct dialogue conference with the people was held in the period."))
        )
    not_held = s.conferences - s.conferences_held
    if not_held:
        blocks.append(
            Block(
                pgettext(
                    "periodic report",
                    "%(n)s conferences planned in the period have not been held or their results have not been "
                    "recorded yet.",
                )
                % {"n": count(not_held)}
            )
        )
    return blocks


def _petition_blocks(content: ReportContent, numbered: _Numbered) -> list[Block]:
    s = content.statistics
    blocks = [numbered.heading(pgettext("periodic report", "Opinions and petitions received"))]
    if not s.petitions:
        blocks.append(Block(pgettext("periodic report", "No opinion or petition was received in the period.")))
        return blocks
    text = pgettext(
        "periodic report", "In the period, the agencies and units received %(n)s opinions and petitions of the people."
    ) % {"n": count(s.petitions)}
    if s.repeats:
        text += " " + pgettext("periodic report", "Of these, %(repeats)s had been raised before (%(share)s).") % {
            "repeats": count(s.repeats),
            "share": percent(s.repeat_rate),
        }
    blocks.append(Block(text))
    for label, rows in (
        (pgettext("periodic report", "By channel"), s.by_channel),
        (pgettext("periodic report", "By field"), s.by_field),
        (pgettext("periodic report", "By jurisdiction"), s.by_level),
    ):
        if rows:
            blocks.append(Block(f"- {label}: {_listing([(r.label, r.count) for r in rows])}.", "bullet"))
    blocks.append(Block(pgettext("periodic report", "(Details in Biểu 02.)"), "note"))
    return blocks


def _answer_blocks(content: ReportContent, numbered: _Numbered) -> list[Block]:
    s = content.statistics
    blocks = [numbered.heading(pgettext("periodic report", "Answers and resolution"))]
    if s.answers_due:
        parts = []
        if s.answered:
            answered = pgettext(
                "periodic report", "%(answered)s were answered, %(on_time)s of them on time (on-time rate %(share)s)"
            ) % {"answered": count(s.answered), "on_time": count(s.answered_on_time), "share": percent(s.on_time_share)}
            parts.append(answered)
        else:
            parts.append(pgettext("periodic report", "none has been answered yet"))
        delays = answer_delays(s.answered_late, s.answers_overdue)
        if delays:
            parts.append(delays)
        if s.answers_pending:
            parts.append(pgettext("periodic report", "%(n)s not yet due") % {"n": count(s.answers_pending)})
        blocks.append(
            Block(
                pgettext(
                    "periodic report",
                    "%(due)s opinions and petitions (after merging) were due to be answered in writing in the "
                    "period: %(parts)s.",
                )
                % {"due": count(s.answers_due), "parts": "; ".join(parts)}
            )
        )
    else:
        blocks.append(
            Block(
                pgettext("periodic report", "No opinion or petition was due to be answered in writing in the period.")
            )
        )
    if s.avg_days_to_answer is not None:
        blocks.append(
            Block(
                pgettext(
                    "periodic report",
                    "On average an answer was given %(days)s working days after the petition was received "
                    "(%(n)s petitions with a written answer).",
                )
                % {"days": number(s.avg_days_to_answer), "n": count(s.answered_petitions)}
            )
        )
    if s.resolved:
        average = ""
        if s.avg_days_to_resolve is not None:
            average = pgettext("periodic report", "; on average in %(days)s working days") % {
                "days": number(s.avg_days_to_resolve)
            }
        blocks.append(
            Block(
                pgettext(
                    "periodic report",
                    "%(groups)s opinions and petitions and %(directives)s directives were resolved for good in the "
                    "period%(average)s.",
                )
                % {"groups": count(s.groups_resolved), "directives": count(s.directives_resolved), "average": average}
            )
        )
    return blocks


def _directive_blocks(content: ReportContent, numbered: _Numbered) -> list[Block]:
    s = content.statistics
    blocks = [numbered.heading(pgettext("periodic report", "Implementation of the conclusion notices"))]
    if s.directives_issued:
        assigned = pgettext("periodic report", "assigned, no progress reported yet")
        states = "; ".join(
            f"{assigned if r.key == DirectiveStatus.ASSIGNED else lower_first(r.label)} {count(r.count)}"
            for r in s.directives_by_status
        )
        blocks.append(
            Block(
                pgettext(
                    "periodic report",
                    "The conclusion notices issued in the period gave the agencies and units %(n)s matters to act "
                    "on: %(states)s.",
                )
                % {"n": count(s.directives_issued), "states": states}
            )
        )
    else:
        blocks.append(
            Block(
                pgettext("periodic report", "No conclusion notice giving matters to act on was issued in the period.")
            )
        )
    late = [a for a in content.agencies if a.late]
    if late:
        names = "; ".join(
            pgettext("periodic report", "%(unit)s %(n)s") % {"unit": a.name, "n": count(a.late)}
            for a in late[:TEXT_LIST_LIMIT]
        )
        if len(late) > TEXT_LIST_LIMIT:
            names += "; " + pgettext("periodic report", "%(n)s other units") % {"n": count(len(late) - TEXT_LIST_LIMIT)}
        blocks.append(
            Block(
                pgettext(
                    "periodic report",
                    "As of %(day)s, %(n)s matters are late (%(parts)s): %(units)s (details in Biểu 03 and Biểu 04).",
                )
                % {
                    "day": _d(content.figures_until),
                    "n": count(s.late),
                    "parts": late_parts(s.late_directives, s.late_answers, s.late_resolution),
                    "units": names,
                }
            )
        )
    else:
        blocks.append(
            Block(
                pgettext("periodic report", "As of %(day)s, no directive, answer or resolution is late.")
                % {"day": _d(content.figures_until)}
            )
        )
    return blocks


def _repeat_blocks(content: ReportContent, numbered: _Numbered) -> list[Block]:
    blocks = [numbered.heading(pgettext("periodic report", "Matters raised several times"))]
    if not content.repeat_matters:
        blocks.append(Block(pgettext("periodic report", "No matter raised before was raised again in the period.")))
        return blocks
    open_count = sum(1 for r in content.repeats if not r.resolved)
    blocks.append(
        Block(
            pgettext(
                "periodic report",
                "%(n)s matters were raised again by the people, %(open)s of which have not yet been resolved for good:",
            )
            % {"n": count(content.repeat_matters), "open": count(open_count)}
        )
    )
    for line in content.repeats[:TEXT_LIST_LIMIT]:
        state = (
            pgettext("periodic report", "resolved") if line.resolved else pgettext("periodic report", "not resolved")
        )
        blocks.append(
            Block(
                pgettext("periodic report", "- %(summary)s (raised %(times)s times; %(state)s).")
                % {"summary": line.summary.rstrip("."), "times": count(line.times_raised), "state": state},
                "bullet",
            )
        )
    if len(content.repeats) > TEXT_LIST_LIMIT:
        blocks.append(
            Block(
                pgettext("periodic report", "- And %(n)s other matters.")
                % {"n": count(len(content.repeats) - TEXT_LIST_LIMIT)},
                "bullet",
            )
        )
    return blocks


def _satisfaction_blocks(content: ReportContent, numbered: _Numbered) -> list[Block]:
    answers = content.satisfaction
    total = sum(answers.values())
    if not total:
        return []
    return [
        numbered.heading(pgettext("periodic report", "The people's satisfaction")),
        Block(
            pgettext(
                "periodic report",
                "%(n)s petitioners asked after their matter was resolved gave their opinion: %(satisfied)s "
                "satisfied, %(partly)s partly satisfied, %(dissatisfied)s not satisfied.",
            )
            % {
                "n": count(total),
                "satisfied": count(answers.get(Satisfaction.SATISFIED, 0)),
                "partly": count(answers.get(Satisfaction.PARTLY, 0)),
                "dissatisfied": count(answers.get(Satisfaction.DISSATISFIED, 0)),
            }
        ),
    ]


def commune_table_rows(content: ReportContent) -> list[CommuneLine]:
    """The rows of the roll-up printed in the report: all of them for a small province,
    else the province's own level and the communes with figures (all are in Biểu 05)."""
    communes = [c for c in content.communes if not c.own_level]
    if len(communes) <= FULL_COMMUNE_TABLE_LIMIT:
        return content.communes
    return [c for c in content.communes if c.own_level or _has_figures(c)]


def _has_figures(line: CommuneLine) -> bool:
    return bool(line.conferences or line.petitions or line.answers_due or line.late)


def _commune_blocks(content: ReportContent, numbered: _Numbered) -> list[Block]:
    if not content.communes:
        return []
    communes = [c for c in content.communes if not c.own_level]
    with_conference = sum(1 for c in communes if c.conferences_held)
    with_figures = sum(1 for c in communes if _has_figures(c))
    blocks = [
        numbered.heading(pgettext("periodic report", "Results of the province's own level and of the communes")),
        Block(
            pgettext(
                "periodic report",
                "%(held)s of the %(total)s communes, wards and special zones held a dialogue conference in the "
                "period; %(active)s have figures (received petitions, answers due or late matters).",
            )
            % {"held": count(with_conference), "total": count(len(communes)), "active": count(with_figures)}
        ),
    ]
    if len(communes) > FULL_COMMUNE_TABLE_LIMIT:
        blocks.append(
            Block(
                pgettext(
                    "periodic report",
                    "The table lists the province's own level and the communes with figures; every commune is in "
                    "Biểu 05.",
                ),
                "note",
            )
        )
    blocks.append(Block(_TABLE_MARKER, "centered"))
    return blocks


def body_blocks(content: ReportContent) -> list[Block]:
    blocks = _opening(content)
    blocks.append(Block(pgettext("periodic report", "I. SITUATION AND RESULTS"), "heading1"))
    numbered = _Numbered()
    for part in (
        _conference_blocks,
        _petition_blocks,
        _answer_blocks,
        _directive_blocks,
        _repeat_blocks,
        _satisfaction_blocks,
        _commune_blocks,
    ):
        blocks += part(content, numbered)
    blocks.append(Block(pgettext("periodic report", "II. GENERAL ASSESSMENT"), "heading1"))
    blocks.append(Block(pgettext("periodic report", "1. Strengths"), "heading2"))
    blocks += [Block(f"- {text}", "bullet") for text in content.strengths]
    blocks.append(Block(pgettext("periodic report", "2. Limitations and causes"), "heading2"))
    blocks += [Block(f"- {text}", "bullet") for text in content.limitations]
    blocks.append(Block(pgettext("periodic report", "III. DIRECTIONS, TASKS AND RECOMMENDATIONS"), "heading1"))
    blocks.append(Block(pgettext("periodic report", "1. Directions and tasks for the next period"), "heading2"))
    blocks += [Block(f"- {text}", "bullet") for text in content.directions]
    blocks.append(Block(pgettext("periodic report", "2. Recommendations"), "heading2"))
    blocks += [Block(f"- {text}", "bullet") for text in content.proposals]
    last = "05" if content.communes else "04"
    blocks.append(
        Block(
            pgettext(
                "periodic report",
                "The above is the report of %(issuer)s on the results of %(period)s, respectfully submitted to "
                "%(higher)s for consideration and direction./.",
            )
            % {
                "issuer": content.identity.name,
                "period": content.period.label,
                "higher": content.identity.higher,
            }
        )
    )
    blocks.append(
        Block(
            pgettext("periodic report", "(Attached: the annex of figures, Biểu 01 to Biểu %(last)s.)") % {"last": last},
            "note",
        )
    )
    return blocks


@in_vietnamese
def report_document(content: ReportContent) -> OfficialDocument:
    """BÁO CÁO of a unit to its higher level in the unit's layout (Party: HD 36-HD/VPTW,
    state: NĐ 30/2020/NĐ-CP), number left blank for the clerk, day left blank to be
    written when it is signed."""
    identity = content.identity
    return OfficialDocument(
        layout=Layout.PARTY if identity.layout == DocumentLayout.PARTY else Layout.STATE,
        issuer_parent=identity.issuer_parent,
        issuer=identity.issuer,
        number_line=identity.number_line,
        place_date_line=place_date_line(identity.place, None, month=content.today.month, year=content.today.year),
        doc_type=str(DOC_TYPE),
        title=_title(content),
        blocks=body_blocks(content),
        addressees=list(identity.addressees),
        signing_authority=identity.signing_authority,
        signer_title=identity.signer_title,
        signer_name=identity.signer_name,
        recipients=list(identity.recipients),
    )


@in_vietnamese
def report_docx(content: ReportContent) -> bytes:
    data = render_docx(report_document(content))
    if content.communes:
        data = _with_commune_table(data, content)
    return data


_COMMUNE_HEADERS = (
    pgettext_lazy("report table", "No."),
    pgettext_lazy("report table", "Unit"),
    pgettext_lazy("report table", "Conferences held"),
    pgettext_lazy("report table", "Petitions received"),
    pgettext_lazy("report table", "Answers due"),
    pgettext_lazy("report table", "Answered on time"),
    pgettext_lazy("report table", "Late matters"),
)
_COMMUNE_WIDTHS_CM = (1.3, 5.3, 2.0, 2.1, 2.0, 1.9, 1.9)
_TABLE_PT = 11


def _with_commune_table(data: bytes, content: ReportContent) -> bytes:
    """Replace the marker paragraph by the roll-up table (a real Word table, bordered,
    header repeated on each page)."""
    document = Document(io.BytesIO(data))
    marker = next((p for p in document.paragraphs if p.text == _TABLE_MARKER), None)
    if marker is None:
        return data
    rows = commune_table_rows(content)
    widths = _COMMUNE_WIDTHS_CM
    scale = TEXT_WIDTH_CM / sum(widths)
    widths = tuple(w * scale for w in widths)
    table = document.add_table(rows=len(rows) + 2, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table.style = document.styles["Table Grid"]
    header = table.rows[0]
    _repeat_header(header)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid LibreOffice reads
    for cell, text, width in zip(header.cells, _COMMUNE_HEADERS, widths, strict=True):
        _cell(cell, str(text), width, bold=True, align=CENTER)
    numbered = 0
    for row, line in zip(table.rows[1:], rows, strict=False):
        if line.own_level:
            first = ""
        else:
            numbered += 1
            first = str(numbered)
        values = (
            first,
            line.name,
            str(line.conferences_held),
            str(line.petitions),
            str(line.answers_due),
            str(line.answered_on_time),
            str(line.late),
        )
        for index, (cell, text, width) in enumerate(zip(row.cells, values, widths, strict=True)):
            _cell(cell, text, width, bold=line.own_level, align=LEFT if index == 1 else CENTER)
    totals = _commune_totals(content.communes)
    total_values = (
        "",
        pgettext("report table", "Total"),
        str(totals.conferences_held),
        str(totals.petitions),
        str(totals.answers_due),
        str(totals.answered_on_time),
        str(totals.late),
    )
    for index, (cell, text, width) in enumerate(zip(table.rows[-1].cells, total_values, widths, strict=True)):
        _cell(cell, text, width, bold=True, align=LEFT if index == 1 else CENTER)
    marker._p.addnext(table._tbl)
    # A short gap between the table and the heading after it: the marker paragraph, emptied.
    for run in list(marker.runs):
        run._r.getparent().remove(run._r)
    table._tbl.addnext(marker._p)
    _format(marker, align=LEFT, after=6)
    marker.paragraph_format.first_line_indent = Cm(0)
    _mark_size(marker, 6)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _commune_totals(lines: list[CommuneLine]) -> CommuneLine:
    return CommuneLine(
        pk=None,
        name="",
        conferences=sum(c.conferences for c in lines),
        conferences_held=sum(c.conferences_held for c in lines),
        petitions=sum(c.petitions for c in lines),
        answers_due=sum(c.answers_due for c in lines),
        answered_on_time=sum(c.answered_on_time for c in lines),
        late=sum(c.late for c in lines),
    )


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        tr_pr.append(OxmlElement(tag))


def _cell(cell, text: str, width_cm: float, *, bold: bool, align) -> None:
    cell.width = Cm(width_cm)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    _format(paragraph, align=align, before=2, after=2)
    paragraph.paragraph_format.first_line_indent = Cm(0)
    _run(paragraph, unicodedata.normalize("NFC", text), size=_TABLE_PT, bold=bold)
    _mark_size(paragraph, _TABLE_PT)


# --------------------------------------------------------------------------- the annex (Excel)

_HEADER_ROW = 4
_DATE_FORMAT = "dd/mm/yyyy"
_PERCENT_FORMAT = "0.0%"
_THIN = Side(style="thin", color="000000")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = Font(name=FONT, size=12)
_BOLD = Font(name=FONT, size=12, bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_MIDDLE = Alignment(wrap_text=True, vertical="top", horizontal="center")
_HEAD = Alignment(wrap_text=True, vertical="center", horizontal="center")


class _Sheet:
    """One annex table: title, period line, one or two header rows, rows, totals row."""

    def __init__(self, workbook: Workbook, name: str, title: str, subtitle: str, first: bool = False) -> None:
        self.sheet: Worksheet = workbook.active if first else workbook.create_sheet()
        self.sheet.title = name
        self.title = title
        self.subtitle = subtitle
        self.row = _HEADER_ROW

    def headers(self, columns: list[tuple[str, int]], groups: list[tuple[str, int, int]] = ()) -> None:
        """`columns`: (header, width); `groups`: (header, first column, last column) over
        them, which puts the column headers on a second row."""
        sheet = self.sheet
        self.widths = [w for _h, w in columns]
        last = get_column_letter(len(columns))
        for row, text, font, height in (
            (1, self.title, Font(name=FONT, size=14, bold=True), 36),
            (2, self.subtitle, Font(name=FONT, size=12, italic=True), 30),
        ):
            sheet.merge_cells(f"A{row}:{last}{row}")
            cell = sheet.cell(row=row, column=1)
            _text(cell, text)
            cell.font = font
            cell.alignment = _HEAD
            sheet.row_dimensions[row].height = height
        top = _HEADER_ROW
        bottom = top + (1 if groups else 0)
        grouped = {c for _h, a, b in groups for c in range(a, b + 1)}
        for column, (header, width) in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
            row = bottom if column in grouped else top
            cell = sheet.cell(row=row, column=column)
            _text(cell, header)
            if column not in grouped and bottom != top:
                sheet.merge_cells(start_row=top, start_column=column, end_row=bottom, end_column=column)
        for header, first, last_col in groups:
            sheet.merge_cells(start_row=top, start_column=first, end_row=top, end_column=last_col)
            _text(sheet.cell(row=top, column=first), header)
        for row in range(top, bottom + 1):
            for column in range(1, len(columns) + 1):
                cell = sheet.cell(row=row, column=column)
                cell.font = _BOLD
                cell.border = _GRID
                cell.alignment = _HEAD
        self.header_bottom = bottom
        self.row = bottom
        sheet.freeze_panes = f"A{bottom + 1}"
        sheet.print_title_rows = f"{top}:{bottom}"
        setup = sheet.page_setup
        setup.orientation = "landscape"
        setup.paperSize = sheet.PAPERSIZE_A4
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        sheet.page_margins.left = sheet.page_margins.right = 0.5
        sheet.page_margins.top = sheet.page_margins.bottom = 0.6

    def add(self, values: tuple, *, numeric: set[int] = (), bold: bool = False, percent: set[int] = ()) -> None:
        self.row += 1
        for index, value in enumerate(values):
            cell = self.sheet.cell(row=self.row, column=index + 1)
            if isinstance(value, str):
                _text(cell, value)
            else:
                cell.value = value
            if isinstance(value, date):
                cell.number_format = _DATE_FORMAT
            if index in percent and value is not None:
                cell.number_format = _PERCENT_FORMAT
            cell.font = _BOLD if bold else _FONT
            cell.border = _GRID
            centred = index == 0 or index in numeric or index in percent or isinstance(value, date)
            cell.alignment = _MIDDLE if centred else _WRAP

    def empty(self, text: str) -> None:
        self.row += 1
        last = len(self.widths)
        self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=last)
        cell = self.sheet.cell(row=self.row, column=1)
        _text(cell, text)
        cell.font = Font(name=FONT, size=12, italic=True)
        cell.alignment = _HEAD
        for column in range(1, last + 1):
            self.sheet.cell(row=self.row, column=column).border = _GRID

    def note(self, text: str) -> None:
        self.row += 2
        cell = self.sheet.cell(row=self.row, column=1)
        _text(cell, text)
        cell.font = Font(name=FONT, size=11, italic=True)


def _text(cell, text: str) -> None:
    """Always a string: a petition that starts with “=” is text, never a formula."""
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", unicodedata.normalize("NFC", str(text)))
    cell.data_type = "s"


def _h(text) -> str:
    return str(text)


def _subtitle(content: ReportContent) -> str:
    return pgettext("report table", "%(issuer)s — %(period)s (from %(start)s to %(end)s)") % {
        "issuer": content.identity.name,
        "period": content.period.label,
        "start": _d(content.period.start),
        "end": _d(content.period.end),
    }


SHEET_NAMES = ("Biểu 01", "Biểu 02", "Biểu 03", "Biểu 04", "Biểu 05")


def _sheet_conferences(workbook: Workbook, content: ReportContent) -> None:
    sheet = _Sheet(
        workbook,
        SHEET_NAMES[0],
        pgettext("report table", "Biểu 01: DIRECT DIALOGUE CONFERENCES WITH THE PEOPLE"),
        _subtitle(content),
        first=True,
    )
    sheet.headers(
        [
            (_h(pgettext_lazy("report table", "No.")), 6),
            (_h(pgettext_lazy("report table", "Date")), 12),
            (_h(pgettext_lazy("report table", "Host unit")), 22),
            (_h(pgettext_lazy("report table", "Conference")), 44),
            (_h(pgettext_lazy("report table", "Venue")), 24),
            (_h(pgettext_lazy("report table", "Chaired by")), 30),
            (_h(pgettext_lazy("report table", "State")), 14),
            (_h(pgettext_lazy("report table", "Participants")), 13),
            (_h(pgettext_lazy("report table", "Opinions and petitions")), 13),
            (_h(pgettext_lazy("report table", "Answered")), 12),
        ]
    )
    numeric = {7, 8, 9}
    for index, line in enumerate(content.conferences, start=1):
        state = pgettext("report table", "Held") if line.held else pgettext("report table", "Not held yet")
        sheet.add(
            (
                index,
                line.day,
                line.host,
                line.title,
                line.venue,
                line.chairs,
                state,
                line.participants,
                line.petitions,
                line.answered,
            ),
            numeric=numeric,
        )
    if not content.conferences:
        sheet.empty(pgettext("report table", "No conference in the period."))
    sheet.add(
        (
            "",
            "",
            pgettext("report table", "Total"),
            pgettext("report table", "%(n)s conferences, %(held)s held")
            % {"n": len(content.conferences), "held": sum(1 for c in content.conferences if c.held)},
            "",
            "",
            "",
            sum(c.participants for c in content.conferences),
            sum(c.petitions for c in content.conferences),
            sum(c.answered for c in content.conferences),
        ),
        numeric=numeric,
        bold=True,
    )


# The petition states shown in Biểu 02, in the order of their progress.
STATUS_COLUMNS = tuple(PetitionStatus.values)


def _sheet_fields(workbook: Workbook, content: ReportContent) -> None:
    sheet = _Sheet(
        workbook,
        SHEET_NAMES[1],
        pgettext("report table", "Biểu 02: OPINIONS AND PETITIONS RECEIVED, BY FIELD AND STATE"),
        _subtitle(content),
    )
    status_labels = dict(PetitionStatus.choices)
    columns = [
        (_h(pgettext_lazy("report table", "No.")), 6),
        (_h(pgettext_lazy("report table", "Field")), 34),
        (_h(pgettext_lazy("report table", "Total received")), 11),
        (_h(pgettext_lazy("report table", "Raised before")), 11),
    ]
    columns += [(str(status_labels[code]), 14) for code in STATUS_COLUMNS]
    columns += [
        (_h(pgettext_lazy("report table", "With a written answer")), 13),
        (_h(pgettext_lazy("report table", "Resolved for good")), 13),
    ]
    first_status = 5
    last_status = first_status + len(STATUS_COLUMNS) - 1
    sheet.headers(
        columns,
        groups=[
            (pgettext("report table", "By state of handling"), first_status, last_status),
            (pgettext("report table", "Of which"), last_status + 1, last_status + 2),
        ],
    )
    numeric = set(range(2, len(columns)))
    for index, line in enumerate(content.fields, start=1):
        sheet.add(
            (
                index,
                line.name,
                line.total,
                line.repeats,
                *(line.by_status.get(code, 0) for code in STATUS_COLUMNS),
                line.answered,
                line.resolved,
            ),
            numeric=numeric,
        )
    if not content.fields:
        sheet.empty(pgettext("report table", "No opinion or petition was received in the period."))
    sheet.add(
        (
            "",
            pgettext("report table", "Total"),
            sum(f.total for f in content.fields),
            sum(f.repeats for f in content.fields),
            *(sum(f.by_status.get(code, 0) for f in content.fields) for code in STATUS_COLUMNS),
            sum(f.answered for f in content.fields),
            sum(f.resolved for f in content.fields),
        ),
        numeric=numeric,
        bold=True,
    )
    s = content.statistics
    for heading, rows in (
        (pgettext("report table", "By jurisdiction"), s.by_level),
        (pgettext("report table", "By channel"), s.by_channel),
    ):
        sheet.row += 1
        sheet.add(("", heading, pgettext("report table", "Number"), pgettext("report table", "Share")), bold=True)
        for index, row in enumerate(rows, start=1):
            sheet.add((index, row.label, row.count, row.share), numeric={2}, percent={3})
        if not rows:
            sheet.add(("", pgettext("report table", "None"), 0, None), numeric={2})


def _sheet_agencies(workbook: Workbook, content: ReportContent) -> None:
    sheet = _Sheet(
        workbook,
        SHEET_NAMES[2],
        pgettext("report table", "Biểu 03: DIRECTIVES AND LATE MATTERS BY RESPONSIBLE UNIT"),
        _subtitle(content),
    )
    sheet.headers(
        [
            (_h(pgettext_lazy("report table", "No.")), 6),
            (_h(pgettext_lazy("report table", "Unit that must act")), 40),
            (_h(pgettext_lazy("report table", "Directives given in the period")), 14),
            (_h(pgettext_lazy("report table", "Resolved")), 12),
            (_h(pgettext_lazy("report table", "Still open")), 12),
            (_h(pgettext_lazy("report table", "Directives")), 13),
            (_h(pgettext_lazy("report table", "Written answers")), 13),
            (_h(pgettext_lazy("report table", "Resolutions of petitions")), 14),
            (_h(pgettext_lazy("report table", "Total late")), 12),
        ],
        groups=[(pgettext("report table", "Late as of %(day)s") % {"day": _d(content.figures_until)}, 6, 8)],
    )
    numeric = set(range(2, 9))
    for index, line in enumerate(content.agencies, start=1):
        sheet.add(
            (
                index,
                line.name,
                line.assigned,
                line.resolved,
                line.in_progress,
                line.late_directives,
                line.late_answers,
                line.late_resolution,
                line.late,
            ),
            numeric=numeric,
        )
    if not content.agencies:
        sheet.empty(pgettext("report table", "No directive and no late matter."))
    a = content.agencies
    sheet.add(
        (
            "",
            pgettext("report table", "Total"),
            sum(x.assigned for x in a),
            sum(x.resolved for x in a),
            sum(x.in_progress for x in a),
            sum(x.late_directives for x in a),
            sum(x.late_answers for x in a),
            sum(x.late_resolution for x in a),
            sum(x.late for x in a),
        ),
        numeric=numeric,
        bold=True,
    )


def _sheet_late(workbook: Workbook, content: ReportContent) -> None:
    sheet = _Sheet(
        workbook,
        SHEET_NAMES[3],
        pgettext("report table", "Biểu 04: LIST OF LATE MATTERS AS OF %(day)s") % {"day": _d(content.figures_until)},
        _subtitle(content),
    )
    sheet.headers(
        [
            (_h(pgettext_lazy("report table", "No.")), 6),
            (_h(pgettext_lazy("report table", "Kind")), 16),
            (_h(pgettext_lazy("report table", "Matter")), 56),
            (_h(pgettext_lazy("report table", "Unit that must act")), 28),
            (_h(pgettext_lazy("report table", "Due")), 12),
            (_h(pgettext_lazy("report table", "Working days late")), 12),
            (_h(pgettext_lazy("report table", "State")), 20),
            (_h(pgettext_lazy("report table", "Source")), 30),
        ]
    )
    for index, item in enumerate(content.late_items, start=1):
        sheet.add(
            (index, item.kind, item.matter, item.unit, item.due, item.days_late, item.status, item.source),
            numeric={5},
        )
    if not content.late_items:
        sheet.empty(pgettext("report table", "No matter is late."))
    sheet.add(
        (
            "",
            pgettext("report table", "Total"),
            pgettext("report table", "%(n)s matters") % {"n": len(content.late_items)},
            "",
            "",
            "",
            "",
            "",
        ),
        bold=True,
    )


def _sheet_communes(workbook: Workbook, content: ReportContent) -> None:
    sheet = _Sheet(
        workbook,
        SHEET_NAMES[4],
        pgettext("report table", "Biểu 05: RESULTS OF THE PROVINCE'S OWN LEVEL AND OF EACH COMMUNE"),
        _subtitle(content),
    )
    sheet.headers(
        [
            (_h(pgettext_lazy("report table", "No.")), 6),
            (_h(pgettext_lazy("report table", "Unit")), 36),
            (_h(pgettext_lazy("report table", "Conferences in the period")), 13),
            (_h(pgettext_lazy("report table", "Conferences held")), 13),
            (_h(pgettext_lazy("report table", "Petitions received")), 13),
            (_h(pgettext_lazy("report table", "Answers due")), 12),
            (_h(pgettext_lazy("report table", "Answered on time")), 12),
            (_h(pgettext_lazy("report table", "On-time share")), 12),
            (_h(pgettext_lazy("report table", "Late matters")), 12),
        ]
    )
    numeric = set(range(2, 9))
    numbered = 0
    for line in content.communes:
        if line.own_level:
            first = ""
        else:
            numbered += 1
            first = numbered
        sheet.add(
            (
                first,
                line.name,
                line.conferences,
                line.conferences_held,
                line.petitions,
                line.answers_due,
                line.answered_on_time,
                _share(line.answered_on_time, line.answers_due),
                line.late,
            ),
            numeric=numeric,
            percent={7},
            bold=line.own_level,
        )
    t = _commune_totals(content.communes)
    sheet.add(
        (
            "",
            pgettext("report table", "Total"),
            t.conferences,
            t.conferences_held,
            t.petitions,
            t.answers_due,
            t.answered_on_time,
            _share(t.answered_on_time, t.answers_due),
            t.late,
        ),
        numeric=numeric,
        percent={7},
        bold=True,
    )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@in_vietnamese
def report_workbook(content: ReportContent) -> bytes:
    """The annex: Biểu 01 conferences, 02 petitions by field and state (and by level and
    channel), 03 directives and late matters by unit, 04 the late matters, 05 (a province)
    its own level and each commune. Counts are written as values, so every viewer shows
    them; dates as dates (dd/mm/yyyy); no petitioner's name or phone."""
    workbook = Workbook()
    _sheet_conferences(workbook, content)
    _sheet_fields(workbook, content)
    _sheet_agencies(workbook, content)
    _sheet_late(workbook, content)
    if content.communes:
        _sheet_communes(workbook, content)
    workbook.active = 0
    props = workbook.properties
    props.title = f"{pgettext('report table', 'Annex of figures')} — {_title(content)}"[:255]
    props.creator = content.identity.name
    props.language = LANGUAGE
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- files


def filename(content: ReportContent) -> str:
    """“bao-cao-qd11-6-thang-2026-xa-gia-phuc”."""
    from dialogue.plans.documents import _slug

    return f"bao-cao-qd11-{content.period.slug}-{_slug(content.unit.name, 40)}"


def report_files(content: ReportContent, fmt: str) -> tuple[bytes, str, str]:
    """(bytes, content type, file name) of the report (docx), its annex (xlsx) or both (zip)."""
    name = filename(content)
    if fmt == "docx":
        return report_docx(content), DOCX_TYPE, f"{name}.docx"
    if fmt == "xlsx":
        return report_workbook(content), XLSX_TYPE, f"phu-luc-{name}.xlsx"
    if fmt == "zip":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{name}.docx", report_docx(content))
            archive.writestr(f"phu-luc-{name}.xlsx", report_workbook(content))
        return out.getvalue(), ZIP_TYPE, f"{name}.zip"
    raise ValueError(f"unknown format {fmt!r}")
