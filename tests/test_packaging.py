"""Packaging: the built wheel carries everything the installed package reads at run time (templates,
migrations), an installed wheel that cannot see this checkout renders mail, and requirements.lock
pins every dependency pyproject.toml names."""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = REPO / "requirements.lock"
# Generated or heavy folders of a working checkout that a build never reads.
NOT_COPIED = {".git", ".venv", "artifacts", "node_modules", "build", "dist", "intake-demo", "intake-data",
              "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis", ".import_linter_cache"}
MARKER = "INSTALLED-COPY-OF-THE-TEMPLATES"


# --------------------------------------------------------------------------- requirements.lock


def _locked() -> dict[str, tuple[str, int]]:
    """Normalised name -> (pinned version, number of hashes) for every entry of requirements.lock."""
    entries: dict[str, tuple[str, int]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8")):
        head = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", block)
        if head:
            entries[canonicalize_name(head.group(1))] = (head.group(2), block.count("--hash=sha256:"))
    return entries


def _named_requirements() -> list[tuple[str, Requirement]]:
    project = PYPROJECT["project"]
    named = [("dependencies", Requirement(r)) for r in project["dependencies"]]
    for extra, reqs in project.get("optional-dependencies", {}).items():
        named += [(f"optional-dependencies.{extra}", Requirement(r)) for r in reqs]
    named += [("build-system.requires", Requirement(r)) for r in PYPROJECT["build-system"]["requires"]]
    return named


def test_the_lock_pins_every_dependency_pyproject_names_within_its_range() -> None:
    locked = _locked()
    assert len(locked) > 30, "requirements.lock looks truncated"
    problems = []
    for where, req in _named_requirements():
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(req.name)
        if name not in locked:
            problems.append(f"{req} ({where}) is not in requirements.lock")
        elif req.specifier and not req.specifier.contains(locked[name][0], prereleases=True):
            problems.append(f"{req} ({where}): the lock pins {locked[name][0]}")
    regenerate = ("regenerate: .venv/bin/pip-compile --allow-unsafe --extra dev --extra flower --generate-hashes "
                  "--strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml")
    assert not problems, "\n".join([*problems, regenerate])


def test_every_locked_package_is_pinned_with_hashes_and_no_index_is_named() -> None:
    text = LOCK.read_text(encoding="utf-8")
    assert all(hashes > 0 for _, hashes in _locked().values())
    requirement_lines = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert all(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*==\S+ \\$", line) for line in requirement_lines), \
        [line for line in requirement_lines if "==" not in line]
    assert not re.search(r"^--(index-url|extra-index-url|find-links)", text, re.M)  # machine-specific indexes
    # The project itself is installed apart (pip install --no-deps -e .): it must not be locked.
    assert "submission-intake" not in _locked()


# --------------------------------------------------------------------------- the package list


def test_every_python_package_of_the_source_is_listed_for_setuptools() -> None:
    """[tool.setuptools] lists the packages (no find, see the comment there): a new one must be added."""
    setuptools = PYPROJECT["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    found = {".".join(d.relative_to(REPO).parts) for top in ("intake", "workers") for d in [REPO / top,
             *(REPO / top).rglob("*")] if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py"))}
    assert found - listed == set(), f"add to [tool.setuptools].packages: {sorted(found - listed)}"
    assert setuptools["package-dir"]["intake.templates"] == "templates"
    assert (REPO / "templates" / "draft.html.j2").is_file()


# --------------------------------------------------------------------------- the wheel


def _copy_checkout(target: Path) -> None:
    def ignore(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n in NOT_COPIED or n.endswith(".egg-info")}

    shutil.copytree(REPO, target, ignore=ignore, symlinks=True)
    # Strays beside the packages, as a working tree has them: none may end up in the wheel.
    for stray in ("intake-demo/Maildir/new", "intake-scratch"):
        (target / stray).mkdir(parents=True, exist_ok=True)
    (target / "intake-scratch" / "stray.py").write_text("")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    _copy_checkout(source)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--disable-pip-version-check",
         "-q", "-w", str(root / "dist"), str(source)],
        capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    (found,) = (root / "dist").glob("submission_intake-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The wheel installed alone (no dependencies) into a folder outside the checkout."""
    target = tmp_path_factory.mktemp("installed") / "site"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-compile", "--disable-pip-version-check", "-q",
         "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    yield target


def _env(site: Path, **extra: str) -> dict[str, str]:
    """This environment without INTAKE_* and PYTHON* settings, the installed copy first on sys.path."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("INTAKE_", "PYTHON"))}
    return {**clean, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1", **extra}


@pytest.mark.integration
def test_the_wheel_holds_the_templates_the_migrations_and_nothing_stray(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = next(zf.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    templates = {f"intake/templates/{p.relative_to(REPO / 'templates').as_posix()}"
                 for p in (REPO / "templates").rglob("*.j2")}
    assert len(templates) > 40 and templates <= names, sorted(templates - names)
    migrations = {p.relative_to(REPO).as_posix() for p in (REPO / "intake" / "migrations").rglob("*")
                  if p.is_file() and p.suffix in (".py", ".mako", ".ini")}
    assert {"intake/migrations/env.py", "intake/migrations/script.py.mako"} <= migrations <= names
    assert any(n.startswith("intake/migrations/versions/0001_") for n in names)
    sources = {p.relative_to(REPO).as_posix() for top in ("intake", "workers") for p in (REPO / top).rglob("*.py")
               if "__pycache__" not in p.parts}
    assert sources <= names, sorted(sources - names)
    assert "intake/py.typed" in names
    tops = {n.split("/", 1)[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"intake", "workers"}, tops
    assert re.search(r"^intake = intake\.cli:main$", entry_points, re.M)


@pytest.mark.integration
def test_an_installed_wheel_that_cannot_see_the_checkout_renders_mail(installed: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    probe = subprocess.run(
        [sys.executable, "-P", "-s", "-c",
         "import json, intake, workers.app, intake.migrate as m, intake.notices as n; "
         "print(json.dumps({'intake': intake.__file__, 'workers': workers.app.__file__, "
         "'templates': str(n.templates_dir()), 'migrations': str(m.MIGRATIONS), 'head': m.head()}))"],
        env=_env(installed, INTAKE_DATA_DIR=str(tmp_path / "probe")), cwd=run_dir,
        capture_output=True, text=True, timeout=60, check=False)
    assert probe.returncode == 0, probe.stderr
    where = json.loads(probe.stdout)
    for key in ("intake", "workers", "templates", "migrations"):
        path = Path(where[key]).resolve()
        assert path.is_relative_to(installed.resolve()) and not path.is_relative_to(REPO), (key, path)
    assert where["templates"] == str(installed / "intake" / "templates")
    demo = subprocess.run([sys.executable, "-P", "-s", "-c", "import intake.demo as d; p = d.examples_dir(); "
                           "print(p, len(list(p.glob('*.eml'))))"],
                          env=_env(installed), cwd=run_dir, capture_output=True, text=True, timeout=60, check=False)
    folder, count = demo.stdout.split()
    assert Path(folder) == installed / "intake" / "examples"  # `intake demo` from a wheel finds its samples
    assert int(count) == len(list((REPO / "examples").glob("*.eml")))
    assert where["head"], "no migration revision in the installed copy"

    # Mark the installed acknowledgement template: the mail written must come from that copy.
    ack = installed / "intake" / "templates" / "zh-CN" / "acknowledgement.txt.j2"
    ack.write_text(ack.read_text(encoding="utf-8") + f"\n{MARKER}\n", encoding="utf-8")
    data = tmp_path / "data"
    done = subprocess.run(
        [str(installed / "bin" / "intake"), "ingest", "--json", str(REPO / "examples" / "03-body-only-article.eml")],
        env=_env(installed, INTAKE_DATA_DIR=str(data)), cwd=run_dir,
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    (result,) = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert result["outcome"] == "accepted" and re.fullmatch(r"TG-\d{8}-\d{4}", result["tracking_id"])
    assert {"kind": "acknowledgement", "to": ["wangzhe_jggw@foxmail.com"]} in result["notifications"]

    # INTAKE_SMTP_URL unset: notices go to the file outbox in the data dir, one .eml each.
    (written,) = (data / "outbox").glob("*-acknowledgement.eml")
    mail = email.message_from_bytes(written.read_bytes(), policy=email.policy.default)
    assert result["tracking_id"] in str(mail["Subject"]) and mail["To"] == "wangzhe_jggw@foxmail.com"
    text = mail.get_body(("plain",))
    assert text is not None and MARKER in text.get_content() and result["tracking_id"] in text.get_content()
    assert (data / "intake.sqlite3").is_file()  # migrated from the installed copy's migrations


# --------------------------------------------------------------------------- deploy/: systemd units, settings

UNITS = REPO / "deploy" / "systemd"
ENV_EXAMPLE = REPO / "deploy" / "intake.env.example"
INSTALLED_INTAKE = "/opt/intake/venv/bin/intake"  # where docs/DEPLOYMENT.md installs the package
VENV_INTAKE = Path(sys.executable).parent / "intake"


def known_settings() -> set[str]:
    """Every INTAKE_* variable intake/config.py reads, plus INTAKE_CONFIG and INTAKE_TEMPLATES_DIR."""
    source = (REPO / "intake" / "config.py").read_text(encoding="utf-8")
    keys = set(re.findall(r'(?<![.\w])get\("(\w+)"', source))
    assert len(keys) > 20, "intake/config.py no longer reads settings through get(...): update this test"
    return {f"INTAKE_{k.upper()}" for k in keys} | {"INTAKE_CONFIG", "INTAKE_TEMPLATES_DIR"}


def _unit(path: Path) -> dict[str, dict[str, str]]:
    """A unit file's sections and keys (a later key replaces an earlier one, as for these keys in systemd)."""
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        current[key.strip()] = value.strip()
    return sections


def _seconds(value: str) -> float:
    number, unit = re.fullmatch(r"(\d+)\s*(s|sec|min|m)?", value).groups()  # type: ignore[union-attr]
    return float(number) * (60 if unit in ("min", "m") else 1)


def _subcommands(*args: str) -> set[str]:
    done = subprocess.run([str(VENV_INTAKE), *args, "--help"], capture_output=True, text=True, timeout=60,
                          check=False, env={k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")})
    assert done.returncode == 0, done.stderr
    choices = re.search(r"\{([a-z,_-]+)\}", done.stdout)
    assert choices, done.stdout
    return set(choices.group(1).split(","))


def test_the_units_run_intake_subcommands_as_a_hardened_unprivileged_user() -> None:
    from intake.cli import build_parser

    units = {p.name: _unit(p) for p in UNITS.glob("*.service")}
    assert set(units) == {"intake-migrate.service", "intake-poller.service", "intake-worker@.service",
                          "intake-flower.service", "intake-web.service"}
    commands, db_commands = _subcommands(), _subcommands("db")
    time_limit = int(re.search(r'name="intake.ingest".*?\btime_limit=(\d+)',
                               (REPO / "workers" / "tasks.py").read_text(encoding="utf-8")).group(1))  # type: ignore[union-attr]
    for name, sections in units.items():
        service = sections["Service"]
        argv = shlex.split(service["ExecStart"])
        assert argv[0] == INSTALLED_INTAKE and argv[1] in commands, (name, argv)
        if argv[1] == "db":
            assert argv[2] in db_commands, (name, argv)
        concrete = [a.replace("%i", "1").replace("%H", "host") for a in argv[1:]]
        try:
            build_parser().parse_args(concrete)  # the exact arguments are accepted
        except SystemExit as exc:
            raise AssertionError(f"{name}: intake rejects {concrete}") from exc
        assert service["User"] == "intake" and service["NoNewPrivileges"] == "yes", name
        assert service["ProtectSystem"] == "strict" and service["ProtectHome"] == "yes", name
        assert "/var/lib/intake" in service["ReadWritePaths"].split(), name
        assert service["EnvironmentFile"] == "/etc/intake/intake.env", name
        assert service["Restart"] == "on-failure", name
        assert service["CapabilityBoundingSet"] == "", name
    assert units["intake-migrate.service"]["Service"]["Type"] == "oneshot"
    worker = units["intake-worker@.service"]["Service"]
    assert worker["KillMode"] == "mixed"  # SIGTERM to Celery's main process: a warm shutdown
    assert _seconds(worker["TimeoutStopSec"]) >= time_limit + 30, "a stop must let the mail in hand finish"
    assert "%i" in worker["ExecStart"]  # every instance its own Celery node name
    flower = shlex.split(units["intake-flower.service"]["Service"]["ExecStart"])
    assert flower[flower.index("--address") + 1] == "127.0.0.1"
    web = shlex.split(units["intake-web.service"]["Service"]["ExecStart"])
    assert web[1] == "web" and web[web.index("--host") + 1] == "127.0.0.1"


def test_systemd_analyze_verify_accepts_the_units(tmp_path: Path) -> None:
    exe = shutil.which("systemd-analyze")
    if exe is None:
        pytest.skip("systemd-analyze is not installed")
    assert VENV_INTAKE.exists()
    paths = []
    for unit in sorted(UNITS.glob("*.service")):
        # verify checks that ExecStart exists: point it at this venv's intake; a template as instance 1
        target = tmp_path / unit.name.replace("@.service", "@1.service")
        target.write_text(unit.read_text(encoding="utf-8").replace(INSTALLED_INTAKE, str(VENV_INTAKE)),
                          encoding="utf-8")
        paths.append(str(target))
    done = subprocess.run([exe, "verify", *paths], capture_output=True, text=True, timeout=120, check=False,
                          cwd=tmp_path)
    # Unknown keys and bad values are only warned about (exit 0): any output is a failure too.
    assert done.returncode == 0 and not (done.stdout + done.stderr).strip(), done.stdout + done.stderr


def _env_file(path: Path) -> dict[str, str]:
    env = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = value[1:-1] if value[:1] == value[-1:] == "'" else value
    return env


def test_the_environment_example_documents_every_setting_and_holds_no_secret() -> None:
    from urllib.parse import urlsplit

    from intake.config import load_settings

    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    documented = set(re.findall(r"^#?(INTAKE_[A-Z0-9_]+)=", text, re.M))
    settings = known_settings()
    assert documented - settings == set(), f"no such setting: {sorted(documented - settings)}"
    assert settings - documented == set(), f"undocumented in {ENV_EXAMPLE.name}: {sorted(settings - documented)}"
    env = _env_file(ENV_EXAMPLE)
    loaded = load_settings(env)  # the example, as written, is a valid configuration
    assert loaded.broker_url and loaded.database_url.startswith("postgresql")
    assert env["INTAKE_SECRET_KEY"].startswith("CHANGE-ME")
    passwords = [urlsplit(v).password for v in env.values() if "://" in v and urlsplit(v).password]
    assert len(passwords) == 4 and all(p.startswith("CHANGE-ME") for p in passwords), passwords


def test_the_deployment_docs_name_only_real_settings_and_every_unit() -> None:
    docs = (REPO / "docs" / "DEPLOYMENT.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\bINTAKE_[A-Z0-9_]*[A-Z0-9]\b", docs))
    assert named - known_settings() == set(), f"no such setting: {sorted(named - known_settings())}"
    assert all(p.name.removesuffix(".service") in docs for p in UNITS.glob("*.service"))
