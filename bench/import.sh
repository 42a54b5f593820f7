#!/usr/bin/env bash
# Import at scale (issue 7): 100,000 people from one CSV, release build, into a fresh demo database and
# into the registry benchmark's file (100,000 people already kept, so every row is looked up against them).
# The file has Excel's shape: BOM, ";" separators, CRLF, a quoted line break now and then, Latin and Cyrillic.
# Usage: bash bench/import.sh [rows] [people kept] [--database postgres://…]   (people kept: the registry's size,
# 100,000 unless given — 1000000 imports into a copy of the million-person file; with --database: new
# databases beside that one — an empty demo, and a copy of it as the registry's scale data — dropped at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/database.sh
trap bench_drop_databases EXIT
ROWS=${1:-100000}
KEPT=${2:-100000}
if [ -n "${ROUNDTABLE_BIN:-}" ]; then BIN=$ROUNDTABLE_BIN; else
  swift build -c release --product roundtable 2>&1 | tail -1
  BIN=$PWD/.build/release/roundtable
fi
mkdir -p .bench
CSV=$PWD/.bench/import-$ROWS.csv
python3 - "$ROWS" "$CSV" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
random.seed(7)
first = ["Arta", "Bedri", "Emilija", "Dragan", "Milica", "Kübra", "Ardita", "Nenad", "Fatmire", "Jelena", "Driton", "Ljiljana",
         "Драган", "Милица", "Ненад", "Јелена", "Agim", "Valbona", "Srđan", "Gëzim"]
last = ["Krasniqi", "Hoxha", "Redžepi", "Petrović", "Jovanović", "Kalkandelen", "Berisha", "Gashi", "Đorđević", "Shala",
        "Петровић", "Јовановић", "Ђорђевић", "Ramadani", "Bytyqi", "Stojanović", "Thaçi", "Marković", "Kastrati", "Ilić"]
syllables = ["ra", "do", "mi", "ka", "le", "na", "vi", "to", "sa", "ri", "ja", "ne", "bo", "zi", "ku"]
with open(path, "w", encoding="utf-8", newline="") as out:
    out.write("\ufeffEmri;Email;Telefoni;Shënime\r\n")
    for i in range(rows):
        surname = random.choice(last) + "-" + "".join(random.choice(syllables) for _ in range(3)) + str(i)
        name = f"{random.choice(first)} {surname}"
        note = f"\"met at the forum\r\nfollow up in spring\"" if i % 50 == 0 else ""
        out.write(f"{name};person{i}@example.org;+383 44 {i:06d};{note}\r\n")
PY
echo "file: $(wc -c < "$CSV") bytes, $ROWS rows" >&2
for target in empty registry; do
  if [ "$target" = registry ]; then
    bench_database "$KEPT"
    if [ -n "$BENCH_DATABASE" ]; then
      template=${BENCH_DATABASE%%\?*}
      bench_new_database "import_$target" "$PWD/.bench" "${template##*/}"
    else
      bench_new_database "import-$target" "$PWD/.bench"
      cp "$DB" "$NEW_DB"
    fi
    DB=$NEW_DB
  else
    bench_new_database "import_$target" "$PWD/.bench"
    DB=$NEW_DB
    "$BIN" demo --database "$DB" >/dev/null
  fi
  "$BIN" migrate --database "$DB" >/dev/null
  START=$(date +%s.%N)
  # The dry run decides as the real run does (it exits as the import would: undecided duplicates stop it).
  "$BIN" import people "$CSV" --dry-run --duplicates new --database "$DB" >/dev/null
  CHECK=$(echo "$(date +%s.%N) - $START" | bc)
  START=$(date +%s.%N)
  "$BIN" import people "$CSV" --duplicates new --database "$DB" 2>/dev/null | tail -1
  ALL=$(echo "$(date +%s.%N) - $START" | bc)
  printf '| %s | %s | %.1f s | %.1f s |\n' "$target" "$ROWS" "$CHECK" "$ALL"
done
