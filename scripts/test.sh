#!/usr/bin/env bash
# Runs every test: installs what is missing (PostgreSQL, Chromium, fonts, poppler-utils) with apt-get when it can,
# starts a throwaway PostgreSQL on 127.0.0.1, checks that migrations match the model, runs the whole suite,
# and ends with one line: "N passed, N failed" (", N skipped" when any).
# Extra arguments go to the test runner (e.g. --filter-namespace 'AgenteFilms.Tests.Data').
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*" >&2; }

install_missing() {
    local packages=()
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || packages+=(postgresql)
    [ -x "${AGENTEFILMS_TEST_CHROMIUM:-/usr/bin/chromium}" ] || packages+=(chromium)
    [ -d /usr/share/fonts/truetype/liberation2 ] || packages+=(fonts-liberation2)
    [ -d /usr/share/fonts/truetype/dejavu ] || packages+=(fonts-dejavu-core)
    command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
    [ ${#packages[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing ${packages[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        log "installing ${packages[*]} (sudo)"
        sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    else
        log "missing ${packages[*]} and cannot install them (need root + apt-get); tests needing them will skip (fail in CI)"
    fi
}

install_missing

pg_dir=""
cleanup() {
    if [ -n "$pg_dir" ]; then scripts/pg-throwaway.sh stop "$pg_dir" || true; fi
}
trap cleanup EXIT INT TERM

if [ -z "${AGENTEFILMS_TEST_POSTGRES:-}" ]; then
    if pg=$(scripts/pg-throwaway.sh); then
        eval "$pg"
        pg_dir=$PGTMP
        export AGENTEFILMS_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Maximum Pool Size=20"
        log "PostgreSQL on 127.0.0.1:$PGPORT"
    else
        log "could not start PostgreSQL; tests needing it will skip (fail in CI)"
    fi
fi

# Browser tests save screenshots and rendered PDF pages here, to be looked at.
export AGENTEFILMS_SCREENSHOTS="${AGENTEFILMS_SCREENSHOTS:-$PWD/artifacts/screenshots}"

log "building"
dotnet tool restore >/dev/null
dotnet build AgenteFilms.sln -c Debug -nologo -v quiet -clp:ErrorsOnly

log "checking that migrations match the model (both providers)"
for context in SqliteAgenteFilmsDbContext PostgresAgenteFilmsDbContext; do
    if ! dotnet ef migrations has-pending-model-changes --no-build --project AgenteFilms.Data --context "$context" >/tmp/agentefilms-ef-check.log 2>&1; then
        cat /tmp/agentefilms-ef-check.log >&2
        log "the model has changes with no migration for $context: add one with 'dotnet ef migrations add <Name> --project AgenteFilms.Data --context $context --output-dir Migrations/${context%%AgenteFilmsDbContext}'"
        echo "0 passed, 1 failed"
        exit 1
    fi
done

log "running tests"
out=$(mktemp)
set +e
dotnet test --project AgenteFilms.Tests --no-build "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
set -e

count() { grep -E "^\s+$1: [0-9]+" "$out" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded)
failed=$(count failed)
skipped=$(count skipped)
rm -f "$out"

line="$passed passed, $failed failed"
[ "$skipped" != 0 ] && line="$line, $skipped skipped"
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
    # The runner failed without a failing test (e.g. a crash or no tests): still a failure.
    failed=1
    line="$passed passed, $failed failed"
    [ "$skipped" != 0 ] && line="$line, $skipped skipped"
fi
echo "$line"
exit "$status"
