#!/usr/bin/env bash
# Create or refresh .venv for this checkout; idempotent and quick when nothing changed.
#
# With requirements.lock (pinned, hashed: the runtime, dev and flower dependencies), the venv is made
# to match it exactly: `pip install -r requirements.lock`, packages no longer in the lock removed, then
# the project itself with `pip install --no-deps --no-build-isolation -e .` (built offline by the
# locked setuptools). Without a lock file: `pip install -e '.[dev,flower]'`. Either runs only when
# pyproject.toml, requirements.lock or this script changed since the last install (stamp in .venv).
#
# Works on a fresh Debian 12 machine as root with no stdin: installs python3 and python3-venv
# with apt-get when there is no usable Python >= 3.11 or its venv module is missing.
# Regenerate the lock after changing dependencies in pyproject.toml:
#   .venv/bin/pip-compile --allow-unsafe --extra dev --extra flower --generate-hashes --strip-extras \
#       --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

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

apt_install() {
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "bootstrap: need $* (run as root on Debian, or: sudo apt-get install -y $*)" >&2
        return 1
    fi
    echo "bootstrap: apt-get install $*"
    apt-get update -q </dev/null >/dev/null
    apt-get install -y -q --no-install-recommends "$@" </dev/null >/dev/null
}

if ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$(find_python) || { apt_install python3 python3-venv && python=$(find_python); } \
        || { echo "bootstrap: need Python >= 3.11 (set PYTHON=...)" >&2; exit 1; }
    echo "bootstrap: creating .venv with $($python --version)"
    rm -rf .venv
    if ! "$python" -m venv .venv </dev/null; then
        # Debian's python3 ships venv without ensurepip: python3-venv (python3.X-venv) adds it
        rm -rf .venv
        version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
        apt_install python3-venv "python${version}-venv" || exit 1
        "$python" -m venv .venv </dev/null
    fi
fi

pip=(.venv/bin/python -m pip --quiet)
stamp=.venv/.bootstrap.sha256
inputs=(pyproject.toml scripts/bootstrap.sh)
[ -f requirements.lock ] && inputs+=(requirements.lock)
want=$(cat "${inputs[@]}" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null || true)" = "$want" ]; then
    echo "bootstrap: .venv is up to date"
    exit 0
fi

rm -f "$stamp"
if [ -f requirements.lock ]; then
    echo "bootstrap: installing requirements.lock and the project (editable) into .venv"
    # pip, setuptools and wheel first, so the rest (sdists too) is installed by the locked ones
    "${pip[@]}" install --require-hashes --no-deps \
        -r <(awk '/^[A-Za-z0-9]/ { keep = ($0 ~ /^(pip|setuptools|wheel)==/) } keep' requirements.lock) </dev/null
    "${pip[@]}" install --require-hashes -r requirements.lock </dev/null
    # Make the venv match the lock: what an earlier lock installed and this one dropped goes.
    mapfile -t stale < <(.venv/bin/python - <<'EOF'
import re
from importlib.metadata import distributions

def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()

with open("requirements.lock", encoding="utf-8") as fh:
    locked = {norm(m) for m in re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", fh.read(), re.M)}
keep = locked | {"pip", "setuptools", "wheel", "submission-intake"}
for name in sorted({norm(d.metadata["Name"]) for d in distributions() if d.metadata["Name"]} - keep):
    print(name)
EOF
    )
    if [ ${#stale[@]} -gt 0 ]; then
        echo "bootstrap: removing packages not in requirements.lock: ${stale[*]}"
        "${pip[@]}" uninstall -y "${stale[@]}" </dev/null
    fi
    # -qq: setuptools' deprecation banners about pyproject.toml fill a screen on every build
    .venv/bin/python -m pip install -qq --no-deps --no-build-isolation -e . </dev/null
else
    echo "bootstrap: installing the project and its dev tools into .venv (no requirements.lock)"
    "${pip[@]}" install -e '.[dev,flower]' </dev/null
fi
if ! report=$(.venv/bin/python -m pip check 2>&1); then
    echo "bootstrap: warning: pip check: $report" >&2
fi
echo "$want" > "$stamp"
