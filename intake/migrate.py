"""Alembic migrations: they live in `intake.store.migrate`; this name stays for `Store.upgrade` and scripts."""

from __future__ import annotations

from intake.store.migrate import MIGRATIONS, alembic_config, current, head, upgrade

__all__ = ["MIGRATIONS", "alembic_config", "current", "head", "upgrade"]
