"""subject-format: warn when the subject does not follow the office's convention (TOML `rules.subject_pattern`).

Many offices ask for "单位+标题" or "【单位】标题". The pattern is a regular expression
matched against the subject; without one configured the rule only notes an empty subject.
"""

from __future__ import annotations

import re

from intake.models import Reason
from intake.rules.base import Context, Rule
from intake.states import Severity


def check(ctx: Context) -> list[Reason]:
    subject = ctx.mail.subject.strip()
    if not subject:
        return [Reason("subject_format", Severity.WARNING, "empty subject", {"hint": ctx.subject_hint})]
    if ctx.subject_pattern and not re.search(ctx.subject_pattern, subject):
        return [Reason("subject_format", Severity.WARNING, subject, {"hint": ctx.subject_hint})]
    return []


RULE = Rule("subject-format", "Warn when the subject is empty or does not match rules.subject_pattern.", check)
