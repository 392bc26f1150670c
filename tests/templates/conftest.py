"""Fixtures for the mail template tests (shared values and helpers live in ``template_cases``)."""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `import template_cases`, whatever the import mode

from template_cases import Context, Render, make_env, sample_context


@pytest.fixture(scope="session")
def env() -> jinja2.Environment:
    return make_env()


@pytest.fixture
def render(env: jinja2.Environment) -> Render:
    """Render one template by its path under templates/ (subjects stripped, as the renderer does)."""

    def _render(name: str, context: Context) -> str:
        text = env.get_template(name).render(**context)
        return text.strip() if name.endswith(".subject.j2") else text

    return _render


@pytest.fixture
def make_context() -> Callable[..., Context]:
    """A full, realistic context; keyword arguments override top-level keys."""

    def _make(lang: str = "zh-CN", **overrides: Any) -> Context:
        context = copy.deepcopy(sample_context())
        context["lang"] = lang
        context.update(overrides)
        return context

    return _make


@pytest.fixture
def empty_context() -> Callable[[str], Context]:
    """Every key present, every value None or empty: the worst case the renderer may pass."""

    def _make(lang: str = "zh-CN") -> Context:
        return {
            "lang": lang,
            "tracking_id": None,
            "contributor_name": "",
            "contributor_addr": "",
            "original_subject": "",
            "received_at": "",
            "site_name": "",
            "submission_address": "",
            "draft": None,
            "files": [],
            "missing": [],
            "required_fields": [],
            "reason": None,
            "warnings": [],
            "metadata": [],
            "attachments": [],
        }

    return _make
