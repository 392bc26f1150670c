"""The severity table: what each extractor finding does to the outcome, on one screen.

Extractors report neutral findings (`intake.models.Finding`: a code, details, and whether it
stopped the extraction). This table is the policy: for each code, the severity when the finding
stopped the extraction (no draft could be made) and when it did not (a draft was made anyway).
`decide` (intake.pipeline) then reads every reason: ignore > reject > duplicate > hold > missing.

To change the policy (hold every secrecy marker as a rejection, say) change one line here.
"""

from __future__ import annotations

import logging

from intake.models import Finding, Reason
from intake.states import Severity

log = logging.getLogger(__name__)

R, H, W = Severity.REJECT, Severity.HOLD, Severity.WARNING

# code: (when it stopped the extraction, when a draft was made anyway)
TABLE: dict[str, tuple[Severity, Severity]] = {
    "no_manuscript": (R, R),  # nothing to read: no file, no article in the body
    "unreadable_manuscript": (R, W),  # no manuscript readable / one of several unreadable
    "unsupported_attachment": (R, W),  # only files we do not read / one of several
    "external_link": (R, W),  # the manuscript only behind a large-attachment link / a link beside it
    "unsafe_attachment": (R, W),  # over a limit: refused / a second manuscript refused, the first read
    "multiple_manuscripts": (W, W),  # several articles in one mail: the first is the draft
    "secrecy_marker": (H, H),  # 内部 / 秘密 / 不宜公开: a human decides
    "unreadable_photo": (W, W),
    "photo_too_small": (W, W),
    "photo_missing_caption": (W, W),
    "caption_too_long": (W, W),
    "photos_only_in_manuscript": (W, W),
    "no_photo_credit": (W, W),
}


def severity(finding: Finding) -> Severity:
    stopped, went_on = TABLE.get(finding.code, (R, W))
    if finding.code not in TABLE:  # a new extractor code nobody judged yet: visible, never silent
        log.warning("finding %s has no severity in rules/severity.py", finding.code)
    return stopped if finding.blocking else went_on


def judge(finding: Finding) -> Reason:
    return Reason(finding.code, severity(finding), finding.detail, finding.data)
