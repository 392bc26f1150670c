#!/usr/bin/env bash
# Create or refresh .venv for this checkout; idempotent and quick when nothing changed.
# Reinstalls (pip install -e '.[dev]') only when pyproject.toml changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$(find_python) || { echo "bootstrap: need Python >= 3.11 (set PYTHON=...)" >&2; exit 1; }
    echo "bootstrap: creating .venv with $($python --version)"
    rm -rf .venv
    "$python" -m venv .venv
fi

stamp=.venv/.pyproject.sha256
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
    echo "bootstrap: installing the project and its dev tools into .venv"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
    echo "$want" > "$stamp"
else
    echo "bootstrap: .venv is up to date"
fi
