#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine that has the .NET SDK: installs what is
# missing (PostgreSQL server binaries, Node.js and Chromium for the SMTP server, the browser SDK
# and the dashboards), restores, builds and runs every test project.
# Exits non-zero on any failure. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

apt_install() {
  log "installing $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# Tests start their own throwaway PostgreSQL cluster unless JOURNEYS_TEST_POSTGRES is given.
if [ -z "${JOURNEYS_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_install postgresql
fi

# Node.js builds the browser SDK and the dashboards (npm) and runs the e-mail tests' SMTP server
# (maildev); browser tests drive Debian's Chromium through playwright-core, which never downloads a browser.
missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi
log "npm ci (tests/smtp, dashboards)"
npm ci --prefix tests/smtp --no-audit --no-fund --loglevel=error
(cd dashboards && npm ci --no-audit --no-fund)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log "restore and build"
dotnet build Journeys.sln -c Release -nologo -clp:ErrorsOnly

log "tests"
results="${JOURNEYS_TEST_RESULTS:-artifacts/test-results}"
mkdir -p "$results"
export JOURNEYS_SCREENSHOTS="${JOURNEYS_SCREENSHOTS:-$results/screenshots}"
# Test projects run in parallel and interleave their output, so a failure can scroll far up a long
# log: on failure the failed tests are printed again at the end, where CI's excerpt shows them.
set +e
dotnet test Journeys.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" --logger trx --results-directory "$results" 2>&1 | tee "$results/test-output.log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  log "failed (exit $status); the failures again:"
  grep -E -A 30 '^\s+Failed |Test Run Aborted|The active test run was aborted' "$results/test-output.log" | head -400
  exit "$status"
fi
log "all tests passed"
