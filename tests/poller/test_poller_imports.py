"""The poller is a byte mover: importing it loads none of the document, template or database stack.

Run in a fresh interpreter, so modules other tests imported do not count.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("docx", "pypdf", "pdfminer", "PIL", "jinja2", "lxml", "mailparser", "sqlalchemy", "celery")


def test_importing_the_poller_loads_no_extraction_rendering_or_database_code() -> None:
    code = ("import json, sys, intake.poller, intake.poller.watch, intake.poller.imap, intake.poller.maildir,"
            " intake.poller.lease, intake.poller.sink; print(json.dumps(sorted(sys.modules)))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                       text=True).stdout)
    assert sorted({m.split(".")[0] for m in loaded} & set(HEAVY)) == []
    ours = {m for m in loaded if m.startswith("intake.")}
    assert ours <= {"intake.poller", "intake.poller.watch", "intake.poller.imap", "intake.poller.maildir",
                    "intake.poller.lease", "intake.poller.sink", "intake.config", "intake.failpoints",
                    "intake.backoff", "intake.tls", "intake.fields", "intake.states", "intake.clock"}, ours
