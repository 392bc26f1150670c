"""intake.pipeline: every reason is collected, then one outcome is decided (ignore > reject > duplicate > hold >
missing > accepted)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from intake.mail import parse_mail
from intake.models import Block, Draft, FieldValue, Outcome, ParsedMail, Reason
from intake.pipeline import Evaluation, Thread, decide, evaluate, read
from intake.rules.base import Candidate, Prior
from intake.similarity import content_hash
from intake.states import Role, SubmissionStatus

OWN = "tougao@localhost"
FIELDS = ("title", "source_unit", "authors", "phone")
LIMIT = 50 * 1024 * 1024

IGNORE = Reason("auto_reply", "ignore")
REJECT = Reason("no_manuscript", "reject")
DUPLICATE = Reason("duplicate", "duplicate")
HOLD = Reason("secrecy_marker", "hold")
MISSING = Reason("phone", "missing")
WARNING = Reason("photo_too_small", "warning")

# --------------------------------------------------------------------------- decide


@pytest.mark.parametrize(
    ("reasons", "outcome", "deciding"),
    [
        ((), Outcome.ACCEPTED, None),
        ((WARNING,), Outcome.ACCEPTED, None),
        ((MISSING, WARNING), Outcome.INCOMPLETE, None),
        ((MISSING, HOLD), Outcome.HELD, HOLD),
        ((MISSING, HOLD, DUPLICATE), Outcome.DUPLICATE, DUPLICATE),
        ((MISSING, HOLD, DUPLICATE, REJECT), Outcome.REJECTED, REJECT),
        ((MISSING, HOLD, DUPLICATE, REJECT, IGNORE), Outcome.IGNORED, IGNORE),
        ((WARNING, IGNORE, MISSING), Outcome.IGNORED, IGNORE),
    ],
    ids=["nothing", "warning-only", "missing", "hold>missing", "duplicate>hold", "reject>duplicate",
         "ignore>reject", "ignore-anywhere"],
)
def test_decide_applies_the_precedence(reasons: tuple[Reason, ...], outcome: Outcome, deciding: Reason | None) -> None:
    """The most severe reason decides, wherever it is in the list; missing fields name no single reason."""
    assert decide(reasons) == (outcome, deciding)


def test_the_first_reason_of_the_deciding_severity_is_the_one_reported() -> None:
    """Two rejections: the first (in table order) is the reason the contributor is told."""
    too_large = Reason("too_large", "reject")
    assert decide((WARNING, too_large, REJECT)) == (Outcome.REJECTED, too_large)


def test_an_unknown_severity_is_refused_where_the_reason_is_made() -> None:
    """Severities are a closed set (intake.states.Severity): a misspelt one fails at once, in the
    extractor or rule that wrote it, instead of silently counting as nothing."""
    with pytest.raises(ValueError):
        Reason("odd", "info")  # type: ignore[arg-type]
    assert decide((Reason("odd", "warning"),)) == (Outcome.ACCEPTED, None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- evaluate

ARTICLE = "11月24日，市直机关工委举办青年干部读书分享会，六十余名青年干部参加活动。" * 6
LABELS = ("市直机关工委举办青年干部读书分享会\n供稿单位：青禾市财政局机关党委\n作者：张三 李四\n"
          "联系电话：13912345678\n")


def submission(manuscript: str | None = LABELS + ARTICLE, headers: dict[str, str] | None = None,
               subject: str = "投稿：读书分享会") -> tuple[ParsedMail, int]:
    """A contributor's mail with the manuscript as a .txt attachment; returns it parsed and its size."""
    message = EmailMessage()
    message["From"] = "张晓琳 <a@163.com>"
    message["To"] = OWN
    message["Subject"] = subject
    message["Message-ID"] = "<m1@163.com>"
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content("编辑老师好，附件是稿件，请审阅。")
    if manuscript is not None:
        message.add_attachment(manuscript.encode("utf-8"), maintype="text", subtype="plain", filename="稿件.txt")
    raw = message.as_bytes()
    return parse_mail(raw), len(raw)


def run(mail_and_size: tuple[ParsedMail, int], required: tuple[str, ...] = FIELDS, limit: int = LIMIT,
        prior: Prior | None = None, followup_of: Draft | None = None) -> Evaluation:
    mail, size = mail_and_size
    own = read(mail, size, OWN, limit)
    priors = [Candidate(prior.tracking_id, prior.received_at, content_hash(own.draft.body_text))] \
        if prior is not None and own is not None and own.draft is not None else []
    if followup_of is None:
        return evaluate(mail, size, OWN, required, limit, priors)
    return evaluate(mail, size, OWN, required, limit, priors, role=Role.FOLLOW_UP,
                    thread=Thread(1, SubmissionStatus.INCOMPLETE, followup_of))


