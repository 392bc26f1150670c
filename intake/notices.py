"""Render outgoing mail from `templates/` with Jinja2 and compose it as MIME bytes.

Every automatic mail carries RFC 3834 headers, a deterministic Message-ID
keyed with the deployment's secret over the notice's idempotency key (so a
resend after a crash is recognisably the same mail, and nobody without the
secret can predict it), In-Reply-To/References to the contributor's
mail, and the tracking id in the subject. Chinese attachment names go out
both as RFC 2231 `filename*=` and as an RFC 2047 `name=` (QQ mail reads only
the latter).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import os
import re
import secrets
from dataclasses import dataclass, field
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr, formatdate
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote

import jinja2

from intake.classify import LOOP_TAG
from intake.fields import KEYS, wording
from intake.text import one_line, safe_filename

SMTP_POLICY = compat32.clone(linesep="\r\n")


def templates_dir() -> Path:
    """INTAKE_TEMPLATES_DIR, else the repository's `templates/` beside the package (a source checkout or an
    editable install), else the copy installed with the package (`intake/templates/` in the wheel)."""
    configured = os.environ.get("INTAKE_TEMPLATES_DIR")
    if configured:
        return Path(configured)
    package = Path(__file__).resolve().parent
    checkout = package.parent / "templates"
    if (checkout / "draft.html.j2").is_file():  # not any `templates/` that happens to sit in site-packages
        return checkout
    return package / "templates"


def filesize(value: int | None) -> str:
    size = float(value or 0)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def join_authors(value: list[str] | tuple[str, ...] | None) -> str:
    return "、".join(value or [])


@lru_cache(maxsize=4)
def environment(root: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(root),
        autoescape=lambda name: name is not None and name.endswith(".html.j2"),
        undefined=jinja2.StrictUndefined,
    )
    env.filters["filesize"] = filesize
    env.filters["join_authors"] = join_authors
    env.globals.update(template_globals())
    return env


def template_globals() -> dict[str, Any]:
    """What every template may read besides its context: the fields of intake.fields in notice
    order and their name and example in each language."""
    return {"field_keys": list(KEYS), "field_wording": {lang: wording(lang) for lang in ("zh-CN", "en")}}


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render(kind: str, lang: str, context: dict[str, Any]) -> Rendered:
    env = environment(str(templates_dir()))
    ctx = {"lang": lang, **context}
    subject = env.get_template(f"{lang}/{kind}.subject.j2").render(ctx)
    return Rendered(
        subject=" ".join(subject.split()),
        text=env.get_template(f"{lang}/{kind}.txt.j2").render(ctx),
        html=env.get_template(f"{lang}/{kind}.html.j2").render(ctx),
    )


def render_draft_page(context: dict[str, Any]) -> str:
    return environment(str(templates_dir())).get_template("draft.html.j2").render(context)


@dataclass(frozen=True)
class FilePart:
    filename: str
    content_type: str
    data: bytes
    content_id: str | None = None  # inline (cid:) when set


@dataclass(frozen=True)
class Envelope:
    """Addressing and threading of one outgoing mail."""

    sender: str
    sender_name: str
    recipients: tuple[str, ...]
    idempotency_key: str
    tracking_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...] = ()
    auto_submitted: str = "auto-replied"
    extra_headers: dict[str, str] = field(default_factory=dict)
    secret: bytes = field(default=b"", repr=False)  # INTAKE_SECRET_KEY (intake.secret)

    @property
    def message_id(self) -> str:
        """`<intake.{HMAC-SHA256(secret, idempotency key), 128 bits hex}@our domain>`."""
        if not self.secret:
            raise ValueError("Envelope.secret is empty: our Message-IDs are keyed with INTAKE_SECRET_KEY")
        digest = hmac.new(self.secret, self.idempotency_key.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
        domain = self.sender.rsplit("@", 1)[-1]
        return f"<intake.{digest}@{domain}>"


def file_part(item: FilePart) -> tuple[MIMEBase, bytes]:
    """One file as a base64 leaf part: its headers (the body stays empty: `compose_into` encodes
    the bytes as it writes them) and the bytes. A mail or a multipart (a forwarded submission) goes
    as an `.eml` file: message/* may not be base64-encoded (RFC 2046 §5.2.1), and sent unencoded its
    8-bit bytes, bare LFs and long lines would be refused by a strict server."""
    maintype, _, subtype = item.content_type.partition("/")
    if maintype.lower() in ("message", "multipart"):
        stem = item.filename.rsplit(".", 1)[0] if item.filename.lower().endswith(".eml") else item.filename
        item = FilePart(f"{stem}.eml", "application/octet-stream", item.data, item.content_id)
        maintype, subtype = "application", "octet-stream"
    part = MIMEBase(maintype or "application", subtype or "octet-stream")
    part["Content-Transfer-Encoding"] = "base64"
    filename = safe_filename(item.filename)
    plain = _plain_param(filename)
    # QQ mail reads only an RFC 2047 `name=`; everyone else the RFC 2231 `filename*=`.
    part.set_param("name", filename if plain else Header(filename, "utf-8").encode(linesep="\n "))
    disposition = "inline" if item.content_id else "attachment"
    if item.content_id:
        part.add_header("Content-ID", f"<{one_line(item.content_id)}>")
    if plain:
        part.add_header("Content-Disposition", disposition, filename=filename)
    else:
        part["Content-Disposition"] = disposition + ";" + rfc2231_sections("filename", filename)
    return part, item.data


_PLAIN_PARAM = re.compile(r"[A-Za-z0-9!#$%&'*+\-.^_`|~ ()\[\],@=]{1,60}")


def _plain_param(value: str) -> bool:
    return bool(_PLAIN_PARAM.fullmatch(value))


def rfc2231_sections(name: str, value: str, width: int = 60) -> str:
    """`name*0*=utf-8''…; name*1*=…` folded one section per line (RFC 2231 §3-4), so no line
    grows with the length of the value; sections end on character boundaries."""
    whole = quote(value.encode("utf-8"), safe="")
    if len(whole) <= 150:  # short enough for one line: the form every client reads
        return f"\n {name}*=utf-8''{whole}"
    sections: list[str] = []
    current = ""
    for char in value:
        piece = quote(char.encode("utf-8"), safe="")
        if current and len(current) + len(piece) > width:
            sections.append(current)
            current = ""
        current += piece
    sections.append(current)
    prefix = "utf-8''"
    return ";".join(f"\n {name}*{i}*={prefix if i == 0 else ''}{text}" for i, text in enumerate(sections))


def compose(envelope: Envelope, rendered: Rendered, files: tuple[FilePart, ...] = ()) -> bytes:
    """The complete mail as bytes (for small mails: `compose_into` writes a large one to a file)."""
    out = io.BytesIO()
    compose_into(out, envelope, rendered, files)
    return out.getvalue()


def compose_into(out: BinaryIO, envelope: Envelope, rendered: Rendered, files: tuple[FilePart, ...] = ()) -> int:
    """Write the complete mail to `out` (text + HTML alternatives, inline images, attachments) and
    return its size in bytes.

    The text and HTML parts are built by the email package; the files are not: each is base64-encoded
    a block at a time straight into `out` (76-character lines, CRLF), below headers the email package
    folds as it always does, between multipart boundaries chosen beforehand. So a notice with 25 MB of
    photos is never held in memory as a MIME tree, as base64 text or as bytes."""
    inline = [f for f in files if f.content_id]
    html: _Part = _Part(MIMEText(rendered.html, "html", "utf-8"))
    if inline:
        html = _multipart("related", [html, *(_Part(*file_part(item)) for item in inline)])
    root = _multipart("alternative", [_Part(MIMEText(rendered.text, "plain", "utf-8")), html])
    attached = [f for f in files if not f.content_id]
    if attached:
        root = _multipart("mixed", [root, *(_Part(*file_part(item)) for item in attached)])
    _headers(root.head, envelope, rendered.subject)
    return root.write(out)


_CRLF = b"\r\n"
_B64_LINE = 57  # bytes per 76-character base64 line (RFC 2045 §6.8)
_B64_BLOCK = 1024 * _B64_LINE  # encoded in one go: 57 KiB in, 78 KiB out


@dataclass
class _Part:
    """One MIME part as `compose_into` writes it. `head` is an email package part: a multipart's
    headers (its parts are in `parts`), a file's headers (its bytes are `data`), or a whole small
    text part (headers and body)."""

    head: MIMEBase
    data: bytes | None = None
    parts: list[_Part] = field(default_factory=list)

    def write(self, out: BinaryIO) -> int:
        if self.parts:
            boundary = self.head.get_boundary()
            assert boundary is not None
            delimiter = b"--" + boundary.encode("ascii")
            written = out.write(self._header_block() + delimiter + _CRLF)
            for i, part in enumerate(self.parts):
                if i:
                    written += out.write(_CRLF + delimiter + _CRLF)
                written += part.write(out)
            return written + out.write(_CRLF + delimiter + b"--" + _CRLF)
        if self.data is None:  # a small text part: the email package writes it whole
            return out.write(self.head.as_bytes(policy=SMTP_POLICY))
        return out.write(self._header_block()) + _write_base64(out, self.data)

    def _header_block(self) -> bytes:
        """The headers as the email package's BytesGenerator writes them, then the blank line."""
        return b"".join(SMTP_POLICY.fold_binary(name, value) for name, value in self.head.raw_items()) + _CRLF


def _multipart(subtype: str, parts: list[_Part]) -> _Part:
    # The boundary is chosen before anything is written, in the email package's form ("=" * 15, 19
    # random digits, "=="): no base64 line and no header line can begin with "--=".
    boundary = f"{'=' * 15}{secrets.randbelow(10**19):019d}=="
    return _Part(MIMEMultipart(subtype, boundary=boundary), parts=parts)


def _write_base64(out: BinaryIO, data: bytes) -> int:
    """`data` as base64 lines of 76 characters, each ended by CRLF (what email.encoders writes)."""
    view, written = memoryview(data), 0
    for start in range(0, len(view), _B64_BLOCK):
        encoded = base64.b64encode(view[start:start + _B64_BLOCK])
        lines = [encoded[i:i + 76] for i in range(0, len(encoded), 76)]
        written += out.write(_CRLF.join(lines) + _CRLF)
    return written


_MSGID = re.compile(r"<[\x21-\x3b\x3d\x3f-\x7e]{1,250}>")
_ADDRESS = re.compile(r"[\x21-\x7e]{1,254}")
MAX_SUBJECT = 250


def _msgids(values: tuple[str | None, ...]) -> list[str]:
    """Only well-formed, bounded Message-IDs of other mails are echoed into ours (no header injection)."""
    return [v for v in values if v and _MSGID.fullmatch(v)]


def _address(value: str) -> str:
    if not _ADDRESS.fullmatch(value) or "<" in value or ">" in value or "," in value:
        raise ValueError(f"not a sendable address: {value!r}")
    return value


def _headers(msg: MIMEBase, envelope: Envelope, subject: str) -> None:
    msg["From"] = formataddr((one_line(envelope.sender_name), _address(envelope.sender)))
    msg["To"] = ", ".join(_address(r) for r in envelope.recipients)
    msg["Subject"] = Header(one_line(subject)[:MAX_SUBJECT], "utf-8", header_name="Subject")  # type: ignore[assignment]
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = envelope.message_id
    parent = _msgids((envelope.in_reply_to,))
    if parent:
        msg["In-Reply-To"] = parent[0]
        msg["References"] = "\n ".join(_msgids((*envelope.references, parent[0]))[-10:])
    msg["Auto-Submitted"] = envelope.auto_submitted
    msg["X-Auto-Response-Suppress"] = "All"
    msg["X-Loop"] = envelope.sender
    msg["X-Mailer"] = LOOP_TAG
    if envelope.tracking_id:
        msg["X-Intake-Tracking-Id"] = envelope.tracking_id
    for name, value in envelope.extra_headers.items():
        msg[name] = one_line(value)
