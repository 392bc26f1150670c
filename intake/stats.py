"""`intake stats`: the monthly 通报 table, per source unit, of the submissions registered in a month.

A month is the office's (INTAKE_TIMEZONE; the database keeps UTC). Columns, per unit:
  报送 submitted  every submission registered in the month;
  受理 accepted   of those, the ones that reached review (ever pending_review, held, approved or returned);
  采用 adopted    of those, the ones approved (once each, however often approved);
  采用率          adopted / submitted, one decimal percent;
  平均审稿周期    the median days from registration to the first reviewer decision (approved, returned or
                  rejected by a reviewer; whenever it came, also after the month).
The figures of a month therefore grow as reviewers decide its submissions later. Mails rejected without a
submission (no manuscript, wrong format, …) have no unit: one footer line counts those received in the month.

Units are normalised (spaces, incl. U+3000, removed; half-width brackets made full-width) and then mapped
through the TOML `[stats.aliases]` table ("市财政局" = "青禾市财政局"), so one unit written two ways counts once.
Queries are intake.store.stats's; everything here is computation and formatting, no SQL.
"""

from __future__ import annotations

import csv
import io
import re
import statistics
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from intake.clock import aware
from intake.i18n import t

if TYPE_CHECKING:
    from intake.store import Store

ENTERED = ("submission.pending_review", "submission.held", "submission.approved", "submission.returned",
           "submission.rejected")
APPROVED = "submission.approved"
DECISIONS = ("submission.approved", "submission.returned", "submission.rejected")
KINDS = tuple(dict.fromkeys((*ENTERED, *DECISIONS)))
REVIEWED_STATUSES = ("pending_review", "held", "approved", "returned", "rejected")
SYSTEM = "system"  # the actor of the events intake itself records (a revision re-entering a status)
NONE = "—"
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_BRACKETS = str.maketrans({"(": "（", ")": "）"})


@dataclass(frozen=True)
class Row:
    unit: str | None  # None: no unit given (shown as （未注明单位）)
    submitted: int
    accepted: int
    adopted: int
    median_days: float | None  # None: no reviewer decision yet

    @property
    def rate(self) -> float | None:
        """adopted / submitted as a fraction; None when nothing was submitted."""
        return self.adopted / self.submitted if self.submitted else None


@dataclass(frozen=True)
class Report:
    year: int
    month: int
    rows: tuple[Row, ...]
    totals: Row
    rejected_mails: int

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


# -- inputs --------------------------------------------------------------------------------------------------


