"""Process one stored message: evaluate it, persist the decision and its notices in one transaction.

Idempotent by construction: a processed message returns its recorded result
and only re-dispatches notices still pending; the message row is locked while
the decision is written, submissions are unique per first message and
notices per idempotency key, so a redelivered task changes nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.addressing import Addresses, addresses_of
from intake.backscatter import Gate, record_unknown_rejection, rejection_gate
from intake.classify import no_auto_answer
from intake.clock import local_text
from intake.config import Settings
from intake.drafts import contract_json, from_stored, stored_body_text, to_stored
from intake.fields import COLUMNS
from intake.mail import parse_mail
from intake.metrics import observe_extraction
from intake.models import Attachment, Draft, Extraction, NoticeKind, Outcome, ParsedMail, Photo, Reason
from intake.notify import CONTRIBUTOR_KINDS, Planned, Subject, plan
from intake.outbox import store_notices
from intake.pipeline import Evaluation, evaluate
from intake.probe import answer as answer_probe
from intake.probe import token_of as probe_token
from intake.review import review_decision
from intake.routing import route_reviewers
from intake.rules.base import Prior
from intake.similarity import SIMHASH_CANDIDATE_DISTANCE, content_hash, hamming, jaccard, simhash
from intake.states import MessageStatus, NoticeStatus, Severity, SubmissionStatus
from intake.store import Store
from intake.tables import Event, Message, Notice, StoredFile, Submission, utcnow
from intake.threads import find_thread

log = logging.getLogger(__name__)

STATUS_OF = {Outcome.ACCEPTED: SubmissionStatus.PENDING_REVIEW, Outcome.INCOMPLETE: SubmissionStatus.INCOMPLETE,
             Outcome.HELD: SubmissionStatus.HELD}
_DUPLICATE_OF = (SubmissionStatus.PENDING_REVIEW, SubmissionStatus.HELD, SubmissionStatus.APPROVED)
NEAR_DUPLICATE = 0.9
REVISION_SIMILARITY = 0.3  # below this, a manuscript sent in reply is another article
FOLLOW_UP = Reason("follow_up", Severity.IGNORE, "reply to a submission that needs no action")


def find_prior_factory(store: Store, settings: Settings) -> Callable[[str], Prior | None]:
    def find_prior(text: str) -> Prior | None:
        since = utcnow() - timedelta(days=settings.duplicate_window_days)
        digest, sig = content_hash(text), simhash(text)
        with store.session() as s:
            rows = s.execute(select(Submission.tracking_id, Submission.created_at, Submission.content_hash,
                                    Submission.simhash, Submission.id)
                             .where(Submission.status.in_(_DUPLICATE_OF), Submission.created_at >= since)
                             .order_by(Submission.id)).all()
            for tracking_id, created, chash, _sig, _id in rows:
                if chash == digest:
                    return Prior(tracking_id, local_text(created, settings.tz), 1.0)
            for tracking_id, created, _chash, other, sub_id in rows:
                if other is None or hamming(sig, other) > SIMHASH_CANDIDATE_DISTANCE:
                    continue
                stored = s.get_one(Submission, sub_id).draft
                score = jaccard(text, stored_body_text(stored)) if stored else 0.0
                if score >= NEAR_DUPLICATE:
                    return Prior(tracking_id, local_text(created, settings.tz), score)
        return None

    return find_prior


def rule_settings(settings: Settings) -> dict[str, Any]:
    """Rule options from the TOML [rules] table."""
    rules = settings.extra.get("rules") or {}
    return {"subject_pattern": rules.get("subject_pattern"), "subject_hint": rules.get("subject_hint", "单位+标题")}


def process_message(store: Store, settings: Settings, message_id: int) -> tuple[dict[str, Any], list[int]]:
    """Decide one stored message; return (the JSON-contract result, notice ids to send)."""
    with store.session() as s:
        msg = s.get_one(Message, message_id)
        if msg.status == MessageStatus.PROCESSED:
            return already_processed(msg.result), _pending_notices(s, message_id)
        raw = store.blobs.get(msg.sha256)
        size = max(len(raw), msg.size_bytes)  # an over-limit mail is stored as its header only
    mail = parse_mail(raw)
    token = probe_token(mail, settings)
    if token is not None:  # the end-to-end probe: acknowledged through the outbox, nothing else
        with store.session() as s:
            msg = s.get_one(Message, message_id, with_for_update=True)
            if msg.status == MessageStatus.PROCESSED:
                return already_processed(msg.result), _pending_notices(s, message_id)
            return answer_probe(s, store, settings, msg, token)
    decided = review_decision(store, settings, message_id, mail)
    if decided is not None:
        return decided
    with store.session() as s:
        # An automatic sender (web form, OA system) never follows up: its mails are each their own.
        thread = find_thread(s, mail) if no_auto_answer(mail) is None else None
        base = from_stored(thread.draft) if thread is not None and thread.draft else None
        mergeable = thread is not None and base is not None and (
            thread.status == SubmissionStatus.INCOMPLETE or (
            thread.status in (SubmissionStatus.PENDING_REVIEW, SubmissionStatus.RETURNED) and _has_files(mail)))
    fresh = None
    extracted = None
    if mergeable and thread is not None and base is not None and thread.status == SubmissionStatus.PENDING_REVIEW:
        # People reply to an old acknowledgement to send their next article: a manuscript unlike
        # the one under review is a new submission, not a revision of it.
        fresh = _evaluate(mail, size, settings, store)
        extracted = fresh.extracted  # a revision reuses it: the mail is extracted once
        if fresh.draft is None or jaccard(fresh.draft.body_text, base.body_text) >= REVISION_SIMILARITY:
            fresh = None
        else:
            mergeable, thread = False, None
    ev = fresh or _evaluate(mail, size, settings, store, base if mergeable else None, extracted)
    if thread is not None and not mergeable and ev.outcome != Outcome.IGNORED:
        ev = Evaluation(Outcome.IGNORED, FOLLOW_UP, ev.reasons, None)
    return _persist(store, settings, message_id, mail, ev, thread.id if thread and mergeable else None,
                    thread.id if thread else None)


def already_processed(recorded: dict[str, Any] | None) -> dict[str, Any]:
    """What a repeated call did: nothing. The recorded result, as a duplicate that sent no mail."""
    result = dict(recorded or {})
    result.update(outcome=Outcome.DUPLICATE.value, reason="already_processed", notifications=[])
    return result


def _evaluate(mail: ParsedMail, size: int, settings: Settings, store: Store, base: Draft | None = None,
              extracted: Extraction | None = None) -> Evaluation:
    started = time.perf_counter()
    ev = evaluate(mail, size, settings.submission_address, settings.required_fields, settings.max_message_bytes,
                    find_prior_factory(store, settings), followup_of=base, **rule_settings(settings),
                    spam_level_threshold=settings.spam_level_threshold,
                    trusted_authserv_ids=settings.trusted_authserv_ids, extracted=extracted)
    if extracted is None:  # timed once per mail: a revision reuses the first extraction
        observe_extraction(ev.draft.manuscript_format if ev.draft else "none", time.perf_counter() - started)
    return ev


def _has_files(mail: ParsedMail) -> bool:
    return any(not a.content_type.startswith("image/") for a in mail.attachments)


def _pending_notices(session: Session, message_id: int) -> list[int]:
    return list(session.scalars(select(Notice.id).where(
        Notice.message_id == message_id, Notice.status == NoticeStatus.PENDING)))


def _photo_bytes(store: Store) -> Callable[[Photo], bytes]:
    return lambda photo: photo.data or store.blobs.get(photo.sha256)


def _save_submission(
    s: Session, store: Store, msg: Message, mail: ParsedMail, ev: Evaluation, thread_id: int | None,
    who: Addresses,
) -> Submission | None:
    if ev.draft is None or (thread_id is None and ev.outcome not in STATUS_OF):
        return None
    draft: Draft = ev.draft
    for photo in draft.photos:
        if photo.data:
            store.blobs.put(photo.data)
    if thread_id is not None:
        sub = s.get_one(Submission, thread_id, with_for_update=True)
        sub.revision += 1
    else:
        sub = Submission(tracking_id=store.next_tracking_id(s), first_message_id=msg.id, revision=1,
                         contributor_addr=who.answer, contributor_name=who.answer_name[:200],
                         sender_addr=mail.from_addr, reply_to_addr=who.reply_to, auto_answer=ev.answerable,
                         subject=mail.subject)
        s.add(sub)
    if ev.outcome in STATUS_OF:
        sub.status = STATUS_OF[ev.outcome]
    sub.outcome, sub.reason = ev.outcome.value, ev.reason.code if ev.reason else None
    for column in COLUMNS:  # title, source_unit, phone, reviewer
        setattr(sub, column, draft.field(column))
    sub.authors, sub.word_count, sub.manuscript = list(draft.authors), draft.word_count, draft.manuscript
    sub.content_hash, sub.simhash = content_hash(draft.body_text), simhash(draft.body_text)
    sub.missing, sub.warnings = ev.missing, [w.code for w in ev.warnings]
    sub.draft, sub.updated_at = to_stored(draft), utcnow()
    s.flush()
    _save_files(s, store, sub, mail, draft)
    s.add(Event(submission_id=sub.id, message_id=msg.id, kind=f"submission.{sub.status}",
                detail={"revision": sub.revision, "missing": sub.missing}))
    return sub


def _earlier_files(s: Session, store: Store, sub: Submission) -> tuple[Attachment, ...]:
    """The submission's files from earlier revisions (newest first, one per name), as sent."""
    rows = s.scalars(select(StoredFile).where(  # photos reach reviewers with the draft already
        StoredFile.submission_id == sub.id, StoredFile.revision < sub.revision, StoredFile.kind != "photo",
    ).order_by(StoredFile.revision.desc(), StoredFile.id))
    seen: set[str] = set()
    out: list[Attachment] = []
    for row in rows:
        if row.filename in seen:
            continue
        seen.add(row.filename)
        try:
            payload = store.blobs.get(row.sha256)
        except (OSError, KeyError):  # purged from the blob store: listed nowhere rather than failing the mail
            continue
        out.append(Attachment(filename=row.filename, content_type=row.content_type, payload=payload))
    return tuple(out)


