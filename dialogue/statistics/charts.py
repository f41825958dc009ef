"""Charts drawn on the server as inline SVG: no JavaScript, no library, nothing fetched.

Each chart is a `<figure>` whose SVG carries a `<title>` and a `<desc>` (what it shows, in
words) and whose bars are links to the rows they count; a data table with the same links
follows in a `<details>` for screen readers, keyboards and printing. Positions along the
width are percentages and text sizes are pixels, so a chart fills a phone or a wide
screen without its text shrinking.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    url: str = ""
    share: float | None = None  # of the chart's total, 0..1
    tone: str = ""  # a CSS modifier: ok, warn, off, muted


def number(value: int | float, decimals: int = 0) -> str:
    """12.345 and 24,5 — Vietnamese separators, whatever the active language."""
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def percent(share: float | None) -> str:
    return "—" if share is None else f"{number(share * 100, 1)} %"


def _wrap(label: str, width: int, lines: int = 3) -> list[str]:
    wrapped = textwrap.wrap(label, width=width) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return wrapped


def _link(url: str, inner: str, label: str) -> str:
    """A bar as a link for the mouse; keyboards and screen readers use the table's links."""
    if not url:
        return f'<g aria-hidden="true">{inner}</g>'
    return f'<a href="{escape(url)}" tabindex="-1" aria-hidden="true"><title>{escape(label)}</title>{inner}</a>'


def _table(caption: str, head: tuple[str, str, str], rows: list[Bar], *, show_share: bool) -> str:
    body = []
    for bar in rows:
        value = number(bar.value)
        cell = format_html('<a href="{}">{}</a>', bar.url, value) if bar.url else value
        share = f'<td class="num">{percent(bar.share)}</td>' if show_share else ""
        body.append(f'<tr><th scope="row">{escape(bar.label)}</th><td class="num">{cell}</td>{share}</tr>')
    share_head = f'<th scope="col" class="num">{escape(head[2])}</th>' if show_share else ""
    summary = _("Data table")
    return (
        f'<details class="chart__data"><summary>{escape(summary)}</summary>'
        f'<table class="table table--compact"><caption class="sr-only">{escape(caption)}</caption>'
        f'<thead><tr><th scope="col">{escape(head[0])}</th><th scope="col" class="num">{escape(head[1])}</th>'
        f"{share_head}</tr></thead><tbody>{''.join(body)}</tbody></table></details>"
    )


def _describe(rows: list[Bar], *, limit: int = 12) -> str:
    parts = [
        f"{bar.label}: {number(bar.value)}" + (f" ({percent(bar.share)})" if bar.share is not None else "")
        for bar in rows[:limit]
    ]
    if len(rows) > limit:
        parts.append(_("and %(n)s more") % {"n": len(rows) - limit})
    return "; ".join(parts) + "." if parts else _("Nothing to show.")


def bar_chart(
    *, chart_id: str, title: str, bars: list[Bar], head: tuple[str, str, str] | None = None, wrap: int = 38
) -> SafeString:
    """Horizontal bars, one per row, the label above its bar and the count after it."""
    head = head or (_("Item"), _("How many"), _("Share"))
    if not bars:
        return format_html('<p class="muted">{}</p>', _("Nothing to show."))
    top = max(bar.value for bar in bars) or 1
    line, bar_h, gap = 17, 12, 12
    y, parts = 0, []
    for bar in bars:
        lines = _wrap(bar.label, wrap)
        width = 0 if not bar.value else max(0.6, 74 * bar.value / top)
        text = "".join(
            f'<text x="0" y="{y + 13 + i * line}" class="chart__label">{escape(t)}</text>' for i, t in enumerate(lines)
        )
        if bar.share is not None:
            text += (
                f'<text x="100%" y="{y + 13}" text-anchor="end" class="chart__share">'
                f"{escape(percent(bar.share))}</text>"
            )
        bar_y = y + len(lines) * line + 3
        tone = f" chart__bar--{bar.tone}" if bar.tone else ""
        shapes = (
            f'<rect x="0" y="{bar_y}" width="{width:.2f}%" height="{bar_h}" rx="2" class="chart__bar{tone}"/>'
            f'<text x="{width:.2f}%" dx="6" y="{bar_y + bar_h - 1}" class="chart__value">'
            f"{escape(number(bar.value))}</text>"
        )
        parts.append(_link(bar.url, text + shapes, f"{bar.label}: {number(bar.value)}"))
        y = bar_y + bar_h + gap
    return _figure(chart_id, title, _describe(bars), y, "".join(parts), _table(title, head, bars, show_share=True))


