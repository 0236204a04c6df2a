#!/usr/bin/env bash
# Runs the agent-engine benchmarks in Release. Pass --quick for a short smoke run.
# Results are printed; record them with the date in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project bench/AgenteFilms.Benchmarks/AgenteFilms.Benchmarks.csproj -c Release -- "$@"
