#!/usr/bin/env bash
# Two builds side by side on the benchmark's data: both servers run at once, and each page is timed on one,
# then on the other, round after round, so that the ratio between them says what a change did whatever
# this machine's noise does meanwhile (runs minutes apart differ by ±20 % here; alternating ones do not).
# Usage: bash bench/compare.sh BEFORE_BIN AFTER_BIN [people] [seconds a run] [rounds] [--database postgres://…] [-- path …]
# Without paths: the period report, the dashboard, the API's period report and a few registry pages.
# Each row: the median over the rounds of each build's p50 (one connection), and after ÷ before.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/database.sh
BEFORE=$1 AFTER=$2
shift 2
numbers=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do numbers+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
PEOPLE=${numbers[0]:-100000} DURATION=${numbers[1]:-4} ROUNDS=${numbers[2]:-3}
PATHS=("$@")
command -v wrk >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null
BIN=$AFTER
bench_database "$PEOPLE"

start_server() { # binary → prints "port pid"
  local port; port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  LOG_LEVEL=warning "$1" serve --port "$port" --database "$DB" >/dev/null 2>&1 &
  echo "$port $!"
}
read -r PORT_A PID_A < <(start_server "$BEFORE")
read -r PORT_B PID_B < <(start_server "$AFTER")
trap 'kill $PID_A $PID_B 2>/dev/null' EXIT
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
done

COOKIE_A=$(bench_cookie "http://127.0.0.1:$PORT_A" arta.krasniqi@ico.example)
COOKIE_B=$(bench_cookie "http://127.0.0.1:$PORT_B" arta.krasniqi@ico.example)
TOKEN=$("$AFTER" tokens create --email arta.krasniqi@ico.example --label compare --database "$DB")
if [ ${#PATHS[@]} -eq 0 ]; then
  PERSON=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT_B/api/v1/people?q=krasniqi&perPage=1&page=7" \
    | python3 -c 'import json,sys;print(json.load(sys.stdin)["items"][0]["id"])')
  PATHS=("/reports/period?from=2023-01-01&to=2023-12-31" "/dashboard?from=2023-01-01&to=2023-12-31"
         "/api/v1/reports/period?from=2023-01-01&to=2023-12-31" "/people" "/people?q=krasniqi" "/people/$PERSON")
fi

p50() { # port, cookie, path → p50 in ms of one connection for DURATION seconds
  local header="Cookie: $2"
  case "$3" in /api/*) header="Authorization: Bearer $TOKEN" ;; esac
  curl -s -o /dev/null -H "$header" "http://127.0.0.1:$1$3"   # warm: the index loads on the first report
  wrk -t1 -c1 -d"${DURATION}s" --latency -H "$header" "http://127.0.0.1:$1$3" \
    | awk '$1=="50%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; print v}'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "| path | before p50 | after p50 | after ÷ before |"
echo "| --- | --- | --- | --- |"
for path in "${PATHS[@]}"; do
  before=() after=()
  for _ in $(seq "$ROUNDS"); do
    before+=("$(p50 "$PORT_A" "$COOKIE_A" "$path")")
    after+=("$(p50 "$PORT_B" "$COOKIE_B" "$path")")
  done
  a=$(printf '%s\n' "${before[@]}" | median) b=$(printf '%s\n' "${after[@]}" | median)
  printf '| `%s` | %.2f ms | %.2f ms | ×%.2f |\n' "$path" "$a" "$b" "$(echo "$b / $a" | bc -l)"
done
