"""The monthly 通报 table by mail: `intake stats --mail` now, or by the poller once a month.

With INTAKE_STATS_RECIPIENTS set (addresses, or `ops` for INTAKE_OPS_ADDRESS), the poller mails
the previous month's table on the first day of each month (office time): the table as text and
HTML in the body, the CSV (UTF-8 with BOM) and the XLSX attached. An event `stats.mailed` with the
month and recipients records each mail sent, so a restarted poller sends it once; a mail that
cannot be sent is tried again on the next evaluation (every ALARM_SECONDS).
"""

from __future__ import annotations

import html
import logging
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid
from typing import Any

from intake import stats
from intake.config import Settings
from intake.store.events import event_details
from intake.tables import Event

log = logging.getLogger(__name__)
MAILED = "stats.mailed"


def recipients(settings: Settings) -> tuple[str, ...]:
    """INTAKE_STATS_RECIPIENTS with `ops` read as INTAKE_OPS_ADDRESS; empty: the monthly mail is off."""
    out: list[str] = []
    for item in settings.stats_recipients:
        if item == "ops":
            if settings.ops_address:
                out.append(settings.ops_address)
        else:
            out.append(item)
    return tuple(dict.fromkeys(out))


def previous_month(now_local: datetime) -> tuple[int, int]:
    return (now_local.year, now_local.month - 1) if now_local.month > 1 else (now_local.year - 1, 12)


def report_mail(settings: Settings, report: stats.Report, to: tuple[str, ...]) -> bytes:
    """The mail: the table as text and HTML, the CSV and the XLSX attached."""
    mail = EmailMessage()
    mail["From"] = f"{settings.site_name} <{settings.submission_address}>"
    mail["To"] = ", ".join(to)
    mail["Subject"] = stats.title(report)
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid("stats", settings.submission_address.split("@")[-1])
    mail["Auto-Submitted"] = "auto-generated"
    mail["X-Loop"] = settings.submission_address
    mail.set_content(stats.render_table(report))
    head, body = stats.headers(), stats.cells(report)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line) + "</tr>" for line in body)
    mail.add_alternative(
        f"<!doctype html><html><body><h3>{html.escape(stats.title(report))}</h3>"
        "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\">"
        "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + f"</tr>{rows}</table>"
        f"<p>{html.escape(stats.footer(report))}</p></body></html>", subtype="html")
    name = f"stats-{report.label}"
    mail.add_attachment(stats.to_csv(report), maintype="text", subtype="csv", filename=f"{name}.csv",
                        params={"charset": "utf-8"})  # without it, readers decode the bytes as ASCII
    mail.add_attachment(stats.to_xlsx(report), maintype="application",
                        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename=f"{name}.xlsx")
    return mail.as_bytes(policy=SMTP)


def mailed_months(store: Any) -> set[str]:
    with store.session() as s:
        return {str((detail or {}).get("month")) for _, detail in event_details(s, (MAILED,))}


def send_report(runtime: Any, year: int, month: int, to: tuple[str, ...], actor: str) -> None:
    """Compute, mail and record the month's table (raises when the mail cannot be sent)."""
    settings, store = runtime.settings, runtime.store
    report = stats.collect(store, settings.tz, year, month, stats.configured_aliases(settings.extra))
    runtime.transport.send(report_mail(settings, report, to), settings.submission_address, to,
                           f"stats-{report.label}")
    with store.session() as s:
        s.add(Event(kind=MAILED, actor=actor, detail={"month": report.label, "to": list(to)}))
    log.info("monthly statistics %s mailed to %s", report.label, ", ".join(to))


def monthly(runtime: Any, now_local: datetime) -> str | None:
    """Mail last month's table if it is due and not mailed yet; returns the month mailed."""
    to = recipients(runtime.settings)
    if not to:
        return None
    year, month = previous_month(now_local)
    label = f"{year}-{month:02d}"
    if label in mailed_months(runtime.store):
        return None
    send_report(runtime, year, month, to, "poller")
    return label
