#!/usr/bin/env bash
# Acceptance tests over HTTP against a freshly deployed environment (ephemeral staging, PR environments).
# Usage: acceptance-test.sh BASE_URL
# Covers the public contract: health/probes, metrics, dashboard, instruments, stats, search, error format.
set -euo pipefail

base=${1:?usage: acceptance-test.sh BASE_URL}
base=${base%/}
passed=0
failed=0
body=$(mktemp)
trap 'rm -f "$body"' EXIT

# request METHOD PATH [CURL_ARGS...]: sets $status and $ctype, response in $body
request() {
  local method=$1 path=$2 out
  shift 2
  out=$(curl -sS -o "$body" -w '%{http_code} %{content_type}' --max-time 15 -X "$method" "$@" "$base$path" 2>/dev/null) || out="000 none"
  status=${out%% *}
  ctype=${out#* }
}

# expect NAME EXPECTED_STATUS [JQ_FILTER | ~REGEX]: judges the last request
expect() {
  local name=$1 expected=$2 cond=${3:-} ok=true
  [[ $status == "$expected" ]] || ok=false
  if [[ $ok == true && -n $cond ]]; then
    if [[ $cond == "~"* ]]; then
      grep -Eq -- "${cond#\~}" "$body" || ok=false
    else
      [[ $(jq -r "$cond" "$body" 2>/dev/null) == true ]] || ok=false
    fi
  fi
  if [[ $ok == true ]]; then
    passed=$((passed + 1))
    echo "  ok   $name"
  else
    failed=$((failed + 1))
    echo "  FAIL $name: expected $expected, got HTTP $status ($ctype): $(head -c 300 "$body")"
  fi
}

echo "acceptance tests against $base"
request GET /health
expect "health reports healthy with a UTC timestamp" 200 '.status == "healthy" and (.timestamp | test("Z$"))'
for probe in /livez /readyz /actuator/health/liveness /actuator/health/readiness; do
  request GET "$probe"
  expect "probe $probe is UP" 200 '.status == "UP"'
done
request GET /actuator/info
expect "actuator info answers" 200

request GET /api/v1/instruments
expect "instruments include the bundled AAPL, SPX, GOOG, MSFT" 200 '[.[].symbol] | contains(["AAPL","SPX","GOOG","MSFT"])'
request GET /api/v1/instruments/AAPL
expect "AAPL has its 1,260 bundled bars" 200 '.bars == 1260'
request GET /api/v1/instruments/NOPE42
expect "an unknown instrument is a 404 problem" 404 '.status == 404 and (.type | length > 0)'

request GET '/api/stats?ticker=AAPL&start=2014-01-01&end=2014-12-31'
expect "stats for AAPL 2014 cover 252 trading days" 200 '.trading_days == 252 and .high >= .low'
request GET '/api/stats?ticker=AAPL&start=2014-12-31&end=2014-01-01'
expect "stats reject an end before the start with 400" 400 '.status == 400'
request GET '/api/stats?ticker=ZZZZ&start=2014-01-01&end=2014-12-31'
expect "stats for an unknown ticker are a 404 problem" 404 '.status == 404'

request POST /api/v1/stock/search -H 'Content-Type: application/json' --data '{"query":"AAPL"}'
expect "search finds AAPL" 200 '~"AAPL"'
request POST /api/v1/stock/search -H 'Content-Type: application/json' --data '{"query":'
expect "search rejects malformed JSON with 400" 400

request GET /
expect "dashboard page is served" 200 '~<html|<!doctype html|<!DOCTYPE html'

request GET /actuator/prometheus
expect "prometheus exposes request histograms" 200 '~^http_server_requests_seconds_bucket'
expect "prometheus exposes the DB pool" 200 '~^hikaricp_connections_active'
expect "prometheus exposes JVM memory" 200 '~^jvm_memory_used_bytes'

echo "acceptance: $passed passed, $failed failed"
((failed == 0))
