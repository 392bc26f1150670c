"""What must hold after a hostile mail was processed: a recorded terminal state, well-formed
outgoing mail with no injected header or recipient, safe attachment names, nothing written
outside the data dir. Each check returns a list of problems (empty: fine), so one test reports
everything that went wrong at once.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import email.utils
import json
import re
from email.header import decode_header, make_header
from email.message import Message
from email.policy import compat32
from email.utils import getaddresses
from pathlib import Path
from typing import Any

from sqlalchemy import select

from intake.tables import Message as MessageRow
from intake.tables import Notice
from tests.hostile.harness import Harness
from tests.hostile.mails import EVIL, EVIL_ADDR, EVIL_HEADER, TRAVERSAL_TOKEN

# What our outgoing mails carry (intake/notices.py `_headers`, plus the file outbox's envelope lines).
TOP_HEADERS = frozenset({
    "From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References", "Auto-Submitted",
    "X-Auto-Response-Suppress", "X-Loop", "X-Mailer", "X-Intake-Tracking-Id", "MIME-Version", "Content-Type",
    "Content-Transfer-Encoding", "X-Envelope-From", "X-Envelope-To",
})
PART_HEADERS = frozenset({"Content-Type", "Content-Transfer-Encoding", "MIME-Version", "Content-Disposition",
                          "Content-ID"})
HUGE_HEADER = 32_000
MANY_PARTS = 300
BAD_NAME_CHARS = frozenset("/\\\x00\r\n")
TERMINAL_MESSAGE_STATES = frozenset({"processed", "failed"})
_ADDRESS = re.compile(r"^[^\s@<>,;:\"]+@[^\s@<>,;:\"]+$")


def message_state(harness: Harness, message_id: int) -> tuple[str, str | None, str | None]:
    with harness.runtime.store.session() as s:
        msg = s.get_one(MessageRow, message_id)
        return msg.status, msg.outcome, msg.error


def notice_states(harness: Harness, message_id: int) -> list[tuple[str, str]]:
    with harness.runtime.store.session() as s:
        return [(n.kind, n.status) for n in s.scalars(select(Notice).where(Notice.message_id == message_id))]


def _decoded(value: object) -> str:
    """A parameter as text: RFC 2231 collapsed, RFC 2047 words decoded (best effort)."""
    if isinstance(value, tuple):
        value = email.utils.collapse_rfc2231_value(value)
    text = str(value)
    try:
        return str(make_header(decode_header(text)))
    except (LookupError, UnicodeError, ValueError, email.errors.HeaderParseError):
        return text


def _header_problems(msg: Message, label: str, top_allowed: frozenset[str]) -> list[str]:
    problems: list[str] = []
    top = set(msg.keys())
    if top - top_allowed:
        problems.append(f"{label}: unexpected top-level header(s) {sorted(top - top_allowed)}")
    for name in ("From", "To", "Subject", "Message-ID", "Date"):
        if len(msg.get_all(name) or []) != 1:
            problems.append(f"{label}: {name} present {len(msg.get_all(name) or [])} times")
    for part in msg.walk():
        if part is msg:
            continue
        extra = set(part.keys()) - PART_HEADERS
        if extra:
            problems.append(f"{label}: unexpected MIME part header(s) {sorted(extra)}")
    return problems


def check_outgoing_mail(raw: bytes, label: str) -> list[str]:
    """One .eml of the outbox: wire format, header set, recipients, attachment names."""
    problems: list[str] = []
    if b"\r" in raw.replace(b"\r\n", b"") or b"\n" in raw.replace(b"\r\n", b""):
        problems.append(f"{label}: bare CR or LF (CRLF line ends only)")
    long_lines = [len(line) for line in raw.split(b"\r\n") if len(line) > 998]
    if long_lines:
        problems.append(f"{label}: {len(long_lines)} line(s) over 998 octets (longest {max(long_lines)})")
    # compat32 first: it is linear on any input and keeps undecodable header bytes as surrogates
    legacy = email.message_from_bytes(raw, policy=compat32)
    for part in legacy.walk():
        for name, value in part.raw_items():
            if not (name.isascii() and str(value).isascii()):
                problems.append(f"{label}: non-ASCII header {name!r}: {str(value)[:80]!r}")
    problems += _header_problems(legacy, label, TOP_HEADERS)
    for part in legacy.walk():
        for value in (part.get_filename(), part.get_param("name")):
            name = _decoded(value) if value else ""
            if BAD_NAME_CHARS & set(name):
                problems.append(f"{label}: attachment name with / \\ NUL CR or LF: {name[:120]!r}")
    recipients = getaddresses([str(v) for v in (legacy.get_all("To") or [])] + [
        str(v) for v in (legacy.get_all("X-Envelope-To") or [])])
    for _name, addr in recipients:
        if addr.lower() == EVIL_ADDR or not _ADDRESS.match(addr):
            problems.append(f"{label}: recipient {addr!r} is not the one sender address it should be")
    for name in ("Cc", "Bcc", "Reply-To", "Resent-To", EVIL_HEADER):
        if name in legacy:
            problems.append(f"{label}: attacker header {name}: {str(legacy[name])[:80]!r}")
    longest_header = max((len(str(v)) for part in legacy.walk() for _n, v in part.raw_items()), default=0)
    if long_lines or longest_header > HUGE_HEADER or sum(1 for _ in legacy.walk()) > MANY_PARTS:
        # email.policy.default's header parser is superlinear on megabyte headers (minutes, GBs) and
        # slow on thousands of parts: such a mail is checked with compat32 only (above)
        return problems
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    problems += _header_problems(msg, label + " (policy.default)", TOP_HEADERS)
    for part in msg.walk():
        for defect in part.defects:
            problems.append(f"{label}: parser defect {type(defect).__name__}: {defect}")
        name = part.get_filename() or ""
        if BAD_NAME_CHARS & set(name):
            problems.append(f"{label}: attachment name with / \\ NUL CR or LF: {name[:120]!r}")
    return problems


def check_outbox(harness: Harness, message_id: int) -> list[str]:
    """Every notice of this message was delivered to the file outbox, and each file is well-formed."""
    problems: list[str] = []
    files = harness.outbox_files()
    states = notice_states(harness, message_id)
    if any(status != "sent" for _kind, status in states):
        problems.append(f"notices not all sent: {states}")
    if len(files) != len(states):
        problems.append(f"{len(states)} notices but {len(files)} outbox files")
    for path in files:
        problems += check_outgoing_mail(path.read_bytes(), path.name)
    return problems


def outbox_text(harness: Harness) -> str:
    """All outgoing mail as text: raw bytes plus every decoded text part and attachment."""
    chunks: list[str] = []
    for path in harness.outbox_files():
        raw = path.read_bytes()
        chunks.append(raw.decode("ascii", "replace"))
        for part in email.message_from_bytes(raw, policy=compat32).walk():
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True) or b""
            chunks.append(payload.decode("utf-8", "replace"))
    return "\n".join(chunks)


def check_forbidden(harness: Harness, result: Any, forbidden: tuple[str, ...]) -> list[str]:
    problems = []
    text = outbox_text(harness) + "\n" + json.dumps(result, ensure_ascii=False)
    for needle in forbidden:
        if needle in text:
            problems.append(f"forbidden content leaked into the outbox or the result: {needle[:60]!r}")
    return problems


_DATA_FILE = re.compile(
    r"^(intake\.sqlite3(-wal|-shm|-journal)?|secret\.key|raw/[0-9a-f]{2}/[0-9a-f]{62}|outbox/[0-9]+-[a-z_]+\.eml)$")


def check_no_stray_files(harness: Harness) -> list[str]:
    """Nothing outside the data dir, nothing in it but the database, blobs and outbox files; no traversal."""
    problems: list[str] = []
    for path in harness.root.rglob("*"):
        if path.is_dir():
            continue
        try:
            rel = path.relative_to(harness.data_dir).as_posix()
        except ValueError:
            problems.append(f"file written outside the data dir: {path}")
            continue
        if not _DATA_FILE.match(rel):
            problems.append(f"unexpected file in the data dir: {rel}")
    for place in (Path("/tmp"), Path.cwd(), harness.root.parent, harness.data_dir.parent.parent, Path("/etc/cron.d")):
        if place.is_dir():
            problems += [f"traversal: {p} exists" for p in place.glob(f"*{TRAVERSAL_TOKEN}*")]
    return problems


def check_result_contract(result: Any) -> list[str]:
    """The JSON contract (DESIGN.md §4) still holds for a hostile mail's result."""
    problems: list[str] = []
    try:
        json.dumps(result)
    except (TypeError, ValueError) as exc:
        problems.append(f"result is not JSON: {exc}")
    if not isinstance(result, dict):
        return [*problems, f"result is not an object: {type(result).__name__}"]
    for key in ("message_id", "tracking_id", "outcome", "reason", "draft", "missing", "warnings", "notifications"):
        if key not in result:
            problems.append(f"result lacks {key!r}")
    if result.get("outcome") == "rejected" and not result.get("reason"):
        problems.append("rejected without a reason code")
    for item in result.get("notifications") or []:
        for addr in item.get("to") or []:
            if any(e.lower() in str(addr).lower() for e in EVIL) or not _ADDRESS.match(str(addr)):
                problems.append(f"notification to {addr!r}")
    return problems
