#!/usr/bin/env bash
# A page's time beside the time of its own SQL (issue 20: registry pages within 3× of their SQL), on SQLite
# (the default) or on PostgreSQL (--database postgres://…).
# Usage: [ROUNDTABLE_BIN=path] [PGLOG=/path/to/postgresql.log] bash bench/own-sql.sh [people] [seconds] [rounds] \
#          [--database postgres://…|file.sqlite] [-- path …]
# For each page (by default the people list, a name filter and a person page):
#   1. the page is requested once while the statements are captured, each with the values bound to it:
#      - SQLite keeps no statement log, so the app writes its own: a server started with
#        ROUNDTABLE_CAPTURE_STATEMENTS=file writes each statement SQLKit sends as a JSON line (only for
#        measuring on demo data: the values are people's names);
#      - PostgreSQL logs every statement with log_min_duration_statement = 0 (set with ALTER SYSTEM and reset
#        after; needs a superuser), read back from the server's log (PGLOG, or pg_current_logfile() when the
#        logging collector runs; lines prefixed with the process as PostgreSQL's default log_line_prefix,
#        '%m [%p] ', does);
#   2. those statements are run one after the other on one connection, on the same data with the same
#      settings, as many times as fit in the seconds given:
#      - SQLite: by bench/replay-sqlite.c, built against the SQLite the app links (sqlite-nio's copy and
#        compile options), on a copy of the file with the app's connection settings; values bound as the
#        app binds them, each statement prepared anew as the app's are, every column of every row read;
#      - PostgreSQL: by pgbench, parameters written in; a statement the app sends unnamed is parsed and
#        planned each time, as the app's is, and one the app prepared once per connection (`FixedQuery`,
#        named in PostgreSQL's log) is prepared once (pgbench -M prepared), the two parts' means added;
#      the app sends some of a page's statements at the same time, so this sum is its SQL's upper bound;
#   3. the page is timed by wrk on one connection (a server that captures nothing), and the two are
#      alternated for the rounds.
# Prints a Markdown table: the page's p50, its SQL's mean, their ratio, and how many statements it sent.
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
ON_POSTGRES=""; [[ "$BENCH_DATABASE" == postgres* ]] && ON_POSTGRES=1
command -v wrk >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null
if [ -n "$ON_POSTGRES" ]; then
  command -v pgbench >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql-contrib >/dev/null
else
  command -v gcc >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -qq gcc >/dev/null
fi
if [ -n "${ROUNDTABLE_BIN:-}" ]; then BIN=$ROUNDTABLE_BIN; else
  swift build -c release --product roundtable 2>&1 | tail -1
  BIN=$PWD/.build/release/roundtable
fi
bench_database "$PEOPLE"
WORK=$(mktemp -d)
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
  [ -n "$ON_POSTGRES" ] && psql "$URL" -qc "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
# SCRIPTS=folder keeps each page's captured statements there, to read or run by hand.
SCRIPTS=${SCRIPTS:-$WORK}; mkdir -p "$SCRIPTS"

if [ -n "$ON_POSTGRES" ]; then
  URL=${DB%%\?*}
  LOG=${PGLOG:-$(psql "$URL" -tAc "SELECT current_setting('data_directory') || '/' || pg_current_logfile()" 2>/dev/null || true)}
  [ -n "$LOG" ] && [ -r "$LOG" ] || { echo "cannot read PostgreSQL's log: set PGLOG to its file" >&2; exit 2; }