def test_a_complete_submission_is_accepted_with_its_draft() -> None:
    """Labels in the manuscript fill every required field: accepted, nothing missing."""
    result = run(submission())
    assert (result.outcome, result.reason, result.missing) == (Outcome.ACCEPTED, None, [])
    assert result.draft is not None
    assert result.draft.field("title") == "市直机关工委举办青年干部读书分享会"
    assert result.draft.field("source_unit") == "青禾市财政局机关党委"
    assert result.draft.authors == ("张三", "李四")
    assert result.draft.field("phone") == "13912345678"


def test_a_submission_without_phone_is_incomplete_naming_exactly_phone() -> None:
    """Only the absent field is listed as missing."""
    result = run(submission(LABELS.replace("联系电话：13912345678\n", "") + ARTICLE))
    assert (result.outcome, result.reason, result.missing) == (Outcome.INCOMPLETE, None, ["phone"])


def test_reviewer_is_missing_only_when_required() -> None:
    """The same mail is accepted by default and incomplete (reviewer) when reviewer is required."""
    assert run(submission()).missing == []
    result = run(submission(), required=(*FIELDS, "reviewer"))
    assert (result.outcome, result.missing) == (Outcome.INCOMPLETE, ["reviewer"])


def test_a_mail_without_manuscript_is_rejected() -> None:
    """A short covering note and no attachment → rejected no_manuscript, no missing-field noise."""
    result = run(submission(None))
    assert result.outcome == Outcome.REJECTED
    assert result.reason is not None and result.reason.code == "no_manuscript"
    assert result.missing == []


def test_a_too_large_mail_is_rejected_without_being_opened() -> None:
    """Over the limit → rejected too_large and no draft (its attachments are never extracted)."""
    mail, size = submission()
    result = run((mail, size), limit=size - 1)
    assert result.outcome == Outcome.REJECTED
    assert result.reason is not None and result.reason.code == "too_large"
    assert result.draft is None
    assert [r.code for r in result.reasons] == ["too_large"]


def test_an_auto_reply_is_ignored_before_anything_else() -> None:
    """Auto-Submitted: auto-replied → ignored, even when too large; nothing is extracted."""
    mail, size = submission(headers={"Auto-Submitted": "auto-replied"})
    result = run((mail, size), limit=size - 1)
    assert (result.outcome, result.draft) == (Outcome.IGNORED, None)
    assert [r.code for r in result.reasons] == ["auto_reply"]


def test_a_known_manuscript_is_a_duplicate_even_when_incomplete() -> None:
    """An earlier submission of the same text among the candidates → duplicate, which outranks missing fields."""
    prior = Prior("TG-20261120-0003", "2026-11-20", 1.0)
    result = run(submission(LABELS.replace("联系电话：13912345678\n", "") + ARTICLE), prior=prior)
    assert result.outcome == Outcome.DUPLICATE
    assert result.reason is not None and result.reason.data["first_tracking_id"] == "TG-20261120-0003"
    assert result.missing == ["phone"], "every reason is still reported"


def test_a_secrecy_marker_holds_the_submission_for_a_human() -> None:
    """内部资料 in the manuscript → held, with the marker as the deciding reason."""
    result = run(submission(LABELS + "（内部资料 注意保密）\n" + ARTICLE))
    assert result.outcome == Outcome.HELD
    assert result.reason is not None and result.reason.severity == "hold"


def test_a_short_article_is_accepted_with_a_length_warning() -> None:
    """Under 150 words warns reviewers (too_short) but does not block."""
    result = run(submission(LABELS + "11月24日，市直机关工委举办青年干部读书分享会。"))
    assert result.outcome == Outcome.ACCEPTED
    assert [w.code for w in result.warnings] == ["too_short"]


