"""Spam verdicts the site's mail filter left in the headers, and DMARC failures our own MX recorded.

A verdict only ever stops us from answering (and from treating the mail as a
submission), so a header forged by the sender can hurt nobody but that
sender: every verdict is honoured wherever it sits. DMARC counts only in an
`Authentication-Results` header of our own MX (`INTAKE_TRUSTED_AUTHSERV_ID`, the
topmost such header; RFC 8601 §5: the border MTA removes incoming copies carrying its id).

Headers and where their meaning is documented:
- SpamAssassin: `X-Spam-Flag: YES`, `X-Spam-Status: Yes, score=…`, `X-Spam-Level: *****`
  (one star per point of score; spamassassin.apache.org, Mail::SpamAssassin::Conf `add_header`).
- rspamd (milter_headers module, rspamd.com/doc/modules/milter_headers.html): `X-Spam: Yes`, and
  `X-Rspamd-Action` naming a spam action (`add header`, `rewrite subject`, `reject`).
- Microsoft 365 / Exchange Online Protection ("Anti-spam message headers", learn.microsoft.com):
  `X-Forefront-Antispam-Report` with `SFV:SPM` (content filter: spam), `SFV:SKS` (spam before the
  content filter, by a mail flow rule), `SFV:SKB` / `SFV:BLK` (blocked sender), `CAT:SPM|HSPM|PHSH|
  HPHSH|HPHISH|MALW`, or `SCL:5`..`9`; `X-MS-Exchange-Organization-SCL` of 5 or more ("Spam confidence
  level": 5-6 spam, 9 high confidence; -1 bypassed filtering).
Deliberately not honoured:
- Tencent `X-QQ-SPAM: true` / `X-QQ-Spam: true`: public archives (lore.kernel.org, lists.gnu.org) show it
  on ordinary mail *sent* through Tencent Exmail (bizesmtp.qq.com), i.e. it is stamped on the way out
  and says nothing about how our side judged the mail; honouring it would drop real submissions from
  units on 腾讯企业邮.
- NetEase/Coremail `X-Coremail-Antispam` and `X-CM-*`: opaque encoded values with no published
  meaning. A Coremail-hosted submission mailbox files spam into its junk folder instead, which the
  poller never reads.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import authres  # type: ignore[import-untyped]

from intake.models import ParsedMail, Reason
from intake.states import Severity

log = logging.getLogger(__name__)

RSPAMD_SPAM_ACTIONS = {"add header", "rewrite subject", "reject"}
MICROSOFT_SPAM_VERDICTS = {"SPM", "SKS", "SKB", "BLK"}
MICROSOFT_SPAM_CATEGORIES = {"SPM", "HSPM", "PHSH", "HPHSH", "HPHISH", "MALW"}
MICROSOFT_SPAM_SCL = 5
_FIELD = re.compile(r"([A-Z]+):([^;]*)", re.I)


def _spam(header: str, value: str, why: str) -> Reason:
    return Reason("spam", Severity.IGNORE, why, {"header": header, "value": value[:200]})


def _yes(value: str | None) -> bool:
    return (value or "").strip().lower().startswith("yes")


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def spamassassin(mail: ParsedMail, level_threshold: int) -> Reason | None:
    for name in ("x-spam-flag", "x-spam-status"):
        if _yes(mail.header(name)):
            return _spam(name, mail.header(name) or "", "the site's spam filter flagged it")
    level = mail.header("x-spam-level") or ""
    if level.strip().count("*") >= level_threshold:
        return _spam("x-spam-level", level, f"spam level {level.count('*')} >= {level_threshold}")
    return None


def rspamd(mail: ParsedMail) -> Reason | None:
    if _yes(mail.header("x-spam")):
        return _spam("x-spam", mail.header("x-spam") or "", "rspamd flagged it")
    action = (mail.header("x-rspamd-action") or "").strip().lower()
    if action in RSPAMD_SPAM_ACTIONS:
        return _spam("x-rspamd-action", action, f"rspamd action {action!r}")
    return None


def microsoft(mail: ParsedMail) -> Reason | None:
    report = mail.header("x-forefront-antispam-report") or ""
    fields = {key.upper(): value.strip().upper() for key, value in _FIELD.findall(report)}
    scl = _int(fields.get("SCL"))
    if (fields.get("SFV") in MICROSOFT_SPAM_VERDICTS or fields.get("CAT") in MICROSOFT_SPAM_CATEGORIES
            or (scl is not None and scl >= MICROSOFT_SPAM_SCL)):
        return _spam("x-forefront-antispam-report", report, "Microsoft 365 filtered it as spam")
    scl = _int(mail.header("x-ms-exchange-organization-scl"))
    if scl is not None and scl >= MICROSOFT_SPAM_SCL:
        return _spam("x-ms-exchange-organization-scl", str(scl), f"Exchange spam confidence level {scl}")
    return None


def dmarc_failed(mail: ParsedMail, trusted_authserv_ids: Sequence[str]) -> Reason | None:
    """DMARC fail in the topmost Authentication-Results header written by one of our own servers.

    Only the topmost one of a trusted server counts, as in `intake.trust`: below it may be copies
    the sender wrote (RFC 8601 §5 has the server remove those that claim its authserv-id).
    """
    trusted = {t.lower() for t in trusted_authserv_ids}
    if not trusted:
        return None
    for value in mail.header_all("authentication-results"):
        text = " ".join(value.split())
        if text.split(";", 1)[0].strip().split(" ", 1)[0].lower() not in trusted:
            continue
        try:
            parsed = authres.AuthenticationResultsHeader.parse_value(text)
        except Exception:  # authres raises its own assorted syntax errors on broken headers
            log.info("unparsable Authentication-Results ignored: %.100s", text)
            return None
        if any(str(r.method).lower() == "dmarc" and str(r.result).lower() == "fail" for r in parsed.results):
            return _spam("authentication-results", value, "DMARC failed at our own mail server")
        return None
    return None


def spam_verdict(mail: ParsedMail, level_threshold: int = 5, trusted_authserv_ids: Sequence[str] = ()) -> Reason | None:
    """The first spam verdict found (reason `spam`, severity ignore), or None."""
    return (spamassassin(mail, level_threshold) or rspamd(mail) or microsoft(mail)
            or dmarc_failed(mail, trusted_authserv_ids))
