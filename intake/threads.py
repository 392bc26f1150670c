"""Which submission a mail refers to, from every clue (DESIGN.md §9).

A tracking id in the subject, or any id in In-Reply-To or References that is one of our
notices or one of the submission's own messages (a contributor replying to their own sent
mail, or a client that keeps only References). In-Reply-To counts first, then References
from the newest to the oldest. A follow-up counts only when its sender is one of the
submission's addresses (whom we answer, From, Reply-To).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.models import ParsedMail
from intake.tables import Message, Notice, Submission

TRACKING_RE = re.compile(r"TG-\d{8}-\d{4,}")
MAX_REFERENCES = 50  # a References chain longer than this is cut to its newest ids


def _referenced_ids(mail: ParsedMail) -> list[str]:
    ids = [mail.in_reply_to, *reversed(mail.references)]
    seen: list[str] = []
    for ref in ids:
        if ref and ref not in seen:
            seen.append(ref)
    return seen[:MAX_REFERENCES]


def _by_reference(session: Session, refs: list[str]) -> int | None:
    found: dict[str, int] = {}
    for header, sub_id in session.execute(select(Notice.message_id_header, Notice.submission_id).where(
            Notice.message_id_header.in_(refs), Notice.submission_id.is_not(None))):
        if sub_id is not None:
            found.setdefault(header, sub_id)
    for header, sub_id in session.execute(select(Message.message_id_header, Message.submission_id).where(
            Message.message_id_header.in_(refs), Message.submission_id.is_not(None)).order_by(Message.id)):
        if sub_id is not None:
            found.setdefault(header, sub_id)
    return next((found[ref] for ref in refs if ref in found), None)


def referenced_submission(session: Session, mail: ParsedMail) -> Submission | None:
    """The submission a mail refers to: a tracking id in the subject, or an id it replies to."""
    match = TRACKING_RE.search(mail.subject)
    if match:
        found = session.scalar(select(Submission).where(Submission.tracking_id == match.group(0)))
        if found is not None:
            return found
    refs = _referenced_ids(mail)
    if not refs:
        return None
    sub_id = _by_reference(session, refs)
    return session.get(Submission, sub_id) if sub_id else None


def addresses(sub: Submission) -> set[str]:
    """Everyone who may follow up on a submission."""
    return {a for a in (sub.contributor_addr, sub.sender_addr, sub.reply_to_addr) if a}


def find_thread(session: Session, mail: ParsedMail) -> Submission | None:
    """The submission this mail follows up, when its sender is one of that submission's addresses."""
    found = referenced_submission(session, mail)
    return found if found is not None and mail.from_addr in addresses(found) else None
