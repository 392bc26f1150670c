"""Expand archive attachments into Attachment values within limits.

.zip is read with zipfile; .rar (RAR 4 and 5), .7z and tar archives with libarchive when the
system library is installed (Debian: libarchive13), else they are reported as not read. Both
paths apply the same limits: member count, total uncompressed size, compression ratio, and no
member larger than an attachment may be; a libarchive stream is cut off as soon as it crosses
one, so a bomb is never inflated.

Member names are display text only (never filesystem paths): GBK names written without the
UTF-8 flag are re-decoded (zipfile reads them as cp437), and absolute or ".." names make
the whole archive unsafe because only an attack needs them.
"""

from __future__ import annotations

import ctypes
import functools
import io
import logging
import mimetypes
import zipfile
from collections.abc import Iterator
from typing import Any

from intake.extract.limits import MIB, ExtractLimits
from intake.models import Attachment, Finding
from intake.text import decode_name

ARCHIVE_EXTENSIONS = frozenset({"zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz"})
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_RATIO_FLOOR = MIB  # small members may compress extremely well (blank XML) without being bombs
_JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")
log = logging.getLogger(__name__)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's real name from the cp437-decoded bytes zipfile gives us: without the UTF-8
    flag the bytes are GBK (old Windows tools) or UTF-8 (macOS), see decode_name."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    return decode_name(raw) or info.filename


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


def _unsafe(attachment: Attachment, detail: str) -> Finding:
    return Finding.stop("unsafe_attachment", detail, {"filename": attachment.filename})


def expand_zip(attachment: Attachment, limits: ExtractLimits) -> tuple[list[Attachment], list[Finding]]:
    """Members of a .zip attachment (nested archives are reported, not expanded)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(attachment.payload))
    except (zipfile.BadZipFile, ValueError) as exc:
        return [], [Finding("unsupported_attachment", f"corrupt zip: {exc}",
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
) -> tuple[list[Attachment], list[Finding]]:
    out: list[Attachment] = []
    reasons: list[Finding] = []
    for info, name in zip(infos, names, strict=True):
        base = _base(name)
        if _junk(name):
            continue
        skip = _not_expanded(base, bool(info.flag_bits & _ENCRYPTED_FLAG))
        if skip:
            reasons.append(skip)
            continue
        try:
            data = _read(zf, info, limits)
        except (ValueError, zipfile.BadZipFile, OSError, EOFError) as exc:
            return [], [_unsafe(attachment, str(exc))]
        out.append(Attachment(base, _content_type(base), data))
    return out, reasons


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def _junk(name: str) -> bool:
    base = _base(name)
    return name.startswith(_JUNK[0]) or base in _JUNK or base.startswith("._")


def _not_expanded(base: str, encrypted: bool) -> Finding | None:
    """The warning for a member that is skipped: encrypted, or an archive inside the archive."""
    ext = base.lower().rsplit(".", 1)[-1] if "." in base else ""
    if encrypted or ext in ARCHIVE_EXTENSIONS:
        why = "encrypted archive member" if encrypted else "nested archive not expanded"
        return Finding("unsupported_attachment", why, {"filename": base})
    return None


@functools.cache
def _libarchive() -> Any:
    """The libarchive binding, or None when the system library (or libarchive-c) is missing."""
    try:  # optional at run time: needs the system libarchive
        import libarchive
        import libarchive.ffi
    except (ImportError, OSError, AttributeError):
        return None
    is_encrypted = libarchive.ffi.libarchive.archive_entry_is_encrypted
    is_encrypted.argtypes, is_encrypted.restype = [ctypes.c_void_p], ctypes.c_int
    return libarchive


# libarchive's reader by signature: its "all" bidding can take a damaged RAR for the zip of a
# .docx stored inside it; anything else (tar, a renamed zip) is left to the bidding
_SIGNATURES = ((b"Rar!\x1a\x07\x01\x00", "rar5"), (b"Rar!\x1a\x07\x00", "rar"), (b"7z\xbc\xaf\x27\x1c", "7zip"))


def _format(payload: bytes) -> str:
    return next((name for magic, name in _SIGNATURES if payload.startswith(magic)), "all")


class _Bomb(Exception):
    """An archive crossed a limit while it was being read."""


def _entry_name(lib: Any, entry: Any) -> str:
    raw = lib.ffi.entry_pathname(entry._entry_p)  # bytes as stored: GBK in RAR 4 from Chinese Windows
    wide = entry.pathname if isinstance(entry.pathname, str) else None
    if raw is None:
        return wide or ""
    return decode_name(raw) or wide or raw.decode("utf-8", "replace")


def _entry_encrypted(lib: Any, entry: Any) -> bool:
    return bool(lib.ffi.libarchive.archive_entry_is_encrypted(entry._entry_p) > 0)


def _read_entry(entry: Any, budget: int, cap: int) -> Iterator[bytes]:
    """The member's bytes, never more than `cap` for it nor `budget` for what is left overall."""
    size = 0
    for block in entry.get_blocks():
        size += len(block)
        if size > cap:
            raise _Bomb("member larger than the attachment limit")
        if size > budget:
            raise _Bomb("archive inflates beyond its limits")
        yield block


def expand_libarchive(attachment: Attachment, limits: ExtractLimits) -> tuple[list[Attachment], list[Finding]]:
    """Members of a .rar/.7z/tar archive read with libarchive, under the limits of a .zip."""
    lib = _libarchive()
    if lib is None:
        return [], [Finding("unsupported_attachment", f".{attachment.extension} archives are not read "
                           "(libarchive not installed)", {"filename": attachment.filename})]
    # total output: the size limit, and the ratio limit once past the floor small archives get
    budget = min(limits.max_archive_total_bytes,
                 max(_RATIO_FLOOR, len(attachment.payload) * limits.max_compression_ratio))
    out: list[Attachment] = []
    reasons: list[Finding] = []
    count = 0
    try:
        with lib.memory_reader(attachment.payload, format_name=_format(attachment.payload)) as archive:
            for entry in archive:
                name = _entry_name(lib, entry)
                if not entry.isfile or _junk(name):
                    continue
                count += 1
                if count > limits.max_archive_members:
                    raise _Bomb(f"more than {limits.max_archive_members} members")
                if _unsafe_name(name):
                    return [], [_unsafe(attachment, f"member path not allowed: {name}")]
                skip = _not_expanded(_base(name), _entry_encrypted(lib, entry))
                if skip:
                    reasons.append(skip)
                    continue
                data = b"".join(_read_entry(entry, budget, limits.max_attachment_bytes))
                budget -= len(data)
                out.append(Attachment(_base(name), _content_type(_base(name)), data))
    except _Bomb as exc:
        return [], [_unsafe(attachment, str(exc))]
    except lib.ArchiveError as exc:
        log.warning("%s: libarchive: %s", attachment.filename, exc)
        return [], [Finding("unsupported_attachment", f"unreadable archive: {exc}",
                           {"filename": attachment.filename})]
    return out, reasons


def expand(attachment: Attachment, limits: ExtractLimits) -> tuple[list[Attachment], list[Finding]]:
    """Expand one archive attachment; formats without an installed reader become a warning."""
    if attachment.extension == "zip":
        return expand_zip(attachment, limits)
    return expand_libarchive(attachment, limits)
