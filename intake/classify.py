"""Recognise mail that must never be answered: auto-replies, bounces, loops, lists, our own mail.

Follows RFC 3834 §2 and DESIGN.md §6. Returns a Reason with severity
"ignore" (codes: bounce, auto_reply, loop, list_mail; our own mail is a loop) or None.
"""

from __future__ import annotations

import re

from intake.models import ParsedMail, Reason

LOOP_TAG = "submission-intake"

_NOREPLY = re.compile(
    r"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|auto-?reply|notifications?)([+\-._].*)?@", re.I
)
_AUTO_SUBJECT = re.compile(
    r"^\s*(自动回复|自動回覆|自动答复|auto(matic)?[ -]?reply|out of (the )?office|"
    r"undeliverable|delivery status notification|退信|系统退信|邮件退回|returned mail)", re.I
)
_BULK = {"bulk", "list", "junk", "auto_reply"}


def _is_bounce(mail: ParsedMail) -> bool:
    if mail.content_type == "multipart/report":
        return True
    if mail.from_addr and _NOREPLY.match(mail.from_addr) and mail.from_addr.split("@")[0].lower() in (
        "mailer-daemon", "postmaster"):
        return True
    return (mail.return_path or "").strip() == "<>" and bool(_AUTO_SUBJECT.match(mail.subject))


def _is_auto_reply(mail: ParsedMail) -> bool:
    auto = (mail.header("auto-submitted") or "no").strip().lower()
    if auto != "no" and auto != "":
        return True
    if (mail.header("precedence") or "").strip().lower() in _BULK:
        return True
    for name in ("x-autoreply", "x-autorespond", "x-auto-response-suppress-reply"):
        if mail.header(name) is not None:
            return True
    if (mail.header("x-auto-response-suppress") or "").lower() in ("all", "oof"):
        return True
    return bool(_AUTO_SUBJECT.match(mail.subject))


def classify(mail: ParsedMail, own_address: str) -> Reason | None:
    """The never-answer check: one reason, or None when the mail may be answered."""
    own = own_address.lower()
    if (mail.header("x-loop") or "").strip().lower() in (own, LOOP_TAG):
        return Reason("loop", "ignore", "X-Loop names this system")
    if mail.from_addr == own:
        return Reason("loop", "ignore", "sent from the submission address itself")
    if _is_bounce(mail):
        return Reason("bounce", "ignore", "delivery status notification")
    if _is_auto_reply(mail):
        return Reason("auto_reply", "ignore", "automatic reply")
    if mail.header("list-id") is not None or mail.header("list-unsubscribe") is not None:
        return Reason("list_mail", "ignore", "mailing-list traffic")
    if (mail.return_path or "").strip() == "<>":
        return Reason("bounce", "ignore", "empty return path")
    if not mail.from_addr or _NOREPLY.match(mail.from_addr):
        return Reason("auto_reply", "ignore", "sender does not accept replies")
    return None