def _save_files(s: Session, store: Store, sub: Submission, mail: ParsedMail, draft: Draft) -> None:
    for att in mail.attachments:
        s.add(StoredFile(submission_id=sub.id, revision=sub.revision, kind=att.kind(draft.manuscript),
                         filename=att.filename[:500],
                         content_type=att.content_type[:200], sha256=store.blobs.put(att.payload),
                         size_bytes=len(att.payload)))
    for photo in draft.photos:
        if photo.source != "attachment":
            s.add(StoredFile(submission_id=sub.id, revision=sub.revision, kind="photo", filename=photo.filename,
                             content_type=photo.content_type, sha256=photo.sha256, size_bytes=photo.size_bytes,
                             width=photo.width, height=photo.height, caption=photo.caption))


def _persist(
    store: Store, settings: Settings, message_id: int, mail: ParsedMail, ev: Evaluation,
    thread_id: int | None, related_id: int | None,
) -> tuple[dict[str, Any], list[int]]:
    with store.session() as s:
        msg = s.get_one(Message, message_id, with_for_update=True)
        if msg.status == MessageStatus.PROCESSED:  # a concurrent delivery of the same task finished first
            return already_processed(msg.result), _pending_notices(s, message_id)
        who = addresses_of(mail, settings.submission_address)
        sub = _save_submission(s, store, msg, mail, ev, thread_id, who)
        tracking_id = sub.tracking_id if sub else None
        ev, gate = _gate_rejection(s, settings, ev, who.answer, message_id)
        subject = Subject(
            mail=mail, outcome=ev.outcome, reason=ev.reason, reasons=ev.reasons, draft=ev.draft,
            tracking_id=tracking_id, scope=f"sub:{tracking_id}" if sub else f"msg:{message_id}",
            revision=sub.revision if sub else 1, received_at=local_text(msg.received_at, settings.tz),
            reviewers=route_reviewers(settings, ev.draft, sub.id if sub else message_id),
            answer_to=who.answer, answer_name=who.answer_name, answer=ev.answerable and gate.blocked is None,
            earlier_files=_earlier_files(s, store, sub) if sub is not None and sub.revision > 1 else (),
        )
        planned = plan(subject, settings, _photo_bytes(store)) if ev.outcome != Outcome.IGNORED else []
        created = store_notices(s, store, settings, planned, message_id, sub.id if sub else None)
        if gate.unknown and subject.answer and planned and who.answer not in created.rate_limited:
            record_unknown_rejection(s, message_id, who.answer, utcnow())
        result = _result(mail, ev, tracking_id, planned, created.rate_limited)
        msg.status, msg.outcome, msg.reason = "processed", ev.outcome.value, ev.reason.code if ev.reason else None
        msg.submission_id, msg.result, msg.processed_at = (sub.id if sub else related_id), result, utcnow()
        msg.attempts += 1
        detail: dict[str, Any] = {"outcome": ev.outcome.value, "reason": msg.reason}
        if mail.defects:  # for ops: what parsing had to repair or leave (mailparser_failed, tnef_unreadable, …)
            detail["defects"] = sorted(set(mail.defects))
        s.add(Event(message_id=message_id, submission_id=msg.submission_id, kind="message.processed",
                    detail=detail))
        return result, [nid for nid in created.notice_ids if nid]


