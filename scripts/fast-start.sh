#!/usr/bin/env bash
# Start the packaged service with a class cache: about twice as fast to ready as `java -jar` (docs/PERFORMANCE.md,
# "Start-up and memory"). The same layout and cache the container image uses, for a local run:
#
#   ./mvnw -B -q -DskipTests package && scripts/fast-start.sh [application arguments...]
#
# The first run extracts the jar into target/fast-start/ (the application jar plus lib/, which the JVM can cache,
# unlike classes inside a nested jar) and trains the cache with one throw-away start: a temporary data directory and
# port, stopping when the Spring context is refreshed (about 20-40 s, once). Later runs reuse it; a new jar or
# another JVM trains again. Environment variables (PORT, DATA_DIR, DATABASE_URL, ...) apply as for `java -jar`.
#
#   JAVA             the java to run (default: $JAVA_HOME/bin/java, else java on the PATH)
#   JAVA_OPTS        further JVM options for the service (not for the training run)
#   FAST_START_DIR   where the extracted jar and cache live (default: target/fast-start)
#
# Java 25 and later: an AOT cache (JEP 483/515: classes loaded and linked ahead of time, plus method profiles).
# Java 17 to 24: an application class-data-sharing archive (dynamic CDS), which covers class loading only.
# Independently of the class cache, the service starts from the bean definitions Spring AOT generated in the build
# wherever they fit its configuration (io.qnt9.srs.system.SpringAotStartup; the training run does the same).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if [[ -n ${JAVA:-} ]]; then java=$JAVA
elif [[ -n ${JAVA_HOME:-} ]]; then java=$JAVA_HOME/bin/java
else java=java; fi
dir=${FAST_START_DIR:-$root/target/fast-start}
jars=("$root"/target/qnt9-srs-*[0-9T].jar)
jar=${jars[0]}
[[ -f $jar ]] || { echo "fast-start: no jar in target/; build it first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }

# The JVM's version from its release file (every JDK and JRE since 9 has one) instead of launching `java -version`,
# which cost 0.08-0.15 s of every start; with the size and time of its class library, so that an update in place
# still trains again. `java -version` where there is no release file.
home=$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")
if [[ -f $home/release ]] && grep -q '^JAVA_RUNTIME_VERSION=' "$home/release"; then
  version="$(grep -m 1 '^JAVA_RUNTIME_VERSION=' "$home/release") $(stat -c '%s %Y' "$home/lib/modules" 2>/dev/null || true)"
  feature=$(sed -E 's/^JAVA_RUNTIME_VERSION="([0-9]+).*/\1/' <<< "$version")
else
  version=$("$java" -version 2>&1 | head -n 1)
  feature=$(sed -E 's/.*version "([0-9]+).*/\1/' <<< "$version")
fi
[[ $feature =~ ^[0-9]+$ && $feature -ge 17 ]] || { echo "fast-start: needs Java 17 or later, found: $version" >&2; exit 1; }
if ((feature >= 25)); then
  cache=$dir/app.aot
  train_opts=(-XX:AOTCacheOutput="$cache" -Xlog:aot=off -Xlog:cds=off)
  run_opts=(-XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off)
else
  cache=$dir/app.jsa
  train_opts=(-XX:ArchiveClassesAtExit="$cache" -Xlog:cds=off)
  run_opts=(-XX:SharedArchiveFile="$cache" -Xlog:cds=off)
fi

# The cache belongs to one jar and one JVM: the stamp names both, and anything else trains again.
stamp="$(stat -c '%i %s %Z' "$jar") $(basename "$jar") | $java | $version"
app=$dir/$(basename "$jar")
if [[ ! -f $cache || ! -f $dir/stamp || $(cat "$dir/stamp") != "$stamp" ]]; then
  echo "fast-start: extracting $(basename "$jar") and training the class cache for Java $feature (once per build)..." >&2
  rm -rf "$dir"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
  training=$(mktemp -d)
  # The training run ends with Runtime.halt (spring.context.exit=onRefresh): no shutdown hook runs, so its embedded
  # PostgreSQL, a separate process, would keep running on a deleted directory (until it panics, up to a minute later).
  # Stop it before the directory goes, on success and on failure.
  stop_training_db() { "$root/scripts/stop-embedded-postgres.sh" "$training/data"; }
  trap 'stop_training_db; rm -rf "$training"' EXIT
  # A throw-away instance: its own embedded database and port, quiet logs, no account or provider settings, and
  # it exits once the context is refreshed (every bean created, migrations applied).
  if ! env -u DATABASE_URL -u ADMIN_EMAIL -u ADMIN_PASSWORD -u REDIS_URL -u OTEL_EXPORTER_OTLP_ENDPOINT \
      DATA_DIR="$training/data" PORT=0 ENVIRONMENT=dev LOG_FORMAT='' ROOT_LOG_LEVEL=WARN LOG_LEVEL=WARN \
      "$java" "${train_opts[@]}" -Dspring.context.exit=onRefresh -jar "$app" \
      > "$training/training.log" 2>&1 || [[ ! -s $cache ]]; then
    tail -n 30 "$training/training.log" >&2
    echo "fast-start: training failed (log above)" >&2
    exit 1
  fi
  echo "$stamp" > "$dir/stamp"
  stop_training_db
  rm -rf "$training"
  trap - EXIT
  echo "fast-start: cache ready ($(($(stat -c %s "$cache") / 1000000)) MB): $cache" >&2
fi
extra=()
read -r -a extra <<< "${JAVA_OPTS:-}"
exec "$java" "${run_opts[@]}" "${extra[@]}" -jar "$app" "$@"
