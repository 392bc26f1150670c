"""Fixtures for the extraction tests: files converted by LibreOffice once per session."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `import extract_helpers`

import extract_helpers as h

SOFFICE = shutil.which("soffice")


def _convert(source: bytes, src_ext: str, target_ext: str, tmp: Path) -> bytes:
    tmp.mkdir(parents=True, exist_ok=True)
    src = tmp / f"sample.{src_ext}"
    src.write_bytes(source)
    profile = tmp / "profile"
    subprocess.run(
        [str(SOFFICE), "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", target_ext,
         "--outdir", str(tmp), str(src)],
        check=True, capture_output=True, timeout=120,
    )
    return (tmp / f"sample.{target_ext}").read_bytes()


@pytest.fixture(scope="session")
def lo_tmp() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="intake-test-lo-") as tmp:
        yield Path(tmp)


@pytest.fixture(scope="session")
def sample_pdf(lo_tmp: Path) -> bytes:
    """The sample manuscript (with one picture) as a LibreOffice PDF."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")
    return _convert(h.sample_docx(), "docx", "pdf", lo_tmp / "pdf")


@pytest.fixture(scope="session")
def sample_doc(lo_tmp: Path) -> bytes:
    """The sample manuscript saved by LibreOffice as a legacy Word .doc."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")
    return _convert(h.sample_docx(), "docx", "doc", lo_tmp / "doc")


@pytest.fixture(scope="session")
def form_doc(lo_tmp: Path) -> bytes:
    """A manuscript whose metadata sits in a 投稿信息表, saved by LibreOffice as a .doc."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")
    return _convert(h.form_docx(h.FORM), "docx", "doc", lo_tmp / "form")
