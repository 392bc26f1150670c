"""`intake ingest --json` prints the DESIGN.md §4 object for every sample, on embedded defaults."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.eml"))
KEYS = {"message_id", "tracking_id", "outcome", "reason", "draft", "missing", "warnings", "notifications"}
DRAFT = {"title", "source_unit", "authors", "phone", "reviewer", "word_count", "manuscript", "body_text", "images"}
IMAGE = {"filename", "caption", "width", "height", "size_bytes"}
OUTCOMES = {"accepted", "incomplete", "rejected", "ignored", "duplicate", "held"}
KINDS = {"acknowledgement", "incomplete", "rejection", "review_request", "decision", "decision_unverified"}


def ingest(tmp_path: Path, *paths: Path) -> list[dict[str, object]]:
    env = {**os.environ, "INTAKE_DATA_DIR": str(tmp_path / "data")}
    for key in ("INTAKE_DATABASE_URL", "INTAKE_BROKER_URL", "INTAKE_MAILBOX_URL", "INTAKE_SMTP_URL", "INTAKE_CONFIG"):
        env.pop(key, None)
    done = subprocess.run([sys.executable, "-m", "intake.cli", "ingest", "--json", *map(str, paths)],
                          env=env, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def test_every_sample_prints_one_object_with_every_key_of_the_contract(tmp_path: Path) -> None:
    results = ingest(tmp_path, *EXAMPLES)
    expected = json.loads((REPO / "examples" / "expected.json").read_text(encoding="utf-8"))
    assert len(results) == len(EXAMPLES) >= 10
    for path, result in zip(EXAMPLES, results, strict=True):
        assert set(result) == KEYS, path.name
        assert result["outcome"] in OUTCOMES
        assert result["outcome"] == expected[path.name]["outcome"], path.name
        assert result["reason"] == expected[path.name]["reason"], path.name
        assert isinstance(result["missing"], list) and isinstance(result["warnings"], list)
        for note in result["notifications"]:
            assert set(note) == {"kind", "to"} and note["kind"] in KINDS and note["to"]
        if result["outcome"] in ("accepted", "incomplete", "held"):
            assert isinstance(result["tracking_id"], str) and result["tracking_id"].startswith("TG-")
            draft = result["draft"]
            assert set(draft) == DRAFT, path.name
            assert isinstance(draft["authors"], list) and isinstance(draft["word_count"], int)
            for image in draft["images"]:
                assert set(image) == IMAGE
        if result["outcome"] == "ignored":
            assert result["notifications"] == [] and result["tracking_id"] is None


def test_ingesting_the_same_mail_twice_answers_once(tmp_path: Path) -> None:
    sample = REPO / "examples" / "01-docx-with-photos.eml"
    first, second = ingest(tmp_path, sample, sample)
    [third] = ingest(tmp_path, sample)  # a later run on the same data dir
    assert first["outcome"] == "accepted" and len(first["notifications"]) == 2
    for again in (second, third):  # the JSON says what this call did: nothing was sent again
        assert again["outcome"] == "duplicate" and again["reason"] == "already_processed"
        assert again["tracking_id"] == first["tracking_id"] and again["message_id"] == first["message_id"]
        assert again["notifications"] == []
        assert again["draft"] == first["draft"]
    outbox = list((tmp_path / "data" / "outbox").glob("*.eml"))
    assert len(outbox) == 2  # one acknowledgement, one review request: nothing sent twice
