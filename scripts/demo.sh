#!/usr/bin/env bash
# Run the embedded-mode demo: bootstrap .venv, then `intake demo` with any arguments given.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh >&2
exec .venv/bin/intake demo "$@"
