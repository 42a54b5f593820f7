#!/usr/bin/env bash
# Two servers side by side on the benchmark's data: both run at once, and each page is timed on one, then
# on the other, round after round, so that the ratio between them says what differs whatever this machine's
# noise does meanwhile (runs minutes apart differ by ±20 % here; alternating ones do not).
#   Two builds on one database:     bash bench/compare.sh BEFORE_BIN AFTER_BIN [people] [seconds] [rounds] [--database URL] [-- path …]
#   One build on two databases:     bash bench/compare.sh BIN BIN [people] [seconds] [rounds] --after-database postgres://… [-- path …]
#   Before and after a migration:   bash bench/compare.sh OLD NEW [people] … --database old-copy.sqlite --after-database new.sqlite
#   One build at two sizes:         bash bench/compare.sh BIN BIN 100000 [seconds] [rounds] --after-people 1000000 [-- path …]
# (the second: "before" on the SQLite file or --database, "after" on --after-database, the same data generated
# on each; the third: "after" on the SQLite file of --after-people people). Paths may name {person}, {engagement} and {serb}: each server's own identifiers, found through its
# API, since the two databases' identifiers differ. Without paths: the registry, engagement and search pages
# of bench/registry.sh and bench/search.sh, and the reports.
# Each row: the median over the rounds of each side's p50 (one connection; CONNECTIONS=4 in the environment
# measures four at once, on two threads, to see what a change does under load), and after ÷ before.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
AFTER_DATABASE="" AFTER_PEOPLE=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --after-database) AFTER_DATABASE=$2; shift 2 ;;
    --after-database=*) AFTER_DATABASE=${1#*=}; shift ;;
    --after-people) AFTER_PEOPLE=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
set -- "${args[@]}"
. bench/database.sh
BEFORE=$1 AFTER=$2
shift 2
numbers=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do numbers+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
PEOPLE=${numbers[0]:-100000} DURATION=${numbers[1]:-4} ROUNDS=${numbers[2]:-3}
PATHS=("$@")
command -v wrk >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null
# The database "before" runs on is migrated by "before" when "after" has one of its own (a copy kept from
# before a migration stays as it was); one database both share is migrated by "after".
BIN=$AFTER
[ -n "$AFTER_DATABASE" ] && BIN=$BEFORE
bench_database "$PEOPLE"
DB_A=$DB DB_B=$DB
BIN=$AFTER
if [ -n "$AFTER_DATABASE" ]; then BENCH_DATABASE=$AFTER_DATABASE; bench_database "$PEOPLE"; DB_B=$DB; fi
if [ -n "$AFTER_PEOPLE" ]; then bench_database "$AFTER_PEOPLE"; DB_B=$DB; fi

start_server() { # binary, database → prints "port pid"
  local port; port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  LOG_LEVEL=warning "$1" serve --port "$port" --database "$2" >/dev/null 2>&1 &
  echo "$port $!"
}
read -r PORT_A PID_A < <(start_server "$BEFORE" "$DB_A")
read -r PORT_B PID_B < <(start_server "$AFTER" "$DB_B")
trap 'kill $PID_A $PID_B 2>/dev/null' EXIT
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
done

# Per side: a browser's cookie, an API token, and the identifiers the paths may name.
declare -A COOKIE TOKEN PERSON ENGAGEMENT SERB
for side in A B; do
  port_var=PORT_$side db_var=DB_$side bin=$BEFORE
  [ $side = B ] && bin=$AFTER
  base="http://127.0.0.1:${!port_var}"
  COOKIE[$side]=$(bench_cookie "$base" arta.krasniqi@ico.example)
  TOKEN[$side]=$("$bin" tokens create --email arta.krasniqi@ico.example --label compare --database "${!db_var}")
  api() { curl -s -H "Authorization: Bearer ${TOKEN[$side]}" "$base/api/v1/$1"; }
  PERSON[$side]=$(api "people?q=krasniqi&perPage=1&page=7" | python3 -c 'import json,sys;print(json.load(sys.stdin)["items"][0]["id"].lower())')
  ENGAGEMENT[$side]=$(api "engagements?perPage=1&page=500" | python3 -c 'import json,sys;print(json.load(sys.stdin)["items"][0]["id"].lower())')
  SERB[$side]=$(api communities | python3 -c 'import json,sys;print([c["id"] for c in json.load(sys.stdin)["items"] if c["name"]=="Serb"][0])')
done

if [ ${#PATHS[@]} -eq 0 ]; then
  PATHS=("/people" "/people?q=krasniqi" "/people?q=agon%20krasniqi" "/people?q=%D0%B1%D0%B5%D1%80%D0%B8%D1%88%D0%B0"
         "/people?community={serb}" "/people?q=jovanovic&community={serb}&page=3" "/people/{person}"
         "/engagements" "/engagements?kind=workshop&from=2023-01-01&to=2023-12-31" "/engagements/{engagement}"
         "/api/v1/people" "/api/v1/people?q=krasniqi" "/api/v1/people/{person}"
         "/search?q=krasniqi" "/search?q=agon%20krasniqi" "/search?q=mitrovica" "/search?q=workshop" "/search?q=kr"
         "/api/v1/search?q=krasniqi"
         "/reports/period?from=2023-01-01&to=2023-12-31" "/dashboard?from=2023-01-01&to=2023-12-31"
         "/api/v1/reports/period?from=2023-01-01&to=2023-12-31")
fi

CONNECTIONS=${CONNECTIONS:-1}
p50() { # side, path → p50 in ms of CONNECTIONS connections for DURATION seconds
  local port_var=PORT_$1 path=$2 header="Cookie: ${COOKIE[$1]}"
  path=${path//\{person\}/${PERSON[$1]}} path=${path//\{engagement\}/${ENGAGEMENT[$1]}} path=${path//\{serb\}/${SERB[$1]}}
  case "$path" in /api/*) header="Authorization: Bearer ${TOKEN[$1]}" ;; esac
  local url="http://127.0.0.1:${!port_var}$path"
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$url")   # warm: the index loads on the first report
  if [ "$status" != 200 ]; then echo "$path answered $status on side $1" >&2; exit 1; fi
  wrk -t"$(( CONNECTIONS > 1 ? 2 : 1 ))" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$header" "$url" | bench_wrk_p50_ms
}

echo "| path | before p50 | after p50 | after ÷ before |"
echo "| --- | --- | --- | --- |"
for path in "${PATHS[@]}"; do
  before() { p50 A "$path"; }
  after() { p50 B "$path"; }
  medians=$(bench_alternate "$ROUNDS" before after)
  read -r a b <<< "$medians"
  printf '| `%s` | %.2f ms | %.2f ms | ×%.2f |\n' "$path" "$a" "$b" "$(echo "$b / $a" | bc -l)"
done
