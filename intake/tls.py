"""The one TLS client context for IMAP and SMTP: system trust (or INTAKE_TLS_CA_FILE), verified
unless the operator switched verification off for a mailbox or relay on a private network."""

from __future__ import annotations

import ssl


def client_context(verify: bool = True, ca_file: str | None = None) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=ca_file)
    if not verify:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx
