"""Two separate questions about a mail (DESIGN.md §6, RFC 3834 §2).

`not_a_submission`: never read as a submission (our own mail and loops, bounces, spam).
`no_auto_answer`: may be a submission, but nobody is answered automatically (auto-replies,
automatic senders such as web forms and OA systems, lists, bulk, noreply senders).
Each returns a Reason with severity "ignore" (codes: loop, bounce, spam, auto_reply,
list_mail) or None; `classify` asks both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from intake.models import ParsedMail, Reason
from intake.spam import spam_verdict
from intake.states import Severity

LOOP_TAG = "submission-intake"

_NOREPLY = re.compile(
    r"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|auto-?reply|notifications?)([+\-._].*)?@", re.I
)
_AUTO_SUBJECT = re.compile(
    r"^\s*(自动回复|自動回覆|自动答复|auto(matic)?[ -]?reply|out of (the )?office|"
    r"undeliverable|delivery status notification|退信|系统退信|邮件退回|returned mail)", re.I
)
_BULK = {"bulk", "list", "junk", "auto_reply"}
_AUTOREPLY_HEADERS = ("x-autoreply", "x-autorespond", "x-auto-response-suppress-reply")


def automatic_address(address: str) -> bool:
    """noreply@, mailer-daemon@, notifications@ …: an address nobody reads."""
    return bool(_NOREPLY.match(address))


def _is_bounce(mail: ParsedMail) -> bool:
    if mail.content_type == "multipart/report":
        return True
    if mail.from_addr and _NOREPLY.match(mail.from_addr) and mail.from_addr.split("@")[0].lower() in (
        "mailer-daemon", "postmaster"):
        return True
    return (mail.return_path or "").strip() == "<>" and bool(_AUTO_SUBJECT.match(mail.subject))


def _auto_reply(mail: ParsedMail) -> Reason | None:
    """A response to some other mail (RFC 3834 auto-replied, vacation notices): kind "reply"."""
    auto = (mail.header("auto-submitted") or "no").strip().lower()
    precedence = (mail.header("precedence") or "").strip().lower()
    marked = any(mail.header(name) is not None for name in _AUTOREPLY_HEADERS)
    if auto.startswith("auto-replied") or precedence == "auto_reply" or marked or _AUTO_SUBJECT.match(mail.subject):
        return Reason("auto_reply", Severity.IGNORE, "automatic reply", {"kind": "reply"})
    if auto not in ("no", ""):
        return Reason("auto_reply", Severity.IGNORE, f"Auto-Submitted: {auto}", {"kind": "automatic"})
    if precedence in _BULK or (mail.header("x-auto-response-suppress") or "").lower() in ("all", "oof"):
        return Reason("auto_reply", Severity.IGNORE, "bulk or automatic mail", {"kind": "automatic"})
    return None


def not_a_submission(
    mail: ParsedMail, own_address: str, spam_level_threshold: int = 5, trusted_authserv_ids: Sequence[str] = ()
) -> Reason | None:
    """Mail that is never read as a submission: our own mail, loops, bounces (DSNs), spam."""
    own = own_address.lower()
    if (mail.header("x-loop") or "").strip().lower() in (own, LOOP_TAG):
        return Reason("loop", Severity.IGNORE, "X-Loop names this system")
    if mail.from_addr == own:
        return Reason("loop", Severity.IGNORE, "sent from the submission address itself")
    if _is_bounce(mail):
        return Reason("bounce", Severity.IGNORE, "delivery status notification")
    return spam_verdict(mail, spam_level_threshold, trusted_authserv_ids)


def no_auto_answer(mail: ParsedMail) -> Reason | None:
    """Why nobody may be answered automatically (auto-replies, automatic senders, lists), or None.

    `data["kind"]` is "reply" for responses to another mail (a vacation notice: only an attached
    manuscript makes it a submission) and "automatic" for the rest (web forms, OA systems, lists).
    """
    found = _auto_reply(mail)
    if found is not None:
        return found
    if mail.header("list-id") is not None or mail.header("list-unsubscribe") is not None:
        return Reason("list_mail", Severity.IGNORE, "mailing-list traffic", {"kind": "automatic"})
    if (mail.return_path or "").strip() == "<>":
        return Reason("bounce", Severity.IGNORE, "empty return path", {"kind": "automatic"})
    if not mail.from_addr or _NOREPLY.match(mail.from_addr):
        return Reason("auto_reply", Severity.IGNORE, "sender does not accept replies", {"kind": "automatic"})
    return None


def classify(
    mail: ParsedMail, own_address: str, spam_level_threshold: int = 5, trusted_authserv_ids: Sequence[str] = ()
) -> Reason | None:
    """The never-answer check: one reason, or None when the mail may be answered."""
    return not_a_submission(mail, own_address, spam_level_threshold, trusted_authserv_ids) or no_auto_answer(mail)