else
  # The replay tool, built once against the app's own SQLite with the options sqlite-nio compiles it with.
  SQLITE=.build/checkouts/sqlite-nio/Sources/VaporCSQLite
  [ -d "$SQLITE" ] || swift package resolve >/dev/null
  REPLAY=$PWD/.bench/replay-sqlite
  if [ ! -x "$REPLAY" ] || [ bench/replay-sqlite.c -nt "$REPLAY" ] || [ "$SQLITE/sqlite_nio_sqlite3.c" -nt "$REPLAY" ]; then
    mkdir -p .bench
    mapfile -t DEFINES < <(python3 -c '
import re, sys
for line in open(sys.argv[1]):
    m = re.search(r"\.define\(\"(\w+)\"(?:, to: \"([^\"]*)\")?\)", line)
    if m and ".when(" not in line: print("-D" + m.group(1) + ("=" + m.group(2) if m.group(2) is not None else ""))
' .build/checkouts/sqlite-nio/Package.swift)
    gcc -O2 -w "${DEFINES[@]}" -I "$SQLITE/include" -o "$REPLAY" bench/replay-sqlite.c "$SQLITE/sqlite_nio_sqlite3.c" -lpthread -lm
  fi
  CAPTURED=$WORK/statements.jsonl
fi

serve() { # [capture file] → SERVER, BASE
  local port; port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  ROUNDTABLE_CAPTURE_STATEMENTS=${1:-} LOG_LEVEL=warning "$BIN" serve --port "$port" --database "$DB" >/dev/null 2>&1 &
  SERVER=$!
  BASE="http://127.0.0.1:$port"
  for _ in $(seq 300); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.1; done
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""; }

serve ${CAPTURED:-}
COOKIE=$(bench_cookie "$BASE" arta.krasniqi@ico.example)
TOKEN=$("$BIN" tokens create --email arta.krasniqi@ico.example --label own-sql --database "$DB")
PERSON=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/people?q=krasniqi&perPage=1&page=7" | python3 -c 'import json,sys;print(json.load(sys.stdin)["items"][0]["id"].lower())')

header() { case "$1" in /api/*) echo "Authorization: Bearer $TOKEN" ;; *) echo "Cookie: $COOKIE" ;; esac; }

# The statements PostgreSQL ran for one request of the page, as pgbench scripts: those the app sends as
# unnamed statements (parsed and planned each time) in the file named, those it prepared once per
# connection (`FixedQuery`, named roundtable_… in the log) in the same name with .prepared.sql, each to be
# replayed as the app runs it (the prepared ones with their values written in, so planned with constants).
capture_postgres() { # path, script file → number of statements
  curl -s -o /dev/null -H "$(header "$1")" "$BASE$1"   # warm
  # Wait until the server sends nothing (the dashboard's index loads in the background after a start, and
  # its statements would be counted as the page's): no statement of another connection runs, five times.
  # (A statement that waits between its parts may be missed: quiet is asked for a second, ten times.)
  local quiet=0 tries=0 active
  while [ $quiet -lt 10 ]; do
    active=$(psql "$URL" -tAc "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()") \
      || { echo "cannot ask PostgreSQL what runs" >&2; exit 2; }
    if [ "$active" = 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    tries=$((tries + 1))
    [ $tries -lt 3000 ] || { echo "the server did not go quiet in five minutes" >&2; exit 2; }
    sleep 0.1
  done
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
# A statement of several lines goes on in lines that begin with a tab, straight after its own LOG line.
statements, last, current = [], {}, None
for line in sys.stdin:
    if line.startswith("\t"):
        if current: current[0] += " " + line.strip()
        continue
    m = re.search(r"\[(\d+)\] LOG:  duration: [0-9.]+ ms  (\w+) ([^:]*): (.*)$", line)
    if m:
        pid, phase, name, sql = m.groups()
        last[pid] = current = [sql, {}, name.startswith("roundtable_")] if phase == "execute" else None
        if current: statements.append(current)
        continue
    current = None
    m = re.search(r"\[(\d+)\] DETAIL:  [Pp]arameters: (.*)$", line)
    if m and last.get(m.group(1)):
        for n, value in re.findall(r"\$(\d+) = (NULL|\x27(?:[^\x27]|\x27\x27)*\x27)", m.group(2)):
            last[m.group(1)][1][n] = value
with open(sys.argv[1], "w") as out, open(sys.argv[1][:-len(".sql")] + ".prepared.sql", "w") as prepared:
    for sql, params, named in statements:
        (prepared if named else out).write(re.sub(r"\$(\d+)", lambda p: params.get(p.group(1), p.group(0)), sql).rstrip(";") + ";\n")
print(len(statements))
' "$2"
}

# The statements the app wrote for one request of the page, as a script for replay-sqlite.
capture_sqlite() { # path, script file → number of statements
  curl -s -o /dev/null -H "$(header "$1")" "$BASE$1"   # warm
  # Wait until the server sends nothing (the dashboard's index loads in the background after a start).
  local size=-1
  while [ "$size" != "$(stat -c %s "$CAPTURED")" ]; do size=$(stat -c %s "$CAPTURED"); sleep 0.5; done
  curl -s -o /dev/null -H "$(header "$1")" "$BASE$1"
  sleep 0.3
  tail -c +$((size + 1)) "$CAPTURED" | python3 -c '
import datetime, json, re, sys
# Each value as SQLKit describes it ("\(value)"), bound again as sqlite-nio would have encoded it: a whole
# number as an integer, a decimal as a real, a date ("2026-12-06 15:56:32 +0000") as its seconds since 1970,
# true and false as 1 and 0, nil as NULL, anything else (text, identities) as text. A blob is described
# only by its length, so a statement that binds one cannot be replayed.
out, count = open(sys.argv[1], "wb"), 0
for line in sys.stdin:
    statement = json.loads(line)
    sql = statement["sql"].encode()
    out.write(b"S %d\n%s\n%d\n" % (len(sql), sql, len(statement["binds"])))
    for value in statement["binds"]:
        if re.fullmatch(r"Optional\((.*)\)", value, re.S):
            value = re.fullmatch(r"Optional\((.*)\)", value, re.S).group(1)
            if len(value) >= 2 and value[0] == value[-1] == "\"": value = value[1:-1]
        if value == "nil":
            out.write(b"n\n")
        elif value in ("true", "false"):
            out.write(b"i %d\n" % (value == "true"))
        elif re.fullmatch(r"-?\d{1,18}", value):
            out.write(b"i %s\n" % value.encode())
        elif re.fullmatch(r"-?\d+\.\d+([eE][-+]?\d+)?", value):
            out.write(b"f %s\n" % value.encode())
        elif re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000", value):
            seconds = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S %z").timestamp()
            out.write(b"f %r\n" % seconds)
        elif re.fullmatch(r"\d+ bytes", value):
            sys.exit("cannot replay a blob value in: %s" % statement["sql"][:80])
        else:
            text = value.encode()
            out.write(b"t %d\n%s\n" % (len(text), text))
    count += 1
print(count)
' "$2"
}

app_p50() { # path → p50 in ms on one connection
  wrk -t1 -c1 -d"${DURATION}s" --latency -H "$(header "$1")" "$BASE$1" | bench_wrk_p50_ms
}
sql_mean() { # script → mean ms of one run of all its statements
  if [ -z "$ON_POSTGRES" ]; then "$REPLAY" "$COPY" "$1" "$DURATION" 2>/dev/null; return; fi
  local total=0 mode script out
  for mode in simple prepared; do
    script=$1; [ "$mode" = prepared ] && script=${1%.sql}.prepared.sql
    [ -s "$script" ] || continue
    out=$(pgbench -n -M "$mode" -c 1 -T "$DURATION" -f "$script" "$URL" 2>&1) || { echo "pgbench failed on $script: $out" >&2; exit 1; }
    total=$(echo "$out" | awk -v total="$total" '/latency average/ {print total + $4}')
    [ -n "$total" ] || { echo "pgbench gave no latency for $script: $out" >&2; exit 1; }
  done
  echo "$total"
}

# First every page's statements, then (on SQLite, from a server that captures nothing, beside a copy of the
# file taken while no server had it open) the timing.
scripts=() counts=()
for template in "${PATHS[@]}"; do
  path=${template//\{person\}/$PERSON}
  script="$SCRIPTS/$(echo "$template" | tr -c 'a-zA-Z0-9\n' '_').sql"
  if [ -n "$ON_POSTGRES" ]; then counts+=("$(capture_postgres "$path" "$script")"); else counts+=("$(capture_sqlite "$path" "$script")"); fi
  scripts+=("$script")
done
if [ -z "$ON_POSTGRES" ]; then
  stop
  COPY=$WORK/copy.sqlite
  for suffix in "" -wal; do [ -f "$DB$suffix" ] && cp "$DB$suffix" "$COPY$suffix"; done
  serve
fi

echo "| path | statements | page p50 | its SQL (mean of a replay) | page ÷ SQL |"
echo "| --- | --- | --- | --- | --- |"
for i in "${!PATHS[@]}"; do
  template=${PATHS[$i]} script=${scripts[$i]}
  path=${template//\{person\}/$PERSON}
  page() { app_p50 "$path"; }
  own_sql() { sql_mean "$script"; }
  medians=$(bench_alternate "$ROUNDS" page own_sql)
  read -r a s <<< "$medians"
  printf '| `%s` | %s | %.2f ms | %.2f ms | ×%.1f |\n' "$template" "${counts[$i]}" "$a" "$s" "$(echo "$a / $s" | bc -l)"
done
