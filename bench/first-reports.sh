#!/usr/bin/env bash
# A report's first answer for years nobody asked for since the server started: what it costs when no month
# of the year is kept yet (MonthTallies), as after a change to the year's engagements. Each year is asked for
# once, with its previous year, in pairs that do not overlap (2023 with 2022, 2021 with 2020, 2019).
#   bash bench/first-reports.sh BIN [people] [--database URL]   → one line a year: milliseconds, as curl timed it
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
. bench/database.sh
BIN=$1 PEOPLE=${2:-100000}
bench_database "$PEOPLE"
bench_serve
COOKIE=$(bench_cookie "$BASE" arta.krasniqi@ico.example)
report() { curl -s -o /dev/null -w '%{time_total}' -m 600 -H "Cookie: $COOKIE" "$BASE/reports/period?from=$1&to=$2"; }
# The index loads on the first report: a quarter of 2024, which keeps no month of the years below.
report 2024-02-01 2024-03-15 >/dev/null
for year in 2023 2021 2019; do
  echo "$year first: $(echo "$(report "$year-01-01" "$year-12-31") * 1000" | bc) ms, again: $(echo "$(report "$year-01-01" "$year-12-31") * 1000" | bc) ms"
done
echo "server resident: $(( $(ps -o rss= -p $SERVER) / 1024 )) MB"
