#!/usr/bin/env bash
# Everything CI checks, runnable on a fresh Debian 12 machine (as root) or a prepared one:
# install the Debian packages the tests need, start PostgreSQL and Redis if they are down,
# bootstrap .venv, then pytest (arguments are passed on), ruff, mypy --strict, lint-imports (the layer
# contracts in pyproject.toml) and docker-compose config.
# Exits non-zero if any step failed; prints a summary either way.
set -uo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

PACKAGES=(dovecot-imapd redis-server postfix catdoc libarchive13 libreoffice-writer-nogui fonts-wqy-microhei chromium docker-compose)

log() { printf '\n=== %s\n' "$*"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- Debian packages --------------------------------------------------------------------------
missing=()
for pkg in "${PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "test.sh: missing Debian packages: ${missing[*]}" >&2
        echo "test.sh: run as root, or: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
    log "installing Debian packages: ${missing[*]}"
    # Postfix is only a strict relay for the tests (a private instance each time): no system mailer.
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    apt-get update -q </dev/null || { echo "test.sh: apt-get update failed" >&2; exit 1; }
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null \
        || { echo "test.sh: apt-get install failed" >&2; exit 1; }
fi

# --- services -----------------------------------------------------------------------------------
if ! port_open 5432; then
    log "starting PostgreSQL"
    if ls /etc/postgresql >/dev/null 2>&1; then
        for version in /etc/postgresql/*/; do
            pg_ctlcluster --skip-systemctl-redirect "$(basename "$version")" main start </dev/null || true
        done
    fi
    for _ in $(seq 50); do port_open 5432 && break; sleep 0.2; done
    port_open 5432 || echo "test.sh: PostgreSQL is not answering on 127.0.0.1:5432 (tests will fail)" >&2
fi
if ! port_open 6379; then
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp </dev/null \
        || echo "test.sh: could not start Redis on 6379 (tests start a private one)" >&2
    for _ in $(seq 50); do port_open 6379 && break; sleep 0.1; done
fi

# --- Python -------------------------------------------------------------------------------------
log "bootstrap"
bash scripts/bootstrap.sh </dev/null || { echo "test.sh: bootstrap failed" >&2; exit 1; }

# --- npm: mails composed and parsed by other implementations (tests/foreign) --------------------
if ! command -v npm >/dev/null 2>&1; then
    log "installing Node.js and npm"
    apt-get install -y -q --no-install-recommends nodejs npm </dev/null || { echo "test.sh: no npm" >&2; exit 1; }
fi
if [ ! -d tests/foreign/node_modules ] || [ tests/foreign/package-lock.json -nt tests/foreign/node_modules ]; then
    log "npm ci (tests/foreign)"
    npm ci --prefix tests/foreign --no-audit --no-fund </dev/null || { echo "test.sh: npm ci failed" >&2; exit 1; }
fi

# --- checks -------------------------------------------------------------------------------------
declare -a names=() results=()
run() {
    local name=$1; shift
    log "$name: $*"
    local start=$SECONDS
    "$@" </dev/null
    local rc=$?
    names+=("$name")
    results+=("$([ $rc -eq 0 ] && echo ok || echo "FAILED (exit $rc)") in $((SECONDS - start)) s")
    return 0
}

run pytest .venv/bin/python -m pytest "$@"
run ruff .venv/bin/ruff check .
run mypy .venv/bin/mypy --strict intake workers
run imports .venv/bin/lint-imports --no-cache
if command -v docker-compose >/dev/null 2>&1; then
    run compose docker-compose config -q
else
    names+=(compose); results+=("skipped (docker-compose not installed)")
fi

log "summary"
failed=0
for i in "${!names[@]}"; do
    printf '  %-8s %s\n' "${names[$i]}" "${results[$i]}"
    case ${results[$i]} in FAILED*) failed=1 ;; esac
done
exit $failed
