"""Classify, extract, check and decide: the only place reasons become an outcome.

`evaluate` is pure (no database, no network): it takes a parsed mail and
returns an Evaluation. `decide` reads every reason at once, so a contributor
learns everything that is wrong in one mail. Persistence and notices are in
`intake.service`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from intake.classify import no_auto_answer, not_a_submission
from intake.drafts import merge
from intake.extract import extract
from intake.extract.metadata import find_metadata
from intake.models import Draft, Extraction, Outcome, ParsedMail, Reason
from intake.quoting import strip_quoted
from intake.rules import check_all
from intake.rules.base import Context, Prior
from intake.states import Severity

log = logging.getLogger(__name__)

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
    extracted: Extraction | None = None  # the mail's own extraction, reused if it is re-evaluated

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


def _no_prior(_text: str) -> Prior | None:
    return None


def followup_extraction(mail: ParsedMail, base: Draft, found: Extraction | None = None) -> Extraction:
    """A reply to an incomplete notice: a new manuscript replaces the old, body lines fill fields.

    `found` is the mail's own extraction when it was made already (it is never made twice)."""
    found = found if found is not None else extract(mail)
    has_manuscript = found.draft is not None and found.draft.manuscript is not None
    if has_manuscript:
        return Extraction(merge(base, found.draft, replaces_manuscript=True), found.findings)
    meta = find_metadata([], strip_quoted(mail.text_body).splitlines(), "", None)
    update = Draft(
        title=None, source_unit=meta.source_unit, authors=meta.authors, authors_found_in=meta.authors_found_in,
        values=meta.values, blocks=(), photos=(), manuscript=None, manuscript_format="body",
    )
    kept = tuple(f for f in found.findings if not f.blocking and f.code != "external_link")
    return Extraction(merge(base, update, replaces_manuscript=False), kept)


def evaluate(
    mail: ParsedMail,
    raw_size: int,
    own_address: str,
    required_fields: Sequence[str],
    max_message_bytes: int,
    find_prior: Callable[[str], Prior | None] = _no_prior,
    followup_of: Draft | None = None,
    subject_pattern: str | None = None,
    subject_hint: str = "单位+标题",
    spam_level_threshold: int = 5,
    trusted_authserv_ids: Sequence[str] = (),
    extracted: Extraction | None = None,
) -> Evaluation:
    """Run classification, extraction and every rule; decide once.

    Two questions are asked apart (DESIGN.md §6): a mail that is not a submission at all (loops,
    bounces, spam) is ignored unread; a mail nobody may be answered for (web forms, OA systems,
    lists, auto-replies) is still a submission when it carries a readable manuscript, and is
    ignored only without one.
    """
    ignored = not_a_submission(mail, own_address, spam_level_threshold, trusted_authserv_ids)
    if ignored is not None:
        return Evaluation(Outcome.IGNORED, ignored, (ignored,), None, answerable=False)
    silent = no_auto_answer(mail)
    if silent is not None and followup_of is not None:  # an automatic mail never completes a submission
        return Evaluation(Outcome.IGNORED, silent, (silent,), None, answerable=False)
    own: Extraction | None = None
    if raw_size > max_message_bytes:
        extraction = Extraction(None)  # never open what we refuse to process
    elif followup_of is not None:
        own = extracted if extracted is not None else extract(mail)
        extraction = followup_extraction(mail, followup_of, own)
    else:
        extraction = own = extracted if extracted is not None else extract(mail)
    if silent is not None and not _has_manuscript(extraction, silent):
        return Evaluation(Outcome.IGNORED, silent, (silent,), None, answerable=False)
    ctx = Context(
        mail=mail, raw_size=raw_size, extraction=extraction, required_fields=required_fields,
        max_message_bytes=max_message_bytes, find_prior=find_prior if followup_of is None else _no_prior,
        subject_pattern=None if followup_of is not None else subject_pattern, subject_hint=subject_hint,
    )
    reasons = tuple(check_all(ctx))
    if silent is not None:
        reasons += (not_answered(mail, silent),)
    outcome, reason = decide(reasons)
    if silent is not None and outcome == Outcome.INCOMPLETE:
        outcome = Outcome.ACCEPTED  # nobody can be asked for the missing items: reviewers see them as missing
    return Evaluation(outcome, reason, reasons, extraction.draft, answerable=silent is None, extracted=own)


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