def test_a_follow_up_is_never_a_duplicate_of_its_own_submission() -> None:
    """When completing an earlier draft the duplicate check is off: the contributor's phone completes it."""
    base = Draft(
        title=FieldValue("读书分享会", "subject"), source_unit=FieldValue("青禾市财政局", "manuscript:first_lines"),
        authors=("张三",), authors_found_in="manuscript:first_lines",
        blocks=(Block("paragraph", ARTICLE),), photos=(), manuscript="稿件.docx", manuscript_format="docx",
    )
    reply = EmailMessage()
    reply["From"] = "a@163.com"
    reply["To"] = OWN
    reply["Subject"] = "Re: 【请补充稿件信息】TG-20261126-0001"
    quote = "------------------ 原始邮件 ------------------\n联系电话：138 0000 0000\n"
    reply.set_content(f"联系电话：13912345678\n\n{quote}")
    raw = reply.as_bytes()
    prior = Prior("TG-20261126-0001", "2026-11-26", 1.0)
    result = run((parse_mail(raw), len(raw)), prior=prior, followup_of=base)
    assert result.outcome == Outcome.ACCEPTED
    assert result.draft is not None and result.draft.field("phone") == "13912345678"


# --------------------------------------------------------------------------- never answer versus never read


def test_a_web_form_mail_with_a_manuscript_is_accepted_but_not_answerable() -> None:
    """noreply@ sender + manuscript → accepted, a warning says nobody is answered automatically."""
    mail = parse_mail(submission_raw(sender="青禾党建网 <noreply@form.qinghe.gov.example>"))
    result = run((mail, 0))
    assert (result.outcome, result.answerable) == (Outcome.ACCEPTED, False)
    [note] = [w for w in result.warnings if w.code == "not_answered_automatic_sender"]
    assert note.data == {"why": "auto_reply", "kind": "automatic", "sender": "noreply@form.qinghe.gov.example"}


def test_a_web_form_mail_missing_a_field_goes_to_review_with_the_field_missing() -> None:
    """Nobody can be asked for the phone: accepted (reviewers get it), `missing` still says phone."""
    mail = parse_mail(submission_raw(sender="noreply@form.qinghe.gov.example",
                                     manuscript=LABELS.replace("联系电话：13912345678\n", "") + ARTICLE))
    result = run((mail, 0))
    assert (result.outcome, result.missing, result.answerable) == (Outcome.ACCEPTED, ["phone"], False)


def test_a_vacation_reply_without_manuscript_is_ignored() -> None:
    """Auto-Submitted: auto-replied and nothing attached → ignored auto_reply, as before."""
    result = run(submission(None, headers={"Auto-Submitted": "auto-replied"}))
    assert (result.outcome, result.reason and result.reason.code, result.draft) == (
        Outcome.IGNORED, "auto_reply", None)


def test_a_vacation_reply_quoting_an_article_in_its_body_is_still_ignored() -> None:
    """An auto-reply counts only with an attached manuscript: a quoted article body is not one."""
    mail = parse_mail(submission_raw(manuscript=None, body=LABELS + ARTICLE, subject="自动回复：投稿：读书分享会"))
    result = run((mail, 0))
    assert (result.outcome, result.reason and result.reason.code) == (Outcome.IGNORED, "auto_reply")


def test_a_list_mail_with_a_manuscript_is_a_submission_nobody_is_answered_for() -> None:
    """List-Id + manuscript → accepted, not answerable."""
    result = run(submission(headers={"List-Id": "<tougao.lists.qinghe.gov.example>"}))
    assert (result.outcome, result.answerable) == (Outcome.ACCEPTED, False)


def test_a_spam_verdict_ignores_even_a_complete_submission() -> None:
    """X-Spam-Flag: YES → ignored spam before extraction; nothing is read."""
    result = run(submission(headers={"X-Spam-Flag": "YES"}))
    assert (result.outcome, result.reason and result.reason.code, result.draft) == (Outcome.IGNORED, "spam", None)


def test_an_automatic_mail_never_completes_an_earlier_submission() -> None:
    """A vacation reply to our 'please complete' notice is no follow-up."""
    base = Draft(title=FieldValue("读书分享会", "subject"), source_unit=None, authors=(), authors_found_in=None,
                 blocks=(Block("paragraph", ARTICLE),), photos=(), manuscript="稿件.docx",
                 manuscript_format="docx")
    result = run(submission(headers={"Auto-Submitted": "auto-replied"}), followup_of=base)
    assert result.outcome == Outcome.IGNORED


def submission_raw(sender: str = "张晓琳 <a@163.com>", manuscript: str | None = LABELS + ARTICLE,
                   body: str = "编辑老师好，附件是稿件，请审阅。", subject: str = "投稿：读书分享会") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = OWN
    message["Subject"] = subject
    message["Message-ID"] = "<m2@163.com>"
    message.set_content(body)
    if manuscript is not None:
        message.add_attachment(manuscript.encode("utf-8"), maintype="text", subtype="plain", filename="稿件.txt")
    return message.as_bytes()
