#!/usr/bin/env bash
# Search at scale (issue 7): the registry benchmark's file (100,000 people, 10,000 organisations, 300,000
# engagements), release build, wrk on loopback, one connection. Opening an older file builds its search
# index once (migration M0027); the time it took is printed.
# Usage: bash bench/search.sh [people] [seconds per run] [--database postgres://…]
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
START=$(date +%s.%N)
bench_database "$PEOPLE"
echo "data and migrations (the search index's first build on an older file): $(echo "$(date +%s.%N) - $START" | bc) s" >&2
bench_serve
jar=$(mktemp)
csrf=$(curl -s -c "$jar" "$BASE/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=arta.krasniqi@ico.example" \
  --data-urlencode "password=roundtable-demo" "$BASE/sign-in"
OFFICER=$(awk '$6 ~ /^rt_/ {printf "%s=%s; ", $6, $7}' "$jar")
TOKEN=$("$BIN" tokens create --email arta.krasniqi@ico.example --label bench --database "$DB")

run() { # name, path, header
  local out
  out=$(wrk -t1 -c1 -d"${DURATION}s" --latency -H "$3" "$BASE$2")
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers for $2" >&2; exit 1; fi
  echo "$out" | awk -v name="$1" -v path="$2" '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {printf "| %s | `%s` | %s | %s | %s |\n", name, path, rps, p50, p99}'
}

echo "| what | path | requests/s | p50 | p99 |"
echo "| --- | --- | --- | --- | --- |"
run "a common surname (3,883 people)" "/search?q=krasniqi" "Cookie: $OFFICER"
run "first and last name" "/search?q=agon%20krasniqi" "Cookie: $OFFICER"
run "Cyrillic, folded (бериша → berisha)" "/search?q=%D0%B1%D0%B5%D1%80%D0%B8%D1%88%D0%B0" "Cookie: $OFFICER"
run "a place name in every kind" "/search?q=mitrovica" "Cookie: $OFFICER"
run "a word in 1 of 8 engagement titles" "/search?q=workshop" "Cookie: $OFFICER"
run "a word in engagement outcomes" "/search?q=councillors" "Cookie: $OFFICER"
run "a prefix of two letters" "/search?q=kr" "Cookie: $OFFICER"
run "API search" "/api/v1/search?q=krasniqi" "Authorization: Bearer $TOKEN"
