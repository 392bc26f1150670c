"""Property-based fuzzing: real-looking mails (examples/ and the corpus) cut, spliced, bit-flipped,
with MIME boundaries deleted or duplicated, text parts re-encoded under a wrong charset label and
base64 padding corrupted.

- ``parse_mail`` must never raise and must return within 5 s on any of them;
- fewer of them go the whole worker path on SQLite and must end in a recorded terminal state with
  well-formed outgoing mail.

Reproducible: ``derandomize=True`` and no example database, so CI draws the same examples every run.
CI sizes are small; ``INTAKE_FUZZ_EXAMPLES=N`` runs N parse examples (and N/4 full ingests).
"""

from __future__ import annotations

import base64
import email
import hashlib
import os
import re
from email.policy import compat32
from pathlib import Path

import pytest

pytest.importorskip("hypothesis")  # a test extra (pyproject [dev]); skipped, visibly, where it is missing

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from intake.mail import parse_mail
from intake.tables import Notice
from tests.hostile import checks
from tests.hostile.harness import TIME_BOUND_SECONDS, Harness, guarded

REPO = Path(__file__).resolve().parents[2]
SEED_FILES = sorted([*(REPO / "examples").glob("*.eml"), *(REPO / "tests" / "data" / "corpus").glob("*.eml")])
SEEDS = {p.name: p.read_bytes() for p in SEED_FILES}
SEED_NAMES = sorted(SEEDS)

