"""Hostile input through the worker's path, on SQLite and PostgreSQL: every case ends in a recorded
terminal state, within bounded time and memory, with a sensible outcome and well-formed outgoing
mail (no injected header or recipient, no unsafe attachment name), and nothing written outside the
data dir.

The cases are in ``mails.py``; what must hold afterwards is in ``checks.py``. A failing case lists
every problem found, not only the first.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.hostile import checks
from tests.hostile.harness import MEMORY_BOUND_BYTES, TIME_BOUND_SECONDS, Harness, guarded
from tests.hostile.mails import CASES, Case

MIB = 1024 * 1024


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_mail_has_a_clear_bounded_outcome(harness: Harness, case: Case) -> None:
    raw = case.build()
    run = guarded(lambda: harness.store_and_ingest(raw))
    problems: list[str] = []
    checked = guarded(lambda: _after(harness, case, run.value[1] if run.value is not None else None), seconds=90)
    if run.error is not None:
        problems.append(f"exception escaped the service: {type(run.error).__name__}: {str(run.error)[:1000]}\n"
                        f"{run.trace[-3000:]}")
    if run.elapsed > TIME_BOUND_SECONDS:
        problems.append(f"took {run.elapsed:.1f} s (bound {TIME_BOUND_SECONDS:.0f} s)")
    if run.rss_growth > MEMORY_BOUND_BYTES:
        problems.append(f"RSS grew by {run.rss_growth / MIB:.0f} MiB (bound {MEMORY_BOUND_BYTES / MIB:.0f} MiB)")
    if checked.error is not None:
        problems.append(f"the checks themselves failed: {checked.error!r:.1000}\n{checked.trace[-3000:]}")
    else:
        problems += checked.value
    result = run.value[1] if run.value is not None else None
    summary = (f"[{harness.db}] {case.name}: {run.elapsed:.1f} s, +{run.rss_growth / MIB:.0f} MiB RSS, "
               f"outcome {(result or {}).get('outcome')!r} reason {(result or {}).get('reason')!r}")
    print(summary)  # shown with -rA: the time, memory and outcome of every case
    problems = list(dict.fromkeys(problems))  # the same finding in the filename= and the name= parameter
    assert not problems, summary + "\n- " + "\n- ".join(problems)


def _after(harness: Harness, case: Case, result: dict[str, Any] | None) -> list[str]:
    """Everything that must hold once the mail was processed."""
    problems: list[str] = []
    if harness.created:
        status, _outcome, error = checks.message_state(harness, harness.created[-1])
        if status not in checks.TERMINAL_MESSAGE_STATES:
            problems.append(f"message left in state {status!r}")
        elif status != "processed":
            problems.append(f"message quarantined ({status}): {error}")
    else:
        problems.append("the message was not even stored")
    if result is not None:
        problems += checks.check_result_contract(result)
        if result.get("outcome") not in case.outcomes:
            problems.append(f"outcome {result.get('outcome')!r} (reason {result.get('reason')!r}), "
                            f"expected one of {sorted(case.outcomes)}")
        elif case.reasons is not None and result.get("reason") not in case.reasons:
            problems.append(f"reason {result.get('reason')!r}, expected one of {sorted(map(str, case.reasons))}")
        problems += checks.check_forbidden(harness, result, case.forbidden)
    if harness.created:
        problems += checks.check_outbox(harness, harness.created[-1])
    problems += checks.check_no_stray_files(harness)
    return problems
