"""Which submission a mail refers to: the tracking id in its subject, or a reply to one of our notices."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.models import ParsedMail
from intake.tables import Notice, Submission

TRACKING_RE = re.compile(r"TG-\d{8}-\d{4,}")


def referenced_submission(session: Session, mail: ParsedMail) -> Submission | None:
    """The submission a mail refers to: a tracking id in the subject, or a reply to one of our notices."""
    match = TRACKING_RE.search(mail.subject)
    if match:
        found = session.scalar(select(Submission).where(Submission.tracking_id == match.group(0)))
        if found is not None:
            return found
    refs = [r for r in (mail.in_reply_to, *mail.references) if r]
    if not refs:
        return None
    sub_id = session.scalar(select(Notice.submission_id).where(Notice.message_id_header.in_(refs)).limit(1))
    return session.get(Submission, sub_id) if sub_id else None


def find_thread(session: Session, mail: ParsedMail) -> Submission | None:
    """The submission this mail follows up, when its sender is that submission's contributor."""
    found = referenced_submission(session, mail)
    return found if found is not None and found.contributor_addr == mail.from_addr else None
