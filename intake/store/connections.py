"""The engine's connections, for callers that must not know SQLAlchemy: shown URL, fork hygiene."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intake.store import Store


def shown_url(store: Store) -> str:
    """The database URL with its password masked, for messages to ops."""
    return store.engine.url.render_as_string(hide_password=True)


def forget_inherited_connections(store: Store) -> None:
    """In a child after fork: drop the pool's connections without closing them (they stay the parent's)."""
    store.engine.dispose(close=False)
