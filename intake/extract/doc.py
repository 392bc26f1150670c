"""Legacy Word .doc and WPS .wps manuscripts, best reader first: LibreOffice converts them to
.docx (one conversion at a time per process, private profile per process); without LibreOffice,
or when it fails, the native Word 97-2003 reader (msdoc.py: text and photos); catdoc text last.

The attachment's own name never reaches the file system: the input is written as
"manuscript.<ext>" in a fresh temporary directory.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from intake.extract.content import ExtractError, Manuscript
from intake.extract.docx import read_docx
from intake.extract.limits import ExtractLimits
from intake.extract.msdoc import read_msdoc
from intake.extract.text import read_text

log = logging.getLogger(__name__)
_LOCK = threading.Lock()  # two soffice runs on one profile fail silently (rc=1, no output)
_PROFILES: dict[int, Path] = {}


def _profile() -> Path:
    """A LibreOffice user profile private to this process (a forked worker gets its own)."""
    pid = os.getpid()
    if pid not in _PROFILES:
        _PROFILES[pid] = Path(tempfile.mkdtemp(prefix=f"intake-lo-{pid}-"))
    return _PROFILES[pid]


def _run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run a converter in its own process group so a timeout kills every child it spawned."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def soffice_convert(source: Path, target_ext: str, outdir: Path, timeout: int) -> Path | None:
    """Convert `source` with LibreOffice into `outdir`; the converted path, or None on failure."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    cmd = [soffice, "--headless", "--norestore", f"-env:UserInstallation={_profile().as_uri()}",
           "--convert-to", target_ext, "--outdir", str(outdir), str(source)]
    try:
        with _LOCK:
            result = _run(cmd, timeout)
    except (subprocess.TimeoutExpired, OSError) as exc:
        log.warning("soffice failed on %s: %s", source.name, exc)
        return None
    target = outdir / f"{source.stem}.{target_ext}"
    if result.returncode != 0 or not target.exists():
        log.warning("soffice rc=%s: %s", result.returncode, result.stderr.decode(errors="replace")[-300:])
        return None
    return target


def _catdoc(source: Path, timeout: float) -> bytes | None:
    catdoc = shutil.which("catdoc")
    if catdoc is None:
        return None
    try:
        result = _run([catdoc, "-w", "-d", "utf-8", str(source)], timeout)
    except (subprocess.TimeoutExpired, OSError) as exc:
        log.warning("catdoc failed: %s", exc)
        return None
    return result.stdout if result.returncode == 0 and result.stdout.strip() else None


def read_doc(data: bytes, filename: str | None, fmt: str, limits: ExtractLimits) -> Manuscript:
    """A .doc/.wps manuscript via LibreOffice → .docx, else the native reader, else catdoc text."""
    with tempfile.TemporaryDirectory(prefix="intake-doc-") as tmp:
        source = Path(tmp) / f"manuscript.{fmt}"
        source.write_bytes(data)
        outdir = Path(tmp) / "out"
        outdir.mkdir()
        converted = soffice_convert(source, "docx", outdir, limits.soffice_timeout)
        if converted is not None:
            return read_docx(converted.read_bytes(), filename, limits, fmt=fmt)
        try:
            return read_msdoc(data, filename, fmt, limits)
        except ExtractError as exc:
            if exc.code != "unreadable_manuscript":
                raise
            log.info("native .%s reader failed: %s", fmt, exc.detail)
            native = exc.detail
        text = _catdoc(source, limits.timeout_seconds)
    if text is None:
        raise ExtractError("unreadable_manuscript", f"could not read .{fmt}: {native} (LibreOffice and catdoc failed)")
    return read_text(text, filename, fmt=fmt)
