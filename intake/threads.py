"""Which submission a mail refers to, from every clue (DESIGN.md §9).

A tracking id in the subject, or any id in In-Reply-To or References that is one of our
notices or one of the submission's own messages (a contributor replying to their own sent
mail, or a client that keeps only References). In-Reply-To counts first, then References
from the newest to the oldest. A follow-up counts only when its sender is one of the
submission's addresses (whom we answer, From, Reply-To).
"""

from __future__ import annotations

import re

from intake.models import ParsedMail
from intake.store import Tx
from intake.store import processing as queries
from intake.store.submissions import submission_by_tracking_id
from intake.tables import Submission

TRACKING_RE = re.compile(r"TG-\d{8}-\d{4,}")
MAX_REFERENCES = 50  # a References chain longer than this is cut to its newest ids


def _referenced_ids(mail: ParsedMail) -> list[str]:
    ids = [mail.in_reply_to, *reversed(mail.references)]
    seen: list[str] = []
    for ref in ids:
        if ref and ref not in seen:
            seen.append(ref)
    return seen[:MAX_REFERENCES]


def referenced_submission(session: Tx, mail: ParsedMail) -> Submission | None:
    """The submission a mail refers to: a tracking id in the subject, or an id it replies to."""
    match = TRACKING_RE.search(mail.subject)
    if match:
        found = submission_by_tracking_id(session, match.group(0))
        if found is not None:
            return found
    refs = _referenced_ids(mail)
    return queries.submission_referenced(session, refs) if refs else None


def addresses(sub: Submission) -> set[str]:
    """Everyone who may follow up on a submission."""
    return {a for a in (sub.contributor_addr, sub.sender_addr, sub.reply_to_addr) if a}


def find_thread(session: Tx, mail: ParsedMail) -> Submission | None:
    """The submission this mail follows up, when its sender is one of that submission's addresses."""
    found = referenced_submission(session, mail)
    return found if found is not None and mail.from_addr in addresses(found) else None
