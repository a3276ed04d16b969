#!/usr/bin/env bash
# Time from `podman run` to the first healthy /health of the service image, hardened as the Helm chart runs it
# (read-only root, /tmp tmpfs, no capabilities), three ways, alternating, ROUNDS times (docs/PERFORMANCE.md):
#   embedded      no DATABASE_URL: initdb of the embedded PostgreSQL + migrations + bundled data, every start
#   external      DATABASE_URL to a PostgreSQL on this host (what staging and production run), AOT cache
#   external-noaot the same without the image's AOT cache (java -jar /app/app.jar)
#
#   bash .ci/run setup image && scripts/bench-container-start.sh
#
#   IMAGE          (default localhost/qnt9-srs:ci, what `.ci/run image` builds)
#   BENCH_DB_URL   (default jdbc:postgresql://127.0.0.1:5432/qnt9_bench_start; the database is dropped and created
#                  first, so the first "external" start also migrates and loads the bundled data)
#   BENCH_DB_USER  (default postgres)
#   ROUNDS         (default 3)
set -euo pipefail
image=${IMAGE:-localhost/qnt9-srs:ci}
db_url=${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/qnt9_bench_start}
db_user=${BENCH_DB_USER:-postgres}
rounds=${ROUNDS:-3}
db_name=${db_url##*/}
name=qnt9-bench-start

command -v podman > /dev/null || { echo "podman missing: bash .ci/run setup" >&2; exit 1; }
podman image exists "$image" || { echo "no image $image: bash .ci/run setup image" >&2; exit 1; }
PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U "$db_user" -qc "DROP DATABASE IF EXISTS $db_name" -c "CREATE DATABASE $db_name" > /dev/null
trap 'podman rm -f -t 3 "$name" > /dev/null 2>&1 || true' EXIT

echo "machine: $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg); image: $image"
time_start() { # time_start LABEL [podman run options...] -- [command...]
  local label=$1 port started opts=() cmd=()
  shift
  while (($#)) && [[ $1 != -- ]]; do opts+=("$1"); shift; done
  (($#)) && shift
  cmd=("$@")
  port=$(shuf -i 20000-29999 -n 1)
  podman rm -f "$name" > /dev/null 2>&1 || true
  started=$(date +%s%N)
  podman run -d --name "$name" --network host --read-only --tmpfs /tmp:rw,size=1g,mode=1777 --cap-drop=ALL \
    --security-opt no-new-privileges -e PORT="$port" -e ENVIRONMENT=dev "${opts[@]}" "$image" "${cmd[@]}" > /dev/null 2>&1
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    [[ $(podman inspect -f '{{.State.Running}}' "$name") == true ]] || { podman logs "$name" | tail -n 20; exit 1; }
    sleep 0.05
  done
  printf '%-16s healthy after %5d ms (%s)\n' "$label" $((($(date +%s%N) - started) / 1000000)) \
    "$(podman logs "$name" 2>&1 | grep -o 'Started SrsApplication in [0-9.]* seconds' || true)"
  podman rm -f -t 3 "$name" > /dev/null 2>&1
}

external=(-e DATABASE_URL="$db_url" -e DATABASE_USER="$db_user")
for ((round = 1; round <= rounds; round++)); do
  time_start embedded --
  time_start external "${external[@]}" --
  time_start external-noaot "${external[@]}" --entrypoint java -- -jar /app/app.jar
done
