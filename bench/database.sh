# Sourced by the benchmark scripts, before they read their arguments: takes `--database URL` out of them
# (a postgres:// URL or a SQLite file's path; without it, the SQLite file .bench/registry-N.sqlite), and `bench_database` makes
# sure that database holds the demo at scale, migrated, and sets DB. The same data on either database, so
# that SQLite and PostgreSQL can be compared page by page in one session.
BENCH_DATABASE=${BENCH_DATABASE:-}
bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --database) BENCH_DATABASE=$2; shift 2 ;;
    --database=*) BENCH_DATABASE=${1#*=}; shift ;;
    *) bench_args+=("$1"); shift ;;
  esac
done
set -- "${bench_args[@]+"${bench_args[@]}"}"

bench_database() { # people → sets DB (a file path or the URL), generating the data where missing
  if [ -n "$BENCH_DATABASE" ] && [[ "$BENCH_DATABASE" != postgres* ]]; then
    # A SQLite file named (a copy kept from before a migration, say): generated only where missing.
    DB=$BENCH_DATABASE
    [ -f "$DB" ] || "$BIN" demo --database "$DB" --scale "$1" >/dev/null
  elif [ -n "$BENCH_DATABASE" ]; then
    DB=$BENCH_DATABASE
    local have
    have=$(psql "${DB%%\?*}" -tAc "SELECT count(*) FROM people" 2>/dev/null || echo 0)
    if [ "${have:-0}" -lt "$1" ]; then
      local start; start=$(date +%s.%N)
      "$BIN" demo --database "$DB" --scale "$1" >/dev/null
      echo "generated $1 people on PostgreSQL in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
    fi
    # The planner settings docs/deployment.md gives an operator (SSD storage, the cache PostgreSQL may count
    # on, memory for a report's sorts), on the database itself so that every connection has them. With the
    # default random_page_cost (4, for spinning disks) the planner walked the people by sensitivity and
    # filtered 17,000 rows for a community instead of reading the community's index (12 ms against 0.4).
    local name; name=$(psql "${DB%%\?*}" -tAc 'SELECT current_database()')
    for setting in "random_page_cost = 1.1" "effective_cache_size = '6GB'" "work_mem = '16MB'"; do
      psql "${DB%%\?*}" -qc "ALTER DATABASE \"$name\" SET $setting" >/dev/null
    done
    psql "${DB%%\?*}" -qc "ANALYZE" >/dev/null
  else
    mkdir -p .bench
    DB=$PWD/.bench/registry-$1.sqlite
    if [ ! -f "$DB" ]; then
      local start; start=$(date +%s.%N)
      "$BIN" demo --database "$DB" --scale "$1" >/dev/null
      echo "generated $1 people in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
    fi
  fi
  "$BIN" migrate --database "$DB" >/dev/null
}

# A new database for a script's own run: `folder/name.sqlite`, or with `--database` a new PostgreSQL database
# beside that one (copied from a template database when one is named: the scale data, for an import into it).
# Sets NEW_DB; `bench_drop_databases` (on exit) drops the PostgreSQL ones.
BENCH_MADE=()
bench_new_database() { # name folder [template database name]
  if [ -n "$BENCH_DATABASE" ]; then
    local base=${BENCH_DATABASE%%\?*} query="" name="bench_$1_$$"
    if [[ "$BENCH_DATABASE" == *\?* ]]; then query="?${BENCH_DATABASE#*\?}"; fi
    psql "$base" -qc "DROP DATABASE IF EXISTS $name" >/dev/null
    psql "$base" -qc "CREATE DATABASE $name${3:+ TEMPLATE $3}" >/dev/null
    BENCH_MADE+=("$name")
    NEW_DB="${base%/*}/$name$query"
  else
    NEW_DB="$2/$1.sqlite"
    rm -f "$NEW_DB" "$NEW_DB-wal" "$NEW_DB-shm"
  fi
}
bench_drop_databases() {
  for name in "${BENCH_MADE[@]+"${BENCH_MADE[@]}"}"; do
    psql "${BENCH_DATABASE%%\?*}" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
  done
}

# Starts BIN serving DB on a free port, stopped when the script exits: sets SERVER (its pid) and BASE, and
# returns once it answers (the first start on a large file migrates it first: up to 30 s).
bench_serve() {
  local port; port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  LOG_LEVEL=warning "$BIN" serve --port "$port" --database "$DB" >/dev/null 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null' EXIT
  BASE="http://127.0.0.1:$port"
  for _ in $(seq 300); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.1; done
}

bench_cookie() { # base URL, email → Cookie header value of a browser signed in as that demo user
  local jar csrf; jar=$(mktemp)
  csrf=$(curl -s -c "$jar" "$1/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=$2" \
    --data-urlencode "password=roundtable-demo" "$1/sign-in"
  awk '$6 ~ /^rt_/ {printf "%s=%s; ", $6, $7}' "$jar"
  rm -f "$jar"
}

# wrk's output → its p50 in milliseconds.
bench_wrk_p50_ms() {
  awk '$1=="50%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; print v}'
}
bench_median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Two measurements taken in turn, round after round, so that this machine's noise falls on both alike:
# `bench_alternate rounds first second` runs `first` then `second` (each prints one number) ROUNDS times and
# prints the median of each.
bench_alternate() {
  local rounds=$1 first=$2 second=$3 firsts=() seconds=()
  for _ in $(seq "$rounds"); do
    firsts+=("$($first)")
    seconds+=("$($second)")
  done
  echo "$(printf '%s\n' "${firsts[@]}" | bench_median) $(printf '%s\n' "${seconds[@]}" | bench_median)"
}
