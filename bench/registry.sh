#!/usr/bin/env bash
# Registry pages at scale: 100,000 people and 10,000 organisations, release build, wrk on loopback.
# Usage: [ROUNDTABLE_BIN=path] bash bench/registry.sh [people] [seconds per run] [connections] [--database postgres://…]
# The generated data also has three engagements a person (300,000 at 100,000 people, 750,000 participations),
# so the person page includes their history and the timeline rows measure issue 4's targets.
# Prints a Markdown table for docs/benchmarks.md. Reuses .bench/registry-N.sqlite when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/database.sh
PEOPLE=${1:-100000}
DURATION=${2:-10}
CONNECTIONS=${3:-4}
command -v wrk >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null
# ROUNDTABLE_BIN measures another build (an earlier commit's, for a before/after in one session).
if [ -n "${ROUNDTABLE_BIN:-}" ]; then BIN=$ROUNDTABLE_BIN; else
  swift build -c release --product roundtable 2>&1 | tail -1
  BIN=$PWD/.build/release/roundtable
fi
bench_database "$PEOPLE"
bench_serve

OFFICER=$(bench_cookie "$BASE" arta.krasniqi@ico.example)
COORDINATOR=$(bench_cookie "$BASE" kubra.kalkandelen@ico.example)
TOKEN=$("$BIN" tokens create --email arta.krasniqi@ico.example --label bench --database "$DB")
SERB=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/communities" | python3 -c 'import json,sys;print([c["id"] for c in json.load(sys.stdin)["items"] if c["name"]=="Serb"][0])')
PERSON=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/people?q=krasniqi&perPage=1&page=7" | python3 -c 'import json,sys;print(json.load(sys.stdin)["items"][0]["id"])')

measure() { # connections threads path header → "requests/s p50 p99"
  local out
  out=$(wrk -t"$2" -c"$1" -d"${DURATION}s" --latency -H "$4" "$BASE$3")
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers for $3" >&2; exit 1; fi
  echo "$out" | awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {print rps, p50, p99}'
}

run() { # name, path, header
  local one many
  one=$(measure 1 1 "$2" "$3")
  many=$(measure "$CONNECTIONS" 2 "$2" "$3")
  set -- "$1" "$2" $one $many
  printf '| %s | `%s` | %s | %s | %s | %s | %s |\n' "$1" "$2" "$4" "$5" "$6" "$7" "$8"
}

# One connection: how long a page takes for one person using it (wrk shares the 2 cores with the server).
# $CONNECTIONS connections: the same page under load, where requests also wait for each other.
echo "| what | path | 1 connection: p50 | p99 | $CONNECTIONS connections: requests/s | p50 | p99 |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
run "people list, officer (restricted hidden)" "/people" "Cookie: $OFFICER"
# The same pages in Albanian (the sign-in page's switch, kept in a cookie): the catalogue's cost.
run "people list, officer, in Albanian" "/people" "Cookie: ${OFFICER}rt_lang=sq"
run "people list, coordinator" "/people" "Cookie: $COORDINATOR"
run "filtered by name (folded: krasniqi)" "/people?q=krasniqi" "Cookie: $OFFICER"
run "filtered by first and last name (agon krasniqi)" "/people?q=agon%20krasniqi" "Cookie: $OFFICER"
run "filtered by a rarer name (folded: бериша → berisha)" "/people?q=%D0%B1%D0%B5%D1%80%D0%B8%D1%88%D0%B0" "Cookie: $OFFICER"
run "filtered by community" "/people?community=$SERB" "Cookie: $OFFICER"
run "filtered by name and community, page 3" "/people?q=jovanovic&community=$SERB&page=3" "Cookie: $OFFICER"
run "person page" "/people/${PERSON,,}" "Cookie: $OFFICER"
run "person page, in Albanian" "/people/${PERSON,,}" "Cookie: ${OFFICER}rt_lang=sq"
ENGAGEMENT=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/engagements?perPage=1&page=500" | python3 -c 'import json,sys;print(json.load(sys.stdin)["items"][0]["id"])')
run "timeline, first page (officer: restricted left out)" "/engagements" "Cookie: $OFFICER"
run "timeline filtered by kind and year" "/engagements?kind=workshop&from=2023-01-01&to=2023-12-31" "Cookie: $OFFICER"
run "engagement page" "/engagements/${ENGAGEMENT,,}" "Cookie: $OFFICER"
run "API people list" "/api/v1/people" "Authorization: Bearer $TOKEN"
run "API filtered list" "/api/v1/people?q=krasniqi" "Authorization: Bearer $TOKEN"
run "API person" "/api/v1/people/$PERSON" "Authorization: Bearer $TOKEN"
