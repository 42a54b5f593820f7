#!/usr/bin/env bash
# A page's time beside the time of its own SQL (issue 20: registry pages within 3× of their SQL), on PostgreSQL.
# Usage: [ROUNDTABLE_BIN=path] PGLOG=/path/to/postgresql.log bash bench/own-sql.sh [people] [seconds] [rounds] \
#          --database postgres://… [-- path …]
# For each page (by default the people list, a name filter and a person page):
#   1. the page is requested once with PostgreSQL logging every statement (log_min_duration_statement = 0,
#      set with ALTER SYSTEM and reset after; needs a superuser), and the statements the server sent for it
#      are read back from the server's log (PGLOG, or pg_current_logfile() when the logging collector runs;
#      lines prefixed with the process as PostgreSQL's default log_line_prefix, '%m [%p] ', does),
#      each with the parameters it was bound to;
#   2. those statements, parameters written in, are run by pgbench as one transaction on one connection, on
#      the same database with the same settings: the page's own SQL, parsed and planned each time as the
#      app's are, sent one after the other (the app sends some at the same time, so this is its upper bound);
#   3. the page is timed by wrk on one connection, and the two are alternated for the rounds.
# Prints a Markdown table: the page's p50, its SQL's mean, their ratio, and how many statements it sent.
# SQLite has no statement log to capture a page's SQL from, so this measures PostgreSQL only.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
. bench/database.sh
numbers=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do numbers+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
PEOPLE=${numbers[0]:-100000} DURATION=${numbers[1]:-4} ROUNDS=${numbers[2]:-3}
PATHS=("$@")
[ ${#PATHS[@]} -gt 0 ] || PATHS=("/people" "/people?q=krasniqi" "/people/{person}")
[ -n "$BENCH_DATABASE" ] || { echo "own-sql.sh measures PostgreSQL: give --database postgres://…" >&2; exit 2; }
command -v wrk >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null
command -v pgbench >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql-contrib >/dev/null
if [ -n "${ROUNDTABLE_BIN:-}" ]; then BIN=$ROUNDTABLE_BIN; else
  swift build -c release --product roundtable 2>&1 | tail -1
  BIN=$PWD/.build/release/roundtable
fi
bench_database "$PEOPLE"
URL=${DB%%\?*}
LOG=${PGLOG:-$(psql "$URL" -tAc "SELECT current_setting('data_directory') || '/' || pg_current_logfile()" 2>/dev/null || true)}
[ -n "$LOG" ] && [ -r "$LOG" ] || { echo "cannot read PostgreSQL's log: set PGLOG to its file" >&2; exit 2; }

PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
LOG_LEVEL=warning "$BIN" serve --port "$PORT" --database "$DB" >/dev/null 2>&1 &
SERVER=$!
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null; psql "$URL" -qc "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null 2>&1; rm -rf "$WORK"' EXIT
# SCRIPTS=folder keeps each page's captured statements there, to read or run by hand.
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 300); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.1; done
COOKIE=$(bench_cookie "$BASE" arta.krasniqi@ico.example)
TOKEN=$("$BIN" tokens create --email arta.krasniqi@ico.example --label own-sql --database "$DB")
PERSON=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/people?q=krasniqi&perPage=1&page=7" | python3 -c 'import json,sys;print(json.load(sys.stdin)["items"][0]["id"].lower())')

header() { case "$1" in /api/*) echo "Authorization: Bearer $TOKEN" ;; *) echo "Cookie: $COOKIE" ;; esac; }

# The statements PostgreSQL ran for one request of the page, as a pgbench script.
capture() { # path, script file → number of statements
  curl -s -o /dev/null -H "$(header "$1")" "$BASE$1"   # warm
  psql "$URL" -qc "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  local mark; mark=$(wc -l < "$LOG")
  curl -s -o /dev/null -H "$(header "$1")" "$BASE$1"
  sleep 0.3
  psql "$URL" -qc "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -n +$((mark + 1)) "$LOG" | python3 -c '
import re, sys
# "[pid] LOG:  duration: 0.5 ms  execute <unnamed>: SELECT …" then, from the same process,
# "[pid] DETAIL:  parameters: $1 = '"'"'x'"'"', $2 = NULL". A page reads on several connections at once, so
# lines of different processes interleave: each DETAIL belongs to its own process'"'"'s last LOG line.
statements, last = [], {}
for line in sys.stdin:
    m = re.search(r"\[(\d+)\] LOG:  duration: [0-9.]+ ms  (\w+) [^:]*: (.*)$", line)
    if m:
        pid, phase, sql = m.groups()
        last[pid] = [sql, {}] if phase == "execute" else None
        if last[pid]: statements.append(last[pid])
        continue
    m = re.search(r"\[(\d+)\] DETAIL:  [Pp]arameters: (.*)$", line)
    if m and last.get(m.group(1)):
        for n, value in re.findall(r"\$(\d+) = (NULL|\x27(?:[^\x27]|\x27\x27)*\x27)", m.group(2)):
            last[m.group(1)][1][n] = value
with open(sys.argv[1], "w") as out:
    for sql, params in statements:
        out.write(re.sub(r"\$(\d+)", lambda p: params.get(p.group(1), p.group(0)), sql).rstrip(";") + ";\n")
print(len(statements))
' "$2"
}

app_p50() { # path → p50 in ms on one connection
  wrk -t1 -c1 -d"${DURATION}s" --latency -H "$(header "$1")" "$BASE$1" | bench_wrk_p50_ms
}
sql_mean() { # script → mean ms of one run of all its statements
  local out; out=$(pgbench -n -M simple -c 1 -T "$DURATION" -f "$1" "$URL" 2>&1) || { echo "pgbench failed on $1: $out" >&2; exit 1; }
  echo "$out" | awk '/latency average/ {print $4}'
}

echo "| path | statements | page p50 | its SQL (pgbench mean) | page ÷ SQL |"
echo "| --- | --- | --- | --- | --- |"
for template in "${PATHS[@]}"; do
  path=${template//\{person\}/$PERSON}
  script="${SCRIPTS:-$WORK}/$(echo "$template" | tr -c 'a-zA-Z0-9\n' '_').sql"
  count=$(capture "$path" "$script")
  page() { app_p50 "$path"; }
  own_sql() { sql_mean "$script"; }
  medians=$(bench_alternate "$ROUNDS" page own_sql)
  read -r a s <<< "$medians"
  printf '| `%s` | %s | %.2f ms | %.2f ms | ×%.1f |\n' "$template" "$count" "$a" "$s" "$(echo "$a / $s" | bc -l)"
done
