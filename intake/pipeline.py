"""Route, classify, extract, check and decide: the only place reasons become an outcome.

Pure (no database, no network). `route` gives the mail its role from what the service loaded;
`read` extracts it once; `evaluate` runs every rule on it once, with the store's duplicate
candidates handed in as values, and decides. `decide` reads every reason at once, so a
contributor learns everything that is wrong in one mail. Loading and saving are `intake.service`'s.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from intake.classify import no_auto_answer, not_a_submission
from intake.drafts import merge
from intake.extract import extract
from intake.extract.labels import find_hits
from intake.extract.metadata import find_metadata
from intake.models import Draft, Extraction, FieldValue, Outcome, ParsedMail, Reason
from intake.quoting import strip_quoted
from intake.rules import check_all
from intake.rules.base import Candidate, Context
from intake.similarity import jaccard
from intake.states import Role, Severity, SubmissionStatus

log = logging.getLogger(__name__)

REVISION_SIMILARITY = 0.3  # below this, a manuscript sent in reply is another article
FOLLOW_UP = Reason("follow_up", Severity.IGNORE, "reply to a submission that needs no action")

# The order in which a reason decides the outcome when several are present.
_PRECEDENCE: tuple[tuple[str, Outcome], ...] = (
    (Severity.IGNORE, Outcome.IGNORED),
    (Severity.REJECT, Outcome.REJECTED),
    (Severity.DUPLICATE, Outcome.DUPLICATE),
    (Severity.HOLD, Outcome.HELD),
    (Severity.MISSING, Outcome.INCOMPLETE),
)


@dataclass(frozen=True)
class Evaluation:
    outcome: Outcome
    reason: Reason | None  # the reason that decided (None when accepted or incomplete)
    reasons: tuple[Reason, ...]
    draft: Draft | None
    answerable: bool = True  # False: a submission (or not), but nobody is answered automatically
    role: Role = Role.NEW  # route's role, or NEW when a reply's manuscript turned out to be another article

    @property
    def missing(self) -> list[str]:
        return [r.code for r in self.reasons if r.severity == Severity.MISSING]

    @property
    def warnings(self) -> list[Reason]:
        return [r for r in self.reasons if r.severity in (Severity.WARNING, Severity.HOLD)]


def decide(reasons: Sequence[Reason]) -> tuple[Outcome, Reason | None]:
    """One outcome from all reasons: ignore > reject > duplicate > hold > missing > accepted."""
    for severity, outcome in _PRECEDENCE:
        for reason in reasons:
            if reason.severity == severity:
                return outcome, (None if severity == Severity.MISSING else reason)
    return Outcome.ACCEPTED, None


@dataclass(frozen=True)
class Thread:
    """The submission a reply refers to (from its sender), as the service loaded it."""

    id: int
    status: str
    draft: Draft | None
    tracking_id: str = ""
    revision: int = 1


def route(*, probe: bool, reviewer_reply: bool, thread: Thread | None, has_files: bool) -> Role:
    """The mail's role, decided once from what the service loaded (DESIGN.md §9).

    A reply completes an incomplete submission; files sent in reply to one under review (or
    returned) are its next revision (unless `evaluate` finds another article); any other reply
    to a known submission is recorded and not answered."""
    if probe:
        return Role.PROBE
    if reviewer_reply:
        return Role.REVIEWER_REPLY
    if thread is None:
        return Role.NEW
    if thread.draft is not None:
        if thread.status == SubmissionStatus.INCOMPLETE:
            return Role.FOLLOW_UP
        if thread.status in (SubmissionStatus.PENDING_REVIEW, SubmissionStatus.RETURNED) and has_files:
            return Role.REVISION
        if thread.status == SubmissionStatus.REJECTED and has_files:
            return Role.NEW  # a manuscript sent after a rejection starts again
    return Role.NOT_FOR_US


def read(mail: ParsedMail, raw_size: int, own_address: str, max_message_bytes: int,
         spam_level_threshold: int = 5, trusted_authserv_ids: Sequence[str] = ()) -> Extraction | None:
    """The mail's own extraction, made once; None for a mail never opened (not a submission, too large)."""
    if raw_size > max_message_bytes:
        return None
    if not_a_submission(mail, own_address, spam_level_threshold, trusted_authserv_ids) is not None:
        return None
    return extract(mail)


def followup_extraction(mail: ParsedMail, base: Draft, found: Extraction | None = None) -> Extraction:
    """A reply to an incomplete notice: a new manuscript replaces the old, body lines fill fields.

    `found` is the mail's own extraction when it was made already (it is never made twice)."""
    found = found if found is not None else extract(mail)
    has_manuscript = found.draft is not None and found.draft.manuscript is not None
    if has_manuscript:
        return Extraction(merge(base, found.draft, replaces_manuscript=True), found.findings)
    lines = strip_quoted(mail.text_body).splitlines()
    meta = find_metadata([], lines, "", None)
    update = Draft(
        title=_labelled_title(lines), source_unit=meta.source_unit, authors=meta.authors,
        authors_found_in=meta.authors_found_in,
        values=meta.values, blocks=(), photos=(), manuscript=None, manuscript_format="body",
    )
    kept = tuple(f for f in found.findings if not f.blocking and f.code != "external_link")
    return Extraction(merge(base, update, replaces_manuscript=False), kept)


