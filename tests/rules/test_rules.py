"""intake.rules: each rule reports reasons and never acts; RULES is the whole policy, in order."""

from __future__ import annotations

from dataclasses import replace

import pytest

from intake.models import Block, Draft, Extraction, FieldValue, Finding, ParsedMail, Reason
from intake.rules import RULES, check_all, duplicate, extraction, length, required_fields, size
from intake.rules.base import Candidate, Context, Prior
from intake.similarity import content_hash, jaccard

MAIL = ParsedMail(
    message_id="<m1@163.com>", subject="投稿：读书分享会", from_name="张晓琳", from_addr="a@163.com",
    to=("tougao@localhost",), date=None, text_body="", html_body="", attachments=(), headers={},
    content_type="text/plain",
)
FIELDS = ("title", "source_unit", "authors", "phone")


def draft(words: int = 500, **fields: object) -> Draft:
    values: dict[str, object] = {
        "title": FieldValue("读书分享会", "manuscript:first_lines"),
        "source_unit": FieldValue("青禾市财政局", "manuscript:first_lines"),
        "authors": ("张三",), "authors_found_in": "manuscript:first_lines",
        "phone": FieldValue("13912345678", "manuscript:closing"), "reviewer": None,
        "blocks": (Block("paragraph", "字" * words),), "photos": (), "manuscript": "稿件.docx",
        "manuscript_format": "docx",
    }
    values.update(fields)
    kept = {k: values.pop(k) for k in ("phone", "reviewer")}  # single-valued fields live in Draft.values
    values["values"] = {k: v for k, v in kept.items() if v is not None}
    return Draft(**values)  # type: ignore[arg-type]


def context(
    the_draft: Draft | None = None, reasons: tuple[Finding, ...] = (), raw_size: int = 10_000,
    required: tuple[str, ...] = FIELDS, prior: Prior | None = None, limit: int = 1_000_000,
) -> Context:
    return Context(
        mail=MAIL, raw_size=raw_size, extraction=Extraction(the_draft, reasons), required_fields=required,
        max_message_bytes=limit, priors=[] if prior is None or the_draft is None else [
            Candidate(prior.tracking_id, prior.received_at, content_hash(the_draft.body_text))],
    )


def test_the_policy_table_reads_in_order() -> None:
    """RULES is size, extraction, required fields, duplicate, length, subject; each named and described."""
    assert [r.name for r in RULES] == ["too-large", "extraction", "required-fields", "duplicate", "length",
                                       "subject-format"]
    assert all(r.description for r in RULES)


# --------------------------------------------------------------------------- too-large


def test_a_mail_at_the_limit_is_not_too_large() -> None:
    """raw_size == max_message_bytes passes."""
    assert size.check(context(raw_size=1000, limit=1000)) == []


def test_a_mail_over_the_limit_is_rejected_with_both_sizes() -> None:
    """One byte over → too_large (reject), telling the size and the limit."""
    (reason,) = size.check(context(raw_size=1001, limit=1000))
    assert (reason.code, reason.severity) == ("too_large", "reject")
    assert reason.data == {"size_bytes": 1001, "limit_bytes": 1000}


# --------------------------------------------------------------------------- extraction


def test_extraction_findings_are_judged_by_the_severity_table_in_order() -> None:
    """Whatever the extractors found is reported, in order, with the table's severity."""
    found = (Finding("secrecy_marker", "内部资料"), Finding("photo_too_small"))
    assert extraction.check(context(draft(), found)) == [Reason("secrecy_marker", "hold", "内部资料"),
                                                         Reason("photo_too_small", "warning")]


@pytest.mark.parametrize(("code", "stopped", "went_on"), [
    ("unreadable_manuscript", "reject", "warning"),  # nothing readable / one of several unreadable
    ("unsafe_attachment", "reject", "warning"),
    ("no_manuscript", "reject", "reject"),
    ("secrecy_marker", "hold", "hold"),
    ("photo_missing_caption", "warning", "warning"),
])
def test_one_table_maps_each_finding_to_its_severity(code: str, stopped: str, went_on: str) -> None:
    from intake.rules.severity import severity

    assert severity(Finding.stop(code)) == stopped and severity(Finding(code)) == went_on


def test_every_code_the_extractors_report_is_in_the_severity_table() -> None:
    """A new extractor code must be judged here, not left to the fallback."""
    import re
    from pathlib import Path

    from intake.rules.severity import TABLE

    folder = Path(__file__).resolve().parents[2] / "intake" / "extract"
    source = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.py"))
    codes = set(re.findall(r'(?:Finding(?:\.stop)?|ExtractError)\("([a-z_]+)"', source))
    assert codes and codes <= set(TABLE), codes - set(TABLE)


# --------------------------------------------------------------------------- required-fields


def test_a_complete_draft_misses_nothing() -> None:
    """All four default fields present → no reason."""
    assert required_fields.check(context(draft())) == []


def test_exactly_the_missing_configured_fields_are_reported() -> None:
    """No phone and no authors → two `missing` reasons named phone and authors, in configured order."""
    reasons = required_fields.check(context(draft(phone=None, authors=())))
    assert [(r.code, r.severity) for r in reasons] == [("authors", "missing"), ("phone", "missing")]


