#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine that has the .NET SDK: installs what is
# missing (PostgreSQL server binaries, Chromium, Node.js), restores, builds (the gateway's build
# runs npm ci and builds the browser SDK) and runs every test project.
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

# Browser tests drive Debian's Chromium with playwright-core; nothing downloads a browser.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log "restore and build"
dotnet build Journeys.sln -c Release -nologo -clp:ErrorsOnly

log "tests"
results="${JOURNEYS_TEST_RESULTS:-artifacts/test-results}"
mkdir -p "$results"
export JOURNEYS_SCREENSHOTS="${JOURNEYS_SCREENSHOTS:-$results/screenshots}"
dotnet test Journeys.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" --logger trx --results-directory "$results"
log "all tests passed"
