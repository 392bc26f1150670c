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

import hashlib
import hmac
import os
from dataclasses import dataclass, field
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr, formatdate
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from intake.classify import LOOP_TAG

SMTP_POLICY = compat32.clone(linesep="\r\n")


def templates_dir() -> Path:
    """INTAKE_TEMPLATES_DIR, else the repository's `templates/`, else ./templates."""
    configured = os.environ.get("INTAKE_TEMPLATES_DIR")
    if configured:
        return Path(configured)
    beside = Path(__file__).resolve().parent.parent / "templates"
    return beside if beside.is_dir() else Path.cwd() / "templates"


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
    return env


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


def attachment_part(item: FilePart) -> MIMEBase:
    maintype, _, subtype = item.content_type.partition("/")
    part = MIMEBase(maintype or "application", subtype or "octet-stream")
    part.set_payload(item.data)
    encoders.encode_base64(part)
    ascii_name = item.filename.isascii()
    name = item.filename if ascii_name else Header(item.filename, "utf-8").encode(linesep=" ")
    part.set_param("name", name)
    if item.content_id:
        part.add_header("Content-ID", f"<{item.content_id}>")
        part.add_header("Content-Disposition", "inline", filename=_rfc2231(item.filename))
    else:
        part.add_header("Content-Disposition", "attachment", filename=_rfc2231(item.filename))
    return part


def _rfc2231(filename: str) -> str | tuple[str, str, str]:
    return filename if filename.isascii() else ("utf-8", "", filename)


def compose(envelope: Envelope, rendered: Rendered, files: tuple[FilePart, ...] = ()) -> bytes:
    """The complete mail as bytes: text + HTML alternatives, inline images, attachments."""
    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(rendered.text, "plain", "utf-8"))
    inline = [f for f in files if f.content_id]
    html_part: MIMEBase = MIMEText(rendered.html, "html", "utf-8")
    if inline:
        related = MIMEMultipart("related")
        related.attach(html_part)
        for item in inline:
            related.attach(attachment_part(item))
        html_part = related
    alternative.attach(html_part)
    attached = [f for f in files if not f.content_id]
    root: MIMEBase = alternative
    if attached:
        root = MIMEMultipart("mixed")
        root.attach(alternative)
        for item in attached:
            root.attach(attachment_part(item))
    _headers(root, envelope, rendered.subject)
    return root.as_bytes(policy=SMTP_POLICY)  # CRLF: smtplib sends bytes as they are


def _headers(msg: MIMEBase, envelope: Envelope, subject: str) -> None:
    msg["From"] = formataddr((envelope.sender_name, envelope.sender))
    msg["To"] = ", ".join(envelope.recipients)
    msg["Subject"] = Header(subject, "utf-8", header_name="Subject")  # type: ignore[assignment]
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = envelope.message_id
    if envelope.in_reply_to:
        msg["In-Reply-To"] = envelope.in_reply_to
        msg["References"] = " ".join((*envelope.references, envelope.in_reply_to)[-10:])
    msg["Auto-Submitted"] = envelope.auto_submitted
    msg["X-Auto-Response-Suppress"] = "All"
    msg["X-Loop"] = envelope.sender
    msg["X-Mailer"] = LOOP_TAG
    if envelope.tracking_id:
        msg["X-Intake-Tracking-Id"] = envelope.tracking_id
    for name, value in envelope.extra_headers.items():
        msg[name] = value
