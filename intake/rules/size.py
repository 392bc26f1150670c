"""too-large: a mail over the configured size is not processed; the sender is told the limit."""

from __future__ import annotations

from intake.models import Reason
from intake.rules.base import Context, Rule
from intake.states import Severity


def check(ctx: Context) -> list[Reason]:
    if ctx.raw_size <= ctx.max_message_bytes:
        return []
    return [Reason("too_large", Severity.REJECT, f"{ctx.raw_size} bytes",
                   {"size_bytes": ctx.raw_size, "limit_bytes": ctx.max_message_bytes})]


RULE = Rule("too-large", "Mails over INTAKE_MAX_MESSAGE_BYTES are rejected unread.", check)
