"""Expand .zip attachments into Attachment values within limits; .rar/.7z are reported, not read.

Member names are display text only (never filesystem paths): GBK names written without the
UTF-8 flag are re-decoded (zipfile reads them as cp437), and absolute or ".." names make
the whole archive unsafe because only an attack needs them.
"""

from __future__ import annotations

import io
import mimetypes
import re
import zipfile

from intake.extract.limits import MIB, ExtractLimits
from intake.models import Attachment, Reason

ARCHIVE_EXTENSIONS = frozenset({"zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz"})
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_RATIO_FLOOR = MIB  # small members may compress extremely well (blank XML) without being bombs
_CJK = re.compile(r"[\u4e00-\u9fff]")
_JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's real name from the cp437-decoded bytes zipfile gives us.

    Without the UTF-8 flag the bytes are GBK (old Windows tools) or UTF-8 (macOS). Short GBK
    names can also be valid UTF-8 ("图" is CD BC, i.e. "ͼ"), so UTF-8 wins only when it yields CJK.
    """
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    try:
        as_utf8 = raw.decode("utf-8")
        if raw.isascii() or _CJK.search(as_utf8):
            return as_utf8
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return info.filename


def _unsafe_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts


def zip_limit_problem(infos: list[zipfile.ZipInfo], limits: ExtractLimits) -> str | None:
    """Why these members break the limits (count, total size, compression ratio), or None."""
    if len(infos) > limits.max_archive_members:
        return f"{len(infos)} members (limit {limits.max_archive_members})"
    total = sum(i.file_size for i in infos)
    if total > limits.max_archive_total_bytes:
        return f"{total} bytes uncompressed (limit {limits.max_archive_total_bytes})"
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_compression_ratio:
            return f"member compression ratio {ratio:.0f} (limit {limits.max_compression_ratio})"
    return None


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ExtractLimits) -> bytes:
    """Read a member but never more than it declared (headers can lie) nor the attachment limit."""
    cap = min(info.file_size, limits.max_attachment_bytes)
    with zf.open(info) as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise ValueError(f"member larger than declared or allowed: {member_name(info)}")
    return data


def _content_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _unsafe(attachment: Attachment, detail: str) -> Reason:
    return Reason("unsafe_attachment", "reject", detail, {"filename": attachment.filename})


def expand_zip(attachment: Attachment, limits: ExtractLimits) -> tuple[list[Attachment], list[Reason]]:
    """Members of a .zip attachment (nested archives are reported, not expanded)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(attachment.payload))
    except (zipfile.BadZipFile, ValueError) as exc:
        return [], [Reason("unsupported_attachment", "warning", f"corrupt zip: {exc}",
                           {"filename": attachment.filename})]
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        names = [member_name(i) for i in infos]
        bad = [n for n in names if _unsafe_name(n)]
        if bad:
            return [], [_unsafe(attachment, f"member path not allowed: {bad[0]}")]
        problem = zip_limit_problem(infos, limits)
        if problem:
            return [], [_unsafe(attachment, problem)]
        return _members(zf, infos, names, attachment, limits)


def _members(
    zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], names: list[str], attachment: Attachment,
    limits: ExtractLimits,
) -> tuple[list[Attachment], list[Reason]]:
    out: list[Attachment] = []
    reasons: list[Reason] = []
    for info, name in zip(infos, names, strict=True):
        base = name.replace("\\", "/").rsplit("/", 1)[-1]
        if name.startswith(_JUNK[0]) or base in _JUNK or base.startswith("._"):
            continue
        ext = base.lower().rsplit(".", 1)[-1] if "." in base else ""
        if info.flag_bits & _ENCRYPTED_FLAG or ext in ARCHIVE_EXTENSIONS:
            why = "encrypted zip member" if info.flag_bits & _ENCRYPTED_FLAG else "nested archive not expanded"
            reasons.append(Reason("unsupported_attachment", "warning", why, {"filename": base}))
            continue
        try:
            data = _read(zf, info, limits)
        except (ValueError, zipfile.BadZipFile, OSError, EOFError) as exc:
            return [], [_unsafe(attachment, str(exc))]
        out.append(Attachment(base, _content_type(base), data))
    return out, reasons


def expand(attachment: Attachment, limits: ExtractLimits) -> tuple[list[Attachment], list[Reason]]:
    """Expand one archive attachment; formats without an installed reader become a warning."""
    if attachment.extension == "zip":
        return expand_zip(attachment, limits)
    return [], [Reason("unsupported_attachment", "warning", f".{attachment.extension} archives are not read",
                       {"filename": attachment.filename})]
