"""Long-running processes free each mail's reference cycles right after it (bench/memory.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from intake import runtime as runtime_module
from intake.config import load_settings
from intake.runtime import build_runtime

REPO = Path(__file__).resolve().parents[1]

# In a fresh interpreter: freezing the pytest process would keep its objects from the collector.
CHILD = """
import gc, weakref
import intake.runtime as rt

class Node:
    pass

def cycle():
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)

gc.disable()  # only explicit collections from here on
ref = cycle()
rt.collect_garbage()
assert ref() is not None, "a one-shot process leaves collection to the automatic collector"
rt.freeze_long_lived()
assert ref() is None and gc.get_freeze_count() > 0
ref = cycle()
rt.collect_garbage()
assert ref() is None, "after freeze_long_lived, each call frees the cycles made since"
print("ok")
"""


def test_collect_garbage_frees_cycles_only_in_a_process_that_froze_its_long_lived_objects() -> None:
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr


def test_ingest_collects_after_every_mail_even_a_failing_one(tmp_path: Path, monkeypatch: Any) -> None:
    import intake.service

    calls: list[int] = []
    monkeypatch.setattr(runtime_module, "collect_garbage", lambda: calls.append(1))
    runtime = build_runtime(load_settings({"INTAKE_DATA_DIR": str(tmp_path)}))
    message_id, _ = runtime.store.record_message((REPO / "examples" / "05-missing-phone.eml").read_bytes(), "test")
    runtime.ingest(message_id)
    assert calls == [1]
    monkeypatch.setattr(intake.service, "parse_mail", lambda _raw: (_ for _ in ()).throw(OSError("db away")))
    second, _ = runtime.store.record_message(b"Subject: x\r\n\r\nbody\r\n", "test")
    with pytest.raises(OSError):
        runtime.ingest(second, final_attempt=False)
    assert calls == [1, 1]
