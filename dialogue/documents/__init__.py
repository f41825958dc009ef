"""Layout engine for Vietnamese official documents (DOCX, and PDF through LibreOffice).

Pure Python, no models: apps build an `OfficialDocument` and get bytes back, so the same
engine serves plans, invitations and notices of every unit.
"""

from dialogue.documents.layout import (
    Block,
    Layout,
    OfficialDocument,
    RunFont,
    blocks_from_text,
    font_report,
    inline_runs,
    render_docx,
)
from dialogue.documents.pdf import PdfConversionFailed, PdfUnavailable, docx_to_pdf, libreoffice_path

__all__ = [
    "Block",
    "Layout",
    "OfficialDocument",
    "PdfConversionFailed",
    "PdfUnavailable",
    "RunFont",
    "blocks_from_text",
    "docx_to_pdf",
    "font_report",
    "inline_runs",
    "libreoffice_path",
    "render_docx",
]