def column_chart(*, chart_id: str, title: str, bars: list[Bar], head: tuple[str, str, str]) -> SafeString:
    """Vertical columns in time order (petitions by month), the count above each column."""
    if not bars:
        return format_html('<p class="muted">{}</p>', _("Nothing to show."))
    top = max(bar.value for bar in bars) or 1
    n = len(bars)
    slot = 100 / n
    plot_top, plot_bottom, height = 18, 150, 172
    step = max(1, math.ceil(n / 12))
    parts = [f'<line x1="0" x2="100%" y1="{plot_bottom}" y2="{plot_bottom}" class="chart__axis"/>']
    for i, bar in enumerate(bars):
        h = 0 if not bar.value else max(1.5, (plot_bottom - plot_top) * bar.value / top)
        centre = slot * i + slot / 2
        width = min(slot * 0.64, 7)  # a few months do not make slabs
        inner = (
            f'<rect x="{centre - width / 2:.3f}%" y="{plot_bottom - h:.1f}" width="{width:.3f}%" height="{h:.1f}" '
            'rx="2" class="chart__bar"/>'
        )
        if n <= 13:
            inner += (
                f'<text x="{centre:.3f}%" y="{plot_bottom - h - 4:.1f}" text-anchor="middle" class="chart__value">'
                f"{escape(number(bar.value))}</text>"
            )
        parts.append(_link(bar.url, inner, f"{bar.label}: {number(bar.value)}"))
        if i % step == 0:
            # Every other tick is hidden on a phone (CSS) so that the labels do not overlap.
            odd = " chart__tick--odd" if n > 6 and (i // step) % 2 else ""
            parts.append(
                f'<text x="{centre:.3f}%" y="{height - 4}" text-anchor="middle" '
                f'class="chart__tick{odd}" aria-hidden="true">'
                f"{escape(bar.label)}</text>"
            )
    return _figure(
        chart_id, title, _describe(bars, limit=24), height, "".join(parts), _table(title, head, bars, show_share=False)
    )


def stacked_bar(*, chart_id: str, title: str, parts: list[Bar]) -> SafeString:
    """One bar split into its parts (answers on time, late, overdue, not yet due), with a
    legend whose counts are links."""
    total = sum(p.value for p in parts)
    shapes, x = [], 0.0
    if total:
        for part in parts:
            if not part.value:
                continue
            width = 100 * part.value / total
            rect = (
                f'<rect x="{x:.3f}%" y="0" width="{width:.3f}%" height="26" '
                f'class="chart__bar chart__bar--{part.tone}"/>'
            )
            shapes.append(_link(part.url, rect, f"{part.label}: {number(part.value)} ({percent(part.value / total)})"))
            x += width
    else:
        shapes.append('<rect x="0" y="0" width="100%" height="26" class="chart__bar chart__bar--muted"/>')
    legend = "".join(
        format_html(
            '<li><span class="swatch chart__swatch--{}" aria-hidden="true"></span> {}: {} '
            '<span class="muted">{}</span></li>',
            part.tone,
            part.label,
            format_html('<a href="{}">{}</a>', part.url, number(part.value)) if part.url else number(part.value),
            f"({percent(part.value / total)})" if total else "",
        )
        for part in parts
    )
    bars = [Bar(p.label, p.value, p.url, p.value / total if total else None) for p in parts]
    svg = _figure(chart_id, title, _describe(bars), 26, "".join(shapes), "")
    return mark_safe(f'{svg}<ul class="chart__legend">{legend}</ul>')  # noqa: S308 - every piece escaped above


def _figure(chart_id: str, title: str, desc: str, height: float, body: str, table: str) -> SafeString:
    html = (
        f'<figure class="chart" id="{escape(chart_id)}">'
        f'<svg class="chart__svg" width="100%" height="{height:.0f}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>{body}</svg>{table}</figure>'
    )
    return mark_safe(html)  # noqa: S308 - built from escaped pieces
