"""Alembic migrations, run programmatically (no alembic.ini needed by deployments)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, text

MIGRATIONS = Path(__file__).parent.parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    """An Alembic configuration for our migrations that runs them on `engine` (no alembic.ini)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the schema up to `revision` (default: the newest)."""
    command.upgrade(alembic_config(engine), revision)


def current(engine: Engine) -> str | None:
    """The schema revision the database is at, None before the first migration."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head() -> str | None:
    """The newest revision this version of intake ships."""
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def connected_revision(url: str, timeout: float) -> str | None:
    """Connect to the database at `url` on a throwaway engine, run SELECT 1 and return its schema
    revision (None: no schema yet). Raises what the driver raises when it cannot be reached."""
    args: dict[str, Any] = {"connect_timeout": int(timeout)} if url.startswith("postgres") else {}
    engine = create_engine(url, connect_args=args)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return current(engine)
    finally:
        engine.dispose()
