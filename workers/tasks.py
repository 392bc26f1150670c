"""Thin, idempotent tasks: `intake.ingest(message_id)` and `intake.send(notice_id)`.

Retry policy lives here and only here: ingest retries unexpected errors a
few times, then the message is quarantined (status failed, `intake replay`);
send retries transient SMTP failures with backoff until the notice's deadline.
"""

from __future__ import annotations

from typing import Any

from intake.outbox import RetryLater, backoff, send_notice
from workers.app import app, runtime

INGEST_RETRIES = 4


@app.task(name="intake.ingest", bind=True, max_retries=INGEST_RETRIES, soft_time_limit=300, time_limit=360)  # type: ignore[untyped-decorator]
def ingest(self: Any, message_id: int) -> dict[str, Any]:
    final = self.request.retries >= INGEST_RETRIES
    try:
        return runtime().ingest(message_id, final_attempt=final)
    except Exception as exc:
        if final:
            return {"message": message_id, "status": "failed"}
        raise self.retry(exc=exc, countdown=backoff(self.request.retries + 1)) from exc


@app.task(name="intake.send", bind=True, max_retries=None)  # type: ignore[untyped-decorator]
def send(self: Any, notice_id: int) -> str:
    rt = runtime()
    try:
        return send_notice(rt.store, rt.settings, rt.transport, notice_id)
    except RetryLater as exc:
        raise self.retry(countdown=exc.countdown, max_retries=None) from exc
