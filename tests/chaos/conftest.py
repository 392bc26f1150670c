"""The chaos tests' marker (registered here so `-m chaos` works without a pyproject change)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "chaos: whole-system runs under injected faults (kill -9, restarts, outages)")
