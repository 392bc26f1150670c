"""Mails written by other software, and our own mails read by other software.

(a) Every scenario of ``scenarios.py`` is composed by nodemailer, by ``EmailMessage`` with
    ``policy.default`` and by the ``email.mime`` classes with ``policy.compat32``; each composed mail
    goes through ``intake ingest --json`` in a data dir of its own (embedded defaults: SQLite, file
    outbox) and the printed object must say what the scenario expects (DESIGN.md §4).
(b) The mails intake wrote to the file outbox in those runs are parsed by postal-mime, by
    mailparser's simpleParser (``parse.mjs``, Node) and by Python's ``email`` (``policy.default``);
    the three must agree on subject, From, To, attachments (name, size, sha256) and the text body.

Tests that need Node carry ``pytest.mark.integration``. Node or the npm packages missing is a
failure with the command to run, never a skip.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenarios as sc

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = {scenario.name: scenario for scenario in sc.scenarios()}
NEEDS_NODE = {"nodemailer"}


def _params() -> list[Any]:
    params = []
    for scenario in SCENARIOS.values():
        for composer in sc.COMPOSERS:
            marks = [pytest.mark.integration] if composer in NEEDS_NODE else []
            params.append(pytest.param(scenario.name, composer, marks=marks, id=f"{scenario.name}-{composer}"))
    return params


# --------------------------------------------------------------------------- composing and ingesting


@pytest.fixture(scope="session")
def composed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Path]:
    """{(scenario, composer, "mail"|"prior"): .eml path}. nodemailer's are composed on first need."""
    out = tmp_path_factory.mktemp("foreign-mails")
    paths: dict[tuple[str, str, str], Path] = {}
    for scenario in SCENARIOS.values():
        for role, mail in (("mail", scenario.mail), ("prior", scenario.prior)):
            if mail is None:
                continue
            for composer, raw in (
                ("python-default", sc.compose_default(mail).as_bytes(policy=policy.SMTP)),
                ("python-compat32", sc.compose_compat32(mail).as_bytes()),
            ):
                path = out / composer / f"{scenario.name}.{role}.eml"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(raw)
                paths[(scenario.name, composer, role)] = path
    return paths


@pytest.fixture(scope="session")
def node_composed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """{(scenario, "mail"|"prior"): .eml path} composed by nodemailer in one Node process."""
    jobs = []
    for scenario in SCENARIOS.values():
        jobs.append((f"{scenario.name}.mail", scenario.mail))
        if scenario.prior is not None:
            jobs.append((f"{scenario.name}.prior", scenario.prior))
    try:
        written = sc.compose_nodemailer(jobs, tmp_path_factory.mktemp("nodemailer-mails"))
    except sc.NodeMissing as error:
        pytest.fail(str(error), pytrace=False)
    return {tuple(stem.rsplit(".", 1)): path for stem, path in written.items()}  # type: ignore[misc]


@dataclass
class Run:
    mails: list[Path]
    results: list[dict[str, Any]]
    data_dir: Path
    stderr: str

    @property
    def outbox(self) -> list[Path]:
        return sorted((self.data_dir / "outbox").glob("*.eml"))


