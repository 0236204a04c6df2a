#!/usr/bin/env bash
# UI benchmarks of the writer's workspace, in Release, against the app on 127.0.0.1 and Debian's Chromium:
#  - the model's first token → visible in the page (≥ 20 runs; median, p95) and the streaming render rate;
#  - managed memory per idle workspace circuit with a 200-message session.
# The harness (bench/AgenteFilms.UiBenchmarks) starts itself a second time as the server, so the server's heap holds
# only the app. Options: --runs N (default 30), --pages N (default 20), --only first-token|memory.
# Record the printed tables with the date in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x "${AGENTEFILMS_TEST_CHROMIUM:-/usr/bin/chromium}" ]; then
    echo "Chromium is missing: apt-get install -y chromium (or set AGENTEFILMS_TEST_CHROMIUM)" >&2
    exit 1
fi
dotnet run --project bench/AgenteFilms.UiBenchmarks -c Release -- "$@"