def parse_month(text: str) -> tuple[int, int]:
    """"2026-12" → (2026, 12); ValueError otherwise."""
    found = _MONTH.match(text.strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise ValueError(f"not a month (YYYY-MM): {text!r}")
    return int(found.group(1)), int(found.group(2))


def month_bounds(year: int, month: int, tz: tzinfo) -> tuple[datetime, datetime]:
    """The office's month [start, end) as UTC times."""
    start = datetime(year, month, 1, tzinfo=tz)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def clean_unit(raw: str | None) -> str:
    """Spaces (any, incl. U+3000) removed, brackets made full-width; "" when nothing is left."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFC", raw)
    return "".join(text.split()).translate(_BRACKETS)


def aliases_of(table: Any) -> dict[str, str]:
    """The `[stats.aliases]` table (cleaned on both sides); ValueError names a bad entry."""
    if table is None:
        return {}
    if not isinstance(table, Mapping):
        raise ValueError("stats.aliases: must be a table of \"written\" = \"unit\" pairs")
    out: dict[str, str] = {}
    for written, unit in table.items():
        if not isinstance(unit, str) or not clean_unit(unit):
            raise ValueError(f"stats.aliases: {written!r} must map to a unit name, got {unit!r}")
        out[clean_unit(str(written))] = clean_unit(unit)
    return out


def unit_of(raw: str | None, aliases: Mapping[str, str]) -> str | None:
    """The unit a submission counts under: cleaned, then aliased; None when not given."""
    cleaned = clean_unit(raw)
    return aliases.get(cleaned, cleaned) or None


# -- computation ---------------------------------------------------------------------------------------------


def compute(year: int, month: int, submissions: Iterable[tuple[int, str | None, str, datetime]],
            events: Iterable[tuple[int, str, str, datetime]], rejected_mails: int,
            aliases: Mapping[str, str]) -> Report:
    """The report from plain rows: submissions (id, unit, status, registered at) and their events
    (submission id, kind, actor, at) of KINDS, as intake.store.stats returns them."""
    registered: dict[int, tuple[str | None, str, datetime]] = {
        sid: (unit_of(unit, aliases), status, aware(at)) for sid, unit, status, at in submissions}
    entered: set[int] = {sid for sid, (_, status, _) in registered.items() if status in REVIEWED_STATUSES}
    approved: set[int] = {sid for sid, (_, status, _) in registered.items() if status == "approved"}
    decided: dict[int, datetime] = {}
    for sid, kind, actor, at in sorted(events, key=lambda e: aware(e[3])):
        if sid not in registered:
            continue
        if kind in ENTERED:
            entered.add(sid)
        if kind == APPROVED:
            approved.add(sid)
        if kind in DECISIONS and actor != SYSTEM and sid not in decided:
            decided[sid] = aware(at)
    by_unit: dict[str | None, list[int]] = {}
    for sid, (unit, _, _) in registered.items():
        by_unit.setdefault(unit, []).append(sid)

    def row(unit: str | None, ids: list[int]) -> Row:
        days = [(decided[sid] - registered[sid][2]).total_seconds() / 86400 for sid in ids if sid in decided]
        return Row(unit, len(ids), sum(sid in entered for sid in ids), sum(sid in approved for sid in ids),
                   statistics.median(days) if days else None)

    rows = sorted((row(unit, ids) for unit, ids in by_unit.items()),
                  key=lambda r: (-r.submitted, r.unit is None, r.unit or ""))
    return Report(year, month, tuple(rows), row(None, list(registered)), rejected_mails)


def collect(store: Store, tz: tzinfo, year: int, month: int, aliases: Mapping[str, str]) -> Report:
    """Read the month from the database and compute its report."""
    from intake.store.stats import rejected_mails, status_events, submissions_registered

    start, end = month_bounds(year, month, tz)
    with store.session() as s:
        subs = submissions_registered(s, start, end)
        events = status_events(s, start, end, KINDS)
        rejected = rejected_mails(s, start, end)
    return compute(year, month, subs, events, rejected, aliases)


# -- formatting ----------------------------------------------------------------------------------------------


def _one_decimal(value: float) -> str:
    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def rate_text(row: Row) -> str:
    if not row.submitted:
        return NONE
    percent = (Decimal(row.adopted * 100) / Decimal(row.submitted)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{percent}%"


def days_text(row: Row) -> str:
    return NONE if row.median_days is None else _one_decimal(row.median_days)


def unit_text(row: Row) -> str:
    return row.unit if row.unit is not None else t("stats_no_unit")


def title(report: Report) -> str:
    return t("stats_title", year=report.year, month=report.month)


def headers() -> list[str]:
    return [t(key) for key in ("stats_unit", "stats_submitted", "stats_accepted", "stats_adopted", "stats_rate",
                               "stats_days")]


def footer(report: Report) -> str:
    return t("stats_rejected", count=report.rejected_mails)


def cells(report: Report) -> list[list[str]]:
    """Every row as text, the totals last."""
    out = [[unit_text(r), str(r.submitted), str(r.accepted), str(r.adopted), rate_text(r), days_text(r)]
           for r in report.rows]
    tot = report.totals
    out.append([t("stats_total"), str(tot.submitted), str(tot.accepted), str(tot.adopted), rate_text(tot),
                days_text(tot)])
    return out


def width(text: str) -> int:
    """Columns a terminal gives `text`: two for wide and full-width characters (CJK)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def render_table(report: Report) -> str:
    """Aligned for a terminal: the unit left, the figures right."""
    head, body = headers(), cells(report)
    widths = [max(width(line[i]) for line in [head, *body]) for i in range(len(head))]

    def line(values: list[str]) -> str:
        parts = [values[0] + " " * (widths[0] - width(values[0]))]
        parts += [" " * (widths[i] - width(v)) + v for i, v in enumerate(values) if i]
        return "  ".join(parts).rstrip()

    rule = "-" * (sum(widths) + 2 * (len(widths) - 1))
    lines = [title(report), line(head), rule, *(line(v) for v in body[:-1]), rule, line(body[-1]), footer(report)]
    return "\n".join(lines) + "\n"


def to_csv(report: Report) -> bytes:
    """UTF-8 with a BOM and CRLF line ends (Excel and WPS open it as UTF-8): header, rows, totals, footer."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers())
    writer.writerows(cells(report))
    writer.writerow([footer(report)])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(report: Report) -> bytes:
    """A workbook: title row, header, rows, totals (bold), the footer; column widths; the rate as a percent."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    sheet.title = report.label
    head = headers()
    sheet.append([title(report)])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(head))
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    sheet.append(head)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    texts = cells(report)
    for r, text in zip([*report.rows, report.totals], texts, strict=True):
        sheet.append([text[0], r.submitted, r.accepted, r.adopted,
                      r.rate if r.rate is not None else NONE,
                      round(r.median_days, 1) if r.median_days is not None else NONE])
        at = sheet.max_row
        sheet.cell(at, 5).number_format = "0.0%"
        sheet.cell(at, 6).number_format = "0.0"
        for col in (5, 6):
            sheet.cell(at, col).alignment = Alignment(horizontal="right")
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.append([footer(report)])
    for col, letter in enumerate("ABCDEF"):
        longest = max(width(line[col]) for line in [head, *texts])
        sheet.column_dimensions[letter].width = max(longest + 4, 10)
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_json(report: Report, timezone: str) -> dict[str, Any]:
    """The figures for tools: rates and days as numbers rounded to one decimal (null when none)."""

    def one(r: Row) -> dict[str, Any]:
        rate = rate_text(r)
        return {"unit": r.unit, "submitted": r.submitted, "accepted": r.accepted, "adopted": r.adopted,
                "adoption_rate_percent": None if rate == NONE else float(rate.rstrip("%")),
                "median_review_days": None if r.median_days is None else float(days_text(r))}

    return {"month": report.label, "timezone": timezone, "units": [one(r) for r in report.rows],
            "totals": one(report.totals), "rejected_mails": report.rejected_mails}


def configured_aliases(extra: Mapping[str, Any]) -> dict[str, str]:
    """`[stats.aliases]` from the settings' extra tables (checked at start-up by intake.config);
    ValueError names a bad entry."""
    table = extra.get("stats")
    if table is None:
        return {}
    if not isinstance(table, Mapping):
        raise ValueError("stats: must be a table")
    return aliases_of(table.get("aliases"))
