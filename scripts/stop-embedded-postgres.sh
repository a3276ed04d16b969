#!/bin/sh
# stop-embedded-postgres.sh DATA_DIR: stops the PostgreSQL server running on DATA_DIR, if there is one — a fast
# shutdown (SIGINT: clients are disconnected, the server stops at once), then SIGKILL after 10 s. For what a start
# that ended without its shutdown hook leaves behind (the class-cache training run of scripts/fast-start.sh and of the
# image, and a service killed by .ci/run). The server started by a running service is stopped by the service itself.
# POSIX sh: the runtime image runs it while it is built. Exit status 0 whether or not there was a server.
set -u
data=${1:?usage: stop-embedded-postgres.sh DATA_DIR}
pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null) || exit 0
case $pid in '' | *[!0-9]*) exit 0 ;; esac
# Only that server: the PID of a stale file may belong to any process by now.
tr '\0' '\n' 2> /dev/null < "/proc/$pid/cmdline" | grep -qxF -- "$data" || exit 0
kill -INT "$pid" 2> /dev/null || exit 0
i=0
while [ "$i" -lt 100 ]; do
  kill -0 "$pid" 2> /dev/null || exit 0
  sleep 0.1
  i=$((i + 1))
done
echo "stop-embedded-postgres: PostgreSQL (PID $pid) on $data did not stop within 10 s; killing it" >&2
kill -KILL "$pid" 2> /dev/null || true
