"""`intake demo`: seed a fresh local Maildir with the sample submissions, process them, show the outcomes."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from intake.clock import local_text
from intake.config import load_settings
from intake.drafts import from_stored, template_context
from intake.i18n import t
from intake.notices import render_draft_page
from intake.poller.maildir import MaildirMailbox
from intake.runtime import Runtime, build_runtime
from intake.store.messages import all_messages
from intake.store.submissions import all_submissions

MARKER = ".intake-demo"


def examples_dir() -> Path:
    """The checkout's examples/ (a source tree, an editable install), else the copy installed with the
    package (intake/examples/ in the wheel), else ./examples."""
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "examples", package / "examples"):
        if any(candidate.glob("*.eml")):
            return candidate
    return Path.cwd() / "examples"


def _fresh(folder: Path) -> None:
    """Recreate the demo folder; refuse to delete a folder that is not a demo folder."""
    if folder.exists():
        if not (folder / MARKER).exists():
            raise SystemExit(f"{folder} exists and is not an intake demo folder; choose another --dir")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("created by `intake demo`\n")


def export_drafts(runtime: Runtime, folder: Path) -> int:
    """Write each submission's draft as a standalone HTML page with its photos beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    with runtime.store.session() as s:
        for sub in all_submissions(s):
            if not sub.draft:
                continue
            draft = from_stored(sub.draft)
            ctx = template_context(draft, local_text(sub.created_at, runtime.settings.tz, "%Y-%m-%d"))
            for photo, item in zip(draft.photos, ctx["photos"], strict=True):
                target = folder / item["src"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(runtime.store.blobs.get(photo.sha256))
            page = render_draft_page({"draft": ctx, "inline_images": False})
            (folder / f"{sub.tracking_id}.html").write_text(page, encoding="utf-8")
            count += 1
    return count


def run_demo(folder: Path, examples: Path | None = None) -> int:
    examples = examples or examples_dir()
    samples = sorted(examples.glob("*.eml"))
    if not samples:
        print(t("no_examples", path=examples))
        return 1
    folder = folder.resolve()
    _fresh(folder)
    settings = load_settings({"INTAKE_DATA_DIR": str(folder)})
    runtime = build_runtime(settings)
    maildir = MaildirMailbox(settings.mailboxes[0])
    for sample in samples:
        maildir.add(sample.read_bytes())
    print(t("demo_seeded", count=len(samples), maildir=maildir.path))
    from intake.cli import watch

    watch(runtime, threading.Event(), once=True)
    print()
    print(t("ingest_head"))
    with runtime.store.session() as s:
        for msg in all_messages(s):
            result = msg.result or {}
            title = (result.get("draft") or {}).get("title") or msg.subject
            reason = result.get("reason") or ",".join(result.get("missing") or []) or "-"
            print(t("ingest_line", outcome=result.get("outcome", msg.status), tracking=result.get("tracking_id") or "-",
                    reason=reason, subject=title[:40]))
    print()
    export_drafts(runtime, folder / "drafts")
    print(t("demo_drafts", path=folder / "drafts"))
    print(t("demo_outbox", path=folder / "outbox"))
    print(t("demo_db", path=folder / "intake.sqlite3"))
    return 0
