"""DOCX → PDF through a headless LibreOffice.

Each conversion gets its own temporary directory and its own LibreOffice user profile:
two soffice processes sharing a profile block each other (or silently do nothing), which
matters as soon as two clerks export at the same time.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

ENV_VAR = "LIBREOFFICE_PATH"
_CANDIDATES = ("soffice", "libreoffice")


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed (or `LIBREOFFICE_PATH` points nowhere): offer DOCX only."""


class PdfConversionFailed(RuntimeError):
    """LibreOffice ran but produced no PDF (crash, time-out, unreadable input)."""


def libreoffice_path() -> str | None:
    """The soffice executable: `LIBREOFFICE_PATH` if set, else the first of soffice/libreoffice on PATH."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        if Path(override).is_file() and os.access(override, os.X_OK):
            return override
        return shutil.which(override)
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(docx_bytes: bytes, *, timeout: int = 120) -> bytes:
    """Convert DOCX bytes to PDF bytes; raises PdfUnavailable or PdfConversionFailed."""
    soffice = libreoffice_path()
    if not soffice:
        raise PdfUnavailable(f"LibreOffice not found: install it or set {ENV_VAR} to the soffice executable")
    with tempfile.TemporaryDirectory(prefix="doc-pdf-") as tmp:
        work = Path(tmp)
        source = work / "document.docx"
        source.write_bytes(docx_bytes)
        out_dir = work / "out"
        out_dir.mkdir()
        profile = work / "profile"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out_dir),
            str(source),
        ]
        env = {**os.environ, "HOME": str(work)}  # keep stray dot-files inside the temp dir
        output = _run(command, env=env, cwd=work, timeout=timeout)
        pdf = out_dir / "document.pdf"
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise PdfConversionFailed(f"LibreOffice produced no PDF: {output.strip()[-500:]}")
        data = pdf.read_bytes()
    if not data.startswith(b"%PDF"):
        raise PdfConversionFailed("LibreOffice output is not a PDF")
    return data


def _run(command: list[str], *, env: dict[str, str], cwd: Path, timeout: int) -> str:
    """Run soffice in its own process group so a time-out kills soffice.bin too, not just the wrapper."""
    try:
        process = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
    except OSError as exc:
        raise PdfUnavailable(f"cannot start LibreOffice ({command[0]}): {exc}") from exc
    try:
        stdout, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill_group(process)
        raise PdfConversionFailed(f"LibreOffice did not finish within {timeout} s") from exc
    text = stdout.decode("utf-8", "replace") if stdout else ""
    if process.returncode != 0:
        raise PdfConversionFailed(f"LibreOffice exited with {process.returncode}: {text.strip()[-500:]}")
    return text


def _kill_group(process: subprocess.Popen) -> None:
    """Kill the process group we created (only ours: it was started with start_new_session)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
