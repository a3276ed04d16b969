#!/usr/bin/env bash
# API benchmarks of the packaged jar on this machine: cold start, memory, throughput/latency (wrk) and a
# 1,000,000-row CSV import. Results go to docs/PERFORMANCE.md by hand, with the machine and load printed here.
#
#   ./mvnw -B -q -DskipTests package && scripts/bench-api.sh
#
# Needs wrk (apt-get install -y wrk), curl and python3. JAVA defaults to Temurin 25 (the image's runtime).
# Every run uses a fresh embedded database under target/bench, so results do not depend on earlier runs.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JARS=(target/qnt9-srs-*[0-9T].jar)
JAR=${JARS[0]}
[[ -f $JAR ]] || { echo "no jar in target/: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
PORT=${BENCH_PORT:-18080}
DURATION=${BENCH_DURATION:-20s}
# Load on each endpoint before its measured run: the JIT needs the better part of a minute of load on this machine
# to reach steady state (a 5 s warm-up measured the compiler, not the service; docs/PERFORMANCE.md).
WARMUP=${BENCH_WARMUP:-45s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
IMPORT_ROWS=${BENCH_IMPORT_ROWS:-1000000}
WORK=target/bench
BASE="http://127.0.0.1:$PORT"
ADMIN_EMAIL=bench-admin@qnt9.io
ADMIN_PASSWORD=bench-admin-password-1

command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:   $("$JAVA" -version 2>&1 | head -n 1)"

start_app() { # start_app LABEL [fast]: java -jar, or scripts/fast-start.sh (extracted jar + class cache)
  local started cmd opts=()
  read -r -a opts <<< "${JAVA_OPTS:-}"
  if [[ ${2:-} == fast ]]; then
    cmd=(env JAVA="$JAVA" FAST_START_DIR="$WORK/fast-start" JAVA_OPTS="${JAVA_OPTS:-}" scripts/fast-start.sh)
  else
    cmd=("$JAVA" "${opts[@]}" -jar "$JAR")
  fi
  started=$(date +%s%N)
  env DATA_DIR="$WORK/pgdata" PORT="$PORT" LOG_FORMAT='' ROOT_LOG_LEVEL=WARN LOG_LEVEL=WARN \
    RATE_LIMIT_ANONYMOUS_PER_MINUTE=100000000 RATE_LIMIT_PAID_PER_MINUTE=100000000 \
    ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    "${cmd[@]}" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  until curl -fsS -o /dev/null "$BASE/health" 2>/dev/null; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$WORK/app.log"; exit 1; }
    sleep 0.05
  done
  echo "time to first healthy /health: $(( ($(date +%s%N) - started) / 1000000 )) ms ($1)"
}
stop_app() { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; }
trap stop_app EXIT
rss() { echo "$(( $(awk '/VmRSS/ {print $2}' /proc/"$APP_PID"/status) / 1024 )) MB"; }

# First start creates the database and loads the bundled data; the second is the everyday restart.
start_app "first start: initdb + migrations + bundled data"
stop_app
# scripts/fast-start.sh: its first run trains the class cache (timed here but not a start-up figure), the next
# ones use it. Then the plain restart again, which the load tests below run against.
start_app "scripts/fast-start.sh, first run: extract + train the cache + start" fast
stop_app
for run in 1 2 3; do
  start_app "scripts/fast-start.sh restart $run, with the cache" fast
  stop_app
  start_app "java -jar restart $run"
  [[ $run == 3 ]] || stop_app
done
echo "RSS after start: $(rss)"

run_wrk() { # name path
  echo
  echo "== wrk -t2 -c$CONNECTIONS -d$DURATION --latency $2 (after $WARMUP of the same load)"
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$BASE$2" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$2" | grep -E 'Requests/sec|Latency |50%|90%|99%|Non-2xx|Socket errors'
}
run_wrk health "/health"
run_wrk stats "/api/stats?ticker=AAPL&start=2013-01-01&end=2018-12-31"
run_wrk report "/api/v1/instruments/AAPL/report"
run_wrk technicals "/api/v1/instruments/SPX/technicals"
run_wrk suggest "/api/v1/search/suggest?q=micro"
echo "RSS after load: $(rss)"

echo
echo "== import of $IMPORT_ROWS rows (POST /api/v1/bars, mode=reject)"
python3 - "$WORK/universe.csv" "$IMPORT_ROWS" <<'EOF'
import datetime, random, sys
path, rows = sys.argv[1], int(sys.argv[2])
days = 2520
symbols = (rows + days - 1) // days
random.seed(7)
start = datetime.date(2010, 1, 4)
dates = []
d = start
while len(dates) < days:
    if d.weekday() < 5:
        dates.append(d.isoformat())
    d += datetime.timedelta(days=1)
with open(path, "w") as f:
    f.write("symbol,date,open,high,low,close,adj_close,volume\n")
    n = 0
    for s in range(symbols):
        price = 20 + s % 200
        for day in dates:
            if n == rows:
                break
            o = price
            price = max(1.0, price * (1 + random.gauss(0.0003, 0.015)))
            hi, lo = max(o, price) * 1.01, min(o, price) * 0.99
            f.write(f"BNCH{s:04d},{day},{o:.4f},{hi:.4f},{lo:.4f},{price:.4f},{price:.4f},{random.randint(1000, 900000)}\n")
            n += 1
EOF
echo "file: $(( $(stat -c %s "$WORK/universe.csv") / 1048576 )) MiB"
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/signin" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
curl -sS -o "$WORK/import.json" -w 'HTTP %{http_code}, %{time_total} s\n' -X POST \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$WORK/universe.csv" \
  "$BASE/api/v1/bars?mode=reject"
head -c 300 "$WORK/import.json"; echo
echo "RSS after import: $(rss)"
echo
echo "== ranking of the universe after the import (first call computes, second is cached)"
curl -sS -o /dev/null -w 'first:  HTTP %{http_code}, %{time_total} s\n' "$BASE/api/v1/recommendations?size=10"
curl -sS -o /dev/null -w 'cached: HTTP %{http_code}, %{time_total} s\n' "$BASE/api/v1/recommendations?size=10"