def test_reviewer_is_missing_only_when_configured_as_required() -> None:
    """A draft without 审核人 is complete by default, incomplete when `reviewer` is required."""
    assert required_fields.check(context(draft())) == []
    reasons = required_fields.check(context(draft(), required=(*FIELDS, "reviewer")))
    assert [r.code for r in reasons] == ["reviewer"]
    with_reviewer = draft(reviewer=FieldValue("王五", "manuscript:closing"))
    assert required_fields.check(context(with_reviewer, required=(*FIELDS, "reviewer"))) == []


def test_fields_not_configured_are_not_required() -> None:
    """INTAKE_REQUIRED_FIELDS=title: a draft with only a title is complete."""
    bare = draft(source_unit=None, authors=(), phone=None)
    assert required_fields.check(context(bare, required=("title",))) == []


def test_no_draft_means_no_missing_fields() -> None:
    """Without a draft (e.g. no manuscript) nothing is reported missing: another rule already rejects."""
    assert required_fields.check(context(None)) == []


# --------------------------------------------------------------------------- duplicate


def test_a_prior_submission_makes_a_duplicate_reason() -> None:
    """A near candidate (same text but for one sentence) → duplicate, naming it and the similarity."""
    varied = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(600))  # 597 distinct shingles
    the_draft = replace(draft(), blocks=(Block("paragraph", varied),))
    near = the_draft.body_text + "本文有一句新增的话。"
    cand = Candidate("TG-20261120-0003", "2026-11-20T09:00:00+08:00", "0" * 64, near)
    ctx = replace(context(the_draft), priors=[cand])
    (reason,) = duplicate.check(ctx)
    assert (reason.code, reason.severity) == ("duplicate", "duplicate")
    assert reason.data == {"first_tracking_id": "TG-20261120-0003", "first_received_at": "2026-11-20T09:00:00+08:00",
                           "similarity": round(jaccard(the_draft.body_text, near), 3)}
    assert 0.9 <= reason.data["similarity"] < 1.0
    other = "".join(chr(0x4E00 + (i * 104729) % 20000) for i in range(200))
    far = replace(cand, body_text=near + other)
    assert duplicate.check(replace(context(the_draft), priors=[far])) == [], "under 90 % similar is no duplicate"


def test_no_prior_or_empty_text_is_not_a_duplicate() -> None:
    """Nothing found, or a draft with no body text, is never a duplicate."""
    prior = Prior("TG-20261120-0003", "2026-11-20", 1.0)
    assert duplicate.check(context(draft())) == []
    assert duplicate.check(context(draft(blocks=()), prior=prior)) == []
    assert duplicate.check(context(None, prior=prior)) == []


# --------------------------------------------------------------------------- length


@pytest.mark.parametrize(
    ("words", "code"),
    [(length.MIN_WORDS - 1, "too_short"), (length.MIN_WORDS, None), (length.MAX_WORDS, None),
     (length.MAX_WORDS + 1, "too_long")],
)
def test_length_warnings_at_the_bounds(words: int, code: str | None) -> None:
    """Under 150 words warns too_short, over 20,000 warns too_long; the bounds themselves are fine."""
    reasons = length.check(context(draft(words)))
    assert [(r.code, r.severity) for r in reasons] == ([(code, "warning")] if code else [])
    if code:
        assert reasons[0].data["word_count"] == words


def test_word_count_counts_cjk_characters_and_latin_words() -> None:
    """字数 is CJK characters plus Latin words: '学习 AI 与 big data' is 3 + 3."""
    assert replace(draft(), blocks=(Block("paragraph", "学习 AI 与 big data"),)).word_count == 6


# --------------------------------------------------------------------------- check_all


def test_check_all_collects_every_reason_in_table_order() -> None:
    """One pass reports every problem at once: size, extractor, missing fields, duplicate, length."""
    prior = Prior("TG-20261120-0003", "2026-11-20", 1.0)
    found = (Finding("photo_too_small"),)
    reasons = check_all(context(draft(10, phone=None), found, raw_size=2000, limit=1000, prior=prior))
    assert [r.code for r in reasons] == ["too_large", "photo_too_small", "phone", "duplicate", "too_short"]


def test_subject_format_warns_only_when_a_pattern_is_configured_and_missed() -> None:
    """Without a pattern only an empty subject is noted; with one, a subject that misses it is."""
    from dataclasses import replace

    from intake.rules import subject_format

    ctx = context()
    plain = replace(ctx, mail=replace(ctx.mail, subject="推进会召开"))
    assert subject_format.check(plain) == []
    empty = replace(ctx, mail=replace(ctx.mail, subject="  "))
    assert [r.code for r in subject_format.check(empty)] == ["subject_format"]
    ok = replace(ctx, mail=replace(ctx.mail, subject="【青禾市统计局】推进会召开"), subject_pattern=r"^【.+】")
    assert subject_format.check(ok) == []
    bad = replace(ok, mail=replace(ok.mail, subject="推进会召开"))
    [reason] = subject_format.check(bad)
    assert reason.severity == "warning" and reason.data["hint"] == "单位+标题"
