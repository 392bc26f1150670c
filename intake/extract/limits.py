"""Resource limits for extraction: every size, count and time bound in one value."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class ExtractLimits:
    """Bounds that keep a hostile or broken attachment from exhausting the worker."""

    max_attachment_bytes: int = 50 * MIB
    max_archive_members: int = 200
    max_archive_total_bytes: int = 200 * MIB
    max_compression_ratio: int = 100
    max_image_pixels: int = 180_000_000
    timeout_seconds: float = 120  # the whole extraction (deadline.py); also caps catdoc and the PDF page loop
    soffice_timeout: int = 90  # one LibreOffice conversion