def ingest(data_dir: Path, *paths: Path) -> Run:
    """``python -m intake.cli ingest --json PATH…`` on embedded defaults in DATA_DIR (as tests/test_cli_contract.py)."""
    env = {**os.environ, "INTAKE_DATA_DIR": str(data_dir)}
    for key in ("INTAKE_DATABASE_URL", "INTAKE_BROKER_URL", "INTAKE_MAILBOX_URL", "INTAKE_SMTP_URL", "INTAKE_CONFIG",
                "INTAKE_SUBMISSION_ADDRESS", "INTAKE_REVIEWERS", "INTAKE_REQUIRED_FIELDS", "INTAKE_LANGUAGE"):
        env.pop(key, None)
    done = subprocess.run([sys.executable, "-m", "intake.cli", "ingest", "--json", *map(str, paths)],
                          env=env, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"intake ingest exited {done.returncode}\nstderr:\n{done.stderr[-4000:]}"
    results = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(results) == len(paths), f"{len(paths)} mails, {len(results)} objects:\n{done.stdout}"
    return Run(list(paths), results, data_dir, done.stderr)


_RUNS: dict[tuple[str, str], Run] = {}


@pytest.fixture
def run_of(composed: dict[tuple[str, str, str], Path], request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Any:
    """run_of(scenario, composer) → the (cached) Run of that mail, after its prior mail if it has one."""

    def get(name: str, composer: str) -> Run:
        if (name, composer) not in _RUNS:
            if composer == "nodemailer":
                node = request.getfixturevalue("node_composed")
                mail, prior = node[(name, "mail")], node.get((name, "prior"))
            else:
                mail, prior = composed[(name, composer, "mail")], composed.get((name, composer, "prior"))
            data_dir = tmp_path_factory.mktemp(f"data-{name}-{composer}")
            _RUNS[(name, composer)] = ingest(data_dir, *([prior] if prior else []), mail)
        return _RUNS[(name, composer)]

    return get


# --------------------------------------------------------------------------- (a) foreign mails in


def check(result: dict[str, Any], expect: sc.Expect) -> list[str]:
    """Every way RESULT differs from EXPECT, as readable lines (empty: as expected)."""
    problems = []

    def same(label: str, got: object, want: object) -> None:
        if got != want:
            problems.append(f"{label}: got {got!r}, expected {want!r}")

    same("outcome", result.get("outcome"), expect.outcome)
    same("reason", result.get("reason"), expect.reason)
    same("missing", sorted(result.get("missing") or []), sorted(expect.missing))
    draft = result.get("draft") or {}
    if expect.outcome in ("accepted", "incomplete", "held"):
        if not draft:
            problems.append("draft: missing")
        tracking = result.get("tracking_id")
        if not (isinstance(tracking, str) and tracking.startswith("TG-")):
            problems.append(f"tracking_id: {tracking!r}")
        if expect.title is not None:
            same("title", draft.get("title"), expect.title)
        if expect.authors:
            same("authors", draft.get("authors"), list(expect.authors))
        if expect.source_unit is not None:
            same("source_unit", draft.get("source_unit"), expect.source_unit)
        if expect.phone is not None:
            same("phone", draft.get("phone"), expect.phone)
        if expect.manuscript is not None:
            same("manuscript", draft.get("manuscript"), expect.manuscript)
        images = draft.get("images") or []
        same("image file names", sorted(image.get("filename") for image in images), sorted(expect.images))
        captions = {image.get("caption") for image in images}
        for caption in expect.captions:
            if caption not in captions:
                problems.append(f"caption {caption!r} not among {sorted(map(str, captions))}")
    sent = {(note.get("kind"), address) for note in result.get("notifications") or [] for address in note.get("to", [])}
    for kind, address in expect.notify:
        if (kind, address) not in sent:
            problems.append(f"notification {kind} to {address} not among {sorted(sent)}")
    return problems


@pytest.mark.parametrize(("name", "composer"), _params())
def test_a_foreign_mail_gets_the_expected_result(name: str, composer: str, run_of: Any) -> None:
    scenario = SCENARIOS[name]
    run = run_of(name, composer)
    problems = []
    if scenario.prior is not None:
        assert scenario.prior_expect is not None
        problems += [f"first mail: {p}" for p in check(run.results[0], scenario.prior_expect)]
        if run.results[-1].get("tracking_id") != run.results[0].get("tracking_id"):
            problems.append(f"tracking_id: reply got {run.results[-1].get('tracking_id')!r}, "
                            f"the first mail {run.results[0].get('tracking_id')!r}")
    problems += check(run.results[-1], scenario.expect)
    summary = json.dumps(run.results, ensure_ascii=False)[:3000]
    assert not problems, f"{name} composed by {composer} ({run.mails[-1]}):\n  " + "\n  ".join(problems) + \
        f"\nresult: {summary}"


# --------------------------------------------------------------------------- (b) our mails out


def leaves(part: EmailMessage) -> list[EmailMessage]:
    """The parts a reader sees as files or bodies: multipart containers are opened, message/* parts are not."""
    if part.get_content_maintype() == "multipart":
        return [leaf for child in part.iter_parts() for leaf in leaves(child)]  # type: ignore[arg-type]
    return [part]


def python_view(raw: bytes) -> dict[str, Any]:
    """What Python's email package (policy.default) reads in RAW, in parse.mjs's shape.

    A message/* part is reported by name and type only (Python re-serialises it, so its bytes can't
    be compared), plus ``readable``: whether Python finds a message (with headers) inside it.
    """
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(msg, EmailMessage)

    def mailbox(value: str) -> dict[str, str]:
        name, address = parseaddr(value)
        return {"name": name, "address": address.lower()}

    body = msg.get_body(("plain",))
    text = body.get_content() if body is not None else None
    attachments: list[dict[str, Any]] = []
    for part in leaves(msg):
        if part is body:
            continue
        if part.get_content_maintype() == "message":
            inner = part.get_payload(0) if part.is_multipart() else None
            attachments.append({"filename": part.get_filename(), "mimeType": part.get_content_type(),
                                "size": None, "sha256": None,
                                "readable": bool(inner is not None and (inner["From"] or inner["Subject"]))})
            continue
        is_text_body = part.get_content_type() in ("text/plain", "text/html") and not part.get_filename() \
            and part.get_content_disposition() != "attachment"
        if is_text_body:
            continue
        payload = part.get_payload(decode=True) or b""
        attachments.append({"filename": part.get_filename(), "mimeType": part.get_content_type(),
                            "size": len(payload), "sha256": hashlib.sha256(payload).hexdigest()})
    return {
        "subject": str(msg["Subject"]) if msg["Subject"] is not None else None,
        "from": mailbox(str(msg["From"])),
        "to": [{"name": n, "address": a.lower()} for n, a in getaddresses([str(v) for v in msg.get_all("To", [])])],
        "text": text,
        "attachments": attachments,
    }


def comparable(view: dict[str, Any], *, bytes_of_messages: bool = True) -> dict[str, Any]:
    """The fields the parsers must agree on; text with normalised line ends and no outer whitespace.

    With ``bytes_of_messages=False``, message/* attachments are compared by name and type only.
    """
    text = view.get("text")

    def key(item: dict[str, Any]) -> tuple[Any, ...]:
        if (item["filename"] or "").endswith(".eml"):
            # We send a forwarded mail as an application/octet-stream `.eml` file (message/* may not
            # be base64-encoded). mailparser types such a file by its name as message/rfc822 and
            # sometimes withholds its bytes; postal-mime and Python keep our type and bytes.
            return (item["filename"], "an .eml file", None, None)
        if not bytes_of_messages and item["mimeType"].startswith("message/"):
            return (item["filename"] or "", item["mimeType"], None, None)
        return (item["filename"] or "", item["mimeType"], item["size"], item["sha256"])

    return {
        "subject": view.get("subject"),
        "from": view.get("from"),
        "to": view.get("to"),
        "text": text.replace("\r\n", "\n").strip() if isinstance(text, str) else text,
        "attachments": sorted((key(item) for item in view.get("attachments", [])), key=repr),
    }


def disagreements(raw: bytes, node_views: dict[str, Any]) -> list[str]:
    """How postal-mime, mailparser and Python's email differ on RAW (empty: they agree)."""
    python = python_view(raw)
    problems = [f"python: the {item['mimeType']} part {item['filename']!r} holds no readable message "
                "(no headers inside: is it base64-encoded?)"
                for item in python["attachments"] if item.get("readable") is False]
    views = {}
    for parser in ("postal", "mailparser"):
        if "error" in node_views[parser]:
            problems.append(f"{parser} failed: {node_views[parser]['error']}")
        else:
            views[parser] = node_views[parser]

    def compare(label: str, flat: dict[str, dict[str, Any]]) -> None:
        for key in ("subject", "from", "to", "text", "attachments"):
            values = {parser: view[key] for parser, view in flat.items()}
            if len({json.dumps(v, ensure_ascii=False, sort_keys=True) for v in values.values()}) > 1:
                shown = {p: (v[:200] + "…" if isinstance(v, str) and len(v) > 200 else v) for p, v in values.items()}
                problems.append(f"{label}: {key} differs: {json.dumps(shown, ensure_ascii=False)}")

    compare("postal-mime vs mailparser", {parser: comparable(view) for parser, view in views.items()})
    compare("python vs npm parsers", {"python": comparable(python, bytes_of_messages=False),
                                      **{p: comparable(v, bytes_of_messages=False) for p, v in views.items()}})
    return problems


def node_parse(paths: list[Path]) -> list[dict[str, Any]]:
    try:
        out = sc.node_run(["parse.mjs", *map(str, paths)])
    except sc.NodeMissing as error:
        pytest.fail(str(error), pytrace=False)
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.integration
@pytest.mark.parametrize(("name", "composer"), [p.values for p in _params()], ids=[p.id for p in _params()])
def test_b_our_outgoing_mails_read_the_same_in_three_parsers(name: str, composer: str, run_of: Any) -> None:
    run = run_of(name, composer)
    expected_notices = sum(len(r.get("notifications") or []) for r in run.results)
    outbox = run.outbox
    assert len(outbox) >= expected_notices, f"{expected_notices} notifications reported, {len(outbox)} in the outbox"
    if not outbox:
        assert expected_notices == 0
        return
    problems = []
    for path, parsed in zip(outbox, node_parse(outbox), strict=True):
        problems += [f"{path.name}: {p}" for p in disagreements(path.read_bytes(), parsed)]
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- (c) our mails out, on the wire


def wire_problems(raw: bytes) -> list[str]:
    """DESIGN.md §6 on RAW: CRLF only, lines ≤ 998 octets, ASCII headers, message/* never encoded,
    Chinese attachment names in both forms (RFC 2047 name= and RFC 2231 filename*=)."""
    problems = []
    if raw.replace(b"\r\n", b"").count(b"\n") or raw.replace(b"\r\n", b"").count(b"\r"):
        problems.append("bare LF or CR outside CRLF")
    long_lines = [n for n, line in enumerate(raw.split(b"\r\n"), 1) if len(line) > 998]
    if long_lines:
        problems.append(f"lines over 998 octets: {long_lines[:5]}")
    msg = BytesParser(policy=policy.compat32).parsebytes(raw)  # compat32: header values as written
    for part in msg.walk():
        for name, value in part.items():
            if not str(value).isascii():
                problems.append(f"non-ASCII header {name}: {str(value)[:80]!r}")
        kind = part.get_content_type()
        cte = (part.get("Content-Transfer-Encoding") or "7bit").strip().lower()
        if kind.startswith("message/") and cte not in ("7bit", "8bit", "binary"):
            problems.append(f"{kind} part encoded as {cte} (RFC 2046 5.2.1)")
        filename = part.get_filename()
        if filename is not None and kind == "message/rfc822" and filename.lower().endswith(".txt"):
            problems.append(f"a message/rfc822 part is named {filename!r}: reviewers' clients open it as text")
        if filename is not None and not filename.isascii():
            content_type = str(part.get("Content-Type", ""))
            disposition = str(part.get("Content-Disposition", ""))
            if "name=" not in content_type.replace("filename=", ""):
                problems.append(f"{filename!r}: no name= in Content-Type (QQ mail shows only that form)")
            if "filename*" not in disposition:
                problems.append(f"{filename!r}: no RFC 2231 filename*= in Content-Disposition")
    return problems


@pytest.mark.parametrize(("name", "composer"), _params())
def test_c_our_outgoing_mails_keep_the_wire_rules(name: str, composer: str, run_of: Any) -> None:
    run = run_of(name, composer)
    problems = [f"{path.name}: {p}" for path in run.outbox for p in wire_problems(path.read_bytes())]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("name", "composer"), _params())
def test_d_the_review_request_carries_the_contributors_files_under_their_names(
        name: str, composer: str, run_of: Any) -> None:
    scenario = SCENARIOS[name]
    if scenario.expect.outcome != "accepted":
        return  # nothing goes to reviewers: no review request to look at
    run = run_of(name, composer)
    if run.results[-1]["outcome"] != "accepted":
        pytest.skip(f"intake answered {run.results[-1]['outcome']!r}, not 'accepted': test_a reports why")
    requests = [path for path in run.outbox if "review_request" in path.name]
    assert requests, f"no review request in {[p.name for p in run.outbox]}"
    names = {part.get_filename() for part in BytesParser(policy=policy.default).parsebytes(
        requests[-1].read_bytes()).walk() if part.get_filename()}
    wanted = {n for n in (scenario.expect.manuscript, *scenario.expect.images) if n}
    assert wanted <= names, f"missing {sorted(wanted - names)} among {sorted(names)}"
