#!/usr/bin/env bash
# Reports at scale (issue 6): the visit report, a one-year period report and the dashboard on the registry
# benchmark's data (100,000 people, 300,000 engagements over 2019–2024), release build, wrk on loopback.
# Usage: bash bench/reports.sh [people] [seconds per run] [--database postgres://…]   (reuses .bench/registry-N.sqlite; see registry.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/database.sh
PEOPLE=${1:-100000}
DURATION=${2:-10}
command -v wrk >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null
if [ -n "${ROUNDTABLE_BIN:-}" ]; then BIN=$ROUNDTABLE_BIN; else
  swift build -c release --product roundtable 2>&1 | tail -1
  BIN=$PWD/.build/release/roundtable
fi
bench_database "$PEOPLE"
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
# SERVER_LOG=file LOG_LEVEL=debug keeps the server's log (it says how long the index took to load and its size).
STARTED=$(date +%s.%N)
LOG_LEVEL=${LOG_LEVEL:-warning} "$BIN" serve --port "$PORT" --database "$DB" >"${SERVER_LOG:-/dev/null}" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 100); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.1; done

OFFICER=$(bench_cookie "$BASE" arta.krasniqi@ico.example)
COORDINATOR=$(bench_cookie "$BASE" kubra.kalkandelen@ico.example)
TOKEN=$("$BIN" tokens create --email arta.krasniqi@ico.example --label bench --database "$DB")
VISIT=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/visits" | python3 -c 'import json,sys;print([v["id"] for v in json.load(sys.stdin)["items"] if v["title"].startswith("August")][0])')
PERSON=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/people?q=krasniqi&perPage=1&page=7" | python3 -c 'import json,sys;print(json.load(sys.stdin)["items"][0]["id"])')

# The server loads its in-memory index of who took part in what when it starts; one report waits for it,
# so the runs below measure reports, not the start.
curl -s -o /dev/null -H "Cookie: $OFFICER" "$BASE/reports/period?from=2023-01-01&to=2023-12-31"
READY=$(echo "$(date +%s.%N) - $STARTED" | bc)

run() { # name, path, header — one connection: how long a report takes for the one person asking
  local out
  out=$(wrk -t1 -c1 -d"${DURATION}s" --latency -H "$3" "$BASE$2")
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers for $2" >&2; exit 1; fi
  echo "$out" | awk -v name="$1" -v path="$2" '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {printf "| %s | `%s` | %s | %s | %s |\n", name, path, rps, p50, p99}'
}

echo "| what | path | requests/s | p50 | p99 |"
echo "| --- | --- | --- | --- | --- |"
run "visit report (August 2023), officer" "/visits/${VISIT,,}/report" "Cookie: $OFFICER"
run "visit report as Markdown, coordinator" "/visits/${VISIT,,}/report.md" "Cookie: $COORDINATOR"
run "public update and its check, coordinator" "/visits/${VISIT,,}/public-update" "Cookie: $COORDINATOR"
run "period report, one year (2023 beside 2022), officer" "/reports/period?from=2023-01-01&to=2023-12-31" "Cookie: $OFFICER"
run "period report, one year, coordinator (restricted counted)" "/reports/period?from=2023-01-01&to=2023-12-31" "Cookie: $COORDINATOR"
run "period report as CSV" "/reports/period.csv?from=2023-01-01&to=2023-12-31" "Cookie: $OFFICER"
run "dashboard, one year" "/dashboard?from=2023-01-01&to=2023-12-31" "Cookie: $OFFICER"
run "API period report, one year" "/api/v1/reports/period?from=2023-01-01&to=2023-12-31" "Authorization: Bearer $TOKEN"
run "relationship network, two steps" "/people/${PERSON,,}/network" "Cookie: $OFFICER"
run "stakeholder grid" "/stakeholders" "Cookie: $OFFICER"
echo
# Resident size after the reports: the index, SQLite's page caches and memory map, and what the requests left.
printf 'first report answered %.1f s after the server was started (the index loads in that time); server resident after the reports: %d MB\n' \
  "$READY" "$(( $(ps -o rss= -p "$SERVER") / 1024 ))"