def _gate_rejection(
    s: Session, settings: Settings, ev: Evaluation, recipient: str, message_id: int
) -> tuple[Evaluation, Gate]:
    """Cap rejections to senders never seen before; a capped one keeps its outcome and gains a warning."""
    if not ev.answerable or CONTRIBUTOR_KINDS.get(ev.outcome) != NoticeKind.REJECTION or not recipient:
        return ev, Gate(False, None)
    gate = rejection_gate(s, settings, recipient, utcnow())
    if gate.blocked is not None:
        s.add(Event(message_id=message_id, kind="notice.rejection_not_sent",
                    detail={"recipient": recipient, "why": gate.blocked.code}))
        ev = replace(ev, reasons=(*ev.reasons, gate.blocked))
    return ev, gate


def _result(
    mail: ParsedMail, ev: Evaluation, tracking_id: str | None, planned: list[Planned], limited: list[str]
) -> dict[str, Any]:
    notifications = [
        {"kind": item.kind.value, "to": list(item.envelope.recipients)}
        for item in planned if item.rate_limited_recipient not in limited
    ]
    return {
        "message_id": mail.message_id,
        "tracking_id": tracking_id,
        "outcome": ev.outcome.value,
        "reason": ev.reason.code if ev.reason else None,
        "draft": contract_json(ev.draft) if ev.draft is not None and ev.outcome != Outcome.IGNORED else None,
        "missing": ev.missing,
        "warnings": [w.code for w in ev.warnings],
        "notifications": notifications,
    }


def record_failure(store: Store, message_id: int, error: str, final: bool) -> None:
    """An unexpected error: count the attempt; on the final one, quarantine (status failed, replayable)."""
    with store.session() as s:
        msg = s.get_one(Message, message_id)
        if msg.status == MessageStatus.PROCESSED:
            return
        msg.attempts += 1
        msg.error = error[:4000]
        if final:
            msg.status = MessageStatus.FAILED
        s.add(Event(message_id=message_id, kind="message.failed" if final else "message.error",
                    detail={"error": error[:1000]}))
