#!/usr/bin/env bash
# HTTP latency of the foundation's hot paths on a release build, measured with wrk on loopback.
# Usage: bash bench/http.sh [seconds per run] [connections] [--database postgres://…]   (prints a table for docs/benchmarks.md)
# With --database, the demo goes into a new database beside that one, dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/database.sh
DURATION=${1:-10}
CONNECTIONS=${2:-4}
command -v wrk >/dev/null || { apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null; }
if [ -n "${ROUNDTABLE_BIN:-}" ]; then BIN=$ROUNDTABLE_BIN; else
  swift build -c release --product roundtable 2>&1 | tail -1
  BIN=$PWD/.build/release/roundtable
fi
DIR=$(mktemp -d)
bench_new_database http "$DIR"
DB=$NEW_DB
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"$BIN" demo --database "$DB" >/dev/null
TOKEN=$("$BIN" tokens create --email james.holmes@ico.example --label bench --database "$DB")
LOG_LEVEL=warning "$BIN" serve --port "$PORT" --database "$DB" >"$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; bench_drop_databases; rm -rf "$DIR"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

# A signed-in browser: fetch the form's token, sign in, keep the cookies.
JAR="$DIR/jar"
CSRF=$(curl -s -c "$JAR" "http://127.0.0.1:$PORT/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "_csrf=$CSRF" --data-urlencode "email=james.holmes@ico.example" \
  --data-urlencode "password=roundtable-demo" "http://127.0.0.1:$PORT/sign-in"
COOKIE=$(awk '$6 ~ /^rt_/ {printf "%s=%s; ", $6, $7}' "$JAR")

run() { # name, path, header
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$3" "http://127.0.0.1:$PORT$2")
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  printf '| %s | `%s` | %s | %s | %s | %s |\n' "$1" "$2" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "| what | path | requests/s | p50 | p99 | non-2xx |"
echo "| --- | --- | --- | --- | --- | --- |"
run "health check" /healthz "Accept: application/json"
run "sign-in page (anonymous)" /sign-in "Accept: text/html"
run "home page (signed in, session in the database)" / "Cookie: $COOKIE"
run "API: who am I (bearer token)" /api/v1/me "Authorization: Bearer $TOKEN"
run "audit trail page (signed in)" /audit "Cookie: $COOKIE"
