"""The end-to-end probe: a test mail through the whole path, measured (INTAKE_PROBE_INTERVAL).

Every interval the poller sends a probe mail to the submission address (over the SMTP relay; into
the Maildir directly when the mailbox is a local Maildir). It carries `X-Intake-Probe:
<token>.<mac>` signed with INTAKE_SECRET_KEY. When the pipeline meets it (`answer`), it records
the message as ignored / probe and writes the acknowledgement to the outbox like any notice, sent
to the submission address itself (where the loop rule files it away unanswered). The probe
succeeds when that acknowledgement is sent within INTAKE_PROBE_TIMEOUT: mailbox, poller, broker,
worker, database, outbox and relay all took part. A forged probe header is an ordinary mail.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import mailbox
import secrets
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from intake.clock import aware
from intake.config import Settings
from intake.models import ParsedMail
from intake.secret import require_secret
from intake.states import MessageStatus, NoticeStatus
from intake.store import Store, Tx
from intake.store.events import newest_events
from intake.store.notices import notice_by_key, notice_id_by_key
from intake.tables import Event, Message, Notice, utcnow

log = logging.getLogger(__name__)
HEADER = "X-Intake-Probe"
KIND = "probe"


def _mac(secret: bytes, token: str) -> str:
    return hmac.new(secret, f"probe:{token}".encode(), hashlib.sha256).hexdigest()[:32]


def probe_mail(settings: Settings, token: str) -> bytes:
    mail = EmailMessage()
    mail["From"] = f"intake probe <{settings.submission_address}>"
    mail["To"] = settings.submission_address
    mail["Subject"] = f"[intake-probe] {token}"
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid("probe", settings.submission_address.split("@")[-1])
    mail["Auto-Submitted"] = "auto-generated"
    mail[HEADER] = f"{token}.{_mac(require_secret(settings), token)}"
    mail.set_content("投稿系统端到端探测邮件，请勿处理。\n"
                     "End-to-end probe of the submission system; no action needed.\n")
    return mail.as_bytes(policy=SMTP)


def send(store: Store, settings: Settings, transport: Any) -> str:
    """Send one probe; returns its token. Recorded before it leaves, so a lost probe counts as failed."""
    token = secrets.token_hex(8)
    raw = probe_mail(settings, token)
    box = settings.mailboxes[0]
    via = "maildir" if box.scheme == "maildir" else "smtp"
    with store.session() as s:
        s.add(Event(kind="probe.sent", actor="probe", detail={"token": token, "via": via, "mailbox": box.name}))
    if via == "maildir":
        folder = Path(unquote(urlsplit(box.url).path))
        mailbox.Maildir(folder, create=True).add(raw)
    else:
        transport.send(raw, settings.submission_address, (settings.submission_address,), f"probe-{token}")
    return token


def token_of(mail: ParsedMail, settings: Settings) -> str | None:
    """The token of a genuine probe (its MAC checks out), else None."""
    value = (mail.header(HEADER) or "").strip()
    token, _, mac = value.partition(".")
    if not token or not mac or (not settings.secret_key and not settings.secret_in_data_dir):
        return None
    return token if hmac.compare_digest(mac, _mac(require_secret(settings), token)) else None


def answer(s: Tx, store: Store, settings: Settings, msg: Message, token: str) -> tuple[dict[str, Any], list[int]]:
    """Record a probe as processed and put its acknowledgement in the outbox (idempotent per token)."""
    key = f"probe:{token}"
    existing = notice_id_by_key(s, key)
    result = {"message": msg.id, "outcome": "ignored", "reason": "probe", "tracking_id": None, "missing": [],
              "notifications": [] if existing else [KIND], "draft": None}
    if existing is None:
        ack = EmailMessage()
        ack["From"] = f"{settings.site_name} <{settings.submission_address}>"
        ack["To"] = settings.submission_address
        ack["Subject"] = f"[intake-probe] {token} 已受理 / received"
        ack["Date"] = formatdate(localtime=False)
        message_id = make_msgid("probe-ack", settings.submission_address.split("@")[-1])
        ack["Message-ID"] = message_id
        ack["Auto-Submitted"] = "auto-replied"
        ack["X-Loop"] = settings.submission_address
        ack.set_content(f"探测邮件 {token} 已受理。\nProbe {token} received.\n")
        raw = ack.as_bytes(policy=SMTP)
        notice = Notice(idempotency_key=key, message_id=msg.id, kind=KIND, recipients=[settings.submission_address],
                        message_id_header=message_id, subject=str(ack["Subject"]), raw_sha256=store.blobs.put(raw),
                        size_bytes=len(raw), status=NoticeStatus.PENDING)
        s.add(notice)
        s.flush()
        existing = notice.id
    msg.status, msg.outcome, msg.reason, msg.result = MessageStatus.PROCESSED, "ignored", "probe", result
    msg.processed_at, msg.claimed_until = utcnow(), None
    s.add(Event(message_id=msg.id, kind="probe.received", actor="probe", detail={"token": token}))
    return result, [existing]


def _epoch(when: datetime) -> float:
    return aware(when).timestamp()


def history(store: Store, limit: int = 5) -> list[dict[str, Any]]:
    """The newest probes: when sent, whether and when their acknowledgement went out."""
    with store.session() as s:
        sent = newest_events(s, "probe.sent", limit)
        rows = []
        for event in sent:
            token = str((event.detail or {}).get("token", ""))
            notice = notice_by_key(s, f"probe:{token}")
            answered = notice.sent_at if notice is not None and notice.status == NoticeStatus.SENT else None
            rows.append({"token": token, "sent_at": aware(event.created_at).isoformat(),
                         "sent_at_epoch": _epoch(event.created_at),
                         "answered_at": aware(answered).isoformat() if answered else None,
                         "roundtrip_seconds": round(_epoch(answered) - _epoch(event.created_at), 2) if answered
                         else None})
    return rows


def last_probe(store: Store, timeout: float = 300.0) -> dict[str, Any] | None:
    """The latest settled probe: answered (ok) or overdue (not ok); a probe still within its timeout
    does not count yet. None when no probe was ever sent."""
    now = utcnow().timestamp()
    rows = history(store)
    for row in rows:
        if row["answered_at"] is not None:
            return {**row, "ok": row["roundtrip_seconds"] <= timeout, "state": "answered"}
        if now - row["sent_at_epoch"] > timeout:
            return {**row, "ok": False, "state": "overdue"}
    return {**rows[0], "ok": True, "state": "waiting"} if rows else None
