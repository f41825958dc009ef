"""A QR code as inline SVG, drawn here from the `qrcode` package's module matrix:
nothing is fetched, no image file is written, and the markup has no style attribute, so
it shows under a Content-Security-Policy of `style-src 'self'`."""

from __future__ import annotations

import qrcode
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, *, label: str, size_px: int = 224) -> SafeString:
    """One <svg> with a white background and one black path: each row's runs of dark
    modules become rectangles, so a 33×33 code is a few hundred path commands."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    n = len(matrix)
    commands = []
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < n and row[x]:
                x += 1
            commands.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    # A whole number of pixels per module, so no row is drawn a pixel thinner than the next.
    size = n * max(2, round(size_px / n))
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 {n} {n}" width="{size}" '
        f'height="{size}" role="img" aria-label="{escape(label)}" shape-rendering="crispEdges">'
        f'<rect width="{n}" height="{n}" fill="#fff"/><path d="{"".join(commands)}" fill="#000"/></svg>'
    )
    return mark_safe(svg)  # noqa: S308 - only numbers and the escaped label