def _labelled_title(lines: list[str]) -> FieldValue | None:
    """A "标题：…" line in a reply's own words (the incomplete notice asks for exactly that)."""
    hits, _used = find_hits(lines)
    return next((FieldValue(h.value, "body") for h in hits if h.kind == "title" and not h.inferred), None)


def _another_article(own: Extraction | None, thread: Thread) -> bool:
    """People reply to an old acknowledgement to send their next article: a manuscript unlike the
    one under review is a new submission, not a revision of it."""
    if thread.status != SubmissionStatus.PENDING_REVIEW or own is None or own.draft is None:
        return False
    base = thread.draft
    return base is not None and jaccard(own.draft.body_text, base.body_text) < REVISION_SIMILARITY


def evaluate(
    mail: ParsedMail,
    raw_size: int,
    own_address: str,
    required_fields: Sequence[str],
    max_message_bytes: int,
    priors: Sequence[Candidate] = (),
    role: Role = Role.NEW,
    thread: Thread | None = None,
    subject_pattern: str | None = None,
    subject_hint: str = "单位+标题",
    spam_level_threshold: int = 5,
    trusted_authserv_ids: Sequence[str] = (),
    extracted: Extraction | None = None,
) -> Evaluation:
    """Run classification, extraction and every rule once; decide once.

    Two questions are asked apart (DESIGN.md §6): a mail that is not a submission at all (loops,
    bounces, spam) is ignored unread; a mail nobody may be answered for (web forms, OA systems,
    lists, auto-replies) is still a submission when it carries a readable manuscript, and is
    ignored only without one. `role` is `route`'s; `extracted` is `read`'s when the service made
    it already (to find `priors`, the store's duplicate candidates for its text).
    """
    if role in (Role.FOLLOW_UP, Role.REVISION) and (thread is None or thread.draft is None):
        raise ValueError(f"{role} needs the thread's draft")
    ignored = not_a_submission(mail, own_address, spam_level_threshold, trusted_authserv_ids)
    if ignored is not None:
        return Evaluation(Outcome.IGNORED, ignored, (ignored,), None, answerable=False, role=role)
    silent = no_auto_answer(mail)
    if silent is not None and role in (Role.FOLLOW_UP, Role.REVISION):  # never completes a submission
        return Evaluation(Outcome.IGNORED, silent, (silent,), None, answerable=False, role=role)
    own = extracted
    if own is None and raw_size <= max_message_bytes:  # never open what we refuse to process
        own = extract(mail)
    if role == Role.REVISION and thread is not None and _another_article(own, thread):
        role, thread = Role.NEW, None
    if thread is not None and thread.draft is not None and role in (Role.FOLLOW_UP, Role.REVISION):
        extraction = followup_extraction(mail, thread.draft, own) if own is not None else Extraction(None)
    else:
        extraction = own if own is not None else Extraction(None)
    if silent is not None and not _has_manuscript(extraction, silent):
        return Evaluation(Outcome.IGNORED, silent, (silent,), None, answerable=False, role=role)
    merging = role in (Role.FOLLOW_UP, Role.REVISION)
    ctx = Context(
        mail=mail, raw_size=raw_size, extraction=extraction, required_fields=required_fields,
        max_message_bytes=max_message_bytes, priors=() if merging else priors,
        subject_pattern=None if merging else subject_pattern, subject_hint=subject_hint,
    )
    reasons = tuple(check_all(ctx))
    if silent is not None:
        reasons += (not_answered(mail, silent),)
    outcome, reason = decide(reasons)
    if silent is not None and outcome == Outcome.INCOMPLETE:
        outcome = Outcome.ACCEPTED  # nobody can be asked for the missing items: reviewers see them as missing
    if role == Role.NOT_FOR_US and outcome != Outcome.IGNORED:  # recorded beside its submission, not answered
        return Evaluation(Outcome.IGNORED, FOLLOW_UP, reasons, None, role=role)
    return Evaluation(outcome, reason, reasons, extraction.draft, answerable=silent is None, role=role)


def _has_manuscript(extraction: Extraction, silent: Reason) -> bool:
    """A readable manuscript; for an auto-reply (a vacation notice quoting mail) only an attached file."""
    draft = extraction.draft
    if draft is None:
        return False
    return draft.manuscript is not None or silent.data.get("kind") != "reply"


def not_answered(mail: ParsedMail, silent: Reason) -> Reason:
    """The warning that says a submission was registered but nobody was answered automatically."""
    return Reason("not_answered_automatic_sender", Severity.WARNING, silent.detail,
                  {"why": silent.code, "kind": silent.data.get("kind"), "sender": mail.from_addr})
