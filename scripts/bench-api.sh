#!/usr/bin/env bash
# API benchmarks on PostgreSQL: POST /messages?wait=true under 16 concurrent clients, and opening a 10,000-message
# session. Starts a throwaway PostgreSQL (unless AGENTEFILMS_BENCH_POSTGRES is set) and the app in Release.
# Record the printed tables with the date in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
pg_dir=""
trap '[ -n "$pg_dir" ] && scripts/pg-throwaway.sh stop "$pg_dir"' EXIT
if [ -z "${AGENTEFILMS_BENCH_POSTGRES:-}" ]; then
    eval "$(scripts/pg-throwaway.sh)"
    pg_dir=$PGTMP
    AGENTEFILMS_BENCH_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
fi
dotnet publish AgenteFilms.Web/AgenteFilms.Web.csproj -c Release -o artifacts/bench-app -nologo -v quiet >/dev/null
dotnet run --project bench/AgenteFilms.ApiBenchmarks -c Release -- \
    --postgres "$AGENTEFILMS_BENCH_POSTGRES" --app "$PWD/artifacts/bench-app/AgenteFilms.Web.dll" "$@"
