"""Whether a decision reply really comes from a reviewer of that submission (DESIGN.md §9).

From is trivially forged, so a reply decides only when all hold:
- the sender is a configured reviewer who was sent a review request for that submission;
- where the mail carries Authentication-Results of a trusted server (INTAKE_TRUSTED_AUTHSERV_ID),
  DKIM aligned with the From domain, or DMARC, passed there;
- the reply carries a token only we can make: In-Reply-To/References name the Message-ID of
  the review request we sent to that reviewer for that submission (looked up in the outbox),
  or To/Cc/Delivered-To/X-Original-To holds that reviewer's plus address for it.
Otherwise the reason code says which failed: not_reviewer, dkim_fail, other_submission,
bad_token or no_token.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from email.message import Message
from email.utils import getaddresses

import authres  # type: ignore[import-untyped]

from intake.config import Settings
from intake.models import ParsedMail
from intake.secret import reply_token, token_matches, tokens_in
from intake.store import Tx
from intake.store.limits import other_review_requests, review_request_among, review_requests_for
from intake.tables import Notice, Submission

ADDRESS_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To")
_OTHER_SUBMISSIONS_CHECKED = 1000  # a reviewer's most recent review requests searched for a foreign token


@dataclass(frozen=True)
class Verdict:
    reason: str | None  # None: the decision is authenticated
    warn: tuple[str, ...]  # the real reviewers to tell about an unverified decision
    review_request: str | None = None  # a review request's Message-ID to thread the warning to


def all_reviewers(settings: Settings) -> set[str]:
    found = set(settings.reviewers)
    for rule in (settings.extra.get("routing") or {}).get("rules") or []:
        found.update(str(r).lower() for r in rule.get("reviewers") or [])
    return found


def references(mail: ParsedMail) -> set[str]:
    return {r for r in (mail.in_reply_to, *mail.references) if r}


def reply_tokens(headers: Message, settings: Settings) -> list[str]:
    values = [str(v) for name in ADDRESS_HEADERS for v in headers.get_all(name) or []]
    return tokens_in([addr for _, addr in getaddresses(values) if addr], settings.submission_address)


def carries_review_token(session: Tx, mail: ParsedMail, headers: Message, settings: Settings) -> bool:
    """The mail claims to answer one of our review requests (its sender may still be nobody's reviewer)."""
    if reply_tokens(headers, settings):
        return True
    refs = references(mail)
    return bool(refs) and review_request_among(session, refs)


def authenticate(
    session: Tx, settings: Settings, secret: bytes, mail: ParsedMail, headers: Message, sub: Submission
) -> Verdict:
    """Believe the decision (reason None) or say why not and whom to warn."""
    sender = mail.from_addr
    requests = review_requests_for(session, sub.id)
    issued_to = sorted({str(r).lower() for n in requests for r in n.recipients})
    refs, tokens = references(mail), reply_tokens(headers, settings)
    own = [n for n in requests if sender in n.recipients]
    thread_to = own[-1].message_id_header if own else None
    if sender not in all_reviewers(settings) or sender not in issued_to:
        owners = _token_owners(secret, sub.tracking_id, requests, refs, tokens)
        return Verdict("not_reviewer", tuple(owners or issued_to), _request_of(requests, owners))
    failed = authentication_failure(headers, settings.trusted_authserv_ids, sender)
    if failed:
        return Verdict(failed, (sender,), thread_to)
    expected = reply_token(secret, sub.tracking_id, sender)
    if any(n.message_id_header in refs for n in own) or any(token_matches(t, expected) for t in tokens):
        return Verdict(None, (sender,), thread_to)
    if _answers_other_submission(session, secret, sender, sub, refs, tokens):
        return Verdict("other_submission", (sender,), thread_to)
    domain = settings.submission_address.rpartition("@")[2]
    looks_ours = any(r.startswith("<intake.") and r.endswith(f"@{domain}>") for r in refs)
    return Verdict("bad_token" if tokens or looks_ours else "no_token", (sender,), thread_to)


def _token_owners(
    secret: bytes, tracking_id: str, requests: list[Notice], refs: set[str], tokens: list[str]
) -> list[str]:
    """The reviewers whose review request (by Message-ID or plus token) a mail answers."""
    owners = {str(r).lower() for n in requests if n.message_id_header in refs for r in n.recipients}
    for reviewer in {str(r).lower() for n in requests for r in n.recipients}:
        if any(token_matches(t, reply_token(secret, tracking_id, reviewer)) for t in tokens):
            owners.add(reviewer)
    return sorted(owners)


def _request_of(requests: list[Notice], reviewers: list[str]) -> str | None:
    mine = [n for n in requests if set(n.recipients) & set(reviewers)]
    return mine[-1].message_id_header if mine else None


def _answers_other_submission(
    session: Tx, secret: bytes, sender: str, sub: Submission, refs: set[str], tokens: list[str]
) -> bool:
    """The token is genuine but belongs to another submission (a reply to the wrong review request)."""
    for message_id, recipients, tracking_id in other_review_requests(session, sub.id, _OTHER_SUBMISSIONS_CHECKED):
        if message_id in refs:
            return True
        if sender in recipients and any(token_matches(t, reply_token(secret, tracking_id, sender)) for t in tokens):
            return True
    return False


def authentication_failure(headers: Message, trusted: Iterable[str], sender: str) -> str | None:
    """`dkim_fail` when the topmost Authentication-Results of a trusted server shows no aligned pass.

    Only the topmost one counts: that is the one our server added, below it may be copies the
    sender wrote (RFC 8601 §5 has the server remove those that claim its authserv-id).
    """
    trusted = {t.lower() for t in trusted}
    if not trusted:
        return None
    domain = sender.rpartition("@")[2].lower()
    for value in headers.get_all("Authentication-Results") or []:
        text = " ".join(str(value).split())
        authserv_id = text.split(";", 1)[0].strip().split(" ", 1)[0].lower()
        if authserv_id not in trusted:
            continue
        try:
            parsed = authres.AuthenticationResultsHeader.parse(f"Authentication-Results: {text}")
        except Exception:  # authres raises its own syntax errors; unreadable is not a pass
            return "dkim_fail"
        return None if _aligned_pass(parsed.results, domain) else "dkim_fail"
    return None


def _aligned_pass(results: Iterable[object], domain: str) -> bool:
    for result in results:
        method, outcome = getattr(result, "method", ""), getattr(result, "result", "")
        if outcome != "pass" or method not in ("dkim", "dmarc"):
            continue
        wanted = "d" if method == "dkim" else "from"
        signed = [str(p.value).lower() for p in getattr(result, "properties", [])
                  if p.type == "header" and p.name == wanted]
        if method == "dmarc" and not signed:
            return True  # DMARC itself checks alignment with the From domain
        if any(domain == d or domain.endswith("." + d) for d in signed):
            return True
    return False
