"""Extraction stage: turn one parsed mail into a draft article (or reasons why not).

`extract()` expands archives, chooses the manuscript (.docx > .doc/.wps > .pdf > .txt, else
the mail body when it reads like an article), reads blocks and photos, finds metadata, matches
captions and reports every problem as a Finding. No exception escapes it.
"""

from __future__ import annotations

import logging

from intake.extract.assemble import build_draft
from intake.extract.body import mail_body_lines, reads_like_article
from intake.extract.choose import Sorted, first_readable, other_articles, sort_attachments
from intake.extract.content import Manuscript
from intake.extract.deadline import ExtractionTimeout, deadline
from intake.extract.html import large_attachment_links, picture_captions
from intake.extract.limits import ExtractLimits
from intake.extract.secrecy import find_markers
from intake.extract.text import lines_to_items
from intake.models import Attachment, Extraction, Finding, ParsedMail

__all__ = ["ExtractLimits", "extract"]
log = logging.getLogger(__name__)


def extract(mail: ParsedMail, limits: ExtractLimits = ExtractLimits()) -> Extraction:  # noqa: B008
    """The draft of one mail and every reason found; failures become reasons, never exceptions."""
    try:
        with deadline(limits.timeout_seconds):
            return _extract(mail, limits)
    except ExtractionTimeout as exc:
        log.error("extraction of %s stopped: %s", mail.message_id, exc)
        return Extraction(None, (Finding.stop("unreadable_manuscript", str(exc), {"timeout": True}),))
    except Exception as exc:
        log.exception("extraction failed for %s", mail.message_id)
        return Extraction(None, (Finding.stop("unreadable_manuscript", f"extraction failed: {exc!r}"),))


def _links(mail: ParsedMail) -> list[dict[str, str | None]]:
    try:
        return large_attachment_links(mail.html_body, mail.text_body)
    except Exception:  # a broken HTML body must not hide the manuscript
        log.exception("large-attachment scan failed for %s", mail.message_id)
        return []


def _no_manuscript(sorted_: Sorted, links: list[dict[str, str | None]]) -> Finding:
    if links:
        return Finding.stop("external_link", "manuscript only as a large-attachment link", {"links": links})
    if sorted_.others:
        names = [a.filename for a in sorted_.others]
        return Finding.stop("unsupported_attachment", "、".join(names), {"filenames": names})
    return Finding.stop("no_manuscript")


def _secrecy(
    mail: ParsedMail, sorted_: Sorted, body: list[str], ms: Manuscript | None, others: tuple[str, ...] = ()
) -> list[Finding]:
    texts = [("subject", mail.subject), *(("filename", n) for n in sorted_.names), ("body", "\n".join(body))]
    if ms is not None and ms.format != "body":
        texts.append(("manuscript", "\n".join(it.text for it in ms.items)))
    texts += [("manuscript", text) for text in others]
    return find_markers(texts)


def _multiple(chosen: Manuscript, articles: list[Attachment]) -> list[Finding]:
    if not articles:
        return []
    names = [a.filename for a in articles]
    return [Finding("multiple_manuscripts", "、".join(names),
                   {"filenames": names, "chosen": chosen.filename})]


def _extract(mail: ParsedMail, limits: ExtractLimits) -> Extraction:
    body = mail_body_lines(mail)
    links = _links(mail)
    sorted_ = sort_attachments(mail.attachments, limits)
    reasons = list(sorted_.reasons)
    if any(r.blocking for r in reasons):
        return Extraction(None, tuple(reasons + _secrecy(mail, sorted_, body, None)))
    manuscript, failures = first_readable(sorted_.manuscripts, limits, mail.message_id)
    reasons += failures
    if manuscript is None and not failures and reads_like_article(body):
        manuscript = Manuscript(None, "body", lines_to_items(body))
    if manuscript is None:
        if not failures:
            reasons.append(_no_manuscript(sorted_, links))
        return Extraction(None, tuple(reasons + _secrecy(mail, sorted_, body, None)))
    inline = [a for a in sorted_.photos if a.inline and a.content_id]
    under = picture_captions(mail.html_body) if manuscript.format == "body" and inline else []
    draft, draft_reasons = build_draft(manuscript, body, mail.subject, sorted_.photos, limits,
                                       under if len(under) == len(sorted_.photos) else None)
    reasons += draft_reasons
    reasons += [Finding("external_link", str(link.get("filename") or link["url"]), dict(link))
                for link in links]
    rest = sorted_.manuscripts[len(failures) + 1:] if manuscript.format != "body" else []
    articles, texts = other_articles(manuscript, rest, limits, mail.message_id)
    reasons += _secrecy(mail, sorted_, body, manuscript, tuple(texts))
    return Extraction(draft, tuple(_multiple(manuscript, articles) + reasons))  # the one that asks for action first