PARSE_EXAMPLES = int(os.environ.get("INTAKE_FUZZ_EXAMPLES", "60"))
INGEST_EXAMPLES = max(12, PARSE_EXAMPLES // 4) if "INTAKE_FUZZ_EXAMPLES" in os.environ else 12
PARSE_SECONDS = 5.0

CHARSET_LABELS = ("utf-8", "gb2312", "gbk", "gb18030", "big5", "us-ascii", "iso-8859-1", "utf-16", "utf-7",
                  "shift_jis", "x-unknown-charset", "", "utf-8\x00", "windows-1252")
CODECS = ("utf-8", "gb18030", "utf-16-le", "big5", "latin-1", "shift_jis")
_BOUNDARY_LINE = re.compile(rb"^--[^\r\n]{1,200}$", re.M)
_B64_LINE = re.compile(rb"^[A-Za-z0-9+/]{16,}={0,2}\r?$", re.M)
_CHARSET = re.compile(rb"charset=\"?([A-Za-z0-9_\-]+)\"?", re.I)


ARTIFACTS = REPO / "artifacts" / "hostile-fuzz"  # gitignored; failing inputs are kept here


def keep(raw: bytes) -> Path:
    """Save a failing input for reproduction (``intake ingest --json PATH`` or ``parse_mail``)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{hashlib.sha256(raw).hexdigest()[:16]}.eml"
    path.write_bytes(raw)
    return path


def _slice_point(draw: st.DrawFn, raw: bytes) -> int:
    return draw(st.integers(0, max(len(raw), 0)))


def truncate(draw: st.DrawFn, raw: bytes) -> bytes:
    return raw[: _slice_point(draw, raw)]


def splice(draw: st.DrawFn, raw: bytes) -> bytes:
    other = SEEDS[draw(st.sampled_from(SEED_NAMES))]
    return raw[: _slice_point(draw, raw)] + other[_slice_point(draw, other) :]


def flip_bytes(draw: st.DrawFn, raw: bytes) -> bytes:
    if not raw:
        return raw
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 16))):
        i = draw(st.integers(0, len(data) - 1))
        data[i] ^= draw(st.integers(1, 255))
    return bytes(data)


def _matches(pattern: re.Pattern[bytes], raw: bytes) -> list[re.Match[bytes]]:
    return list(pattern.finditer(raw))[:500]


def delete_boundary(draw: st.DrawFn, raw: bytes) -> bytes:
    found = _matches(_BOUNDARY_LINE, raw)
    if not found:
        return raw
    m = draw(st.sampled_from(found))
    return raw[: m.start()] + raw[m.end() :]


def duplicate_boundary(draw: st.DrawFn, raw: bytes) -> bytes:
    found = _matches(_BOUNDARY_LINE, raw)
    if not found:
        return raw
    m = draw(st.sampled_from(found))
    at = _slice_point(draw, raw)
    return raw[:at] + b"\r\n" + m.group(0) + b"\r\n" + raw[at:]


def relabel_charset(draw: st.DrawFn, raw: bytes) -> bytes:
    found = _matches(_CHARSET, raw)
    if not found:
        return raw
    m = draw(st.sampled_from(found))
    label = draw(st.sampled_from(CHARSET_LABELS)).encode("latin-1")
    return raw[: m.start(1)] + label + raw[m.end(1) :]


def reencode_text_part(draw: st.DrawFn, raw: bytes) -> bytes:
    """Decode one text part, encode it with one codec and label it with another charset."""
    try:
        msg = email.message_from_bytes(raw, policy=compat32)
        parts = [p for p in msg.walk() if p.get_content_maintype() == "text" and not p.is_multipart()]
        if not parts:
            return raw
        part = draw(st.sampled_from(parts))
        payload = part.get_payload(decode=True)
        text = payload.decode(part.get_content_charset() or "utf-8", "replace") if isinstance(payload, bytes) else ""
        data = text.encode(draw(st.sampled_from(CODECS)), "replace")
        cte = draw(st.sampled_from(("base64", "8bit", "quoted-printable")))
        del part["Content-Transfer-Encoding"]
        part["Content-Transfer-Encoding"] = cte
        if cte == "base64":
            part.set_payload(base64.encodebytes(data).decode("ascii"))
        elif cte == "quoted-printable":
            import quopri

            part.set_payload(quopri.encodestring(data).decode("ascii"))
        else:
            part.set_payload(data.decode("latin-1"))
        part.set_param("charset", draw(st.sampled_from(CHARSET_LABELS)) or "utf-8")
        return msg.as_bytes()
    except Exception:  # the mutation itself failed on this input: keep the mail as it was
        return raw


def corrupt_base64(draw: st.DrawFn, raw: bytes) -> bytes:
    found = _matches(_B64_LINE, raw)
    if not found:
        return raw
    m = draw(st.sampled_from(found))
    line = m.group(0).rstrip(b"\r")
    how = draw(st.sampled_from(("strip_padding", "extra_padding", "drop_char", "bad_char", "mid_padding")))
    if how == "strip_padding":
        new = line.rstrip(b"=") or b"A"
        new = new[:-1] if len(new) % 4 == 0 else new  # make the length non-multiple of 4
    elif how == "extra_padding":
        new = line + b"==="
    elif how == "drop_char":
        i = draw(st.integers(0, len(line) - 1))
        new = line[:i] + line[i + 1 :]
    elif how == "bad_char":
        i = draw(st.integers(0, len(line) - 1))
        new = line[:i] + draw(st.sampled_from((b"!", b"*", b"\x00", b"\xff", b"-", b"_"))) + line[i + 1 :]
    else:
        i = draw(st.integers(0, len(line) - 1))
        new = line[:i] + b"=" + line[i:]
    end = m.start() + len(line)
    return raw[: m.start()] + new + raw[end:]


MUTATIONS = (truncate, splice, flip_bytes, delete_boundary, duplicate_boundary, relabel_charset,
             reencode_text_part, corrupt_base64)


@st.composite
def mutated_mails(draw: st.DrawFn) -> bytes:
    raw = SEEDS[draw(st.sampled_from(SEED_NAMES))]
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        raw = mutation(draw, raw)
    return raw


# print_blob: a failure prints @reproduce_failure(...) to replay exactly that example
COMMON = {"deadline": None, "derandomize": True, "database": None, "print_blob": True,
          "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                    HealthCheck.function_scoped_fixture]}


@settings(max_examples=PARSE_EXAMPLES, **COMMON)  # type: ignore[arg-type]
@given(raw=mutated_mails())
def test_parse_mail_never_raises_and_returns_promptly(raw: bytes) -> None:
    run = guarded(lambda: parse_mail(raw), seconds=PARSE_SECONDS * 4)
    if run.error is not None or run.elapsed >= PARSE_SECONDS:
        kept = keep(raw)
        assert run.error is None, f"parse_mail raised on {len(raw)} bytes (kept in {kept}):\n{run.trace[-3000:]}"
        raise AssertionError(f"parse_mail took {run.elapsed:.1f} s on {kept}")


# no shrinking here: each step is a whole ingest (seconds); the parse test above shrinks parse failures
@settings(max_examples=INGEST_EXAMPLES, phases=(Phase.explicit, Phase.generate), **COMMON)  # type: ignore[arg-type]
@given(raw=mutated_mails())
def test_full_ingest_of_a_mutated_mail_ends_in_a_terminal_state(sqlite_harness: Harness, raw: bytes) -> None:
    """One runtime for all examples (like a worker's); each example is a new stored message."""
    harness = sqlite_harness
    run = guarded(lambda: harness.store_and_ingest(raw))
    if run.error is not None or run.elapsed >= TIME_BOUND_SECONDS:
        kept = keep(raw)
        assert run.error is None, f"ingest raised on {len(raw)} bytes (kept in {kept}):\n{run.trace[-3000:]}"
        raise AssertionError(f"ingest took {run.elapsed:.1f} s on {kept}")
    message_id = harness.created[-1]
    status, _outcome, error = checks.message_state(harness, message_id)
    assert status == "processed", f"message ended {status}: {error} (kept in {keep(raw)})"
    problems = checks.check_result_contract(run.value[1])
    with harness.runtime.store.session() as s:
        notices = list(s.scalars(select(Notice).where(Notice.message_id == message_id)))
    for notice in notices:
        problems += checks.check_outgoing_mail(harness.runtime.store.blobs.get(notice.raw_sha256),
                                               f"notice {notice.id} ({notice.kind})")
    assert not problems, f"kept in {keep(raw)}\n" + "\n".join(problems)
