#!/usr/bin/env bash
# Saving records (issue 20): people created and then edited through the API by two builds side by side, each
# on its own copy of the benchmark's data, in turn, round after round, so that the ratio says what a change
# costs on the write path (the record, its name words, its audit entry, its search document and the counts of
# its words). The names share common words ("Krasniqi", "Gashi"), whose counts every such save moves.
#   bash bench/saves.sh BEFORE_BIN AFTER_BIN [people] [saves per round] [rounds] [--database postgres://…]
# Each row: the median over the rounds of each side's p50, one connection, and after ÷ before.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
. bench/database.sh
BEFORE=$1 AFTER=$2
PEOPLE=${3:-100000} SAVES=${4:-200} ROUNDS=${5:-3}
BIN=$AFTER
bench_database "$PEOPLE"
SOURCE=$DB
PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; bench_drop_databases; rm -f .bench/saves-[ab].sqlite*; }
trap cleanup EXIT

declare -A COPY PORT TOKEN
for side in a b; do
  if [ -n "$BENCH_DATABASE" ]; then
    bench_new_database "saves_$side" "" "$(psql "${SOURCE%%\?*}" -tAc 'SELECT current_database()')"
    COPY[$side]=$NEW_DB
  else
    COPY[$side]=$PWD/.bench/saves-$side.sqlite
    rm -f "${COPY[$side]}"*
    sqlite3 "$SOURCE" ".backup '${COPY[$side]}'"
  fi
  bin=$BEFORE; [ $side = b ] && bin=$AFTER
  PORT[$side]=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  LOG_LEVEL=warning "$bin" serve --port "${PORT[$side]}" --database "${COPY[$side]}" >/dev/null 2>&1 &
  PIDS+=($!)
  for _ in $(seq 600); do curl -fs "http://127.0.0.1:${PORT[$side]}/healthz" >/dev/null && break; sleep 0.1; done
  TOKEN[$side]=$("$bin" tokens create --email arta.krasniqi@ico.example --label saves --database "${COPY[$side]}")
done

python3 - "$SAVES" "$ROUNDS" "${PORT[a]}" "${TOKEN[a]}" "${PORT[b]}" "${TOKEN[b]}" <<'PY'
import http.client, json, statistics, sys, time
saves, rounds = int(sys.argv[1]), int(sys.argv[2])
sides = {"before": (int(sys.argv[3]), sys.argv[4]), "after": (int(sys.argv[5]), sys.argv[6])}
first = ["Drita", "Agon", "Vesna", "Ilir", "Milica", "Arben", "Jelena", "Fitore"]
last = ["Krasniqi", "Gashi", "Jovanović", "Berisha", "Петровић"]

def timed(connection, method, path, token, body):
    start = time.perf_counter()
    connection.request(method, path, body=json.dumps(body), headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status >= 300:
        sys.exit(f"{method} {path}: {response.status} {data[:300]!r}")
    return elapsed, json.loads(data)

p50 = {(side, step): [] for side in sides for step in ("create", "edit")}
for round_ in range(rounds):
    for side, (port, token) in (sides.items() if round_ % 2 == 0 else reversed(list(sides.items()))):
        connection = http.client.HTTPConnection("127.0.0.1", port)
        created, edited = [], []
        records = []
        for n in range(saves):
            name = f"{first[n % len(first)]} {last[n % len(last)]}"
            ms, record = timed(connection, "POST", "/api/v1/people", token, {"name": name, "notes": f"Met at the round table, visit {round_}-{n}."})
            created.append(ms)
            records.append(record)
        for n, record in enumerate(records):
            ms, _ = timed(connection, "PATCH", f"/api/v1/people/{record['id']}", token,
                          {"version": record["version"], "otherNames": [f"{last[(n + 1) % len(last)]} {record['name']}"]})
            edited.append(ms)
        connection.close()
        p50[(side, "create")].append(statistics.median(created))
        p50[(side, "edit")].append(statistics.median(edited))
print("| save | before p50 | after p50 | after ÷ before |")
print("| --- | --- | --- | --- |")
for step, label in (("create", "a person created (`POST /api/v1/people`)"), ("edit", "a person given another name (`PATCH`)")):
    before, after = statistics.median(p50[("before", step)]), statistics.median(p50[("after", step)])
    print(f"| {label} | {before:.2f} ms | {after:.2f} ms | ×{after / before:.2f} |")
PY
