"""The import contracts cover the whole tree: a new module cannot slip past "only the store speaks SQL"."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLOWED = {"intake.store", "intake.tables", "intake.migrations", "intake.templates"}  # SQL's home (+ data)


def contract(name: str) -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return next(c for c in config["contracts"] if c["name"] == name)


def test_every_module_outside_the_store_is_forbidden_sqlalchemy() -> None:
    """Each top-level module and subpackage of intake/ (and workers) is a source of the SQL contract."""
    found = {f"intake.{p.stem}" for p in (ROOT / "intake").glob("*.py") if p.stem != "__init__"}
    found |= {f"intake.{p.name}" for p in (ROOT / "intake").iterdir() if (p / "__init__.py").exists()}
    found.add("workers")
    sql = contract("Only the store speaks SQL")
    assert sql["forbidden_modules"] == ["sqlalchemy"]
    assert sorted(found - ALLOWED - set(sql["source_modules"])) == [], "add new modules to the contract"  # type: ignore[arg-type]
    assert not set(sql["source_modules"]) & ALLOWED  # type: ignore[arg-type]
