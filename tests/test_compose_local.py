"""docker-compose.yml's intake services, run outside Docker with the same commands and settings.

Each intake service (migrate, poller, worker, flower) is taken from the compose file as written:
its `command`, its `environment` (the x-intake anchor, compose interpolation applied) and its
healthcheck. Only what names the compose network is replaced: the service host names postgres,
redis, dovecot and mailpit by the real local servers of the test suite (a private PostgreSQL
database, a Redis database, a Dovecot user, an aiosmtpd sink), the volume path by a temporary
folder, published ports by free ones and 0.0.0.0 by 127.0.0.1. Then the commands run as the
containers would run them, and so do the healthchecks.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
import servers
import yaml
from test_packaging import known_settings

REPO = Path(__file__).resolve().parents[1]
COMPOSE_FILE = REPO / "docker-compose.yml"
INTAKE_SERVICES = ("migrate", "poller", "worker", "flower")
BACKING_SERVICES = ("postgres", "redis", "dovecot", "mailpit")
VENV_BIN = str(Path(sys.executable).parent)
SAMPLE = REPO / "examples" / "03-body-only-article.eml"
CONTRIBUTOR = "wangzhe_jggw@foxmail.com"


# --------------------------------------------------------------------------- the compose file


def _interpolate(value: Any, env: Mapping[str, str]) -> Any:
    """Compose's variable substitution: $$, ${VAR}, ${VAR:-default}, ${VAR-default}, $VAR."""
    if isinstance(value, dict):
        return {k: _interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [_interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def substitute(m: re.Match[str]) -> str:
        if m.group(0) == "$$":
            return "$"
        name = m.group(1) or m.group(4)
        if m.group(2) is not None:  # a default: ":-" also for an empty value, "-" only when unset
            unset = name not in env or (m.group(2) == ":-" and env[name] == "")
            return m.group(3) if unset else env[name]
        return env.get(name, "")

    return re.sub(r"\$\$|\$\{(\w+)(?:(:?-)([^}]*))?\}|\$(\w+)", substitute, value)


def compose(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """docker-compose.yml with merge keys resolved and variables substituted (by default: none set)."""
    loaded = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    return dict(_interpolate(loaded, env or {}))


def test_intake_services_share_one_valid_configuration_and_publish_on_loopback_only() -> None:
    services = compose()["services"]
    assert set(INTAKE_SERVICES) | set(BACKING_SERVICES) <= set(services)
    settings = known_settings()
    first = services[INTAKE_SERVICES[0]]
    for name in INTAKE_SERVICES:
        spec = services[name]
        assert spec["command"][0] == "intake", name
        assert spec["environment"] == first["environment"] and spec["image"] == first["image"], name
        unknown = {k for k in spec["environment"] if k.startswith("INTAKE_")} - settings
        assert not unknown, f"{name}: no such setting {sorted(unknown)}"
    for name, spec in services.items():
        for port in spec.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} beyond 127.0.0.1"
    flower = services["flower"]
    assert flower["command"][:2] == ["intake", "flower"] and "INTAKE_BROKER_URL" in flower["environment"]
    assert flower["ports"] == ["127.0.0.1:5555:5555"]
    assert services["worker"]["command"][:2] == ["intake", "worker"]  # `intake worker` adds -E (task events)


def test_docker_compose_accepts_the_file() -> None:
    exe = shutil.which("docker-compose")
    if exe is None:
        pytest.skip("docker-compose is not installed (scripts/test.sh installs it)")
    done = subprocess.run([exe, "-f", str(COMPOSE_FILE), "config", "-q"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr


# --------------------------------------------------------------------------- the services, locally


@dataclass
class LocalService:
    name: str
    command: list[str]
    healthcheck: list[str] | None
    env: dict[str, str]
    cwd: Path


def _localise(text: str, ports: Mapping[str, int]) -> str:
    text = text.replace("0.0.0.0", "127.0.0.1")
    for inside, outside in ports.items():
        text = re.sub(rf"(?<!\d){inside}(?!\d)", str(outside), text)
    return text


def local_service(name: str, spec: Mapping[str, Any], backing: Mapping[str, str], root: Path) -> LocalService:
    """The compose service as a local process: same command and settings, local servers instead of hosts."""
    mounts = {str(v).split(":")[1] for v in spec.get("volumes", []) if ":" in str(v)}
    env: dict[str, str] = {}
    for key, raw in spec["environment"].items():
        value = str(raw)
        for mount in mounts:
            if value == mount or value.startswith(mount + "/"):
                value = str(root / "volume") + value[len(mount):]
        host = urlsplit(value).hostname if "://" in value else None
        if host in BACKING_SERVICES:
            local = backing[host]
            assert urlsplit(local).scheme == urlsplit(value).scheme, (key, value, local)
            value = local
        assert not any(f"@{h}:" in value or f"//{h}:" in value for h in BACKING_SERVICES), (key, value)
        env[key] = value
    ports = {}
    for port in spec.get("ports", []):
        inside = str(port).split(":")[-1].split("/")[0]
        ports[inside] = servers.free_port()
    check = spec.get("healthcheck", {}).get("test")
    if check is not None:
        check = ["/bin/sh", "-c", check[1]] if check[0] == "CMD-SHELL" else list(check[1:])
        check = [_localise(str(arg), ports) for arg in check]
    clean = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    full_env = {**clean, **env, "PATH": VENV_BIN + os.pathsep + os.environ.get("PATH", ""),
                "HOSTNAME": socket.gethostname(), "PYTHONUNBUFFERED": "1"}  # Docker sets HOSTNAME
    (root / "volume").mkdir(parents=True, exist_ok=True)
    return LocalService(name, [_localise(str(arg), ports) for arg in spec["command"]], check, full_env,
                        root / "volume")


class Processes:
    """Every process started here, each in its own process group, all killed at the end."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.running: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, service: LocalService) -> subprocess.Popen[bytes]:
        with open(self.logs / f"{service.name}.log", "wb") as log:
            proc = subprocess.Popen(service.command, env=service.env, cwd=service.cwd, stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.running[service.name] = proc
        return proc

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def alive(self, name: str) -> None:
        proc = self.running[name]
        assert proc.poll() is None, f"{name} exited with {proc.returncode}:\n{self.log(name)[-3000:]}"

    def stop_all(self) -> dict[str, int | None]:
        for proc in self.running.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        codes: dict[str, int | None] = {}
        for name, proc in self.running.items():
            try:
                codes[name] = proc.wait(15)
            except subprocess.TimeoutExpired:
                codes[name] = None
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # pool children, imap connections: nothing stays
            proc.wait(5)
        return codes


def until(check: Callable[[], Any], timeout: float, what: str, every: float = 0.2) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)


def run_healthcheck(service: LocalService, timeout: float = 30.0) -> subprocess.CompletedProcess[str]:
    assert service.healthcheck is not None, f"{service.name} has no healthcheck in docker-compose.yml"
    return subprocess.run(service.healthcheck, env=service.env, cwd=service.cwd, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=timeout, check=False)


def http_get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


def flower_tasks(port: int) -> list[dict[str, Any]]:
    """The tasks Flower has seen through the workers' task events (the table of its Tasks page)."""
    query = urlencode({"draw": 1, "start": 0, "length": 50, "order[0][column]": 0, "columns[0][data]": "name",
                       "order[0][dir]": "asc"})
    status, body = http_get(f"http://127.0.0.1:{port}/tasks/datatable?{query}")
    return list(json.loads(body)["data"]) if status == 200 else []


@pytest.fixture
def processes(test_artifacts: Path) -> Iterator[Processes]:
    procs = Processes(test_artifacts)
    try:
        yield procs
    finally:
        procs.stop_all()


@pytest.mark.integration
def test_each_compose_service_runs_locally_with_its_compose_settings(
    postgres_url: str, redis_url: str, dovecot: Any, smtp_sink: Any, tmp_path: Path, processes: Processes,
) -> None:
    spec = compose()["services"]
    folder = urlsplit(str(spec["poller"]["environment"]["INTAKE_MAILBOX_URL"])).path.lstrip("/")
    backing = {"postgres": postgres_url, "redis": redis_url, "dovecot": dovecot.url(folder),
               "mailpit": smtp_sink.url}
    local = {name: local_service(name, spec[name], backing, tmp_path) for name in INTAKE_SERVICES}

    # migrate: a one-shot that exits 0, leaving every table of the schema
    migrate = local["migrate"]
    done = subprocess.run(migrate.command, env=migrate.env, cwd=migrate.cwd, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    from sqlalchemy import create_engine, inspect, text

    from intake.tables import Base

    engine = create_engine(postgres_url)
    try:
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) | {"alembic_version"} <= tables, tables

        # worker, flower and poller, as `docker-compose up` starts them
        for name in ("worker", "flower", "poller"):
            processes.start(local[name])
        until(lambda: " ready." in processes.log("worker"), 45, "the worker's ready line")
        ping = until(lambda: (r := run_healthcheck(local["worker"])).returncode == 0 and r, 30,
                     "the worker healthcheck (celery inspect ping)", every=1.0)
        assert "pong" in ping.stdout
        flower_port = int(local["flower"].command[local["flower"].command.index("--port") + 1])
        until(lambda: http_get(f"http://127.0.0.1:{flower_port}/healthcheck") == (200, "OK"), 30, "Flower's HTTP")
        assert run_healthcheck(local["flower"]).returncode == 0
        health = until(lambda: (r := run_healthcheck(local["poller"])).returncode == 0 and r, 30,
                       "the poller healthcheck (intake status --health)", every=1.0)
        assert health.returncode == 0

        # one mail through the whole: APPEND → poller moves it out → worker → SMTP
        dovecot.append(SAMPLE.read_bytes(), folder)
        until(lambda: dovecot.uids(folder) == [] and len(dovecot.uids("Processed")) == 1, 30,
              "the poller to move the mail out of the INBOX")
        envelopes = smtp_sink.wait_for(2, timeout=30)
        by_rcpt = {tuple(e.rcpt_tos): e for e in envelopes}
        assert set(by_rcpt) == {(CONTRIBUTOR,), ("editor@example.test",)}, list(by_rcpt)
        with engine.connect() as conn:
            (result,) = conn.execute(text("SELECT result FROM messages")).scalars().all()
        result = json.loads(result) if isinstance(result, str) else result
        assert result["outcome"] == "accepted"
        assert result["tracking_id"] in str(by_rcpt[(CONTRIBUTOR,)].message["Subject"])

        # the worker sends task events (-E): Flower saw the ingest succeed
        seen = until(lambda: [t for t in flower_tasks(flower_port)
                              if t.get("name") == "intake.ingest" and t.get("state") == "SUCCESS"],
                     15, "Flower to show the ingest task")
        assert seen
        for name in ("worker", "flower", "poller"):
            processes.alive(name)
    finally:
        engine.dispose()
    codes = processes.stop_all()
    assert codes["poller"] == 0 and codes["worker"] == 0, codes  # SIGTERM (docker stop): a clean exit
