"""The database's exceptions, told apart without importing SQLAlchemy outside the store."""

from __future__ import annotations

from sqlalchemy.exc import InterfaceError, OperationalError


def is_database_outage(exc: BaseException) -> bool:
    """The database (or its driver's connection) failed: SQLAlchemy's OperationalError or InterfaceError."""
    return isinstance(exc, OperationalError | InterfaceError)
